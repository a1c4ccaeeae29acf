import { randomUUID } from 'node:crypto';
import { assertNotBefore, applyStep,
  assertNotFuture,
  createRecord,
  globalIdOf,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type PayloadOf,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { HazardSource, RiskPermission, reportHazard } from '@domains/risk';
import { Drill, DrillProblem } from './drill.entity';
import { DrillOrder } from './plan.orders';
import { DrillProblemFollowUp, DrillProblemStatus } from './plan.enums';
import { DRILL_TASK_WORKFLOW } from './plan-workflows';
import { insertDrillProblems, type NewDrillProblem } from './drill-problems.sql';
import { DrillProblems, Drills, EmergencyPlans } from '../preparedness.entities';
import { preparednessEvents, type PreparednessEvents } from '../preparedness.events';
import { preparednessRules } from '../preparedness.rules';
import { PreparednessPermission } from '../permissions';
import type { CompleteDrillProblemInput, DrillListArgs, DrillProblemInput, RecordDrillInput, UpdateDrillInput } from './drill.inputs';

export class DrillService {
  list(ctx: RequestContext, args: DrillListArgs, withCount: boolean): Promise<ConnectionResult<Drill>> {
    const f = args.filter ?? {};
    assertNotBefore(f.from, f.to, 'filter.to', 'from');
    let drills = records(ctx, Drills);
    if (f.withinSubtreeOf) drills = drills.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.forms?.length) drills = drills.where(sql`t.form = ANY(${f.forms})`);
    if (f.from) drills = drills.where(sql`t.held_on >= CAST(${f.from} AS date)`);
    if (f.to) drills = drills.where(sql`t.held_on <= CAST(${f.to} AS date)`);
    if (f.planId) drills = drills.where(sql`t.plan_id = ${f.planId}`);
    // Drills are never archived: a change feed lifts nothing.
    return whereChanged(drills, f).page({ keys: DrillOrder.keys(args.orderBy), page: args, withCount });
  }

  byId(ctx: RequestContext, id: string): Promise<Drill | null> {
    return records(ctx, Drills).one(id);
  }

  /**
   * Records a drill and its problems in one transaction: TASK problems need an owner the caller may
   * read and a due day; HAZARD problems are reported through the risk module (source DRILL) in the
   * same transaction, so a refused hazard leaves nothing of the drill behind. The drill's id is
   * chosen first, so that its hazards point back at it and its audit entry lists its problems.
   */
  async record(ctx: RequestContext, input: RecordDrillInput): Promise<Drill> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    const problems = input.problems ?? [];
    problems.forEach((p, i) => this.checkProblem(p, i, input.heldOn));
    return transaction(ctx, async (tx) => {
      const org = await records(tx, Organizations, PreparednessPermission.PlanWrite).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      if (input.planId) await this.checkPlan(tx, input.planId, org.id);
      // Whether the caller may report hazards there (risk.hazard:report), asked once and only when a problem is a HAZARD.
      let mayReport: boolean | undefined;
      for (const [i, p] of problems.entries()) {
        const field = `input.problems.${i}`;
        if (p.followUp === DrillProblemFollowUp.TASK) await records(tx, Persons).reference(p.ownerPersonId!, `${field}.ownerPersonId`, { properties: ['id'] });
        if (p.followUp === DrillProblemFollowUp.HAZARD && !(mayReport ??= await records(tx, Organizations, RiskPermission.HazardReport).exists(org.id))) {
          throw preparednessRules.field(`${field}.followUp`, 'hazardReportScope', 'you may not report hazards at this organization (risk.hazard:report); choose TASK or NONE.');
        }
      }
      const drillId = randomUUID();
      const rows: NewDrillProblem[] = [];
      for (const [i, p] of problems.entries()) {
        const task = p.followUp === DrillProblemFollowUp.TASK;
        let hazardId: string | null = null;
        if (p.followUp === DrillProblemFollowUp.HAZARD) {
          const hazard = await reportHazard(tx, {
            organizationId: org.id,
            title: this.hazardTitle(p.description),
            description: `${input.title}（${input.heldOn}）发现：${p.description}`,
            category: p.hazardCategory!,
            source: HazardSource.DRILL,
            originNodeId: globalIdOf(Drills, drillId),
          });
          hazardId = hazard.id;
        }
        rows.push({
          id: randomUUID(),
          drillId,
          position: i + 1,
          description: p.description,
          followUp: p.followUp,
          ownerPersonId: task ? p.ownerPersonId! : null,
          dueOn: task ? p.dueOn! : null,
          status: task ? DrillProblemStatus.OPEN : null,
          doneOn: null,
          hazardId,
        });
      }
      const recorded = rows.map((r) => ({ id: r.id, followUp: r.followUp, hazardId: r.hazardId }));
      const drill = await createRecord(
        tx,
        Drill,
        'Drill',
        {
          id: drillId,
          organizationId: org.id,
          planId: input.planId ?? null,
          heldOn: input.heldOn,
          form: input.form,
          title: input.title,
          scenario: input.scenario ?? null,
          participantCount: input.participantCount,
          participants: input.participants ?? null,
          evaluation: input.evaluation ?? null,
        },
        {
          action: 'rescue.drill.record',
          changes: { ...input, problems: recorded },
          ...recordEvent(preparednessEvents['rescue.drill.recorded'], (d: Drill) => ({ id: d.id, organizationId: d.organizationId, form: d.form, heldOn: d.heldOn, problems: recorded.length })),
        },
      );
      await insertDrillProblems(tx, rows);
      return drill;
    });
  }

  /** Changes a drill's details (not its problems), checked against the version read. */
  async update(ctx: RequestContext, input: UpdateDrillInput): Promise<Drill> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Drills, PreparednessPermission.PlanWrite).lock(input.id);
      const patch: Patch<Drill> = sentFields(input, ['heldOn', 'form', 'title', 'participantCount', 'scenario', 'participants', 'evaluation']);
      if (input.planId !== undefined && input.planId !== current.planId) {
        if (input.planId) await this.checkPlan(tx, input.planId, current.organizationId);
        patch.planId = input.planId;
      }
      return updateRecord(tx, Drill, 'Drill', current, input.version, patch, {
        action: 'rescue.drill.update',
        ...recordEvent(preparednessEvents['rescue.drill.updated'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /** Marks a follow-up task done (TASK, OPEN → DONE: `DRILL_TASK_WORKFLOW`) on the day given. */
  async completeProblem(ctx: RequestContext, input: CompleteDrillProblemInput): Promise<DrillProblem> {
    assertNotFuture(input.doneOn, 'input.doneOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DrillProblems, DRILL_TASK_WORKFLOW.permissionOf('complete')).lock(input.id);
      if (current.followUp !== DrillProblemFollowUp.TASK) {
        throw preparednessRules.field('input.id', 'openTask', `only an open follow-up task can be completed (this problem is ${current.followUp}).`);
      }
      // The drill is in the same scope as its problem (the problem's scope is the drill's).
      const drill = (await records(tx, Drills, PreparednessPermission.PlanWrite).one(current.drillId, ['heldOn', 'organizationId']))!;
      return applyStep(tx, DRILL_TASK_WORKFLOW, 'complete', {
        current,
        version: input.version,
        patch: { doneOn: input.doneOn },
        check: () => {
          if (input.doneOn < drill.heldOn) throw preparednessRules.field('input.doneOn', 'notBeforeDrill', `must not be before the drill (${drill.heldOn}).`);
        },
        changes: { doneOn: input.doneOn },
        payload: (p): PayloadOf<PreparednessEvents['rescue.drill.problemCompleted']> => ({ id: p.id, drillId: p.drillId, organizationId: drill.organizationId }),
      });
    });
  }

  private checkProblem(p: DrillProblemInput, i: number, heldOn: string): void {
    const field = `input.problems.${i}`;
    if (p.followUp === DrillProblemFollowUp.TASK) {
      if (!p.ownerPersonId) throw preparednessRules.field(`${field}.ownerPersonId`, 'required', 'a TASK needs its owner.');
      if (!p.dueOn) throw preparednessRules.field(`${field}.dueOn`, 'required', 'a TASK needs its due day.');
      if (p.dueOn < heldOn) throw preparednessRules.field(`${field}.dueOn`, 'notBeforeDrill', 'must not be before the drill.');
    } else if (p.ownerPersonId || p.dueOn) {
      throw preparednessRules.field(`${field}.${p.ownerPersonId ? 'ownerPersonId' : 'dueOn'}`, 'taskOnly', 'only a TASK has an owner and a due day.');
    }
    if (p.followUp === DrillProblemFollowUp.HAZARD && !p.hazardCategory) throw preparednessRules.field(`${field}.hazardCategory`, 'required', 'a HAZARD needs its category.');
    if (p.followUp !== DrillProblemFollowUp.HAZARD && p.hazardCategory) throw preparednessRules.field(`${field}.hazardCategory`, 'hazardOnly', 'only a HAZARD has a category.');
  }

  /**
   * The plan drilled: one the caller may read (else NOT_FOUND on `input.planId`, as for a missing
   * one), kept by the drill's organization or one of its ancestors (else BAD_USER_INPUT `ownOrAncestorPlan`).
   */
  private async checkPlan(tx: RequestContext, planId: string, organizationId: string): Promise<void> {
    const plan = await records(tx, EmergencyPlans).reference(planId, 'input.planId', { properties: ['organizationId'] });
    // Compares two places in the tree whatever the caller may read of the organizations themselves.
    const reason = 'the plan and the drill\'s organization were read in the caller\'s scope; only their places in the tree are compared';
    const below = unscoped(tx, Organizations, reason).as('o').where(sql`o.id = ${organizationId} AND o.path <@ a.path`);
    if (!(await unscoped(tx, Organizations, reason).as('a').where(sql`EXISTS ${below.subquery(sql`1`)}`).exists(plan.organizationId))) {
      throw preparednessRules.field('input.planId', 'ownOrAncestorPlan', `plan ${planId} is kept neither by the organization nor by one above it.`);
    }
  }

  private hazardTitle(description: string): string {
    return description.length <= 100 ? description : `${description.slice(0, 99)}…`;
  }
}
