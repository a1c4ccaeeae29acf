import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { poolConnectionSettings, type RequestContext } from '@platform/core';
import type { WebhooksSettings } from '../webhooks.settings';
import { DEAD_LETTER_QUEUE, DELIVERY_QUEUE, JOB_SCHEMA } from './queues';
import { transactionConnection } from './job-connection.sql';

/** What a delivery's job carries. */
export interface DeliveryJob {
  readonly deliveryId: string;
}

/** A job as the workers get it (pg-boss's metadata included: how many retries it had and may have). */
export type DeliveryJobRun = PgBoss.JobWithMetadata<DeliveryJob>;

/** Connections of pg-boss's own pool (polling, completion, maintenance); the workers' database work goes through the gateway's. */
const QUEUE_POOL_SIZE = 3;

/**
 * The delivery queue on pg-boss (PostgreSQL, schema `pgboss`): one job per delivery round, with
 * pg-boss's retries (`retryLimit` = WEBHOOK_MAX_ATTEMPTS − 1, exponential backoff from
 * WEBHOOK_RETRY_DELAY_S with jitter: the n-th retry waits between base × 2^(n−1) and base × 2^n s),
 * an expiry a little past the attempt's timeout (a job held by a gateway that died is retried once
 * pg-boss's maintenance finds it expired) and a dead-letter queue. Jobs are inserted in the caller's
 * transaction (`enqueue`), so a delivery and its job commit together. pg-boss runs with
 * `migrate: false` and no scheduling: the schema and queues come from the migration, the gateways
 * need no DDL.
 */
export class DeliveryQueue {
  private boss: PgBoss | null = null;
  /** The worker loops under way: `stop` waits for each to end (none outlives the gateway). */
  private readonly loops: Promise<void>[] = [];
  /** Idle workers waiting for their next look: `wake` (and `stop`) end the wait at once. */
  private readonly idle = new Set<() => void>();
  /** Aborted when the gateway stops: attempts under way end at once (and are retried later). */
  private readonly stopping = new AbortController();

  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Logger,
    private readonly settings: WebhooksSettings,
  ) {}

  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  /** Seconds after which a job still active is taken for lost (its gateway died) and retried. */
  get expireInSeconds(): number {
    return Math.ceil(this.settings.WEBHOOK_TIMEOUT_MS / 1000) + 10;
  }

  /**
   * Starts pg-boss (checking its schema version) and the workers: `deliver` for each job, `bury` for
   * the dead-letter queue. Without workers (one-off commands) jobs can be queued, nothing is taken
   * and pg-boss's maintenance does not run.
   */
  async start(workers: { deliver: (job: DeliveryJobRun) => Promise<void>; bury: (job: PgBoss.Job<DeliveryJob>) => Promise<void> } | null): Promise<void> {
    // The gateway's connection settings (pg's ClientConfig, which pg-boss hands to its own pg Pool; only the password's function type differs).
    const connection = poolConnectionSettings(this.dataSource) as unknown as PgBoss.DatabaseOptions;
    const boss = new PgBoss({
      ...connection,
      max: QUEUE_POOL_SIZE,
      application_name: 'town-safety-webhooks',
      schema: JOB_SCHEMA,
      migrate: false,
      schedule: false,
      supervise: workers !== null,
      maintenanceIntervalSeconds: this.settings.WEBHOOK_MAINTENANCE_INTERVAL_S,
    });
    boss.on('error', (err) => this.log.warn({ err }, 'webhooks: job queue error'));
    try {
      await boss.start();
    } catch (error) {
      // Not installed, another version, no privilege: its pool is open already (the check ran on it); close it so nothing keeps the process.
      const db = boss.getDb() as unknown as { opened?: boolean; close?: () => Promise<void> };
      if (db.opened) await db.close?.();
      throw error;
    }
    this.boss = boss;
    if (!workers) return;
    const { deliver, bury } = workers;
    for (let i = 0; i < this.settings.WEBHOOK_CONCURRENCY; i++) this.loops.push(this.worker(boss, DELIVERY_QUEUE, deliver as (job: PgBoss.Job<DeliveryJob>) => Promise<void>));
    this.loops.push(this.worker(boss, DEAD_LETTER_QUEUE, bury));
  }

  /**
   * A worker taking one job at a time with pg-boss's `fetch`, `complete` and `fail` (its retries,
   * backoff and dead letter apply as with `work`): a job handled, it looks for the next at once; none
   * waiting, it looks again after WEBHOOK_POLL_INTERVAL_MS or when woken. Our own loop rather than
   * pg-boss's `work`, whose workers end some time after `stop` returns: this one ends before.
   */
  private async worker(boss: PgBoss, queue: string, handle: (job: PgBoss.Job<DeliveryJob>) => Promise<void>): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      let job: PgBoss.Job<DeliveryJob> | undefined;
      try {
        [job] = await boss.fetch<DeliveryJob>(queue, { batchSize: 1, includeMetadata: true });
      } catch (err) {
        if (!signal.aborted) this.log.warn({ err, queue }, 'webhooks: could not fetch jobs');
      }
      if (!job) {
        await this.pause(this.settings.WEBHOOK_POLL_INTERVAL_MS);
        continue;
      }
      try {
        await handle(job);
        await boss.complete(queue, job.id);
      } catch (err) {
        // A failed attempt: pg-boss retries it with backoff, then moves it to the dead letter queue.
        await boss.fail(queue, job.id, { message: err instanceof Error ? err.message : String(err) }).catch((error: unknown) => this.log.warn({ err: error, queue }, 'webhooks: could not record a failed job'));
      }
    }
  }

  /** Waits `ms`, or less when woken or stopped. */
  private pause(ms: number): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.idle.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.idle.add(done);
    });
  }

  /**
   * Queues a job for each delivery in the caller's transaction (one statement): it exists exactly
   * when the deliveries do. Call `wake` after the commit so this gateway's workers take them at once.
   */
  async enqueue(tx: RequestContext, deliveryIds: readonly string[]): Promise<void> {
    if (!deliveryIds.length) return;
    const boss = this.started();
    await boss.insert(
      deliveryIds.map((deliveryId) => ({
        name: DELIVERY_QUEUE,
        data: { deliveryId },
        singletonKey: deliveryId,
        retryLimit: this.settings.WEBHOOK_MAX_ATTEMPTS - 1,
        retryDelay: this.settings.WEBHOOK_RETRY_DELAY_S,
        retryBackoff: true,
        expireInSeconds: this.expireInSeconds,
        deadLetter: DEAD_LETTER_QUEUE,
      })),
      { db: transactionConnection(tx) },
    );
  }

  /** This gateway's workers look for jobs now instead of at their next poll. */
  wake(): void {
    for (const done of [...this.idle]) done();
  }

  /** Ends the attempts under way (they are retried later, by this or another gateway) and stops pg-boss. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake();
    await Promise.all(this.loops.splice(0));
    await this.boss?.stop({ graceful: true, wait: true, timeout: 2000, close: true });
    this.boss = null;
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('The webhook delivery queue is not started.');
    return this.boss;
  }
}
