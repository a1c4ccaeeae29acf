import {
  ConflictError,
  SortDirection,
  archiveRecord,
  audit,
  createRecord,
  emitEvent,
  isChangeFeed,
  raw,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type PageRequest,
  type Patch,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { PreparednessPermission } from '@domains/preparedness';
import { WarningEscalation, WarningResponseAction, WarningResponseTemplate } from './escalation.entity';
import { WarningEscalationOrder, WarningResponseTemplateOrder } from './escalation.orders';
import { LEVEL_NAMES, LEVEL_ORDER_SQL, escalationTarget } from './escalation.chain';
import { clearEscalation, expireWarnings, lockDueDeliveries, moveDeliveryUp, type DueDelivery } from './escalation-sweep.sql';
import type {
  CompleteWarningResponseActionInput,
  CreateWarningResponseTemplateInput,
  UpdateWarningResponseTemplateInput,
  WarningEscalationListArgs,
  WarningResponseTemplateListArgs,
} from './escalation.inputs';
import { WarningDeliveryStatus } from '../model/warning.enums';
import { WARNING_WORKFLOW } from '../model/warning-transitions';
import { WarningDeliveries, WarningEscalations, WarningResponseActions, WarningResponseTemplates } from '../warnings.entities';
import { warningsEvents } from '../warnings.events';
import { warningsRules } from '../warnings.rules';
import { WarningPermission } from '../permissions';

/** How many due deliveries one sweep tick escalates at most (the rest wait for the next tick). */
export const SWEEP_BATCH = 100;

// ------------------------------------------------------------------ escalation

/**
 * One sweep tick, in one transaction: marks records past their expiry EXPIRED, then locks up to
 * SWEEP_BATCH PENDING deliveries whose deadline (`next_escalation_at`) has passed at `tx.clock.now()` (`FOR UPDATE SKIP LOCKED`: replicas sweeping at once take different rows) and
 * escalates each one step up the chain. A delivery of a warning no longer in force, or at its level's
 * last step, only has its deadline cleared. Returns the number of escalations written.
 */
export async function sweepEscalations(ctx: RequestContext): Promise<number> {
  return transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await expire(tx, now);
    const due = await lockDueDeliveries(tx, now, SWEEP_BATCH);
    let escalated = 0;
    for (const d of due) {
      const step = d.escalationStep + 1;
      if (!d.live || d.minutes === null || d.maxSteps === null || step > d.maxSteps) {
        await clearEscalation(tx, d.id);
        continue;
      }
      await escalate(tx, d, step, now);
      escalated++;
    }
    return escalated;
  });
}

/**
 * Records in force past their expiry time become EXPIRED (CAP: an alert ends at `expires` unless
 * updated or cancelled before; the warning workflow's `expire` step, in bulk), each with an audit
 * entry and a `rescue.warning.expired` event; their pending deliveries are no longer escalated.
 */
async function expire(tx: RequestContext, now: Date): Promise<void> {
  const step = WARNING_WORKFLOW.steps.expire;
  for (const w of await expireWarnings(tx, now)) {
    await audit(tx, { action: step.action, entityType: WARNING_WORKFLOW.entityName, entityId: w.id, changes: { status: step.to, at: now.toISOString() } });
    await emitEvent(tx, warningsEvents, 'rescue.warning.expired', { id: w.id, chainId: w.chainId, level: w.level });
  }
}

/** Moves one delivery a step up the chain: its new responsible person and deadline, and the escalation record (audited under the delivery, with its event). */
async function escalate(tx: RequestContext, d: DueDelivery, step: number, now: Date): Promise<void> {
  const target = await escalationTarget(tx, d.organizationId, step, now, d.responsiblePersonId);
  const waited = `${LEVEL_NAMES[d.level] ?? d.level}预警${d.minutes}分钟内未叫应`;
  const reason = target ? `${waited}，第${step}次升级至${target.role}` : `${waited}，第${step}次升级：升级链上无可通知人员，仍由原责任人叫应`;
  const next = step < d.maxSteps! ? new Date(now.getTime() + d.minutes! * 60_000) : null;
  const toPersonId = target?.personId ?? null;
  await moveDeliveryUp(tx, d.id, toPersonId, step, next);
  await createRecord(
    tx,
    WarningEscalation,
    'WarningEscalation',
    { deliveryId: d.id, warningId: d.warningId, organizationId: d.organizationId, step, escalatedAt: now, fromPersonId: d.responsiblePersonId, toPersonId, reason },
    {
      action: 'rescue.warning-delivery.escalate',
      auditUnder: { entityType: 'WarningDelivery', entityId: d.id },
      changes: (e) => ({ escalationId: e.id, step, fromPersonId: d.responsiblePersonId, toPersonId, nextEscalationAt: next?.toISOString() ?? null, reason }),
      ...recordEvent(warningsEvents['rescue.warning.escalated'], { deliveryId: d.id, warningId: d.warningId, organizationId: d.organizationId, step, toPersonId }),
    },
  );
}

/** Escalations of deliveries to organizations where the caller may read warnings, newest first. */
export function listEscalations(ctx: RequestContext, args: WarningEscalationListArgs, page: PageRequest): Promise<ConnectionResult<WarningEscalation>> {
  const f = args.filter ?? {};
  if (f.from && f.to && f.to <= f.from) throw warningsRules.field('filter.to', 'afterFrom', `must be after filter.from (${f.from.toISOString()}).`);
  let escalations = records(ctx, WarningEscalations);
  if (f.from) escalations = escalations.where(sql`t.escalated_at >= ${f.from}`);
  if (f.to) escalations = escalations.where(sql`t.escalated_at < ${f.to}`);
  if (f.withinSubtreeOf) escalations = escalations.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
  // Escalation records are written once and never changed: the feed goes by when they were written.
  return whereChanged(escalations, f, 't.created_at').page({ keys: WarningEscalationOrder.keys(args.orderBy), page, withCount: Boolean(page.withCount) });
}

// ------------------------------------------------------------------ response actions

/** The order of a delivery's response actions: the templates' order, then id. */
export const responseActionSortKeys: SortKey<WarningResponseAction>[] = [
  { column: 't.sort_order', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

export class WarningResponseActionService {
  /**
   * Marks an open action of a delivery to an organization where the caller may respond as done (who,
   * when, what). Out of scope answers NOT_FOUND; done already, or of a cancelled delivery: BAD_USER_INPUT.
   */
  async complete(ctx: RequestContext, input: CompleteWarningResponseActionInput): Promise<WarningResponseAction> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, WarningResponseActions, WarningPermission.WarningRespond).lock(input.id);
      if (current.completedAt) throw warningsRules.field('input.id', 'notCompleted', `the action was completed already at ${current.completedAt.toISOString()}.`);
      // The delivery is kept at the action's organization: in the same scope.
      const delivery = await records(tx, WarningDeliveries, WarningPermission.WarningRespond).one(current.deliveryId, ['status']);
      if (delivery?.status === WarningDeliveryStatus.CANCELLED) throw warningsRules.field('input.id', 'state', 'the warning delivery was cancelled; its actions are closed.');
      const patch: Patch<WarningResponseAction> = {
        completedAt: tx.clock.now(),
        completedByPersonId: tx.principal.personId ?? null,
        completedByUserId: tx.principal.kind === 'user' ? tx.principal.id : null,
        note: input.note || null,
      };
      return updateRecord(tx, WarningResponseAction, 'WarningResponseAction', current, input.version, patch, {
        action: 'rescue.warning-response-action.complete',
        changes: (updated) => ({ completedAt: updated.completedAt?.toISOString() ?? null, note: updated.note }),
        ...recordEvent(warningsEvents['rescue.warning-response-action.completed'], (updated: WarningResponseAction) => ({
          id: current.id,
          deliveryId: current.deliveryId,
          organizationId: current.organizationId,
          completedByPersonId: updated.completedByPersonId,
        })),
      });
    });
  }
}

// ------------------------------------------------------------------ templates

/** Templates are town-wide: whoever may read warnings may read them; only rescue.rule:manage changes them. */
export class WarningResponseTemplateService {
  list(ctx: RequestContext, args: WarningResponseTemplateListArgs, withCount: boolean): Promise<ConnectionResult<WarningResponseTemplate>> {
    const f = args.filter ?? {};
    let templates = records(ctx, WarningResponseTemplates);
    // A change feed lists retired templates too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) templates = templates.where(sql`t.archived_at IS NULL`);
    if (f.hazardType) templates = templates.where(sql`(t.hazard_type IS NULL OR t.hazard_type = ${f.hazardType})`);
    if (f.level) templates = templates.where(sql`array_position(${raw(LEVEL_ORDER_SQL)}, t.min_level) <= array_position(${raw(LEVEL_ORDER_SQL)}, CAST(${f.level} AS text))`);
    return whereChanged(templates, f).page({ keys: WarningResponseTemplateOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateWarningResponseTemplateInput): Promise<WarningResponseTemplate> {
    return transaction(ctx, async (tx) => {
      await this.checkActionFree(tx, input.hazardType ?? null, input.action, null);
      return createRecord(
        tx,
        WarningResponseTemplate,
        'WarningResponseTemplate',
        { hazardType: input.hazardType ?? null, minLevel: input.minLevel, sortOrder: input.sortOrder, action: input.action, evacuation: input.evacuation ?? false, archivedAt: null },
        {
          action: 'rescue.warning-response-template.create',
          changes: { ...input },
          ...recordEvent(warningsEvents['rescue.warning-response-template.created'], (t: WarningResponseTemplate) => ({ id: t.id, hazardType: t.hazardType, minLevel: t.minLevel })),
        },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateWarningResponseTemplateInput): Promise<WarningResponseTemplate> {
    return transaction(ctx, async (tx) => {
      const current = await this.lockActive(tx, input.id);
      const patch: Patch<WarningResponseTemplate> = sentFields(input, ['minLevel', 'sortOrder', 'evacuation']);
      if (input.action !== undefined && input.action !== current.action) {
        patch.action = input.action;
        await this.checkActionFree(tx, current.hazardType, input.action, current.id);
      }
      return updateRecord(tx, WarningResponseTemplate, 'WarningResponseTemplate', current, input.version, patch, {
        action: 'rescue.warning-response-template.update',
        ...recordEvent(warningsEvents['rescue.warning-response-template.updated'], { id: current.id }),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<WarningResponseTemplate> {
    return transaction(ctx, async (tx) => {
      const current = await this.lockActive(tx, input.id);
      return archiveRecord(tx, WarningResponseTemplate, 'WarningResponseTemplate', current, input.version, {
        action: 'rescue.warning-response-template.archive',
        ...recordEvent(warningsEvents['rescue.warning-response-template.archived'], { id: current.id }),
      });
    });
  }

  private async checkActionFree(tx: RequestContext, hazardType: string | null, action: string, exceptId: string | null): Promise<void> {
    let clash = records(tx, WarningResponseTemplates).where(sql`coalesce(t.hazard_type, '') = ${hazardType ?? ''} AND t.action = ${action} AND t.archived_at IS NULL`);
    if (exceptId) clash = clash.where(sql`t.id <> ${exceptId}`);
    if (await clash.count()) throw new ConflictError(`A current template of this hazard type already says ${action}.`, { entity: 'WarningResponseTemplate', field: 'input.action' });
  }

  /** The template, locked; NOT_FOUND when missing, BAD_USER_INPUT `notArchived` when retired. */
  private async lockActive(tx: RequestContext, id: string): Promise<WarningResponseTemplate> {
    const current = await records(tx, WarningResponseTemplates, PreparednessPermission.RuleManage).lock(id);
    if (current.archivedAt) throw warningsRules.field('input.id', 'notArchived', 'the template is archived.');
    return current;
  }
}
