import type { MatrixRows } from './matrix-roles';

/** Responsibility module, registries part: every operation with who may call it. */
export const RESPONSIBILITY_REGISTRIES_ROWS: MatrixRows = {};
