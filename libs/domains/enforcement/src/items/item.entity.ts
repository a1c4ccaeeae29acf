import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { DiscretionLevel, DiscretionSubject, EnforcementItemCategory, EnforcementItemKind, EnforcementItemListStatus } from './item.enums';

/**
 * A version of the town's enforcement item list (执法事项清单), e.g. the list in force from
 * 2025-07-01 under 渝府办发〔2025〕28号: drafted, published (the previous list then ends the day
 * before), superseded by the next. Its items belong to it forever.
 */
@ObjectType({ implements: Node, description: '执法事项清单。A version of the enforcement item list of a legal subject (the town government): drafted, published from an effective day (the list it replaces ends the day before), superseded by the next; its items belong to it forever, so matters opened under an item keep it.' })
@ReadByColumnSelection()
@Entity('enforcement_item_list')
@Index('enforcement_item_list_order_idx', ['effectiveFrom', 'id'])
export class EnforcementItemList extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The legal subject the list belongs to (the town government); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '清单编号。A short code of the version, unique for its organization, e.g. 2025-07.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '清单名称。The title, e.g. 南平镇行政执法事项清单（2025年版）.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '依据文号。The document that set the list, e.g. 渝府办发〔2025〕28号; null when none is recorded.' })
  @Column({ type: 'text', nullable: true })
  documentNumber: string | null;

  @Field(() => LocalDateScalar, { description: '生效日期。The first day the list is in force once published (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。Its last day in force (YYYY-MM-DD): the day before the next published list\'s first; null until one replaces it.' })
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Field(() => EnforcementItemListStatus, { description: '状态。Draft, in force or superseded.' })
  @Column({ type: 'text' })
  status: EnforcementItemListStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '发布时间。When it was published; null for a draft.' })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '复制来源标识。The published list this draft was copied from; null for a list drawn up empty.' })
  @Column({ type: 'uuid', nullable: true })
  previousId: string | null;

  @Field(() => String, { nullable: true, description: '说明。A note on the version, e.g. what changed or what is unverified.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** An enforcement item of one list version (执法事项): what the town may do, how it holds it, on what basis. */
@ObjectType({ implements: Node, description: '执法事项。An item of one list version: what the legal subject may do (inspect, penalize, coerce), how it holds the power (statutory, delegated with the department that held it, entrusted with the body in whose name it is done), its legal basis and, for penalties, its discretion bands.' })
@ReadByColumnSelection()
@Entity('enforcement_item')
@Index('enforcement_item_list_idx', ['listId', 'code', 'id'])
@Index('enforcement_item_code_idx', ['code', 'id'])
export class EnforcementItem extends BaseRecord {
  @Field(() => UUIDScalar, { description: '清单标识。The list version the item belongs to (forever); its scope is the list\'s.' })
  @Column({ type: 'uuid' })
  listId: string;

  @Field({ description: '事项编码。The item\'s code, unique in its list and kept across versions, e.g. AQ-JC-001.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '事项名称。The item, e.g. 对生产经营单位安全生产状况的监督检查.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => EnforcementItemKind, { description: '事项类型。Statutory, delegated or entrusted.' })
  @Column({ type: 'text' })
  kind: EnforcementItemKind;

  @Field(() => EnforcementItemCategory, { description: '事项类别。Inspection, penalty, coercive measure or other.' })
  @Column({ type: 'text' })
  category: EnforcementItemCategory;

  @Field(() => String, { nullable: true, description: '实施范围。Whom or what the item covers, e.g. 辖区内生产经营单位; for delegated items 行政处罚权以及与其有关的行政检查、行政强制措施; null when not stated.' })
  @Column({ type: 'text', nullable: true })
  scope: string | null;

  @Field(() => UUIDScalar, { description: '实施主体标识。The legal subject that exercises the item (the town government in the seed).' })
  @Column({ type: 'uuid' })
  responsibleOrganizationId: string;

  @Field(() => String, { nullable: true, description: '原行使部门。For a DELEGATED item, the department that held the power, e.g. 区应急管理局; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  sourceDepartment: string | null;

  @Field(() => String, { nullable: true, description: '委托机关。For an ENTRUSTED item, the body in whose name it is done, e.g. 区消防救援支队; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  entrustingBody: string | null;

  @Field({ description: '实施依据。The legal basis as the list writes it, e.g. 《中华人民共和国安全生产法》第九十七条; the catalog\'s articles are in `basisArticles`.' })
  @Column({ type: 'text' })
  legalBasis: string;

  @Field(() => String, { nullable: true, description: '说明。A note, e.g. what is unverified.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A discretion band of a penalty item (裁量基准): the fine range for a unit or a person in given circumstances. */
@ObjectType({ implements: Node, description: '裁量基准。A discretion band of a penalty item: for the unit or for a person, at a level, the fine range in yuan (or, for a person, as a share of last year\'s income) and the circumstances it is for.' })
@ReadByColumnSelection()
@Entity('enforcement_discretion_band')
@Index('enforcement_discretion_band_item_idx', ['itemId', 'id'])
export class EnforcementDiscretionBand extends BaseRecord {
  @Field(() => UUIDScalar, { description: '事项标识。The penalty item; the band\'s scope is its item\'s.' })
  @Column({ type: 'uuid' })
  itemId: string;

  @Field(() => DiscretionSubject, { description: '处罚对象。The unit or a person.' })
  @Column({ type: 'text' })
  subject: DiscretionSubject;

  @Field(() => DiscretionLevel, { description: '裁量阶次。Minor, ordinary, serious or grave.' })
  @Column({ type: 'text' })
  level: DiscretionLevel;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款下限（元）。The least fine in yuan; null for a band set as a share of income.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fineMinYuan: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款上限（元）。The greatest fine in yuan; null for a band set as a share of income.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fineMaxYuan: string | null;

  @Field(() => Int, { nullable: true, description: '收入比例下限（%）。For a person: the least fine as a percentage of last year\'s income (安全生产法 第九十五条); null for a band in yuan.' })
  @Column({ type: 'int', nullable: true })
  incomePercentMin: number | null;

  @Field(() => Int, { nullable: true, description: '收入比例上限（%）。For a person: the greatest fine as a percentage of last year\'s income; null for a band in yuan.' })
  @Column({ type: 'int', nullable: true })
  incomePercentMax: number | null;

  @Field({ description: '适用情形。The circumstances the band is for, e.g. 逾期未改正的.' })
  @Column({ type: 'text' })
  condition: string;
}
