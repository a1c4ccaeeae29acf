import type { DocumentFieldRow } from './document-render';

/*
 * The values the first template version of each kind declares (migration 1764403935000), as types
 * for the code that issues them. Templates are data: a later version may declare other fields, and
 * an issue is always checked against the current one (`enforcementDocumentKinds`).
 */

/** An enforcement officer on a document: name and certificate number (执法证号). */
export interface DocumentInspectorRow extends DocumentFieldRow {
  readonly name: string;
  readonly certificateNumber: string;
}

/** 行政检查审批表 (INSPECTION_APPROVAL), template version 1 (migration 1764403950000). */
export type InspectionApprovalFields = {
  /** 检查编码, the inspection's code (扫码入企), e.g. NPJC-2026-0012. */
  readonly inspectionCode: string;
  /** 检查类别, e.g. 日常检查. */
  readonly inspectionKind: string;
  /** 执法事项: the item's name and code. */
  readonly enforcementItem: string;
  /** 检查事由. */
  readonly purpose: string;
  /** 拟检查日期, YYYY-MM-DD. */
  readonly plannedOn: string;
  readonly inspectors: readonly DocumentInspectorRow[];
  /** 审批人: the approving person's name. */
  readonly approver: string;
  /** 审批日期, YYYY-MM-DD. */
  readonly approvedOn: string;
};

/** 现场检查记录 (FIELD_INSPECTION_RECORD), template version 1. */
export type FieldInspectionRecordFields = {
  /** 检查场所, e.g. 加油区、油罐区及配电房. */
  readonly place: string;
  /** 检查日期, YYYY-MM-DD (shown 2026年11月20日). */
  readonly inspectedOn: string;
  /** 检查时间（起止）, appended to the day, e.g. 9时30分至11时00分. */
  readonly inspectionTime: string;
  readonly inspectors: readonly DocumentInspectorRow[];
  /** 被检查单位现场负责人. */
  readonly siteResponsible: string;
  /** 检查情况: each item checked and what was found. */
  readonly items: ReadonlyArray<DocumentFieldRow & { readonly item: string; readonly result: string }>;
  /** 检查说明 (optional). */
  readonly summary?: string;
};

/** 责令限期整改指令书 (RECTIFICATION_ORDER), template version 1. */
export type RectificationOrderFields = {
  /** 存在的问题, one row each. */
  readonly problems: ReadonlyArray<DocumentFieldRow & { readonly description: string }>;
  /** 依据, e.g. 《中华人民共和国安全生产法》第一百零二条. */
  readonly legalBasis: string;
  /** 整改期限, YYYY-MM-DD. */
  readonly deadline: string;
};

/** 整改复查意见书 (REINSPECTION_OPINION), template version 1. */
export type ReinspectionOpinionFields = {
  /** The number of the order to rectify it follows up, e.g. 南平镇应急〔2026〕责改3号. */
  readonly orderNumber: string;
  /** The day of that order, YYYY-MM-DD. */
  readonly orderIssuedOn: string;
  /** 复查情况: each problem and how it was rectified. */
  readonly items: ReadonlyArray<DocumentFieldRow & { readonly description: string; readonly result: string }>;
  /** 复查意见, e.g. 经复查，上述问题已整改完毕。 */
  readonly opinion: string;
  readonly inspectors: readonly DocumentInspectorRow[];
};

/** 当场行政处罚决定书 (ON_THE_SPOT_DECISION), template version 1 (migration 1764404020000). */
export type OnTheSpotDecisionFields = {
  /** 当事人: the citizen's or organization's name. */
  readonly partyName: string;
  /** 违法地点. */
  readonly place: string;
  /** 违法事实. */
  readonly facts: string;
  /** 处罚依据: the articles cited. */
  readonly legalBasis: string;
  /** 处罚内容, e.g. 警告 or 罚款人民币200.00元. */
  readonly penalty: string;
  /** 处罚日期, YYYY-MM-DD. */
  readonly decidedOn: string;
  readonly inspectors: readonly DocumentInspectorRow[];
};

/** 涉嫌犯罪案件移送报告 (CRIMINAL_REFERRAL_REPORT), template version 1 (migration 1764404030000). */
export type CriminalReferralReportFields = {
  /** 移送编号, e.g. NPYS-2026-0001. */
  readonly referralCode: string;
  /** 案件或事故: the case number or the accident it comes from. */
  readonly source: string;
  /** 移送事由: each reason in words. */
  readonly reasons: ReadonlyArray<DocumentFieldRow & { readonly text: string }>;
  /** 涉嫌罪名. */
  readonly suspectedOffence: string;
  /** 案情摘要. */
  readonly summary: string;
  readonly inspectors: readonly DocumentInspectorRow[];
  /** 报告日期, YYYY-MM-DD. */
  readonly reportedOn: string;
};

/** 涉嫌犯罪案件移送书 (CRIMINAL_CASE_TRANSFER), template version 1 (migration 1764404030000). */
export type CriminalCaseTransferFields = {
  readonly referralCode: string;
  /** 接收公安机关. */
  readonly policeOrgan: string;
  /** 抄送检察院. */
  readonly procuratorate: string;
  readonly source: string;
  readonly suspectedOffence: string;
  readonly summary: string;
  /** 批准人: the agency head who decided to transfer. */
  readonly decider: string;
  /** 移送日期, YYYY-MM-DD. */
  readonly transferredOn: string;
};

/** 立案审批表 (CASE_FILING), template version 1 (migration 1764404010000); its number is the case code. */
export type CaseFilingFields = {
  /** 执法事项: the penalty item's name and code. */
  readonly enforcementItem: string;
  /** 案由. */
  readonly cause: string;
  /** 案件来源及基本情况. */
  readonly facts: string;
  /** 违法行为终了日期, YYYY-MM-DD. */
  readonly actEndedOn: string;
  /** 承办人 (the enforcers). */
  readonly inspectors: readonly DocumentInspectorRow[];
  /** 审批人: the approving head's name. */
  readonly approver: string;
  /** 立案日期, YYYY-MM-DD. */
  readonly filedOn: string;
};

/** 行政处罚告知书 (PENALTY_NOTICE), template version 1 (migration 1764404010000). */
export type PenaltyNoticeFields = {
  readonly caseCode: string;
  /** 违法事实. */
  readonly facts: string;
  /** 处罚依据. */
  readonly basis: string;
  /** 拟作出的行政处罚 (with the fine total). */
  readonly intendedPenalty: string;
  /** 当事人权利 (陈述、申辩、听证). */
  readonly rights: string;
  /** 听证申请期限, YYYY-MM-DD; only when a hearing is required. */
  readonly hearingRequestDueOn?: string;
};

/** 听证通知书 (HEARING_NOTICE), template version 1 (migration 1764404010000). */
export type HearingNoticeFields = {
  readonly caseCode: string;
  /** 听证申请日期, YYYY-MM-DD. */
  readonly requestedOn: string;
  /** 听证日期, YYYY-MM-DD. */
  readonly hearingOn: string;
  /** 听证地点. */
  readonly place: string;
  /** 听证主持人: the chair's name. */
  readonly chair: string;
};

/** 行政处罚决定书 (PENALTY_DECISION), template version 1 (migration 1764404010000). */
export type PenaltyDecisionFields = {
  readonly caseCode: string;
  readonly facts: string;
  readonly basis: string;
  /** 行政处罚的种类. */
  readonly penalty: string;
  /** 罚款金额（元）, e.g. 60000.00. */
  readonly fineYuan: string;
  /** 缴纳期限（日）. */
  readonly paymentDays: string;
  /** 救济途径. */
  readonly remedies: string;
  /** 负责人: the deciding head's name. */
  readonly decider: string;
  /** 决定日期, YYYY-MM-DD. */
  readonly decidedOn: string;
};

/** 不予行政处罚决定书 (NO_PENALTY_DECISION), template version 1 (migration 1764404010000). */
export type NoPenaltyDecisionFields = {
  readonly caseCode: string;
  readonly facts: string;
  /** 不予处罚的理由和依据. */
  readonly reason: string;
  readonly decider: string;
  readonly decidedOn: string;
};

/** 送达回执 (SERVICE_RECEIPT), template version 1 (migration 1764404010000). */
export type ServiceReceiptFields = {
  readonly caseCode: string;
  /** 送达文书: the decision's number. */
  readonly documentNumber: string;
  /** 送达方式, in words. */
  readonly method: string;
  /** 受送达人. */
  readonly recipient: string;
  /** 送达日期, YYYY-MM-DD. */
  readonly servedOn: string;
};

/** 结案审批表 (CASE_CLOSURE), template version 1 (migration 1764404010000). */
export type CaseClosureFields = {
  readonly caseCode: string;
  /** 处理结果, in words. */
  readonly decision: string;
  /** 执行情况, in words. */
  readonly execution: string;
  /** 结案理由. */
  readonly reason: string;
  /** 审批人: the approving head's name. */
  readonly approver: string;
  /** 结案日期, YYYY-MM-DD. */
  readonly closedOn: string;
};
