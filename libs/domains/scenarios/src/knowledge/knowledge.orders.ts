import { SortDirection, defineOrder } from '@platform/core';

/** `knowledgeEntries(orderBy:)`: by title by default. */
export const KnowledgeEntryOrder = defineOrder(
  'KnowledgeEntry',
  '应急百事通条目',
  {
    TITLE: { column: 't.title', description: '标题。By title.' },
    KIND: { column: 't.kind', description: '类型。By kind.' },
    PUBLISHED_AT: { column: 't.published_at', description: '发布时间。By when it was published (unpublished ones last ascending).' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.title', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `knowledgeSynonyms(orderBy:)`: by canonical term, then term. */
export const KnowledgeSynonymOrder = defineOrder(
  'KnowledgeSynonym',
  '检索同义词',
  {
    CANONICAL: { column: 't.canonical', description: '标准词。By canonical term.' },
    TERM: { column: 't.term', description: '词语。By term.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed.' },
  },
  [
    { column: 't.canonical', direction: SortDirection.ASC },
    { column: 't.term', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/**
 * `knowledgeSearch(orderBy:)`, over the matched entries `h`: by relevance by default (entries whose
 * title matches the whole query first, then `ts_rank_cd` descending, then by id); ties by id.
 */
export const KnowledgeSearchHitOrder = defineOrder(
  'KnowledgeSearchHit',
  '应急百事通检索结果',
  {
    TITLE_MATCHED: { column: 'h."titleMatched"', description: '标题命中。By whether the title matches the whole query (false first ascending).' },
    RANK: { column: 'h.rank', description: '相关度。By ts_rank_cd alone.' },
    TITLE: { column: 'h.title', description: '标题。By title.' },
    PUBLISHED_AT: { column: 'h.published_at', description: '发布时间。By when it was published.' },
    UPDATED_AT: { column: 'h.updated_at', description: '更新时间。By when it last changed.' },
  },
  [
    { column: 'h."titleMatched"', direction: SortDirection.DESC },
    { column: 'h.rank', direction: SortDirection.DESC },
    { column: 'h.id', direction: SortDirection.ASC },
  ],
  { tieBreak: ['h.id'] },
);

/** `knowledgeZeroResultQueries(orderBy:)`, over the grouped queries `g`: the most searched first by default; one row per query, so ties by query. */
export const KnowledgeQueryStatOrder = defineOrder(
  'KnowledgeQueryStat',
  '无结果检索统计',
  {
    SEARCHES: { column: 'g.searches', description: '检索次数。By how many searches found nothing.' },
    ANONYMOUS_SEARCHES: { column: 'g."anonymousSearches"', description: '匿名检索次数。By how many of them were anonymous.' },
    LAST_SEARCHED_AT: { column: 'g."lastSearchedAt"', description: '最近检索时间。By the last such search.' },
    QUERY: { column: 'g.query', description: '检索词。By the query text.', unique: true },
  },
  [
    { column: 'g.searches', direction: SortDirection.DESC },
    { column: 'g.query', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g.query'] },
);
