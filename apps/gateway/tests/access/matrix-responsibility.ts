import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** responsibility.task:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const TASK_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** responsibility.task:report: the office, departments (their own) and villages (their subtree). */
const TASK_REPORTERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng'];
/** responsibility.task:manage: the town safety office. */
const TOWN_OFFICE: Who[] = ['admin', 'anban'];

/** Responsibility module: every operation with who may call it (the writes name a missing task, so an allowed caller writes nothing). */
export const RESPONSIBILITY_ROWS: MatrixRows = {
  'Query.keyTask': { op: `{ keyTask(id: "${NIL}") { id } }`, allowed: TASK_READERS },
  'Query.keyTasks': { op: `{ keyTasks(first: 1) { totalCount } }`, allowed: TASK_READERS },
  'Query.keyTasksBehindSchedule': { op: `{ keyTasksBehindSchedule(year: 2025, first: 1) { totalCount } }`, allowed: TASK_READERS },
  'Mutation.createKeyTask': { op: `mutation { createKeyTask(input: { year: 2026, parentId: "${NIL}", code: "M1", title: "矩阵测试", ownerOrganizationId: "${NIL}" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.updateKeyTask': { op: `mutation { updateKeyTask(input: { id: "${NIL}", version: 1, title: "矩阵测试" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.recordKeyTaskProgress': { op: `mutation { recordKeyTaskProgress(input: { id: "${NIL}", version: 1, progress: 10, note: "矩阵测试" }) { id } }`, allowed: TASK_REPORTERS },
  'Mutation.completeKeyTask': { op: `mutation { completeKeyTask(input: { id: "${NIL}", version: 1, completedOn: "2025-01-02", note: "矩阵测试" }) { id } }`, allowed: TASK_REPORTERS },
  'Mutation.cancelKeyTask': { op: `mutation { cancelKeyTask(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.reopenKeyTask': { op: `mutation { reopenKeyTask(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: TOWN_OFFICE },
};
