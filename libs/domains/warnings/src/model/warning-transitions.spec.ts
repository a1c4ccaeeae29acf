import { WRONG_STATE_RULE, WrongStateError, eventType } from '@platform/core';
import { DELIVERY_WORKFLOW, WARNING_WORKFLOW, type WarningStep } from './warning-transitions';
import { WarningDeliveryStatus, WarningStatus } from './warning.enums';
import type { Warning } from './warning.entity';
import type { WarningDelivery } from './warning-delivery.entity';
import { warningsEvents } from '../warnings.events';
import { warningsRules } from '../warnings.rules';

const { ACTIVE, SUPERSEDED, CANCELLED, EXPIRED } = WarningStatus;
const ISSUE = 'rescue.warning:issue';
const RESPOND = 'rescue.warning:respond';

/** The life cycle of a record (CAP): only the ACTIVE one of a chain moves, to one final state per step; the mutations' audit actions and events as before the workflow. */
const TABLE: Record<WarningStep, { from: WarningStatus[]; to: WarningStatus; permission: string; action: string; event: string }> = {
  update: { from: [ACTIVE], to: SUPERSEDED, permission: ISSUE, action: 'rescue.warning.update', event: 'rescue.warning.updated' },
  cancel: { from: [ACTIVE], to: CANCELLED, permission: ISSUE, action: 'rescue.warning.cancel', event: 'rescue.warning.cancelled' },
  expire: { from: [ACTIVE], to: EXPIRED, permission: ISSUE, action: 'rescue.warning.expire', event: 'rescue.warning.expired' },
};
const STEPS = Object.keys(TABLE) as WarningStep[];

const warning = (status: WarningStatus): Warning => ({ id: 'w1', version: 3, status }) as Warning;
const delivery = (status: WarningDeliveryStatus): WarningDelivery => ({ id: 'd1', version: 2, status, warningId: 'w1', organizationId: 'o1' }) as WarningDelivery;

/** Whether the workflow lets `step` start from `status`, by its own state check. */
function allowed(step: WarningStep, status: WarningStatus): boolean {
  try {
    WARNING_WORKFLOW.assertCanStep(step, warning(status));
    return true;
  } catch (e) {
    if (e instanceof WrongStateError) return false;
    throw e;
  }
}

describe('WARNING_WORKFLOW', () => {
  it('declares the table: steps, states, permissions, audit actions and events', () => {
    expect(WARNING_WORKFLOW.name).toBe('rescue.warning');
    expect(Object.fromEntries(STEPS.map((s) => [s, (({ from, to, permission, action, event }) => ({ from, to, permission, action, event }))(WARNING_WORKFLOW.steps[s])]))).toEqual(TABLE);
  });

  describe.each(Object.values(WarningStatus))('from %s', (status) => {
    it.each(STEPS)('allows %s exactly as the table says', (step) => {
      expect(allowed(step, status)).toBe(TABLE[step].from.includes(status));
    });
  });

  it('leaves no way out of a final state', () => {
    for (const status of [SUPERSEDED, CANCELLED, EXPIRED]) expect(WARNING_WORKFLOW.stepsFrom(status)).toEqual([]);
    expect(WARNING_WORKFLOW.stepsFrom(ACTIVE)).toEqual(STEPS);
  });

  it('refuses a step from the wrong state with rule `state` on input.id, naming the state', () => {
    try {
      WARNING_WORKFLOW.assertCanStep('update', warning(SUPERSEDED));
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(WrongStateError);
      const fields = (e as WrongStateError).extensions['fields'];
      expect(fields).toEqual([{ field: 'input.id', rule: WRONG_STATE_RULE, message: expect.stringContaining('SUPERSEDED') }]);
    }
  });
});

describe('DELIVERY_WORKFLOW', () => {
  it('acknowledges a PENDING delivery only, with the call-and-response permission, audit action and event', () => {
    expect(DELIVERY_WORKFLOW.steps.acknowledge).toMatchObject({ from: [WarningDeliveryStatus.PENDING], to: WarningDeliveryStatus.ACKNOWLEDGED, permission: RESPOND, action: 'rescue.warning.acknowledge', event: 'rescue.warning.acknowledged' });
    expect(() => DELIVERY_WORKFLOW.assertCanStep('acknowledge', delivery(WarningDeliveryStatus.PENDING))).not.toThrow();
    for (const status of [WarningDeliveryStatus.ACKNOWLEDGED, WarningDeliveryStatus.CANCELLED]) expect(() => DELIVERY_WORKFLOW.assertCanStep('acknowledge', delivery(status))).toThrow(WrongStateError);
  });

  it('tells who answered which record at which organization', () => {
    expect(DELIVERY_WORKFLOW.payload!(delivery(WarningDeliveryStatus.ACKNOWLEDGED), 'acknowledge')).toEqual({ warningId: 'w1', deliveryId: 'd1', organizationId: 'o1' });
  });
});

describe('warnings catalogs', () => {
  it('declares every event the workflows emit', () => {
    for (const name of [...WARNING_WORKFLOW.eventTypes, ...DELIVERY_WORKFLOW.eventTypes]) expect(eventType(warningsEvents, name as keyof typeof warningsEvents)).toBe(name);
  });

  it('declares the events of escalation, policies, response actions and templates, names unchanged', () => {
    expect(Object.keys(warningsEvents).sort()).toEqual(
      [
        'rescue.warning.issued',
        'rescue.warning.updated',
        'rescue.warning.cancelled',
        'rescue.warning.expired',
        'rescue.warning.acknowledged',
        'rescue.warning.escalated',
        'rescue.warning.escalationPolicyUpdated',
        'rescue.warning-response-action.completed',
        'rescue.warning-response-template.created',
        'rescue.warning-response-template.updated',
        'rescue.warning-response-template.archived',
      ].sort(),
    );
  });

  it('builds the rules on the kernel\'s, wrong state spelled `state`', () => {
    for (const rule of ['state', 'exists', 'notArchived', 'afterFrom', 'afterEffectiveAt', 'future', 'villageOrCommunity', 'sameTown', 'issuerDivisionCode', 'notCompleted']) expect(warningsRules.has(rule)).toBe(true);
    for (const gone of ['pending', 'active', 'transition', 'geoJsonPolygon']) expect(warningsRules.has(gone)).toBe(false);
  });
});
