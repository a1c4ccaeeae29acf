import type { MatrixRows } from './matrix-roles';

/** Enforcement module, law catalog part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_LAWS_ROWS: MatrixRows = {};
