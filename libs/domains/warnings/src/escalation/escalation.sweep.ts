import type { ModuleRuntime } from '@platform/core';
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

/** Name of the periodic job (and of its lock). */
export const WARNING_ESCALATION_JOB = 'rescue.warning-escalation';

/**
 * The durable escalation sweep (叫应超时升级): the deadlines live in `warning_delivery.next_escalation_at`,
 * so a restarted gateway picks up where the last one stopped, and replicas sweeping at once skip each
 * other's locked rows. A periodic job of the runtime: as the system principal (audited as such) with the
 * runtime's clock, one run at a time, at start and then every `intervalMs`.
 */
export function startEscalationSweep(runtime: ModuleRuntime, intervalMs: number): WarningEscalationService {
  const job = runtime.every(WARNING_ESCALATION_JOB, intervalMs, async (ctx) => {
    const count = await sweepEscalations(ctx);
    if (count) ctx.log.info({ count }, 'warning deliveries escalated');
    return count;
  });
  return { sweep: () => job.runNow() };
}
