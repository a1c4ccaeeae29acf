import { defineWorkflow } from '@platform/core';
import { DutyAssignment } from './duty.entity';
import { DutyAssignmentStatus } from './duty.enums';
import { commandEvents } from '../command.events';
import { CommandPermission } from '../permissions';

/**
 * How long before its shift starts an assignment may be checked in to, in minutes: check-in is open
 * from this margin before the shift's start (China time) until the shift ends, by the gateway's clock
 * (`ctx.clock`). Outside that window `checkInDuty` answers BAD_USER_INPUT rule `checkInWindow`.
 */
export const CHECK_IN_OPENS_MINUTES = 60;

/**
 * A duty assignment's life as data: ASSIGNED → CONFIRMED → CHECKED_IN → HANDED_OVER, or CANCELLED
 * before check-in. The person on duty (or whoever may arrange duty at the shift's organization)
 * confirms, checks in and hands over (`rescue.duty:check-in`, scoped by `dutyAssignmentRowScope`);
 * only who may arrange duty cancels. Each step's audit action is `rescue.duty-assignment.<step>`, its
 * event the past tense kept from before (`rescue.duty-assignment.confirmed` …), payload
 * `{ id, organizationId, personId }`.
 */
export const DUTY_ASSIGNMENT_WORKFLOW = defineWorkflow({
  name: 'rescue.duty-assignment',
  entity: DutyAssignment,
  entityName: 'DutyAssignment',
  state: 'status',
  steps: {
    confirm: { from: [DutyAssignmentStatus.ASSIGNED], to: DutyAssignmentStatus.CONFIRMED, permission: CommandPermission.DutyCheckIn, event: commandEvents['rescue.duty-assignment.confirmed'] },
    checkIn: { from: [DutyAssignmentStatus.CONFIRMED], to: DutyAssignmentStatus.CHECKED_IN, permission: CommandPermission.DutyCheckIn, event: commandEvents['rescue.duty-assignment.checkedIn'] },
    handOver: { from: [DutyAssignmentStatus.CHECKED_IN], to: DutyAssignmentStatus.HANDED_OVER, permission: CommandPermission.DutyCheckIn, event: commandEvents['rescue.duty-assignment.handedOver'] },
    cancel: {
      from: [DutyAssignmentStatus.ASSIGNED, DutyAssignmentStatus.CONFIRMED],
      to: DutyAssignmentStatus.CANCELLED,
      permission: CommandPermission.DutyWrite,
      event: commandEvents['rescue.duty-assignment.cancelled'],
    },
  },
  payload: (a) => ({ id: a.id, organizationId: a.organizationId, personId: a.personId }),
});

export type DutyAssignmentStep = keyof typeof DUTY_ASSIGNMENT_WORKFLOW.steps;
/** The steps the person on duty takes. */
export type DutyStep = Exclude<DutyAssignmentStep, 'cancel'>;
