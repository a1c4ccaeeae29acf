import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  SortDirection,
  archiveRecord,
  audit,
  lockActiveOrFail,
  modifyReturning,
  paginate,
  paginateRows,
  sqlConditions,
  transaction,
  updateRecord,
  type ArchiveInput,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { organizationIdInScope, withinSubtreeSql } from '@platform/directory';
import { WarningEscalation, WarningResponseAction, WarningResponseTemplate } from './escalation.entity';
import { LEVEL_NAMES, LEVEL_ORDER_SQL, escalationTarget } from './escalation.chain';
import type {
  CompleteWarningResponseActionInput,
  CreateWarningResponseTemplateInput,
  UpdateWarningResponseTemplateInput,
  WarningEscalationListArgs,
  WarningResponseTemplateListArgs,
} from './escalation.inputs';
import { WarningPermission } from '../permissions';

/** How many due deliveries one sweep tick escalates at most (the rest wait for the next tick). */
export const SWEEP_BATCH = 100;

// ------------------------------------------------------------------ escalation

interface DueDelivery {
  id: string;
  warningId: string;
  organizationId: string;
  responsiblePersonId: string | null;
  escalationStep: number;
  level: string;
  live: boolean;
  minutes: number | null;
  maxSteps: number | null;
}

/**
 * One sweep tick, in one transaction: marks records past their expiry EXPIRED, then locks up to
 * SWEEP_BATCH PENDING deliveries whose deadline (`next_escalation_at`) has passed at `tx.clock.now()` (`FOR UPDATE SKIP LOCKED`: replicas sweeping at once take different rows) and
 * escalates each one step up the chain. A delivery of a warning no longer in force, or at its level's
 * last step, only has its deadline cleared. Returns the number of escalations written.
 */
export async function sweepEscalations(ctx: RequestContext): Promise<number> {
  return transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    await expireWarnings(tx, now);
    const due: DueDelivery[] = await tx.manager.query(
      `SELECT d.id, d.warning_id AS "warningId", d.organization_id AS "organizationId", d.responsible_person_id AS "responsiblePersonId",
              d.escalation_step AS "escalationStep", w.level, (w.status = 'ACTIVE' AND w.expires_at > $1) AS live, p.minutes, p.max_steps AS "maxSteps"
         FROM warning_delivery d
         JOIN warning w ON w.id = d.warning_id
         LEFT JOIN warning_escalation_policy p ON p.level = w.level
        WHERE d.status = 'PENDING' AND d.next_escalation_at <= $1
        ORDER BY d.next_escalation_at, d.id
        LIMIT ${SWEEP_BATCH}
        FOR UPDATE OF d SKIP LOCKED`,
      [now],
    );
    let escalated = 0;
    for (const d of due) {
      const step = d.escalationStep + 1;
      if (!d.live || d.minutes === null || d.maxSteps === null || step > d.maxSteps) {
        await tx.manager.query(`UPDATE warning_delivery SET next_escalation_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [d.id]);
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
 * updated or cancelled before), each with an audit entry and a `rescue.warning.expired` event; their
 * pending deliveries are no longer escalated.
 */
async function expireWarnings(tx: RequestContext, now: Date): Promise<void> {
  const expired = await modifyReturning<{ id: string; chainId: string; level: string }>(
    tx.manager,
    `UPDATE warning SET status = 'EXPIRED', version = version + 1, updated_at = now() WHERE status = 'ACTIVE' AND expires_at <= $1
     RETURNING id, chain_id AS "chainId", level`,
    [now],
  );
  if (!expired.length) return;
  await tx.manager.query(`UPDATE warning_delivery SET next_escalation_at = NULL, version = version + 1, updated_at = now() WHERE warning_id = ANY($1::uuid[]) AND next_escalation_at IS NOT NULL`, [expired.map((w) => w.id)]);
  for (const w of expired) {
    await audit(tx, { action: 'rescue.warning.expire', entityType: 'Warning', entityId: w.id, changes: { status: 'EXPIRED', at: now.toISOString() } });
    await tx.emit('rescue.warning.expired', { id: w.id, chainId: w.chainId, level: w.level });
  }
}

/** Moves one delivery a step up the chain: the escalation row, the delivery's new responsible person and deadline, audit, event. */
async function escalate(tx: RequestContext, d: DueDelivery, step: number, now: Date): Promise<void> {
  const target = await escalationTarget(tx, d.organizationId, step, now, d.responsiblePersonId);
  const waited = `${LEVEL_NAMES[d.level] ?? d.level}预警${d.minutes}分钟内未叫应`;
  const reason = target ? `${waited}，第${step}次升级至${target.role}` : `${waited}，第${step}次升级：升级链上无可通知人员，仍由原责任人叫应`;
  const [row]: Array<{ id: string }> = await tx.manager.query(
    `INSERT INTO warning_escalation (delivery_id, warning_id, organization_id, step, escalated_at, from_person_id, to_person_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [d.id, d.warningId, d.organizationId, step, now, d.responsiblePersonId, target?.personId ?? null, reason],
  );
  const next = step < d.maxSteps! ? new Date(now.getTime() + d.minutes! * 60_000) : null;
  await tx.manager.query(
    `UPDATE warning_delivery SET responsible_person_id = coalesce($2, responsible_person_id), escalation_step = $3, next_escalation_at = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    [d.id, target?.personId ?? null, step, next],
  );
  await audit(tx, {
    action: 'rescue.warning-delivery.escalate',
    entityType: 'WarningDelivery',
    entityId: d.id,
    changes: { escalationId: row!.id, step, fromPersonId: d.responsiblePersonId, toPersonId: target?.personId ?? null, nextEscalationAt: next?.toISOString() ?? null, reason },
  });
  await tx.emit('rescue.warning.escalated', { deliveryId: d.id, warningId: d.warningId, organizationId: d.organizationId, step, toPersonId: target?.personId ?? null });
}

/** Newest first; ties by id. */
export const escalationSortKeys = (alias: string): SortKey<WarningEscalation>[] => [
  { column: `${alias}.escalated_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Escalations of deliveries to organizations where the caller may read warnings, newest first. */
export function listEscalations(ctx: RequestContext, args: WarningEscalationListArgs, page: PageRequest): Promise<ConnectionResult<WarningEscalation>> {
  const f = args.filter ?? {};
  if (f.from && f.to && f.to <= f.from) throw BadUserInputError.field('filter.to', 'afterFrom', `must be after filter.from (${f.from.toISOString()}).`);
  const c = sqlConditions(organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 'e.organization_id'));
  if (f.from) c.add('e.escalated_at >= :from', { from: f.from });
  if (f.to) c.add('e.escalated_at < :to', { to: f.to });
  if (f.withinSubtreeOf) c.add(withinSubtreeSql('e.organization_id'), { subtreeRoot: f.withinSubtreeOf });
  return paginateRows({ manager: ctx.manager, entity: WarningEscalation, alias: 'e', table: 'warning_escalation', where: c.where, params: c.params, keys: escalationSortKeys('e'), page, withCount: Boolean(page.withCount) });
}

// ------------------------------------------------------------------ response actions

/**
 * Copies the response actions of deliveries that have none yet from the current templates of their
 * warning's hazard type (or any) whose minimum level is at or below the warning's level: the given
 * deliveries (the warnings core calls it in the transaction that issues or updates a warning), or with
 * null every non-cancelled delivery of a warning in force (the demo seed). Cancellation notices get
 * none. Idempotent (NOT EXISTS, and the unique (delivery, template) key under concurrent callers).
 * Returns the ids of the actions written.
 */
export async function createResponseActions(tx: RequestContext, deliveryIds: readonly string[] | null): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.manager.query(
    `INSERT INTO warning_response_action (delivery_id, organization_id, template_id, sort_order, action, evacuation)
     SELECT d.id, d.organization_id, t.id, t.sort_order, t.action, t.evacuation
       FROM warning_delivery d
       JOIN warning w ON w.id = d.warning_id
       JOIN warning_response_template t ON t.archived_at IS NULL AND (t.hazard_type IS NULL OR t.hazard_type = w.hazard_type)
            AND array_position(${LEVEL_ORDER_SQL}, t.min_level) <= array_position(${LEVEL_ORDER_SQL}, w.level)
      WHERE ${deliveryIds ? 'd.id = ANY($1::uuid[])' : `w.status = 'ACTIVE'`} AND d.status <> 'CANCELLED' AND w.message_type <> 'CANCEL'
        AND NOT EXISTS (SELECT 1 FROM warning_response_action x WHERE x.delivery_id = d.id)
     ON CONFLICT (delivery_id, template_id) DO NOTHING
     RETURNING id`,
    deliveryIds ? [[...deliveryIds]] : [],
  );
  return rows.map((r) => r.id);
}

/** The response actions of many deliveries (the caller has already read the deliveries), in template order; one statement. */
export function responseActionsOf(ctx: RequestContext, deliveryIds: readonly string[]): Promise<WarningResponseAction[]> {
  return ctx.manager.createQueryBuilder(WarningResponseAction, 'a').where('a.delivery_id = ANY(:ids)', { ids: deliveryIds }).orderBy('a.delivery_id').addOrderBy('a.sort_order').addOrderBy('a.id').getMany();
}

export class WarningResponseActionService {
  /**
   * Marks an open action of a delivery to an organization where the caller may respond as done (who,
   * when, what). Out of scope answers NOT_FOUND; done already, or of a cancelled delivery: BAD_USER_INPUT.
   */
  async complete(ctx: RequestContext, input: CompleteWarningResponseActionInput): Promise<WarningResponseAction> {
    return transaction(ctx, async (tx) => {
      const scope = organizationIdInScope(tx.principal, WarningPermission.WarningRespond, 'a.organization_id');
      const { entities, raw } = await tx.manager
        .createQueryBuilder(WarningResponseAction, 'a')
        .innerJoin('warning_delivery', 'd', 'd.id = a.delivery_id')
        .addSelect('d.status', 'delivery_status')
        .where('a.id = :id', { id: input.id })
        .andWhere(scope.sql, scope.params)
        .setLock('pessimistic_write', undefined, ['a'])
        .getRawAndEntities<{ delivery_status: string }>();
      const current = entities[0];
      if (!current) throw new NotFoundError('WarningResponseAction', input.id);
      if (current.completedAt) throw BadUserInputError.field('input.id', 'notCompleted', `the action was completed already at ${current.completedAt.toISOString()}.`);
      if (raw[0]!.delivery_status === 'CANCELLED') throw BadUserInputError.field('input.id', 'state', 'the warning delivery was cancelled; its actions are closed.');
      const patch = {
        completedAt: tx.clock.now(),
        completedByPersonId: tx.principal.personId ?? null,
        completedByUserId: tx.principal.kind === 'user' ? tx.principal.id : null,
        note: input.note || null,
      };
      return updateRecord(tx, WarningResponseAction, 'WarningResponseAction', current, input.version, patch, {
        action: 'rescue.warning-response-action.complete',
        changes: (updated) => ({ completedAt: updated.completedAt?.toISOString() ?? null, note: updated.note }),
        event: 'rescue.warning-response-action.completed',
        payload: (updated) => ({ id: current.id, deliveryId: current.deliveryId, organizationId: current.organizationId, completedByPersonId: updated.completedByPersonId }),
      });
    });
  }
}

// ------------------------------------------------------------------ templates

/** By sort order; ties by id. */
export const templateSortKeys = (alias: string): SortKey<WarningResponseTemplate>[] => [
  { column: `${alias}.sort_order`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Templates are town-wide: whoever may read warnings may read them; only rescue.rule:manage changes them. */
export class WarningResponseTemplateService {
  list(ctx: RequestContext, args: WarningResponseTemplateListArgs, withCount: boolean): Promise<ConnectionResult<WarningResponseTemplate>> {
    const qb = ctx.manager.createQueryBuilder(WarningResponseTemplate, 't');
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('t.archived_at IS NULL');
    if (f.hazardType) qb.andWhere('(t.hazard_type IS NULL OR t.hazard_type = :hazardType)', { hazardType: f.hazardType });
    if (f.level) qb.andWhere(`array_position(${LEVEL_ORDER_SQL}, t.min_level) <= array_position(${LEVEL_ORDER_SQL}, CAST(:level AS text))`, { level: f.level });
    return paginate(qb, args, templateSortKeys('t'), withCount);
  }

  async create(ctx: RequestContext, input: CreateWarningResponseTemplateInput): Promise<WarningResponseTemplate> {
    return transaction(ctx, async (tx) => {
      const action = input.action;
      await this.checkActionFree(tx, input.hazardType ?? null, action, null);
      const template = await tx.manager.save(
        tx.manager.create(WarningResponseTemplate, { hazardType: input.hazardType ?? null, minLevel: input.minLevel, sortOrder: input.sortOrder, action, evacuation: input.evacuation ?? false, archivedAt: null }),
      );
      await audit(tx, { action: 'rescue.warning-response-template.create', entityType: 'WarningResponseTemplate', entityId: template.id, changes: { ...input } });
      await tx.emit('rescue.warning-response-template.created', { id: template.id, hazardType: template.hazardType, minLevel: template.minLevel });
      return template;
    });
  }

  async update(ctx: RequestContext, input: UpdateWarningResponseTemplateInput): Promise<WarningResponseTemplate> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Partial<WarningResponseTemplate> = {};
      if (input.action !== undefined && input.action !== current.action) {
        patch.action = input.action;
        await this.checkActionFree(tx, current.hazardType, patch.action, current.id);
      }
      if (input.minLevel !== undefined) patch.minLevel = input.minLevel;
      if (input.sortOrder !== undefined) patch.sortOrder = input.sortOrder;
      if (input.evacuation !== undefined) patch.evacuation = input.evacuation;
      return updateRecord(tx, WarningResponseTemplate, 'WarningResponseTemplate', current, input.version, patch, {
        action: 'rescue.warning-response-template.update',
        event: 'rescue.warning-response-template.updated',
        payload: { id: current.id },
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<WarningResponseTemplate> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      return archiveRecord(tx, WarningResponseTemplate, 'WarningResponseTemplate', current, input.version, { action: 'rescue.warning-response-template.archive', event: 'rescue.warning-response-template.archived', payload: { id: current.id } });
    });
  }

  private async checkActionFree(tx: RequestContext, hazardType: string | null, action: string, exceptId: string | null): Promise<void> {
    const clash = await tx.manager
      .createQueryBuilder(WarningResponseTemplate, 't')
      .where(`coalesce(t.hazard_type, '') = :hazard AND t.action = :action AND t.archived_at IS NULL`, { hazard: hazardType ?? '', action })
      .andWhere(exceptId ? 't.id <> :exceptId' : 'TRUE', { exceptId })
      .getExists();
    if (clash) throw new ConflictError(`A current template of this hazard type already says ${action}.`, { entity: 'WarningResponseTemplate', field: 'input.action' });
  }

  private getActiveOrFail(tx: RequestContext, id: string): Promise<WarningResponseTemplate> {
    return lockActiveOrFail(tx.manager.createQueryBuilder(WarningResponseTemplate, 't'), 'WarningResponseTemplate', id, 'the template is archived.');
  }
}
