import type { RequestContext } from '@platform/core';

/**
 * Ends every current position of a person today (an archived person holds none), in one statement.
 * Hand-written because it changes many positions at once, which the write helpers (one versioned
 * record at a time) do not express; the person's archiving is the audited change.
 */
export async function endCurrentPositions(tx: RequestContext, personId: string): Promise<void> {
  await tx.manager.query(`UPDATE person_position SET ended_on = current_date, version = version + 1, updated_at = now() WHERE person_id = $1 AND ended_on IS NULL`, [personId]);
}
