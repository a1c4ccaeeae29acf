import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** responsibility.problem:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const PROBLEM_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** responsibility.problem:manage: the office and villages (their subtree). */
const PROBLEM_MANAGERS: Who[] = ['admin', 'anban', 'wenfeng'];
/** responsibility.problem:rectify: the office, departments (their own) and villages (their subtree). */
const RECTIFIERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng'];
/** responsibility.problem:verify: the office and inspectors (never the one who closed the problem). */
const VERIFIERS: Who[] = ['admin', 'anban', 'zhifa'];

/** Responsibility module, problems part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const RESPONSIBILITY_PROBLEMS_ROWS: MatrixRows = {
  'Query.problem': { op: `{ problem(id: "${NIL}") { id } }`, allowed: PROBLEM_READERS },
  'Query.problems': { op: `{ problems(first: 1) { totalCount } }`, allowed: PROBLEM_READERS },
  'Query.problemRepeatFigures': { op: `{ problemRepeatFigures(from: "2025-01-01", to: "2025-12-31", first: 1) { totalCount } }`, allowed: PROBLEM_READERS },
  'Query.problemReview': { op: `{ problemReview(id: "${NIL}") { id } }`, allowed: PROBLEM_READERS },
  'Query.problemReviews': { op: `{ problemReviews(first: 1) { totalCount } }`, allowed: PROBLEM_READERS },
  'Mutation.recordProblem': {
    op: `mutation { recordProblem(input: { organizationId: "${NIL}", category: OTHER, title: "矩阵测试", foundOn: "2025-01-02", sourceKind: UPSTREAM_INSPECTION, sourceReference: "矩阵测试", ownerOrganizationId: "${NIL}", dueOn: "2025-02-01" }) { id } }`,
    allowed: PROBLEM_MANAGERS,
  },
  'Mutation.reportProblemRectification': { op: `mutation { reportProblemRectification(input: { id: "${NIL}", version: 1, note: "矩阵测试" }) { id } }`, allowed: RECTIFIERS },
  'Mutation.closeProblem': { op: `mutation { closeProblem(input: { id: "${NIL}", version: 1, closedOn: "2025-01-02", note: "矩阵测试", effectivenessCriteria: "矩阵测试" }) { id } }`, allowed: RECTIFIERS },
  'Mutation.verifyProblemEffectiveness': { op: `mutation { verifyProblemEffectiveness(input: { id: "${NIL}", version: 1, result: EFFECTIVE, note: "矩阵测试" }) { id } }`, allowed: VERIFIERS },
  'Mutation.recordProblemReview': { op: `mutation { recordProblemReview(input: { organizationId: "${NIL}", title: "矩阵测试", heldOn: "2025-01-02", findings: "矩阵测试", lessons: "矩阵测试" }) { id } }`, allowed: PROBLEM_MANAGERS },
};
