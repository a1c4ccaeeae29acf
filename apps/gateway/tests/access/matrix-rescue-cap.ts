import type { MatrixRows } from './matrix-roles';

/** Rescue module, cap: every operation with who may call it. */
export const RESCUE_CAP_ROWS: MatrixRows = {};
