import {
  addDays,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  applyStep,
  archiveRecord,
  createRecord,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { DutyAssignment, DutyRequirement, DutyShift } from './duty.entity';
import { DutyAssignmentStatus } from './duty.enums';
import { DutyAssignmentOrder, DutyRequirementOrder, DutyShiftOrder } from './duty.orders';
import { checkDutyRange, chinaTime, dutyInterval } from './duty.sql';
import { CHECK_IN_OPENS_MINUTES, DUTY_ASSIGNMENT_WORKFLOW, type DutyStep } from './duty-transitions';
import { DutyAssignments, DutyRequirements, DutyShifts } from '../command.entities';
import { commandEvents } from '../command.events';
import { commandRules } from '../command.rules';
import { CommandPermission } from '../permissions';
import type {
  AssignDutyInput,
  CancelDutyAssignmentInput,
  CreateDutyRequirementInput,
  CreateDutyShiftInput,
  DutyAssignmentListArgs,
  DutyAssignmentStepInput,
  DutyRequirementListArgs,
  DutyShiftListArgs,
  HandOverDutyInput,
  UpdateDutyRequirementInput,
  UpdateDutyShiftInput,
} from './duty.inputs';

// ------------------------------------------------------------------ shifts

export class DutyShiftService {
  list(ctx: RequestContext, args: DutyShiftListArgs, withCount: boolean): Promise<ConnectionResult<DutyShift>> {
    let shifts = records(ctx, DutyShifts);
    const f = args.filter ?? {};
    // A change feed lists retired shifts too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) shifts = shifts.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) shifts = shifts.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    return whereChanged(shifts, f).page({ keys: DutyShiftOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateDutyShiftInput): Promise<DutyShift> {
    return transaction(ctx, async (tx) => {
      // An organization missing or outside where the caller may arrange duty answers NOT_FOUND on the field.
      const org = await records(tx, Organizations, CommandPermission.DutyWrite).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      await this.checkNameFree(tx, org.id, input.name, null);
      return createRecord(
        tx,
        DutyShift,
        'DutyShift',
        { organizationId: org.id, name: input.name, startsAt: input.startsAt, durationMinutes: input.durationMinutes, archivedAt: null },
        {
          action: 'rescue.duty-shift.create',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.duty-shift.created'], (s: DutyShift) => ({ id: s.id, organizationId: s.organizationId })),
        },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateDutyShiftInput): Promise<DutyShift> {
    return transaction(ctx, async (tx) => {
      const current = await this.currentShift(tx, input.id);
      const patch: Patch<DutyShift> = sentFields(input, ['startsAt', 'durationMinutes']);
      if (input.name !== undefined && input.name !== current.name) {
        patch.name = input.name;
        await this.checkNameFree(tx, current.organizationId, input.name, current.id);
      }
      return updateRecord(tx, DutyShift, 'DutyShift', current, input.version, patch, {
        action: 'rescue.duty-shift.update',
        ...recordEvent(commandEvents['rescue.duty-shift.updated'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /** Retires a shift; refused while people are still rostered on it from today on (cancel those first). */
  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DutyShift> {
    return transaction(ctx, async (tx) => {
      const current = await this.currentShift(tx, input.id);
      // The shift's assignments are of its organization, where the caller may arrange duty.
      const upcoming = await records(tx, DutyAssignments, CommandPermission.DutyWrite)
        .where(sql`t.shift_id = ${current.id} AND t.status <> ${DutyAssignmentStatus.CANCELLED} AND t.day >= CAST(${tx.clock.today()} AS date)`)
        .count();
      if (upcoming > 0) throw commandRules.field('input.id', 'noUpcomingAssignments', `${upcoming} assignment(s) from today on still use this shift; cancel them first.`);
      return archiveRecord(tx, DutyShift, 'DutyShift', current, input.version, {
        action: 'rescue.duty-shift.archive',
        ...recordEvent(commandEvents['rescue.duty-shift.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  private async checkNameFree(tx: RequestContext, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    let shifts = records(tx, DutyShifts, CommandPermission.DutyWrite).where(sql`t.organization_id = ${organizationId} AND t.name = ${name} AND t.archived_at IS NULL`);
    if (exceptId) shifts = shifts.where(sql`t.id <> ${exceptId}`);
    if ((await shifts.count()) > 0) throw new ConflictError(`The organization already has a current shift named ${name}.`, { entity: 'DutyShift', field: 'input.name' });
  }

  /** A shift the caller may arrange, not archived, locked; out of scope answers NOT_FOUND, like a missing one. */
  private currentShift(tx: RequestContext, id: string): Promise<DutyShift> {
    return records(tx, DutyShifts, CommandPermission.DutyWrite).reference(id, 'input.id', { lock: 'update' });
  }
}

// ------------------------------------------------------------------ assignments

export class DutyAssignmentService {
  /**
   * Assignments the caller may read (duty-read scope, or their own), in a period, by day, shift
   * start and name. A change feed lists cancelled ones and every day unless `statuses`, `from` or
   * `to` say otherwise.
   */
  list(ctx: RequestContext, args: DutyAssignmentListArgs, withCount: boolean): Promise<ConnectionResult<DutyAssignment>> {
    const f = args.filter ?? {};
    const feed = isChangeFeed(f);
    let assignments = records(ctx, DutyAssignments);
    if (!feed || f.from || f.to) {
      const from = f.from ?? ctx.clock.today();
      const to = f.to ?? addDays(from, 30);
      checkDutyRange(from, to, 'filter.from', 'filter.to');
      assignments = assignments.where(sql`t.day BETWEEN CAST(${from} AS date) AND CAST(${to} AS date)`);
    }
    if (f.withinSubtreeOf) assignments = assignments.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.personId) assignments = assignments.where(sql`t.person_id = ${f.personId}`);
    if (f.statuses?.length) assignments = assignments.where(sql`t.status = ANY(CAST(${f.statuses} AS text[]))`);
    else if (!feed) assignments = assignments.where(sql`t.status <> ${DutyAssignmentStatus.CANCELLED}`);
    if (f.role) assignments = assignments.where(sql`t.role = ${f.role}`);
    return whereChanged(assignments, f).page({ keys: DutyAssignmentOrder.keys(args.orderBy), page: args, withCount });
  }

  async assign(ctx: RequestContext, input: AssignDutyInput): Promise<DutyAssignment> {
    if (input.day < ctx.clock.today()) throw commandRules.field('input.day', 'notPast', 'must not be before today (China time).');
    return transaction(ctx, async (tx) => {
      // FOR SHARE: retiring the shift waits for the new assignment.
      const shift = await records(tx, DutyShifts, CommandPermission.DutyWrite).reference(input.shiftId, 'input.shiftId', { lock: 'share' });
      const person = await records(tx, Persons).reference(input.personId, 'input.personId', { properties: ['id', 'name'] });
      const taken = await records(tx, DutyAssignments, CommandPermission.DutyWrite)
        .where(sql`t.shift_id = ${shift.id} AND t.day = CAST(${input.day} AS date) AND t.person_id = ${person.id} AND t.status <> ${DutyAssignmentStatus.CANCELLED}`)
        .count();
      if (taken > 0) throw new ConflictError(`${person.name} is already on ${shift.name} on ${input.day}.`, { entity: 'DutyAssignment', field: 'input.personId' });
      return createRecord(
        tx,
        DutyAssignment,
        'DutyAssignment',
        {
          shiftId: shift.id,
          organizationId: shift.organizationId,
          day: input.day,
          personId: person.id,
          role: input.role,
          status: DutyAssignmentStatus.ASSIGNED,
          confirmedAt: null,
          checkedInAt: null,
          handedOverAt: null,
          handOverNote: null,
          cancelledAt: null,
          cancelReason: null,
        },
        {
          action: 'rescue.duty-assignment.assign',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.duty-assignment.assigned'], (a: DutyAssignment) => ({
            id: a.id,
            shiftId: shift.id,
            organizationId: shift.organizationId,
            day: input.day,
            personId: person.id,
            role: input.role,
          })),
        },
      );
    });
  }

  /** Takes an assignment off the roster before check-in (the workflow's `cancel` step). */
  async cancel(ctx: RequestContext, input: CancelDutyAssignmentInput): Promise<DutyAssignment> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DutyAssignments, DUTY_ASSIGNMENT_WORKFLOW.permissionOf('cancel')).lock(input.id);
      return applyStep(tx, DUTY_ASSIGNMENT_WORKFLOW, 'cancel', {
        current,
        version: input.version,
        patch: { cancelledAt: tx.clock.now(), cancelReason: input.reason ?? null },
        changes: { reason: input.reason ?? null },
      });
    });
  }

  /**
   * Confirm, check in or hand over (`DUTY_ASSIGNMENT_WORKFLOW`): only the assigned person (the
   * signed-in user's person) or someone who may arrange duty at the shift's organization; in order
   * (else BAD_USER_INPUT rule `state`), against the version read; check-in only within its window.
   */
  async step(ctx: RequestContext, step: DutyStep, input: DutyAssignmentStepInput | HandOverDutyInput): Promise<DutyAssignment> {
    return transaction(ctx, async (tx) => {
      const current = await this.stepTarget(tx, step, input.id);
      const now = tx.clock.now();
      const patch: Patch<Omit<DutyAssignment, 'status'>> =
        step === 'confirm' ? { confirmedAt: now } : step === 'checkIn' ? { checkedInAt: now } : { handedOverAt: now, handOverNote: (input as HandOverDutyInput).note };
      return applyStep(tx, DUTY_ASSIGNMENT_WORKFLOW, step, {
        current,
        version: input.version,
        patch,
        check: step === 'checkIn' ? () => this.checkInWindow(tx, current, now) : undefined,
      });
    });
  }

  /**
   * The assignment locked for a step within the step's scope (the caller's own, or where they may
   * arrange duty); one the caller may only read answers FORBIDDEN, one they may not read NOT_FOUND.
   */
  private async stepTarget(tx: RequestContext, step: DutyStep, id: string): Promise<DutyAssignment> {
    try {
      return await records(tx, DutyAssignments, DUTY_ASSIGNMENT_WORKFLOW.permissionOf(step)).lock(id);
    } catch (error) {
      if (!(error instanceof NotFoundError) || !(await records(tx, DutyAssignments).exists(id))) throw error;
      const verb = step === 'confirm' ? 'confirm' : step === 'checkIn' ? 'check in to' : 'hand over';
      throw new ForbiddenError(`Only the person on duty, or someone who may arrange duty (${CommandPermission.DutyWrite}) at the shift's organization, may ${verb} this assignment.`, CommandPermission.DutyWrite);
    }
  }

  /** Check-in is open from `CHECK_IN_OPENS_MINUTES` before the shift starts until it ends (China time), by the clock. */
  private async checkInWindow(tx: RequestContext, assignment: DutyAssignment, now: Date): Promise<void> {
    // The template of an assignment the caller may step (whose shift may lie outside their own duty scope).
    const shift = (await unscoped(tx, DutyShifts, 'the shift of an assignment the caller was admitted to step').one(assignment.shiftId))!;
    const { startsAt, endsAt } = dutyInterval(assignment.day, shift.startsAt, shift.durationMinutes);
    const opens = new Date(startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000);
    if (now < opens || now >= endsAt) {
      throw commandRules.field(
        'input.id',
        'checkInWindow',
        `check-in to ${shift.name} on ${assignment.day} is open from ${chinaTime(opens)} to ${chinaTime(endsAt)} China time (${CHECK_IN_OPENS_MINUTES} minutes before the shift starts until it ends); it is now ${chinaTime(now)}.`,
      );
    }
  }
}

// ------------------------------------------------------------------ requirements

/** Coverage rules are town-wide: whoever may read duty may read them; only rescue.rule:manage changes them. */
export class DutyRequirementService {
  list(ctx: RequestContext, args: DutyRequirementListArgs, withCount: boolean): Promise<ConnectionResult<DutyRequirement>> {
    let requirements = records(ctx, DutyRequirements);
    const f = args.filter ?? {};
    // A change feed lists retired rules too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) requirements = requirements.where(sql`t.archived_at IS NULL`);
    if (f.season) requirements = requirements.where(sql`t.season = ${f.season}`);
    return whereChanged(requirements, f).page({ keys: DutyRequirementOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateDutyRequirementInput): Promise<DutyRequirement> {
    return transaction(ctx, async (tx) => {
      if ((await records(tx, DutyRequirements, DutyRequirements.write).where(sql`t.code = ${input.code}`).count()) > 0) {
        throw new ConflictError(`A duty requirement with code ${input.code} exists already.`, { entity: 'DutyRequirement', field: 'input.code' });
      }
      return createRecord(
        tx,
        DutyRequirement,
        'DutyRequirement',
        {
          code: input.code,
          name: input.name,
          organizationKinds: [...new Set(input.organizationKinds)],
          season: input.season,
          minLeaders: input.minLeaders,
          minStaff: input.minStaff,
          priority: input.priority ?? 0,
          archivedAt: null,
        },
        {
          action: 'rescue.duty-requirement.create',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.duty-requirement.created'], (r: DutyRequirement) => ({ id: r.id, code: r.code })),
        },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateDutyRequirementInput): Promise<DutyRequirement> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeRequirement(tx, input.id);
      const patch: Patch<DutyRequirement> = sentFields(input, ['name', 'season', 'minLeaders', 'minStaff', 'priority']);
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      return updateRecord(tx, DutyRequirement, 'DutyRequirement', current, input.version, patch, {
        action: 'rescue.duty-requirement.update',
        ...recordEvent(commandEvents['rescue.duty-requirement.updated'], { id: current.id, code: current.code }),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DutyRequirement> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeRequirement(tx, input.id);
      return archiveRecord(tx, DutyRequirement, 'DutyRequirement', current, input.version, {
        action: 'rescue.duty-requirement.archive',
        ...recordEvent(commandEvents['rescue.duty-requirement.archived'], { id: current.id, code: current.code }),
      });
    });
  }

  /** A rule in force, locked; NOT_FOUND when missing, `notArchived` on `input.id` when retired. */
  private activeRequirement(tx: RequestContext, id: string): Promise<DutyRequirement> {
    return records(tx, DutyRequirements, DutyRequirements.write).reference(id, 'input.id', { lock: 'update' });
  }
}
