import { Field, Int, ObjectType } from 'type-graphql';
import { records, sql, LocalDateScalar, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { DutyAssignmentStatus, DutyRole, DutySeason } from './duty.enums';
import type { DutyAssignment } from './duty.entity';
import { rosterSortKeys } from './duty.orders';
import { doubleBookingCount, doubleBookingPage, gapCount, gapPage, type DoubleBookingSource, type GapSource } from './duty-coverage.sql';
import { DutyShifts, RosterAssignments } from '../command.entities';
import { CommandPermission } from '../permissions';

@ObjectType({ description: '值班覆盖情况。How a period\'s rosters meet the coverage rules: slots, gaps, double bookings and unconfirmed assignments, over the rosters in your scope.' })
export class DutyCoverage {
  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period (YYYY-MM-DD).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Last day of the period, included (YYYY-MM-DD).' })
  to: string;

  /** The subtree asked for, if any. */
  withinSubtreeOf: string | null;
}

@ObjectType({ description: '值班缺口。A slot (a current shift on a day) with fewer leaders or staff than the rule for its organization\'s kind and the day\'s season requires.' })
export class DutyGap {
  /** The shift; resolved through the shift loader. */
  shiftId: string;
  shiftName: string;
  shiftStartsAt: string;

  @Field(() => LocalDateScalar, { description: '值班日期。The day the shift starts on (YYYY-MM-DD).' })
  day: string;

  @Field(() => DutySeason, { description: '季节。Whether the day is in the flood season (May–September).' })
  season: DutySeason;

  @Field(() => DutyRole, { description: '缺少角色。Which role is short: leaders or staff.' })
  missing: DutyRole;

  @Field(() => Int, { description: '应到人数。How many of that role the rule requires.' })
  required: number;

  @Field(() => Int, { description: '已排人数。How many of that role are rostered (cancelled assignments aside).' })
  assigned: number;
}

@ObjectType({ description: '重复排班。The same person on two assignments (not cancelled) whose shifts overlap in time, on any rosters; each pair once, the one starting first as `first`.' })
export class DutyDoubleBooking {
  personId: string;
  firstId: string;
  secondId: string;
  firstStart: number;

  @Field(() => Int, { description: '重叠时长（分钟）。How long the two shifts overlap, in minutes.' })
  overlapMinutes: number;
}

// ------------------------------------------------------------------ sources

/** The current shifts of the coverage: the caller's duty-read scope and the subtree asked for. */
function coverageShifts(ctx: RequestContext, c: DutyCoverage) {
  const shifts = records(ctx, DutyShifts).where(sql`t.archived_at IS NULL`);
  return c.withinSubtreeOf ? shifts.where(organizationIdWithinSubtree('t.organization_id', c.withinSubtreeOf)) : shifts;
}

/** Slots from the caller's current shifts, each with its organization's kind (read within the same scope). */
function gapSource(ctx: RequestContext, c: DutyCoverage): GapSource {
  return {
    shifts: coverageShifts(ctx, c).subquery(sql`t.*`),
    organizationKind: records(ctx, Organizations, CommandPermission.DutyRead).as('o').where(sql`o.id = s.organization_id`).subquery(sql`o.kind`),
    from: c.from,
    to: c.to,
  };
}

/**
 * Pairs of overlapping assignments of one person, both on rosters in the caller's duty scope and at
 * least one within the subtree, from the days around the period.
 */
function doubleBookingSource(ctx: RequestContext, c: DutyCoverage): DoubleBookingSource {
  const assignments = records(ctx, RosterAssignments)
    .as('a')
    .where(sql`a.status <> ${DutyAssignmentStatus.CANCELLED} AND a.day BETWEEN CAST(${c.from} AS date) - 1 AND CAST(${c.to} AS date)`)
    .subquery(sql`a.id, a.person_id, a.organization_id, a.day, a.shift_id`);
  const pair = c.withinSubtreeOf
    ? sql`(${organizationIdWithinSubtree('x.organization_id', c.withinSubtreeOf)} OR ${organizationIdWithinSubtree('y.organization_id', c.withinSubtreeOf)})`
    : sql`TRUE`;
  return { assignments, pair, from: c.from, to: c.to };
}

/** Assignments still ASSIGNED (not confirmed) whose shift starts in the period, on rosters of the coverage. */
function unconfirmedAssignments(ctx: RequestContext, c: DutyCoverage) {
  const assignments = records(ctx, RosterAssignments).where(sql`t.status = ${DutyAssignmentStatus.ASSIGNED} AND t.day BETWEEN CAST(${c.from} AS date) AND CAST(${c.to} AS date)`);
  return c.withinSubtreeOf ? assignments.where(organizationIdWithinSubtree('t.organization_id', c.withinSubtreeOf)) : assignments;
}

export function dutyGaps(ctx: RequestContext, c: DutyCoverage, page: PageRequest): Promise<ConnectionResult<DutyGap>> {
  return gapPage(ctx, gapSource(ctx, c), page);
}

export function dutyGapCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  return gapCount(ctx, gapSource(ctx, c));
}

export function dutyDoubleBookings(ctx: RequestContext, c: DutyCoverage, page: PageRequest): Promise<ConnectionResult<DutyDoubleBooking>> {
  return doubleBookingPage(ctx, doubleBookingSource(ctx, c), page);
}

export function dutyDoubleBookingCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  return doubleBookingCount(ctx, doubleBookingSource(ctx, c));
}

export function dutyUnconfirmed(ctx: RequestContext, c: DutyCoverage, page: PageRequest): Promise<ConnectionResult<DutyAssignment>> {
  return unconfirmedAssignments(ctx, c).page({ keys: rosterSortKeys, page, withCount: Boolean(page.withCount) });
}

export function dutyUnconfirmedCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  return unconfirmedAssignments(ctx, c).count();
}

/** Slots of the period: current shifts in scope × days (one statement). */
export async function dutySlotCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  const days = Math.round((Date.parse(`${c.to}T00:00:00Z`) - Date.parse(`${c.from}T00:00:00Z`)) / 86_400_000) + 1;
  return (await coverageShifts(ctx, c).count()) * days;
}
