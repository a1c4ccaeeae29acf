import type { RequestContext } from './request-context';
import type { DomainEvent } from '../events/event-bus';
import { ConflictError } from '../errors/errors';
import { writeOutbox } from '../events/outbox';

/** PostgreSQL's unique_violation: two writers raced past a service's own "already exists" check. */
const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return Boolean(e && (e.code === UNIQUE_VIOLATION || e.driverError?.code === UNIQUE_VIOLATION));
}

/**
 * Runs `work` in one database transaction. Everything it writes (rows, audit entries) commits or
 * rolls back together; events it emits are written to the outbox (`event_outbox`, one statement when
 * there are any) before the commit and published only after it. Nested calls join the
 * open transaction. Loaders are cleared afterwards so reads see the new state. A unique index that
 * refuses the write (a concurrent request created the same thing between the service's check and its
 * insert) rolls everything back and is answered as CONFLICT, never as an internal error.
 */
export async function transaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const pending: DomainEvent[] = [];
  let result: T;
  try {
    result = await ctx.dataSource.transaction(async (manager) => {
      const out = await work(ctx.withTransaction(manager, pending));
      // The transaction's events, in the outbox before commit: they exist exactly when the change does.
      await writeOutbox(manager, pending, ctx.principal);
      // A request with an Idempotency-Key: this change commits with the key marked, so a retry never runs it again.
      if (ctx.idempotency.mark) await ctx.idempotency.mark.markCommitted(manager);
      return out;
    });
  } catch (error) {
    throw writeRefusal(error);
  }
  await afterCommit(ctx, pending);
  return result;
}

/** The error a failed write answers: CONFLICT for a unique index that refused it, the error itself otherwise. */
export function writeRefusal(error: unknown): unknown {
  return isUniqueViolation(error) ? new ConflictError('A concurrent change already created this: nothing was written. Read the current state and try again.') : error;
}

/** After a change committed: loaders are cleared (reads see the new state) and its events published, in order. */
export async function afterCommit(ctx: RequestContext, events: readonly DomainEvent[]): Promise<void> {
  ctx.loaders.clear();
  for (const event of events) {
    await ctx.events.publish(event).catch((error: unknown) => ctx.log.error({ err: error, event: event.type }, 'event delivery failed'));
  }
}
