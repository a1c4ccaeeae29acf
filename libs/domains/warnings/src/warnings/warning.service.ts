import { randomUUID } from 'node:crypto';
import { assertVersion, BadUserInputError, ConflictError, NotFoundError, SortDirection, audit, modifyReturning, paginateRows, readOne, sqlConditions, todayInChina, transaction, updateRecord, updateWithVersion, type ConnectionResult, type Principal, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope, organizationScope, withinSubtreeSql } from '@platform/directory';
import { Warning, WarningTarget } from '../model/warning.entity';
import { WarningDelivery, WarningEscalationPolicy } from '../model/warning-delivery.entity';
import { createResponseActions } from '../escalation/escalation.service';
import { LEVEL_COLOUR_ZH, WarningDeliveryStatus, WarningLevel, WarningMessageType, WarningStatus, levelSeveritySql } from '../model/warning.enums';
import { MAX_WARNINGS_PER_SECOND, WARNING_ISSUER_SERVICE, chinaTimestamp, identifierSecondPrefix, warningIdentifier, type WarningIssuerCode } from './warning-identifier';
import { checkAreaPolygon } from './warning-geometry';
import type { AcknowledgeWarningDeliveryInput, CancelWarningInput, IssueWarningInput, UpdateEscalationPolicyInput, UpdateWarningInput, WarningDeliveryListArgs, WarningListArgs } from './warning.inputs';
import { WarningPermission } from '../permissions';

/** Newest sent first; then by id, so the order (and the cursor) is total. */
export const warningSortKeys = (alias: string): SortKey<Warning>[] => [
  { column: `${alias}.sent_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** The wall screen's order: most severe level first, then newest sent. */
export const liveWarningSortKeys = (alias: string): SortKey<Warning>[] => [
  { column: levelSeveritySql(`${alias}.level`), direction: SortDirection.DESC },
  ...warningSortKeys(alias),
];

/** Latest delivered first, then by id. */
export const deliverySortKeys = (alias: string): SortKey<WarningDelivery>[] => [
  { column: `${alias}.delivered_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Properties the warning orders read besides the id. */
export const WARNING_KEY_PROPERTIES = ['level', 'sentAt'];
export const DELIVERY_KEY_PROPERTIES = ['deliveredAt'];

/**
 * SQL: the caller may read warning record `alias` (WarningRead): it targets an organization in their
 * scope, or was issued by one. Village officers thus see what is aimed at their subtree only.
 */
export function warningReadScope(principal: Principal, alias: string): { sql: string; params: Record<string, unknown> } {
  const targets = organizationIdInScope(principal, WarningPermission.WarningRead, 'wt.organization_id');
  if (targets.sql === 'TRUE' || targets.sql === 'FALSE') return targets;
  const issuer = organizationIdInScope(principal, WarningPermission.WarningRead, `${alias}.issuer_organization_id`);
  return { sql: `(EXISTS (SELECT 1 FROM warning_target wt WHERE wt.warning_id = ${alias}.id AND ${targets.sql}) OR ${issuer.sql})`, params: { ...targets.params, ...issuer.params } };
}

/** Runs a statement with named parameters (`:name`, `:...list`). */
export function namedQuery<R>(ctx: RequestContext, sql: string, params: Record<string, unknown>): Promise<R[]> {
  const [text, values] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, params);
  return ctx.manager.query(text, values);
}

/** The default headline: 南平镇人民政府发布暴雨橙色预警 (or …解除… for a cancellation). */
export const defaultHeadline = (senderName: string, eventName: string, level: WarningLevel, cancel = false): string =>
  `${senderName}${cancel ? '解除' : '发布'}${eventName}${LEVEL_COLOUR_ZH[level]}预警`;

interface Issuer {
  readonly id: string;
  readonly name: string;
  readonly code: string | null;
}

type WarningFields = Pick<Warning, 'hazardType' | 'eventName' | 'level' | 'headline' | 'description' | 'instruction' | 'source' | 'effectiveAt' | 'expiresAt' | 'areaPolygon' | 'note'>;

export class WarningService {
  list(ctx: RequestContext, args: WarningListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<Warning>> {
    const { where, params, add } = sqlConditions(warningReadScope(ctx.principal, 'w'));
    const f = args.filter ?? {};
    if (f.from && f.to && f.to <= f.from) throw BadUserInputError.field('filter.to', 'afterFrom', 'must be after from.');
    if (f.hazardTypes?.length) add('w.hazard_type IN (:...hazardTypes)', { hazardTypes: f.hazardTypes });
    if (f.levels?.length) add('w.level IN (:...levels)', { levels: f.levels });
    if (f.statuses?.length) add('w.status IN (:...statuses)', { statuses: f.statuses });
    if (f.from) add('w.sent_at >= :from', { from: f.from });
    if (f.to) add('w.sent_at < :to', { to: f.to });
    if (f.withinSubtreeOf) add(`EXISTS (SELECT 1 FROM warning_target st WHERE st.warning_id = w.id AND ${withinSubtreeSql('st.organization_id')})`, { subtreeRoot: f.withinSubtreeOf });
    return paginateRows({ manager: ctx.manager, entity: Warning, alias: 'w', table: 'warning', where, params, keys: warningSortKeys('w'), page: args, withCount, properties });
  }

  /** ACTIVE records in force now (ctx.clock): effectiveAt ≤ now < expiresAt, most severe first. */
  live(ctx: RequestContext, page: { first?: number; after?: string }, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<Warning>> {
    const { where, params, add } = sqlConditions(warningReadScope(ctx.principal, 'w'));
    add(`w.status = 'ACTIVE' AND w.effective_at <= :now AND w.expires_at > :now`, { now: ctx.clock.now() });
    return paginateRows({ manager: ctx.manager, entity: Warning, alias: 'w', table: 'warning', where, params, keys: liveWarningSortKeys('w'), page, withCount, properties });
  }

  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Warning | null> {
    const scope = warningReadScope(ctx.principal, 'w');
    return readOne({ manager: ctx.manager, entity: Warning, alias: 'w', table: 'warning', where: ['w.id = :id', scope.sql], params: { ...scope.params, id }, properties });
  }

  deliveries(ctx: RequestContext, args: WarningDeliveryListArgs, withCount: boolean): Promise<ConnectionResult<WarningDelivery>> {
    const { where, params, add } = sqlConditions(organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 'd.organization_id'));
    const f = args.filter ?? {};
    if (f.warningId) add('d.warning_id = :warningId', { warningId: f.warningId });
    if (f.organizationId) add('d.organization_id = :organizationId', { organizationId: f.organizationId });
    if (f.withinSubtreeOf) add(withinSubtreeSql('d.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.statuses?.length) add('d.status IN (:...statuses)', { statuses: f.statuses });
    return paginateRows({ manager: ctx.manager, entity: WarningDelivery, alias: 'd', table: 'warning_delivery', where, params, keys: deliverySortKeys('d'), page: args, withCount });
  }

  /**
   * Issues a warning (CAP Alert): the record with its national identifier, its targets, and one
   * delivery per target with the person who must answer and the escalation deadline of its level,
   * all in one transaction.
   */
  async issue(ctx: RequestContext, input: IssueWarningInput): Promise<Warning> {
    const now = ctx.clock.now();
    this.checkWindow(input.effectiveAt, input.expiresAt, now, 'input');
    const areaPolygon = checkAreaPolygon(input.areaPolygon, 'input.areaPolygon');
    return transaction(ctx, async (tx) => {
      const targets = await this.checkTargets(tx, input.targetOrganizationIds, 'input.targetOrganizationIds');
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
      const warning = await this.insertRecord(tx, issuer, fields, { messageType: WarningMessageType.ALERT, status: WarningStatus.ACTIVE, chainId: null, supersedesId: null }, now);
      const deliveries = await this.deliver(tx, warning, targets.map((t) => t.id), true);
      await audit(tx, { action: 'rescue.warning.issue', entityType: 'Warning', entityId: warning.id, changes: { ...input, identifier: warning.identifier, deliveries } });
      await tx.emit('rescue.warning.issued', { id: warning.id, chainId: warning.chainId, level: warning.level, organizationIds: targets.map((t) => t.id) });
      return warning;
    });
  }

  /**
   * Updates the ACTIVE record of a chain (CAP Update): a new record supersedes it, the old one's
   * pending deliveries are cancelled, and the new one is delivered afresh (it must be acknowledged again).
   */
  async update(ctx: RequestContext, input: UpdateWarningInput): Promise<Warning> {
    const now = ctx.clock.now();
    const areaPolygon = input.areaPolygon === undefined ? undefined : checkAreaPolygon(input.areaPolygon, 'input.areaPolygon');
    return transaction(ctx, async (tx) => {
      const current = await this.lockActive(tx, input.id, input.version, 'updated');
      this.checkWindow(input.effectiveAt ?? current.effectiveAt, input.expiresAt ?? current.expiresAt, now, 'input');
      const targetIds = input.targetOrganizationIds ?? (await this.targetIdsOf(tx, current.id));
      const targets = await this.checkTargets(tx, targetIds, 'input.targetOrganizationIds');
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
      await updateWithVersion(tx, Warning, 'Warning', current.id, input.version, { status: WarningStatus.SUPERSEDED });
      const cancelled = await this.cancelPending(tx, current.id);
      const warning = await this.insertRecord(tx, issuer, fields, { messageType: WarningMessageType.UPDATE, status: WarningStatus.ACTIVE, chainId: current.chainId, supersedesId: current.id }, now);
      const deliveries = await this.deliver(tx, warning, targets.map((t) => t.id), true);
      const { id: _id, version: _version, ...changes } = input;
      await audit(tx, { action: 'rescue.warning.update', entityType: 'Warning', entityId: warning.id, changes: { ...changes, supersedesId: current.id, identifier: warning.identifier, cancelledDeliveries: cancelled, deliveries } });
      await tx.emit('rescue.warning.updated', { id: warning.id, chainId: warning.chainId, supersedesId: current.id, level: warning.level, organizationIds: targets.map((t) => t.id) });
      return warning;
    });
  }

  /**
   * Cancels the ACTIVE record of a chain (CAP Cancel): a CANCELLED record referencing it carries the
   * reason and is delivered to the same targets without escalation; the old record and its pending
   * deliveries are cancelled.
   */
  async cancel(ctx: RequestContext, input: CancelWarningInput): Promise<Warning> {
    const now = ctx.clock.now();
    return transaction(ctx, async (tx) => {
      const current = await this.lockActive(tx, input.id, input.version, 'cancelled');
      const targetIds = await this.targetIdsOf(tx, current.id);
      const [issuer] = await namedQuery<Issuer>(tx, `SELECT id, name, code FROM organization WHERE id = :id`, { id: current.issuerOrganizationId });
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
      await updateWithVersion(tx, Warning, 'Warning', current.id, input.version, { status: WarningStatus.CANCELLED });
      const cancelled = await this.cancelPending(tx, current.id);
      const warning = await this.insertRecord(tx, { ...issuer!, name: current.senderName }, fields, { messageType: WarningMessageType.CANCEL, status: WarningStatus.CANCELLED, chainId: current.chainId, supersedesId: current.id }, now);
      const deliveries = await this.deliver(tx, warning, targetIds, false);
      await audit(tx, { action: 'rescue.warning.cancel', entityType: 'Warning', entityId: warning.id, changes: { reason: input.reason, cancels: current.id, identifier: warning.identifier, cancelledDeliveries: cancelled, deliveries } });
      await tx.emit('rescue.warning.cancelled', { id: warning.id, chainId: warning.chainId, supersedesId: current.id, level: warning.level, organizationIds: targetIds });
      return warning;
    });
  }

  /** Acknowledges a PENDING delivery to an organization where the caller may respond (叫应). */
  async acknowledge(ctx: RequestContext, input: AcknowledgeWarningDeliveryInput): Promise<WarningDelivery> {
    return transaction(ctx, async (tx) => {
      const scope = organizationIdInScope(tx.principal, WarningPermission.WarningRespond, 'd.organization_id');
      const current = await tx.manager.createQueryBuilder(WarningDelivery, 'd').where('d.id = :id', { id: input.id }).andWhere(scope.sql, scope.params).setLock('pessimistic_write').getOne();
      if (!current) throw new NotFoundError('WarningDelivery', input.id);
      if (current.status !== WarningDeliveryStatus.PENDING) {
        throw BadUserInputError.field('input.id', 'pending', `only a PENDING delivery can be acknowledged (this one is ${current.status}).`);
      }
      const principal = tx.principal;
      const patch = {
        status: WarningDeliveryStatus.ACKNOWLEDGED,
        acknowledgedAt: tx.clock.now(),
        acknowledgedByUserId: principal.kind === 'user' ? principal.id : null,
        acknowledgedByPersonId: principal.personId ?? null,
        ackChannel: input.channel,
        ackNote: input.note || null,
        nextEscalationAt: null,
      };
      return updateRecord(tx, WarningDelivery, 'WarningDelivery', current, current.version, patch, {
        action: 'rescue.warning.acknowledge',
        event: 'rescue.warning.acknowledged',
        payload: { warningId: current.warningId, deliveryId: current.id, organizationId: current.organizationId },
        changes: { status: [current.status, WarningDeliveryStatus.ACKNOWLEDGED], channel: input.channel, note: patch.ackNote, acknowledgedAt: patch.acknowledgedAt.toISOString() },
      });
    });
  }

  policies(ctx: RequestContext, page: { first?: number; after?: string }, withCount: boolean): Promise<ConnectionResult<WarningEscalationPolicy>> {
    return paginateRows({
      manager: ctx.manager,
      entity: WarningEscalationPolicy,
      alias: 'p',
      table: 'warning_escalation_policy',
      where: [],
      params: {},
      keys: [
        { column: levelSeveritySql('p.level'), direction: SortDirection.DESC },
        { column: 'p.level', direction: SortDirection.ASC },
      ],
      page,
      withCount,
    });
  }

  /** Changes a level's escalation policy (versioned); deliveries already made keep their deadlines. */
  async updatePolicy(ctx: RequestContext, input: UpdateEscalationPolicyInput): Promise<WarningEscalationPolicy> {
    return transaction(ctx, async (tx) => {
      const [before] = await tx.manager.query(`SELECT minutes, max_steps, version FROM warning_escalation_policy WHERE level = $1 FOR UPDATE`, [input.level]);
      if (!before) throw new NotFoundError('WarningEscalationPolicy', input.level);
      assertVersion('WarningEscalationPolicy', { id: input.level, version: before.version }, input.version);
      await tx.manager.query(`UPDATE warning_escalation_policy SET minutes = $2, max_steps = $3, version = version + 1, updated_at = now() WHERE level = $1`, [input.level, input.minutes, input.maxSteps]);
      await audit(tx, { action: 'rescue.warning.updateEscalationPolicy', entityType: 'WarningEscalationPolicy', entityId: null, changes: { level: input.level, minutes: [before.minutes, input.minutes], maxSteps: [before.max_steps, input.maxSteps] } });
      await tx.emit('rescue.warning.escalationPolicyUpdated', { level: input.level, minutes: input.minutes, maxSteps: input.maxSteps });
      return (await tx.manager.findOneBy(WarningEscalationPolicy, { level: input.level }))!;
    });
  }

  // ---------------------------------------------------------------- helpers

  /** effectiveAt < expiresAt, and the warning does not expire in the past. */
  private checkWindow(effectiveAt: Date, expiresAt: Date, now: Date, prefix: string): void {
    if (expiresAt.getTime() <= effectiveAt.getTime()) throw BadUserInputError.field(`${prefix}.expiresAt`, 'afterEffectiveAt', 'must be after effectiveAt.');
    if (expiresAt.getTime() <= now.getTime()) throw BadUserInputError.field(`${prefix}.expiresAt`, 'future', 'must be in the future.');
  }

  /** Each target must be an active village or community within the caller's issue scope (in the order given). */
  private async checkTargets(tx: RequestContext, ids: readonly string[], field: string): Promise<Array<{ id: string; kind: string; path: string }>> {
    const scope = organizationScope(tx.principal, WarningPermission.WarningIssue, 'o.path', 'o.id');
    const rows = await namedQuery<{ id: string; kind: string; path: string }>(
      tx,
      `SELECT o.id, o.kind, o.path::text AS path FROM organization o WHERE o.id IN (:...ids) AND o.archived_at IS NULL AND ${scope.sql}`,
      { ...scope.params, ids },
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id, i) => {
      const org = byId.get(id);
      if (!org) throw BadUserInputError.field(`${field}.${i}`, 'exists', `no active organization ${id} within your warning scope.`);
      if (org.kind !== 'VILLAGE' && org.kind !== 'COMMUNITY') throw BadUserInputError.field(`${field}.${i}`, 'villageOrCommunity', `warnings go to villages and communities; ${id} is a ${org.kind}.`);
      return org;
    });
  }

  /** The town government above every target issues the warning (its name heads the headline, its division code gives the default issuing unit code). */
  private async issuerOf(tx: RequestContext, targets: ReadonlyArray<{ path: string }>): Promise<Issuer> {
    const [issuer] = await namedQuery<Issuer>(
      tx,
      `SELECT o.id, o.name, o.code FROM organization o WHERE o.kind = 'TOWN_GOVERNMENT' AND o.archived_at IS NULL AND o.path @> ALL(CAST(:paths AS ltree[])) ORDER BY o.depth DESC, o.id LIMIT 1`,
      { paths: targets.map((t) => t.path) },
    );
    if (!issuer) throw BadUserInputError.field('input.targetOrganizationIds', 'sameTown', 'the targets must lie under one town government, which issues the warning.');
    if (!issuer.code || !/^\d{12}$/.test(issuer.code)) throw BadUserInputError.field('input.targetOrganizationIds', 'issuerDivisionCode', `the issuing organization ${issuer.name} has no 12-digit division code (行政区划代码).`);
    return issuer;
  }

  /**
   * Inserts a record with the next national identifier of its issuing unit (`unit_YYYYMMDDhhmmss_N`,
   * N = the unit's records of that second, serialized per unit); an 11th record within one second is
   * a CONFLICT to retry.
   */
  private async insertRecord(
    tx: RequestContext,
    issuer: Issuer,
    fields: WarningFields,
    chain: { messageType: WarningMessageType; status: WarningStatus; chainId: string | null; supersedesId: string | null },
    now: Date,
  ): Promise<Warning> {
    const unitCode = tx.service<WarningIssuerCode>(WARNING_ISSUER_SERVICE).unitCodeFor(issuer.code!);
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('rescue.warning.serial:' || $1))`, [unitCode]);
    const prefix = identifierSecondPrefix(unitCode, now);
    const [{ n }] = await tx.manager.query(`SELECT count(*)::int AS n FROM warning WHERE left(identifier, length($1)) = $1`, [prefix]);
    if (n >= MAX_WARNINGS_PER_SECOND) {
      throw new ConflictError(
        `The issuing unit ${unitCode} already issued ${MAX_WARNINGS_PER_SECOND} warning records at ${chinaTimestamp(now)} (Beijing time), the most one second allows (identifier serial 0–9, GB/T 35965.1). Retry in a second.`,
        { entity: 'Warning', unitCode, second: chinaTimestamp(now) },
      );
    }
    const id = randomUUID();
    return tx.manager.save(
      tx.manager.create(Warning, {
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
      }),
    );
  }

  /**
   * The record's targets and one delivery each: the responsible person is whoever holds a current
   * position there, the lead first, else a title with 应急; with `escalate`, the deadline is the
   * sent time plus the level's policy minutes (a cancellation notice does not escalate).
   */
  private async deliver(tx: RequestContext, warning: Warning, organizationIds: readonly string[], escalate: boolean): Promise<Array<{ organizationId: string; responsiblePersonId: string | null }>> {
    await namedQuery(tx, `INSERT INTO warning_target (warning_id, organization_id, added_at) SELECT :warningId, unnest(CAST(:ids AS uuid[])), :at`, { warningId: warning.id, ids: organizationIds, at: warning.sentAt });
    const rows = await namedQuery<{ id: string; organizationId: string; responsiblePersonId: string | null }>(
      tx,
      `INSERT INTO warning_delivery (warning_id, organization_id, responsible_person_id, status, delivered_at, next_escalation_at)
       SELECT :warningId, t.id, rp.person_id, 'PENDING', CAST(:at AS timestamptz),
              CASE WHEN :escalate THEN CAST(:at AS timestamptz) + make_interval(mins => (SELECT minutes FROM warning_escalation_policy WHERE level = :level)) END
       FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS t(id, ord)
       LEFT JOIN LATERAL (${RESPONSIBLE_PERSON_SQL('t.id')}) rp ON TRUE
       ORDER BY t.ord
       RETURNING id, organization_id AS "organizationId", responsible_person_id AS "responsiblePersonId"`,
      { warningId: warning.id, ids: organizationIds, at: warning.sentAt, escalate, level: warning.level, today: todayInChina(warning.sentAt) },
    );
    // The level's response checklist comes with each delivery (a cancellation notice has none).
    if (escalate) await createResponseActions(tx, rows.map((r) => r.id));
    return rows.map(({ organizationId, responsiblePersonId }) => ({ organizationId, responsiblePersonId }));
  }

  /** Cancels the pending deliveries of a record that was updated or cancelled; returns how many. */
  private async cancelPending(tx: RequestContext, warningId: string): Promise<number> {
    const rows = await modifyReturning(
      tx.manager,
      `UPDATE warning_delivery SET status = 'CANCELLED', next_escalation_at = NULL, version = version + 1, updated_at = now() WHERE warning_id = $1 AND status = 'PENDING' RETURNING id`,
      [warningId],
    );
    return rows.length;
  }

  private async targetIdsOf(tx: RequestContext, warningId: string): Promise<string[]> {
    const rows = await tx.manager.find(WarningTarget, { where: { warningId }, order: { addedAt: 'ASC', organizationId: 'ASC' } });
    return rows.map((r) => r.organizationId);
  }

  /** The record, locked, issued within the caller's issue scope, ACTIVE, at the version read. */
  private async lockActive(tx: RequestContext, id: string, version: number, verb: string): Promise<Warning> {
    const scope = organizationIdInScope(tx.principal, WarningPermission.WarningIssue, 'w.issuer_organization_id');
    const current = await tx.manager.createQueryBuilder(Warning, 'w').where('w.id = :id', { id }).andWhere(scope.sql, scope.params).setLock('pessimistic_write').getOne();
    if (!current) throw new NotFoundError('Warning', id);
    assertVersion('Warning', current, version);
    if (current.status !== WarningStatus.ACTIVE) throw BadUserInputError.field('input.id', 'active', `only the ACTIVE record of a warning can be ${verb} (this one is ${current.status}).`);
    return current;
  }
}

/**
 * SQL (a LATERAL body): the person who must answer for organization `orgColumn`: of the persons
 * holding a current position there (`:today`), the lead first, else one with 应急 in the title;
 * ties by the earliest start, then person id.
 */
export const RESPONSIBLE_PERSON_SQL = (orgColumn: string): string => `
  SELECT pp.person_id FROM person_position pp JOIN person p ON p.id = pp.person_id
  WHERE pp.organization_id = ${orgColumn} AND p.archived_at IS NULL
    AND (pp.started_on IS NULL OR pp.started_on <= CAST(:today AS date)) AND (pp.ended_on IS NULL OR pp.ended_on >= CAST(:today AS date))
    AND (pp.is_lead OR pp.title LIKE '%应急%')
  ORDER BY pp.is_lead DESC, (pp.title LIKE '%应急%') DESC, pp.started_on NULLS LAST, pp.person_id
  LIMIT 1`;
