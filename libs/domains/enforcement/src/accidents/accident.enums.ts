import { registerEnumType } from 'type-graphql';

/** What an investigation is: of a work-safety accident (国务院令第493号), or a natural-disaster investigation and assessment (a record kind only). */
export enum AccidentInvestigationKind {
  WORK_SAFETY = 'WORK_SAFETY',
  NATURAL_DISASTER = 'NATURAL_DISASTER',
}

/** 事故等级 (国务院令第493号 第三条), the gravest first. */
export enum AccidentGrade {
  EXTRAORDINARILY_SERIOUS = 'EXTRAORDINARILY_SERIOUS',
  SERIOUS = 'SERIOUS',
  LARGER = 'LARGER',
  ORDINARY = 'ORDINARY',
}

/** The grades in order, the gravest first. */
export const ACCIDENT_GRADES: readonly AccidentGrade[] = [AccidentGrade.EXTRAORDINARILY_SERIOUS, AccidentGrade.SERIOUS, AccidentGrade.LARGER, AccidentGrade.ORDINARY];

/** The grades at or above 较大: the town's goal is none. */
export const LARGER_OR_WORSE: readonly AccidentGrade[] = [AccidentGrade.EXTRAORDINARILY_SERIOUS, AccidentGrade.SERIOUS, AccidentGrade.LARGER];

/** What an accident's grade was computed from. */
export enum AccidentGradeBasis {
  VERIFIED = 'VERIFIED',
  PROVISIONAL = 'PROVISIONAL',
}

/** Where an investigation stands. */
export enum AccidentInvestigationStatus {
  INVESTIGATING = 'INVESTIGATING',
  REPORTED = 'REPORTED',
  REPLIED = 'REPLIED',
  CLOSED = 'CLOSED',
}

/** 事故调查组成员 (国务院令第493号 第二十二条): who the team draws on. */
export enum AccidentTeamRole {
  GOVERNMENT = 'GOVERNMENT',
  EMERGENCY_MANAGEMENT = 'EMERGENCY_MANAGEMENT',
  INDUSTRY_DEPARTMENT = 'INDUSTRY_DEPARTMENT',
  SUPERVISORY_COMMISSION = 'SUPERVISORY_COMMISSION',
  PUBLIC_SECURITY = 'PUBLIC_SECURITY',
  TRADE_UNION = 'TRADE_UNION',
  PROCURATORATE = 'PROCURATORATE',
  EXPERT = 'EXPERT',
}

/** The roles a work-safety accident's team must hold (the procuratorate is invited, experts as needed: neither is required). */
export const REQUIRED_TEAM_ROLES: readonly AccidentTeamRole[] = [
  AccidentTeamRole.GOVERNMENT,
  AccidentTeamRole.EMERGENCY_MANAGEMENT,
  AccidentTeamRole.INDUSTRY_DEPARTMENT,
  AccidentTeamRole.SUPERVISORY_COMMISSION,
  AccidentTeamRole.PUBLIC_SECURITY,
  AccidentTeamRole.TRADE_UNION,
];

/** 四不放过: the four items every investigation answers. */
export enum FourNotSparedItem {
  CAUSE_FOUND = 'CAUSE_FOUND',
  RESPONSIBLE_HANDLED = 'RESPONSIBLE_HANDLED',
  MEASURES_IMPLEMENTED = 'MEASURES_IMPLEMENTED',
  PEOPLE_EDUCATED = 'PEOPLE_EDUCATED',
}

export const FOUR_NOT_SPARED: readonly FourNotSparedItem[] = Object.values(FourNotSparedItem);

/** The wording of each item (原因未查清不放过、责任人员未处理不放过、整改措施未落实不放过、有关人员未受到教育不放过). */
export const FOUR_NOT_SPARED_TEXT: Readonly<Record<FourNotSparedItem, string>> = {
  [FourNotSparedItem.CAUSE_FOUND]: '事故原因未查清不放过',
  [FourNotSparedItem.RESPONSIBLE_HANDLED]: '责任人员未处理不放过',
  [FourNotSparedItem.MEASURES_IMPLEMENTED]: '整改措施未落实不放过',
  [FourNotSparedItem.PEOPLE_EDUCATED]: '有关人员未受到教育不放过',
};

/** Whether an item of the 四不放过 checklist is met. */
export enum FourNotSparedStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

/** 一案双查: which body a finding is against. */
export enum OversightBodyRole {
  APPROVING = 'APPROVING',
  SUPERVISING = 'SUPERVISING',
}

/** Where a follow-up measure stands. */
export enum AccidentMeasureStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  VERIFIED = 'VERIFIED',
}

/** What an investigation warns of. */
export enum AccidentWarningKind {
  REPORT_DUE_SOON = 'REPORT_DUE_SOON',
  REPORT_OVERDUE = 'REPORT_OVERDUE',
  REPLY_DUE_SOON = 'REPLY_DUE_SOON',
  REPLY_OVERDUE = 'REPLY_OVERDUE',
  TEAM_INCOMPLETE = 'TEAM_INCOMPLETE',
  REPORTED_LATE = 'REPORTED_LATE',
}

registerEnumType(AccidentInvestigationKind, {
  name: 'AccidentInvestigationKind',
  description: '调查类别。A work-safety accident investigation or a natural-disaster investigation and assessment.',
  valuesConfig: {
    WORK_SAFETY: { description: '生产安全事故调查。A work-safety accident, graded and investigated under 国务院令第493号.' },
    NATURAL_DISASTER: { description: '自然灾害调查评估。A natural-disaster investigation and assessment: a record kind only; its rules are not researched [U] (no grade, no team check).' },
  },
});
registerEnumType(AccidentGrade, {
  name: 'AccidentGrade',
  description: '事故等级。The grade of a work-safety accident (国务院令第493号 第三条); "以上" includes the figure, "以下" excludes it.',
  valuesConfig: {
    EXTRAORDINARILY_SERIOUS: { description: '特别重大事故。30 deaths or more, 100 serious injuries or more, or ¥100,000,000 direct loss or more.' },
    SERIOUS: { description: '重大事故。10–29 deaths, 50–99 serious injuries, or ¥50,000,000 to under ¥100,000,000.' },
    LARGER: { description: '较大事故。3–9 deaths, 10–49 serious injuries, or ¥10,000,000 to under ¥50,000,000.' },
    ORDINARY: { description: '一般事故。Under 3 deaths, under 10 serious injuries and under ¥10,000,000.' },
  },
});
registerEnumType(AccidentGradeBasis, {
  name: 'AccidentGradeBasis',
  description: '定级依据。Whether the grade comes from the verified figures (核报) or from a provisional report.',
  valuesConfig: {
    VERIFIED: { description: '核报。From the verified damage report.' },
    PROVISIONAL: { description: '暂定。From the latest initial or continued report: no verified one yet (or none within the re-grading window).' },
  },
});
registerEnumType(AccidentInvestigationStatus, {
  name: 'AccidentInvestigationStatus',
  description: '调查状态。Where an investigation stands: INVESTIGATING → REPORTED → REPLIED → CLOSED.',
  valuesConfig: {
    INVESTIGATING: { description: '调查中。The team investigates; the report is due 60 days after the accident (+ one extension).' },
    REPORTED: { description: '已提交调查报告。The report is submitted; the reply (批复) is due 15 days later (特别重大: 30).' },
    REPLIED: { description: '已批复。The government replied to the report.' },
    CLOSED: { description: '已结案。Closed: every 四不放过 item was met.' },
  },
});
registerEnumType(AccidentTeamRole, {
  name: 'AccidentTeamRole',
  description: '调查组成员单位。Who a team member represents (国务院令第493号 第二十二条).',
  valuesConfig: {
    GOVERNMENT: { description: '人民政府。The government that leads the investigation.' },
    EMERGENCY_MANAGEMENT: { description: '应急管理部门。The emergency management (work-safety supervision) department.' },
    INDUSTRY_DEPARTMENT: { description: '负有安全生产监督管理职责的有关部门。The department supervising the industry concerned.' },
    SUPERVISORY_COMMISSION: { description: '监察机关。The supervisory commission (监察委员会).' },
    PUBLIC_SECURITY: { description: '公安机关。The public security organ.' },
    TRADE_UNION: { description: '工会。The trade union.' },
    PROCURATORATE: { description: '人民检察院（邀请）。The procuratorate, invited to take part (not required).' },
    EXPERT: { description: '专家。An expert engaged by the team (not required).' },
  },
});
registerEnumType(FourNotSparedItem, {
  name: 'FourNotSparedItem',
  description: '四不放过事项。One of the four items an accident investigation answers before it closes.',
  valuesConfig: {
    CAUSE_FOUND: { description: '事故原因未查清不放过。The cause is established.' },
    RESPONSIBLE_HANDLED: { description: '责任人员未处理不放过。Those responsible are dealt with.' },
    MEASURES_IMPLEMENTED: { description: '整改措施未落实不放过。The corrective measures are carried out.' },
    PEOPLE_EDUCATED: { description: '有关人员未受到教育不放过。Those concerned are educated.' },
  },
});
registerEnumType(FourNotSparedStatus, {
  name: 'FourNotSparedStatus',
  description: '落实状态。Whether a 四不放过 item is met.',
  valuesConfig: {
    OPEN: { description: '未落实。Not met yet: the investigation cannot close.' },
    DONE: { description: '已落实。Met, with evidence.' },
  },
});
registerEnumType(OversightBodyRole, {
  name: 'OversightBodyRole',
  description: '一案双查对象。Whether a finding is against the body that approved (审批) or the one that supervised (监管) the unit.',
  valuesConfig: {
    APPROVING: { description: '审批部门。The body that issued the approval, licence or permit.' },
    SUPERVISING: { description: '监管部门。The body that supervised the unit.' },
  },
});
registerEnumType(AccidentMeasureStatus, {
  name: 'AccidentMeasureStatus',
  description: '整改措施状态。Where a follow-up measure stands: OPEN → DONE → VERIFIED.',
  valuesConfig: {
    OPEN: { description: '未完成。Not done.' },
    DONE: { description: '已完成。Done by the responsible organization, not verified yet.' },
    VERIFIED: { description: '已核查。Verified by the investigators.' },
  },
});
registerEnumType(AccidentWarningKind, {
  name: 'AccidentWarningKind',
  description: '调查预警类别。What an investigation warns of.',
  valuesConfig: {
    REPORT_DUE_SOON: { description: '报告即将到期。The report is due within the rule\'s warning days.' },
    REPORT_OVERDUE: { description: '报告逾期。The report is past its due day.' },
    REPLY_DUE_SOON: { description: '批复即将到期。The reply is due within the rule\'s warning days.' },
    REPLY_OVERDUE: { description: '批复逾期。The reply is past its due day.' },
    TEAM_INCOMPLETE: { description: '调查组组成不全。A required team role is missing.' },
    REPORTED_LATE: { description: '迟报。The accident was first reported more than the rule\'s minutes (1 hour) after it happened.' },
  },
});
