import { assertVersion, BadUserInputError, NotFoundError, SortDirection, audit, claimAttachments, containsPattern, paginateRows, sqlConditions, readOne, transaction, updateWithVersion, locationColumns, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { Hazard } from './hazard.entity';
import { HazardEvent } from './hazard-event.entity';
import { HazardGrade, HazardStatus } from './hazard.enums';
import { HAZARD_TRANSITIONS, type HazardAction } from './hazard-transitions';
import { RiskPermission } from '../permissions';
import type { HazardListArgs, HazardStepDetails, ReportHazardInput } from './hazard.inputs';

export const hazardSortKeys = (alias: string): SortKey<Hazard>[] => [
  { column: `${alias}.found_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** SQL: the hazard (alias) is open and past its deadline; parameter `today`, the clock's (`ctx.clock.today()`). */
export const OVERDUE_SQL = (alias: string) => `(${alias}.deadline < CAST(:today AS date) AND ${alias}.status NOT IN ('CLOSED', 'REJECTED'))`;

/** Hazards of organizations where the caller holds `permission` (alias `h`). */
export function scopedHazards(ctx: RequestContext, permission: string = RiskPermission.HazardRead): SelectQueryBuilder<Hazard> {
  const scope = organizationIdInScope(ctx.principal, permission, 'h.organization_id');
  return ctx.manager.createQueryBuilder(Hazard, 'h').where(scope.sql, scope.params);
}

type StepPatch = Partial<Pick<Hazard, 'grade' | 'criteriaReference' | 'measures' | 'emergencyMeasures' | 'responsiblePersonId' | 'funds' | 'deadline' | 'listedSupervision' | 'overdueAnnouncedAt'>>;

export class HazardService {
  list(ctx: RequestContext, args: HazardListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Hazard>> {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'h.organization_id');
    const { where, params, add } = sqlConditions(scope);
    const f = args.filter ?? {};
    if (f.statuses?.length) add('h.status IN (:...statuses)', { statuses: f.statuses });
    if (f.grade) add('h.grade = :grade', { grade: f.grade });
    if (f.withinSubtreeOf) add(withinSubtreeSql('h.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.overdue !== undefined) add(f.overdue ? OVERDUE_SQL('h') : `NOT ${OVERDUE_SQL('h')}`, { today: ctx.clock.today() });
    if (f.dueWithinDays !== undefined) {
      add(`h.deadline BETWEEN CAST(:today AS date) AND CAST(:today AS date) + CAST(:days AS int) AND h.status NOT IN ('CLOSED', 'REJECTED')`, { today: ctx.clock.today(), days: Math.floor(f.dueWithinDays) });
    }
    if (f.search) add('h.title ILIKE :q', { q: containsPattern(f.search) });
    return paginateRows({ manager: ctx.manager, entity: Hazard, alias: 'h', table: 'hazard', where, params, keys: hazardSortKeys('h'), page: args, withCount, properties });
  }

  /** One hazard by id if the caller may read it (`properties`: as `selectedProperties` gives, else every column). */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Hazard | null> {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'h.organization_id');
    return readOne({ manager: ctx.manager, entity: Hazard, alias: 'h', table: 'hazard', where: ['h.id = :id', scope.sql], params: { ...scope.params, id }, properties });
  }

  /** Records a found hazard at an organization within the caller's reporting scope. */
  async report(ctx: RequestContext, input: ReportHazardInput): Promise<Hazard> {
    if (input.foundAt && input.foundAt.getTime() > ctx.clock.now().getTime() + 60_000) throw BadUserInputError.field('input.foundAt', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.organizationId, RiskPermission.HazardReport);
      if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your reporting scope.`);
      const hazard = await tx.manager.save(
        tx.manager.create(Hazard, {
          organizationId: org.id,
          title: input.title,
          description: input.description ?? null,
          category: input.category,
          source: input.source,
          foundAt: input.foundAt ?? tx.clock.now(),
          ...locationColumns(input.location),
          status: HazardStatus.REPORTED,
          grade: null,
          listedSupervision: false,
        }),
      );
      await this.record(tx, hazard, 'report', null, HazardStatus.REPORTED, { attachmentIds: input.attachmentIds }, org);
      await audit(tx, { action: 'risk.hazard.report', entityType: 'Hazard', entityId: hazard.id, changes: { ...input } });
      await tx.emit('risk.hazard.reported', { id: hazard.id, organizationId: org.id });
      return hazard;
    });
  }

  /**
   * One workflow step: the hazard must be in scope for the step's permission (else NOT_FOUND), in a
   * state the step starts from (else BAD_USER_INPUT naming the current state), and at the version
   * the caller read (else CONFLICT). The step, its evidence and the audit entry commit together.
   */
  async step(ctx: RequestContext, action: HazardAction, input: HazardStepDetails & { id: string; version: number }, patch: StepPatch = {}): Promise<Hazard> {
    const transition = HAZARD_TRANSITIONS[action];
    return transaction(ctx, async (tx) => {
      const current = await scopedHazards(tx, transition.permission).andWhere('h.id = :id', { id: input.id }).setLock('pessimistic_write').getOne();
      if (!current) throw new NotFoundError('Hazard', input.id);
      // Two people acting on the same hazard: the one who read an older version gets CONFLICT.
      assertVersion('Hazard', current, input.version);
      if (!(transition.from as readonly HazardStatus[]).includes(current.status)) {
        throw BadUserInputError.field('input.id', 'transition', `cannot ${action} a hazard that is ${current.status} (allowed from ${transition.from.join(', ')}).`);
      }
      this.checkPatch(current, patch, tx.clock.today());
      if (patch.responsiblePersonId && patch.responsiblePersonId !== current.responsiblePersonId) {
        await assertReadablePerson(tx, patch.responsiblePersonId, 'input.responsiblePersonId');
      }
      const updated = await updateWithVersion(tx, Hazard, 'Hazard', current.id, input.version, {
        ...patch,
        status: transition.to,
        // The clock's time: whether it was closed by its deadline is judged on this day (indicators, accountability).
        ...(transition.to === HazardStatus.CLOSED ? { closedAt: tx.clock.now() } : {}),
      });
      const org = await organizationInScope(tx, current.organizationId, null);
      await this.record(tx, updated, action, current.status, transition.to, input, org!);
      const { overdueAnnouncedAt: _cleared, ...changed } = patch;
      await audit(tx, { action: `risk.hazard.${action}`, entityType: 'Hazard', entityId: current.id, changes: { status: [current.status, transition.to], ...changed, note: input.note ?? null } });
      await tx.emit(`risk.hazard.${action}`, { id: current.id, organizationId: current.organizationId, status: transition.to });
      return updated;
    });
  }

  private checkPatch(current: Hazard, patch: StepPatch, today: string): void {
    const grade = patch.grade ?? current.grade;
    if (patch.grade === HazardGrade.MAJOR && !patch.criteriaReference) {
      throw BadUserInputError.field('input.criteriaReference', 'required', 'a MAJOR hazard needs the criteria clause it was judged by (判定标准).');
    }
    if (patch.measures !== undefined && grade === HazardGrade.MAJOR && !(patch.emergencyMeasures ?? current.emergencyMeasures)) {
      throw BadUserInputError.field('input.emergencyMeasures', 'required', 'a MAJOR hazard\'s plan needs its emergency measures (五到位: 措施、责任、资金、时限、预案).');
    }
    if (patch.listedSupervision && grade !== HazardGrade.MAJOR) {
      throw BadUserInputError.field('input.listedSupervision', 'majorOnly', 'only a MAJOR hazard is put under listed supervision.');
    }
    if (patch.deadline && patch.deadline < today) {
      throw BadUserInputError.field('input.deadline', 'notPast', 'must not be in the past.');
    }
  }

  private async record(
    tx: RequestContext,
    hazard: Hazard,
    action: string,
    from: HazardStatus | null,
    to: HazardStatus,
    details: { note?: string | null; attachmentIds?: string[] },
    org: { id: string; path: string },
  ): Promise<void> {
    const event = await tx.manager.save(
      tx.manager.create(HazardEvent, { hazardId: hazard.id, action, fromStatus: from, toStatus: to, actorKind: tx.principal.kind, actorId: tx.principal.id, note: details.note ?? null }),
    );
    if (details.attachmentIds?.length) {
      await claimAttachments(tx, details.attachmentIds, { entityType: 'HazardEvent', entityId: event.id, readPermission: RiskPermission.HazardRead, organization: org }, 'input.attachmentIds');
    }
  }
}
