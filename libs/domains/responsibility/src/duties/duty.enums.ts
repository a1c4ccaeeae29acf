import { registerEnumType } from 'type-graphql';

/** Where a duty list stands: drafted, then signed by its official (and immutable from then on). */
export enum DutyListStatus {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
}

registerEnumType(DutyListStatus, {
  name: 'DutyListStatus',
  description: '职责清单状态。Where a duty list stands.',
  valuesConfig: {
    DRAFT: { description: '草稿。Being drawn up: its items may still change.' },
    SIGNED: { description: '已签订。Signed by its official (who and when are kept); immutable from then on: revise it to change it.' },
  },
});

/** What a duty is about (厅字〔2018〕13号 lists duties by these heads). */
export enum DutyCategory {
  LEADERSHIP = 'LEADERSHIP',
  SUPERVISION = 'SUPERVISION',
  HAZARD_CONTROL = 'HAZARD_CONTROL',
  EMERGENCY = 'EMERGENCY',
  DISASTER_PREVENTION = 'DISASTER_PREVENTION',
  FIRE_SAFETY = 'FIRE_SAFETY',
  PUBLICITY_TRAINING = 'PUBLICITY_TRAINING',
}

registerEnumType(DutyCategory, {
  name: 'DutyCategory',
  description: '职责类别。What a duty item is about.',
  valuesConfig: {
    LEADERSHIP: { description: '统筹领导。Leading and deciding: meetings of the party committee and the government on safety, responsibility systems, funding.' },
    SUPERVISION: { description: '监督检查。Supervising departments, villages and enterprises (三管三必须), inspections and 督办.' },
    HAZARD_CONTROL: { description: '隐患治理。Risk control and hazard finding, rectification and closing.' },
    EMERGENCY: { description: '应急管理。Plans, drills, teams, duty and the response to emergencies.' },
    DISASTER_PREVENTION: { description: '防灾减灾。Natural-disaster prevention: geological hazards, floods, forest fires.' },
    FIRE_SAFETY: { description: '消防安全。Fire safety of places, villages and enterprises.' },
    PUBLICITY_TRAINING: { description: '宣传培训。Publicity, education and training in safety.' },
  },
});

/** How an item changed between two lists of one official. */
export enum DutyItemChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}

registerEnumType(DutyItemChangeKind, {
  name: 'DutyItemChangeKind',
  description: '条目变化类型。How an item (matched by key) differs between two lists.',
  valuesConfig: {
    ADDED: { description: '新增。In the later list only.' },
    REMOVED: { description: '删除。In the earlier list only.' },
    CHANGED: { description: '修改。In both, with another text, legal basis or category.' },
  },
});

/** The fields of an item a diff compares (its place in the list is not a change of the duty). */
export enum DutyItemField {
  TEXT = 'TEXT',
  LEGAL_BASIS = 'LEGAL_BASIS',
  CATEGORY = 'CATEGORY',
}

registerEnumType(DutyItemField, {
  name: 'DutyItemField',
  description: '条目字段。A field of a duty item that a diff compares.',
  valuesConfig: {
    TEXT: { description: '职责内容。The duty\'s text.' },
    LEGAL_BASIS: { description: '法定依据。The legal basis.' },
    CATEGORY: { description: '类别。The category.' },
  },
});

/** Where a duty report (述职) stands. */
export enum DutyReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}

registerEnumType(DutyReportStatus, {
  name: 'DutyReportStatus',
  description: '述职报告状态。Where a duty report stands.',
  valuesConfig: {
    DRAFT: { description: '草稿。Generated from the ledger and being edited.' },
    SUBMITTED: { description: '已提交。Submitted and archived: immutable.' },
  },
});
