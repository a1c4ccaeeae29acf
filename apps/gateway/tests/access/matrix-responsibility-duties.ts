import type { MatrixRows } from './matrix-roles';

/** Responsibility module, duties part: every operation with who may call it. */
export const RESPONSIBILITY_DUTIES_ROWS: MatrixRows = {};
