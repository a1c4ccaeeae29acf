import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AttachmentStore } from '@platform/core';

export interface AttachmentSweepOptions {
  dataSource: DataSource;
  store: AttachmentStore;
  /** Uploads no record has claimed within this many hours are deleted (ATTACHMENT_UNCLAIMED_HOURS). */
  unclaimedHours: number;
  log: Logger;
  /** Time between runs; one hour by default. */
  intervalMs?: number;
  /** Delay of the first run after start; 30 s by default, so it does not compete with start-up. */
  firstRunMs?: number;
}

export interface AttachmentSweep {
  /** Runs a sweep now, or joins the one already running; answers the uploads and unfinished writes removed. */
  runOnce(): Promise<{ removed: number; unfinished: number }>;
  /** Cancels the timer and waits for a running sweep to end. */
  stop(): Promise<void>;
}

/** Rows deleted per statement: bounds how long the row locks are held. */
const BATCH = 500;

/**
 * Deletes uploads nobody claimed within `unclaimedHours`, with their files, and files of uploads that
 * never finished writing. Safe with several gateway replicas at once: each DELETE takes only rows no
 * other transaction holds (SKIP LOCKED), a claim in progress included, so no row is deleted twice and
 * no claim is raced.
 */
export function startAttachmentSweep(options: AttachmentSweepOptions): AttachmentSweep {
  const { dataSource, store, unclaimedHours, log } = options;
  let running: Promise<{ removed: number; unfinished: number }> | null = null;
  let stopped = false;

  const sweep = async () => {
    let removed = 0;
    for (;;) {
      const rows: Array<{ storage_key: string }> = await dataSource.query(
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
      for (const { storage_key: key } of rows) await store.remove(key).catch((err: unknown) => log.warn({ err, key }, 'attachments: could not remove the file of an expired upload'));
      removed += rows.length;
      if (rows.length < BATCH || stopped) break;
    }
    const unfinished = (await store.removeUnfinished?.(new Date(Date.now() - unclaimedHours * 3_600_000))) ?? 0;
    if (removed || unfinished) log.info({ removed, unfinished, unclaimedHours }, 'attachments: removed unclaimed uploads and unfinished writes');
    return { removed, unfinished };
  };

  const runOnce = () =>
    (running ??= sweep().finally(() => {
      running = null;
    }));

  const tick = () => {
    runOnce().catch((err: unknown) => log.warn({ err }, 'attachments: sweep failed; retrying at the next run'));
  };
  // unref: a pending sweep never keeps the process alive.
  const first = setTimeout(tick, options.firstRunMs ?? 30_000).unref();
  const every = setInterval(tick, options.intervalMs ?? 3_600_000).unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running?.catch(() => undefined);
    },
  };
}
