import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, JSONObjectScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { EnforcementDocumentKind } from './document.enums';
import type { DocumentFields } from './document-render';

/**
 * A numbered enforcement document (执法文书) as it was issued: its number in the issuer's sequence
 * for the kind and year, the template version and values it was rendered with, and the rendered
 * title, text and HTML. Never changed or deleted (a trigger refuses it): a correction is a new
 * document that supersedes it.
 */
@ObjectType({
  implements: Node,
  description: '执法文书。A numbered enforcement document as issued (e.g. 南平镇应急〔2026〕现检12号): whom it is addressed to, what it concerns, the template version and values it was rendered with, and its text and HTML. Kept permanently and never changed; a correction is a new document superseding it.',
})
@ReadByColumnSelection()
@Entity('enforcement_document')
@Index('enforcement_document_issued_idx', ['issuedOn', 'createdAt', 'id'])
export class EnforcementDocument extends BaseRecord {
  @Field(() => EnforcementDocumentKind, { description: '文书种类。What kind of document it is.' })
  @Column({ type: 'text' })
  kind: EnforcementDocumentKind;

  @Field({ description: '文书编号。The number: the issuer\'s short name, the year, the kind\'s prefix and the serial, e.g. 南平镇应急〔2026〕现检12号; unique.' })
  @Column({ type: 'text' })
  number: string;

  @Field(() => Int, { description: '年度。The year of the issue day, whose sequence the number belongs to.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '序号。The serial number within the issuer\'s sequence for the kind and year: 1, 2, … without gaps.' })
  @Column({ type: 'int' })
  serial: number;

  @Field({ description: '标题。The title rendered from the template, e.g. 责令限期整改指令书（重庆市南川区南平镇宏发采石场）.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => LocalDateScalar, { description: '签发日期。The day it was issued (China time).' })
  @Column({ type: 'date' })
  issuedOn: string;

  @Field(() => UUIDScalar, { description: '受文单位标识。The organization it is addressed to or concerns (e.g. the inspected enterprise); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { description: '发文机关标识。The organization that issued it (the legal subject, e.g. the town government), whose sequence numbers it.' })
  @Column({ type: 'uuid' })
  issuingOrganizationId: string;

  @Field(() => ID, { description: '关联对象全局标识。The global id (`nodeId`) of the record it concerns, e.g. an inspection; see `subject`.' })
  @Column({ type: 'text' })
  subjectNodeId: string;

  @Field({ description: '关联对象类型。The GraphQL type of the record it concerns, e.g. Inspection.' })
  @Column({ type: 'text' })
  subjectType: string;

  /** The id inside `subjectNodeId` (the subject's own id), for a subject's documents. */
  @Column({ type: 'uuid' })
  subjectId: string;

  @Field(() => UUIDScalar, { description: '模板标识。The template version it was rendered from; see `template`.' })
  @Column({ type: 'uuid' })
  templateId: string;

  @Field(() => Int, { description: '模板版本。The version of the kind\'s template it was rendered from (1, 2, …); a later version never changes it.' })
  @Column({ type: 'int' })
  templateVersion: number;

  @Field(() => JSONObjectScalar, { description: '填写内容。The values it was rendered with, by the template\'s field names (a correction starts from them).' })
  @Column({ type: 'jsonb' })
  fields: DocumentFields;

  @Field({ description: '文本。The document as plain text, as issued.' })
  @Column({ type: 'text' })
  text: string;

  @Field({ description: '网页版。The document as an HTML page (every value escaped), as issued; also downloadable from /enforcement/documents/{id}/html.' })
  @Column({ type: 'text' })
  html: string;

  @Field(() => UUIDScalar, { nullable: true, description: '更正的文书标识。For a correction, the document it replaces; null otherwise. See `supersedes`.' })
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Field(() => String, { nullable: true, description: '更正原因。For a correction, why the earlier document was replaced; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  correctionReason: string | null;
}
