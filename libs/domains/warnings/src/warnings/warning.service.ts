import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  SortDirection,
  applyStep,
  assertVersion,
  audit,
  createRecord,
  emitEvent,
  isChangeFeed,
  recordEvent,
  records,
  sql,
  transaction,
  unscoped,
  updateWithVersion,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RecordCreation,
  type RequestContext,
} from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { Warning } from '../model/warning.entity';
import type { WarningDelivery, WarningEscalationPolicy } from '../model/warning-delivery.entity';
import { createResponseActions } from '../escalation/response-actions.sql';
import { LEVEL_COLOUR_ZH, WarningLevel, WarningMessageType, WarningStatus } from '../model/warning.enums';
import { EscalationPolicyOrder, WarningDeliveryOrder, WarningOrder, liveWarningSortKeys } from './warning.orders';
import { MAX_WARNINGS_PER_SECOND, WARNING_ISSUER_SERVICE, chinaTimestamp, identifierSecondPrefix, warningIdentifier, type WarningIssuerCode } from './warning-identifier';
import {
  MAX_WARNING_TARGETS,
  type AcknowledgeWarningDeliveryInput,
  type CancelWarningInput,
  type EscalationPolicyListArgs,
  type IssueWarningInput,
  type LiveWarningListArgs,
  type UpdateEscalationPolicyInput,
  type UpdateWarningInput,
  type WarningDeliveryListArgs,
  type WarningListArgs,
} from './warning.inputs';
import { DELIVERY_WORKFLOW, WARNING_WORKFLOW } from '../model/warning-transitions';
import { responsiblePersons } from './responsible-persons';
import { cancelPendingDeliveries, insertTargetsAndDeliveries, lockIssuerSerial, updateEscalationPolicyRow, type DeliveryTarget } from './warning-records.sql';
import { WarningDeliveries, WarningEscalationPolicies, WarningTargets, Warnings } from '../warnings.entities';
import { warningsEvents } from '../warnings.events';
import { warningsRules } from '../warnings.rules';
import { WarningPermission } from '../permissions';

/** Properties the warning orders read besides the id. */
export const WARNING_KEY_PROPERTIES = ['level', 'sentAt'];
export const DELIVERY_KEY_PROPERTIES = ['deliveredAt'];

/** The default headline: 南平镇人民政府发布暴雨橙色预警 (or …解除… for a cancellation). */
export const defaultHeadline = (senderName: string, eventName: string, level: WarningLevel, cancel = false): string =>
  `${senderName}${cancel ? '解除' : '发布'}${eventName}${LEVEL_COLOUR_ZH[level]}预警`;

/** Why the issuing town government is read whatever the caller's organization scope. */
const ISSUER_REASON = 'the issuer is the town government above targets checked against the caller\'s issue scope, wherever the caller\'s organization scope';

interface Issuer {
  readonly id: string;
  readonly name: string;
  readonly code: string | null;
}

type WarningFields = Pick<Warning, 'hazardType' | 'eventName' | 'level' | 'headline' | 'description' | 'instruction' | 'source' | 'effectiveAt' | 'expiresAt' | 'areaPolygon' | 'note'>;
type ChainFields = Pick<Warning, 'messageType' | 'status' | 'supersedesId'> & { readonly chainId: string | null };

export class WarningService {
  list(ctx: RequestContext, args: WarningListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<Warning>> {
    const f = args.filter ?? {};
    if (f.from && f.to && f.to <= f.from) throw warningsRules.field('filter.to', 'afterFrom', 'must be after from.');
    let warnings = records(ctx, Warnings);
    if (f.hazardTypes?.length) warnings = warnings.where(sql`t.hazard_type = ANY(${f.hazardTypes})`);
    if (f.levels?.length) warnings = warnings.where(sql`t.level = ANY(${f.levels})`);
    if (f.statuses?.length) warnings = warnings.where(sql`t.status = ANY(${f.statuses})`);
    if (f.from) warnings = warnings.where(sql`t.sent_at >= ${f.from}`);
    if (f.to) warnings = warnings.where(sql`t.sent_at < ${f.to}`);
    if (f.withinSubtreeOf) {
      // A target in the subtree (and in the caller's scope: a filter narrows, never widens).
      const inSubtree = records(ctx, WarningTargets).as('st').where(sql`st.warning_id = t.id AND ${organizationIdWithinSubtree('st.organization_id', f.withinSubtreeOf)}`);
      warnings = warnings.where(sql`EXISTS ${inSubtree.subquery(sql`1`)}`);
    }
    return whereChanged(warnings, f).page({ keys: WarningOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * ACTIVE records in force now (ctx.clock): effectiveAt ≤ now < expiresAt, most severe first. A
   * change feed lists every record changed since, in force or not (those updated, cancelled or
   * expired since are its tombstones: their status says so).
   */
  live(ctx: RequestContext, args: LiveWarningListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<Warning>> {
    const f = args.filter ?? {};
    const now = ctx.clock.now();
    let warnings = records(ctx, Warnings);
    if (!isChangeFeed(f)) warnings = warnings.where(sql`t.status = 'ACTIVE' AND t.effective_at <= ${now} AND t.expires_at > ${now}`);
    const keys = args.orderBy?.length ? WarningOrder.keys(args.orderBy) : liveWarningSortKeys('t');
    return whereChanged(warnings, f).page({ keys, page: args, withCount, properties });
  }

  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Warning | null> {
    return records(ctx, Warnings).one(id, properties);
  }

  deliveries(ctx: RequestContext, args: WarningDeliveryListArgs, withCount: boolean): Promise<ConnectionResult<WarningDelivery>> {
    const f = args.filter ?? {};
    let deliveries = records(ctx, WarningDeliveries);
    if (f.warningId) deliveries = deliveries.where(sql`t.warning_id = ${f.warningId}`);
    if (f.organizationId) deliveries = deliveries.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.withinSubtreeOf) deliveries = deliveries.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.statuses?.length) deliveries = deliveries.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(deliveries, f).page({ keys: WarningDeliveryOrder.keys(args.orderBy), page: args, withCount });
  }

  /**
   * Issues a warning (CAP Alert): the record with its national identifier, its targets, and one
   * delivery per target with the person who must answer and the escalation deadline of its level,
   * all in one transaction.
   */
  async issue(ctx: RequestContext, input: IssueWarningInput): Promise<Warning> {
    const now = ctx.clock.now();
    this.checkWindow(input.effectiveAt, input.expiresAt, now);
    // The GeoJSON scalar has checked the area and kept only its type and coordinates.
    const areaPolygon = input.areaPolygon ?? null;
    return transaction(ctx, async (tx) => {
      const targets = await this.checkTargets(tx, input.targetOrganizationIds);
      const issuer = await this.issuerOf(tx, targets);
      const fields: WarningFields = {
        hazardType: input.hazardType,
        eventName: input.eventName,
        level: input.level,
        headline: input.headline || defaultHeadline(issuer.name, input.eventName, input.level),
        description: input.description,
        instruction: input.instruction,
        source: input.source,
        effectiveAt: input.effectiveAt,
        expiresAt: input.expiresAt,
        areaPolygon,
        note: null,
      };
      const organizationIds = targets.map((t) => t.id);
      const deliveries = await this.deliveryTargets(tx, organizationIds);
      const warning = await this.insertRecord(tx, issuer, fields, { messageType: WarningMessageType.ALERT, status: WarningStatus.ACTIVE, chainId: null, supersedesId: null }, now, {
        action: 'rescue.warning.issue',
        changes: (w) => ({ ...input, identifier: w.identifier, deliveries }),
        ...recordEvent(warningsEvents['rescue.warning.issued'], (w: Warning) => ({ id: w.id, chainId: w.chainId, level: w.level, organizationIds })),
      });
      await this.deliver(tx, warning, deliveries, true);
      return warning;
    });
  }

  /**
   * Updates the ACTIVE record of a chain (CAP Update, the workflow's `update` step): a new record
   * supersedes it, the old one's pending deliveries are cancelled, and the new one is delivered
   * afresh (it must be acknowledged again).
   */
  async update(ctx: RequestContext, input: UpdateWarningInput): Promise<Warning> {
    const now = ctx.clock.now();
    const areaPolygon = input.areaPolygon;
    return transaction(ctx, async (tx) => {
      const current = await this.lockReplaced(tx, 'update', input.id, input.version);
      this.checkWindow(input.effectiveAt ?? current.effectiveAt, input.expiresAt ?? current.expiresAt, now);
      const targets = await this.checkTargets(tx, input.targetOrganizationIds ?? (await this.targetIdsOf(tx, current.id)));
      const issuer = await this.issuerOf(tx, targets);
      const eventName = input.eventName ?? current.eventName;
      const level = input.level ?? current.level;
      const keptDefault = current.headline === defaultHeadline(current.senderName, current.eventName, current.level);
      const fields: WarningFields = {
        hazardType: current.hazardType,
        eventName,
        level,
        headline: input.headline ?? (keptDefault ? defaultHeadline(issuer.name, eventName, level) : current.headline),
        description: input.description ?? current.description,
        instruction: input.instruction ?? current.instruction,
        source: input.source ?? current.source,
        effectiveAt: input.effectiveAt ?? current.effectiveAt,
        expiresAt: input.expiresAt ?? current.expiresAt,
        areaPolygon: areaPolygon === undefined ? current.areaPolygon : areaPolygon,
        note: input.note || null,
      };
      await this.markReplaced(tx, 'update', current, input.version);
      const cancelled = await cancelPendingDeliveries(tx, current.id);
      const organizationIds = targets.map((t) => t.id);
      const deliveries = await this.deliveryTargets(tx, organizationIds);
      const { id: _id, version: _version, ...changes } = input;
      const warning = await this.insertRecord(tx, issuer, fields, { messageType: WarningMessageType.UPDATE, status: WarningStatus.ACTIVE, chainId: current.chainId, supersedesId: current.id }, now, {
        action: WARNING_WORKFLOW.steps.update.action,
        changes: (w) => ({ ...changes, supersedesId: current.id, identifier: w.identifier, cancelledDeliveries: cancelled, deliveries }),
        ...recordEvent(warningsEvents['rescue.warning.updated'], (w: Warning) => ({ id: w.id, chainId: w.chainId, supersedesId: current.id, level: w.level, organizationIds })),
      });
      await this.deliver(tx, warning, deliveries, true);
      return warning;
    });
  }

  /**
   * Cancels the ACTIVE record of a chain (CAP Cancel, the workflow's `cancel` step): a CANCELLED
   * record referencing it carries the reason and is delivered to the same targets without
   * escalation; the old record and its pending deliveries are cancelled.
   */
  async cancel(ctx: RequestContext, input: CancelWarningInput): Promise<Warning> {
    const now = ctx.clock.now();
    return transaction(ctx, async (tx) => {
      const current = await this.lockReplaced(tx, 'cancel', input.id, input.version);
      const targetIds = await this.targetIdsOf(tx, current.id);
      const issuer = (await unscoped(tx, Organizations, ISSUER_REASON).one(current.issuerOrganizationId, ['name', 'code']))!;
      const fields: WarningFields = {
        hazardType: current.hazardType,
        eventName: current.eventName,
        level: current.level,
        headline: defaultHeadline(current.senderName, current.eventName, current.level, true),
        description: current.description,
        instruction: current.instruction,
        source: current.source,
        effectiveAt: current.effectiveAt,
        expiresAt: current.expiresAt,
        areaPolygon: current.areaPolygon,
        note: input.reason,
      };
      await this.markReplaced(tx, 'cancel', current, input.version);
      const cancelled = await cancelPendingDeliveries(tx, current.id);
      const deliveries = await this.deliveryTargets(tx, targetIds);
      const sender = { id: issuer.id, name: current.senderName, code: issuer.code };
      const warning = await this.insertRecord(tx, sender, fields, { messageType: WarningMessageType.CANCEL, status: WarningStatus.CANCELLED, chainId: current.chainId, supersedesId: current.id }, now, {
        action: WARNING_WORKFLOW.steps.cancel.action,
        changes: (w) => ({ reason: input.reason, cancels: current.id, identifier: w.identifier, cancelledDeliveries: cancelled, deliveries }),
        ...recordEvent(warningsEvents['rescue.warning.cancelled'], (w: Warning) => ({ id: w.id, chainId: w.chainId, supersedesId: current.id, level: w.level, organizationIds: targetIds })),
      });
      await this.deliver(tx, warning, deliveries, false);
      return warning;
    });
  }

  /**
   * Acknowledges a PENDING delivery to an organization where the caller may respond (叫应, the
   * delivery workflow's `acknowledge` step): out of scope NOT_FOUND, not PENDING rule `state`.
   */
  async acknowledge(ctx: RequestContext, input: AcknowledgeWarningDeliveryInput): Promise<WarningDelivery> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, WarningDeliveries, DELIVERY_WORKFLOW.permissionOf('acknowledge')).lock(input.id);
      const principal = tx.principal;
      const acknowledgedAt = tx.clock.now();
      const ackNote = input.note || null;
      return applyStep(tx, DELIVERY_WORKFLOW, 'acknowledge', {
        current,
        // The input carries no version: a delivery is answered as it is now.
        version: current.version,
        patch: {
          acknowledgedAt,
          acknowledgedByUserId: principal.kind === 'user' ? principal.id : null,
          acknowledgedByPersonId: principal.personId ?? null,
          ackChannel: input.channel,
          ackNote,
          nextEscalationAt: null,
        },
        changes: { channel: input.channel, note: ackNote, acknowledgedAt: acknowledgedAt.toISOString() },
      });
    });
  }

  policies(ctx: RequestContext, args: EscalationPolicyListArgs, withCount: boolean): Promise<ConnectionResult<WarningEscalationPolicy>> {
    return whereChanged(records(ctx, WarningEscalationPolicies), args.filter).page({ keys: EscalationPolicyOrder.keys(args.orderBy), page: args, withCount });
  }

  /** Changes a level's escalation policy (versioned); deliveries already made keep their deadlines. */
  async updatePolicy(ctx: RequestContext, input: UpdateEscalationPolicyInput): Promise<WarningEscalationPolicy> {
    return transaction(ctx, async (tx) => {
      const before = await records(tx, WarningEscalationPolicies, WarningPermission.WarningIssue).lock(input.level);
      assertVersion('WarningEscalationPolicy', { id: input.level, version: before.version }, input.version);
      await updateEscalationPolicyRow(tx, input.level, input.minutes, input.maxSteps);
      await audit(tx, { action: 'rescue.warning.updateEscalationPolicy', entityType: 'WarningEscalationPolicy', entityId: null, changes: { level: input.level, minutes: [before.minutes, input.minutes], maxSteps: [before.maxSteps, input.maxSteps] } });
      await emitEvent(tx, warningsEvents, 'rescue.warning.escalationPolicyUpdated', { level: input.level, minutes: input.minutes, maxSteps: input.maxSteps });
      return (await records(tx, WarningEscalationPolicies).one(input.level))!;
    });
  }

  // ---------------------------------------------------------------- helpers

  /** effectiveAt < expiresAt, and the warning does not expire in the past. */
  private checkWindow(effectiveAt: Date, expiresAt: Date, now: Date): void {
    if (expiresAt.getTime() <= effectiveAt.getTime()) throw warningsRules.field('input.expiresAt', 'afterEffectiveAt', 'must be after effectiveAt.');
    if (expiresAt.getTime() <= now.getTime()) throw warningsRules.field('input.expiresAt', 'future', 'must be in the future.');
  }

  /**
   * The targets, in the order given: each an organization within the caller's issue scope (else
   * NOT_FOUND on `input.targetOrganizationIds.<i>`), not archived (else `notArchived`), and a
   * village or community.
   */
  private async checkTargets(tx: RequestContext, ids: readonly string[]): Promise<Array<{ id: string; path: string }>> {
    const field = 'input.targetOrganizationIds';
    const orgs = await records(tx, Organizations, WarningPermission.WarningIssue).referenceAll(ids, field, { properties: ['kind', 'path'] });
    orgs.forEach((org, i) => {
      if (org.kind !== 'VILLAGE' && org.kind !== 'COMMUNITY') throw warningsRules.field(`${field}.${i}`, 'villageOrCommunity', `warnings go to villages and communities; ${org.id} is a ${org.kind}.`);
    });
    return orgs.map((o) => ({ id: o.id, path: o.path }));
  }

  /** The town government above every target issues the warning (its name heads the headline, its division code gives the default issuing unit code). */
  private async issuerOf(tx: RequestContext, targets: ReadonlyArray<{ path: string }>): Promise<Issuer> {
    const [issuer] = await unscoped(tx, Organizations, ISSUER_REASON)
      .where(sql`t.kind = 'TOWN_GOVERNMENT' AND t.archived_at IS NULL AND t.path @> ALL(CAST(${targets.map((t) => t.path)} AS ltree[]))`)
      .list({
        keys: [
          { column: 't.depth', direction: SortDirection.DESC },
          { column: 't.id', direction: SortDirection.ASC },
        ],
        limit: 1,
        properties: ['name', 'code'],
      });
    if (!issuer) throw warningsRules.field('input.targetOrganizationIds', 'sameTown', 'the targets must lie under one town government, which issues the warning.');
    if (!issuer.code || !/^\d{12}$/.test(issuer.code)) throw warningsRules.field('input.targetOrganizationIds', 'issuerDivisionCode', `the issuing organization ${issuer.name} has no 12-digit division code (行政区划代码).`);
    return issuer;
  }

  /**
   * Inserts a record with the next national identifier of its issuing unit (`unit_YYYYMMDDhhmmss_N`,
   * N = the unit's records of that second, serialized per unit), with the mutation's audit entry and
   * event (`createRecord`); an 11th record within one second is a CONFLICT to retry.
   */
  private async insertRecord(tx: RequestContext, issuer: Issuer, fields: WarningFields, chain: ChainFields, now: Date, creation: RecordCreation<Warning>): Promise<Warning> {
    const unitCode = tx.service<WarningIssuerCode>(WARNING_ISSUER_SERVICE).unitCodeFor(issuer.code!);
    await lockIssuerSerial(tx, unitCode);
    const prefix = identifierSecondPrefix(unitCode, now);
    const n = await unscoped(tx, Warnings, 'the serial counts every record of the issuing unit in that second, wherever the caller\'s scope')
      .where(sql`left(t.identifier, length(${prefix})) = ${prefix}`)
      .count();
    if (n >= MAX_WARNINGS_PER_SECOND) {
      throw new ConflictError(
        `The issuing unit ${unitCode} already issued ${MAX_WARNINGS_PER_SECOND} warning records at ${chinaTimestamp(now)} (Beijing time), the most one second allows (identifier serial 0–9, GB/T 35965.1). Retry in a second.`,
        { entity: 'Warning', unitCode, second: chinaTimestamp(now) },
      );
    }
    const id = randomUUID();
    const values: Patch<Warning> = {
      id,
      identifier: warningIdentifier(unitCode, now, n),
      chainId: chain.chainId ?? id,
      supersedesId: chain.supersedesId,
      messageType: chain.messageType,
      status: chain.status,
      issuerOrganizationId: issuer.id,
      senderName: issuer.name,
      sentAt: now,
      sentByUserId: tx.principal.kind === 'user' ? tx.principal.id : null,
      ...fields,
    };
    return createRecord(tx, Warning, 'Warning', values, creation);
  }

  /**
   * Who must answer at each target (in the order given): whoever holds a current position there on
   * the clock's day, the lead first, else a title with 应急 (see `responsiblePersons`).
   */
  private async deliveryTargets(tx: RequestContext, organizationIds: readonly string[]): Promise<DeliveryTarget[]> {
    const persons = await responsiblePersons(tx, organizationIds, tx.clock.today());
    return organizationIds.map((organizationId) => ({ organizationId, responsiblePersonId: persons.get(organizationId) ?? null }));
  }

  /**
   * The record's targets and one delivery each; with `escalate`, due at the sent time plus the
   * level's policy minutes and with the level's response checklist (a cancellation notice has neither).
   */
  private async deliver(tx: RequestContext, warning: Warning, targets: readonly DeliveryTarget[], escalate: boolean): Promise<void> {
    const deliveryIds = await insertTargetsAndDeliveries(tx, warning, targets, escalate);
    if (escalate) await createResponseActions(tx, deliveryIds);
  }

  /** Every target of a record the caller has locked within their issue scope, in the order added. */
  private async targetIdsOf(tx: RequestContext, warningId: string): Promise<string[]> {
    const targets = await unscoped(tx, WarningTargets, 'every target of a record locked within the caller\'s issue scope: an update or a cancellation goes to all of them')
      .where(sql`t.warning_id = ${warningId}`)
      .list({
        keys: [
          { column: 't.added_at', direction: SortDirection.ASC },
          { column: 't.organization_id', direction: SortDirection.ASC },
        ],
        limit: MAX_WARNING_TARGETS,
      });
    return targets.map((t) => t.organizationId);
  }

  /**
   * The record an update or a cancellation replaces: locked within the step's permission scope
   * (NOT_FOUND otherwise), at the version read (CONFLICT), in a state the step starts from
   * (BAD_USER_INPUT rule `state`).
   */
  private async lockReplaced(tx: RequestContext, step: 'update' | 'cancel', id: string, version: number): Promise<Warning> {
    const current = await records(tx, Warnings, WARNING_WORKFLOW.permissionOf(step)).lock(id);
    assertVersion('Warning', current, version);
    WARNING_WORKFLOW.assertCanStep(step, current);
    return current;
  }

  /**
   * The replaced record takes the step's state (versioned). Its audit entry and event are the new
   * record's, which references it (CAP), as they always were: no second entry for the same change.
   */
  private async markReplaced(tx: RequestContext, step: 'update' | 'cancel', current: Warning, version: number): Promise<void> {
    await updateWithVersion(tx, Warning, 'Warning', current.id, version, { status: WARNING_WORKFLOW.steps[step].to });
  }
}
