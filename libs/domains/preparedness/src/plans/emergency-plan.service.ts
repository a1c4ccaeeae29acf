import { randomUUID } from 'node:crypto';
import {
  SortDirection,
  WrongStateError,
  applyStep,
  assertNotFuture,
  assertVersion,
  claimAttachments,
  createRecord,
  diff,
  isChangeFeed,
  raw,
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
  type PayloadOf,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { EmergencyPlan } from './emergency-plan.entity';
import { EmergencyPlanOrder } from './plan.orders';
import { EmergencyPlanStatus, PLAN_TYPE_ORGANIZATION_KINDS, type EmergencyPlanType } from './plan.enums';
import { PLAN_WORKFLOW } from './plan-workflows';
import { EmergencyPlans } from '../preparedness.entities';
import { preparednessEvents, type PreparednessEvents } from '../preparedness.events';
import { preparednessRules } from '../preparedness.rules';
import { PreparednessPermission } from '../permissions';
import type {
  ApproveEmergencyPlanInput,
  CreateEmergencyPlanInput,
  EmergencyPlanListArgs,
  ReviewEmergencyPlanInput,
  ReviseEmergencyPlanInput,
  UpdateEmergencyPlanInput,
} from './emergency-plan.inputs';

export const PLAN_ENTITY = 'EmergencyPlan';

/** SQL condition: the plan under `alias` is effective and its review day is before `today` (the clock's: `ctx.clock.today()`). */
export const reviewOverdueSql = (alias: string, today: string): Sql =>
  sql`(${raw(alias)}.status = 'EFFECTIVE' AND ${raw(alias)}.next_review_on < CAST(${today} AS date))`;

/** The same rule as `reviewOverdueSql` for a loaded row. */
export function reviewOverdue(p: Pick<EmergencyPlan, 'status' | 'nextReviewOn'>, today: string): boolean {
  return p.status === EmergencyPlanStatus.EFFECTIVE && p.nextReviewOn !== null && p.nextReviewOn < today;
}

/** A change that is not a step of the life cycle (editing a draft, revising an effective revision) still starts from given states: BAD_USER_INPUT `state` otherwise. */
function expectStatus(current: EmergencyPlan, allowed: readonly EmergencyPlanStatus[], action: string): void {
  if (!allowed.includes(current.status)) throw new WrongStateError(PLAN_ENTITY, action, 'status', current.status, allowed);
}

export class EmergencyPlanService {
  list(ctx: RequestContext, args: EmergencyPlanListArgs, withCount: boolean): Promise<ConnectionResult<EmergencyPlan>> {
    let plans = records(ctx, EmergencyPlans);
    const f = args.filter ?? {};
    if (f.withinSubtreeOf) plans = plans.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.types?.length) plans = plans.where(sql`t.type = ANY(${f.types})`);
    if (f.statuses?.length) plans = plans.where(sql`t.status = ANY(${f.statuses})`);
    // A change feed lists superseded revisions too (tombstones of the effective plan: status says so).
    if (!f.includeSuperseded && !f.statuses?.includes(EmergencyPlanStatus.SUPERSEDED) && !isChangeFeed(f)) plans = plans.where(sql`t.status <> 'SUPERSEDED'`);
    if (f.reviewOverdue != null) {
      const overdue = reviewOverdueSql('t', ctx.clock.today());
      plans = plans.where(f.reviewOverdue ? overdue : sql`NOT ${overdue}`);
    }
    return whereChanged(plans, f).page({ keys: EmergencyPlanOrder.keys(args.orderBy), page: args, withCount });
  }

  byId(ctx: RequestContext, id: string): Promise<EmergencyPlan | null> {
    return records(ctx, EmergencyPlans).one(id);
  }

  /** A new plan: a draft of revision 1, starting its own chain. */
  async create(ctx: RequestContext, input: CreateEmergencyPlanInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const org = await this.checkOrganization(tx, input.organizationId, input.type);
      // The chain is named by its first revision, so the id is known before the insert.
      const id = randomUUID();
      const plan = await createRecord(
        tx,
        EmergencyPlan,
        PLAN_ENTITY,
        {
          id,
          organizationId: org.id,
          type: input.type,
          title: input.title,
          topic: input.topic ?? null,
          revision: 1,
          supersedesId: null,
          chainId: id,
          status: EmergencyPlanStatus.DRAFT,
          approvedOn: null,
          filedOn: null,
          filedWith: null,
          nextReviewOn: null,
          lastReviewedOn: null,
          reviewNote: null,
        },
        {
          action: 'rescue.plan.create',
          changes: { ...input },
          ...recordEvent(preparednessEvents['rescue.plan.created'], (p: EmergencyPlan) => ({ id: p.id, organizationId: p.organizationId, type: p.type })),
        },
      );
      await this.attach(tx, plan, org, input.attachmentIds);
      return plan;
    });
  }

  /** Changes a draft's details (title, topic) and adds attachments. */
  async update(ctx: RequestContext, input: UpdateEmergencyPlanInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      expectStatus(current, [EmergencyPlanStatus.DRAFT], 'update');
      const patch: Patch<EmergencyPlan> = sentFields(input, ['title', 'topic']);
      const updated = await updateRecord(tx, EmergencyPlan, PLAN_ENTITY, current, input.version, patch, {
        action: 'rescue.plan.update',
        changes: (u) => ({ ...diff(current, u), ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}) }),
        ...recordEvent(preparednessEvents['rescue.plan.updated'], { id: current.id, organizationId: current.organizationId }),
      });
      if (input.attachmentIds?.length) {
        const org = (await unscoped(tx, Organizations, 'the plan was locked in the caller\'s write scope; its organization (archived or not) only places the attachments').one(current.organizationId, ['path']))!;
        await this.attach(tx, updated, org, input.attachmentIds);
      }
      return updated;
    });
  }

  /** DRAFT → EFFECTIVE; the chain's effective revision (the one superseded) becomes SUPERSEDED in the same transaction. */
  async approve(ctx: RequestContext, input: ApproveEmergencyPlanInput): Promise<EmergencyPlan> {
    assertNotFuture(input.approvedOn, 'input.approvedOn', ctx.clock.today());
    assertNotFuture(input.filedOn, 'input.filedOn', ctx.clock.today());
    if (input.filedOn && input.filedOn < input.approvedOn) throw preparednessRules.field('input.filedOn', 'notBeforeApproval', 'must not be before approvedOn.');
    if (input.nextReviewOn <= input.approvedOn) throw preparednessRules.field('input.nextReviewOn', 'afterApproval', 'must be after approvedOn.');
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      // Only a draft is approved (the step refuses the others): only then is there a revision to supersede.
      const previous = current.status === EmergencyPlanStatus.DRAFT ? await this.effectiveRevision(tx, current.chainId) : null;
      const patch = { approvedOn: input.approvedOn, filedOn: input.filedOn ?? null, filedWith: input.filedWith ?? null, nextReviewOn: input.nextReviewOn };
      return applyStep(tx, PLAN_WORKFLOW, 'approve', {
        current,
        version: input.version,
        patch,
        check: async () => {
          if (!previous) return;
          if (previous.approvedOn && input.approvedOn < previous.approvedOn) {
            throw preparednessRules.field('input.approvedOn', 'notBeforePrevious', `must not be before the approval of revision ${previous.revision} (${previous.approvedOn}).`);
          }
          // Part of the approval, not a step of its own: audited on the superseded revision, told by the approval's event.
          await updateRecord(tx, EmergencyPlan, PLAN_ENTITY, previous, previous.version, { status: EmergencyPlanStatus.SUPERSEDED }, {
            action: 'rescue.plan.supersede',
            changes: { status: [EmergencyPlanStatus.EFFECTIVE, EmergencyPlanStatus.SUPERSEDED], supersededBy: current.id },
          });
        },
        changes: { ...diff(current, patch), supersedes: previous?.id ?? null },
        payload: (p): PayloadOf<PreparednessEvents['rescue.plan.approved']> => ({ id: p.id, organizationId: p.organizationId, supersededId: previous?.id ?? null }),
      });
    });
  }

  /** From an effective revision: a new draft with the next revision number; one open draft per plan. */
  async revise(ctx: RequestContext, input: ReviseEmergencyPlanInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      assertVersion(PLAN_ENTITY, current, input.version);
      expectStatus(current, [EmergencyPlanStatus.EFFECTIVE], 'revise');
      // Every revision of a chain is kept by the same organization, so the caller's scope covers them all.
      const chain = records(tx, EmergencyPlans, PreparednessPermission.PlanWrite).where(sql`t.chain_id = ${current.chainId}`);
      const [draft] = await chain.where(sql`t.status = 'DRAFT'`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
      if (draft) throw preparednessRules.field('input.id', 'oneOpenDraft', `the plan already has an open draft (${draft.id}); approve or archive it first.`);
      const [{ max }] = await chain.aggregate<{ max: number }>(sql`max(t.revision)::int AS "max"`);
      return createRecord(
        tx,
        EmergencyPlan,
        PLAN_ENTITY,
        {
          organizationId: current.organizationId,
          type: current.type,
          title: input.title ?? current.title,
          topic: input.topic !== undefined ? input.topic : current.topic,
          revision: Number(max) + 1,
          supersedesId: current.id,
          chainId: current.chainId,
          status: EmergencyPlanStatus.DRAFT,
          approvedOn: null,
          filedOn: null,
          filedWith: null,
          nextReviewOn: null,
          lastReviewedOn: null,
          reviewNote: null,
        },
        {
          action: 'rescue.plan.revise',
          changes: (r: EmergencyPlan) => ({ supersedesId: current.id, revision: r.revision }),
          ...recordEvent(preparednessEvents['rescue.plan.revised'], (r: EmergencyPlan) => ({ id: r.id, organizationId: current.organizationId, supersedesId: current.id })),
        },
      );
    });
  }

  /** Records a review of an effective plan: the day, the next review day and a note. */
  async review(ctx: RequestContext, input: ReviewEmergencyPlanInput): Promise<EmergencyPlan> {
    assertNotFuture(input.reviewedOn, 'input.reviewedOn', ctx.clock.today());
    if (input.nextReviewOn <= input.reviewedOn) throw preparednessRules.field('input.nextReviewOn', 'afterReview', 'must be after reviewedOn.');
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      return applyStep(tx, PLAN_WORKFLOW, 'review', {
        current,
        version: input.version,
        patch: { lastReviewedOn: input.reviewedOn, nextReviewOn: input.nextReviewOn, reviewNote: input.note ?? null },
        check: () => {
          if (current.approvedOn && input.reviewedOn < current.approvedOn) throw preparednessRules.field('input.reviewedOn', 'notBeforeApproval', `must not be before the approval (${current.approvedOn}).`);
        },
        changes: { reviewedOn: input.reviewedOn, nextReviewOn: [current.nextReviewOn, input.nextReviewOn], note: input.note ?? null },
      });
    });
  }

  /** Withdraws a draft or an effective revision; superseded ones stay history. */
  async archive(ctx: RequestContext, input: ArchiveInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      return applyStep(tx, PLAN_WORKFLOW, 'archive', { current, version: input.version, changes: {} });
    });
  }

  /** A plan the caller may write, locked; out of scope answers NOT_FOUND like a missing one. */
  private getOrFail(tx: RequestContext, id: string): Promise<EmergencyPlan> {
    return records(tx, EmergencyPlans, PreparednessPermission.PlanWrite).lock(id);
  }

  /** The chain's effective revision, locked, if there is one (at most one is, by the workflow). */
  private async effectiveRevision(tx: RequestContext, chainId: string): Promise<EmergencyPlan | null> {
    const plans = records(tx, EmergencyPlans, PreparednessPermission.PlanWrite);
    const [found] = await plans.where(sql`t.chain_id = ${chainId} AND t.status = 'EFFECTIVE'`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
    if (!found) return null;
    const locked = await plans.lock(found.id);
    // Archived in the meantime: no longer the one superseded.
    return locked.status === EmergencyPlanStatus.EFFECTIVE ? locked : null;
  }

  /** The organization (active, in write scope: else NOT_FOUND on the field), and its kind must fit the plan type. */
  private async checkOrganization(tx: RequestContext, organizationId: string, type: EmergencyPlanType): Promise<{ id: string; path: string }> {
    const org = await records(tx, Organizations, PreparednessPermission.PlanWrite).reference(organizationId, 'input.organizationId', { properties: ['path', 'kind'] });
    const allowed = PLAN_TYPE_ORGANIZATION_KINDS[type];
    if (!allowed.includes(org.kind)) {
      throw preparednessRules.field('input.type', 'fitsOrganizationKind', `a ${type} plan is kept by ${allowed.join(' or ')}, not by a ${org.kind} organization.`);
    }
    return { id: org.id, path: org.path };
  }

  private async attach(tx: RequestContext, plan: EmergencyPlan, org: { id: string; path: string }, ids: readonly string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    await claimAttachments(tx, ids, { entityType: PLAN_ENTITY, entityId: plan.id, readPermission: PreparednessPermission.PlanRead, organization: org }, 'input.attachmentIds');
  }
}
