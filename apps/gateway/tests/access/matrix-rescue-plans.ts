import type { MatrixRows } from './matrix-roles';

/** Rescue module, plans: every operation with who may call it. */
export const RESCUE_PLAN_ROWS: MatrixRows = {};
