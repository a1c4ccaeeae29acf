import { registerEnumType } from 'type-graphql';

/** Where an enforcement certificate (执法证) stands on a day. */
export enum EnforcementCertificateStatus {
  VALID = 'VALID',
  NOT_YET_VALID = 'NOT_YET_VALID',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(EnforcementCertificateStatus, {
  name: 'EnforcementCertificateStatus',
  description: '执法证状态。Where an enforcement certificate stands on a day: revoked first, then before its period, after it, or valid.',
  valuesConfig: {
    VALID: { description: '有效。Within its period (both days included) and not revoked.' },
    NOT_YET_VALID: { description: '未生效。Before its first valid day.' },
    EXPIRED: { description: '已过期。After its last valid day.' },
    REVOKED: { description: '已注销/吊销。Revoked on or before the day.' },
  },
});

/**
 * The operation types of the national catalogue of special operations (特种作业目录, 总局令第30号 附件),
 * the classes a 特种作业操作证 is issued for. Special-equipment operators (特种设备作业人员: boilers,
 * lifts, forklifts) hold another certificate under the market regulator and are not listed here.
 */
export enum SpecialOperationType {
  ELECTRICAL = 'ELECTRICAL',
  WELDING_AND_CUTTING = 'WELDING_AND_CUTTING',
  WORK_AT_HEIGHT = 'WORK_AT_HEIGHT',
  REFRIGERATION = 'REFRIGERATION',
  MINE_SAFETY = 'MINE_SAFETY',
  OIL_AND_GAS = 'OIL_AND_GAS',
  METALLURGY_GAS = 'METALLURGY_GAS',
  HAZARDOUS_CHEMICALS = 'HAZARDOUS_CHEMICALS',
  FIREWORKS = 'FIREWORKS',
  OTHER = 'OTHER',
}

registerEnumType(SpecialOperationType, {
  name: 'SpecialOperationType',
  description: '特种作业类别。The operation type of a special-operation certificate, from the national catalogue of special operations (特种作业目录).',
  valuesConfig: {
    ELECTRICAL: { description: '电工作业。Electrical work (高压、低压、防爆电气…).' },
    WELDING_AND_CUTTING: { description: '焊接与热切割作业。Welding and thermal cutting.' },
    WORK_AT_HEIGHT: { description: '高处作业。Work at height (登高架设、高处安装维护拆除).' },
    REFRIGERATION: { description: '制冷与空调作业。Refrigeration and air-conditioning work.' },
    MINE_SAFETY: { description: '煤矿/金属非金属矿山安全作业。Safety work in coal, metal and non-metal mines (爆破、支柱、排水…).' },
    OIL_AND_GAS: { description: '石油天然气安全作业。Safety work in oil and gas production (司钻).' },
    METALLURGY_GAS: { description: '冶金（有色）生产安全作业。Gas safety work in ferrous and non-ferrous metallurgy (煤气作业).' },
    HAZARDOUS_CHEMICALS: { description: '危险化学品安全作业。Work at hazardous-chemical processes (氧化、氯化…) and their storage and filling.' },
    FIREWORKS: { description: '烟花爆竹安全作业。Work in fireworks production (药物混合、装药、筑药…).' },
    OTHER: { description: '其他特种作业。A special operation the catalogue adds (应急管理部 may add types).' },
  },
});

/**
 * Where a special-operation certificate (特种作业操作证) stands on a day, in this order of precedence:
 * revoked, expired, review overdue, expiring, review due, valid.
 */
export enum SpecialOperationCertificateStatus {
  VALID = 'VALID',
  REVIEW_DUE = 'REVIEW_DUE',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

registerEnumType(SpecialOperationCertificateStatus, {
  name: 'SpecialOperationCertificateStatus',
  description: '特种作业操作证状态。Where a special-operation certificate stands on a day, by its stored due days and the window of its rule version (60 days as seeded); the first that applies of REVOKED, EXPIRED, REVIEW_OVERDUE, EXPIRING, REVIEW_DUE, VALID.',
  valuesConfig: {
    VALID: { description: '有效。Valid, with no review or expiry within the window.' },
    REVIEW_DUE: { description: '待复审。The next review (复审) is due within the window: from dueWindowDays before the review due day up to that day.' },
    REVIEW_OVERDUE: { description: '逾期未复审。The review due day has passed without a passed review: the holder may not work on it (未按期复审的操作证失效).' },
    EXPIRING: { description: '即将到期。The certificate expires within the window: from dueWindowDays before its last valid day up to that day.' },
    EXPIRED: { description: '已过期。After its last valid day.' },
    REVOKED: { description: '已撤销/注销。Revoked on or before the day.' },
  },
});

/** The result of a review (复审) of a special-operation certificate. */
export enum SpecialOperationReviewResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

registerEnumType(SpecialOperationReviewResult, {
  name: 'SpecialOperationReviewResult',
  description: '复审结论。The result of a review of a special-operation certificate.',
  valuesConfig: {
    PASSED: { description: '合格。The next review becomes due one interval after the current due day (the extended interval when approved).' },
    FAILED: { description: '不合格。The due day stays: the certificate turns REVIEW_OVERDUE after it unless a later review passes; the authority revokes it when it lapses.' },
  },
});
