import { registerEnumType } from 'type-graphql';

export enum EmergencyPlanType {
  TOWN_OVERALL = 'TOWN_OVERALL',
  SPECIAL = 'SPECIAL',
  VILLAGE = 'VILLAGE',
  ENTERPRISE_ON_SITE = 'ENTERPRISE_ON_SITE',
}

export enum EmergencyPlanStatus {
  DRAFT = 'DRAFT',
  EFFECTIVE = 'EFFECTIVE',
  SUPERSEDED = 'SUPERSEDED',
  ARCHIVED = 'ARCHIVED',
}

export enum DrillForm {
  TABLETOP = 'TABLETOP',
  FUNCTIONAL = 'FUNCTIONAL',
  FULL_SCALE = 'FULL_SCALE',
  EVACUATION = 'EVACUATION',
}

export enum DrillProblemFollowUp {
  NONE = 'NONE',
  TASK = 'TASK',
  HAZARD = 'HAZARD',
}

export enum DrillProblemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

export enum DrillRulePeriod {
  YEAR = 'YEAR',
  HALF_YEAR = 'HALF_YEAR',
}

export enum DrillComplianceStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  PENDING = 'PENDING',
}

/** Organization kinds each plan type may be kept by (checked on create). */
export const PLAN_TYPE_ORGANIZATION_KINDS: Readonly<Record<EmergencyPlanType, readonly string[]>> = {
  [EmergencyPlanType.TOWN_OVERALL]: ['TOWN_GOVERNMENT', 'DEPARTMENT'],
  [EmergencyPlanType.SPECIAL]: ['TOWN_GOVERNMENT', 'DEPARTMENT'],
  [EmergencyPlanType.VILLAGE]: ['VILLAGE', 'COMMUNITY'],
  [EmergencyPlanType.ENTERPRISE_ON_SITE]: ['ENTERPRISE'],
};

registerEnumType(EmergencyPlanType, {
  name: 'EmergencyPlanType',
  description: '应急预案类型。Which level of the plan system (预案体系) a plan belongs to; it must fit the kind of organization keeping it.',
  valuesConfig: {
    TOWN_OVERALL: { description: '镇总体应急预案。The town\'s overall emergency plan (town government or a department).' },
    SPECIAL: { description: '专项应急预案。A special plan for one kind of emergency, e.g. 防汛抗旱、森林防火、地质灾害 (town government or a department).' },
    VILLAGE: { description: '村(居)应急预案。A village\'s or community\'s emergency plan.' },
    ENTERPRISE_ON_SITE: { description: '企业现场处置方案。An enterprise\'s on-site response plan.' },
  },
});
registerEnumType(EmergencyPlanStatus, {
  name: 'EmergencyPlanStatus',
  description: '应急预案状态。Where a plan revision is in its life cycle.',
  valuesConfig: {
    DRAFT: { description: '草案。Being drafted; details may still change.' },
    EFFECTIVE: { description: '有效。Approved and in force; at most one revision of a plan is.' },
    SUPERSEDED: { description: '已被替代。Replaced by a newer approved revision; kept as history.' },
    ARCHIVED: { description: '已归档。Withdrawn; kept for the record.' },
  },
});
registerEnumType(DrillForm, {
  name: 'DrillForm',
  description: '演练形式。How a drill was carried out.',
  valuesConfig: {
    TABLETOP: { description: '桌面推演。A tabletop exercise talking through the plan.' },
    FUNCTIONAL: { description: '功能演练。A functional drill of one part of the response (e.g. alerting, a team).' },
    FULL_SCALE: { description: '综合演练。A full-scale drill of the whole response.' },
    EVACUATION: { description: '疏散逃生演练。An evacuation and escape drill.' },
  },
});
registerEnumType(DrillProblemFollowUp, {
  name: 'DrillProblemFollowUp',
  description: '问题跟进方式。How a problem found in a drill is followed up.',
  valuesConfig: {
    NONE: { description: '无需跟进。Noted only.' },
    TASK: { description: '整改任务。A task with an owner and a due day.' },
    HAZARD: { description: '上报隐患。Reported as a hazard (source DRILL) and followed up in the hazard workflow.' },
  },
});
registerEnumType(DrillProblemStatus, {
  name: 'DrillProblemStatus',
  description: '整改任务状态。Whether a follow-up task is done.',
  valuesConfig: { OPEN: { description: '未完成。Still open.' }, DONE: { description: '已完成。Done.' } },
});
registerEnumType(DrillRulePeriod, {
  name: 'DrillRulePeriod',
  description: '演练考核周期。The period a drill requirement is counted over.',
  valuesConfig: {
    YEAR: { description: '每年。Per calendar year (1 Jan–31 Dec).' },
    HALF_YEAR: { description: '每半年。Per half year: H1 = 1 Jan–30 Jun, H2 = 1 Jul–31 Dec.' },
  },
});
registerEnumType(DrillComplianceStatus, {
  name: 'DrillComplianceStatus',
  description: '演练达标状态。Whether a period\'s drill requirement is met.',
  valuesConfig: {
    MET: { description: '已达标。Enough qualifying drills were held in the period.' },
    NOT_MET: { description: '未达标。The period is over (China time) without enough qualifying drills.' },
    PENDING: { description: '进行中。The period is not over yet and not yet met.' },
  },
});
