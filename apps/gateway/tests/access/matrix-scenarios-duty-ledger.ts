import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.duty-ledger:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const LEDGER_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** scenarios.duty-ledger:snapshot: the office and villages (their subtree). */
const SNAPSHOT_TAKERS: Who[] = ['admin', 'anban', 'wenfeng'];

/** Scenarios module, duty-ledger part (安全履职一本账): every operation with who may call it (the snapshot names a missing list, so an allowed caller writes nothing). */
export const SCENARIOS_DUTY_LEDGER_ROWS: MatrixRows = {
  'Query.dutyLedgers': { op: `{ dutyLedgers(first: 1, filter: { from: "2026-01-01", to: "2026-01-31" }) { totalCount } }`, allowed: LEDGER_READERS },
  'Query.dutyLedgerSnapshot': { op: `{ dutyLedgerSnapshot(id: "${NIL}") { id } }`, allowed: LEDGER_READERS },
  'Query.dutyLedgerSnapshots': { op: `{ dutyLedgerSnapshots(first: 1) { totalCount } }`, allowed: LEDGER_READERS },
  'Mutation.takeDutyLedgerSnapshot': { op: `mutation { takeDutyLedgerSnapshot(input: { listId: "${NIL}", from: "2026-01-01", to: "2026-01-31" }) { id } }`, allowed: SNAPSHOT_TAKERS },
};
