import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  SortDirection,
  archiveRecord,
  audit,
  paginate,
  lockActiveOrFail,
  paginateSql,
  rowReader,
  transaction,
  updateRecord,
  type ArchiveInput,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { DutyAssignment, DutyRequirement, DutyShift } from './duty.entity';
import { DutyAssignmentStatus } from './duty.enums';
import { addDays, callerPersonSql, checkDutyRange } from './duty.sql';
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

/** By start time, then name; ties by id. */
export const dutyShiftSortKeys = (alias: string): SortKey<DutyShift>[] => [
  { column: `${alias}.starts_at`, direction: SortDirection.ASC },
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Shifts of organizations where the caller holds `permission` (alias `s`). */
export function scopedDutyShifts(ctx: RequestContext, permission: string = CommandPermission.DutyRead): SelectQueryBuilder<DutyShift> {
  const scope = organizationIdInScope(ctx.principal, permission, 's.organization_id');
  return ctx.manager.createQueryBuilder(DutyShift, 's').where(scope.sql, scope.params);
}

export class DutyShiftService {
  list(ctx: RequestContext, args: DutyShiftListArgs, withCount: boolean): Promise<ConnectionResult<DutyShift>> {
    const qb = scopedDutyShifts(ctx);
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('s.archived_at IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('s.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    return paginate(qb, args, dutyShiftSortKeys('s'), withCount);
  }

  async create(ctx: RequestContext, input: CreateDutyShiftInput): Promise<DutyShift> {
    return transaction(ctx, async (tx) => {
      if (!(await organizationInScope(tx, input.organizationId, CommandPermission.DutyWrite))) {
        throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} where you may arrange duty.`);
      }
      const name = input.name;
      await this.checkNameFree(tx, input.organizationId, name, null);
      const shift = await tx.manager.save(
        tx.manager.create(DutyShift, { organizationId: input.organizationId, name, startsAt: input.startsAt, durationMinutes: input.durationMinutes, archivedAt: null }),
      );
      await audit(tx, { action: 'rescue.duty-shift.create', entityType: 'DutyShift', entityId: shift.id, changes: { ...input } });
      await tx.emit('rescue.duty-shift.created', { id: shift.id, organizationId: shift.organizationId });
      return shift;
    });
  }

  async update(ctx: RequestContext, input: UpdateDutyShiftInput): Promise<DutyShift> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Partial<DutyShift> = {};
      if (input.name !== undefined && input.name !== current.name) {
        patch.name = input.name;
        await this.checkNameFree(tx, current.organizationId, patch.name, current.id);
      }
      if (input.startsAt !== undefined) patch.startsAt = input.startsAt;
      if (input.durationMinutes !== undefined) patch.durationMinutes = input.durationMinutes;
      return updateRecord(tx, DutyShift, 'DutyShift', current, input.version, patch, { action: 'rescue.duty-shift.update', event: 'rescue.duty-shift.updated', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  /** Retires a shift; refused while people are still rostered on it from today on (cancel those first). */
  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DutyShift> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const [upcoming] = await tx.manager.query(
        `SELECT count(*)::int AS n FROM duty_assignment WHERE shift_id = $1 AND status <> 'CANCELLED' AND day >= $2::date`,
        [current.id, tx.clock.today()],
      );
      if (upcoming.n > 0) throw BadUserInputError.field('input.id', 'noUpcomingAssignments', `${upcoming.n} assignment(s) from today on still use this shift; cancel them first.`);
      return archiveRecord(tx, DutyShift, 'DutyShift', current, input.version, { action: 'rescue.duty-shift.archive', event: 'rescue.duty-shift.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  private async checkNameFree(tx: RequestContext, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    const clash = await tx.manager
      .createQueryBuilder(DutyShift, 's')
      .where('s.organization_id = :organizationId AND s.name = :name AND s.archived_at IS NULL', { organizationId, name })
      .andWhere(exceptId ? 's.id <> :exceptId' : 'TRUE', { exceptId })
      .getExists();
    if (clash) throw new ConflictError(`The organization already has a current shift named ${name}.`, { entity: 'DutyShift', field: 'input.name' });
  }

  /** A shift the caller may arrange, not archived, locked; out of scope answers NOT_FOUND, like a missing one. */
  private async getActiveOrFail(tx: RequestContext, id: string): Promise<DutyShift> {
    return lockActiveOrFail(scopedDutyShifts(tx, CommandPermission.DutyWrite), 'DutyShift', id, 'the shift is archived.');
  }
}

// ------------------------------------------------------------------ assignments

/** An assignment row with the name and start of its shift, for the roster order. */
export type RosterRow = DutyAssignment & { shiftName: string; shiftStartsAt: string };

/** By day, shift start, shift name; ties by id. */
export const rosterSortKeys = (alias: string): SortKey<RosterRow>[] => [
  { column: `${alias}.day`, direction: SortDirection.ASC },
  { column: `${alias}.shift_starts_at`, direction: SortDirection.ASC },
  { column: `${alias}.shift_name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Assignments joined with their shift's name and start (alias given), as a table expression. */
export const ROSTER_TABLE = (alias: string): string =>
  `(SELECT x.*, s.name AS shift_name, s.starts_at AS shift_starts_at FROM duty_assignment x JOIN duty_shift s ON s.id = x.shift_id) ${alias}`;

/**
 * SQL: assignments (alias) the caller may read: of organizations in their duty-read scope, or
 * their own (the signed-in user's person is on it).
 */
export function readableAssignmentSql(ctx: RequestContext, alias: string): { sql: string; params: Record<string, unknown> } {
  const scope = organizationIdInScope(ctx.principal, CommandPermission.DutyRead, `${alias}.organization_id`);
  const me = callerPersonSql(ctx);
  if (scope.sql === 'TRUE') return scope;
  return { sql: `(${scope.sql} OR ${alias}.person_id = ${me.sql})`, params: { ...scope.params, ...me.params } };
}

/** One page of roster rows through the entity's row reader (plus the shift's name and start for the cursor). */
export function rosterPage(ctx: RequestContext, where: readonly string[], params: Record<string, unknown>, page: PageRequest): Promise<ConnectionResult<RosterRow>> {
  const reader = rowReader(ctx.manager, DutyAssignment, 'a');
  return paginateSql<RosterRow>({
    manager: ctx.manager,
    from: ROSTER_TABLE('a'),
    select: `${reader.select}, a.shift_name AS "shiftName", a.shift_starts_at AS "shiftStartsAt"`,
    where,
    params,
    keys: rosterSortKeys('a'),
    page,
    withCount: Boolean(page.withCount),
    read: (rows) => reader.read(rows) as RosterRow[],
  });
}

const STEP = {
  confirm: { from: [DutyAssignmentStatus.ASSIGNED], to: DutyAssignmentStatus.CONFIRMED, verb: 'confirm', at: 'confirmedAt' },
  checkIn: { from: [DutyAssignmentStatus.CONFIRMED], to: DutyAssignmentStatus.CHECKED_IN, verb: 'check in to', at: 'checkedInAt' },
  handOver: { from: [DutyAssignmentStatus.CHECKED_IN], to: DutyAssignmentStatus.HANDED_OVER, verb: 'hand over', at: 'handedOverAt' },
} as const;
export type DutyStep = keyof typeof STEP;

export class DutyAssignmentService {
  list(ctx: RequestContext, args: DutyAssignmentListArgs, withCount: boolean): Promise<ConnectionResult<RosterRow>> {
    const f = args.filter ?? {};
    const from = f.from ?? ctx.clock.today();
    const to = f.to ?? addDays(from, 30);
    checkDutyRange(from, to, 'filter.from', 'filter.to');
    const readable = readableAssignmentSql(ctx, 'a');
    const where = [readable.sql, 'a.day BETWEEN CAST(:from AS date) AND CAST(:to AS date)'];
    const params: Record<string, unknown> = { ...readable.params, from, to };
    if (f.withinSubtreeOf) {
      where.push(withinSubtreeSql('a.organization_id'));
      params['subtreeRoot'] = f.withinSubtreeOf;
    }
    if (f.personId) {
      where.push('a.person_id = :personId');
      params['personId'] = f.personId;
    }
    if (f.statuses?.length) {
      where.push('a.status = ANY(CAST(:statuses AS text[]))');
      params['statuses'] = f.statuses;
    } else where.push(`a.status <> 'CANCELLED'`);
    if (f.role) {
      where.push('a.role = :role');
      params['role'] = f.role;
    }
    return rosterPage(ctx, where, params, { first: args.first, after: args.after, withCount });
  }

  async assign(ctx: RequestContext, input: AssignDutyInput): Promise<DutyAssignment> {
    if (input.day < ctx.clock.today()) throw BadUserInputError.field('input.day', 'notPast', 'must not be before today (China time).');
    return transaction(ctx, async (tx) => {
      const shift = await scopedDutyShifts(tx, CommandPermission.DutyWrite)
        .andWhere('s.id = :id AND s.archived_at IS NULL', { id: input.shiftId })
        .setLock('pessimistic_read')
        .getOne();
      if (!shift) throw BadUserInputError.field('input.shiftId', 'exists', `no current shift ${input.shiftId} where you may arrange duty.`);
      const person = await assertReadablePerson(tx, input.personId, 'input.personId');
      const taken = await tx.manager
        .createQueryBuilder(DutyAssignment, 'a')
        .where(`a.shift_id = :shiftId AND a.day = CAST(:day AS date) AND a.person_id = :personId AND a.status <> 'CANCELLED'`, { shiftId: shift.id, day: input.day, personId: person.id })
        .getExists();
      if (taken) throw new ConflictError(`${person.name} is already on ${shift.name} on ${input.day}.`, { entity: 'DutyAssignment', field: 'input.personId' });
      const assignment = await tx.manager.save(
        tx.manager.create(DutyAssignment, {
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
        }),
      );
      await audit(tx, { action: 'rescue.duty-assignment.assign', entityType: 'DutyAssignment', entityId: assignment.id, changes: { ...input } });
      await tx.emit('rescue.duty-assignment.assigned', { id: assignment.id, shiftId: shift.id, organizationId: shift.organizationId, day: input.day, personId: person.id, role: input.role });
      return assignment;
    });
  }

  /** Takes an assignment off the roster before check-in. */
  async cancel(ctx: RequestContext, input: CancelDutyAssignmentInput): Promise<DutyAssignment> {
    return transaction(ctx, async (tx) => {
      const scope = organizationIdInScope(tx.principal, CommandPermission.DutyWrite, 'a.organization_id');
      const current = await tx.manager.createQueryBuilder(DutyAssignment, 'a').where('a.id = :id', { id: input.id }).andWhere(scope.sql, scope.params).setLock('pessimistic_write').getOne();
      if (!current) throw new NotFoundError('DutyAssignment', input.id);
      if (current.status !== DutyAssignmentStatus.ASSIGNED && current.status !== DutyAssignmentStatus.CONFIRMED) {
        throw BadUserInputError.field('input.id', 'state', `the assignment is ${current.status}; only ASSIGNED or CONFIRMED assignments can be cancelled.`);
      }
      const patch = { status: DutyAssignmentStatus.CANCELLED, cancelledAt: () => 'now()', cancelReason: input.reason ?? null };
      return updateRecord(tx, DutyAssignment, 'DutyAssignment', current, input.version, patch, {
        action: 'rescue.duty-assignment.cancel',
        changes: (updated) => ({ status: [current.status, updated.status], reason: input.reason ?? null }),
        event: 'rescue.duty-assignment.cancelled',
        payload: { id: current.id, organizationId: current.organizationId, personId: current.personId },
      });
    });
  }

  /**
   * Confirm, check in or hand over: only the assigned person (the signed-in user's person) or
   * someone who may arrange duty at the shift's organization; in order, against the version read.
   */
  async step(ctx: RequestContext, step: DutyStep, input: DutyAssignmentStepInput | HandOverDutyInput): Promise<DutyAssignment> {
    const rule = STEP[step];
    return transaction(ctx, async (tx) => {
      const me = callerPersonSql(tx);
      const readable = readableAssignmentSql(tx, 'a');
      const writable = organizationIdInScope(tx.principal, CommandPermission.DutyWrite, 'a.organization_id');
      const { entities, raw } = await tx.manager
        .createQueryBuilder(DutyAssignment, 'a')
        .addSelect(`COALESCE(a.person_id = ${me.sql}, false)`, 'is_own')
        .addSelect(writable.sql, 'may_write')
        .where('a.id = :id', { id: input.id })
        .andWhere(`(${readable.sql} OR ${writable.sql})`)
        .setParameters({ ...me.params, ...readable.params, ...writable.params })
        .setLock('pessimistic_write')
        .getRawAndEntities<{ is_own: boolean; may_write: boolean }>();
      const current = entities[0];
      if (!current) throw new NotFoundError('DutyAssignment', input.id);
      if (!raw[0]!.is_own && !raw[0]!.may_write) {
        throw new ForbiddenError(`Only the person on duty, or someone who may arrange duty (${CommandPermission.DutyWrite}) at the shift's organization, may ${rule.verb} this assignment.`, CommandPermission.DutyWrite);
      }
      if (!(rule.from as readonly DutyAssignmentStatus[]).includes(current.status)) {
        throw BadUserInputError.field('input.id', 'state', `the assignment is ${current.status}; only ${rule.from.join(' or ')} assignments can be moved to ${rule.to}.`);
      }
      const patch: Record<string, unknown> = { status: rule.to, [rule.at]: () => 'now()' };
      if (step === 'handOver') patch['handOverNote'] = (input as HandOverDutyInput).note;
      return updateRecord(tx, DutyAssignment, 'DutyAssignment', current, input.version, patch, {
        action: `rescue.duty-assignment.${step}`,
        event: `rescue.duty-assignment.${rule.to === DutyAssignmentStatus.CONFIRMED ? 'confirmed' : rule.to === DutyAssignmentStatus.CHECKED_IN ? 'checkedIn' : 'handedOver'}`,
        payload: { id: current.id, organizationId: current.organizationId, personId: current.personId },
      });
    });
  }
}

// ------------------------------------------------------------------ requirements

/** By code; ties by id. */
export const dutyRequirementSortKeys = (alias: string): SortKey<DutyRequirement>[] => [
  { column: `${alias}.code`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Coverage rules are town-wide: whoever may read duty may read them; only rescue.rule:manage changes them. */
export class DutyRequirementService {
  list(ctx: RequestContext, args: DutyRequirementListArgs, withCount: boolean): Promise<ConnectionResult<DutyRequirement>> {
    const qb = ctx.manager.createQueryBuilder(DutyRequirement, 'r');
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('r.archived_at IS NULL');
    if (f.season) qb.andWhere('r.season = :season', { season: f.season });
    return paginate(qb, args, dutyRequirementSortKeys('r'), withCount);
  }

  async create(ctx: RequestContext, input: CreateDutyRequirementInput): Promise<DutyRequirement> {
    return transaction(ctx, async (tx) => {
      if (await tx.manager.createQueryBuilder(DutyRequirement, 'r').where('r.code = :code', { code: input.code }).getExists()) {
        throw new ConflictError(`A duty requirement with code ${input.code} exists already.`, { entity: 'DutyRequirement', field: 'input.code' });
      }
      const requirement = await tx.manager.save(
        tx.manager.create(DutyRequirement, {
          code: input.code,
          name: input.name,
          organizationKinds: [...new Set(input.organizationKinds)],
          season: input.season,
          minLeaders: input.minLeaders,
          minStaff: input.minStaff,
          priority: input.priority ?? 0,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.duty-requirement.create', entityType: 'DutyRequirement', entityId: requirement.id, changes: { ...input } });
      await tx.emit('rescue.duty-requirement.created', { id: requirement.id, code: requirement.code });
      return requirement;
    });
  }

  async update(ctx: RequestContext, input: UpdateDutyRequirementInput): Promise<DutyRequirement> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Partial<DutyRequirement> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      if (input.season !== undefined) patch.season = input.season;
      if (input.minLeaders !== undefined) patch.minLeaders = input.minLeaders;
      if (input.minStaff !== undefined) patch.minStaff = input.minStaff;
      if (input.priority !== undefined) patch.priority = input.priority;
      return updateRecord(tx, DutyRequirement, 'DutyRequirement', current, input.version, patch, { action: 'rescue.duty-requirement.update', event: 'rescue.duty-requirement.updated', payload: { id: current.id, code: current.code } });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DutyRequirement> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      return archiveRecord(tx, DutyRequirement, 'DutyRequirement', current, input.version, { action: 'rescue.duty-requirement.archive', event: 'rescue.duty-requirement.archived', payload: { id: current.id, code: current.code } });
    });
  }

  private async getActiveOrFail(tx: RequestContext, id: string): Promise<DutyRequirement> {
    return lockActiveOrFail(tx.manager.createQueryBuilder(DutyRequirement, 'r'), 'DutyRequirement', id, 'the duty requirement is archived.');
  }
}
