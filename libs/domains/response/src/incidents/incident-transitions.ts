import { defineWorkflow } from '@platform/core';
import { Incident } from './incident.entity';
import { IncidentStatus } from './incident.enums';
import { ResponsePermission } from '../permissions';

/** Every step of an incident is the one mutation `moveIncident`: audited as `rescue.incident.move`, announced as `rescue.incident.moved`. */
const MOVE = { action: 'rescue.incident.move', event: 'rescue.incident.moved' } as const;

/** The state each step starts from (each starts from one), for the event's `from`. */
const FROM = { respond: IncidentStatus.OPEN, recover: IncidentStatus.RESPONDING, close: IncidentStatus.RECOVERING } as const;

/**
 * The incident's life cycle as data: OPEN → RESPONDING → RECOVERING → CLOSED, one step at a time;
 * closing needs rescue.incident:verify (over the reporting organization, checked by the service). The
 * step is named by the status the client asks for (`moveIncident(input: { status })`).
 */
export const INCIDENT_WORKFLOW = defineWorkflow({
  name: 'rescue.incident',
  entity: Incident,
  entityName: 'Incident',
  state: 'status',
  steps: {
    respond: { from: [FROM.respond], to: IncidentStatus.RESPONDING, permission: ResponsePermission.IncidentReport, ...MOVE },
    recover: { from: [FROM.recover], to: IncidentStatus.RECOVERING, permission: ResponsePermission.IncidentReport, ...MOVE },
    close: { from: [FROM.close], to: IncidentStatus.CLOSED, permission: ResponsePermission.IncidentVerify, ...MOVE },
  },
  payload: (incident, step) => ({ id: incident.id, reportingOrganizationId: incident.reportingOrganizationId, from: FROM[step], to: incident.status }),
});

export type IncidentStep = keyof typeof INCIDENT_WORKFLOW.steps;

/** The step leading to `status`; undefined for OPEN (no step leads back to it). */
export function incidentStepTo(status: IncidentStatus): IncidentStep | undefined {
  return (Object.keys(INCIDENT_WORKFLOW.steps) as IncidentStep[]).find((step) => INCIDENT_WORKFLOW.steps[step].to === status);
}
