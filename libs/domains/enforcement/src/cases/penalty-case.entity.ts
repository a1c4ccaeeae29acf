import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { CaseServiceMethod, CriminalIndicator, PenaltyCaseDecision, PenaltyCaseOrigin, PenaltyCaseStatus } from './case.enums';

/**
 * An administrative penalty case (行政处罚案件, 行政处罚法 2021): filed by a legal subject under a penalty
 * item in force on the filing day against a party enterprise, with two or more certified enforcers;
 * investigated, reviewed, notified, heard, decided, served, executed, closed and archived, each step
 * with its numbered document; the legal clocks of the rule version kept at filing.
 */
@ObjectType({ implements: Node, description: '行政处罚案件。An administrative penalty case against an enterprise: filing, investigation, legal review, notice, hearing, decision, service, execution, closure and archiving, each with its document, under the legal clocks of the rule version kept at filing.' })
@ReadByColumnSelection()
@Entity('enforcement_case')
@Index('enforcement_case_enterprise_idx', ['enterpriseId', 'filedOn', 'id'])
export class PenaltyCase extends BaseRecord {
  @Field(() => String, { description: '案件编号。The case number: the number of its 立案审批表 (CASE_FILING document), e.g. 南平镇应急〔2026〕立3号.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject (执法主体) that handles the case: the organization responsible for the penalty item.' })
  @Column({ type: 'uuid' })
  legalSubjectId: string;

  @Field(() => UUIDScalar, { description: '执法事项标识。The penalty item of the legal subject\'s list in force on the filing day; an open case keeps the item version it was filed under.' })
  @Column({ type: 'uuid' })
  enforcementItemId: string;

  @Field(() => UUIDScalar, { description: '当事人单位标识。The party enterprise; scope is measured from it (an enterprise sees its own cases, a village those of its enterprises).' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '来源检查标识。The inspection marked for a case that the case was opened from; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  inspectionId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '来源事故调查标识。The accident investigation the case is linked to; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  accidentInvestigationId: string | null;

  @Field(() => PenaltyCaseOrigin, { description: '案件来源。STANDALONE, INSPECTION or ACCIDENT.' })
  @Column({ type: 'text' })
  origin: PenaltyCaseOrigin;

  @Field(() => String, { description: '案由。The cause of the case in a line, e.g. 未按规定对从业人员进行安全生产教育和培训.' })
  @Column({ type: 'text' })
  cause: string;

  @Field(() => String, { description: '案件基本情况。The facts as known at filing, as on the 立案审批表.' })
  @Column({ type: 'text' })
  facts: string;

  @Field(() => LocalDateScalar, { description: '违法行为终了日期。The day the act ended (or the last day of a continuing act): the limitation of 行政处罚法 第三十六条 runs from it.' })
  @Column({ type: 'date' })
  actEndedOn: string;

  @Field(() => LocalDateScalar, { description: '立案日期。The filing day: the decision clock runs from it.' })
  @Column({ type: 'date' })
  filedOn: string;

  @Field(() => [UUIDScalar], { description: '承办人标识。The enforcers (two or more persons) each holding an enforcement certificate for the legal subject valid on the filing day; a recused one is replaced.' })
  @Column({ type: 'uuid', array: true })
  enforcerPersonIds: string[];

  @Field(() => UUIDScalar, { description: '立案审批人标识。The person who approved the filing (立案审批表).' })
  @Column({ type: 'uuid' })
  filingApproverPersonId: string;

  @Field(() => PenaltyCaseStatus, { description: '状态。Where it stands in its procedure.' })
  @Column({ type: 'text' })
  status: PenaltyCaseStatus;

  @Field(() => Boolean, { description: '重大复杂案件。True when marked major or complex: legal review and collective discussion are required before the decision.' })
  @Column({ type: 'boolean' })
  majorOrComplex: boolean;

  @Field(() => Boolean, { description: '已中止。True while the case is suspended (中止): the decision clock stands still.' })
  @Column({ type: 'boolean' })
  suspended: boolean;

  @Field(() => Boolean, { description: '涉及生命健康安全。True when the act harmed life or health: the limitation is 5 years instead of 2 (行政处罚法 第三十六条).' })
  @Column({ type: 'boolean' })
  harmToLifeOrHealth: boolean;

  @Field(() => [CriminalIndicator], { description: '涉嫌犯罪情形。Facts that call for a criminal referral; setting any flags one (referrals part).' })
  @Column({ type: 'text', array: true })
  criminalIndicators: CriminalIndicator[];

  @Field(() => UUIDScalar, { description: '时限规则版本标识。The version of enforcement.case-clocks in force on the filing day; the case keeps it.' })
  @Column({ type: 'uuid' })
  clockRuleVersionId: string;

  @Field(() => Int, { description: '决定期限（日）。Calendar days from filing to decide, from the rule version kept (行政处罚法 第六十条).' })
  @Column({ type: 'int' })
  decisionDays: number;

  @Field(() => Int, { description: '内部目标期限（日）。The office\'s internal target in calendar days from filing, from the rule version kept.' })
  @Column({ type: 'int' })
  targetDays: number;

  @Field(() => Int, { description: '预警提前天数。Days before a deadline from which the case is warned of it, from the rule version kept.' })
  @Column({ type: 'int' })
  warnDaysBefore: number;

  @Field(() => Int, { nullable: true, description: '延期天数。Calendar days of the one approved extension of the decision period; null when none.' })
  @Column({ type: 'int', nullable: true })
  extensionDays: number | null;

  @Field(() => String, { nullable: true, description: '延期理由。Why the decision period was extended.' })
  @Column({ type: 'text', nullable: true })
  extensionReason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '延期批准人标识。The head (负责人) who approved the extension; never one of the enforcers.' })
  @Column({ type: 'uuid', nullable: true })
  extensionApproverPersonId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '延期批准日期。The day the extension was approved.' })
  @Column({ type: 'date', nullable: true })
  extendedOn: string | null;

  @Field(() => Boolean, { description: '需法制审核。True when legal review is required before the decision: a hearing is required or the case is major or complex (行政处罚法 第五十八条).' })
  @Column({ type: 'boolean' })
  legalReviewRequired: boolean;

  @Field(() => Boolean, { description: '需告知听证权利。True when the intended penalty entitles the party to a hearing (行政处罚法 第六十三条), as the penalty lines said at notice.' })
  @Column({ type: 'boolean' })
  hearingRequired: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '调查终结日期。The day the investigation ended.' })
  @Column({ type: 'date', nullable: true })
  investigatedOn: string | null;

  @Field(() => String, { nullable: true, description: '调查终结报告。The findings of the investigation in a few sentences.' })
  @Column({ type: 'text', nullable: true })
  investigationSummary: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '法制审核日期。The day of the legal review.' })
  @Column({ type: 'date', nullable: true })
  reviewedOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '法制审核人标识。The legal reviewer; never one of the enforcers.' })
  @Column({ type: 'uuid', nullable: true })
  reviewerPersonId: string | null;

  @Field(() => String, { nullable: true, description: '法制审核意见。The legal review\'s opinion.' })
  @Column({ type: 'text', nullable: true })
  reviewOpinion: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '集体讨论日期。The day of the collective discussion of the office\'s heads (集体讨论).' })
  @Column({ type: 'date', nullable: true })
  discussedOn: string | null;

  @Field(() => [String], { nullable: true, description: '集体讨论参加人。Who took part in the collective discussion.' })
  @Column({ type: 'text', array: true, nullable: true })
  discussionParticipants: string[] | null;

  @Field(() => String, { nullable: true, description: '集体讨论结论。The conclusion of the collective discussion.' })
  @Column({ type: 'text', nullable: true })
  discussionConclusion: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '告知日期。The day the party was notified (行政处罚告知书).' })
  @Column({ type: 'date', nullable: true })
  notifiedOn: string | null;

  @Field(() => String, { nullable: true, description: '处罚依据。The legal basis as notified.' })
  @Column({ type: 'text', nullable: true })
  noticeBasis: string | null;

  @Field(() => String, { nullable: true, description: '拟作出的行政处罚。The intended penalty as notified.' })
  @Column({ type: 'text', nullable: true })
  intendedPenalty: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '告知罚款总额（元）。The total fine notified (from the penalty lines at notice): the decision may not exceed it (不得因陈述申辩加重处罚).' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  notifiedFineYuan: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '听证申请期限。The last day to request a hearing: the notice day plus the working days of the rule kept (working-day calendar).' })
  @Column({ type: 'date', nullable: true })
  hearingRequestDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '听证申请日期。The day the party requested a hearing.' })
  @Column({ type: 'date', nullable: true })
  hearingRequestedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '听证日期。The day of the hearing, at least the rule\'s working days after it was notified.' })
  @Column({ type: 'date', nullable: true })
  hearingOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '听证通知日期。The day the hearing was notified (听证通知书).' })
  @Column({ type: 'date', nullable: true })
  hearingNotifiedOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '听证主持人标识。The hearing chair; never one of the investigators.' })
  @Column({ type: 'uuid', nullable: true })
  hearingChairPersonId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '听证举行日期。The day the hearing was held and recorded.' })
  @Column({ type: 'date', nullable: true })
  hearingHeldOn: string | null;

  @Field(() => String, { nullable: true, description: '听证笔录摘要。What the hearing found, in a few sentences.' })
  @Column({ type: 'text', nullable: true })
  hearingRecord: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '决定日期。The day of the decision.' })
  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Field(() => PenaltyCaseDecision, { nullable: true, description: '处理决定。PENALTY, NO_PENALTY_MINOR, NO_PENALTY_UNPROVEN or TRANSFER_TO_JUDICIAL.' })
  @Column({ type: 'text', nullable: true })
  decision: PenaltyCaseDecision | null;

  @Field(() => String, { nullable: true, description: '决定理由。Why so decided.' })
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '决定人标识。The head (负责人) who decided; never one of the enforcers.' })
  @Column({ type: 'uuid', nullable: true })
  deciderPersonId: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '决定罚款总额（元）。The total fine decided (penalty lines); null when no penalty.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  decidedFineYuan: string | null;

  @Field(() => String, { nullable: true, description: '决定书文号。The number of the decision document (行政处罚决定书 or 不予行政处罚决定书); null before the decision or for a transfer.' })
  @Column({ type: 'text', nullable: true })
  decisionDocumentNumber: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '送达期限。The last day to serve the decision: the decision day plus the working days of the rule kept.' })
  @Column({ type: 'date', nullable: true })
  serviceDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '送达日期。The day the decision was served.' })
  @Column({ type: 'date', nullable: true })
  servedOn: string | null;

  @Field(() => CaseServiceMethod, { nullable: true, description: '送达方式。How the decision was served.' })
  @Column({ type: 'text', nullable: true })
  serviceMethod: CaseServiceMethod | null;

  @Field(() => String, { nullable: true, description: '受送达人。Who signed for it.' })
  @Column({ type: 'text', nullable: true })
  serviceRecipient: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '缴款期限。The last day to pay the fine: the service day plus the calendar days of the rule kept; null when no fine.' })
  @Column({ type: 'date', nullable: true })
  paymentDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '执行开始日期。The day execution began.' })
  @Column({ type: 'date', nullable: true })
  executionStartedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '结案日期。The day the case was closed.' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => String, { nullable: true, description: '结案理由。Why the case was closed (executed, not punished, transferred, execution ended otherwise).' })
  @Column({ type: 'text', nullable: true })
  closureReason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '结案审批人标识。The head (负责人) who approved the closure; never one of the enforcers.' })
  @Column({ type: 'uuid', nullable: true })
  closureApproverPersonId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '归档日期。The day the file was archived; its documents are kept permanently.' })
  @Column({ type: 'date', nullable: true })
  archivedOn: string | null;
}
