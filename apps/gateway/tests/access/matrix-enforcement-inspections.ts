import type { MatrixRows } from './matrix-roles';

/** Enforcement module, inspections part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_INSPECTIONS_ROWS: MatrixRows = {};
