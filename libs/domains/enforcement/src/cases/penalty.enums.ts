import { registerEnumType } from 'type-graphql';

/** Whom a penalty line fines (一案双罚: the unit and each responsible person). */
export enum PenaltySubjectKind {
  UNIT = 'UNIT',
  PERSON = 'PERSON',
}

registerEnumType(PenaltySubjectKind, {
  name: 'PenaltySubjectKind',
  description: '处罚对象类型。Whom a penalty line fines: the party unit, or a responsible person of it (一案双罚).',
  valuesConfig: {
    UNIT: { description: '单位。The party unit (生产经营单位), the case\'s enterprise.' },
    PERSON: { description: '个人。A responsible person of the unit, from the directory.' },
  },
});

/** The role in the unit a person on a penalty line answers for (安全生产法 第九十四至九十七条、第一百一十条). */
export enum PenaltyPersonRole {
  PRINCIPAL = 'PRINCIPAL',
  OTHER_MANAGER = 'OTHER_MANAGER',
  RESPONSIBLE_SUPERVISOR = 'RESPONSIBLE_SUPERVISOR',
  OTHER_DIRECTLY_RESPONSIBLE = 'OTHER_DIRECTLY_RESPONSIBLE',
}

registerEnumType(PenaltyPersonRole, {
  name: 'PenaltyPersonRole',
  description: '责任人员身份。The role in the unit a person on a penalty line answers for.',
  valuesConfig: {
    PRINCIPAL: { description: '主要负责人。The principal (安全生产法 第九十四、九十五、一百一十条).' },
    OTHER_MANAGER: { description: '其他负责人和安全生产管理人员。Another head or a safety manager (第九十六条).' },
    RESPONSIBLE_SUPERVISOR: { description: '直接负责的主管人员。The supervisor directly responsible (第九十七、一百零二条).' },
    OTHER_DIRECTLY_RESPONSIBLE: { description: '其他直接责任人员。Another person directly responsible.' },
  },
});

/** What a warning about a case's penalty lines says. */
export enum PenaltyWarningKind {
  PERSON_LINE_MISSING = 'PERSON_LINE_MISSING',
}

registerEnumType(PenaltyWarningKind, {
  name: 'PenaltyWarningKind',
  description: '处罚预警类型。What a warning about a case\'s penalty lines says (warnings, not refusals).',
  valuesConfig: {
    PERSON_LINE_MISSING: { description: '一案双罚缺个人。A unit line exists and the item provides a person band, but no person line is recorded.' },
  },
});

/** The party of an on-the-spot penalty (行政处罚法 第五十一条: thresholds differ). */
export enum OnTheSpotPartyKind {
  CITIZEN = 'CITIZEN',
  ORGANIZATION = 'ORGANIZATION',
}

registerEnumType(OnTheSpotPartyKind, {
  name: 'OnTheSpotPartyKind',
  description: '当事人类型。A citizen (fine up to 200 yuan on the spot) or an organization (up to 3,000 yuan), per rule enforcement.on-the-spot-limits.',
  valuesConfig: {
    CITIZEN: { description: '公民。A natural person.' },
    ORGANIZATION: { description: '法人或者其他组织。An enterprise or other organization.' },
  },
});

/** What an on-the-spot penalty imposes. */
export enum OnTheSpotPenaltyKind {
  WARNING = 'WARNING',
  FINE = 'FINE',
}

registerEnumType(OnTheSpotPenaltyKind, {
  name: 'OnTheSpotPenaltyKind',
  description: '当场处罚种类。A warning or a small fine (行政处罚法 第五十一条).',
  valuesConfig: {
    WARNING: { description: '警告。A warning.' },
    FINE: { description: '罚款。A fine within the on-the-spot limit.' },
  },
});
