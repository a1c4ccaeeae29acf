import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, PrincipalKind, ReadByColumnSelection, UUIDScalar, type Principal } from '@platform/core';
import { DutyCategory, DutyListStatus } from './duty.enums';

/**
 * A duty list (职责清单) of one official (a person in a position at an organization) for a year: the
 * first of the Chongqing "两张清单" (安全生产法 第十七条; 厅字〔2018〕13号). Drawn up as a draft, signed by
 * the official (then immutable), revised for the next year or as a new revision of the same year.
 */
@ObjectType({ implements: Node, description: '职责清单。The safety duties of one official (a person in a position at an organization) for a year: drafted, signed (then immutable) and revised year by year.' })
@ReadByColumnSelection()
@Entity('duty_list')
@Index('duty_list_official_idx', ['personId', 'organizationId', 'year', 'revision'], { unique: true })
export class DutyList extends BaseRecord {
  @Field(() => UUIDScalar, { description: '责任人标识。The official (a person) whose duties the list holds.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => UUIDScalar, { description: '任职单位标识。The organization where the official holds the position; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '职务。The official\'s position there when the list was drawn up, e.g. 党委书记, 分管安全副镇长.' })
  @Column({ type: 'text' })
  positionTitle: string;

  @Field(() => Int, { description: '年度。The year the duties are for.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '版次。1 for the first list of the official\'s year, 2 for its first revision in the same year, and so on.' })
  @Column({ type: 'int' })
  revision: number;

  @Field(() => UUIDScalar, { nullable: true, description: '上一版标识。The list this one was revised from (the year before, or an earlier revision of the year); null for a first list.' })
  @Column({ type: 'uuid', nullable: true })
  previousId: string | null;

  @Field({ description: '标题。The list\'s title, e.g. 南平镇党委书记2025年安全生产和防灾减灾救灾工作职责清单.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => DutyListStatus, { description: '状态。Draft or signed.' })
  @Column({ type: 'text' })
  status: DutyListStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '签订时间。When the list was signed; null for a draft.' })
  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Field(() => PrincipalKind, { nullable: true, description: '签订操作者类型。Who recorded the signing: USER, API_CLIENT or SYSTEM (the seed); null for a draft.' })
  @Column({ type: 'text', nullable: true })
  signedByKind: Principal['kind'] | null;

  @Field(() => UUIDScalar, { nullable: true, description: '签订操作者标识。The user account or API client that recorded the signing.' })
  @Column({ type: 'uuid', nullable: true })
  signedById: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '签订人标识。The person the signing account belongs to (who signed); null when the account is no person\'s.' })
  @Column({ type: 'uuid', nullable: true })
  signedByPersonId: string | null;
}

/** One duty of a list (职责条目), with its legal basis; its key stays the same across years so lists can be compared. */
@ObjectType({ implements: Node, description: '职责条目。One duty of a duty list with its legal basis; its key is kept across years and revisions, so lists can be compared item by item.' })
@ReadByColumnSelection()
@Entity('duty_item')
@Index('duty_item_key_idx', ['listId', 'key'], { unique: true })
export class DutyItem extends BaseRecord {
  @Field(() => UUIDScalar, { description: '清单标识。The list the item belongs to; its scope is the list\'s.' })
  @Column({ type: 'uuid' })
  listId: string;

  @Field({ description: '条目键。A stable key of the duty, unique in the list and kept across years (e.g. LEAD-01), by which lists are compared.' })
  @Column({ type: 'text' })
  key: string;

  @Field(() => Int, { description: '排序号。Its place in the list; items list by it.' })
  @Column({ type: 'int' })
  position: number;

  @Field({ description: '职责内容。What the official is to do, e.g. 每季度至少主持召开1次党委会研究安全生产工作.' })
  @Column({ type: 'text' })
  text: string;

  @Field({ description: '法定依据。The provision the duty rests on, e.g. 《安全生产法》第三条; 厅字〔2018〕13号 第五条.' })
  @Column({ type: 'text' })
  legalBasis: string;

  @Field(() => DutyCategory, { description: '类别。What the duty is about.' })
  @Column({ type: 'text' })
  category: DutyCategory;
}

/** An action recorded against a duty item (履职记录): what was done on a day, with evidence. */
@ObjectType({ implements: Node, description: '履职记录。What an official did on a day in performing one duty of their list, with evidence and an optional link to the key task, problem or supervision action it concerned.' })
@ReadByColumnSelection()
@Entity('duty_action')
@Index('duty_action_item_idx', ['itemId', 'actedOn', 'id'])
export class DutyAction extends BaseRecord {
  @Field(() => UUIDScalar, { description: '职责条目标识。The duty performed; the action\'s scope is its list\'s.' })
  @Column({ type: 'uuid' })
  itemId: string;

  @Field(() => LocalDateScalar, { description: '履职日期。The day it was done (not in the future, in the list\'s year).' })
  @Column({ type: 'date' })
  actedOn: string;

  @Field({ description: '履职情况。What was done, e.g. 主持召开镇党委会专题研究汛期安全工作.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => String, { nullable: true, description: '关联记录全局标识。The global id (`nodeId`) of the record it concerned (a key task, a problem, a supervision action…); see `linked`.' })
  @Column({ type: 'text', nullable: true })
  linkedNodeId: string | null;
}
