import { modifyReturning, type RequestContext } from '@platform/core';
import type { HazardStatus } from './hazard.enums';

/**
 * Marks the open hazards past their deadline by `today` that were not announced yet, and answers
 * only the rows this statement marked. Hand-written: a bulk `UPDATE … RETURNING` of many rows in one
 * statement (not on a caller's behalf, so unscoped), which is what keeps two overlapping sweeps from
 * announcing a hazard twice.
 */
export function markOverdueHazards(tx: RequestContext, today: string): Promise<Array<{ id: string; organizationId: string; status: HazardStatus }>> {
  return modifyReturning(
    tx.manager,
    // updated_at too: the hazard now reads as overdue, so a change feed (`filter.updatedSince`) lists it.
    `UPDATE hazard SET overdue_announced_at = now(), updated_at = now()
     WHERE deadline < CAST($1 AS date) AND status NOT IN ('CLOSED', 'REJECTED') AND overdue_announced_at IS NULL
     RETURNING id, organization_id AS "organizationId", status`,
    [today],
  );
}
