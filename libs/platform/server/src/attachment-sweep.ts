import type { AttachmentStore, Every, PeriodicJob, RequestContext } from '@platform/core';

export interface AttachmentSweepOptions {
  store: AttachmentStore;
  /** Uploads no record has claimed within this many hours are deleted (ATTACHMENT_UNCLAIMED_HOURS). */
  unclaimedHours: number;
  /** Time between runs; one hour by default. */
  intervalMs?: number;
  /** Delay of the first run after start; 30 s by default, so it does not compete with start-up. */
  firstRunMs?: number;
}

/** The sweep's job: `runNow()` answers the uploads and unfinished writes removed. */
export type AttachmentSweep = PeriodicJob<{ removed: number; unfinished: number }>;

/** Name of the job (and of its lock). */
export const ATTACHMENT_SWEEP = 'attachments.unclaimed';

/** Rows deleted per statement: bounds how long the row locks are held. */
const BATCH = 500;

/**
 * Schedules the deletion of uploads nobody claimed within `unclaimedHours`, with their files, and of
 * files of uploads that never finished writing. Besides the job's lock, each DELETE takes only rows no
 * other transaction holds (SKIP LOCKED), a claim in progress included, so no claim is raced.
 */
export function startAttachmentSweep(every: Every, options: AttachmentSweepOptions): AttachmentSweep {
  return every(ATTACHMENT_SWEEP, options.intervalMs ?? 3_600_000, (ctx, signal) => removeUnclaimed(ctx, signal, options), { firstRunMs: options.firstRunMs ?? 30_000 });
}

async function removeUnclaimed(ctx: RequestContext, signal: AbortSignal, { store, unclaimedHours }: AttachmentSweepOptions): Promise<{ removed: number; unfinished: number }> {
  // The database's time and the file system's, not the clock: the ages compared were written by them.
  let removed = 0;
  for (;;) {
    const rows: Array<{ storage_key: string }> = await ctx.manager.query(
      // Wrapped in a SELECT: TypeORM answers a bare DELETE … RETURNING as [rows, count].
      `WITH gone AS (
         DELETE FROM attachment WHERE id IN (
           SELECT id FROM attachment
            WHERE entity_id IS NULL AND created_at < now() - make_interval(hours => $1)
            ORDER BY created_at LIMIT $2
              FOR UPDATE SKIP LOCKED)
         RETURNING storage_key)
       SELECT storage_key FROM gone`,
      [unclaimedHours, BATCH],
    );
    // Files go after the rows are gone: a crash in between leaves an unreferenced file, never a row without its file.
    for (const { storage_key: key } of rows) await store.remove(key).catch((err: unknown) => ctx.log.warn({ err, key }, 'attachments: could not remove the file of an expired upload'));
    removed += rows.length;
    // Shutting down: the rest waits for the next run.
    if (rows.length < BATCH || signal.aborted) break;
  }
  const unfinished = (await store.removeUnfinished?.(new Date(Date.now() - unclaimedHours * 3_600_000))) ?? 0;
  if (removed || unfinished) ctx.log.info({ removed, unfinished, unclaimedHours }, 'attachments: removed unclaimed uploads and unfinished writes');
  return { removed, unfinished };
}
