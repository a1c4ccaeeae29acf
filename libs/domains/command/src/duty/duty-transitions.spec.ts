import { WrongStateError } from '@platform/core';
import { DUTY_ASSIGNMENT_WORKFLOW, type DutyAssignmentStep } from './duty-transitions';
import { DutyAssignmentStatus } from './duty.enums';
import type { DutyAssignment } from './duty.entity';
import { commandEvents } from '../command.events';

const { ASSIGNED, CONFIRMED, CHECKED_IN, HANDED_OVER, CANCELLED } = DutyAssignmentStatus;
const ALL_STATES = Object.values(DutyAssignmentStatus);
const CHECK_IN = 'rescue.duty:check-in';
const WRITE = 'rescue.duty:write';

/** The life cycle as before the move (duty.service.ts's rule table and cancel): steps, states, permissions, audit actions and events. */
const TABLE: Record<DutyAssignmentStep, { from: DutyAssignmentStatus[]; to: DutyAssignmentStatus; permission: string; action: string; event: string }> = {
  confirm: { from: [ASSIGNED], to: CONFIRMED, permission: CHECK_IN, action: 'rescue.duty-assignment.confirm', event: 'rescue.duty-assignment.confirmed' },
  checkIn: { from: [CONFIRMED], to: CHECKED_IN, permission: CHECK_IN, action: 'rescue.duty-assignment.checkIn', event: 'rescue.duty-assignment.checkedIn' },
  handOver: { from: [CHECKED_IN], to: HANDED_OVER, permission: CHECK_IN, action: 'rescue.duty-assignment.handOver', event: 'rescue.duty-assignment.handedOver' },
  cancel: { from: [ASSIGNED, CONFIRMED], to: CANCELLED, permission: WRITE, action: 'rescue.duty-assignment.cancel', event: 'rescue.duty-assignment.cancelled' },
};
const STEPS = Object.keys(TABLE) as DutyAssignmentStep[];

const assignment = (status: DutyAssignmentStatus): DutyAssignment => ({ id: 'a1', version: 3, status }) as DutyAssignment;

function allowed(step: DutyAssignmentStep, status: DutyAssignmentStatus): boolean {
  try {
    DUTY_ASSIGNMENT_WORKFLOW.assertCanStep(step, assignment(status));
    return true;
  } catch (e) {
    if (e instanceof WrongStateError) return false;
    throw e;
  }
}

describe('DUTY_ASSIGNMENT_WORKFLOW', () => {
  it('keeps every step\'s permission, audit action and event name', () => {
    expect(STEPS).toEqual(Object.keys(DUTY_ASSIGNMENT_WORKFLOW.steps));
    for (const step of STEPS) {
      const { from, to, permission, action, event } = DUTY_ASSIGNMENT_WORKFLOW.step(step);
      expect({ from, to, permission, action, event }).toEqual(TABLE[step]);
    }
  });

  it('emits only events of the catalog', () => {
    for (const event of DUTY_ASSIGNMENT_WORKFLOW.eventTypes) expect(Object.keys(commandEvents)).toContain(event);
  });

  describe.each(ALL_STATES)('from %s', (status) => {
    it.each(STEPS)('allows %s exactly as the table says', (step) => {
      expect(allowed(step, status)).toBe(TABLE[step].from.includes(status));
    });
  });

  it('ends in HANDED_OVER or CANCELLED, and refuses with rule state on input.id naming the state', () => {
    expect(DUTY_ASSIGNMENT_WORKFLOW.stepsFrom(HANDED_OVER)).toEqual([]);
    expect(DUTY_ASSIGNMENT_WORKFLOW.stepsFrom(CANCELLED)).toEqual([]);
    try {
      DUTY_ASSIGNMENT_WORKFLOW.assertCanStep('cancel', assignment(CHECKED_IN));
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(WrongStateError);
      expect((e as WrongStateError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.id', rule: 'state' }] });
      expect((e as Error).message).toContain('CHECKED_IN');
    }
  });
});
