import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { EnforcementDocumentFieldType, EnforcementDocumentKind } from './document.enums';
import type { TemplateFieldDeclaration } from './document-render';

/** A field a template declares: what the caller of an issue gives. */
@ObjectType({ description: '文书模板字段。A field a document template declares: its name in the values, its label, type and whether it is required.' })
export class EnforcementDocumentTemplateField implements TemplateFieldDeclaration {
  @Field({ description: '字段名。The name in the values and in the template, lower camel case, e.g. deadline.' })
  name: string;

  @Field({ description: '字段说明。What it holds, e.g. 整改期限.' })
  label: string;

  @Field(() => EnforcementDocumentFieldType, { description: '字段类型。Text, a day or a list of rows.' })
  type: EnforcementDocumentFieldType;

  @Field({ description: '是否必填。True when an issue without it (or with it blank or an empty list) is refused with rule required.' })
  required: boolean;
}

/**
 * One version of a kind's templates (文书模板): title, text and HTML in Mustache, with the fields
 * they declare. Versions are only added (a trigger refuses changes): a document keeps the version it
 * was rendered from.
 */
@ObjectType({ implements: Node, description: '文书模板版本。One version of a document kind\'s templates (Mustache: values and sections, no code): the title, the text and the HTML page, with the fields they declare. Added, never changed; documents keep the version they were issued with.' })
@ReadByColumnSelection()
@Entity('enforcement_document_template')
export class EnforcementDocumentTemplate extends BaseRecord {
  @Field(() => EnforcementDocumentKind, { description: '文书种类。The kind the template is for.' })
  @Column({ type: 'text' })
  kind: EnforcementDocumentKind;

  @Field(() => Int, { description: '模板版本。1 for the first template of the kind, then one more for each version added.' })
  @Column({ type: 'int' })
  templateVersion: number;

  @Field({ description: '标题模板。The title, rendered as text, e.g. 责令限期整改指令书（{{organization.name}}）.' })
  @Column({ type: 'text' })
  titleTemplate: string;

  @Field({ description: '文本模板。The document as plain text (values written as they are).' })
  @Column({ type: 'text' })
  textTemplate: string;

  @Field({ description: 'HTML 模板。The document as an HTML page (every value escaped; no unescaped output allowed).' })
  @Column({ type: 'text' })
  htmlTemplate: string;

  @Field(() => [EnforcementDocumentTemplateField], { description: '字段。The fields the templates use, besides the renderer\'s own (number, year, serial, issuedOn, issuedOnZh, kindName, organization.name, issuer.name, issuer.shortName, correction).' })
  @Column({ type: 'jsonb' })
  fields: EnforcementDocumentTemplateField[];

  @Field(() => String, { nullable: true, description: '版本说明。Why the version was added or where its wording comes from.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A kind of enforcement document with its number prefix and current template (a row per kind). */
@ObjectType({ implements: Node, description: '执法文书种类。A kind of enforcement document: its Chinese name, the number prefix (e.g. 现检), the current template and every template version.' })
@ReadByColumnSelection()
@Entity('enforcement_document_kind')
export class EnforcementDocumentForm extends BaseRecord {
  @Field(() => EnforcementDocumentKind, { description: '文书种类。The kind.' })
  @Column({ type: 'text' })
  kind: EnforcementDocumentKind;

  @Field({ description: '名称。The kind\'s Chinese name, e.g. 责令限期整改指令书.' })
  @Column({ type: 'text' })
  nameZh: string;

  @Field({ description: '编号代字。What numbers of the kind carry before the serial, e.g. 现检 in 南平镇应急〔2026〕现检12号.' })
  @Column({ type: 'text' })
  numberPrefix: string;

  @Field(() => Int, { description: '排序。Display order (the order of a case file).' })
  @Column({ type: 'int' })
  sortOrder: number;

  @Field(() => UUIDScalar, { nullable: true, description: '现行模板标识。The template version new documents are rendered from; see `currentTemplate`.' })
  @Column({ type: 'uuid', nullable: true })
  currentTemplateId: string | null;

  @Field(() => Int, { description: '现行模板版本。The version number of the current template.' })
  @Column({ type: 'int' })
  currentTemplateVersion: number;
}

/** The short name (发文机关代字) an issuing organization's document numbers start with. */
@ObjectType({ implements: Node, description: '发文机关代字。The short name an issuing organization\'s document numbers start with, e.g. 南平镇应急 for the town government; an organization without one cannot number documents.' })
@ReadByColumnSelection()
@Entity('enforcement_document_issuer')
export class EnforcementDocumentIssuer extends BaseRecord {
  @Field(() => UUIDScalar, { description: '发文机关标识。The issuing organization.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '机关代字。The short name, e.g. 南平镇应急 (2–20 characters, no spaces or 〔〕); unique.' })
  @Column({ type: 'text' })
  shortName: string;
}
