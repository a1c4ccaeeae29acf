import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { LawDocumentKind, LawEvidence } from './law.enums';
import { LawArticleOrder, LawDocumentOrder } from './law.orders';

/** A matter key (topic): lower-case words joined by hyphens, e.g. `hidden-danger-not-eliminated`. */
export const TOPIC = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** A document code: lower-case letters, digits and hyphens, e.g. `work-safety-law-2021`. */
export const DOCUMENT_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
/** The most topics one article lists. */
const MAX_TOPICS = 20;

@InputType({ description: '法律法规文件筛选。Filters for catalog documents; all given filters must match.' })
export class LawDocumentFilter extends ListFilter {
  @Field(() => [LawDocumentKind], { nullable: true, description: '文件类别。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(LawDocumentKind, { each: true })
  kinds?: LawDocumentKind[];

  @Field(() => LocalDateScalar, { nullable: true, description: '有效日期。Only documents in force on this day (YYYY-MM-DD).' })
  @IsOptional()
  inForceOn?: string;

  @Field(() => String, { nullable: true, description: '文件代码。Only the document with this code.' })
  @IsOptional()
  @Length(1, 64)
  code?: string;

  @Field(() => String, { nullable: true, description: '关键词。Only documents whose title, number or issuing body contains this text (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class LawDocumentListArgs extends PageArgs {
  @FilterField(() => LawDocumentFilter, '筛选条件。Which documents to list.')
  filter?: LawDocumentFilter;

  @OrderByField(LawDocumentOrder, 'the most recently in force first')
  orderBy?: OrderInput<keyof typeof LawDocumentOrder.Field>[];
}

@InputType({ description: '法律条文筛选。Filters for articles; all given filters must match.' })
export class LawArticleFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '文件标识。Only articles of this document.' })
  @IsOptional()
  @IsUUID()
  documentId?: string;

  @Field(() => String, { nullable: true, description: '适用事项。Only articles listing this matter among their topics (e.g. hearing); see `applicableLawArticles` for the ones that apply on a day.' })
  @IsOptional()
  @Matches(TOPIC)
  @Length(2, 64)
  topic?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '有效日期。Only articles in force on this day (YYYY-MM-DD): superseded and repealed ones are out from the day their period ends.' })
  @IsOptional()
  inForceOn?: string;

  @Field(() => [LawEvidence], { nullable: true, description: '核对情况。Only articles checked this far (e.g. [UNVERIFIED] for the ones still to check).' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(LawEvidence, { each: true })
  evidence?: LawEvidence[];

  @Field(() => String, { nullable: true, description: '关键词。Only articles whose number, heading or summary contains this text (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class LawArticleListArgs extends PageArgs {
  @FilterField(() => LawArticleFilter, '筛选条件。Which articles to list.')
  filter?: LawArticleFilter;

  @OrderByField(LawArticleOrder, 'document by document, by article number')
  orderBy?: OrderInput<keyof typeof LawArticleOrder.Field>[];
}

@ArgsType()
export class ApplicableLawArticleArgs extends PageArgs {
  @Field({ description: '适用事项。The matter, as a topic code (e.g. hearing, unit-fine-violation, accident-unit-fine).' })
  @Matches(TOPIC)
  @Length(2, 64)
  topic: string;

  @Field(() => LocalDateScalar, { description: '日期。The day the matter is judged on (YYYY-MM-DD), e.g. the day of the act or of the decision.' })
  on: string;

  @FilterField(() => LawArticleFilter, '筛选条件。Narrows the applicable articles further (document, search…).')
  filter?: LawArticleFilter;

  @OrderByField(LawArticleOrder, 'document by document, by article number')
  orderBy?: OrderInput<keyof typeof LawArticleOrder.Field>[];
}

@InputType({ description: '新增法律法规文件。A document for the catalog.' })
export class AddLawDocumentInput {
  @Field({ description: '文件代码。A stable short key, unique in the catalog: lower-case letters, digits and hyphens (e.g. fire-law-2021).' })
  @Matches(DOCUMENT_CODE)
  code: string;

  @Field(() => LawDocumentKind, { description: '文件类别。Its kind and legal rank.' })
  @IsEnum(LawDocumentKind)
  kind: LawDocumentKind;

  @Field({ description: '标题。The title (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: '文号。The number it was issued under, e.g. 主席令第八十八号 (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  documentNumber?: string;

  @Field({ description: '制定机关。The issuing body (2–100 characters).' })
  @Length(2, 100)
  issuingBody: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '通过日期。The day it was adopted (YYYY-MM-DD).' })
  @IsOptional()
  adoptedOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '公布日期。The day it was promulgated (YYYY-MM-DD; not before adoption).' })
  @IsOptional()
  promulgatedOn?: string;

  @Field(() => LocalDateScalar, { description: '施行日期。The first day in force (YYYY-MM-DD).' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。The last day in force (YYYY-MM-DD; not before effectiveFrom), when already known.' })
  @IsOptional()
  effectiveTo?: string;

  @Field(() => String, { nullable: true, description: '文本来源。Where its text was read (1–300 characters).' })
  @IsOptional()
  @Length(1, 300)
  source?: string;

  @Field(() => String, { nullable: true, description: '说明。What was checked and what was not (1–1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: '条文内容。What an article says and which matters it applies to.' })
export class LawArticleContent {
  @Field({ description: '条次。The number as the text writes it, e.g. 第二十一条 (1–40 characters).' })
  @Length(1, 40)
  number: string;

  @Field(() => Int, { description: '序号。The number as an integer (21 for 第二十一条), unique in the document (1–100000).' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  ordinal: number;

  @Field(() => String, { nullable: true, description: '条旨。A short heading (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  caption?: string;

  @Field({ description: '内容摘要。The office\'s own summary of the text (2–2000 characters).' })
  @Length(2, 2000)
  summary: string;

  @Field(() => [String], { description: '适用事项。The matters it applies to, as topic codes (at most 20, each once).' })
  @ArrayMaxSize(MAX_TOPICS)
  @ArrayUnique()
  @Matches(TOPIC, { each: true })
  @Length(2, 64, { each: true })
  topics: string[];

  @Field(() => LawEvidence, { description: '核对情况。How far the number and summary were checked.' })
  @IsEnum(LawEvidence)
  evidence: LawEvidence;

  @Field(() => String, { nullable: true, description: '文本来源。Where the article\'s text was read, when not the document\'s (1–300 characters).' })
  @IsOptional()
  @Length(1, 300)
  source?: string;

  @Field(() => String, { nullable: true, description: '说明。A note, e.g. what remains to be checked (1–1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: '新增法律条文。An article of a catalog document.' })
export class AddLawArticleInput extends LawArticleContent {
  @Field(() => UUIDScalar, { description: '文件标识。The document.' })
  @IsUUID()
  documentId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '施行日期。The first day in force (YYYY-MM-DD; not before the document\'s); the document\'s when omitted.' })
  @IsOptional()
  effectiveFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。The last day in force (YYYY-MM-DD; within the document\'s period), when already known.' })
  @IsOptional()
  effectiveTo?: string;
}

@InputType({ description: '修改条文内容。The fields to change; omitted ones stay. Periods change only by supersession or repeal.' })
export class LawArticleChanges {
  @Field(() => String, { nullable: true, description: '条次。The number as the text writes it (1–40 characters).' })
  @UnlessOmitted()
  @Length(1, 40)
  number?: string;

  @Field(() => Int, { nullable: true, description: '序号。The number as an integer, unique in the document (1–100000).' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(100_000)
  ordinal?: number;

  @Field(() => String, { nullable: true, description: '条旨。A short heading (1–100 characters); null clears it.' })
  @IsOptional()
  @Length(1, 100)
  caption?: string | null;

  @Field(() => String, { nullable: true, description: '内容摘要。The summary (2–2000 characters).' })
  @UnlessOmitted()
  @Length(2, 2000)
  summary?: string;

  @Field(() => [String], { nullable: true, description: '适用事项。The topics, replacing the old ones (at most 20, each once).' })
  @UnlessOmitted()
  @ArrayMaxSize(MAX_TOPICS)
  @ArrayUnique()
  @Matches(TOPIC, { each: true })
  @Length(2, 64, { each: true })
  topics?: string[];

  @Field(() => LawEvidence, { nullable: true, description: '核对情况。How far it is now checked.' })
  @UnlessOmitted()
  @IsEnum(LawEvidence)
  evidence?: LawEvidence;

  @Field(() => String, { nullable: true, description: '文本来源。Where the text was read (1–300 characters); null clears it.' })
  @IsOptional()
  @Length(1, 300)
  source?: string | null;

  @Field(() => String, { nullable: true, description: '说明。A note (1–1000 characters); null clears it.' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: '修改法律条文。Corrects an article\'s number, summary, topics or checking state. Needs the version you read.' })
export class UpdateLawArticleInput extends Versioned(LawArticleChanges) {}

@InputType({ description: '取代详情。Which articles apply instead of this one, and from which day.' })
export class LawArticleSupersessionDetails {
  @Field(() => [UUIDScalar], { description: '取代条文。The articles that apply instead (1–5, each once), each in force on `effectiveOn`.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  supersedingArticleIds: string[];

  @Field(() => LocalDateScalar, { description: '取代日期。The first day they apply instead (YYYY-MM-DD); the article\'s last day becomes the day before.' })
  effectiveOn: string;

  @Field({ description: '取代说明。Why (2–1000 characters), e.g. 应急管理部令第18号施行，原办法同时废止.' })
  @Length(2, 1000)
  note: string;
}

@InputType({ description: '条文被取代。Records that later articles apply instead of this one from a day. Needs the version you read.' })
export class SupersedeLawArticleInput extends Versioned(LawArticleSupersessionDetails) {}

@InputType({ description: '废止详情。The last day in force (not used as a type by itself).' })
export abstract class RepealDetails {
  @Field(() => LocalDateScalar, { description: '失效日期。The last day in force (YYYY-MM-DD): not before the first, and earlier than any end already set.' })
  effectiveTo: string;

  @Field(() => String, { nullable: true, description: '说明。Why, e.g. the repealing document (1–1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: '条文废止详情。The article\'s last day in force.' })
export class RepealArticleDetails extends RepealDetails {}

@InputType({ description: '文件废止详情。The document\'s last day in force.' })
export class RepealDocumentDetails extends RepealDetails {}

@InputType({ description: '废止条文。Ends an article (not superseded) on a day. Needs the version you read.' })
export class RepealLawArticleInput extends Versioned(RepealArticleDetails) {}

@InputType({ description: '废止文件。Ends a document on a day, and its articles still in force after it. Needs the version you read.' })
export class RepealLawDocumentInput extends Versioned(RepealDocumentDetails) {}
