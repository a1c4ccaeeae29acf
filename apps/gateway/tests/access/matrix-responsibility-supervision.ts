import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** responsibility.supervision:read: the office, departments (their own), villages (their subtree), inspectors and read-only integrations. */
const SUPERVISION_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** responsibility.supervision:respond: the office, departments (their own) and villages (their subtree). */
const SUPERVISION_RESPONDERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng'];
/** responsibility.supervision:manage: the town safety office (for the safety committee). */
const TOWN_OFFICE: Who[] = ['admin', 'anban'];

const step = (name: string) => `mutation { ${name}(input: { id: "${NIL}", version: 1 }) { id } }`;
const reason = (name: string) => `mutation { ${name}(input: { id: "${NIL}", version: 1, note: "矩阵测试" }) { id } }`;

/** Responsibility module, supervision part: every operation with who may call it (the writes name a missing action or addressee, so an allowed caller writes nothing). */
export const RESPONSIBILITY_SUPERVISION_ROWS: MatrixRows = {
  'Query.supervisionAction': { op: `{ supervisionAction(id: "${NIL}") { id } }`, allowed: SUPERVISION_READERS },
  'Query.supervisionActions': { op: `{ supervisionActions(first: 1) { totalCount } }`, allowed: SUPERVISION_READERS },
  'Query.supervisionFigures': { op: `{ supervisionFigures(from: "2025-01-01", to: "2026-01-01") { kinds { kind due } } }`, allowed: SUPERVISION_READERS },
  'Mutation.issueSupervisionAction': { op: `mutation { issueSupervisionAction(input: { kind: NOTICE, title: "矩阵测试", matter: "矩阵测试", addresseeOrganizationId: "${NIL}" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.acknowledgeSupervisionAction': { op: step('acknowledgeSupervisionAction'), allowed: SUPERVISION_RESPONDERS },
  'Mutation.submitSupervisionPlan': { op: step('submitSupervisionPlan'), allowed: SUPERVISION_RESPONDERS },
  'Mutation.startSupervisionRectification': { op: step('startSupervisionRectification'), allowed: SUPERVISION_RESPONDERS },
  'Mutation.requestSupervisionAcceptance': { op: step('requestSupervisionAcceptance'), allowed: SUPERVISION_RESPONDERS },
  'Mutation.verifySupervisionAction': { op: step('verifySupervisionAction'), allowed: TOWN_OFFICE },
  'Mutation.failSupervisionVerification': { op: reason('failSupervisionVerification'), allowed: TOWN_OFFICE },
  'Mutation.closeSupervisionAction': { op: step('closeSupervisionAction'), allowed: TOWN_OFFICE },
  'Mutation.escalateSupervisionAction': { op: reason('escalateSupervisionAction'), allowed: TOWN_OFFICE },
  'Mutation.requestSupervisionExtension': { op: `mutation { requestSupervisionExtension(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: SUPERVISION_RESPONDERS },
  'Mutation.decideSupervisionExtension': { op: `mutation { decideSupervisionExtension(input: { id: "${NIL}", version: 1, approved: false }) { id } }`, allowed: TOWN_OFFICE },
};
