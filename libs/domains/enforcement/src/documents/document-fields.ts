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
