import type { ModuleRuntime, StartedModule } from '@platform/core';
import { KNOWLEDGE_SERVICE, KnowledgeGuard } from './knowledge.guard';
import { knowledgeSettings } from './knowledge.settings';
import { purgeQueryLog } from './knowledge.sql';

/** The daily job deleting query log rows older than SCENARIOS_KNOWLEDGE_LOG_DAYS. */
export const KNOWLEDGE_LOG_RETENTION_JOB = 'scenarios.knowledge-log-retention';
const DAY_MS = 24 * 3600 * 1000;

/**
 * What the knowledge part starts with the module: its guard (the per-address limiter of anonymous
 * searches) as the service `scenarios.knowledge`; with background work, the log's retention job.
 * The job is stopped with the gateway's jobs.
 */
export async function startKnowledge(runtime: ModuleRuntime): Promise<Pick<StartedModule, 'services' | 'stop'>> {
  if (runtime.background !== false) {
    const days = knowledgeSettings.read(runtime.settings).SCENARIOS_KNOWLEDGE_LOG_DAYS;
    runtime.every(KNOWLEDGE_LOG_RETENTION_JOB, DAY_MS, (ctx) => purgeQueryLog(ctx, new Date(ctx.clock.now().getTime() - days * DAY_MS)), { firstRunMs: 60_000 });
  }
  return { services: { [KNOWLEDGE_SERVICE]: new KnowledgeGuard(runtime) } };
}
