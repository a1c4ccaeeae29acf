import { onEvent, type ModuleRuntime, type StartedModule } from '@platform/core';
import { sensorEvents } from '../sensors/public';
import { evaluateAlarms } from './alarm-evaluation';
import { escalateAlarms } from './alarm-escalation';

/** The catch-up evaluation: readings whose event was lost (a restart between commit and delivery) or that arrived late. */
export const ALARM_EVALUATION_JOB = 'scenarios.alarm-evaluation';
/** The escalation sweep of unacknowledged alarms. */
export const ALARM_ESCALATION_JOB = 'scenarios.alarm-escalation';
/** The evaluation of what ingestions brought, merged while a run is under way (nudged by each ingestion). */
export const ALARM_AFTER_INGEST_JOB = 'scenarios.alarm-evaluation-after-ingest';
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
  // Ingestions come faster than evaluations (a feed sends batches back to back): their spans are merged
  // here and evaluated by one run at a time (`nudge`: at once when idle, else once more after the run
  // under way), never one evaluation per batch, which would take every pooled connection.
  const pending = new Map<string, { from: number; to: number }>();
  const afterIngest = runtime.every(
    ALARM_AFTER_INGEST_JOB,
    EVALUATION_INTERVAL_MS,
    async (ctx) => {
      while (pending.size > 0) {
        const spans = [...pending.entries()];
        pending.clear();
        const from = new Date(Math.min(...spans.map(([, s]) => s.from)));
        const to = new Date(Math.max(...spans.map(([, s]) => s.to)));
        await evaluateAlarms(ctx, { datastreamIds: spans.map(([id]) => id), from, to });
      }
    },
    { exclusive: false },
  );
  const stop = onEvent(runtime.events, sensorEvents['scenarios.observation.ingest'], (event) => {
    const p = event.payload;
    const [from, to] = [new Date(p.earliest).getTime(), new Date(p.latest).getTime()];
    for (const id of p.datastreamIds) {
      const span = pending.get(id);
      pending.set(id, span ? { from: Math.min(span.from, from), to: Math.max(span.to, to) } : { from, to });
    }
    afterIngest.nudge();
  });
  return { stop: async () => stop() };
}
