import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { CaseEvidenceKind } from './case.enums';

/*
 * What a penalty case's file holds besides the case itself: the enforcers' declarations of conflict of
 * interest (回避), the evidence (证据), the party's statements and defences (陈述申辩) and the
 * suspensions of the clock (中止). Each is in scope when its case is.
 */

/** A row of a case's file: the case it belongs to. */
@ObjectType({ description: '案卷记录。A row of a penalty case\'s file (not used as a type by itself).' })
export abstract class PenaltyCaseRow extends BaseRecord {
  @Field(() => UUIDScalar, { description: '案件标识。The penalty case.' })
  @Column({ type: 'uuid' })
  caseId: string;
}

/** An enforcer's declaration of conflict of interest (回避, 行政处罚法 第四十三条). */
@ObjectType({ implements: Node, description: '回避声明。An enforcer\'s declaration on a case (行政处罚法 第四十三条): no conflict of interest, or recused with a reason (then replaced before the next step).' })
@ReadByColumnSelection()
@Entity('enforcement_case_recusal')
@Index('enforcement_case_recusal_page_idx', ['caseId', 'declaredOn', 'id'])
export class PenaltyCaseRecusal extends PenaltyCaseRow {
  @Field(() => UUIDScalar, { description: '执法人员标识。The enforcer who declared.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field({ description: '是否回避。True when the enforcer is recused (a direct interest in the case); false when declaring no conflict.' })
  @Column({ type: 'boolean' })
  recused: boolean;

  @Field(() => String, { nullable: true, description: '回避理由。Why the enforcer is recused; null when declaring no conflict.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => LocalDateScalar, { description: '声明日期。The day of the declaration.' })
  @Column({ type: 'date' })
  declaredOn: string;

  @Field(() => UUIDScalar, { nullable: true, description: '替换人员标识。The enforcer who replaced a recused one; null until replaced or when not recused.' })
  @Column({ type: 'uuid', nullable: true })
  replacedByPersonId: string | null;
}

/** An evidence item of a case, of one of the eight legal kinds. */
@ObjectType({ implements: Node, description: '证据。An evidence item of a penalty case, of one of the eight legal kinds (行政诉讼法 第三十三条); its files are attachments.' })
@ReadByColumnSelection()
@Entity('enforcement_case_evidence')
@Index('enforcement_case_evidence_page_idx', ['caseId', 'position', 'id'])
export class PenaltyCaseEvidence extends PenaltyCaseRow {
  @Field(() => Int, { description: '序号。Its place in the evidence list (1, 2, …).' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => CaseEvidenceKind, { description: '证据种类。Its legal kind.' })
  @Column({ type: 'text' })
  kind: CaseEvidenceKind;

  @Field({ description: '证据名称。What it is, e.g. 安全培训记录复印件.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '证明事项。What it proves.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => LocalDateScalar, { description: '取证日期。The day it was collected.' })
  @Column({ type: 'date' })
  collectedOn: string;

  @Field(() => [UUIDScalar], { description: '取证人标识。The enforcers who collected it (of the case\'s enforcers).' })
  @Column({ type: 'uuid', array: true })
  collectorPersonIds: string[];
}

/** A statement or defence of the party after the notice (陈述申辩, 行政处罚法 第四十五条). */
@ObjectType({ implements: Node, description: '陈述申辩。A statement or defence of the party after the notice (行政处罚法 第四十五条) with the office\'s review; accepted or not, it never makes the penalty heavier.' })
@ReadByColumnSelection()
@Entity('enforcement_case_statement')
@Index('enforcement_case_statement_page_idx', ['caseId', 'position', 'id'])
export class PenaltyCaseStatement extends PenaltyCaseRow {
  @Field(() => Int, { description: '序号。Its place among the case\'s statements (1, 2, …).' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => LocalDateScalar, { description: '陈述日期。The day it was made.' })
  @Column({ type: 'date' })
  madeOn: string;

  @Field({ description: '陈述人。Who made it for the party.' })
  @Column({ type: 'text' })
  madeBy: string;

  @Field({ description: '陈述申辩内容。What the party said.' })
  @Column({ type: 'text' })
  content: string;

  @Field({ description: '是否采纳。True when the office accepted it.' })
  @Column({ type: 'boolean' })
  accepted: boolean;

  @Field({ description: '复核意见。The office\'s review of it.' })
  @Column({ type: 'text' })
  response: string;
}

/** A suspension of a case's decision clock (中止). */
@ObjectType({ implements: Node, description: '案件中止。A suspension of a case\'s decision clock with its reason and resumption; its days do not count towards the decision date.' })
@ReadByColumnSelection()
@Entity('enforcement_case_suspension')
@Index('enforcement_case_suspension_page_idx', ['caseId', 'suspendedOn', 'id'])
export class PenaltyCaseSuspension extends PenaltyCaseRow {
  @Field(() => LocalDateScalar, { description: '中止日期。The day the clock stopped.' })
  @Column({ type: 'date' })
  suspendedOn: string;

  @Field({ description: '中止理由。Why, e.g. 需要等待鉴定意见.' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '恢复日期。The day the clock resumed; null while suspended.' })
  @Column({ type: 'date', nullable: true })
  resumedOn: string | null;

  @Field(() => String, { nullable: true, description: '恢复理由。Why the case resumed.' })
  @Column({ type: 'text', nullable: true })
  resumeReason: string | null;
}
