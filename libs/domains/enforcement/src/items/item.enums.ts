import { registerEnumType } from 'type-graphql';

/** How the town holds an enforcement item (渝府办发〔2025〕28号: 法定、承接赋权、委托). */
export enum EnforcementItemKind {
  STATUTORY = 'STATUTORY',
  DELEGATED = 'DELEGATED',
  ENTRUSTED = 'ENTRUSTED',
}

registerEnumType(EnforcementItemKind, {
  name: 'EnforcementItemKind',
  description: '事项类型。How the town holds an enforcement item: by law, delegated to it (承接赋权, from a district department), or entrusted to it (委托, done in the entrusting body\'s name).',
  valuesConfig: {
    STATUTORY: { description: '法定。A power the law gives the town itself.' },
    DELEGATED: { description: '赋权。A county-level power handed to the town (行政处罚法 第二十四条); `sourceDepartment` names the department that held it (原行使部门).' },
    ENTRUSTED: { description: '委托。Done by the town in the name of the entrusting body (`entrustingBody`), which answers for it.' },
  },
});

/** What kind of administrative act an item is. */
export enum EnforcementItemCategory {
  INSPECTION = 'INSPECTION',
  PENALTY = 'PENALTY',
  COERCIVE_MEASURE = 'COERCIVE_MEASURE',
  OTHER = 'OTHER',
}

registerEnumType(EnforcementItemCategory, {
  name: 'EnforcementItemCategory',
  description: '事项类别。What kind of administrative act an item is.',
  valuesConfig: {
    INSPECTION: { description: '行政检查。An inspection of enterprises or places.' },
    PENALTY: { description: '行政处罚。A penalty (warning, fine, suspension…); it may carry discretion bands.' },
    COERCIVE_MEASURE: { description: '行政强制。A coercive measure (sealing, seizure, stopping work…).' },
    OTHER: { description: '其他。Another act (a report received, a confirmation…).' },
  },
});

/** Where a list stands. */
export enum EnforcementItemListStatus {
  DRAFT = 'DRAFT',
  IN_FORCE = 'IN_FORCE',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(EnforcementItemListStatus, {
  name: 'EnforcementItemListStatus',
  description: '清单状态。Where a list stands: a draft being edited, the published list in force (from its effective day), or superseded by a later published list (in force up to the day before that one\'s).',
  valuesConfig: {
    DRAFT: { description: '草稿。Being edited; its items may change; in force on no day.' },
    IN_FORCE: { description: '现行。Published: in force from its effective day, with no end yet.' },
    SUPERSEDED: { description: '已被替代。A later list was published: in force up to the day before it (`effectiveTo`); its items stay for the matters opened under them.' },
  },
});

/** Whom a discretion band fines (一案双罚: the unit and the persons responsible). */
export enum DiscretionSubject {
  UNIT = 'UNIT',
  PERSON = 'PERSON',
}

registerEnumType(DiscretionSubject, {
  name: 'DiscretionSubject',
  description: '处罚对象。Whom a discretion band fines: the unit (生产经营单位), or a person responsible (主要负责人、直接负责的主管人员…).',
  valuesConfig: {
    UNIT: { description: '单位。The enterprise or other organization.' },
    PERSON: { description: '个人。A person responsible; a band may be a share of last year\'s income.' },
  },
});

/** The level of a discretion band (裁量阶次). */
export enum DiscretionLevel {
  MINOR = 'MINOR',
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
  GRAVE = 'GRAVE',
}

registerEnumType(DiscretionLevel, {
  name: 'DiscretionLevel',
  description: '裁量阶次。How grave the circumstances a band is for are.',
  valuesConfig: {
    MINOR: { description: '轻微。Minor.' },
    GENERAL: { description: '一般。Ordinary.' },
    SERIOUS: { description: '较重。Serious.' },
    GRAVE: { description: '严重。Grave (e.g. not corrected by the deadline).' },
  },
});
