import type { ModuleRuntime, StartedModule } from '@platform/core';
import { evaluateDataHealth } from './data-health';

/** The data-health sweep: gaps, STALE alarms and enforcement leads every 5 minutes. */
export const DATA_HEALTH_JOB = 'scenarios.data-health';
const INTERVAL_MS = 5 * 60_000;

/** Starts the sweep when the runtime runs background work (stopped with the gateway's jobs). */
export function startHealthJobs(runtime: ModuleRuntime): Pick<StartedModule, 'services' | 'stop'> {
  if (runtime.background === false) return {};
  runtime.every(DATA_HEALTH_JOB, INTERVAL_MS, async (ctx) => {
    await evaluateDataHealth(ctx);
  });
  return {};
}
