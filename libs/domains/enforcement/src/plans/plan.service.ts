import {
  applyStep,
  assertVersion,
  audit,
  createRecord,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind, Organizations } from '@platform/directory';
import { InspectionPlan } from './inspection-plan.entity';
import { EnterpriseClass, InspectionPlanStatus } from './plan.enums';
import { InspectionPlanOrder } from './plan.orders';
import { PLAN_WORKFLOW } from './plan-workflow';
import { calculate, calculationOf, type InspectionPlanCalculation } from './plan-calculation';
import { computePlan, figuresPatch, listFigures, listFiguresOf, periodMonths, type PlanInputs } from './plan-computation';
import { copyPlanEntries } from './plan-entries.sql';
import { InspectionPlanEntries, InspectionPlans } from './plans.entities';
import { planEvents } from './plans.events';
import { PlanPermission } from './plans.permissions';
import { planRules } from './plans.rules';
import type { ApproveInspectionPlanInput, CreateInspectionPlanInput, InspectionPlanListArgs, InspectionPlanPreviewInput, ReviseInspectionPlanInput, UpdateInspectionPlanInput } from './plan.inputs';

/** Properties the default keyset order reads (besides the id): a page must load them whatever is selected. */
export const PLAN_KEY_PROPERTIES = ['year', 'revision'];

/** The kinds of organization that may be a legal subject (the town government; a department of it as an entrusted body). */
const LEGAL_SUBJECTS: readonly OrganizationKind[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.DEPARTMENT];

const payloadOf = (p: InspectionPlan) => ({ id: p.id, organizationId: p.organizationId, year: p.year });

/** The inputs of a plan as saved. */
const inputsOf = (p: InspectionPlan): PlanInputs => ({
  year: p.year,
  periodFrom: p.periodFrom,
  periodTo: p.periodTo,
  certifiedInspectors: p.certifiedInspectors,
  otherEnforcementDays: p.otherEnforcementDays,
  nonEnforcementDays: p.nonEnforcementDays,
  keyInspectionDays: p.keyInspectionDays,
  ordinaryInspectionDays: p.ordinaryInspectionDays,
});

/** Only a draft is edited: an approved (or superseded) plan is refused with `state`. */
export function assertDraft(plan: InspectionPlan, field: string): void {
  if (plan.status !== InspectionPlanStatus.DRAFT) throw planRules.field(field, 'state', `the plan is ${plan.status} and no longer edited: revise it (reviseInspectionPlan) to change it.`);
}

/** Annual inspection plans: drawn up, changed and recomputed while a draft, approved, revised; the calculator's preview. */
export class InspectionPlanService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<InspectionPlan | null> {
    return records(ctx, InspectionPlans).one(id, properties);
  }

  list(ctx: RequestContext, args: InspectionPlanListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<InspectionPlan>> {
    const f = args.filter ?? {};
    let plans = records(ctx, InspectionPlans);
    if (f.organizationId) plans = plans.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.year !== undefined && f.year !== null) plans = plans.where(sql`t.year = ${f.year}`);
    if (f.statuses?.length) plans = plans.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(plans, f).page({ keys: InspectionPlanOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** The calculator on inputs, without saving: the period's legal working days, the rules in force, and a key list to try. */
  async preview(ctx: RequestContext, input: InspectionPlanPreviewInput): Promise<InspectionPlanCalculation> {
    const inputs = this.inputs(input);
    const computed = await computePlan(ctx, inputs);
    const keyEnterprises = input.keyEnterprises ?? 0;
    const tried = keyEnterprises ? [{ enterpriseClass: EnterpriseClass.KEY, inspections: input.keyInspectionsEach ?? 1, enterprises: keyEnterprises }] : [];
    return calculate(
      { ...inputs, legalWorkingDays: computed.legalWorkingDays, keyInspectionDays: computed.keyInspectionDaysApplied, ordinaryInspectionDays: computed.ordinaryInspectionDaysApplied },
      listFigures(tried, computed.inspectionWorkingDays, computed.keyInspectionDaysApplied),
    );
  }

  create(ctx: RequestContext, input: CreateInspectionPlanInput): Promise<InspectionPlan> {
    return transaction(ctx, async (tx) => {
      const subject = await records(tx, Organizations, PlanPermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id', 'kind', 'name', 'shortName'] });
      if (!LEGAL_SUBJECTS.includes(subject.kind)) throw planRules.field('input.organizationId', 'legalSubject', `a ${subject.kind} is no legal subject: a plan is the town government's or one of its departments'.`);
      const planned = await records(tx, InspectionPlans, PlanPermission.Manage).where(sql`t.organization_id = ${subject.id} AND t.year = ${input.year}`).count();
      if (planned) throw planRules.field('input.year', 'unique', `${subject.shortName ?? subject.name} has a plan of ${input.year} already: revise it (reviseInspectionPlan).`);
      const inputs = this.inputs(input);
      const computed = await computePlan(tx, inputs);
      return createRecord(
        tx,
        InspectionPlan,
        'InspectionPlan',
        {
          organizationId: subject.id,
          ...inputs,
          revision: 1,
          previousId: null,
          title: input.title ?? `${subject.shortName ?? subject.name}${input.year}年度安全生产监督检查计划`,
          status: InspectionPlanStatus.DRAFT,
          note: input.note ?? null,
          approvedAt: null,
          approvedByKind: null,
          approvedById: null,
          approvedByName: null,
          ...computed,
          ...figuresPatch({ keyEnterprises: 0, keyInspections: 0, keyEnterprisesCoverable: 0, ordinaryEnterprises: 0, ordinaryInspections: 0 }),
        },
        { action: 'enforcement.inspection-plan.create', changes: (p) => ({ ...input, ...computed, title: p.title }), ...recordEvent(planEvents['enforcement.inspection-plan.created'], payloadOf) },
      );
    });
  }

  update(ctx: RequestContext, input: UpdateInspectionPlanInput): Promise<InspectionPlan> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, InspectionPlans, PlanPermission.Manage).lock(input.id);
      assertVersion('InspectionPlan', current, input.version);
      assertDraft(current, 'input.id');
      const patch: Patch<InspectionPlan> = sentFields(input, ['title', 'periodFrom', 'periodTo', 'certifiedInspectors', 'otherEnforcementDays', 'nonEnforcementDays', 'keyInspectionDays', 'ordinaryInspectionDays', 'note']);
      const inputs = { ...inputsOf(current), ...(patch as Partial<PlanInputs>) };
      const computed = await computePlan(tx, inputs);
      if (inputs.periodFrom !== current.periodFrom || inputs.periodTo !== current.periodTo) {
        const months = periodMonths(inputs.periodFrom, inputs.periodTo);
        const outside = await records(tx, InspectionPlanEntries, PlanPermission.Manage).where(sql`t.plan_id = ${current.id} AND NOT (t.planned_months <@ CAST(${months} AS int[]))`).count();
        if (outside) throw planRules.field(input.periodFrom !== undefined ? 'input.periodFrom' : 'input.periodTo', 'plannedMonths', `${outside} enterprise(s) have inspections planned in months outside the new period: change their months first.`);
      }
      const figures = await listFiguresOf(tx, current.id, computed.inspectionWorkingDays, computed.keyInspectionDaysApplied);
      return updateRecord(tx, InspectionPlan, 'InspectionPlan', current, input.version, { ...patch, ...computed, ...figuresPatch(figures) }, {
        action: 'enforcement.inspection-plan.update',
        ...recordEvent(planEvents['enforcement.inspection-plan.updated'], payloadOf(current)),
      });
    });
  }

  /**
   * Approval by the office: a draft with at least one enterprise and no key shortfall becomes the plan
   * in force for its year; the plan in force before it (an earlier revision) is superseded, in the same transaction.
   */
  approve(ctx: RequestContext, input: ApproveInspectionPlanInput): Promise<InspectionPlan> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, InspectionPlans, PLAN_WORKFLOW.permissionOf('approve')).lock(input.id);
      assertVersion('InspectionPlan', current, input.version);
      PLAN_WORKFLOW.assertCanStep('approve', current);
      const [inForce] = await records(tx, InspectionPlans, PLAN_WORKFLOW.permissionOf('supersede'))
        .where(sql`t.organization_id = ${current.organizationId} AND t.year = ${current.year} AND t.status = ${InspectionPlanStatus.APPROVED}`)
        .list({ keys: InspectionPlanOrder.keys(null), limit: 1 });
      // The plan in force first: one approved plan per legal subject and year (a unique index).
      if (inForce) {
        const locked = await records(tx, InspectionPlans, PLAN_WORKFLOW.permissionOf('supersede')).lock(inForce.id);
        await applyStep(tx, PLAN_WORKFLOW, 'supersede', { current: locked, version: locked.version, changes: { supersededBy: current.id } });
      }
      const principal = tx.principal;
      return applyStep(tx, PLAN_WORKFLOW, 'approve', {
        current,
        version: input.version,
        patch: { approvedAt: tx.clock.now(), approvedByKind: principal.kind, approvedById: principal.id, approvedByName: principal.displayName },
        check: () => {
          const c = calculationOf(current);
          if (!c.keyEnterprises && !c.ordinaryEnterprises) throw planRules.field('input.id', 'required', 'the plan lists no enterprise: derive its list first (deriveInspectionPlanEntries).');
          if (c.keyShortfallDays > 0) throw planRules.field('input.id', 'keyShortfall', `the key enterprises need ${c.keyDaysRequired} inspection working days and the plan has ${c.inspectionWorkingDays} (short by ${c.keyShortfallDays}): add inspectors, reduce other work, or plan fewer key inspections.`);
        },
        changes: { approvedByKind: principal.kind, approvedById: principal.id, supersedes: inForce?.id ?? null },
      });
    });
  }

  /** A new draft revision of an approved plan: its inputs and enterprise list copied, recomputed on today's calendar and rules. */
  revise(ctx: RequestContext, input: ReviseInspectionPlanInput): Promise<InspectionPlan> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: the source stays as it is; a second revision of it meanwhile is refused by the unique index on previous_id.
      const source = await records(tx, InspectionPlans, PlanPermission.Manage).lock(input.id, 'share');
      assertVersion('InspectionPlan', source, input.version);
      if (source.status !== InspectionPlanStatus.APPROVED) throw planRules.field('input.id', 'state', `only the approved plan in force is revised (this one is ${source.status}).`);
      const drafts = await records(tx, InspectionPlans, PlanPermission.Manage).where(sql`t.organization_id = ${source.organizationId} AND t.year = ${source.year} AND t.status = ${InspectionPlanStatus.DRAFT}`).count();
      if (drafts) throw planRules.field('input.id', 'unique', `a draft of ${source.year} is open already: change or approve it.`);
      const [{ last }] = await records(tx, InspectionPlans, PlanPermission.Manage)
        .where(sql`t.organization_id = ${source.organizationId} AND t.year = ${source.year}`)
        .aggregate<{ last: number }>(sql`max(t.revision) AS "last"`);
      const computed = await computePlan(tx, inputsOf(source));
      const figures = await listFiguresOf(tx, source.id, computed.inspectionWorkingDays, computed.keyInspectionDaysApplied);
      const revision = await createRecord(
        tx,
        InspectionPlan,
        'InspectionPlan',
        {
          organizationId: source.organizationId,
          ...inputsOf(source),
          revision: last + 1,
          previousId: source.id,
          title: source.title,
          status: InspectionPlanStatus.DRAFT,
          note: source.note,
          approvedAt: null,
          approvedByKind: null,
          approvedById: null,
          approvedByName: null,
          ...computed,
          ...figuresPatch(figures),
        },
        {
          action: 'enforcement.inspection-plan.revise',
          changes: (p) => ({ revisedFrom: source.id, revision: p.revision, ...computed }),
          ...recordEvent(planEvents['enforcement.inspection-plan.revised'], (p: InspectionPlan) => ({ ...payloadOf(p), previousId: source.id })),
        },
      );
      const copied = await copyPlanEntries(tx, source.id, revision.id);
      await audit(tx, { action: 'enforcement.inspection-plan-entry.copy', entityType: 'InspectionPlan', entityId: revision.id, changes: { from: source.id, entries: copied } });
      return revision;
    });
  }

  /** The calculator's inputs of a request, the period defaulting to the calendar year. */
  private inputs(input: CreateInspectionPlanInput | InspectionPlanPreviewInput): PlanInputs {
    return {
      year: input.year,
      periodFrom: input.periodFrom ?? `${input.year}-01-01`,
      periodTo: input.periodTo ?? `${input.year}-12-31`,
      certifiedInspectors: input.certifiedInspectors,
      otherEnforcementDays: input.otherEnforcementDays,
      nonEnforcementDays: input.nonEnforcementDays,
      keyInspectionDays: input.keyInspectionDays ?? null,
      ordinaryInspectionDays: input.ordinaryInspectionDays ?? null,
    };
  }
}
