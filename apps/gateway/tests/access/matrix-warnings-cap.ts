import type { MatrixRows } from './matrix-roles';

/**
 * Rescue module, cap: every operation with who may call it. The area adds no Query or Mutation: only
 * the field `Warning.capXml` (readable wherever the record is), `GET /cap/warnings/:id` and the feed
 * `GET /cap/warnings` (rescue.warning:read; both tested in libs/domains/warnings/tests).
 */
export const RESCUE_CAP_ROWS: MatrixRows = {};
