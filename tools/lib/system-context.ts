import { randomUUID } from 'node:crypto';
import { InProcessEventBus, PeriodicJobs, RequestContext, SYSTEM, SYSTEM_CLOCK, type EventBus } from '@platform/core';
import { RateLimiters, RedisEventBus, createLogger, loadConfig, openDatabase, selectModules, startModules } from '@platform/server';
import { AVAILABLE_MODULES, expandModuleGroups } from '../../apps/gateway/src/available-modules';

/**
 * Runs `work` as the system principal (audited as such) against DATABASE_URL (or the embedded
 * database), after applying pending migrations and starting the modules for their services. Its
 * domain events go where the gateways' go: with REDIS_URL to every gateway (e.g. `access.changed`, so
 * their principal caches drop an account the command changed), sent before the command exits.
 */
export async function withSystemContext<T>(name: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(process.env, AVAILABLE_MODULES), migrateOnStart: true };
  const log = createLogger('warn');
  const modules = selectModules(AVAILABLE_MODULES, expandModuleGroups(config.modules));
  const db = await openDatabase(config, modules, log);
  const limiters = new RateLimiters(config.redisUrl, log);
  const redisEvents = config.redisUrl ? new RedisEventBus(config.redisUrl, log, { channel: config.eventsChannel }) : null;
  if (redisEvents && !(await redisEvents.ready())) log.warn({ channel: config.eventsChannel }, 'events: Redis not reachable; the gateways will not hear of this change until their caches expire');
  try {
    const events: EventBus = redisEvents ?? new InProcessEventBus();
    // No timers and no background work: a one-off command runs no sweeps (their events would reach no one but this process) and no queue workers.
    const jobs = new PeriodicJobs({ dataSource: db.dataSource, events, log, clock: SYSTEM_CLOCK, timers: false });
    const runtime = { dataSource: db.dataSource, log, settings: config.settings, dataDir: config.dataDir, embedded: !config.databaseUrl, modules, events, limiter: limiters.create.bind(limiters), clock: SYSTEM_CLOCK, every: jobs.every, background: false };
    const started = await startModules(modules, runtime);
    try {
      const ctx = new RequestContext({ requestId: `${name}-${randomUUID()}`, principal: SYSTEM, dataSource: db.dataSource, events, log, services: started.services });
      return await work(ctx);
    } finally {
      await jobs.stop();
      await started.stop();
    }
  } finally {
    // Sends what is still queued for the gateways, then quits.
    await redisEvents?.close();
    await limiters.close();
    await db.close();
  }
}

/** Prints a failure without a stack and exits non-zero. */
export function fail(command: string, error: unknown): never {
  console.error(`${command} failed:`, error instanceof Error ? error.message : error);
  process.exit(1);
}
