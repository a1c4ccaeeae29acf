import { registerEnumType } from 'type-graphql';

/** What area of the work plan a problem belongs to (the plan's sections and their points); repeats are counted within one category. */
export enum ProblemCategory {
  RESPONSIBILITY = 'RESPONSIBILITY',
  HAZARD_CONTROL = 'HAZARD_CONTROL',
  EMERGENCY_PREPAREDNESS = 'EMERGENCY_PREPAREDNESS',
  FIRE_SAFETY = 'FIRE_SAFETY',
  NATURAL_DISASTER = 'NATURAL_DISASTER',
  ENFORCEMENT = 'ENFORCEMENT',
  PUBLIC_SUPERVISION = 'PUBLIC_SUPERVISION',
  OTHER = 'OTHER',
}

registerEnumType(ProblemCategory, {
  name: 'ProblemCategory',
  description: '问题类别。The area of the town\'s work plan a problem belongs to; a repeat is the same organization and category within the window.',
  valuesConfig: {
    RESPONSIBILITY: { description: '安全责任落实。Duties, key tasks and coordination not carried out (plan points 一–四).' },
    HAZARD_CONTROL: { description: '风险隐患管控。Hazards and risk sources not found, graded or rectified (points 五, 七, 八, 十).' },
    EMERGENCY_PREPAREDNESS: { description: '应急准备与处置。Plans, drills, teams, warnings and response (points 十一–十四).' },
    FIRE_SAFETY: { description: '消防安全。Fire prevention, facilities and fire-fighting forces (points 九, 十三).' },
    NATURAL_DISASTER: { description: '防灾减灾救灾。Natural-disaster prevention, relief and recovery (points 六, 十五).' },
    ENFORCEMENT: { description: '监管执法。Supervision and law enforcement (points 十六–十八).' },
    PUBLIC_SUPERVISION: { description: '宣传与社会监督。Safety education, public tips and insurance (points 十九–二十一).' },
    OTHER: { description: '其他。Anything else, e.g. digital systems (points 二十二–二十四).' },
  },
});

/** Where a problem came from. */
export enum ProblemSourceKind {
  DRILL_PROBLEM = 'DRILL_PROBLEM',
  CONSULTATION_ACTION_ITEM = 'CONSULTATION_ACTION_ITEM',
  HAZARD = 'HAZARD',
  UPSTREAM_INSPECTION = 'UPSTREAM_INSPECTION',
  UPSTREAM_ASSESSMENT = 'UPSTREAM_ASSESSMENT',
  SUPERVISION_ACTION = 'SUPERVISION_ACTION',
  KEY_TASK = 'KEY_TASK',
  OTHER = 'OTHER',
}

registerEnumType(ProblemSourceKind, {
  name: 'ProblemSourceKind',
  description: '问题来源。Where a problem came from: a record of this platform (by global id) or an upstream finding (by its reference text).',
  valuesConfig: {
    DRILL_PROBLEM: { description: '演练发现问题。A problem a drill found (a DrillProblem or its Drill, by global id).' },
    CONSULTATION_ACTION_ITEM: { description: '会商研判事项。An action item of a consultation (a ConsultationActionItem, by global id).' },
    HAZARD: { description: '隐患。A hazard (a Hazard, by global id).' },
    UPSTREAM_INSPECTION: { description: '考核巡查/督查反馈。A finding of an upstream 考核巡查 or 督查, by its reference text (e.g. 2025年区安委会考核巡查反馈第3条).' },
    UPSTREAM_ASSESSMENT: { description: '上级考核评估。A finding of an upstream assessment, by its reference text.' },
    SUPERVISION_ACTION: { description: '督办事项。A supervision action of the town (通报、督促函、约谈、挂牌督办), by global id.' },
    KEY_TASK: { description: '重点任务。An annual key task that fell short (a KeyTask, by global id).' },
    OTHER: { description: '其他。Anything else (an inspection, an accident, a public tip…), by global id or reference text.' },
  },
});

/** Where a problem stands. */
export enum ProblemStatus {
  OPEN = 'OPEN',
  RECTIFYING = 'RECTIFYING',
  CLOSED = 'CLOSED',
  EFFECTIVE = 'EFFECTIVE',
}

registerEnumType(ProblemStatus, {
  name: 'ProblemStatus',
  description: '问题状态。Where a problem stands: open, being rectified, closed awaiting its effectiveness check, or verified effective.',
  valuesConfig: {
    OPEN: { description: '待整改。Recorded, no rectification reported yet.' },
    RECTIFYING: { description: '整改中。Rectification reported, or reopened after an INEFFECTIVE check.' },
    CLOSED: { description: '已销号待验证。Closed by its owner; its effectiveness check is due.' },
    EFFECTIVE: { description: '整改有效。Closed and verified effective by someone other than the one who closed it.' },
  },
});

/** The result of an effectiveness check. */
export enum EffectivenessResult {
  EFFECTIVE = 'EFFECTIVE',
  INEFFECTIVE = 'INEFFECTIVE',
}

registerEnumType(EffectivenessResult, {
  name: 'EffectivenessResult',
  description: '成效验证结论。The result of a closed problem\'s effectiveness check.',
  valuesConfig: {
    EFFECTIVE: { description: '有效。The criteria are met: the problem becomes EFFECTIVE.' },
    INEFFECTIVE: { description: '无效。The criteria are not met: the problem reopens to RECTIFYING.' },
  },
});
