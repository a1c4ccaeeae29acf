import { applyStep, containsPattern, createRecord, locationColumns, raw, recordEvent, records, sql, transaction, whereChanged, whereLocated, type ConnectionResult, type RequestContext, type Sql } from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { Hazard } from './hazard.entity';
import { Hazards } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { HazardGrade, HazardStatus } from './hazard.enums';
import { HAZARD_REPORT, HAZARD_WORKFLOW, recordHazardStep, type HazardAction } from './hazard-transitions';
import { HazardOrder } from './hazard.orders';
import { RiskPermission } from '../permissions';
import type { HazardListArgs, HazardStepDetails, ReportHazardInput } from './hazard.inputs';

/** SQL condition: the hazard under `alias` is open and past its deadline by `today` (the clock's: `ctx.clock.today()`). */
export const overdueHazard = (alias: string, today: string): Sql =>
  sql`(${raw(alias)}.deadline < CAST(${today} AS date) AND ${raw(alias)}.status NOT IN ('CLOSED', 'REJECTED'))`;

/** What a step sets besides the state: plain values only (no SQL expressions), checked by `checkPatch`. */
type StepPatch = Partial<Pick<Hazard, 'grade' | 'criteriaReference' | 'measures' | 'emergencyMeasures' | 'responsiblePersonId' | 'funds' | 'deadline' | 'listedSupervision' | 'overdueAnnouncedAt'>>;

export class HazardService {
  list(ctx: RequestContext, args: HazardListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Hazard>> {
    let hazards = records(ctx, Hazards);
    const f = args.filter ?? {};
    const today = ctx.clock.today();
    if (f.statuses?.length) hazards = hazards.where(sql`t.status = ANY(${f.statuses})`);
    if (f.grade) hazards = hazards.where(sql`t.grade = ${f.grade}`);
    if (f.withinSubtreeOf) hazards = hazards.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.overdue != null) hazards = hazards.where(f.overdue ? overdueHazard('t', today) : sql`NOT ${overdueHazard('t', today)}`);
    if (f.dueWithinDays != null) {
      hazards = hazards.where(sql`t.deadline BETWEEN CAST(${today} AS date) AND CAST(${today} AS date) + CAST(${f.dueWithinDays} AS int) AND t.status NOT IN ('CLOSED', 'REJECTED')`);
    }
    if (f.search) hazards = hazards.where(sql`t.title ILIKE ${containsPattern(f.search)}`);
    hazards = whereLocated(hazards, f);
    // Nothing is hidden by default (closed and rejected hazards are listed), so a change feed lifts nothing.
    return whereChanged(hazards, f).page({ keys: HazardOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** One hazard by id if the caller may read it (`properties`: as `selectedProperties` gives, else every column). */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Hazard | null> {
    return records(ctx, Hazards).one(id, properties);
  }

  /**
   * Records a found hazard at an organization within the caller's reporting scope; one out of it
   * answers NOT_FOUND on `input.organizationId` like a missing one (an archived one BAD_USER_INPUT
   * `notArchived`). The record, its first history row, audit entry and event commit together.
   */
  async report(ctx: RequestContext, input: ReportHazardInput, originNodeId: string | null = null): Promise<Hazard> {
    if (input.foundAt && input.foundAt.getTime() > ctx.clock.now().getTime() + 60_000) throw riskRules.field('input.foundAt', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      const org = await records(tx, Organizations, RiskPermission.HazardReport).reference(input.organizationId, 'input.organizationId');
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
          originNodeId,
        },
        {
          action: HAZARD_REPORT.action,
          changes: originNodeId ? { ...input, originNodeId } : { ...input },
          ...recordEvent(riskEvents[HAZARD_REPORT.event], (h: Hazard) => ({ id: h.id, organizationId: h.organizationId, status: h.status })),
        },
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
      throw riskRules.field('input.criteriaReference', 'required', 'a MAJOR hazard needs the criteria clause it was judged by (判定标准).');
    }
    if (patch.measures !== undefined && grade === HazardGrade.MAJOR && !(patch.emergencyMeasures ?? current.emergencyMeasures)) {
      throw riskRules.field('input.emergencyMeasures', 'required', 'a MAJOR hazard\'s plan needs its emergency measures (五到位: 措施、责任、资金、时限、预案).');
    }
    if (patch.listedSupervision && grade !== HazardGrade.MAJOR) {
      throw riskRules.field('input.listedSupervision', 'majorOnly', 'only a MAJOR hazard is put under listed supervision.');
    }
    if (patch.deadline && patch.deadline < tx.clock.today()) {
      throw riskRules.field('input.deadline', 'notPast', 'must not be in the past.');
    }
    if (patch.responsiblePersonId && patch.responsiblePersonId !== current.responsiblePersonId) {
      // A person beyond the caller's reach answers NOT_FOUND like a missing one; an archived one
      // (no longer anyone's to name) BAD_USER_INPUT notArchived.
      await records(tx, Persons).reference(patch.responsiblePersonId, 'input.responsiblePersonId');
    }
  }
}
