import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@platform/core';
import { KnowledgeEntry } from './knowledge-entry.entity';

@ObjectType({ description: '高亮片段。A highlighted stretch of a text: where a query word (or its synonym) matched.' })
export class KnowledgeHighlight {
  @Field(() => Int, { description: '起点。Where it starts, in Unicode code points from the text\'s start (0-based).' })
  start: number;

  @Field(() => Int, { description: '长度。How many code points it spans.' })
  length: number;
}

@ObjectType({ description: '摘要。A stretch of an entry\'s body around its first match (about 80 characters, … where cut), with the matches in it highlighted.' })
export class KnowledgeSnippet {
  @Field({ description: '摘要文本。The text of the snippet.' })
  text: string;

  @Field(() => [KnowledgeHighlight], { description: '高亮。Where the query matched within `text`.' })
  highlights: KnowledgeHighlight[];
}

@ObjectType({ description: '检索结果。An entry found by a knowledge search, with its rank and highlighted snippet.' })
export class KnowledgeSearchHit {
  @Field(() => KnowledgeEntry, { description: '条目。The entry found.' })
  entry: KnowledgeEntry;

  @Field(() => Float, { description: '相关度。Its ts_rank_cd over the bigram index (title weighted above body above tags); higher is better.' })
  rank: number;

  @Field({ description: '标题命中。True when the whole query matches in the title: such entries come first.' })
  titleMatched: boolean;

  @Field(() => [KnowledgeHighlight], { description: '标题高亮。Where the query matched in the title.' })
  titleHighlights: KnowledgeHighlight[];

  @Field(() => KnowledgeSnippet, { description: '摘要。The body around the first match, highlighted.' })
  snippet: KnowledgeSnippet;
}

@ObjectType({ description: '无结果检索统计。A query that found nothing, with how often it was searched in the period: content to write.' })
export class KnowledgeQueryStat {
  @Field({ description: '检索词。The normalized query (NFKC, lower-case, spaces collapsed).' })
  query: string;

  @Field(() => Int, { description: '检索次数。How many searches with it found nothing in the period.' })
  searches: number;

  @Field(() => Int, { description: '匿名检索次数。How many of them were anonymous (the public).' })
  anonymousSearches: number;

  @Field(() => DateTimeScalar, { description: '最近检索时间。The last such search.' })
  lastSearchedAt: Date;
}
