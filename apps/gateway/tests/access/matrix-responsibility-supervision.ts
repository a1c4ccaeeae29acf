import type { MatrixRows } from './matrix-roles';

/** Responsibility module, supervision part: every operation with who may call it. */
export const RESPONSIBILITY_SUPERVISION_ROWS: MatrixRows = {};
