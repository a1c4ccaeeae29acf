import type { MatrixRows } from './matrix-roles';

/** Enforcement module, certificates part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_CERTIFICATES_ROWS: MatrixRows = {};
