import { globalIdOf, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Persons } from '@platform/directory';
import { EnforcementDocumentKind, enforcementDocumentsOf, issueEnforcementDocument, type DocumentFields, type EnforcementDocument, type FieldInspectionRecordFields, type InspectionApprovalFields, type RectificationOrderFields, type ReinspectionOpinionFields } from '../documents/public';
import { validEnforcementCertificates } from '../certificates/public';
import { EnforcementItems } from '../items/public';
import { Inspection } from './inspection.entity';
import { ChecklistResult, HazardousWorkKind, InspectionKind, PermitCheckResult } from './inspection.enums';
import { InspectionFindings, Inspections } from './inspections.entities';
import { VISIT_ROW_KEYS } from './inspection.orders';
import type { VisitRows } from './inspection.sql';

/*
 * The numbered documents of an inspection (执法文书), issued through the documents part in the step's
 * transaction: the 现场检查记录 when the visit is recorded, the 责令限期整改指令书 when rectification is
 * ordered and the 整改复查意见书 when the re-inspection is recorded. Each is filled from the inspection
 * as it stands after the step; the names it prints are read whatever the caller may read, since the
 * document must carry them. The 行政检查审批表 is issued when the inspection is approved.
 */

/** Why documents read names beyond the caller's scope: a document prints the enterprise, the inspectors and their certificates. */
const PRINTED = 'an inspection document prints the names of the enterprise and the inspectors and the inspectors\' certificate numbers';

/** The legal basis printed on an order to rectify (安全生产法 2021 第六十五条第一款第二项、第三项: 限期改正, 事故隐患排除). */
export const RECTIFICATION_BASIS = '《中华人民共和国安全生产法》第六十五条第一款第（二）项、第（三）项';

const RESULT_ZH: Readonly<Record<ChecklistResult, string>> = { COMPLIANT: '符合', NON_COMPLIANT: '不符合', NOT_APPLICABLE: '不适用' };
const CERTIFICATE_ZH: Readonly<Record<string, string>> = { VALID: '有效', REVIEW_DUE: '有效（复审期临近）', EXPIRING: '有效（即将到期）', REVIEW_OVERDUE: '逾期未复审', EXPIRED: '已过期', REVOKED: '已撤销' };
const PERMIT_ZH: Readonly<Record<PermitCheckResult, string>> = { VALID: '有效', INVALID: '无效', MISSING: '未办理' };
export const WORK_ZH: Readonly<Record<HazardousWorkKind, string>> = {
  HOT_WORK: '动火',
  CONFINED_SPACE: '受限空间',
  WORK_AT_HEIGHT: '高处',
  TEMPORARY_ELECTRICITY: '临时用电',
  LIFTING: '吊装',
  BLIND_PLATE: '盲板抽堵',
  EARTHWORK: '动土',
  ROAD_BREAKING: '断路',
  BLASTING: '爆破',
};

/** The inspectors as a document lists them: name and enforcement certificate number, in the order named. */
async function inspectorRows(tx: RequestContext, i: Inspection, day: string, numbers?: ReadonlyMap<string, string>): Promise<Array<{ name: string; certificateNumber: string }>> {
  const persons = await unscoped(tx, Persons, PRINTED).many(i.inspectorPersonIds, ['id', 'name']);
  const certificates = numbers ?? new Map([...(await validEnforcementCertificates(tx, i.inspectorPersonIds, i.legalSubjectId, day))].map(([id, c]) => [id, c.number]));
  return persons.map((p, n) => ({ name: p?.name ?? i.inspectorPersonIds[n]!, certificateNumber: certificates.get(i.inspectorPersonIds[n]!) ?? '（无）' }));
}

const issue = (tx: RequestContext, i: Inspection, kind: EnforcementDocumentKind, issuedOn: string, fields: DocumentFields, id?: string): Promise<EnforcementDocument> =>
  issueEnforcementDocument(tx, { kind, organizationId: i.enterpriseId, issuingOrganizationId: i.legalSubjectId, subjectNodeId: globalIdOf(Inspections, i.id), issuedOn, fields, ...(id ? { id } : {}) });

const KIND_ZH: Readonly<Record<InspectionKind, string>> = { ROUTINE: '日常检查', CASE: '个案检查', SPECIAL: '专项检查' };

/** 行政检查审批表: what is to be inspected, why, by whom and when, and who approved it. */
export async function issueApprovalForm(tx: RequestContext, i: Inspection, id?: string): Promise<EnforcementDocument> {
  const [item, approver] = [await unscoped(tx, EnforcementItems, PRINTED).one(i.enforcementItemId, ['id', 'code', 'name']), await unscoped(tx, Persons, PRINTED).one(i.approverPersonId!, ['id', 'name'])];
  const fields: InspectionApprovalFields = {
    inspectionCode: i.code,
    inspectionKind: KIND_ZH[i.kind],
    enforcementItem: item ? `${item.name}（${item.code}）` : i.enforcementItemId,
    purpose: i.purpose,
    plannedOn: i.plannedOn,
    inspectors: await inspectorRows(tx, i, i.plannedOn),
    approver: approver?.name ?? i.approverPersonId!,
    approvedOn: i.approvedOn!,
  };
  return issue(tx, i, EnforcementDocumentKind.INSPECTION_APPROVAL, i.approvedOn!, fields, id);
}

/** 现场检查记录: the checklist, certificates, permits and findings as the visit recorded them. */
export async function issueFieldRecord(tx: RequestContext, i: Inspection, visit: { readonly inspectors?: ReadonlyMap<string, string>; readonly rows: VisitRows; readonly certificates?: ReadonlyMap<string, { number: string; operationItem: string }> }, id?: string): Promise<EnforcementDocument> {
  const enterprise = await unscoped(tx, Organizations, PRINTED).one(i.enterpriseId, ['id', 'name', 'address']);
  const certificates = visit.certificates ?? new Map();
  const items = [
    ...visit.rows.checklist.map((c) => ({ item: `主要负责人职责：${c.dutyText}`, result: c.note ? `${RESULT_ZH[c.result as ChecklistResult]}（${c.note}）` : RESULT_ZH[c.result as ChecklistResult] })),
    ...visit.rows.certificateChecks.map((c) => {
      const cert = certificates.get(c.specialOperationCertificateId);
      return { item: `特种作业操作证${cert ? `（${cert.operationItem}，证号${cert.number}）` : ''}`, result: CERTIFICATE_ZH[c.status] ?? c.status };
    }),
    ...visit.rows.permitChecks.map((p) => ({ item: `${WORK_ZH[p.kind as HazardousWorkKind]}作业票${p.permitNumber ? `（${p.permitNumber}）` : ''}`, result: PERMIT_ZH[p.result as PermitCheckResult] })),
    ...visit.rows.findings.map((f) => ({ item: `发现问题${f.position}`, result: f.description })),
  ];
  const fields: FieldInspectionRecordFields = {
    place: enterprise?.address ?? enterprise?.name ?? '',
    inspectedOn: i.visitedOn!,
    inspectionTime: i.visitTime!,
    inspectors: await inspectorRows(tx, i, i.visitedOn!, visit.inspectors),
    siteResponsible: i.unitSignatoryName!,
    items,
    ...(i.summary ? { summary: i.summary } : {}),
  };
  return issue(tx, i, EnforcementDocumentKind.FIELD_INSPECTION_RECORD, i.visitedOn!, fields, id);
}

/** The findings an order to rectify covers, in their order on the record. */
function findingsToRectify(tx: RequestContext, inspectionId: string) {
  return unscoped(tx, InspectionFindings, PRINTED)
    .where(sql`t.inspection_id = ${inspectionId} AND t.rectification_required`)
    .list({ keys: VISIT_ROW_KEYS, limit: 100, properties: ['id', 'position', 'description'] });
}

/** 责令限期整改指令书: the findings that require rectification and the deadline. */
export async function issueRectificationOrder(tx: RequestContext, i: Inspection, id?: string): Promise<EnforcementDocument> {
  const findings = await findingsToRectify(tx, i.id);
  const fields: RectificationOrderFields = { problems: findings.map((f) => ({ description: f.description })), legalBasis: RECTIFICATION_BASIS, deadline: i.rectificationDeadline! };
  return issue(tx, i, EnforcementDocumentKind.RECTIFICATION_ORDER, i.rectificationOrderedOn!, fields, id);
}

/** 整改复查意见书: the order it follows up (its number and day), each finding rectified or not, and the opinion. */
export async function issueReinspectionOpinion(tx: RequestContext, i: Inspection, id?: string): Promise<EnforcementDocument> {
  const subject = globalIdOf(Inspections, i.id);
  const orders = (await enforcementDocumentsOf(tx, [subject])).get(subject)!.filter((d) => d.kind === EnforcementDocumentKind.RECTIFICATION_ORDER);
  const order = orders[orders.length - 1];
  const findings = await findingsToRectify(tx, i.id);
  const fields: ReinspectionOpinionFields = {
    orderNumber: order?.number ?? '（无）',
    orderIssuedOn: order?.issuedOn ?? i.rectificationOrderedOn!,
    items: findings.map((f) => ({ description: f.description, result: i.rectified ? '已整改' : '未整改到位' })),
    opinion: i.reinspectionOpinion!,
    inspectors: await inspectorRows(tx, i, i.reinspectedOn!),
  };
  return issue(tx, i, EnforcementDocumentKind.REINSPECTION_OPINION, i.reinspectedOn!, fields, id);
}
