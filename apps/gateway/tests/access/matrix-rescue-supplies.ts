import type { MatrixRows } from './matrix-roles';

/** Rescue module, supplies: every operation with who may call it. */
export const RESCUE_SUPPLY_ROWS: MatrixRows = {};
