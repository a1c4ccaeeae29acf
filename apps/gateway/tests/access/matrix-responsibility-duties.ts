import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** responsibility.duty:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const DUTY_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** responsibility.duty:manage: the town safety office, villages (their subtree). */
const DUTY_MANAGERS: Who[] = ['admin', 'anban', 'wenfeng'];
/** responsibility.duty:record: the office, departments (their own) and villages (their subtree). */
const DUTY_RECORDERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng'];

/** Responsibility module, duties part: every operation with who may call it (the writes name a missing list, item, report or organization, so an allowed caller writes nothing). */
export const RESPONSIBILITY_DUTIES_ROWS: MatrixRows = {
  'Query.dutyList': { op: `{ dutyList(id: "${NIL}") { id } }`, allowed: DUTY_READERS },
  'Query.dutyLists': { op: `{ dutyLists(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyItems': { op: `{ dutyItems(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyListDiff': { op: `{ dutyListDiff(baseListId: "${NIL}", listId: "${NIL}", first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyItemsWithoutAction': { op: `{ dutyItemsWithoutAction(personId: "${NIL}", from: "2025-01-01", to: "2025-12-31", first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyActions': { op: `{ dutyActions(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyReport': { op: `{ dutyReport(id: "${NIL}") { id } }`, allowed: DUTY_READERS },
  'Query.dutyReports': { op: `{ dutyReports(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Mutation.createDutyList': { op: `mutation { createDutyList(input: { personId: "${NIL}", organizationId: "${NIL}", year: 2026 }) { id } }`, allowed: DUTY_MANAGERS },
  'Mutation.addDutyItem': { op: `mutation { addDutyItem(input: { listId: "${NIL}", key: "M-1", text: "矩阵测试职责", legalBasis: "矩阵测试", category: SUPERVISION }) { id } }`, allowed: DUTY_MANAGERS },
  'Mutation.updateDutyItem': { op: `mutation { updateDutyItem(input: { id: "${NIL}", version: 1, text: "矩阵测试职责" }) { id } }`, allowed: DUTY_MANAGERS },
  'Mutation.removeDutyItem': { op: `mutation { removeDutyItem(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_MANAGERS },
  'Mutation.signDutyList': { op: `mutation { signDutyList(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_MANAGERS },
  'Mutation.reviseDutyList': { op: `mutation { reviseDutyList(input: { id: "${NIL}", year: 2027 }) { id } }`, allowed: DUTY_MANAGERS },
  'Mutation.recordDutyAction': { op: `mutation { recordDutyAction(input: { itemId: "${NIL}", actedOn: "2025-01-02", description: "矩阵测试履职" }) { id } }`, allowed: DUTY_RECORDERS },
  'Mutation.generateDutyReportDraft': { op: `mutation { generateDutyReportDraft(input: { personId: "${NIL}", organizationId: "${NIL}", from: "2025-01-01", to: "2025-12-31" }) { id } }`, allowed: DUTY_RECORDERS },
  'Mutation.updateDutyReport': { op: `mutation { updateDutyReport(input: { id: "${NIL}", version: 1, title: "矩阵测试报告" }) { id } }`, allowed: DUTY_RECORDERS },
  'Mutation.submitDutyReport': { op: `mutation { submitDutyReport(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_RECORDERS },
};
