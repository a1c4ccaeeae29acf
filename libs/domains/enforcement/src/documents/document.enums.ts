import { registerEnumType } from 'type-graphql';

/**
 * The kinds of numbered enforcement documents (执法文书). Each kind is a row of
 * `enforcement_document_kind` (Chinese name, number prefix, current template) added by a migration
 * with its first template; the cases of the next issue add theirs (立案审批表, 行政处罚告知书, …).
 */
export enum EnforcementDocumentKind {
  INSPECTION_APPROVAL = 'INSPECTION_APPROVAL',
  FIELD_INSPECTION_RECORD = 'FIELD_INSPECTION_RECORD',
  RECTIFICATION_ORDER = 'RECTIFICATION_ORDER',
  REINSPECTION_OPINION = 'REINSPECTION_OPINION',
}

registerEnumType(EnforcementDocumentKind, {
  name: 'EnforcementDocumentKind',
  description: '执法文书种类。The kind of a numbered enforcement document; each kind has its number prefix and versioned templates (see `enforcementDocumentKinds`).',
  valuesConfig: {
    INSPECTION_APPROVAL: { description: '行政检查审批表。The written approval of an administrative inspection before the visit (国办发〔2024〕54号), numbered 检审.' },
    FIELD_INSPECTION_RECORD: { description: '现场检查记录。The record of an on-site inspection (安全生产法 第六十八条), numbered 现检.' },
    RECTIFICATION_ORDER: { description: '责令限期整改指令书。An order to rectify the problems found by a deadline, numbered 责改.' },
    REINSPECTION_OPINION: { description: '整改复查意见书。The opinion of the re-inspection after an order to rectify, numbered 复查.' },
  },
});

/** What a template field holds, which says how it is checked and shown. */
export enum EnforcementDocumentFieldType {
  TEXT = 'TEXT',
  DATE = 'DATE',
  LIST = 'LIST',
}

registerEnumType(EnforcementDocumentFieldType, {
  name: 'EnforcementDocumentFieldType',
  description: '文书字段类型。What a field of a document template holds.',
  valuesConfig: {
    TEXT: { description: '文本。A line or paragraph of text (a number is shown as written); at most 4000 characters.' },
    DATE: { description: '日期。A day given as YYYY-MM-DD and shown as 2026年11月29日.' },
    LIST: { description: '列表。Rows of named text values (e.g. the problems found), repeated by a section; each row also gets `index` (1, 2, …) and `last`.' },
  },
});
