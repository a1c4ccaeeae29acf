import { emitEvent, transaction, type RequestContext } from '@platform/core';
import { markOverdueHazards } from './overdue-sweep.sql';
import { riskEvents } from '../risk.events';

/** Name of the periodic job (setting OVERDUE_SWEEP_INTERVAL_MS), e.g. to run it now in a test. */
export const OVERDUE_SWEEP = 'risk.hazard-overdue';

/**
 * Announces hazards that have become overdue by the clock's today (`risk.hazard.overdue`), once each:
 * the UPDATE marks them and returns only the rows it marked, so a run that overlaps another never
 * announces a hazard twice. The events go out after the marks commit. Answers how many it announced.
 */
export async function announceOverdueHazards(ctx: RequestContext): Promise<number> {
  return transaction(ctx, async (tx) => {
    const rows = await markOverdueHazards(tx, tx.clock.today());
    for (const r of rows) await emitEvent(tx, riskEvents, 'risk.hazard.overdue', { id: r.id, organizationId: r.organizationId, status: r.status });
    if (rows.length) tx.log.info({ count: rows.length }, 'hazards became overdue');
    return rows.length;
  });
}
