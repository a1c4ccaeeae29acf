import { randomUUID } from 'node:crypto';
import { RequestContext, SYSTEM, onEvent, type ModuleRuntime } from '@platform/core';
import { riskEvents } from '@domains/risk';
import { TipHandlingService } from './tip-handling.service';

/** The sweep that catches up tips whose hazard closed while no event reached them. */
export const TIPS_OF_CLOSED_HAZARDS_JOB = 'reporting.tips-of-closed-hazards';
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Closes tips when the risk module closes their hazard: on `risk.hazard.close` (after its commit) the
 * tips verified into that hazard are closed FIXED as the system, in a transaction of their own (a
 * VERIFIED one handled first; the follow-up falls due; audit entries and events as for staff). Delivery
 * is after commit and in process, so a close whose event is lost (a restart in between) is caught up by
 * the sweep `reporting.tips-of-closed-hazards` every minute (and `closeTip` with FIXED by hand). Each
 * tip is locked and its state read again before it is closed, so the event and the sweep never close
 * one twice. Nothing is followed when the runtime runs no background work. Returns how to stop the
 * event's handler (the sweep is stopped with the gateway's jobs).
 */
export function startTipHazardFollow(runtime: ModuleRuntime): () => void {
  // A gateway started for its services only (no background work) does not follow events.
  if (runtime.background === false) return () => undefined;
  const service = new TipHandlingService();
  runtime.every(TIPS_OF_CLOSED_HAZARDS_JOB, SWEEP_INTERVAL_MS, async (ctx) => {
    await service.closeTipsOfClosedHazards(ctx);
  });
  return onEvent(runtime.events, riskEvents['risk.hazard.close'], (event) => {
    const ctx = new RequestContext({ requestId: `tip-hazard-follow-${randomUUID()}`, principal: SYSTEM, dataSource: runtime.dataSource, events: runtime.events, log: runtime.log, clock: runtime.clock });
    service.closeTipsOfHazard(ctx, event.payload.id).catch((error: unknown) => runtime.log.error({ err: error, hazardId: event.payload.id }, 'closing the tips of a closed hazard failed'));
  });
}
