import { BadUserInputError, NotFoundError, SortDirection, applyStep, createRecord, containsPattern, paginateRows, records, sqlConditions, readOne, transaction, locationColumns, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope, organizationInScope, personById, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { Hazard, Hazards } from './hazard.entity';
import { HazardGrade, HazardStatus } from './hazard.enums';
import { HAZARD_REPORT, HAZARD_WORKFLOW, recordHazardStep, type HazardAction } from './hazard-transitions';
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

  /**
   * Records a found hazard at an organization within the caller's reporting scope; one out of it
   * answers NOT_FOUND like a missing one. The record, its first history row, audit entry and event commit together.
   */
  async report(ctx: RequestContext, input: ReportHazardInput): Promise<Hazard> {
    if (input.foundAt && input.foundAt.getTime() > ctx.clock.now().getTime() + 60_000) throw BadUserInputError.field('input.foundAt', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.organizationId, RiskPermission.HazardReport);
      if (!org) throw new NotFoundError('Organization', input.organizationId);
      const hazard = await createRecord(
        tx,
        Hazard,
        'Hazard',
        {
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
        },
        { action: HAZARD_REPORT.action, event: HAZARD_REPORT.event, payload: (h) => ({ id: h.id, organizationId: h.organizationId }), changes: { ...input } },
      );
      await recordHazardStep(tx, { step: HAZARD_REPORT.step, from: null, to: HazardStatus.REPORTED, record: hazard, details: { attachmentIds: input.attachmentIds } });
      return hazard;
    });
  }

  /**
   * One workflow step (`HAZARD_WORKFLOW`): the hazard must be in scope for the step's permission
   * (else NOT_FOUND), at the version the caller read (else CONFLICT), in a state the step starts
   * from (else BAD_USER_INPUT rule `state`), and the step's details must hold. The change, its
   * history row with evidence, audit entry and event commit together.
   */
  async step(ctx: RequestContext, action: HazardAction, input: HazardStepDetails & { id: string; version: number }, patch: StepPatch = {}): Promise<Hazard> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Hazards, HAZARD_WORKFLOW.permissionOf(action)).lock(input.id);
      const { overdueAnnouncedAt: _cleared, ...changed } = patch;
      return applyStep(tx, HAZARD_WORKFLOW, action, {
        current,
        version: input.version,
        // The clock's time: whether it was closed by its deadline is judged on this day (indicators, accountability).
        patch: HAZARD_WORKFLOW.steps[action].to === HazardStatus.CLOSED ? { ...patch, closedAt: tx.clock.now() } : patch,
        details: { note: input.note ?? null, attachmentIds: input.attachmentIds },
        check: () => this.checkPatch(tx, current, patch),
        changes: { ...changed, note: input.note ?? null },
      });
    });
  }

  private async checkPatch(tx: RequestContext, current: Hazard, patch: StepPatch): Promise<void> {
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
    if (patch.deadline && patch.deadline < tx.clock.today()) {
      throw BadUserInputError.field('input.deadline', 'notPast', 'must not be in the past.');
    }
    if (patch.responsiblePersonId && patch.responsiblePersonId !== current.responsiblePersonId) {
      // Through the directory's scoped reader: a person beyond the caller's reach answers like a
      // missing one, and so does an archived one (no longer anyone's to name).
      const person = await personById(tx).load(patch.responsiblePersonId);
      if (!person || person.archivedAt) throw new NotFoundError('Person', patch.responsiblePersonId);
    }
  }
}
