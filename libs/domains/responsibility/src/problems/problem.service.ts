import type { ObjectLiteral } from 'typeorm';
import {
  assertNotBefore,
  NotFoundError,
  SCOPED_ENTITIES,
  applyStep,
  assertNotFuture,
  businessRules,
  createRecord,
  diff,
  fromGlobalId,
  recordEvent,
  records,
  sql,
  transaction,
  whereChanged,
  workingDays,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type ScopedEntity,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { Problem, ProblemReview } from './problem.entity';
import { EffectivenessResult, ProblemSourceKind, ProblemStatus } from './problem.enums';
import { ProblemOrder, ProblemReviewOrder, RepeatFigureOrder, type RepeatFigure } from './problem.orders';
import { PROBLEM_WORKFLOW, type ProblemStep, type ProblemStepDetails } from './problem-workflow';
import { isRepeatSql } from './problem-repeats.sql';
import { insertReviewProblems } from './problem-links.sql';
import { PROBLEM_EFFECTIVENESS, PROBLEM_REPEAT } from '../business-rules/problems';
import { ProblemReviews, Problems } from './problems.entities';
import { problemEvents } from './problems.events';
import { ProblemPermission } from './problems.permissions';
import { problemRules } from './problems.rules';
import type {
  CloseProblemInput,
  ProblemListArgs,
  ProblemReviewListArgs,
  RecordProblemInput,
  RecordProblemReviewInput,
  RepeatFigureArgs,
  ReportProblemRectificationInput,
  VerifyProblemEffectivenessInput,
} from './problem.inputs';

/** Properties the default keyset orders read (besides the id): a page must load them whatever is selected. */
export const PROBLEM_KEY_PROPERTIES = ['foundOn'];
export const PROBLEM_REVIEW_KEY_PROPERTIES = ['heldOn'];

const OPEN = [ProblemStatus.OPEN, ProblemStatus.RECTIFYING];

/**
 * The types a source kind's global id may name (a drill problem or its drill…); null: any readable
 * type (an inspection, an accident or a public tip of modules still to come).
 */
const SOURCE_TYPES: Readonly<Record<ProblemSourceKind, readonly string[] | null>> = {
  [ProblemSourceKind.DRILL_PROBLEM]: ['DrillProblem', 'Drill'],
  [ProblemSourceKind.CONSULTATION_ACTION_ITEM]: ['ConsultationActionItem', 'Consultation'],
  [ProblemSourceKind.HAZARD]: ['Hazard'],
  [ProblemSourceKind.KEY_TASK]: ['KeyTask'],
  [ProblemSourceKind.SUPERVISION_ACTION]: ['SupervisionAction'],
  [ProblemSourceKind.UPSTREAM_INSPECTION]: null,
  [ProblemSourceKind.UPSTREAM_ASSESSMENT]: null,
  [ProblemSourceKind.OTHER]: null,
};
/** Upstream findings are named by their reference text; every other kind but OTHER by a global id. */
const UPSTREAM = [ProblemSourceKind.UPSTREAM_INSPECTION, ProblemSourceKind.UPSTREAM_ASSESSMENT];

/** The longest period `problemRepeatFigures` counts over (its figures stay bounded by organizations × categories). */
const MAX_FIGURE_YEARS = 5;

/** SQL: the problem under `t` is open and its deadline is before `today`. */
export function overdueProblem(today: string) {
  return sql`(t.status = ANY(${OPEN}) AND t.due_on < CAST(${today} AS date))`;
}

/** The same rule for a loaded problem. */
export const problemOverdue = (p: Pick<Problem, 'status' | 'dueOn'>, today: string): boolean => OPEN.includes(p.status) && p.dueOn < today;

const payloadOf = (p: Problem) => ({ id: p.id, organizationId: p.organizationId, category: p.category });

/**
 * A global id the caller may read, of one of `types` (any when null): `globalId` when it is not one
 * this API hands out, `sourceKind` when its type does not fit, NOT_FOUND on `field` when the record
 * is missing, of a module not enabled, or beyond the caller's read scope (the same answer).
 */
async function assertReadableNode(tx: RequestContext, nodeId: string, field: string, types: readonly string[] | null): Promise<void> {
  const decoded = fromGlobalId(nodeId);
  if (!decoded) throw problemRules.field(field, 'globalId', 'is not a global id (nodeId) handed out by this API.');
  if (types && !types.includes(decoded.typeName)) throw problemRules.field(field, 'sourceKind', `must name a ${types.join(' or ')} for this source kind.`);
  const declared = tx.service<ReadonlyMap<string, ScopedEntity<ObjectLiteral>>>(SCOPED_ENTITIES).get(decoded.typeName);
  if (!declared || !(await records(tx, declared).exists(decoded.id))) throw new NotFoundError(decoded.typeName, decoded.id, field);
}

export class ProblemService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Problem | null> {
    return records(ctx, Problems).one(id, properties);
  }

  list(ctx: RequestContext, args: ProblemListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Problem>> {
    const f = args.filter ?? {};
    let problems = records(ctx, Problems);
    if (f.statuses?.length) problems = problems.where(sql`t.status = ANY(${f.statuses})`);
    if (f.categories?.length) problems = problems.where(sql`t.category = ANY(${f.categories})`);
    if (f.sourceKinds?.length) problems = problems.where(sql`t.source_kind = ANY(${f.sourceKinds})`);
    if (f.withinSubtreeOf) problems = problems.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.overdue !== undefined && f.overdue !== null) {
      const overdue = overdueProblem(ctx.clock.today());
      problems = problems.where(f.overdue ? overdue : sql`NOT ${overdue}`);
    }
    if (f.repeats !== undefined && f.repeats !== null) problems = problems.where(f.repeats ? isRepeatSql('t') : sql`NOT ${isRepeatSql('t')}`);
    return whereChanged(problems, f).page({ keys: ProblemOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  reviewById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<ProblemReview | null> {
    return records(ctx, ProblemReviews).one(id, properties);
  }

  reviews(ctx: RequestContext, args: ProblemReviewListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<ProblemReview>> {
    const f = args.filter ?? {};
    assertNotBefore(f.from, f.to, 'filter.to', 'from');
    let reviews = records(ctx, ProblemReviews);
    if (f.withinSubtreeOf) reviews = reviews.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.from) reviews = reviews.where(sql`t.held_on >= CAST(${f.from} AS date)`);
    if (f.to) reviews = reviews.where(sql`t.held_on <= CAST(${f.to} AS date)`);
    return whereChanged(reviews, f).page({ keys: ProblemReviewOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * Problems found in the period (both days included) and their repeats, by organization and
   * category, in one aggregate statement within the caller's scope; paged in memory (at most one
   * figure per organization and category).
   */
  async repeatFigures(ctx: RequestContext, args: RepeatFigureArgs): Promise<ConnectionResult<RepeatFigure>> {
    assertNotBefore(args.from, args.to, 'to', 'from');
    const limit = `${Number(args.from.slice(0, 4)) + MAX_FIGURE_YEARS}${args.from.slice(4)}`;
    if (args.to > limit) throw problemRules.field('to', 'range', `the period may span at most ${MAX_FIGURE_YEARS} years (to ${limit}).`);
    const f = args.filter ?? {};
    let problems = records(ctx, Problems).where(sql`t.found_on >= CAST(${args.from} AS date) AND t.found_on <= CAST(${args.to} AS date)`);
    if (f.withinSubtreeOf) problems = problems.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.categories?.length) problems = problems.where(sql`t.category = ANY(${f.categories})`);
    const rows = await problems.aggregate<Omit<RepeatFigure, 'key'>>(
      sql`t.organization_id AS "organizationId", t.category AS "category", count(*)::int AS "problemCount", (count(*) FILTER (WHERE ${isRepeatSql('t')}))::int AS "repeatCount"`,
      { groupBy: sql`t.organization_id, t.category` },
    );
    return RepeatFigureOrder.page(rows.map((r) => ({ ...r, key: `${r.organizationId}:${r.category}` })), args.orderBy, args);
  }

  /** A problem found in an organization of the caller's scope, from a readable source or an upstream finding; it keeps the repeat rule version in force today. */
  record(ctx: RequestContext, input: RecordProblemInput): Promise<Problem> {
    return transaction(ctx, async (tx) => {
      const today = tx.clock.today();
      assertNotFuture(input.foundOn, 'input.foundOn', today);
      if (input.dueOn < input.foundOn) throw problemRules.field('input.dueOn', 'notBeforeFrom', 'must not be before foundOn.');
      await records(tx, Organizations, ProblemPermission.ProblemManage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      await records(tx, Organizations).reference(input.ownerOrganizationId, 'input.ownerOrganizationId', { properties: ['id'] });
      if (input.ownerPersonId) await records(tx, Persons).reference(input.ownerPersonId, 'input.ownerPersonId', { properties: ['id'] });
      await this.checkSource(tx, input.sourceKind, input.sourceNodeId ?? null, input.sourceReference ?? null);
      const rule = await businessRules.inForce(tx, PROBLEM_REPEAT, today, 'input.foundOn');
      return createRecord(
        tx,
        Problem,
        'Problem',
        {
          organizationId: input.organizationId,
          category: input.category,
          title: input.title,
          description: input.description ?? null,
          foundOn: input.foundOn,
          sourceKind: input.sourceKind,
          sourceNodeId: input.sourceNodeId ?? null,
          sourceReference: input.sourceReference ?? null,
          ownerOrganizationId: input.ownerOrganizationId,
          ownerPersonId: input.ownerPersonId ?? null,
          dueOn: input.dueOn,
          status: ProblemStatus.OPEN,
          repeatRuleVersionId: rule.id,
        },
        { action: 'responsibility.problem.record', changes: { ...input, repeatRuleVersionId: rule.id }, ...recordEvent(problemEvents['responsibility.problem.recorded'], payloadOf) },
      );
    });
  }

  /** Rectification reported: OPEN becomes RECTIFYING; a timeline entry. */
  rectify(ctx: RequestContext, input: ReportProblemRectificationInput): Promise<Problem> {
    const recordedOn = input.recordedOn ?? ctx.clock.today();
    assertNotFuture(recordedOn, 'input.recordedOn', ctx.clock.today());
    return this.step(ctx, 'rectify', input, {}, { recordedOn, note: input.note, attachmentIds: input.attachmentIds }, (p) => {
      if (recordedOn < p.foundOn) throw problemRules.field('input.recordedOn', 'range', `must not be before the problem was found (${p.foundOn}).`);
    });
  }

  /** Closure by the owner with the criteria of the effectiveness check and its due day (by the rule's working days unless given). */
  async close(ctx: RequestContext, input: CloseProblemInput): Promise<Problem> {
    assertNotFuture(input.closedOn, 'input.closedOn', ctx.clock.today());
    if (input.checkDueOn && input.checkDueOn < input.closedOn) throw problemRules.field('input.checkDueOn', 'notBeforeFrom', 'must not be before closedOn.');
    return transaction(ctx, async (tx) => {
      const rule = await businessRules.inForce(tx, PROBLEM_EFFECTIVENESS, tx.clock.today(), 'input.closedOn');
      const checkDueOn = input.checkDueOn ?? (await workingDays.add(tx, input.closedOn, rule.value.checkAfterWorkingDays));
      const patch: Patch<Omit<Problem, 'status'>> = {
        closedOn: input.closedOn,
        closedById: tx.principal.id,
        closedByKind: tx.principal.kind,
        closedByName: tx.principal.displayName,
        effectivenessCriteria: input.effectivenessCriteria,
        checkDueOn,
        effectivenessRuleVersionId: rule.id,
      };
      return this.step(tx, 'close', input, patch, { recordedOn: input.closedOn, note: `${input.note}（验证标准：${input.effectivenessCriteria}）`, attachmentIds: input.attachmentIds }, (p) => {
        if (input.closedOn < p.foundOn) throw problemRules.field('input.closedOn', 'range', `must not be before the problem was found (${p.foundOn}).`);
      });
    });
  }

  /**
   * The effectiveness check, by someone other than who closed the problem: EFFECTIVE, or INEFFECTIVE
   * which reopens it to RECTIFYING (its closure cleared, a new deadline when given).
   */
  verify(ctx: RequestContext, input: VerifyProblemEffectivenessInput): Promise<Problem> {
    const today = ctx.clock.today();
    const checkedOn = input.checkedOn ?? today;
    assertNotFuture(checkedOn, 'input.checkedOn', today);
    const effective = input.result === EffectivenessResult.EFFECTIVE;
    if (input.dueOn !== undefined && input.dueOn !== null && effective) throw problemRules.field('input.dueOn', 'exclusive', 'a new deadline goes only with an INEFFECTIVE result.');
    if (input.dueOn && input.dueOn < checkedOn) throw problemRules.field('input.dueOn', 'notBeforeFrom', 'must not be before the check.');
    const checked: Patch<Omit<Problem, 'status'>> = { effectivenessResult: input.result, checkedOn, checkedById: ctx.principal.id, checkedByKind: ctx.principal.kind, checkedByName: ctx.principal.displayName, checkNote: input.note };
    const reopened: Patch<Omit<Problem, 'status'>> = { closedOn: null, closedById: null, closedByKind: null, closedByName: null, effectivenessCriteria: null, checkDueOn: null, effectivenessRuleVersionId: null, ...(input.dueOn ? { dueOn: input.dueOn } : {}) };
    return this.step(ctx, effective ? 'confirmEffective' : 'reopen', input, effective ? checked : { ...checked, ...reopened }, { recordedOn: checkedOn, note: input.note, effectivenessResult: input.result }, (p) => {
      if (p.closedById !== null && p.closedById === ctx.principal.id) throw problemRules.field('input.id', 'independentReviewer', 'the effectiveness check must be made by someone other than who closed the problem.');
      if (checkedOn < p.closedOn!) throw problemRules.field('input.checkedOn', 'range', `must not be before the closure (${p.closedOn}).`);
    });
  }

  /** A post-event review held by an organization of the caller's scope, with a readable subject and the problems it raised. */
  recordReview(ctx: RequestContext, input: RecordProblemReviewInput): Promise<ProblemReview> {
    return transaction(ctx, async (tx) => {
      assertNotFuture(input.heldOn, 'input.heldOn', tx.clock.today());
      await records(tx, Organizations, ProblemPermission.ProblemManage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      if (input.subjectNodeId) await assertReadableNode(tx, input.subjectNodeId, 'input.subjectNodeId', null);
      const problemIds = input.problemIds ?? [];
      await records(tx, Problems, ProblemPermission.ProblemManage).referenceAll(problemIds, 'input.problemIds');
      const review = await createRecord(
        tx,
        ProblemReview,
        'ProblemReview',
        { organizationId: input.organizationId, title: input.title, heldOn: input.heldOn, subjectNodeId: input.subjectNodeId ?? null, findings: input.findings, lessons: input.lessons },
        { action: 'responsibility.problem-review.record', changes: { ...input, problemIds }, ...recordEvent(problemEvents['responsibility.problem-review.recorded'], (r: ProblemReview) => ({ id: r.id, organizationId: r.organizationId })) },
      );
      await insertReviewProblems(tx, review.id, problemIds);
      return review;
    });
  }

  /** A source: a readable record of a type that fits the kind (by global id), or an upstream finding's reference. */
  private async checkSource(tx: RequestContext, kind: ProblemSourceKind, nodeId: string | null, reference: string | null): Promise<void> {
    if (UPSTREAM.includes(kind)) {
      if (!reference) throw problemRules.field('input.sourceReference', 'required', `an ${kind} source is named by its reference, e.g. 2025年区安委会考核巡查反馈第3条.`);
    } else if (!nodeId && (kind !== ProblemSourceKind.OTHER || !reference)) {
      throw problemRules.field('input.sourceNodeId', 'required', kind === ProblemSourceKind.OTHER ? 'give the source\'s nodeId or its reference.' : `a ${kind} source is named by its nodeId.`);
    }
    if (nodeId) await assertReadableNode(tx, nodeId, 'input.sourceNodeId', SOURCE_TYPES[kind]);
  }

  /**
   * One workflow step: the problem locked within the step's permission scope (else NOT_FOUND), at
   * the version read (else CONFLICT), in a state the step starts from (else `state`), then the step's
   * own checks; the change, its timeline entry, audit entry and event commit together.
   */
  private step(
    ctx: RequestContext,
    name: ProblemStep,
    input: { readonly id: string; readonly version: number },
    patch: Patch<Omit<Problem, 'status'>>,
    details: ProblemStepDetails,
    check?: (problem: Problem) => void,
  ): Promise<Problem> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Problems, PROBLEM_WORKFLOW.permissionOf(name)).lock(input.id);
      const organization = details.attachmentIds?.length ? await records(tx, Organizations, PROBLEM_WORKFLOW.permissionOf(name)).one(current.organizationId, ['id', 'path']) : null;
      return applyStep(tx, PROBLEM_WORKFLOW, name, {
        current,
        version: input.version,
        patch,
        details: { ...details, organization: organization ? { id: organization.id, path: organization.path } : undefined },
        check: () => check?.(current),
        changes: { ...diff(current, { ...current, ...patch }), note: details.note },
      });
    });
  }
}
