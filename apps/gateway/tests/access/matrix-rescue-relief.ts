import type { MatrixRows } from './matrix-roles';

/** Rescue module, relief: every operation with who may call it. */
export const RESCUE_RELIEF_ROWS: MatrixRows = {};
