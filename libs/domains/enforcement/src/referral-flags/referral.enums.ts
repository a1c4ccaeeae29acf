import { registerEnumType } from 'type-graphql';

/**
 * Why a matter is flagged for referral to criminal justice (行刑衔接): the figures of 两高 2015 解释
 * 第六条 ("造成严重后果"), the facts of 刑法 第一百三十四条之一 (危险作业罪) and 第一百三十四条第二款 (the
 * same strings as a case's `criminal_indicators`), and 第八条 (不报、谎报事故).
 */
export enum ReferralReason {
  DEATHS = 'DEATHS',
  SERIOUS_INJURIES = 'SERIOUS_INJURIES',
  DIRECT_LOSS = 'DIRECT_LOSS',
  MONITORING_DATA_TAMPERED = 'MONITORING_DATA_TAMPERED',
  MONITORING_EQUIPMENT_DISABLED = 'MONITORING_EQUIPMENT_DISABLED',
  REFUSED_SUSPENSION_ORDER = 'REFUSED_SUSPENSION_ORDER',
  UNLICENSED_HIGH_RISK_WORK = 'UNLICENSED_HIGH_RISK_WORK',
  FORCED_RISKY_WORK = 'FORCED_RISKY_WORK',
  KNOWN_MAJOR_HAZARD_CONTINUED = 'KNOWN_MAJOR_HAZARD_CONTINUED',
  REPORTING_OFFENCE = 'REPORTING_OFFENCE',
}

/** The reasons that come from an accident's figures (thresholds of the rule `enforcement.criminal-thresholds`). */
export const FIGURE_REASONS: readonly ReferralReason[] = [ReferralReason.DEATHS, ReferralReason.SERIOUS_INJURIES, ReferralReason.DIRECT_LOSS];

/** Where a referral stands. */
export enum ReferralStatus {
  FLAGGED = 'FLAGGED',
  REPORTED = 'REPORTED',
  DECIDED = 'DECIDED',
  TRANSFERRED = 'TRANSFERRED',
  ANSWERED = 'ANSWERED',
  CLOSED = 'CLOSED',
  DISMISSED = 'DISMISSED',
}

/** The states of a referral still open (a new flag for its source adds reasons to it instead of opening another). */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [ReferralStatus.FLAGGED, ReferralStatus.REPORTED, ReferralStatus.DECIDED, ReferralStatus.TRANSFERRED, ReferralStatus.ANSWERED];

/** The agency head's decision on a referral report (应急〔2019〕54号). */
export enum ReferralDecision {
  TRANSFER = 'TRANSFER',
  NOT_TRANSFER = 'NOT_TRANSFER',
}

/** The police's answer to a transfer. */
export enum PoliceAnswer {
  FILED = 'FILED',
  NOT_FILED = 'NOT_FILED',
}

/** The clocks of a referral (应急〔2019〕54号). */
export enum ReferralClockStep {
  DECISION = 'DECISION',
  TRANSFER = 'TRANSFER',
  ANSWER = 'ANSWER',
}

registerEnumType(ReferralReason, {
  name: 'ReferralReason',
  description: '移送事由。Why a matter is flagged for referral to the judicial organs: figures of 两高 2015 解释 第六条, facts of 刑法 第一百三十四条之一 / 第一百三十四条第二款, or a reporting offence (第八条).',
  valuesConfig: {
    DEATHS: { description: '死亡一人以上。One death or more (两高 2015 解释 第六条第一款第一项), threshold from enforcement.criminal-thresholds.' },
    SERIOUS_INJURIES: { description: '重伤三人以上。Three or more seriously injured (第六条第一款第一项), threshold from the rule.' },
    DIRECT_LOSS: { description: '直接经济损失一百万元以上。Direct economic loss of ¥1,000,000 or more (第六条第一款第二项), threshold from the rule.' },
    MONITORING_DATA_TAMPERED: { description: '篡改、隐瞒、销毁监控数据。Tampering with, hiding or destroying monitoring, alarm or protection data (刑法 第一百三十四条之一第一项).' },
    MONITORING_EQUIPMENT_DISABLED: { description: '关闭、破坏监控报警设备。Closing or damaging monitoring, alarm or protection equipment (第一百三十四条之一第一项).' },
    REFUSED_SUSPENSION_ORDER: { description: '拒不执行停产停业等整改措施。Refusing an order to suspend production or to take immediate measures (第一百三十四条之一第二项).' },
    UNLICENSED_HIGH_RISK_WORK: { description: '未经批准擅自从事高危生产作业。High-risk work without the required approval or licence (第一百三十四条之一第三项).' },
    FORCED_RISKY_WORK: { description: '强令他人违章冒险作业。Forcing others to work in breach of rules at risk (第一百三十四条第二款).' },
    KNOWN_MAJOR_HAZARD_CONTINUED: { description: '明知存在重大事故隐患而不排除仍冒险组织作业。Continuing work despite a known major hazard not removed (第一百三十四条第二款).' },
    REPORTING_OFFENCE: { description: '不报、谎报事故情况。Failing to report or falsely reporting an accident, delaying rescue (第一百三十九条之一, 两高 2015 解释 第八条).' },
  },
});

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: '移送状态。Where a criminal referral stands in its workflow (应急〔2019〕54号).',
  valuesConfig: {
    FLAGGED: { description: '已标记。Flagged automatically by figures or case facts; no report yet.' },
    REPORTED: { description: '已报告。Two or more enforcers wrote the referral report (涉嫌犯罪案件移送报告); the agency head\'s decision clock runs.' },
    DECIDED: { description: '已决定。The agency head decided to transfer (the transfer clock runs) or not (with reasons).' },
    TRANSFERRED: { description: '已移送。Transferred to the police (涉嫌犯罪案件移送书), the procuratorate copied; the police\'s answer clock runs.' },
    ANSWERED: { description: '已答复。The police answered (立案 or 不立案), copied to the procuratorate.' },
    CLOSED: { description: '已办结。Closed after the answer, or after a decision not to transfer.' },
    DISMISSED: { description: '已排除。Dismissed from FLAGGED with a reason (no suspected crime).' },
  },
});

registerEnumType(ReferralDecision, {
  name: 'ReferralDecision',
  description: '移送决定。The agency head\'s decision on a referral report.',
  valuesConfig: {
    TRANSFER: { description: '移送。Transfer to the police at the same level within the transfer clock.' },
    NOT_TRANSFER: { description: '不移送。Not transferred; the reasons are recorded.' },
  },
});

registerEnumType(PoliceAnswer, {
  name: 'PoliceAnswer',
  description: '公安机关答复。The police\'s answer to a transfer.',
  valuesConfig: {
    FILED: { description: '立案。The police opened a criminal case.' },
    NOT_FILED: { description: '不立案。The police decided not to open a case (the reasons recorded).' },
  },
});

registerEnumType(ReferralClockStep, {
  name: 'ReferralClockStep',
  description: '移送时限环节。Which clock of a referral: the head\'s decision, the transfer or the police\'s answer.',
  valuesConfig: {
    DECISION: { description: '移送决定。The agency head decides within decisionDays of the report.' },
    TRANSFER: { description: '移送。The transfer to the police within transferHours of the decision.' },
    ANSWER: { description: '公安答复。The police answer within policeAnswerDays of the transfer.' },
  },
});
