import type { MatrixRows } from './matrix-roles';

/** Responsibility module, capacity part: every operation with who may call it. */
export const RESPONSIBILITY_CAPACITY_ROWS: MatrixRows = {};
