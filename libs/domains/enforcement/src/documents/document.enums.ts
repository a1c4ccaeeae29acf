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
  CASE_FILING = 'CASE_FILING',
  PENALTY_NOTICE = 'PENALTY_NOTICE',
  HEARING_NOTICE = 'HEARING_NOTICE',
  PENALTY_DECISION = 'PENALTY_DECISION',
  NO_PENALTY_DECISION = 'NO_PENALTY_DECISION',
  SERVICE_RECEIPT = 'SERVICE_RECEIPT',
  CASE_CLOSURE = 'CASE_CLOSURE',
  ON_THE_SPOT_DECISION = 'ON_THE_SPOT_DECISION',
  CRIMINAL_REFERRAL_REPORT = 'CRIMINAL_REFERRAL_REPORT',
  CRIMINAL_CASE_TRANSFER = 'CRIMINAL_CASE_TRANSFER',
}

registerEnumType(EnforcementDocumentKind, {
  name: 'EnforcementDocumentKind',
  description: '执法文书种类。The kind of a numbered enforcement document; each kind has its number prefix and versioned templates (see `enforcementDocumentKinds`).',
  valuesConfig: {
    INSPECTION_APPROVAL: { description: '行政检查审批表。The written approval of an administrative inspection before the visit (国办发〔2024〕54号), numbered 检审.' },
    FIELD_INSPECTION_RECORD: { description: '现场检查记录。The record of an on-site inspection (安全生产法 第六十八条), numbered 现检.' },
    RECTIFICATION_ORDER: { description: '责令限期整改指令书。An order to rectify the problems found by a deadline, numbered 责改.' },
    REINSPECTION_OPINION: { description: '整改复查意见书。The opinion of the re-inspection after an order to rectify, numbered 复查.' },
    CASE_FILING: { description: '立案审批表。The approval to file a penalty case (行政处罚法 第五十四条), numbered 立; its number is the case number.' },
    PENALTY_NOTICE: { description: '行政处罚告知书。The notice of the facts, basis, intended penalty and the party\'s rights before a decision (第四十四条), numbered 罚告.' },
    HEARING_NOTICE: { description: '听证通知书。The notice of a hearing\'s date, place and chair (第六十四条), numbered 听通.' },
    PENALTY_DECISION: { description: '行政处罚决定书。The decision imposing a penalty (第五十九条), numbered 罚决.' },
    NO_PENALTY_DECISION: { description: '不予行政处罚决定书。The decision not to punish (第五十七条), numbered 不罚.' },
    SERVICE_RECEIPT: { description: '送达回执。The receipt of a decision served on the party (第六十一条), numbered 送达.' },
    CASE_CLOSURE: { description: '结案审批表。The approval to close a penalty case, numbered 结.' },
    ON_THE_SPOT_DECISION: { description: '当场行政处罚决定书。The numbered decision of an on-the-spot (simplified procedure) penalty handed to the party (行政处罚法 第五十二条), numbered 简罚.' },
    CRIMINAL_REFERRAL_REPORT: { description: '涉嫌犯罪案件移送报告。The written report of two or more enforcers to the agency head proposing to transfer a suspected crime to the police (应急〔2019〕54号), numbered 移报.' },
    CRIMINAL_CASE_TRANSFER: { description: '涉嫌犯罪案件移送书。The transfer of a suspected crime to the police at the same level, copied to the procuratorate (应急〔2019〕54号), numbered 移送.' },
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
