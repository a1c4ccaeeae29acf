import type { RequestContext } from '@platform/core';

/**
 * Links the hazards a visit raised to it, in one statement. Hand-written because it inserts a set of
 * link rows at once, which the write helpers (one audited record at a time) do not express; the
 * visit's own audit entry and event (with `hazardIds`) record the links, in the caller's transaction.
 */
export async function linkVisitHazards(tx: RequestContext, visitId: string, hazardIds: readonly string[]): Promise<void> {
  if (!hazardIds.length) return;
  await tx.manager.query(`INSERT INTO expert_visit_hazard (visit_id, hazard_id) SELECT $1, unnest($2::uuid[])`, [visitId, hazardIds]);
}
