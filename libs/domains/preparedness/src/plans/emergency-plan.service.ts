import { randomUUID } from 'node:crypto';
import { assertVersion, BadUserInputError, NotFoundError, SortDirection, assertNotFuture, archiveRecord, audit, claimAttachments, diff, paginateRows, sqlConditions, readOne, transaction, updateWithVersion, type ArchiveInput, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { EmergencyPlan } from './emergency-plan.entity';
import { EmergencyPlanStatus, PLAN_TYPE_ORGANIZATION_KINDS, type EmergencyPlanType } from './plan.enums';
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

/** By title, then newest revision first; the id makes the order total. */
export const emergencyPlanSortKeys = (alias: string): SortKey<EmergencyPlan>[] => [
  { column: `${alias}.title`, direction: SortDirection.ASC },
  { column: `${alias}.revision`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** SQL: the plan (alias) is effective and its review day is before today; parameter `today`, the clock's (`ctx.clock.today()`). */
export const REVIEW_OVERDUE_SQL = (alias: string) => `(${alias}.status = 'EFFECTIVE' AND ${alias}.next_review_on < CAST(:today AS date))`;

/** The same rule as REVIEW_OVERDUE_SQL for a loaded row. */
export function reviewOverdue(p: Pick<EmergencyPlan, 'status' | 'nextReviewOn'>, today: string): boolean {
  return p.status === EmergencyPlanStatus.EFFECTIVE && p.nextReviewOn !== null && p.nextReviewOn < today;
}

/** Plans of organizations where the caller holds `permission` (alias `p`). */
export function scopedPlans(ctx: RequestContext, permission: string = PreparednessPermission.PlanRead): SelectQueryBuilder<EmergencyPlan> {
  const scope = organizationIdInScope(ctx.principal, permission, 'p.organization_id');
  return ctx.manager.createQueryBuilder(EmergencyPlan, 'p').where(scope.sql, scope.params);
}

export class EmergencyPlanService {
  list(ctx: RequestContext, args: EmergencyPlanListArgs, withCount: boolean): Promise<ConnectionResult<EmergencyPlan>> {
    const scope = organizationIdInScope(ctx.principal, PreparednessPermission.PlanRead, 'p.organization_id');
    const { where, params, add } = sqlConditions(scope);
    const f = args.filter ?? {};
    if (f.withinSubtreeOf) add(withinSubtreeSql('p.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.types?.length) add('p.type IN (:...types)', { types: f.types });
    if (f.statuses?.length) add('p.status IN (:...statuses)', { statuses: f.statuses });
    if (!f.includeSuperseded && !f.statuses?.includes(EmergencyPlanStatus.SUPERSEDED)) add(`p.status <> 'SUPERSEDED'`);
    if (f.reviewOverdue != null) add(f.reviewOverdue ? REVIEW_OVERDUE_SQL('p') : `NOT ${REVIEW_OVERDUE_SQL('p')}`, { today: ctx.clock.today() });
    return paginateRows({ manager: ctx.manager, entity: EmergencyPlan, alias: 'p', table: 'emergency_plan', where, params, keys: emergencyPlanSortKeys('p'), page: args, withCount });
  }

  byId(ctx: RequestContext, id: string): Promise<EmergencyPlan | null> {
    const scope = organizationIdInScope(ctx.principal, PreparednessPermission.PlanRead, 'p.organization_id');
    return readOne({ manager: ctx.manager, entity: EmergencyPlan, alias: 'p', table: 'emergency_plan', where: ['p.id = :id', scope.sql], params: { ...scope.params, id } });
  }

  /** A new plan: a draft of revision 1, starting its own chain. */
  async create(ctx: RequestContext, input: CreateEmergencyPlanInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const org = await this.checkOrganization(tx, input.organizationId, input.type);
      const id = randomUUID();
      const plan = await tx.manager.save(
        tx.manager.create(EmergencyPlan, {
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
        }),
      );
      await this.attach(tx, plan, org, input.attachmentIds);
      await audit(tx, { action: 'rescue.plan.create', entityType: PLAN_ENTITY, entityId: plan.id, changes: { ...input } });
      await tx.emit('rescue.plan.created', { id: plan.id, organizationId: org.id, type: plan.type });
      return plan;
    });
  }

  /** Changes a draft's details (title, topic) and adds attachments. */
  async update(ctx: RequestContext, input: UpdateEmergencyPlanInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      this.expectStatus(current, [EmergencyPlanStatus.DRAFT], 'update');
      const patch: Partial<EmergencyPlan> = {};
      if (input.title !== undefined) patch.title = input.title;
      if (input.topic !== undefined) patch.topic = input.topic;
      const updated = await updateWithVersion(tx, EmergencyPlan, PLAN_ENTITY, current.id, input.version, patch);
      const org = await organizationInScope(tx, current.organizationId, null);
      await this.attach(tx, updated, org!, input.attachmentIds);
      await audit(tx, { action: 'rescue.plan.update', entityType: PLAN_ENTITY, entityId: current.id, changes: { ...diff(current, updated), ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}) } });
      await tx.emit('rescue.plan.updated', { id: current.id, organizationId: current.organizationId });
      return updated;
    });
  }

  /** DRAFT → EFFECTIVE; the chain's effective revision (the one superseded) becomes SUPERSEDED in the same transaction. */
  async approve(ctx: RequestContext, input: ApproveEmergencyPlanInput): Promise<EmergencyPlan> {
    assertNotFuture(input.approvedOn, 'input.approvedOn', ctx.clock.today());
    assertNotFuture(input.filedOn, 'input.filedOn', ctx.clock.today());
    if (input.filedOn && input.filedOn < input.approvedOn) throw BadUserInputError.field('input.filedOn', 'notBeforeApproval', 'must not be before approvedOn.');
    if (input.nextReviewOn <= input.approvedOn) throw BadUserInputError.field('input.nextReviewOn', 'afterApproval', 'must be after approvedOn.');
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      this.expectStatus(current, [EmergencyPlanStatus.DRAFT], 'approve');
      const previous = await tx.manager
        .createQueryBuilder(EmergencyPlan, 'p')
        .where(`p.chain_id = :chain AND p.status = 'EFFECTIVE'`, { chain: current.chainId })
        .setLock('pessimistic_write')
        .getOne();
      if (previous?.approvedOn && input.approvedOn < previous.approvedOn) {
        throw BadUserInputError.field('input.approvedOn', 'notBeforePrevious', `must not be before the approval of revision ${previous.revision} (${previous.approvedOn}).`);
      }
      if (previous) {
        await updateWithVersion(tx, EmergencyPlan, PLAN_ENTITY, previous.id, previous.version, { status: EmergencyPlanStatus.SUPERSEDED });
        await audit(tx, { action: 'rescue.plan.supersede', entityType: PLAN_ENTITY, entityId: previous.id, changes: { status: [EmergencyPlanStatus.EFFECTIVE, EmergencyPlanStatus.SUPERSEDED], supersededBy: current.id } });
      }
      const updated = await updateWithVersion(tx, EmergencyPlan, PLAN_ENTITY, current.id, input.version, {
        status: EmergencyPlanStatus.EFFECTIVE,
        approvedOn: input.approvedOn,
        filedOn: input.filedOn ?? null,
        filedWith: input.filedWith ?? null,
        nextReviewOn: input.nextReviewOn,
      });
      await audit(tx, { action: 'rescue.plan.approve', entityType: PLAN_ENTITY, entityId: current.id, changes: { ...diff(current, updated), supersedes: previous?.id ?? null } });
      await tx.emit('rescue.plan.approved', { id: current.id, organizationId: current.organizationId, supersededId: previous?.id ?? null });
      return updated;
    });
  }

  /** From an effective revision: a new draft with the next revision number; one open draft per plan. */
  async revise(ctx: RequestContext, input: ReviseEmergencyPlanInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      this.checkVersion(current, input.version);
      this.expectStatus(current, [EmergencyPlanStatus.EFFECTIVE], 'revise');
      const draft = await tx.manager.createQueryBuilder(EmergencyPlan, 'p').select('p.id', 'id').where(`p.chain_id = :chain AND p.status = 'DRAFT'`, { chain: current.chainId }).getRawOne<{ id: string }>();
      if (draft) throw BadUserInputError.field('input.id', 'oneOpenDraft', `the plan already has an open draft (${draft.id}); approve or archive it first.`);
      const [{ max }] = await tx.manager.query(`SELECT max(revision)::int AS max FROM emergency_plan WHERE chain_id = $1`, [current.chainId]);
      const revision = await tx.manager.save(
        tx.manager.create(EmergencyPlan, {
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
        }),
      );
      await audit(tx, { action: 'rescue.plan.revise', entityType: PLAN_ENTITY, entityId: revision.id, changes: { supersedesId: current.id, revision: revision.revision } });
      await tx.emit('rescue.plan.revised', { id: revision.id, organizationId: current.organizationId, supersedesId: current.id });
      return revision;
    });
  }

  /** Records a review of an effective plan: the day, the next review day and a note. */
  async review(ctx: RequestContext, input: ReviewEmergencyPlanInput): Promise<EmergencyPlan> {
    assertNotFuture(input.reviewedOn, 'input.reviewedOn', ctx.clock.today());
    if (input.nextReviewOn <= input.reviewedOn) throw BadUserInputError.field('input.nextReviewOn', 'afterReview', 'must be after reviewedOn.');
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      this.expectStatus(current, [EmergencyPlanStatus.EFFECTIVE], 'review');
      if (current.approvedOn && input.reviewedOn < current.approvedOn) throw BadUserInputError.field('input.reviewedOn', 'notBeforeApproval', `must not be before the approval (${current.approvedOn}).`);
      const updated = await updateWithVersion(tx, EmergencyPlan, PLAN_ENTITY, current.id, input.version, {
        lastReviewedOn: input.reviewedOn,
        nextReviewOn: input.nextReviewOn,
        reviewNote: input.note ?? null,
      });
      await audit(tx, { action: 'rescue.plan.review', entityType: PLAN_ENTITY, entityId: current.id, changes: { reviewedOn: input.reviewedOn, nextReviewOn: [current.nextReviewOn, input.nextReviewOn], note: input.note ?? null } });
      await tx.emit('rescue.plan.reviewed', { id: current.id, organizationId: current.organizationId, nextReviewOn: input.nextReviewOn });
      return updated;
    });
  }

  /** Withdraws a draft or an effective revision; superseded ones stay history. */
  async archive(ctx: RequestContext, input: ArchiveInput): Promise<EmergencyPlan> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      this.expectStatus(current, [EmergencyPlanStatus.DRAFT, EmergencyPlanStatus.EFFECTIVE], 'archive');
      return archiveRecord(tx, EmergencyPlan, PLAN_ENTITY, current, input.version, {
        action: 'rescue.plan.archive',
        event: 'rescue.plan.archived',
        payload: { id: current.id, organizationId: current.organizationId },
        patch: { status: EmergencyPlanStatus.ARCHIVED },
        changes: { status: [current.status, EmergencyPlanStatus.ARCHIVED] },
      });
    });
  }

  /** A plan the caller may write, locked; out of scope answers NOT_FOUND like a missing one. */
  private async getOrFail(tx: RequestContext, id: string): Promise<EmergencyPlan> {
    const current = await scopedPlans(tx, PreparednessPermission.PlanWrite).andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!current) throw new NotFoundError(PLAN_ENTITY, id);
    return current;
  }

  private checkVersion(current: EmergencyPlan, version: number): void {
    assertVersion(PLAN_ENTITY, current, version);
  }

  private expectStatus(current: EmergencyPlan, allowed: readonly EmergencyPlanStatus[], action: string): void {
    if (!allowed.includes(current.status)) {
      throw BadUserInputError.field('input.id', 'status', `cannot ${action} a plan revision that is ${current.status} (allowed from ${allowed.join(', ')}).`);
    }
  }

  /** The organization (active, in write scope), and its kind must fit the plan type. */
  private async checkOrganization(tx: RequestContext, organizationId: string, type: EmergencyPlanType): Promise<{ id: string; path: string }> {
    const org = await organizationInScope(tx, organizationId, PreparednessPermission.PlanWrite);
    if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your plan scope.`);
    const [{ kind }] = await tx.manager.query(`SELECT kind FROM organization WHERE id = $1`, [org.id]);
    const allowed = PLAN_TYPE_ORGANIZATION_KINDS[type];
    if (!allowed.includes(kind)) {
      throw BadUserInputError.field('input.type', 'fitsOrganizationKind', `a ${type} plan is kept by ${allowed.join(' or ')}, not by a ${kind} organization.`);
    }
    return org;
  }

  private async attach(tx: RequestContext, plan: EmergencyPlan, org: { id: string; path: string }, ids: readonly string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    await claimAttachments(tx, ids, { entityType: PLAN_ENTITY, entityId: plan.id, readPermission: PreparednessPermission.PlanRead, organization: org }, 'input.attachmentIds');
  }
}
