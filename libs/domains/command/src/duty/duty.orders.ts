import { SortDirection, defineOrder, type SortKey } from '@platform/core';
import type { DutyAssignment } from './duty.entity';

/*
 * The orders of the duty lists (`orderBy`), each a `defineOrder` over the records' alias `t`; the
 * default keys are each list's order without `orderBy`.
 */

/** `dutyShifts(orderBy:)`: by start time, then name by default; ties by id. */
export const DutyShiftOrder = defineOrder(
  'DutyShift',
  '值班班次',
  {
    STARTS_AT: { column: 't.starts_at', description: '开始时间。By the local time the shift starts (HH:MM).' },
    NAME: { column: 't.name', description: '名称。By name.' },
    DURATION_MINUTES: { column: 't.duration_minutes', description: '时长。By how long the shift lasts.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the shift was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the shift last changed (for syncing).' },
  },
  [
    { column: 't.starts_at', direction: SortDirection.ASC },
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** The start and the name of an assignment's shift (alias `t`), for the roster order. */
const SHIFT_STARTS_AT = '(SELECT rs.starts_at FROM duty_shift rs WHERE rs.id = t.shift_id)';
const SHIFT_NAME = '(SELECT rs.name FROM duty_shift rs WHERE rs.id = t.shift_id)';

/** By day, shift start, shift name; ties by id (the roster's order, also of the coverage's unconfirmed assignments). */
export const rosterSortKeys: SortKey<DutyAssignment>[] = [
  { column: 't.day', direction: SortDirection.ASC },
  { column: SHIFT_STARTS_AT, direction: SortDirection.ASC },
  { column: SHIFT_NAME, direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** `dutyAssignments(orderBy:)`: the roster's order by default. */
export const DutyAssignmentOrder = defineOrder(
  'DutyAssignment',
  '值班安排',
  {
    DAY: { column: 't.day', description: '值班日期。By the day the shift starts on.' },
    SHIFT_STARTS_AT: { column: SHIFT_STARTS_AT, description: '班次开始时间。By the local time the shift starts (HH:MM).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the person was put on the roster.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the assignment last changed (for syncing).' },
  },
  rosterSortKeys,
);

/** `dutyRequirements(orderBy:)`: by code by default (unique). */
export const DutyRequirementOrder = defineOrder(
  'DutyRequirement',
  '值班力量要求',
  {
    CODE: { column: 't.code', description: '代码。By code (unique).', unique: true },
    NAME: { column: 't.name', description: '名称。By name.' },
    PRIORITY: { column: 't.priority', description: '优先级。By priority.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the rule was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the rule last changed (for syncing).' },
  },
  [
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
