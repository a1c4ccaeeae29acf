import { registerEnumType } from 'type-graphql';

/** Where a new business format stands: found and waiting for the county's decision, or assigned to a department. */
export enum NewBusinessFormatStatus {
  PENDING = 'PENDING',
  ASSIGNED = 'ASSIGNED',
}

registerEnumType(NewBusinessFormatStatus, {
  name: 'NewBusinessFormatStatus',
  description: '新兴业态状态。Whether a new business format has a supervising department yet.',
  valuesConfig: {
    PENDING: { description: '待明确。Found, no supervising department decided yet: a supervision gap (安全生产法 第十条).' },
    ASSIGNED: { description: '已明确。The county-level government has decided which department supervises it (the one with the closest business).' },
  },
});

/** The stages of a key construction project, in order. */
export enum KeyProjectStage {
  PLANNING = 'PLANNING',
  DESIGN = 'DESIGN',
  CONSTRUCTION = 'CONSTRUCTION',
  TRIAL_OPERATION = 'TRIAL_OPERATION',
  COMPLETED = 'COMPLETED',
}

registerEnumType(KeyProjectStage, {
  name: 'KeyProjectStage',
  description: '项目阶段。Where a key construction project stands, in order.',
  valuesConfig: {
    PLANNING: { description: '立项规划。Approved and being planned.' },
    DESIGN: { description: '设计。Being designed; the safety facilities are designed with the main works.' },
    CONSTRUCTION: { description: '施工。Under construction; the safety facilities are built with the main works.' },
    TRIAL_OPERATION: { description: '试运行。Built and in trial operation, before completion acceptance.' },
    COMPLETED: { description: '竣工投用。Accepted and put into use, with its safety facilities.' },
  },
});

/** The three stages of 三同时 (安全生产法 第三十一条): safety facilities designed, built and put into use with the main works. */
export enum ThreeSimultaneityStage {
  DESIGN = 'DESIGN',
  CONSTRUCTION = 'CONSTRUCTION',
  OPERATION = 'OPERATION',
}

registerEnumType(ThreeSimultaneityStage, {
  name: 'ThreeSimultaneityStage',
  description: '三同时阶段。A stage of 三同时: safety facilities designed, built and put into use at the same time as the main works.',
  valuesConfig: {
    DESIGN: { description: '同时设计。The safety facilities\' design reviewed and approved (安全设施设计审查).' },
    CONSTRUCTION: { description: '同时施工。The safety facilities built with the main works (施工记录、监理确认).' },
    OPERATION: { description: '同时投入生产和使用。The safety facilities accepted with the works and put into use (竣工验收).' },
  },
});

/** Project stage → the 三同时 stages a project at it has reached (the order of the enums). */
export const STAGES_REACHED: Readonly<Record<KeyProjectStage, readonly ThreeSimultaneityStage[]>> = {
  [KeyProjectStage.PLANNING]: [],
  [KeyProjectStage.DESIGN]: [ThreeSimultaneityStage.DESIGN],
  [KeyProjectStage.CONSTRUCTION]: [ThreeSimultaneityStage.DESIGN, ThreeSimultaneityStage.CONSTRUCTION],
  [KeyProjectStage.TRIAL_OPERATION]: [ThreeSimultaneityStage.DESIGN, ThreeSimultaneityStage.CONSTRUCTION],
  [KeyProjectStage.COMPLETED]: [ThreeSimultaneityStage.DESIGN, ThreeSimultaneityStage.CONSTRUCTION, ThreeSimultaneityStage.OPERATION],
};

/** Kinds of linear feature along which disaster-prevention responsibility is assigned. */
export enum LinearFeatureKind {
  ROAD = 'ROAD',
  RAILWAY = 'RAILWAY',
  RESERVOIR_BANK = 'RESERVOIR_BANK',
}

registerEnumType(LinearFeatureKind, {
  name: 'LinearFeatureKind',
  description: '线性设施类型。The kind of linear feature a section belongs to (公路、铁路及库岸沿线).',
  valuesConfig: {
    ROAD: { description: '公路。A road or highway section.' },
    RAILWAY: { description: '铁路。A railway section.' },
    RESERVOIR_BANK: { description: '库岸。A reservoir or river bank section.' },
  },
});

/** The four items of 行业消防安全"四个一" (Chongqing practice as best known; unverified [U]). */
export enum FourOnesItemKind {
  MEETING = 'MEETING',
  TRAINING = 'TRAINING',
  INSPECTION = 'INSPECTION',
  PUBLICITY = 'PUBLICITY',
}

registerEnumType(FourOnesItemKind, {
  name: 'FourOnesItemKind',
  description: '“四个一”事项。One of the four items of an industry department\'s fire-safety "四个一" for the year (as best known from Chongqing practice; unverified [U]: the office may confirm the wording).',
  valuesConfig: {
    MEETING: { description: '召开一次行业消防安全专题会议。One fire-safety meeting of the sector held [U].' },
    TRAINING: { description: '组织一次行业消防安全培训。One fire-safety training of the sector\'s units [U].' },
    INSPECTION: { description: '开展一次行业消防安全检查。One fire-safety inspection of the sector\'s units [U].' },
    PUBLICITY: { description: '开展一次行业消防安全宣传。One fire-safety publicity campaign in the sector [U].' },
  },
});

export const FOUR_ONES_KINDS: readonly FourOnesItemKind[] = [FourOnesItemKind.MEETING, FourOnesItemKind.TRAINING, FourOnesItemKind.INSPECTION, FourOnesItemKind.PUBLICITY];
