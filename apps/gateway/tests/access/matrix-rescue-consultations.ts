import type { MatrixRows } from './matrix-roles';

/** Rescue module, consultations: every operation with who may call it. */
export const RESCUE_CONSULTATION_ROWS: MatrixRows = {};
