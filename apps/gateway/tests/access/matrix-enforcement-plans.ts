import type { MatrixRows } from './matrix-roles';

/** Enforcement module, annual plans part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_PLANS_ROWS: MatrixRows = {};
