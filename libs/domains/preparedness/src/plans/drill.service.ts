import {
  BadUserInputError,
  NotFoundError,
  SortDirection,
  assertNotFuture,
  audit,
  paginateRows,
  sqlConditions,
  readOne,
  transaction,
  updateRecord,
  type ConnectionResult,
  type RequestContext,
  globalIdOf,
  type SortKey,
} from '@platform/core';
import { assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import { HazardSource, RiskPermission, reportHazard } from '@domains/risk';
import { Drills } from './plans.entities';
import type { SelectQueryBuilder } from 'typeorm';
import { Drill, DrillProblem } from './drill.entity';
import { DrillProblemFollowUp, DrillProblemStatus } from './plan.enums';
import { PreparednessPermission } from '../permissions';
import type { CompleteDrillProblemInput, DrillListArgs, DrillProblemInput, RecordDrillInput, UpdateDrillInput } from './drill.inputs';

/** Latest held first; then by id, so the order (and the cursor) is total. */
export const drillSortKeys = (alias: string): SortKey<Drill>[] => [
  { column: `${alias}.held_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Drills of organizations where the caller holds `permission` (alias `d`). */
export function scopedDrills(ctx: RequestContext, permission: string = PreparednessPermission.PlanRead): SelectQueryBuilder<Drill> {
  const scope = organizationIdInScope(ctx.principal, permission, 'd.organization_id');
  return ctx.manager.createQueryBuilder(Drill, 'd').where(scope.sql, scope.params);
}

export class DrillService {
  list(ctx: RequestContext, args: DrillListArgs, withCount: boolean): Promise<ConnectionResult<Drill>> {
    const scope = organizationIdInScope(ctx.principal, PreparednessPermission.PlanRead, 'd.organization_id');
    const { where, params, add } = sqlConditions(scope);
    const f = args.filter ?? {};
    if (f.from && f.to && f.to < f.from) throw BadUserInputError.field('filter.to', 'notBeforeFrom', 'must not be before from.');
    if (f.withinSubtreeOf) add(withinSubtreeSql('d.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.forms?.length) add('d.form IN (:...forms)', { forms: f.forms });
    if (f.from) add('d.held_on >= CAST(:from AS date)', { from: f.from });
    if (f.to) add('d.held_on <= CAST(:to AS date)', { to: f.to });
    if (f.planId) add('d.plan_id = :planId', { planId: f.planId });
    return paginateRows({ manager: ctx.manager, entity: Drill, alias: 'd', table: 'drill', where, params, keys: drillSortKeys('d'), page: args, withCount });
  }

  byId(ctx: RequestContext, id: string): Promise<Drill | null> {
    const scope = organizationIdInScope(ctx.principal, PreparednessPermission.PlanRead, 'd.organization_id');
    return readOne({ manager: ctx.manager, entity: Drill, alias: 'd', table: 'drill', where: ['d.id = :id', scope.sql], params: { ...scope.params, id } });
  }

  /**
   * Records a drill and its problems in one transaction: TASK problems need an owner the caller may
   * read and a due day; HAZARD problems are reported through the risk module (source DRILL) in the
   * same transaction, so a refused hazard leaves nothing of the drill behind.
   */
  async record(ctx: RequestContext, input: RecordDrillInput): Promise<Drill> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    const problems = input.problems ?? [];
    problems.forEach((p, i) => this.checkProblem(p, i, input.heldOn));
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.organizationId, PreparednessPermission.PlanWrite);
      if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your plan scope.`);
      if (input.planId) await this.checkPlan(tx, input.planId, org.id);
      const drill = await tx.manager.save(
        tx.manager.create(Drill, {
          organizationId: org.id,
          planId: input.planId ?? null,
          heldOn: input.heldOn,
          form: input.form,
          title: input.title,
          scenario: input.scenario ?? null,
          participantCount: input.participantCount,
          participants: input.participants ?? null,
          evaluation: input.evaluation ?? null,
        }),
      );
      const recorded: Array<{ id: string; followUp: DrillProblemFollowUp; hazardId: string | null }> = [];
      for (const [i, p] of problems.entries()) {
        const field = `input.problems.${i}`;
        let hazardId: string | null = null;
        if (p.followUp === DrillProblemFollowUp.TASK) {
          await assertReadablePerson(tx, p.ownerPersonId!, `${field}.ownerPersonId`);
        }
        if (p.followUp === DrillProblemFollowUp.HAZARD) {
          if (!(await organizationInScope(tx, org.id, RiskPermission.HazardReport))) {
            throw BadUserInputError.field(`${field}.followUp`, 'hazardReportScope', 'you may not report hazards at this organization (risk.hazard:report); choose TASK or NONE.');
          }
          const hazard = await reportHazard(tx, {
            organizationId: org.id,
            title: this.hazardTitle(p.description),
            description: `${drill.title}（${drill.heldOn}）发现：${p.description}`,
            category: p.hazardCategory!,
            source: HazardSource.DRILL,
            originNodeId: globalIdOf(Drills, drill.id),
          });
          hazardId = hazard.id;
        }
        const row = await tx.manager.save(
          tx.manager.create(DrillProblem, {
            drillId: drill.id,
            position: i + 1,
            description: p.description,
            followUp: p.followUp,
            ownerPersonId: p.followUp === DrillProblemFollowUp.TASK ? p.ownerPersonId! : null,
            dueOn: p.followUp === DrillProblemFollowUp.TASK ? p.dueOn! : null,
            status: p.followUp === DrillProblemFollowUp.TASK ? DrillProblemStatus.OPEN : null,
            doneOn: null,
            hazardId,
          }),
        );
        recorded.push({ id: row.id, followUp: row.followUp, hazardId });
      }
      await audit(tx, { action: 'rescue.drill.record', entityType: 'Drill', entityId: drill.id, changes: { ...input, problems: recorded } });
      await tx.emit('rescue.drill.recorded', { id: drill.id, organizationId: org.id, form: drill.form, heldOn: drill.heldOn, problems: recorded.length });
      return drill;
    });
  }

  /** Changes a drill's details (not its problems), checked against the version read. */
  async update(ctx: RequestContext, input: UpdateDrillInput): Promise<Drill> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      const patch: Partial<Drill> = {};
      if (input.planId !== undefined && input.planId !== current.planId) {
        if (input.planId) await this.checkPlan(tx, input.planId, current.organizationId);
        patch.planId = input.planId;
      }
      if (input.heldOn !== undefined) patch.heldOn = input.heldOn;
      if (input.form !== undefined) patch.form = input.form;
      if (input.title !== undefined) patch.title = input.title;
      if (input.participantCount !== undefined) patch.participantCount = input.participantCount;
      if (input.scenario !== undefined) patch.scenario = input.scenario;
      if (input.participants !== undefined) patch.participants = input.participants;
      if (input.evaluation !== undefined) patch.evaluation = input.evaluation;
      return updateRecord(tx, Drill, 'Drill', current, input.version, patch, { action: 'rescue.drill.update', event: 'rescue.drill.updated', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  /** Marks a follow-up task done (TASK, OPEN → DONE) on the day given. */
  async completeProblem(ctx: RequestContext, input: CompleteDrillProblemInput): Promise<DrillProblem> {
    assertNotFuture(input.doneOn, 'input.doneOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const scope = organizationIdInScope(tx.principal, PreparednessPermission.PlanWrite, 'd.organization_id');
      const current = await tx.manager
        .createQueryBuilder(DrillProblem, 'x')
        .innerJoin(Drill, 'd', 'd.id = x.drill_id')
        .where('x.id = :id', { id: input.id })
        .andWhere(scope.sql, scope.params)
        .setLock('pessimistic_write', undefined, ['x'])
        .getOne();
      if (!current) throw new NotFoundError('DrillProblem', input.id);
      if (current.followUp !== DrillProblemFollowUp.TASK || current.status !== DrillProblemStatus.OPEN) {
        throw BadUserInputError.field('input.id', 'openTask', `only an open follow-up task can be completed (this problem is ${current.followUp}${current.status ? `, ${current.status}` : ''}).`);
      }
      const [{ held_on: heldOn, organization_id: organizationId }] = await tx.manager.query(`SELECT held_on::text, organization_id FROM drill WHERE id = $1`, [current.drillId]);
      if (input.doneOn < heldOn) throw BadUserInputError.field('input.doneOn', 'notBeforeDrill', `must not be before the drill (${heldOn}).`);
      return updateRecord(tx, DrillProblem, 'DrillProblem', current, input.version, { status: DrillProblemStatus.DONE, doneOn: input.doneOn }, { action: 'rescue.drill.completeProblem', event: 'rescue.drill.problemCompleted', payload: { id: current.id, drillId: current.drillId, organizationId }, changes: { status: [DrillProblemStatus.OPEN, DrillProblemStatus.DONE], doneOn: input.doneOn } });
    });
  }

  private checkProblem(p: DrillProblemInput, i: number, heldOn: string): void {
    const field = `input.problems.${i}`;
    if (p.followUp === DrillProblemFollowUp.TASK) {
      if (!p.ownerPersonId) throw BadUserInputError.field(`${field}.ownerPersonId`, 'required', 'a TASK needs its owner.');
      if (!p.dueOn) throw BadUserInputError.field(`${field}.dueOn`, 'required', 'a TASK needs its due day.');
      if (p.dueOn < heldOn) throw BadUserInputError.field(`${field}.dueOn`, 'notBeforeDrill', 'must not be before the drill.');
    } else if (p.ownerPersonId || p.dueOn) {
      throw BadUserInputError.field(`${field}.${p.ownerPersonId ? 'ownerPersonId' : 'dueOn'}`, 'taskOnly', 'only a TASK has an owner and a due day.');
    }
    if (p.followUp === DrillProblemFollowUp.HAZARD && !p.hazardCategory) throw BadUserInputError.field(`${field}.hazardCategory`, 'required', 'a HAZARD needs its category.');
    if (p.followUp !== DrillProblemFollowUp.HAZARD && p.hazardCategory) throw BadUserInputError.field(`${field}.hazardCategory`, 'hazardOnly', 'only a HAZARD has a category.');
  }

  /** The plan must be readable by the caller and kept by the drill's organization or one of its ancestors. */
  private async checkPlan(tx: RequestContext, planId: string, organizationId: string): Promise<void> {
    const scope = organizationIdInScope(tx.principal, PreparednessPermission.PlanRead, 'p.organization_id');
    const [plan] = await tx.manager.query(
      ...tx.manager.connection.driver.escapeQueryWithParameters(
        `SELECT p.id FROM emergency_plan p JOIN organization po ON po.id = p.organization_id JOIN organization o ON o.id = :organizationId
         WHERE p.id = :planId AND o.path <@ po.path AND ${scope.sql}`,
        { ...scope.params, planId, organizationId },
      ),
    );
    if (!plan) throw BadUserInputError.field('input.planId', 'exists', `no plan ${planId} you may read kept by the organization or one above it.`);
  }

  private hazardTitle(description: string): string {
    return description.length <= 100 ? description : `${description.slice(0, 99)}…`;
  }

  /** A drill the caller may write, locked; out of scope answers NOT_FOUND like a missing one. */
  private async getOrFail(tx: RequestContext, id: string): Promise<Drill> {
    const current = await scopedDrills(tx, PreparednessPermission.PlanWrite).andWhere('d.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!current) throw new NotFoundError('Drill', id);
    return current;
  }
}
