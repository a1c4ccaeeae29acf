import type { MatrixRows } from './matrix-roles';

/** Rescue module, warnings: every operation with who may call it. */
export const RESCUE_WARNING_ROWS: MatrixRows = {};
