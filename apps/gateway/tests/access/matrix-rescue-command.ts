import type { MatrixRows } from './matrix-roles';

/** Rescue module, command: every operation with who may call it. */
export const RESCUE_COMMAND_ROWS: MatrixRows = {};
