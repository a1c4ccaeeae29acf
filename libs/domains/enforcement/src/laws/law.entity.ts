import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { LawDocumentKind, LawEvidence } from './law.enums';

/**
 * A document of the law catalog (法律法规库): a law, regulation, rule, local regulation or rule,
 * standard or normative document, with its number, issuing body, days and where its text was read.
 */
@ObjectType({ implements: Node, description: '法律法规文件。A law, administrative regulation, ministry rule, local regulation or rule, standard or normative document of the law catalog: its number, issuing body, days in force and where its text was read.' })
@ReadByColumnSelection()
@Entity('law_document')
@Index('law_document_effective_idx', ['effectiveFrom', 'id'])
export class LawDocument extends BaseRecord {
  @Field({ description: '文件代码。A stable short key of the document, e.g. work-safety-law-2021, order-493.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => LawDocumentKind, { description: '文件类别。Its kind and legal rank.' })
  @Column({ type: 'text' })
  kind: LawDocumentKind;

  @Field({ description: '标题。The title, e.g. 中华人民共和国安全生产法（2021年修正）.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '文号。The number it was issued under, e.g. 主席令第八十八号, 国务院令第493号, 应急管理部令第18号; null for a document issued without one.' })
  @Column({ type: 'text', nullable: true })
  documentNumber: string | null;

  @Field({ description: '制定机关。The body that issued it, e.g. 全国人民代表大会常务委员会, 国务院, 应急管理部.' })
  @Column({ type: 'text' })
  issuingBody: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '通过日期。The day it was adopted (YYYY-MM-DD); null when not recorded.' })
  @Column({ type: 'date', nullable: true })
  adoptedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '公布日期。The day it was promulgated (YYYY-MM-DD); null when not recorded.' })
  @Column({ type: 'date', nullable: true })
  promulgatedOn: string | null;

  @Field(() => LocalDateScalar, { description: '施行日期。The first day it is in force (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。Its last day in force (YYYY-MM-DD); null while no end is set (repealLawDocument sets one).' })
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Field(() => String, { nullable: true, description: '文本来源。Where its text was read, e.g. LawRefBook/Laws 社会法/安全生产法(2021-06-10).md; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Field(() => String, { nullable: true, description: '说明。What was checked and what was not, e.g. "[S] order text not read; days from the ministry\'s announcement".' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/**
 * An article of a catalog document (条文) with the office's own text summary, the matters it applies
 * to (topics), its effective period and, once a later article takes over, the day it was superseded.
 */
@ObjectType({ implements: Node, description: '法律条文。An article of a catalog document: its number, the office\'s own summary of its text, the matters (topics) it applies to, its effective period and its supersession by later articles.' })
@ReadByColumnSelection()
@Entity('law_article')
@Index('law_article_order_idx', ['documentId', 'ordinal', 'id'])
export class LawArticle extends BaseRecord {
  @Field(() => UUIDScalar, { description: '文件标识。The document the article belongs to.' })
  @Column({ type: 'uuid' })
  documentId: string;

  @Field({ description: '条次。The article\'s number as the text writes it, e.g. 第二十一条 (or 〔条次待核〕 for an unread one).' })
  @Column({ type: 'text' })
  number: string;

  @Field(() => Int, { description: '序号。The article\'s number as an integer (21 for 第二十一条), unique in its document; articles list by it.' })
  @Column({ type: 'int' })
  ordinal: number;

  @Field(() => String, { nullable: true, description: '条旨。A short heading of what the article is about, e.g. 主要负责人职责; null when none is given.' })
  @Column({ type: 'text', nullable: true })
  caption: string | null;

  @Field({ description: '内容摘要。The office\'s own summary of the article\'s text (not the whole text).' })
  @Column({ type: 'text' })
  summary: string;

  @Field(() => [String], { description: '适用事项。The matters the article applies to, as short codes (principal-duties, hearing, unit-fine-violation…): what `applicableLawArticles(topic:)` asks by.' })
  @Column({ type: 'text', array: true })
  topics: string[];

  @Field(() => LawEvidence, { description: '核对情况。How far its number and summary were checked: [V] read in the primary text, [S] secondary source, [U] not checked.' })
  @Column({ type: 'text' })
  evidence: LawEvidence;

  @Field(() => String, { nullable: true, description: '文本来源。Where the article\'s text was read; null when it is the document\'s.' })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Field(() => String, { nullable: true, description: '说明。A note on the entry, e.g. what remains to be checked.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => LocalDateScalar, { description: '施行日期。The first day the article is in force (YYYY-MM-DD; not before its document\'s).' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。Its last day in force (YYYY-MM-DD): the day before it was superseded, or the day it was repealed; null while it has no end.' })
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '被取代日期。The first day the articles in `supersededBy` apply instead of it (YYYY-MM-DD; its `effectiveTo` is the day before); null when it is not superseded.' })
  @Column({ type: 'date', nullable: true })
  supersededOn: string | null;
}

/** A supersession link (取代关系): from a day on, a later (or higher) article applies instead of an earlier one. */
@ObjectType({ implements: Node, description: '条文取代关系。From a day on, a later or higher article applies instead of an earlier one (e.g. 安全生产法 2021 第一百一十四条 instead of 国务院令第493号 第三十七条 from 2021-09-01).' })
@ReadByColumnSelection()
@Entity('law_article_supersession')
@Index('law_article_supersession_article_idx', ['articleId', 'effectiveOn', 'id'])
@Index('law_article_supersession_superseding_idx', ['supersedingArticleId', 'effectiveOn', 'id'])
export class LawArticleSupersession extends BaseRecord {
  @Field(() => UUIDScalar, { description: '被取代条文标识。The article superseded.' })
  @Column({ type: 'uuid' })
  articleId: string;

  @Field(() => UUIDScalar, { description: '取代条文标识。The article that applies instead.' })
  @Column({ type: 'uuid' })
  supersedingArticleId: string;

  @Field(() => LocalDateScalar, { description: '取代日期。The first day the superseding article applies instead (YYYY-MM-DD); the superseded one\'s last day is the day before.' })
  @Column({ type: 'date' })
  effectiveOn: string;

  @Field({ description: '取代说明。Why, e.g. 上位法优先：安全生产法（2021年修正）施行后事故罚款按第一百一十四条.' })
  @Column({ type: 'text' })
  note: string;
}
