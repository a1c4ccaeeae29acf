import { WRONG_STATE_RULE, WrongStateError, eventType } from '@platform/core';
import { INCIDENT_WORKFLOW, incidentStepTo, type IncidentStep } from './incidents/incident-transitions';
import { IncidentStatus } from './incidents/incident.enums';
import type { Incident } from './incidents/incident.entity';
import { RELIEF_APPLICATION, RELIEF_WORKFLOW, type ReliefStepAction } from './relief/relief-transitions';
import { ReliefStatus } from './relief/relief.enums';
import type { ReliefCase } from './relief/relief.entity';
import { responseEvents } from './response.events';
import { responseRules } from './response.rules';

const REPORT = 'rescue.incident:report';
const VERIFY = 'rescue.incident:verify';

/** Whether a state check passes; a refusal must be the kernel's wrong-state answer (rule `state`). */
function allows(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (e) {
    if (e instanceof WrongStateError) {
      expect(e.extensions['fields']).toEqual([expect.objectContaining({ rule: WRONG_STATE_RULE })]);
      return false;
    }
    throw e;
  }
}

describe('INCIDENT_WORKFLOW', () => {
  const { OPEN, RESPONDING, RECOVERING, CLOSED } = IncidentStatus;
  const table: Record<IncidentStep, { from: IncidentStatus; to: IncidentStatus; permission: string }> = {
    respond: { from: OPEN, to: RESPONDING, permission: REPORT },
    recover: { from: RESPONDING, to: RECOVERING, permission: REPORT },
    close: { from: RECOVERING, to: CLOSED, permission: VERIFY },
  };

  it('moves one status forward at a time, closing with rescue.incident:verify', () => {
    expect(Object.keys(INCIDENT_WORKFLOW.steps)).toEqual(Object.keys(table));
    for (const [step, row] of Object.entries(table) as Array<[IncidentStep, (typeof table)[IncidentStep]]>) {
      expect(INCIDENT_WORKFLOW.steps[step]).toMatchObject({ from: [row.from], to: row.to, permission: row.permission });
      expect(incidentStepTo(row.to)).toBe(step);
      for (const status of Object.values(IncidentStatus)) {
        expect(allows(() => INCIDENT_WORKFLOW.assertCanStep(step, { id: 'i1', version: 1, status } as Incident))).toBe(status === row.from);
      }
    }
    // No step leads back to OPEN; CLOSED takes none.
    expect(incidentStepTo(OPEN)).toBeUndefined();
    expect(INCIDENT_WORKFLOW.stepsFrom(CLOSED)).toEqual([]);
  });

  it('keeps the mutation\'s audit action and event (rescue.incident.move / moved) for every step, the event declared with from and to', () => {
    for (const step of Object.values(INCIDENT_WORKFLOW.steps)) expect(step).toMatchObject({ action: 'rescue.incident.move', event: 'rescue.incident.moved' });
    expect(eventType(responseEvents, 'rescue.incident.moved')).toBe('rescue.incident.moved');
    const record = { id: 'i1', version: 3, status: RECOVERING, reportingOrganizationId: 'o1' } as Incident;
    expect(INCIDENT_WORKFLOW.payload!(record, 'recover')).toEqual({ id: 'i1', reportingOrganizationId: 'o1', from: RESPONDING, to: RECOVERING });
  });
});

describe('RELIEF_WORKFLOW', () => {
  const { APPLIED, ASSESSED, NOTICE, REVIEWED, APPROVED, REJECTED, PAID } = ReliefStatus;
  const table: Record<ReliefStepAction, { from: ReliefStatus; to: ReliefStatus; permission: string }> = {
    assess: { from: APPLIED, to: ASSESSED, permission: 'rescue.relief:apply' },
    startNotice: { from: ASSESSED, to: NOTICE, permission: 'rescue.relief:apply' },
    review: { from: NOTICE, to: REVIEWED, permission: 'rescue.relief:approve' },
    approve: { from: REVIEWED, to: APPROVED, permission: 'rescue.relief:approve' },
    reject: { from: REVIEWED, to: REJECTED, permission: 'rescue.relief:approve' },
    pay: { from: APPROVED, to: PAID, permission: 'rescue.relief:pay' },
  };

  it('walks the approval path in order, each step from one state with its permission', () => {
    expect(Object.keys(RELIEF_WORKFLOW.steps)).toEqual(Object.keys(table));
    for (const [step, row] of Object.entries(table) as Array<[ReliefStepAction, (typeof table)[ReliefStepAction]]>) {
      expect(RELIEF_WORKFLOW.steps[step]).toMatchObject({ from: [row.from], to: row.to, permission: row.permission });
      for (const status of Object.values(ReliefStatus)) {
        expect(allows(() => RELIEF_WORKFLOW.assertCanStep(step, { id: 'c1', version: 1, status } as ReliefCase))).toBe(status === row.from);
      }
    }
    // REJECTED and PAID are final.
    expect(RELIEF_WORKFLOW.stepsFrom(REJECTED)).toEqual([]);
    expect(RELIEF_WORKFLOW.stepsFrom(PAID)).toEqual([]);
  });

  it('keeps the audit actions and events of today: rescue.relief-case.<step>, the payment\'s for pay, every event declared', () => {
    for (const step of ['assess', 'startNotice', 'review', 'approve', 'reject'] as const) {
      expect(RELIEF_WORKFLOW.steps[step]).toMatchObject({ action: `rescue.relief-case.${step}`, event: `rescue.relief-case.${step}` });
    }
    expect(RELIEF_WORKFLOW.steps.pay).toMatchObject({ action: 'rescue.relief-payment.record', event: 'rescue.relief-case.paid' });
    for (const name of [RELIEF_APPLICATION.event, ...RELIEF_WORKFLOW.eventTypes, 'rescue.relief-payment.recorded']) {
      expect(eventType(responseEvents, name as keyof typeof responseEvents)).toBe(name);
    }
    const approved = { id: 'c1', version: 5, status: APPROVED, organizationId: 'o1', paidInFullOn: null } as ReliefCase;
    expect(RELIEF_WORKFLOW.payload!(approved, 'approve')).toEqual({ id: 'c1', organizationId: 'o1', status: APPROVED });
    expect(RELIEF_WORKFLOW.payload!({ ...approved, status: PAID, paidInFullOn: '2026-05-01' }, 'pay')).toEqual({ id: 'c1', organizationId: 'o1', paidInFullOn: '2026-05-01' });
  });
});

describe('response rules', () => {
  it('builds on the kernel\'s rules (wrong state is `state`, never `transition`)', () => {
    for (const rule of ['state', 'exists', 'notArchived', 'notFuture', 'required', 'unique', 'checkDigit', 'notBeforeFrom', 'available', 'notClosed', 'kind']) expect(responseRules.has(rule)).toBe(true);
    expect(responseRules.has('transition')).toBe(false);
  });
});
