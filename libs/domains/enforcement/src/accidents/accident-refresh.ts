import { randomUUID } from 'node:crypto';
import { RequestContext, SYSTEM, onEvent, type ModuleRuntime } from '@platform/core';
import { responseEvents } from '@domains/response';
import { AccidentService } from './accident.service';

/**
 * Keeps an investigation's figures and grade following its incident's damage reports: when the
 * response module announces a report (`rescue.incident.damageReported`, after its commit), the
 * investigation of that incident, if any, is refreshed as the system in a transaction of its own (the
 * grade, the referral flag, the audit entry `enforcement.accident.refresh`), unless it already counted
 * the report or is closed. Delivery is after commit and in process: a report whose event is lost (a
 * restart in between) is counted at the next refresh (`refreshAccidentInvestigation`). Returns how to stop.
 */
export function startAccidentRefresh(runtime: ModuleRuntime): () => void {
  const service = new AccidentService();
  return onEvent(runtime.events, responseEvents['rescue.incident.damageReported'], (event) => {
    const ctx = new RequestContext({ requestId: `accident-refresh-${randomUUID()}`, principal: SYSTEM, dataSource: runtime.dataSource, events: runtime.events, log: runtime.log, clock: runtime.clock });
    service.refreshForReport(ctx, event.payload.incidentId, event.payload.id).catch((error: unknown) => runtime.log.error({ err: error, incidentId: event.payload.incidentId }, 'accident investigation refresh failed'));
  });
}
