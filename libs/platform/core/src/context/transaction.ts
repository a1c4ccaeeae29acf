import type { RequestContext } from './request-context';
import type { DomainEvent } from '../events/event-bus';

/**
 * Runs `work` in one database transaction. Everything it writes (rows, audit entries) commits or
 * rolls back together; events it emits are published only after commit. Nested calls join the
 * open transaction. Loaders are cleared afterwards so reads see the new state.
 */
export async function transaction<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const pending: DomainEvent[] = [];
  const result = await ctx.dataSource.transaction((manager) => work(ctx.withTransaction(manager, pending)));
  ctx.loaders.clear();
  for (const event of pending) {
    await ctx.events.publish(event).catch((error: unknown) => ctx.log.error({ err: error, event: event.type }, 'event delivery failed'));
  }
  return result;
}
