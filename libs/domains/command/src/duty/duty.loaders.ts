import { byKeys, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { DutyAssignment, DutyShift } from './duty.entity';
import { readableAssignmentSql } from './duty.service';

/**
 * Shifts by id, archived ones too, one statement per request level. Only reached from records the
 * caller may already read (an assignment, a gap), so a shift template (name and hours) is not scoped again.
 */
export function dutyShiftById(ctx: RequestContext): DataLoader<string, DutyShift | null> {
  return ctx.loaders.get('rescue.duty.shiftById', undefined, async (ids: readonly string[]) =>
    byKeys(ids, await ctx.manager.createQueryBuilder(DutyShift, 's').where('s.id IN (:...ids)', { ids }).getMany(), (s) => s.id),
  );
}

/** Assignments by id that the caller may read (duty-read scope, or their own), one statement per request level. */
export function dutyAssignmentById(ctx: RequestContext): DataLoader<string, DutyAssignment | null> {
  return ctx.loaders.get('rescue.duty.assignmentById', undefined, async (ids: readonly string[]) => {
    const readable = readableAssignmentSql(ctx, 'a');
    const rows = await ctx.manager.createQueryBuilder(DutyAssignment, 'a').where('a.id IN (:...ids)', { ids }).andWhere(readable.sql, readable.params).getMany();
    return byKeys(ids, rows, (a) => a.id);
  });
}
