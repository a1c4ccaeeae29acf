import { modifyReturning, transaction, type RequestContext } from '@platform/core';

/** Name of the periodic job (setting OVERDUE_SWEEP_INTERVAL_MS), e.g. to run it now in a test. */
export const OVERDUE_SWEEP = 'risk.hazard-overdue';

/**
 * Announces hazards that have become overdue by the clock's today (`risk.hazard.overdue`), once each:
 * the UPDATE marks them and returns only the rows it marked, so a run that overlaps another never
 * announces a hazard twice. The events go out after the marks commit. Answers how many it announced.
 */
export async function announceOverdueHazards(ctx: RequestContext): Promise<number> {
  return transaction(ctx, async (tx) => {
    const rows = await modifyReturning<{ id: string; organization_id: string; status: string }>(
      tx.manager,
      `UPDATE hazard SET overdue_announced_at = now()
       WHERE deadline < CAST($1 AS date) AND status NOT IN ('CLOSED', 'REJECTED') AND overdue_announced_at IS NULL
       RETURNING id, organization_id, status`,
      [tx.clock.today()],
    );
    for (const r of rows) await tx.emit('risk.hazard.overdue', { id: r.id, organizationId: r.organization_id, status: r.status });
    if (rows.length) tx.log.info({ count: rows.length }, 'hazards became overdue');
    return rows.length;
  });
}
