import type { MatrixRows } from './matrix-roles';

/** Rescue module, incidents: every operation with who may call it. */
export const RESCUE_INCIDENT_ROWS: MatrixRows = {};
