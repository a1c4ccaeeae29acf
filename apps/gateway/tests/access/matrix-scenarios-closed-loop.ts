import type { MatrixRows, Who } from './matrix-roles';

/** scenarios.closed-loop:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const CLOSED_LOOP_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];

/** Scenarios module, closed-loop part (一体化闭环): every operation with who may call it. */
export const SCENARIOS_CLOSED_LOOP_ROWS: MatrixRows = {
  'Query.closedLoop': { op: `{ closedLoop(first: 1, filter: { from: "2026-01-01", to: "2026-02-01" }) { totalCount } }`, allowed: CLOSED_LOOP_READERS },
};
