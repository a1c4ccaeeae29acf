import type { MatrixRows } from './matrix-roles';

/** Rescue module, duty: every operation with who may call it. */
export const RESCUE_DUTY_ROWS: MatrixRows = {};
