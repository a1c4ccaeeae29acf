import { randomUUID } from 'node:crypto';
import { RequestContext, SYSTEM, onEvent, type ModuleRuntime, type StartedModule } from '@platform/core';
import { sensorEvents } from '../sensors/public';
import { evaluateAlarms } from './alarm-evaluation';
import { escalateAlarms } from './alarm-escalation';

/** The catch-up evaluation: readings whose event was lost (a restart between commit and delivery) or that arrived late. */
export const ALARM_EVALUATION_JOB = 'scenarios.alarm-evaluation';
/** The escalation sweep of unacknowledged alarms. */
export const ALARM_ESCALATION_JOB = 'scenarios.alarm-escalation';
const EVALUATION_INTERVAL_MS = 5 * 60_000;
const ESCALATION_INTERVAL_MS = 60_000;
/** The catch-up reads the readings of the last hour (plus the rules' own 48-hour lookback). */
const CATCH_UP_MS = 60 * 60_000;

/**
 * The alarms' background work, only when the runtime runs it: on `scenarios.observation.ingest`
 * (after the ingestion's commit) the rules are evaluated over the datastreams and span it names, as
 * the system, in transactions of their own; every 5 minutes a catch-up evaluation of the last hour;
 * every minute the escalation sweep. Evaluation is idempotent, so the event and the catch-up may
 * both see the same readings.
 */
export function startAlarmJobs(runtime: ModuleRuntime): Pick<StartedModule, 'services' | 'stop'> {
  if (runtime.background === false) return {};
  runtime.every(ALARM_EVALUATION_JOB, EVALUATION_INTERVAL_MS, async (ctx) => {
    const now = ctx.clock.now();
    await evaluateAlarms(ctx, { from: new Date(now.getTime() - CATCH_UP_MS), to: now });
  });
  runtime.every(ALARM_ESCALATION_JOB, ESCALATION_INTERVAL_MS, async (ctx) => {
    await escalateAlarms(ctx);
  });
  const stop = onEvent(runtime.events, sensorEvents['scenarios.observation.ingest'], (event) => {
    const ctx = new RequestContext({ requestId: `alarm-evaluation-${randomUUID()}`, principal: SYSTEM, dataSource: runtime.dataSource, events: runtime.events, log: runtime.log, clock: runtime.clock });
    const p = event.payload;
    evaluateAlarms(ctx, { datastreamIds: p.datastreamIds, from: new Date(p.earliest), to: new Date(p.latest) }).catch((error: unknown) => runtime.log.error({ err: error, datastreamIds: p.datastreamIds }, 'evaluating alarms after an ingestion failed'));
  });
  return { stop: async () => stop() };
}
