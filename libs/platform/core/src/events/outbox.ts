import type { EntityManager } from 'typeorm';
import type { DomainEvent } from './event-bus';
import { raw, sql, type Sql } from '../sql/sql';
import { runSql } from '../db/row-reader';

/**
 * The transactional outbox (`event_outbox`, a kernel table): every domain event is written there in
 * the transaction of the change it announces, so it exists exactly when the change committed, and
 * survives the process. `transaction()` writes a transaction's events with one statement before it
 * commits; an event emitted outside a transaction is written on its own (autocommit). Relays (the
 * webhooks module) take the undispatched rows with `FOR UPDATE SKIP LOCKED` and mark them dispatched;
 * `pruneOutbox` drops rows past their retention.
 */

/** Who caused the events (the request's principal): its kind and id. */
export interface OutboxActor {
  readonly kind: string;
  readonly id: string | null;
}

/** One statement for any number of events (unnest of arrays), in the order they were emitted. */
export async function writeOutbox(manager: EntityManager, events: readonly DomainEvent[], actor: OutboxActor): Promise<void> {
  if (!events.length) return;
  await runSql(manager, outboxInsertSql(events, actor));
}

/**
 * The outbox insert of `writeOutbox` as a fragment, to write as a step of a larger statement (a
 * CTE): the events are written only when `condition` holds (e.g. the step that makes the change wrote its row).
 */
export function outboxInsertSql(events: readonly DomainEvent[], actor: OutboxActor, condition?: Sql): Sql {
  return sql`INSERT INTO event_outbox (type, payload, occurred_at, request_id, actor_kind, actor_id)
     SELECT e.type, e.payload, e.occurred_at, e.request_id, ${actor.kind}, ${actor.id}
       FROM unnest(CAST(${events.map((e) => e.type)} AS text[]), CAST(${events.map((e) => JSON.stringify(e.payload ?? {}))} AS jsonb[]), CAST(${events.map((e) => e.occurredAt.toISOString())} AS timestamptz[]), CAST(${events.map((e) => e.requestId)} AS text[])) WITH ORDINALITY AS e(type, payload, occurred_at, request_id, ord)${condition ? sql`
      WHERE ${condition}` : raw('')}
      ORDER BY e.ord`;
}

/** Rows deleted per statement: bounds how long the prune holds its locks. */
const PRUNE_BATCH = 5000;

/**
 * Deletes outbox rows recorded more than `retentionHours` ago, dispatched or not (a relay takes rows
 * within seconds; a module that relays nothing leaves them to this), in batches until none is left
 * or `signal` aborts. The database's clock decides, the one that wrote `recorded_at`. Answers how many.
 */
export async function pruneOutbox(manager: EntityManager, retentionHours: number, signal?: AbortSignal): Promise<number> {
  let removed = 0;
  for (;;) {
    // Wrapped in a SELECT: TypeORM answers a bare DELETE … RETURNING as [rows, count].
    const [{ n }] = (await manager.query(
      `WITH gone AS (
         DELETE FROM event_outbox WHERE id IN (
           SELECT id FROM event_outbox WHERE recorded_at < now() - make_interval(hours => $1) ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [retentionHours, PRUNE_BATCH],
    )) as Array<{ n: number }>;
    removed += n;
    if (n < PRUNE_BATCH || signal?.aborted) return removed;
  }
}
