import { registerEnumType } from 'type-graphql';

/** Where a penalty case stands (行政处罚法 2021 第五章). */
export enum PenaltyCaseStatus {
  FILED = 'FILED',
  INVESTIGATING = 'INVESTIGATING',
  LEGAL_REVIEW = 'LEGAL_REVIEW',
  NOTIFIED = 'NOTIFIED',
  HEARING = 'HEARING',
  DECIDED = 'DECIDED',
  SERVED = 'SERVED',
  EXECUTING = 'EXECUTING',
  CLOSED = 'CLOSED',
  ARCHIVED = 'ARCHIVED',
}

/** The states before the decision, where the legal decision clock runs (and penalty lines may change). */
export const OPEN_BEFORE_DECISION: readonly PenaltyCaseStatus[] = [PenaltyCaseStatus.FILED, PenaltyCaseStatus.INVESTIGATING, PenaltyCaseStatus.LEGAL_REVIEW, PenaltyCaseStatus.NOTIFIED, PenaltyCaseStatus.HEARING];

/** The decision of a case (行政处罚法 第五十七条). */
export enum PenaltyCaseDecision {
  PENALTY = 'PENALTY',
  NO_PENALTY_MINOR = 'NO_PENALTY_MINOR',
  NO_PENALTY_UNPROVEN = 'NO_PENALTY_UNPROVEN',
  TRANSFER_TO_JUDICIAL = 'TRANSFER_TO_JUDICIAL',
}

/** Where a case came from. */
export enum PenaltyCaseOrigin {
  STANDALONE = 'STANDALONE',
  INSPECTION = 'INSPECTION',
  ACCIDENT = 'ACCIDENT',
}

/** Facts that call for a criminal referral (刑法 第一百三十四条之一 危险作业罪, 两高解释). */
export enum CriminalIndicator {
  MONITORING_DATA_TAMPERED = 'MONITORING_DATA_TAMPERED',
  MONITORING_EQUIPMENT_DISABLED = 'MONITORING_EQUIPMENT_DISABLED',
  REFUSED_SUSPENSION_ORDER = 'REFUSED_SUSPENSION_ORDER',
  UNLICENSED_HIGH_RISK_WORK = 'UNLICENSED_HIGH_RISK_WORK',
  FORCED_RISKY_WORK = 'FORCED_RISKY_WORK',
  KNOWN_MAJOR_HAZARD_CONTINUED = 'KNOWN_MAJOR_HAZARD_CONTINUED',
}

/** The eight legal kinds of evidence (行政诉讼法 第三十三条). */
export enum CaseEvidenceKind {
  DOCUMENTARY = 'DOCUMENTARY',
  PHYSICAL = 'PHYSICAL',
  AUDIOVISUAL = 'AUDIOVISUAL',
  ELECTRONIC = 'ELECTRONIC',
  WITNESS_TESTIMONY = 'WITNESS_TESTIMONY',
  PARTY_STATEMENT = 'PARTY_STATEMENT',
  EXPERT_OPINION = 'EXPERT_OPINION',
  INSPECTION_RECORD = 'INSPECTION_RECORD',
}

/** How a decision was served (民事诉讼法 送达方式, 行政处罚法 第六十一条). */
export enum CaseServiceMethod {
  DIRECT = 'DIRECT',
  LEFT_AT_ADDRESS = 'LEFT_AT_ADDRESS',
  POST = 'POST',
  ELECTRONIC = 'ELECTRONIC',
  ENTRUSTED = 'ENTRUSTED',
  PUBLIC_NOTICE = 'PUBLIC_NOTICE',
}

/** A deadline a case is warned of. */
export enum PenaltyCaseWarningKind {
  DECISION_DUE = 'DECISION_DUE',
  DECISION_OVERDUE = 'DECISION_OVERDUE',
  HEARING_REQUEST_DUE = 'HEARING_REQUEST_DUE',
  SERVICE_DUE = 'SERVICE_DUE',
  SERVICE_OVERDUE = 'SERVICE_OVERDUE',
  PAYMENT_DUE = 'PAYMENT_DUE',
  PAYMENT_OVERDUE = 'PAYMENT_OVERDUE',
}

registerEnumType(PenaltyCaseStatus, {
  name: 'PenaltyCaseStatus',
  description: '案件状态。Where an administrative penalty case stands in its procedure (行政处罚法 2021 第五章).',
  valuesConfig: {
    FILED: { description: '立案。Filed (立案审批表 issued); the decision clock runs from the filing day.' },
    INVESTIGATING: { description: '调查取证。Under investigation: evidence is gathered.' },
    LEGAL_REVIEW: { description: '法制审核。Investigation ended; under legal review (required when a hearing is required or the case is major or complex).' },
    NOTIFIED: { description: '告知。The party notified of the facts, basis, intended penalty and rights (行政处罚告知书); statements and defences (陈述申辩) may be recorded.' },
    HEARING: { description: '听证。A hearing requested in time and notified (听证通知书).' },
    DECIDED: { description: '决定。Decided: penalty, no penalty or transfer to the judiciary (决定书 issued); penalty lines are frozen.' },
    SERVED: { description: '送达。The decision served on the party (送达回执).' },
    EXECUTING: { description: '执行。The penalty being executed (payment, forced execution).' },
    CLOSED: { description: '结案。Closed (结案审批表).' },
    ARCHIVED: { description: '归档。The file archived and kept permanently; final.' },
  },
});

registerEnumType(PenaltyCaseDecision, {
  name: 'PenaltyCaseDecision',
  description: '处理决定。The decision of a penalty case (行政处罚法 第五十七条).',
  valuesConfig: {
    PENALTY: { description: '给予行政处罚。A penalty is imposed (行政处罚决定书).' },
    NO_PENALTY_MINOR: { description: '不予行政处罚（违法行为轻微）。Not punished: minor and corrected in time, or first offence with slight harm (第三十三条).' },
    NO_PENALTY_UNPROVEN: { description: '不予行政处罚（违法事实不能成立）。Not punished: the facts are not established.' },
    TRANSFER_TO_JUDICIAL: { description: '移送司法机关。A crime is suspected: transferred to the judiciary (第二十七条); a criminal referral is flagged.' },
  },
});

registerEnumType(PenaltyCaseOrigin, {
  name: 'PenaltyCaseOrigin',
  description: '案件来源。Where a penalty case came from.',
  valuesConfig: {
    STANDALONE: { description: '直接立案。Filed on its own (a tip, a complaint, a referral from another office).' },
    INSPECTION: { description: '检查发现。From an inspection marked for a case.' },
    ACCIDENT: { description: '事故调查。From an accident investigation.' },
  },
});

registerEnumType(CriminalIndicator, {
  name: 'CriminalIndicator',
  description: '涉嫌犯罪情形。A fact of a case that calls for a criminal referral (刑法 第一百三十四条之一 危险作业罪 and related).',
  valuesConfig: {
    MONITORING_DATA_TAMPERED: { description: '篡改、隐瞒、销毁监控数据。Monitoring or alarm data tampered with, hidden or destroyed.' },
    MONITORING_EQUIPMENT_DISABLED: { description: '关闭、破坏监控报警设备。Monitoring, alarm or safety equipment switched off or destroyed.' },
    REFUSED_SUSPENSION_ORDER: { description: '拒不执行停产停业等整改措施。An order to stop production or close equipment refused.' },
    UNLICENSED_HIGH_RISK_WORK: { description: '未经批准擅自从事高危生产作业。High-risk production (mining, hazardous chemicals, …) without approval or licence.' },
    FORCED_RISKY_WORK: { description: '强令、组织他人违章冒险作业。Workers ordered or organised to work against the rules at risk.' },
    KNOWN_MAJOR_HAZARD_CONTINUED: { description: '明知存在重大事故隐患而不排除仍冒险组织作业。Work continued despite a known major accident hazard.' },
  },
});

registerEnumType(CaseEvidenceKind, {
  name: 'CaseEvidenceKind',
  description: '证据种类。The eight legal kinds of evidence (行政诉讼法 第三十三条).',
  valuesConfig: {
    DOCUMENTARY: { description: '书证。Documentary evidence.' },
    PHYSICAL: { description: '物证。Physical evidence.' },
    AUDIOVISUAL: { description: '视听资料。Audio-visual material.' },
    ELECTRONIC: { description: '电子数据。Electronic data.' },
    WITNESS_TESTIMONY: { description: '证人证言。Witness testimony.' },
    PARTY_STATEMENT: { description: '当事人陈述。The party\'s statement.' },
    EXPERT_OPINION: { description: '鉴定意见。Expert opinion.' },
    INSPECTION_RECORD: { description: '勘验笔录、现场笔录。Inspection or on-site record.' },
  },
});

registerEnumType(CaseServiceMethod, {
  name: 'CaseServiceMethod',
  description: '送达方式。How a decision was served.',
  valuesConfig: {
    DIRECT: { description: '直接送达。Handed to the party.' },
    LEFT_AT_ADDRESS: { description: '留置送达。Left at the address when refused.' },
    POST: { description: '邮寄送达。By post.' },
    ELECTRONIC: { description: '电子送达。Electronically, with the party\'s consent (第六十一条).' },
    ENTRUSTED: { description: '委托送达。Through another office.' },
    PUBLIC_NOTICE: { description: '公告送达。By public notice.' },
  },
});

registerEnumType(PenaltyCaseWarningKind, {
  name: 'PenaltyCaseWarningKind',
  description: '案件时限预警。A deadline of a case that is near or past.',
  valuesConfig: {
    DECISION_DUE: { description: '决定期限临近。The legal decision date is within the warning days.' },
    DECISION_OVERDUE: { description: '决定超期。The legal decision date has passed undecided.' },
    HEARING_REQUEST_DUE: { description: '听证申请期限临近。The party\'s hearing-request period ends within the warning days.' },
    SERVICE_DUE: { description: '送达期限临近。The decision must be served within the warning days.' },
    SERVICE_OVERDUE: { description: '送达超期。The decision was not served in time.' },
    PAYMENT_DUE: { description: '缴款期限临近。The fine is due within the warning days.' },
    PAYMENT_OVERDUE: { description: '缴款逾期。The fine is overdue: the surcharge runs.' },
  },
});
