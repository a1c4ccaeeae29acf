import { pruneOutbox, type Every, type PeriodicJob } from '@platform/core';

/** Name of the job (and of its lock), e.g. to run it now in a test. */
export const OUTBOX_PRUNE = 'kernel.outbox-prune';

/**
 * Schedules the deletion of outbox rows older than `retentionHours` (EVENT_OUTBOX_RETENTION_HOURS),
 * hourly, the first run a minute after start so it does not compete with start-up. `runNow()` answers
 * how many rows it deleted.
 */
export function startOutboxPrune(every: Every, retentionHours: number): PeriodicJob<number> {
  return every(
    OUTBOX_PRUNE,
    3_600_000,
    async (ctx, signal) => {
      const removed = await pruneOutbox(ctx.manager, retentionHours, signal);
      if (removed) ctx.log.info({ removed, retentionHours }, 'outbox: removed events past their retention');
      return removed;
    },
    { firstRunMs: 60_000 },
  );
}
