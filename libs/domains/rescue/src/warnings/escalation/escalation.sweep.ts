import { randomUUID } from 'node:crypto';
import { RequestContext, SYSTEM, type ModuleRuntime } from '@platform/core';
import { sweepEscalations } from './escalation.service';

/** What the warnings' escalation sweep offers to tests and other modules (service `rescue.warningEscalation`). */
export interface WarningEscalationService {
  /** Runs one tick now (after any tick in flight) and resolves with the number of escalations it wrote. */
  sweep(): Promise<number>;
}

export const WARNING_ESCALATION_SERVICE = 'rescue.warningEscalation';

/** Default and minimum interval of the sweep (setting WARNING_ESCALATION_INTERVAL_MS). */
export const DEFAULT_ESCALATION_INTERVAL_MS = 15_000;
export const MIN_ESCALATION_INTERVAL_MS = 100;

/** The interval from the setting: the default when absent, not a number or below the minimum. */
export function escalationInterval(settings: ModuleRuntime['settings']): number {
  const value = Number(settings['WARNING_ESCALATION_INTERVAL_MS'] ?? DEFAULT_ESCALATION_INTERVAL_MS);
  return Number.isFinite(value) && value >= MIN_ESCALATION_INTERVAL_MS ? value : DEFAULT_ESCALATION_INTERVAL_MS;
}

/**
 * The durable escalation sweep (叫应超时升级): the deadlines live in `warning_delivery.next_escalation_at`,
 * so a restarted gateway picks up where the last one stopped, and replicas sweeping at once skip each
 * other's locked rows. Each tick runs as the system principal (audited as such) with the runtime's clock;
 * one tick at a time per process. Runs at start and then every `intervalMs`.
 */
export function startEscalationSweep(runtime: ModuleRuntime, intervalMs: number): WarningEscalationService & { stop(): Promise<void> } {
  let running: Promise<number> | null = null;
  const once = () =>
    sweepEscalations(new RequestContext({ requestId: `warning-escalation-${randomUUID()}`, principal: SYSTEM, dataSource: runtime.dataSource, events: runtime.events, log: runtime.log, clock: runtime.clock }));
  const sweep = async (): Promise<number> => {
    while (running) await running.catch(() => 0);
    const run = once().finally(() => (running = null));
    running = run;
    const count = await run;
    if (count) runtime.log.info({ count }, 'warning deliveries escalated');
    return count;
  };
  const tick = () => {
    if (running) return;
    sweep().catch((err: unknown) => runtime.log.warn({ err }, 'warning escalation sweep failed; retrying at the next tick'));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    sweep,
    stop: async () => {
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
