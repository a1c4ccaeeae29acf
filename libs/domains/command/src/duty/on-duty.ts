import { addDays, SortDirection, records, sql, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { DutyAssignments, DutyShifts } from '../command.entities';
import { DutyAssignmentStatus, type DutyRole } from './duty.enums';
import { dutyInterval } from './duty.sql';

/** Who is on duty at an instant: one assignment whose shift interval contains it. */
export interface OnDuty {
  readonly assignmentId: string;
  /** The roster's organization (the shift's). */
  readonly organizationId: string;
  readonly personId: string;
  readonly role: DutyRole;
  readonly shiftId: string;
  readonly shiftName: string;
  /** Whether the person has checked in (checked in, or already handed over). */
  readonly checkedIn: boolean;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** How many assignments `onDutyAt` reads at most (two days of the rosters asked about). */
const ON_DUTY_LIMIT = 1000;

/**
 * The assignments (not cancelled) on the rosters of `organizationIds` whose shift interval contains
 * `at` (from the day at the shift's start, China time, for its duration; half-open), among those the
 * caller may read (`rescue.duty:read`: the organization's roster, or their own; everything for the
 * system principal, e.g. a sweep), optionally of one role. Ordered checked-in first, then by person
 * and assignment id. Two statements whatever the number of organizations. Other libraries (the
 * warnings' escalation chain) ask here instead of reading the duty tables.
 */
export async function onDutyAt(ctx: RequestContext, organizationIds: readonly string[], at: Date, options: { readonly role?: DutyRole } = {}): Promise<OnDuty[]> {
  if (!organizationIds.length) return [];
  // A shift lasts at most 24 hours: one on duty at `at` started on its China day or the day before.
  const day = todayInChina(at);
  let assignments = records(ctx, DutyAssignments).where(
    sql`t.organization_id = ANY(CAST(${[...new Set(organizationIds)]} AS uuid[])) AND t.status <> ${DutyAssignmentStatus.CANCELLED} AND t.day BETWEEN CAST(${addDays(day, -1)} AS date) AND CAST(${day} AS date)`,
  );
  if (options.role) assignments = assignments.where(sql`t.role = ${options.role}`);
  const rows = await assignments.list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: ON_DUTY_LIMIT });
  if (!rows.length) return [];
  // The templates of assignments the caller may read (a shift of one's own assignment may lie outside one's duty scope).
  const shifts = await unscoped(ctx, DutyShifts, 'the shifts of assignments the caller may read').many([...new Set(rows.map((a) => a.shiftId))]);
  const byId = new Map(shifts.filter((s) => s !== null).map((s) => [s.id, s]));
  const onDuty: OnDuty[] = [];
  for (const a of rows) {
    const shift = byId.get(a.shiftId);
    if (!shift) continue;
    const { startsAt, endsAt } = dutyInterval(a.day, shift.startsAt, shift.durationMinutes);
    if (startsAt > at || endsAt <= at) continue;
    onDuty.push({
      assignmentId: a.id,
      organizationId: a.organizationId,
      personId: a.personId,
      role: a.role,
      shiftId: shift.id,
      shiftName: shift.name,
      checkedIn: a.checkedInAt !== null,
      startsAt,
      endsAt,
    });
  }
  return onDuty.sort((x, y) => Number(!x.checkedIn) - Number(!y.checkedIn) || x.personId.localeCompare(y.personId) || x.assignmentId.localeCompare(y.assignmentId));
}
