import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.inspection:read: the office, departments, inspectors, villages (their subtree), an enterprise (its own) and read-only integrations. */
const INSPECTION_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** enforcement.inspection:manage: inspectors and the town safety office. */
const INSPECTION_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];
/** enforcement.inspection:approve: the town safety office. */
const INSPECTION_APPROVERS: Who[] = ['admin', 'anban'];

const step = (name: string) => `mutation { ${name}(input: { id: "${NIL}", version: 1 }) { id } }`;
const reason = (name: string) => `mutation { ${name}(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`;
const CHECKLIST = ['RESPONSIBILITY_SYSTEM', 'RULES_AND_PROCEDURES', 'TRAINING', 'INVESTMENT', 'DUAL_PREVENTION', 'EMERGENCY_PLAN', 'ACCIDENT_REPORTING'].map((d) => `{ duty: ${d}, result: COMPLIANT }`).join(', ');

/** Enforcement module, inspections part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_INSPECTIONS_ROWS: MatrixRows = {
  'Query.inspection': { op: `{ inspection(id: "${NIL}") { id } }`, allowed: INSPECTION_READERS },
  'Query.inspectionByCode': { op: `{ inspectionByCode(code: "NPJC-2099-0001") { id } }`, allowed: INSPECTION_READERS },
  'Query.inspections': { op: `{ inspections(first: 1) { totalCount } }`, allowed: INSPECTION_READERS },
  'Mutation.planInspection': {
    op: `mutation { planInspection(input: { enforcementItemId: "${NIL}", legalSubjectId: "${NIL}", enterpriseId: "${NIL}", kind: ROUTINE, plannedOn: "2026-12-01", inspectorPersonIds: ["${NIL}"], purpose: "矩阵测试" }) { id } }`,
    allowed: INSPECTION_MANAGERS,
  },
  'Mutation.updateInspection': { op: step('updateInspection'), allowed: INSPECTION_MANAGERS },
  'Mutation.submitInspection': { op: step('submitInspection'), allowed: INSPECTION_MANAGERS },
  'Mutation.approveInspection': { op: step('approveInspection'), allowed: INSPECTION_APPROVERS },
  'Mutation.rejectInspection': { op: reason('rejectInspection'), allowed: INSPECTION_APPROVERS },
  'Mutation.recordInspectionVisit': {
    op: `mutation { recordInspectionVisit(input: { id: "${NIL}", version: 1, visitTime: "9时至10时", unitSignatoryName: "矩阵测试", checklist: [${CHECKLIST}] }) { id } }`,
    allowed: INSPECTION_MANAGERS,
  },
  'Mutation.orderInspectionRectification': { op: `mutation { orderInspectionRectification(input: { id: "${NIL}", version: 1, orderedOn: "2026-01-01", deadline: "2026-02-01" }) { id } }`, allowed: INSPECTION_MANAGERS },
  'Mutation.recordInspectionReinspection': { op: `mutation { recordInspectionReinspection(input: { id: "${NIL}", version: 1, rectified: true, opinion: "矩阵测试" }) { id } }`, allowed: INSPECTION_MANAGERS },
  'Mutation.closeInspection': { op: step('closeInspection'), allowed: INSPECTION_MANAGERS },
  'Mutation.cancelInspection': { op: reason('cancelInspection'), allowed: INSPECTION_MANAGERS },
};
