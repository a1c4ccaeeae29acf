import {
  assertNotBefore,
  SortDirection,
  applyStep,
  assertNotFuture,
  assertVersion,
  businessRules,
  createRecord,
  recordEvent,
  records,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  workingDays,
  type AppliedRule,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { OrganizationKind, Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { HazardGrade, HazardStatus, Hazards } from '@domains/risk';
import { SupervisionAction } from './supervision-action.entity';
import { OPEN_SUPERVISION_STATUSES, SupervisionKind, SupervisionStatus } from './supervision.enums';
import { SupervisionActionOrder } from './supervision.orders';
import { SUPERVISION_RULES } from './supervision-rules';
import { type SupervisionRuleValue } from '../business-rules/supervision';
import { SupervisionActionHazards, SupervisionActions } from './supervision.entities';
import { supervisionEvents } from './supervision.events';
import { supervisionRules } from './supervision.rules';
import { SupervisionPermission } from './supervision.permissions';
import { SUPERVISION_WORKFLOW, recordSupervisionEntry, supervisionPayload, type SupervisionStep } from './supervision-workflow';
import { insertSupervisionHazardLinks, listedWithOpenHazards, overdueSupervision, supervisionFigureRows } from './supervision.sql';
import { SupervisionFigures, SupervisionKindFigures } from './supervision.types';
import type {
  DecideSupervisionExtensionInput,
  IssueSupervisionActionInput,
  RequestSupervisionExtensionInput,
  SupervisionActionListArgs,
  SupervisionFiguresArgs,
  SupervisionReasonInput,
  SupervisionStepInput,
} from './supervision.inputs';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const SUPERVISION_KEY_PROPERTIES = ['issuedOn'];

/** Who the safety committee may address: departments, villages and communities (enterprise-facing inspections are enforcement's). */
export const ADDRESSEE_KINDS: readonly OrganizationKind[] = [OrganizationKind.DEPARTMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** The issuing body when the input names none. */
export const DEFAULT_ISSUING_BODY = '南平镇安全生产委员会';

/** The most hazards one listed supervision ties (the input's bound). */
export const MAX_LINKED_HAZARDS = 20;

/** States from which the one extension may be requested (the deadline is still running). */
const EXTENDABLE: readonly SupervisionStatus[] = [SupervisionStatus.ISSUED, SupervisionStatus.ACKNOWLEDGED, SupervisionStatus.PLAN_SUBMITTED, SupervisionStatus.RECTIFYING];

/** The same overdue rule as `overdueSupervision`, for a loaded action. */
export const supervisionOverdue = (a: Pick<SupervisionAction, 'status' | 'dueOn'>, today: string): boolean => OPEN_SUPERVISION_STATUSES.includes(a.status) && a.dueOn < today;

const E = supervisionEvents;

/** Supervision actions: the list, the figures, the issue, the workflow and the one extension. */
export class SupervisionService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<SupervisionAction | null> {
    return records(ctx, SupervisionActions).one(id, properties);
  }

  list(ctx: RequestContext, args: SupervisionActionListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<SupervisionAction>> {
    const f = args.filter ?? {};
    let actions = records(ctx, SupervisionActions);
    if (f.kinds?.length) actions = actions.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.statuses?.length) actions = actions.where(sql`t.status = ANY(${f.statuses})`);
    if (f.withinSubtreeOf) actions = actions.where(organizationIdWithinSubtree('t.addressee_organization_id', f.withinSubtreeOf));
    if (f.issuedFrom) actions = actions.where(sql`t.issued_on >= CAST(${f.issuedFrom} AS date)`);
    if (f.issuedTo) actions = actions.where(sql`t.issued_on <= CAST(${f.issuedTo} AS date)`);
    assertNotBefore(f.issuedFrom, f.issuedTo, 'filter.issuedTo', 'issuedFrom');
    if (f.overdue !== undefined && f.overdue !== null) {
      const overdue = overdueSupervision(ctx.clock.today());
      actions = actions.where(f.overdue ? overdue : sql`NOT ${overdue}`);
    }
    if (f.listedWithOpenHazards !== undefined && f.listedWithOpenHazards !== null) {
      const listed = listedWithOpenHazards(ctx);
      actions = actions.where(f.listedWithOpenHazards ? listed : sql`NOT ${listed}`);
    }
    return whereChanged(actions, f).page({ keys: SupervisionActionOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** Closure figures per kind over [from, to) within the caller's scope (see `supervisionFigureRows`). */
  async figures(ctx: RequestContext, args: SupervisionFiguresArgs): Promise<SupervisionFigures> {
    if (args.to <= args.from) throw supervisionRules.field('to', 'afterFrom', 'must be after from.');
    const kinds = args.filter?.kinds?.length ? Object.values(SupervisionKind).filter((k) => args.filter!.kinds!.includes(k)) : Object.values(SupervisionKind);
    const narrow: Sql[] = [sql`t.kind = ANY(${kinds})`];
    if (args.filter?.withinSubtreeOf) narrow.push(organizationIdWithinSubtree('t.addressee_organization_id', args.filter.withinSubtreeOf));
    const rows = await supervisionFigureRows(ctx, { from: args.from, to: args.to, today: ctx.clock.today() }, narrow);
    const byKind = new Map(rows.map((r) => [r.kind, r]));
    return Object.assign(new SupervisionFigures(), {
      from: args.from,
      to: args.to,
      kinds: kinds.map((kind) => {
        const r = byKind.get(kind);
        const due = r?.due ?? 0;
        const closedOnTime = r?.closedOnTime ?? 0;
        const median = r?.medianWorkingDaysToClose;
        return Object.assign(new SupervisionKindFigures(), {
          kind,
          due,
          closedOnTime,
          onTimeRate: due ? closedOnTime / due : null,
          openPastDeadline: r?.openPastDeadline ?? 0,
          closed: r?.closed ?? 0,
          medianWorkingDaysToClose: median === null || median === undefined ? null : Number(median),
        });
      }),
    });
  }

  /**
   * A new action: the addressee a department, village or community in the caller's scope, the hazards
   * (LISTED only) MAJOR hazards the caller may read, the deadlines from the kind's rule version in
   * force on the issue day (which the action keeps), its timeline's first entry, links, audit and event.
   */
  async issue(ctx: RequestContext, input: IssueSupervisionActionInput): Promise<SupervisionAction> {
    const today = ctx.clock.today();
    const issuedOn = input.issuedOn ?? today;
    assertNotFuture(issuedOn, 'input.issuedOn', today);
    if (input.kind === SupervisionKind.LISTED && !input.rectificationDueOn) throw supervisionRules.field('input.rectificationDueOn', 'required', 'listed supervision (挂牌督办) needs the rectification deadline set by the issuer.');
    if (input.rectificationDueOn && input.rectificationDueOn <= issuedOn) throw supervisionRules.field('input.rectificationDueOn', 'afterFrom', `must be after the issue day (${issuedOn}).`);
    if (input.hazardIds?.length && input.kind !== SupervisionKind.LISTED) throw supervisionRules.field('input.hazardIds', 'majorHazard', 'hazards are tied to listed supervision (LISTED) only.');
    return transaction(ctx, async (tx) => {
      const addressee = await records(tx, Organizations, SupervisionPermission.Manage).reference(input.addresseeOrganizationId, 'input.addresseeOrganizationId', { properties: ['id', 'kind'] });
      if (!ADDRESSEE_KINDS.includes(addressee.kind)) {
        throw supervisionRules.field('input.addresseeOrganizationId', 'addressee', `the safety committee addresses departments, villages and communities, not a ${addressee.kind} (enterprise-facing actions are enforcement's).`);
      }
      if (input.responsiblePersonId) await records(tx, Persons).reference(input.responsiblePersonId, 'input.responsiblePersonId', { properties: ['id'] });
      const hazardIds = input.hazardIds ?? [];
      const hazards = hazardIds.length ? await records(tx, Hazards).referenceAll(hazardIds, 'input.hazardIds', { properties: ['id', 'grade'] }) : [];
      hazards.forEach((h, i) => {
        if (h.grade !== HazardGrade.MAJOR) throw supervisionRules.field(`input.hazardIds.${i}`, 'majorHazard', `hazard ${h.id} is not graded MAJOR (重大事故隐患).`);
      });
      const rule = await businessRules.inForce(tx, SUPERVISION_RULES[input.kind], issuedOn, 'input.issuedOn');
      const responseDueOn = await workingDays.add(tx, issuedOn, rule.value.responseWorkingDays);
      const publicationDueOn = rule.value.publish ? await workingDays.add(tx, issuedOn, rule.value.publicationWorkingDays) : null;
      const action = await createRecord(
        tx,
        SupervisionAction,
        'SupervisionAction',
        {
          kind: input.kind,
          title: input.title,
          matter: input.matter,
          issuedOn,
          issuingBody: input.issuingBody ?? DEFAULT_ISSUING_BODY,
          addresseeOrganizationId: addressee.id,
          responsiblePersonId: input.responsiblePersonId ?? null,
          ruleVersionId: rule.id,
          responseDueOn,
          publicationDueOn,
          rectificationDueOn: input.rectificationDueOn ?? null,
          dueOn: input.rectificationDueOn ?? responseDueOn,
          status: SupervisionStatus.ISSUED,
          failureCount: 0,
        },
        { action: 'responsibility.supervision-action.issue', changes: { ...input, ruleVersionId: rule.id, responseDueOn, publicationDueOn }, ...recordEvent(E['responsibility.supervision-action.issued'], supervisionPayload) },
      );
      await insertSupervisionHazardLinks(tx, action.id, hazards.map((h) => h.id));
      await recordSupervisionEntry(tx, { action: 'issue', from: null, to: SupervisionStatus.ISSUED, record: action, details: { recordedOn: issuedOn, note: null } });
      return action;
    });
  }

  acknowledge(ctx: RequestContext, input: SupervisionStepInput): Promise<SupervisionAction> {
    return this.step(ctx, 'acknowledge', input, async (_tx, _a, on) => ({ acknowledgedOn: on }));
  }

  submitPlan(ctx: RequestContext, input: SupervisionStepInput): Promise<SupervisionAction> {
    return this.step(ctx, 'submitPlan', input, async (_tx, _a, on) => ({ planSubmittedOn: on }));
  }

  startRectifying(ctx: RequestContext, input: SupervisionStepInput): Promise<SupervisionAction> {
    return this.step(ctx, 'startRectifying', input, async () => ({}));
  }

  /** The acceptance window runs from the request: the rule version's acceptanceWorkingDays. */
  requestAcceptance(ctx: RequestContext, input: SupervisionStepInput): Promise<SupervisionAction> {
    return this.step(ctx, 'requestAcceptance', input, async (tx, a, on) => {
      const rule = await this.ruleOf(tx, a);
      return { acceptanceRequestedOn: on, acceptanceDueOn: await workingDays.add(tx, on, rule.value.acceptanceWorkingDays) };
    });
  }

  verify(ctx: RequestContext, input: SupervisionStepInput): Promise<SupervisionAction> {
    return this.step(ctx, 'verify', input, async (_tx, _a, on) => ({ verifiedOn: on }));
  }

  failVerification(ctx: RequestContext, input: SupervisionReasonInput): Promise<SupervisionAction> {
    return this.step(ctx, 'failVerification', input, async (_tx, a) => ({ failureCount: a.failureCount + 1, acceptanceDueOn: null }));
  }

  /** 销号; for LISTED 摘牌, refused while a linked hazard is not CLOSED in the risk module (one the caller cannot read counts as not closed). */
  close(ctx: RequestContext, input: SupervisionStepInput): Promise<SupervisionAction> {
    return this.step(ctx, 'close', input, async (tx, a, on) => {
      if (a.kind === SupervisionKind.LISTED) {
        const links = await records(tx, SupervisionActionHazards).where(sql`t.supervision_action_id = ${a.id}`).list({ keys: [{ column: 't.hazard_id', direction: SortDirection.ASC }], limit: MAX_LINKED_HAZARDS, properties: ['hazardId'] });
        const ids = links.map((l) => l.hazardId);
        const closed = ids.length ? await records(tx, Hazards).where(sql`t.id = ANY(CAST(${ids} AS uuid[])) AND t.status = ${HazardStatus.CLOSED}`).count() : 0;
        if (closed < ids.length) throw supervisionRules.field('input.id', 'hazardsOpen', `${ids.length - closed} of its ${ids.length} linked major hazard(s) are not closed in the risk module: delisting (摘牌) waits for their verification and closing.`);
      }
      return { closedOn: on };
    });
  }

  /** 升级督办 once acceptance has failed as often as the kind's rule version says (a repeat failure). */
  escalate(ctx: RequestContext, input: SupervisionReasonInput): Promise<SupervisionAction> {
    return this.step(ctx, 'escalate', input, async (tx, a, on) => {
      const rule = await this.ruleOf(tx, a);
      if (a.failureCount < rule.value.escalateAfterFailures) throw supervisionRules.field('input.id', 'repeatFailure', `escalation follows ${rule.value.escalateAfterFailures} failed acceptances; this action has ${a.failureCount}.`);
      return { escalatedOn: on };
    });
  }

  /** The one extension: allowed by the kind's rule version, requested at least its lead time (working days) before the deadline; the decision clock starts. */
  requestExtension(ctx: RequestContext, input: RequestSupervisionExtensionInput): Promise<SupervisionAction> {
    const today = ctx.clock.today();
    const requestedOn = input.requestedOn ?? today;
    assertNotFuture(requestedOn, 'input.requestedOn', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, SupervisionActions, SupervisionPermission.Respond).lock(input.id);
      assertVersion('SupervisionAction', current, input.version);
      if (!EXTENDABLE.includes(current.status)) throw supervisionRules.field('input.id', 'state', `cannot request an extension of a SupervisionAction whose status is ${current.status} (allowed from ${EXTENDABLE.join(', ')}).`);
      if (requestedOn < current.issuedOn) throw supervisionRules.field('input.requestedOn', 'range', `must not be before the issue day (${current.issuedOn}).`);
      const rule = await this.ruleOf(tx, current);
      if (!rule.value.extensionAllowed) throw supervisionRules.field('input.id', 'extension', `the rule of a ${current.kind} allows no extension.`);
      if (current.extensionRequestedOn) throw supervisionRules.field('input.id', 'extension', `one extension only: it was requested on ${current.extensionRequestedOn}.`);
      const lead = await workingDays.between(tx, requestedOn, current.dueOn);
      if (lead < rule.value.extensionRequestLeadWorkingDays) {
        throw supervisionRules.field('input.requestedOn', 'extensionLead', `an extension is requested at least ${rule.value.extensionRequestLeadWorkingDays} working days before the deadline (${current.dueOn}); ${requestedOn} is ${lead} before it.`);
      }
      const decisionDueOn = await workingDays.add(tx, requestedOn, rule.value.extensionDecisionWorkingDays);
      const updated = await updateRecord(tx, SupervisionAction, 'SupervisionAction', current, input.version, { extensionRequestedOn: requestedOn, extensionReason: input.reason, extensionDecisionDueOn: decisionDueOn }, {
        action: 'responsibility.supervision-action.requestExtension',
        ...recordEvent(E['responsibility.supervision-action.extensionRequested'], supervisionPayload),
      });
      await recordSupervisionEntry(tx, { action: 'requestExtension', from: current.status, to: current.status, record: updated, details: { recordedOn: requestedOn, note: input.reason } });
      return updated;
    });
  }

  /** The office's decision within the decision clock: approve with a new deadline (after the current one), or deny. */
  decideExtension(ctx: RequestContext, input: DecideSupervisionExtensionInput): Promise<SupervisionAction> {
    const today = ctx.clock.today();
    const decidedOn = input.decidedOn ?? today;
    assertNotFuture(decidedOn, 'input.decidedOn', today);
    if (input.approved && !input.newDeadline) throw supervisionRules.field('input.newDeadline', 'required', 'an approval needs the new deadline.');
    if (!input.approved && input.newDeadline) throw supervisionRules.field('input.newDeadline', 'exclusive', 'a denial sets no new deadline.');
    return transaction(ctx, async (tx) => {
      const current = await records(tx, SupervisionActions, SupervisionPermission.Manage).lock(input.id);
      assertVersion('SupervisionAction', current, input.version);
      if (!current.extensionRequestedOn || current.extensionDecidedOn || !OPEN_SUPERVISION_STATUSES.includes(current.status)) {
        throw supervisionRules.field('input.id', 'state', 'the action has no pending extension request.');
      }
      if (decidedOn < current.extensionRequestedOn) throw supervisionRules.field('input.decidedOn', 'range', `must not be before the request (${current.extensionRequestedOn}).`);
      if (decidedOn > current.extensionDecisionDueOn!) {
        throw supervisionRules.field('input.decidedOn', 'decisionClock', `the decision was due by ${current.extensionDecisionDueOn}: the request has lapsed (counts as denied).`);
      }
      if (input.newDeadline && input.newDeadline <= current.dueOn) throw supervisionRules.field('input.newDeadline', 'range', `must be after the current deadline (${current.dueOn}).`);
      const patch: Patch<SupervisionAction> = { extensionDecidedOn: decidedOn, extensionApproved: input.approved, extendedDueOn: input.newDeadline ?? null, ...(input.newDeadline ? { dueOn: input.newDeadline } : {}) };
      const updated = await updateRecord(tx, SupervisionAction, 'SupervisionAction', current, input.version, patch, {
        action: 'responsibility.supervision-action.decideExtension',
        ...recordEvent(E['responsibility.supervision-action.extensionDecided'], supervisionPayload),
      });
      const note = input.approved ? `批准延期至${input.newDeadline}` : '不予延期';
      await recordSupervisionEntry(tx, { action: 'decideExtension', from: current.status, to: current.status, record: updated, details: { recordedOn: decidedOn, note } });
      return updated;
    });
  }

  /**
   * One workflow step: the action locked within the step's permission scope (else NOT_FOUND), at the
   * version read (else CONFLICT), in a state the step starts from (else `state`), on a day not in the
   * future nor before the issue day, then the step's own checks and patch; the change, its timeline
   * entry, audit entry and event commit together.
   */
  private step(
    ctx: RequestContext,
    name: SupervisionStep,
    input: { readonly id: string; readonly version: number; readonly on?: string; readonly note?: string; readonly attachmentIds?: readonly string[] },
    build: (tx: RequestContext, current: SupervisionAction, on: string) => Promise<Patch<Omit<SupervisionAction, 'status'>>>,
  ): Promise<SupervisionAction> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, SupervisionActions, SUPERVISION_WORKFLOW.permissionOf(name)).lock(input.id);
      assertVersion('SupervisionAction', current, input.version);
      SUPERVISION_WORKFLOW.assertCanStep(name, current);
      if (on < current.issuedOn) throw supervisionRules.field('input.on', 'range', `must not be before the issue day (${current.issuedOn}).`);
      const patch = { ...(await build(tx, current, on)), ...(input.note ? { note: input.note } : {}) };
      const organization = input.attachmentIds?.length ? (await records(tx, Organizations, SUPERVISION_WORKFLOW.permissionOf(name)).one(current.addresseeOrganizationId, ['id', 'path'])) : null;
      return applyStep(tx, SUPERVISION_WORKFLOW, name, {
        current,
        version: input.version,
        patch,
        details: { recordedOn: on, note: input.note ?? null, attachmentIds: input.attachmentIds, organization: organization ? { id: organization.id, path: organization.path } : undefined },
      });
    });
  }

  /** The rule version the action keeps. */
  private ruleOf(ctx: RequestContext, a: Pick<SupervisionAction, 'kind' | 'ruleVersionId'>): Promise<AppliedRule<SupervisionRuleValue>> {
    return businessRules.stored(ctx, SUPERVISION_RULES[a.kind], a.ruleVersionId);
  }
}
