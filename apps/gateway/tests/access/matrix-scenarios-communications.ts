import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.terminal:read: the office, departments, villages (their subtree) and read-only integrations. */
const TERMINAL_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'integration'];
/** scenarios.terminal:manage: the office and village officers (their own village's terminals). */
const TERMINAL_MANAGERS: Who[] = ['admin', 'anban', 'wenfeng'];

/** Scenarios module, communications part (基层保底通信, 三断演练): every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const SCENARIOS_COMMUNICATIONS_ROWS: MatrixRows = {
  'Query.communicationTerminal': { op: `{ communicationTerminal(id: "${NIL}") { id } }`, allowed: TERMINAL_READERS },
  'Query.communicationTerminals': { op: `{ communicationTerminals(first: 1) { totalCount } }`, allowed: TERMINAL_READERS },
  'Query.villagesWithoutReadyFallback': { op: `{ villagesWithoutReadyFallback(first: 1) { totalCount } }`, allowed: TERMINAL_READERS },
  'Query.blackoutDrill': { op: `{ blackoutDrill(id: "${NIL}") { id } }`, allowed: TERMINAL_READERS },
  'Query.blackoutDrills': { op: `{ blackoutDrills(first: 1) { totalCount } }`, allowed: TERMINAL_READERS },
  'Mutation.registerCommunicationTerminal': { op: `mutation { registerCommunicationTerminal(input: { organizationId: "${NIL}", kind: SATELLITE_PHONE, identifier: "矩阵测试0001" }) { id } }`, allowed: TERMINAL_MANAGERS },
  'Mutation.updateCommunicationTerminal': { op: `mutation { updateCommunicationTerminal(input: { id: "${NIL}", version: 1, note: "矩阵测试" }) { id } }`, allowed: TERMINAL_MANAGERS },
  'Mutation.recordTerminalTest': { op: `mutation { recordTerminalTest(input: { terminalId: "${NIL}", result: OK }) { id } }`, allowed: TERMINAL_MANAGERS },
  'Mutation.recordBlackoutDrill': {
    op: `mutation { recordBlackoutDrill(input: { organizationId: "${NIL}", heldOn: "2026-01-01", scenario: "矩阵测试", powerCut: true, networkCut: false, roadCut: false, terminalIds: [], result: PASSED }) { id } }`,
    allowed: TERMINAL_MANAGERS,
  },
};
