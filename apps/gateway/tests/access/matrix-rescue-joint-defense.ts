import type { MatrixRows } from './matrix-roles';

/** Rescue module, joint-defense: every operation with who may call it. */
export const RESCUE_JOINT_DEFENSE_ROWS: MatrixRows = {};
