import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { DateTimeScalar, FilterField, ListFilter, OrderByField, PageArgs, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { KnowledgeEntryKind } from './knowledge.enums';
import { KnowledgeEntryOrder, KnowledgeQueryStatOrder, KnowledgeSearchHitOrder, KnowledgeSynonymOrder } from './knowledge.orders';
import { MAX_QUERY_LENGTH } from './knowledge.search';

@InputType({ description: '检索筛选。Narrows a knowledge search.' })
export class KnowledgeSearchFilter {
  @Field(() => [KnowledgeEntryKind], { nullable: true, description: '类型。Only entries of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(KnowledgeEntryKind, { each: true })
  kinds?: KnowledgeEntryKind[];
}

@ArgsType()
export class KnowledgeSearchArgs extends PageArgs {
  @Field({ description: `检索词。What to look for (1–${MAX_QUERY_LENGTH} characters): words separated by spaces or punctuation must all match, each as a contiguous phrase (火灾逃生 matches only those characters together); a single character matches any text containing it; synonyms apply (地灾 = 地质灾害).` })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_QUERY_LENGTH)
  query: string;

  @FilterField(() => KnowledgeSearchFilter, '筛选条件。Which entries to search.')
  filter?: KnowledgeSearchFilter;

  @OrderByField(KnowledgeSearchHitOrder, 'title matches first, then by rank, then by id')
  orderBy?: OrderInput<keyof typeof KnowledgeSearchHitOrder.Field>[];
}

@InputType({ description: '条目筛选。Filters for knowledge entries; all given filters must match.' })
export class KnowledgeEntryFilter extends ListFilter {
  @Field(() => [KnowledgeEntryKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(KnowledgeEntryKind, { each: true })
  kinds?: KnowledgeEntryKind[];

  @Field(() => Boolean, { nullable: true, description: '已发布。Only published (true) or unpublished (false) entries; the public sees published ones only.' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @Field(() => String, { nullable: true, description: '标签。Only entries with this tag.' })
  @IsOptional()
  @Length(1, 20)
  tag?: string;

  @Field(() => ID, { nullable: true, description: '来源。Only entries taken from this record (the global id of an emergency plan or a law article).' })
  @IsOptional()
  @IsString()
  sourceNodeId?: string;
}

@ArgsType()
export class KnowledgeEntryListArgs extends PageArgs {
  @FilterField(() => KnowledgeEntryFilter, '筛选条件。Which entries to list.')
  filter?: KnowledgeEntryFilter;

  @OrderByField(KnowledgeEntryOrder, 'by title')
  orderBy?: OrderInput<keyof typeof KnowledgeEntryOrder.Field>[];
}

@InputType({ description: '新建应急百事通条目。A knowledge entry; unpublished unless `publish` is true.' })
export class CreateKnowledgeEntryInput {
  @Field(() => KnowledgeEntryKind, { description: '类型。PLAN_EXCERPT needs an emergency plan as source, LAW_ARTICLE a law article.' })
  @IsEnum(KnowledgeEntryKind)
  kind: KnowledgeEntryKind;

  @Field({ description: '标题。2–120 characters.' })
  @Length(2, 120)
  title: string;

  @Field({ description: '正文。2–4000 characters.' })
  @Length(2, 4000)
  body: string;

  @Field(() => ID, { nullable: true, description: '来源。The global id (`nodeId`) of the emergency plan or law article it was taken from, one you may read.' })
  @IsOptional()
  @IsString()
  sourceNodeId?: string;

  @Field(() => [String], { nullable: true, description: '标签。Up to 10 tags of 1–20 characters.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @Length(1, 20, { each: true })
  tags?: string[];

  @Field(() => Boolean, { nullable: true, description: '立即发布。Publish it at once (default false).' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

@InputType({ description: '更正条目详情。The fields to correct; omitted ones stay.' })
export class KnowledgeEntryChanges {
  @Field(() => KnowledgeEntryKind, { nullable: true, description: '类型。The new kind (its source must fit it).' })
  @UnlessOmitted()
  @IsEnum(KnowledgeEntryKind)
  kind?: KnowledgeEntryKind;

  @Field(() => String, { nullable: true, description: '标题。2–120 characters.' })
  @UnlessOmitted()
  @Length(2, 120)
  title?: string;

  @Field(() => String, { nullable: true, description: '正文。2–4000 characters.' })
  @UnlessOmitted()
  @Length(2, 4000)
  body?: string;

  @Field(() => ID, { nullable: true, description: '来源。The global id of the plan or article; null clears it (not for PLAN_EXCERPT or LAW_ARTICLE).' })
  @IsOptional()
  @IsString()
  sourceNodeId?: string | null;

  @Field(() => [String], { nullable: true, description: '标签。Replaces the tags (up to 10 of 1–20 characters).' })
  @UnlessOmitted()
  @ArrayMaxSize(10)
  @Length(1, 20, { each: true })
  tags?: string[];
}

@InputType({ description: '更正应急百事通条目。Corrects an entry; needs the version you read.' })
export class UpdateKnowledgeEntryInput extends Versioned(KnowledgeEntryChanges) {}

@InputType({ description: '条目发布操作详情。Nothing besides the record but an optional note.' })
export class KnowledgeEntryStep {
  @Field(() => String, { nullable: true, description: '说明。Why (2–200 characters), kept in the audit log.' })
  @IsOptional()
  @Length(2, 200)
  note?: string;
}

@InputType({ description: '发布或撤回条目。Which entry, with the version you read.' })
export class KnowledgeEntryStepInput extends Versioned(KnowledgeEntryStep) {}

@InputType({ description: '同义词筛选。Filters for synonyms.' })
export class KnowledgeSynonymFilter extends ListFilter {
  @Field(() => String, { nullable: true, description: '词语。Only synonyms whose term or canonical term is this.' })
  @IsOptional()
  @Length(1, 20)
  term?: string;
}

@ArgsType()
export class KnowledgeSynonymListArgs extends PageArgs {
  @FilterField(() => KnowledgeSynonymFilter, '筛选条件。Which synonyms to list.')
  filter?: KnowledgeSynonymFilter;

  @OrderByField(KnowledgeSynonymOrder, 'by canonical term, then term')
  orderBy?: OrderInput<keyof typeof KnowledgeSynonymOrder.Field>[];
}

@InputType({ description: '新建同义词。A term searched also as its canonical term (and the canonical\'s other terms).' })
export class CreateKnowledgeSynonymInput {
  @Field({ description: '词语。1–20 letters, digits or CJK characters (lower-cased), e.g. 地灾; not already a term or a canonical term of another synonym.' })
  @Length(1, 20)
  term: string;

  @Field({ description: '标准词。1–20 letters, digits or CJK characters, e.g. 地质灾害; not itself a term of another synonym.' })
  @Length(1, 20)
  canonical: string;

  @Field(() => String, { nullable: true, description: '说明。2–200 characters.' })
  @IsOptional()
  @Length(2, 200)
  note?: string;
}

@InputType({ description: '更正同义词详情。The fields to correct; omitted ones stay.' })
export class KnowledgeSynonymChanges {
  @Field(() => String, { nullable: true, description: '词语。1–20 letters, digits or CJK characters.' })
  @UnlessOmitted()
  @Length(1, 20)
  term?: string;

  @Field(() => String, { nullable: true, description: '标准词。1–20 letters, digits or CJK characters.' })
  @UnlessOmitted()
  @Length(1, 20)
  canonical?: string;

  @Field(() => String, { nullable: true, description: '说明。2–200 characters; null clears it.' })
  @IsOptional()
  @Length(2, 200)
  note?: string | null;
}

@InputType({ description: '更正同义词。Corrects a synonym; needs the version you read.' })
export class UpdateKnowledgeSynonymInput extends Versioned(KnowledgeSynonymChanges) {}

@InputType({ description: '删除同义词。Which synonym to remove (it stops applying; kept for the audit), with the version you read.' })
export class RemoveKnowledgeSynonymInput extends Versioned(KnowledgeEntryStep) {}

@InputType({ description: '无结果检索筛选。Which searches the report counts.' })
export class KnowledgeZeroResultFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: '起始时间。Only searches at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '截止时间。Only searches before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class KnowledgeZeroResultArgs extends PageArgs {
  @FilterField(() => KnowledgeZeroResultFilter, '筛选条件。Which searches to count.')
  filter?: KnowledgeZeroResultFilter;

  @OrderByField(KnowledgeQueryStatOrder, 'the most searched first, then by query')
  orderBy?: OrderInput<keyof typeof KnowledgeQueryStatOrder.Field>[];
}
