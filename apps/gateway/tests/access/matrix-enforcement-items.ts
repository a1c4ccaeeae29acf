import type { MatrixRows } from './matrix-roles';

/** Enforcement module, enforcement items part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_ITEMS_ROWS: MatrixRows = {};
