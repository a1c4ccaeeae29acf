import type { MatrixRows } from './matrix-roles';

/**
 * Rescue module, cap: every operation with who may call it. The area adds no Query or Mutation: only
 * the field `Warning.capXml` (readable wherever the record is) and `GET /cap/warnings/:id` (rescue.warning:read).
 */
export const RESCUE_CAP_ROWS: MatrixRows = {};
