import type { MatrixRows } from './matrix-roles';

/** Responsibility module, problems part: every operation with who may call it. */
export const RESPONSIBILITY_PROBLEMS_ROWS: MatrixRows = {};
