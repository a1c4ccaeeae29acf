import { defineReference, unscoped, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { DutyAssignment, DutyShift } from './duty.entity';
import { DutyAssignments, DutyShifts } from '../command.entities';

/**
 * Shifts by id, archived ones too, one statement per request level. Only reached from records the
 * caller may already read (an assignment, their own among them, or a gap), so a shift template
 * (name and hours) is not scoped again.
 */
export function dutyShiftById(ctx: RequestContext): DataLoader<string, DutyShift | null> {
  return ctx.loaders.get('rescue.duty.shiftById', undefined, (ids: readonly string[]) =>
    unscoped(ctx, DutyShifts, 'the shift of an assignment or a gap the caller already read').many(ids),
  );
}

/** Assignments by id that the caller may read (duty-read scope, or their own), one statement per request level. */
export const DutyAssignmentReference = defineReference(DutyAssignments, 'rescue.duty.assignmentById');
export const dutyAssignmentById = (ctx: RequestContext): DataLoader<string, DutyAssignment | null> => DutyAssignmentReference.byId(ctx);
