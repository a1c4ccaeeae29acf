import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { PoliceAnswer, ReferralDecision, ReferralReason, ReferralStatus } from './referral.enums';

/**
 * A criminal referral (行刑衔接, 应急〔2019〕54号): a penalty case or an accident investigation flagged
 * because its figures or facts meet the criminal thresholds; the referral report of two or more
 * enforcers, the agency head's decision within 3 days, the transfer to the police within 24 hours
 * (procuratorate copied), the police's answer within 3 days, each clock stored with its due time and
 * whether it was met.
 */
@ObjectType({ implements: Node, description: '刑事移送。A referral of a suspected crime to the judicial organs (行刑衔接): flagged from a case\'s facts or an accident\'s figures, reported by two or more enforcers, decided by the agency head, transferred to the police and answered, each on its clock (应急〔2019〕54号).' })
@ReadByColumnSelection()
@Entity('criminal_referral')
@Index('criminal_referral_flagged_idx', ['flaggedAt', 'id'])
export class CriminalReferral extends BaseRecord {
  @Field({ description: '移送编号。The referral\'s code, e.g. NPYS-2026-0001 (the year it was flagged and a number gap-free within it).' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => UUIDScalar, { nullable: true, description: '案件标识。The penalty case it comes from; null when it comes from an accident investigation.' })
  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '事故调查标识。The accident investigation it comes from; null when it comes from a case.' })
  @Column({ type: 'uuid', nullable: true })
  accidentInvestigationId: string | null;

  @Field(() => UUIDScalar, { description: '所属单位标识。The organization concerned (the case\'s party enterprise or the accident\'s organization); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => [ReferralReason], { description: '移送事由。Why it was flagged, in the order first raised; a later flag for the same source adds its new reasons.' })
  @Column({ type: 'text', array: true })
  reasons: ReferralReason[];

  @Field(() => UUIDScalar, { nullable: true, description: '追诉标准版本标识。The version of enforcement.criminal-thresholds in force when figure reasons were first flagged; null when only case facts were.' })
  @Column({ type: 'uuid', nullable: true })
  thresholdRuleVersionId: string | null;

  @Field(() => ReferralStatus, { description: '状态。Where it stands in its workflow.' })
  @Column({ type: 'text' })
  status: ReferralStatus;

  @Field(() => DateTimeScalar, { description: '标记时间。When it was flagged.' })
  @Column({ type: 'timestamptz' })
  flaggedAt: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '移送机关标识。The enforcement organ (legal subject) that refers it and numbers its documents; null until reported.' })
  @Column({ type: 'uuid', nullable: true })
  legalSubjectId: string | null;

  @Field(() => [UUIDScalar], { description: '承办执法人员标识。The two or more enforcers who wrote the referral report; empty until reported.' })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  enforcerPersonIds: string[];

  @Field(() => String, { nullable: true, description: '涉嫌罪名。The suspected offence named in the report, e.g. 重大责任事故罪, 危险作业罪; null until reported.' })
  @Column({ type: 'text', nullable: true })
  suspectedOffence: string | null;

  @Field(() => String, { nullable: true, description: '案情摘要。The facts and evidence as the referral report states them; null until reported.' })
  @Column({ type: 'text', nullable: true })
  reportSummary: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '报告时间。When the referral report was submitted to the agency head; the decision clock runs from it.' })
  @Column({ type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '时限规则版本标识。The version of enforcement.referral-clocks in force on the report day; the referral keeps it for every clock.' })
  @Column({ type: 'uuid', nullable: true })
  clockRuleVersionId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '决定期限。When the agency head\'s decision is due: the report time plus decisionDays.' })
  @Column({ type: 'timestamptz', nullable: true })
  decisionDueAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '决定时间。When the agency head decided.' })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => ReferralDecision, { nullable: true, description: '移送决定。TRANSFER or NOT_TRANSFER; null until decided.' })
  @Column({ type: 'text', nullable: true })
  decision: ReferralDecision | null;

  @Field(() => String, { nullable: true, description: '决定理由。The reasons of the decision (required for NOT_TRANSFER).' })
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '决定人标识。The agency head (a person not among the enforcers) who decided.' })
  @Column({ type: 'uuid', nullable: true })
  deciderPersonId: string | null;

  @Field(() => Boolean, { nullable: true, description: '决定是否按时。True when decided by its due time; null until decided.' })
  @Column({ type: 'boolean', nullable: true })
  decisionOnTime: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '移送期限。When the transfer is due: the decision time plus transferHours; null unless decided to transfer.' })
  @Column({ type: 'timestamptz', nullable: true })
  transferDueAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '移送时间。When the case was transferred to the police.' })
  @Column({ type: 'timestamptz', nullable: true })
  transferredAt: Date | null;

  @Field(() => String, { nullable: true, description: '接收公安机关。The police organ at the same level it was transferred to.' })
  @Column({ type: 'text', nullable: true })
  policeOrgan: string | null;

  @Field(() => String, { nullable: true, description: '抄送检察院。The procuratorate the transfer was copied to.' })
  @Column({ type: 'text', nullable: true })
  procuratorate: string | null;

  @Field(() => Boolean, { nullable: true, description: '移送是否按时。True when transferred by its due time; null until transferred.' })
  @Column({ type: 'boolean', nullable: true })
  transferOnTime: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '答复期限。When the police\'s answer is due: the transfer time plus policeAnswerDays.' })
  @Column({ type: 'timestamptz', nullable: true })
  answerDueAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '答复时间。When the police answered.' })
  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Field(() => PoliceAnswer, { nullable: true, description: '公安答复。FILED (立案) or NOT_FILED (不立案); null until answered.' })
  @Column({ type: 'text', nullable: true })
  policeAnswer: PoliceAnswer | null;

  @Field(() => String, { nullable: true, description: '答复说明。The police\'s reasons or case number, as answered.' })
  @Column({ type: 'text', nullable: true })
  policeAnswerNote: string | null;

  @Field(() => Boolean, { nullable: true, description: '答复是否按时。True when the police answered by its due time; null until answered.' })
  @Column({ type: 'boolean', nullable: true })
  answerOnTime: boolean | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间。When it was closed.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '排除时间。When it was dismissed from FLAGGED.' })
  @Column({ type: 'timestamptz', nullable: true })
  dismissedAt: Date | null;

  @Field(() => String, { nullable: true, description: '排除理由。Why it was dismissed (no suspected crime).' })
  @Column({ type: 'text', nullable: true })
  dismissReason: string | null;
}
