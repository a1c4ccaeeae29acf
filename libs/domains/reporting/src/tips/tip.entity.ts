import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { TipCategory, TipChannel, TipFollowUpResult, TipOutcome, TipReporterKind, TipStatus } from './tip.enums';

/**
 * A tip from the public (举报/投诉, work-plan points 十九–二十一): received on a channel (12350, 12345, a QR code
 * at a place, a letter or visit, the web, Open311), followed by its reporter with a public tracking code
 * and a secret shown once (stored hashed), handled through a workflow on per-channel clocks, verified
 * into a hazard of the risk module, closed with an outcome and followed up. The reporter's identity
 * and contact are sensitive: masked unless granted, and never in a public view.
 */
@ObjectType({ implements: Node, description: '举报。A tip from the public about a work-safety hazard, illegal operation, concealed accident or fire risk: received on a channel, tracked by its reporter with a code and secret, handled on its channel\'s clocks, verified into a hazard and closed with an outcome.' })
@ReadByColumnSelection()
@Entity('tip')
@Index('tip_received_idx', ['receivedAt', 'id'])
export class Tip extends BaseRecord {
  @Field({ description: '流水号。The public tracking code, e.g. JB-2026-000123 (the year it came in and a number gap-free within it); with the secret (提取码) the reporter follows the tip.' })
  @Column({ type: 'text' })
  code: string;

  /** SHA-256 (hex) of the secret (提取码): never leaves the server; compared in constant time. */
  @Column({ type: 'text' })
  secretHash: string;

  @Field(() => TipChannel, { description: '渠道。How it came in.' })
  @Column({ type: 'text' })
  channel: TipChannel;

  @Field(() => String, { nullable: true, description: '外部编号。The 12345 ticket number or the letter\'s number; null when none.' })
  @Column({ type: 'text', nullable: true })
  externalReference: string | null;

  @Field(() => TipCategory, { description: '类别。What it is about; the reward tiers key on it.' })
  @Column({ type: 'text' })
  category: TipCategory;

  @Field({ description: '标题。A short title (at most 100 characters).' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: '内容。What the reporter says (at most 4,000 characters); the public Open311 view shows it as sent.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The organization it concerns and whose scope it is in: the enterprise named, else the village or community where it is, else the town.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '被举报企业标识。The enterprise named; null when none.' })
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Field(() => String, { nullable: true, description: '码上除场所码。The code of the QR place scanned (安全隐患码上除); null for other channels.' })
  @Column({ type: 'text', nullable: true })
  placeCode: string | null;

  @Field(() => String, { nullable: true, description: '地址。Where it is, as described; null when not given.' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** WGS 84 longitude (the `location` field); converted at the input boundary. */
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** WGS 84 latitude (the `location` field). */
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field({ description: '涉及死亡。True when the tip reports deaths: it is escalated to the district (安全生产法 第七十三条).' })
  @Column({ type: 'boolean', default: false })
  involvesDeaths: boolean;

  @Field(() => Int, { nullable: true, description: '报称死亡人数。The deaths the reporter states; null when none are reported.' })
  @Column({ type: 'int', nullable: true })
  reportedDeaths: number | null;

  @Field(() => TipReporterKind, { description: '举报人类型。Anonymous, named, or an employee (real name required).' })
  @Column({ type: 'text' })
  reporterKind: TipReporterKind;

  /** Sensitive: exposed through a masking field resolver. */
  @Column({ type: 'text', nullable: true })
  reporterName: string | null;

  /** Sensitive: exposed through a masking field resolver. */
  @Column({ type: 'text', nullable: true })
  reporterPhone: string | null;

  /** Sensitive (another contact: e-mail, address): exposed through a masking field resolver. */
  @Column({ type: 'text', nullable: true })
  reporterContact: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '身份披露时间。When an anonymous reporter disclosed identity (needed for a reward); null when never.' })
  @Column({ type: 'timestamptz', nullable: true })
  identityDisclosedAt: Date | null;

  @Field(() => DateTimeScalar, { description: '举报人访问期限。When the reporter\'s access with the code and secret ends; each use extends it. Apart from how long the tip is kept.' })
  @Column({ type: 'timestamptz' })
  reporterAccessExpiresAt: Date;

  @Field(() => DateTimeScalar, { description: '接收时间。When it came in.' })
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => TipStatus, { description: '状态。Where it stands in its workflow.' })
  @Column({ type: 'text' })
  status: TipStatus;

  @Field(() => TipOutcome, { nullable: true, description: '办理结果。How it ended; null while open.' })
  @Column({ type: 'text', nullable: true })
  outcome: TipOutcome | null;

  @Field(() => String, { nullable: true, description: '状态理由。The reason of the last rejection, send-back, escalation or closing without a fix; null when none.' })
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '承办单位标识。The organization assigned to verify it; null until assigned.' })
  @Column({ type: 'uuid', nullable: true })
  assignedOrganizationId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '承办人标识。The person assigned; null when none.' })
  @Column({ type: 'uuid', nullable: true })
  assignedPersonId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '时限规则版本标识。The version of reporting.tip-sla its clocks were set by; the tip keeps it.' })
  @Column({ type: 'uuid', nullable: true })
  slaRuleVersionId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '受理期限。When acceptance is due (e.g. 信访: written notice within 15 days).' })
  @Column({ type: 'timestamptz', nullable: true })
  acceptDueAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结期限。When handling is due before any extension (e.g. 信访: 60 days).' })
  @Column({ type: 'timestamptz', nullable: true })
  handleDueAt: Date | null;

  @Field(() => Int, { description: '延期天数。Days the handling clock was extended by (at most the rule\'s maximum, e.g. 30 for 信访).' })
  @Column({ type: 'int', default: 0 })
  extendedDays: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '受理时间。When it was accepted.' })
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '核实时间。When it was verified true or not.' })
  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '处理时间。When it was handled.' })
  @Column({ type: 'timestamptz', nullable: true })
  handledAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间。When it was closed, rejected or sent back.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '合并至举报标识。The earlier tip it was merged into as a duplicate; null when none.' })
  @Column({ type: 'uuid', nullable: true })
  duplicateOfId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '隐患标识。The hazard raised from it in the risk module; null until verified.' })
  @Column({ type: 'uuid', nullable: true })
  hazardId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '处罚案件标识。The enforcement penalty case it led to (its final fine decides a reward); null when none.' })
  @Column({ type: 'uuid', nullable: true })
  penaltyCaseId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '事故调查标识。The accident investigation it led to (a concealed accident\'s grade decides a reward); null when none.' })
  @Column({ type: 'uuid', nullable: true })
  accidentInvestigationId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '回访期限。When the follow-up after closing is due; null until closed.' })
  @Column({ type: 'timestamptz', nullable: true })
  followUpDueAt: Date | null;

  @Field(() => TipFollowUpResult, { nullable: true, description: '回访结果。The reporter\'s answer at the follow-up; null until followed up.' })
  @Column({ type: 'text', nullable: true })
  followUpResult: TipFollowUpResult | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '回访时间。When it was followed up.' })
  @Column({ type: 'timestamptz', nullable: true })
  followUpAt: Date | null;

  @Field(() => Int, { description: '重新办理次数。How many times it was reopened (by the reporter, or after a follow-up found it not fixed).' })
  @Column({ type: 'int', default: 0 })
  reopenCount: number;
}
