import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  SortDirection,
  audit,
  demand,
  diff,
  localDaySql,
  paginateRows,
  readOne,
  sqlConditions,
  transaction,
  updateRecord,
  locationColumns,
  type ConnectionResult,
  type Principal,
  type RequestContext,
  type SortKey,
  type SqlConditions,
} from '@platform/core';
import { OrganizationKind, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import { RiskPermission } from '@domains/risk';
import { DamageReport, Incident, IncidentHazard, IncidentOrganization, IncidentWarning } from './incident.entity';
import { DamageReportKind, INCIDENT_STATUS_ORDER, IncidentStatus, type IncidentType } from './incident.enums';
import type { IncidentTypeDamage } from './incident.types';
import { ResponsePermission } from '../permissions';
import { WarningPermission } from '@domains/warnings';
import type {
  AddDamageReportInput,
  DamageReportFiguresInput,
  IncidentDamageSummaryArgs,
  IncidentListArgs,
  LinkIncidentHazardsInput,
  LinkIncidentWarningsInput,
  MoveIncidentInput,
  OpenIncidentInput,
  UpdateIncidentInput,
} from './incident.inputs';

type Scope = { sql: string; params: Record<string, unknown> };

/** Latest happened first; then by id, so the order (and the cursor) is total. */
export const incidentSortKeys = (alias: string): SortKey<Incident>[] => [
  { column: `${alias}.occurred_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Reports of an incident in the order sent (sequence is unique per incident; the id closes the order). */
export const damageReportSortKeys = (alias: string): SortKey<DamageReport>[] => [
  { column: `${alias}.sequence`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const INCIDENT_KEY_PROPERTIES = ['occurredAt'];
export const DAMAGE_REPORT_KEY_PROPERTIES = ['sequence'];

/** Organizations an incident may affect. */
const AFFECTED_KINDS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** SQL order of an incident's reports with the one whose figures count first: the VERIFIED one, else the latest. */
export const LATEST_REPORT_ORDER = (alias: string) => `(${alias}.kind = 'VERIFIED') DESC, ${alias}.sequence DESC`;

/**
 * SQL: the incident (alias) is readable with `permission`: its reporting organization, or one of the
 * villages it affects, is within the caller's scope.
 */
export function incidentScope(principal: Principal, alias: string, permission: string = ResponsePermission.IncidentRead): Scope {
  const own = organizationIdInScope(principal, permission, `${alias}.reporting_organization_id`);
  if (own.sql === 'TRUE' || own.sql === 'FALSE') return own;
  const affected = organizationIdInScope(principal, permission, `${alias}_io.organization_id`);
  return {
    sql: `(${own.sql} OR EXISTS (SELECT 1 FROM incident_organization ${alias}_io WHERE ${alias}_io.incident_id = ${alias}.id AND ${affected.sql}))`,
    params: { ...own.params, ...affected.params },
  };
}

/** Adds the list and summary filters shared by `incidents` and `incidentDamageSummary`. */
function addIncidentFilters(c: SqlConditions, alias: string, f: { from?: string; to?: string; withinSubtreeOf?: string; types?: IncidentType[]; statuses?: IncidentStatus[] }, prefix: string): void {
  if (f.from && f.to && f.to < f.from) throw BadUserInputError.field(`${prefix}to`, 'notBeforeFrom', 'must not be before from.');
  if (f.withinSubtreeOf) {
    c.add(`(${withinSubtreeSql(`${alias}.reporting_organization_id`)} OR EXISTS (SELECT 1 FROM incident_organization sx WHERE sx.incident_id = ${alias}.id AND ${withinSubtreeSql('sx.organization_id')}))`, {
      subtreeRoot: f.withinSubtreeOf,
    });
  }
  if (f.types?.length) c.add(`${alias}.type IN (:...types)`, { types: f.types });
  if (f.statuses?.length) c.add(`${alias}.status IN (:...statuses)`, { statuses: f.statuses });
  if (f.from) c.add(`${localDaySql(`${alias}.occurred_at`)} >= CAST(:from AS date)`, { from: f.from });
  if (f.to) c.add(`${localDaySql(`${alias}.occurred_at`)} <= CAST(:to AS date)`, { to: f.to });
}

/** The figures of a report input, omitted ones 0, with the crop rule (绝收 is part of 受灾). */
function figures(input: DamageReportFiguresInput, prefix: string): Partial<DamageReport> {
  const f = {
    affectedPeople: input.affectedPeople ?? 0,
    relocatedPeople: input.relocatedPeople ?? 0,
    deaths: input.deaths ?? 0,
    missing: input.missing ?? 0,
    injured: input.injured ?? 0,
    housesCollapsed: input.housesCollapsed ?? 0,
    housesSeverelyDamaged: input.housesSeverelyDamaged ?? 0,
    housesSlightlyDamaged: input.housesSlightlyDamaged ?? 0,
    cropAreaHectares: input.cropAreaHectares ?? 0,
    cropFailureHectares: input.cropFailureHectares ?? 0,
    directEconomicLossYuan: input.directEconomicLossYuan ?? 0,
    note: input.note || null,
  };
  if (f.cropFailureHectares > f.cropAreaHectares) {
    throw BadUserInputError.field(`${prefix}cropFailureHectares`, 'notAboveCropArea', `the crop area with total failure (${f.cropFailureHectares} ha) is part of the area affected (${f.cropAreaHectares} ha) and cannot exceed it.`);
  }
  return f;
}

/** The incident fields of an open input (the initial report gets its own audit entry). */
const withoutReport = ({ initialReport: _r, ...rest }: OpenIncidentInput): Record<string, unknown> => ({ ...rest });

/** What an audit entry keeps of a report. */
const reportChanges = (r: DamageReport) => {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest as Record<string, unknown>;
};

export class IncidentService {
  /** One incident by id if the caller may read it. */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Incident | null> {
    const scope = incidentScope(ctx.principal, 'i');
    return readOne({ manager: ctx.manager, entity: Incident, alias: 'i', table: 'incident', where: ['i.id = :id', scope.sql], params: { ...scope.params, id }, properties });
  }

  list(ctx: RequestContext, args: IncidentListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Incident>> {
    const c = sqlConditions(incidentScope(ctx.principal, 'i'));
    addIncidentFilters(c, 'i', args.filter ?? {}, 'filter.');
    return paginateRows({ manager: ctx.manager, entity: Incident, alias: 'i', table: 'incident', where: c.where, params: c.params, keys: incidentSortKeys('i'), page: args, withCount, properties });
  }

  /**
   * Per incident type: how many incidents (in scope, happened in the period) and the sums of each
   * incident's counting figures (its VERIFIED report, else its latest), in one statement.
   */
  async damageSummary(ctx: RequestContext, args: IncidentDamageSummaryArgs): Promise<IncidentTypeDamage[]> {
    const c = sqlConditions(incidentScope(ctx.principal, 'i'));
    addIncidentFilters(c, 'i', args, '');
    const sum = (column: string) => `coalesce(sum(l.${column}), 0)`;
    const sql = `
      WITH scoped AS (SELECT i.id, i.type FROM incident i WHERE ${c.where.map((w) => `(${w})`).join(' AND ') || 'TRUE'}),
      latest AS (
        SELECT DISTINCT ON (r.incident_id) r.*
        FROM incident_damage_report r JOIN scoped s ON s.id = r.incident_id
        ORDER BY r.incident_id, ${LATEST_REPORT_ORDER('r')}
      )
      SELECT s.type AS "type", count(*)::int AS "incidents", count(l.incident_id)::int AS "reportedIncidents",
        count(*) FILTER (WHERE l.kind = 'VERIFIED')::int AS "verifiedIncidents",
        ${sum('affected_people')}::int8::text AS "affectedPeople", ${sum('relocated_people')}::int8::text AS "relocatedPeople",
        ${sum('deaths')}::int8::text AS "deaths", ${sum('missing')}::int8::text AS "missing", ${sum('injured')}::int8::text AS "injured",
        ${sum('houses_collapsed')}::int8::text AS "housesCollapsed", ${sum('houses_severely_damaged')}::int8::text AS "housesSeverelyDamaged",
        ${sum('houses_slightly_damaged')}::int8::text AS "housesSlightlyDamaged",
        ${sum('crop_area_hectares')}::text AS "cropAreaHectares", ${sum('crop_failure_hectares')}::text AS "cropFailureHectares",
        ${sum('direct_economic_loss_yuan')}::text AS "directEconomicLossYuan"
      FROM scoped s LEFT JOIN latest l ON l.incident_id = s.id
      GROUP BY s.type
      ORDER BY count(*) DESC, s.type`;
    const [query, positional] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, c.params);
    const rows: Array<Record<string, string | number>> = await ctx.manager.query(query, positional);
    const numbers = ['affectedPeople', 'relocatedPeople', 'deaths', 'missing', 'injured', 'housesCollapsed', 'housesSeverelyDamaged', 'housesSlightlyDamaged', 'cropAreaHectares', 'cropFailureHectares', 'directEconomicLossYuan'];
    return rows.map((r) => {
      const out: Record<string, unknown> = { ...r };
      for (const n of numbers) out[n] = Number(r[n]);
      return out as unknown as IncidentTypeDamage;
    });
  }

  async open(ctx: RequestContext, input: OpenIncidentInput): Promise<Incident> {
    const now = ctx.clock.now();
    if (input.occurredAt > now) throw BadUserInputError.field('input.occurredAt', 'notFuture', 'must not be in the future.');
    const affected = [...new Set(input.affectedOrganizationIds ?? [])];
    const initial = input.initialReport ? figures(input.initialReport, 'input.initialReport.') : null;
    const reportedAt = input.initialReport?.reportedAt ?? now;
    if (initial) this.checkReportedAt(reportedAt, now, input.occurredAt, null, 'input.initialReport.reportedAt');
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.reportingOrganizationId, ResponsePermission.IncidentReport);
      if (!org) throw BadUserInputError.field('input.reportingOrganizationId', 'exists', `no active organization ${input.reportingOrganizationId} within your incident report scope.`);
      await this.checkAffected(tx, affected);
      const incident = await tx.manager.save(
        tx.manager.create(Incident, {
          reportingOrganizationId: org.id,
          type: input.type,
          title: input.title,
          occurredAt: input.occurredAt,
          place: input.place,
          ...locationColumns(input.location),
          status: IncidentStatus.OPEN,
          description: input.description ?? null,
          closedAt: null,
        }),
      );
      if (affected.length) await tx.manager.createQueryBuilder().insert().into(IncidentOrganization).values(affected.map((organizationId) => ({ incidentId: incident.id, organizationId }))).execute();
      await audit(tx, { action: 'rescue.incident.open', entityType: 'Incident', entityId: incident.id, changes: { ...withoutReport(input), affectedOrganizationIds: affected } });
      await tx.emit('rescue.incident.opened', { id: incident.id, reportingOrganizationId: org.id, type: incident.type, affectedOrganizationIds: affected });
      if (initial) await this.insertReport(tx, incident, DamageReportKind.INITIAL, 1, reportedAt, initial);
      return incident;
    });
  }

  async update(ctx: RequestContext, input: UpdateIncidentInput): Promise<Incident> {
    const now = ctx.clock.now();
    if (input.occurredAt && input.occurredAt > now) throw BadUserInputError.field('input.occurredAt', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      const current = await this.getOpenOrFail(tx, input.id);
      const patch: Partial<Incident> = {};
      if (input.type !== undefined) patch.type = input.type;
      if (input.title !== undefined) patch.title = input.title;
      if (input.place !== undefined) patch.place = input.place;
      if (input.description !== undefined) patch.description = input.description ?? null;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.occurredAt !== undefined && input.occurredAt.getTime() !== current.occurredAt.getTime()) {
        const [first] = await tx.manager.query(`SELECT min(reported_at) AS first FROM incident_damage_report WHERE incident_id = $1`, [current.id]);
        if (first?.first && input.occurredAt > new Date(first.first)) {
          throw BadUserInputError.field('input.occurredAt', 'notAfterReports', `must not be after the first damage report (${new Date(first.first).toISOString()}).`);
        }
        patch.occurredAt = input.occurredAt;
      }
      let affectedChange: { added: string[]; removed: string[] } | null = null;
      if (input.affectedOrganizationIds !== undefined) {
        const wanted = [...new Set(input.affectedOrganizationIds)];
        const existing = (await tx.manager.findBy(IncidentOrganization, { incidentId: current.id })).map((l) => l.organizationId);
        const added = wanted.filter((id) => !existing.includes(id));
        const removed = existing.filter((id) => !wanted.includes(id));
        await this.checkAffected(tx, added);
        // Links to villages outside the caller's write scope can only be removed by someone who holds that scope.
        if (removed.length) {
          const removable = await this.inScope(tx, removed, ResponsePermission.IncidentReport);
          const kept = removed.filter((id) => !removable.has(id));
          if (kept.length) throw BadUserInputError.field('input.affectedOrganizationIds', 'exists', `cannot remove organizations outside your incident report scope: ${kept.join(', ')}.`);
          await tx.manager.createQueryBuilder().delete().from(IncidentOrganization).where('incident_id = :id AND organization_id IN (:...removed)', { id: current.id, removed }).execute();
        }
        if (added.length) await tx.manager.createQueryBuilder().insert().into(IncidentOrganization).values(added.map((organizationId) => ({ incidentId: current.id, organizationId }))).execute();
        if (added.length || removed.length) affectedChange = { added, removed };
      }
      // Every update moves the version, also one that changes only the affected villages.
      if (!Object.keys(patch).length) patch.updatedAt = now;
      return updateRecord(tx, Incident, 'Incident', current, input.version, patch, {
        action: 'rescue.incident.update',
        event: 'rescue.incident.updated',
        payload: (updated) => ({ id: current.id, reportingOrganizationId: updated.reportingOrganizationId }),
        changes: (updated) => ({ ...diff(current, updated), ...(affectedChange ? { affectedOrganizations: affectedChange } : {}) }),
      });
    });
  }

  /** Moves an incident to the next status; closing needs rescue.incident:verify over its reporting organization. */
  async move(ctx: RequestContext, input: MoveIncidentInput): Promise<Incident> {
    if (input.status === IncidentStatus.CLOSED) demand(ctx.principal, ResponsePermission.IncidentVerify);
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id);
      const next = INCIDENT_STATUS_ORDER[INCIDENT_STATUS_ORDER.indexOf(current.status) + 1];
      if (input.status !== next) {
        throw BadUserInputError.field('input.status', 'transition', next ? `an incident that is ${current.status} moves to ${next} only (asked ${input.status}).` : `the incident is ${current.status}: it takes no more changes.`);
      }
      if (input.status === IncidentStatus.CLOSED) await this.checkVerifyScope(tx, current);
      const now = ctx.clock.now();
      return updateRecord(tx, Incident, 'Incident', current, input.version, { status: input.status, closedAt: input.status === IncidentStatus.CLOSED ? now : null }, {
        action: 'rescue.incident.move',
        event: 'rescue.incident.moved',
        payload: { id: current.id, reportingOrganizationId: current.reportingOrganizationId, from: current.status, to: input.status },
      });
    });
  }

  /** Replaces the linked warnings the caller may read (rescue.warning:read over the issuer or a target village). */
  async linkWarnings(ctx: RequestContext, input: LinkIncidentWarningsInput): Promise<Incident> {
    const wanted = [...new Set(input.warningIds)];
    return transaction(ctx, async (tx) => {
      const current = await this.getOpenOrFail(tx, input.id);
      const readable = (ids: readonly string[]) => this.readableWarnings(tx, ids);
      const change = await this.replaceLinks(tx, IncidentWarning, 'incident_warning', 'warning_id', 'warningId', current.id, wanted, readable, 'input.warningIds', 'warning');
      return updateRecord(tx, Incident, 'Incident', current, input.version, { updatedAt: ctx.clock.now() }, {
        action: 'rescue.incident.link-warnings',
        event: 'rescue.incident.warningsLinked',
        payload: { id: current.id, reportingOrganizationId: current.reportingOrganizationId, ...change },
        changes: { warnings: change },
      });
    });
  }

  /** Replaces the linked hazards the caller may read (risk.hazard:read over the hazard's organization). */
  async linkHazards(ctx: RequestContext, input: LinkIncidentHazardsInput): Promise<Incident> {
    const wanted = [...new Set(input.hazardIds)];
    return transaction(ctx, async (tx) => {
      const current = await this.getOpenOrFail(tx, input.id);
      const readable = (ids: readonly string[]) => this.readableHazards(tx, ids);
      const change = await this.replaceLinks(tx, IncidentHazard, 'incident_hazard', 'hazard_id', 'hazardId', current.id, wanted, readable, 'input.hazardIds', 'hazard');
      return updateRecord(tx, Incident, 'Incident', current, input.version, { updatedAt: ctx.clock.now() }, {
        action: 'rescue.incident.link-hazards',
        event: 'rescue.incident.hazardsLinked',
        payload: { id: current.id, reportingOrganizationId: current.reportingOrganizationId, ...change },
        changes: { hazards: change },
      });
    });
  }

  /**
   * Sends a damage report: INITIAL first and once, CONTINUED after it, VERIFIED (rescue.incident:verify)
   * at most once and last. The incident is locked, so sequences never clash; its version is not changed.
   */
  async addReport(ctx: RequestContext, input: AddDamageReportInput): Promise<DamageReport> {
    if (input.kind === DamageReportKind.VERIFIED) demand(ctx.principal, ResponsePermission.IncidentVerify);
    const values = figures(input, 'input.');
    const now = ctx.clock.now();
    return transaction(ctx, async (tx) => {
      const incident = await this.getOpenOrFail(tx, input.incidentId, 'input.incidentId');
      if (input.kind === DamageReportKind.VERIFIED) await this.checkVerifyScope(tx, incident);
      const [last] = await tx.manager.query(
        `SELECT sequence, reported_at AS "reportedAt", (SELECT count(*)::int FROM incident_damage_report v WHERE v.incident_id = $1 AND v.kind = 'VERIFIED') AS verified
         FROM incident_damage_report WHERE incident_id = $1 ORDER BY sequence DESC LIMIT 1`,
        [incident.id],
      );
      if (!last && input.kind !== DamageReportKind.INITIAL) throw BadUserInputError.field('input.kind', 'initialFirst', `the first report of an incident is the INITIAL report (初报); ${input.kind} comes after it.`);
      if (last && input.kind === DamageReportKind.INITIAL) throw BadUserInputError.field('input.kind', 'oneInitial', 'the incident already has its INITIAL report (初报): send a CONTINUED report (续报).');
      if (last && last.verified > 0) throw BadUserInputError.field('input.kind', 'verifiedLast', 'the incident already has its VERIFIED report (核报), the last one: no more reports.');
      const reportedAt = input.reportedAt ?? now;
      this.checkReportedAt(reportedAt, now, incident.occurredAt, last ? new Date(last.reportedAt) : null, 'input.reportedAt');
      return this.insertReport(tx, incident, input.kind, last ? Number(last.sequence) + 1 : 1, reportedAt, values);
    });
  }

  private async insertReport(tx: RequestContext, incident: Incident, kind: DamageReportKind, sequence: number, reportedAt: Date, values: Partial<DamageReport>): Promise<DamageReport> {
    const principal = tx.principal;
    const report = await tx.manager.save(
      tx.manager.create(DamageReport, {
        ...values,
        incidentId: incident.id,
        kind,
        sequence,
        reportedAt,
        reportedByUserId: principal.kind === 'user' ? principal.id : null,
        reportedByPersonId: principal.personId ?? null,
      }),
    );
    await audit(tx, { action: 'rescue.damage-report.add', entityType: 'DamageReport', entityId: report.id, changes: reportChanges(report) });
    await tx.emit('rescue.incident.damageReported', { id: report.id, incidentId: incident.id, reportingOrganizationId: incident.reportingOrganizationId, kind, sequence });
    return report;
  }

  private checkReportedAt(reportedAt: Date, now: Date, occurredAt: Date, previous: Date | null, field: string): void {
    if (reportedAt > now) throw BadUserInputError.field(field, 'notFuture', 'must not be in the future.');
    if (reportedAt < occurredAt) throw BadUserInputError.field(field, 'notBeforeOccurred', `must not be before the incident happened (${occurredAt.toISOString()}).`);
    if (previous && reportedAt < previous) throw BadUserInputError.field(field, 'notBeforePrevious', `must not be before the previous report (${previous.toISOString()}).`);
  }

  /** Verifying and closing need rescue.incident:verify over the incident's reporting organization. */
  private async checkVerifyScope(tx: RequestContext, incident: Incident): Promise<void> {
    if (!(await organizationInScope(tx, incident.reportingOrganizationId, ResponsePermission.IncidentVerify))) {
      throw new ForbiddenError(`You do not hold the permission ${ResponsePermission.IncidentVerify} over the incident's reporting organization.`, ResponsePermission.IncidentVerify);
    }
  }

  /** Affected organizations: active villages and communities within the caller's report scope. */
  private async checkAffected(tx: RequestContext, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const scope = organizationIdInScope(tx.principal, ResponsePermission.IncidentReport, 'o.id');
    const rows: Array<{ id: string; kind: string }> = await tx.manager
      .createQueryBuilder()
      .select('o.id', 'id')
      .addSelect('o.kind', 'kind')
      .from('organization', 'o')
      .where('o.id IN (:...ids) AND o.archived_at IS NULL', { ids })
      .andWhere(scope.sql, scope.params)
      .getRawMany();
    const found = new Map(rows.map((r) => [r.id, r.kind]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw BadUserInputError.field('input.affectedOrganizationIds', 'exists', `no active organization within your incident report scope: ${missing.join(', ')}.`);
    const wrong = ids.filter((id) => !AFFECTED_KINDS.includes(found.get(id)!));
    if (wrong.length) throw BadUserInputError.field('input.affectedOrganizationIds', 'kind', `affected organizations are villages and communities: ${wrong.join(', ')} is not.`);
  }

  private async inScope(tx: RequestContext, ids: readonly string[], permission: string): Promise<Set<string>> {
    const s = organizationIdInScope(tx.principal, permission, 'o.id');
    const rows: Array<{ id: string }> = await tx.manager.createQueryBuilder().select('o.id', 'id').from('organization', 'o').where('o.id IN (:...ids)', { ids }).andWhere(s.sql, s.params).getRawMany();
    return new Set(rows.map((r) => r.id));
  }

  /** Warnings the caller may read: rescue.warning:read over the issuing organization or a target village. */
  private async readableWarnings(tx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const scope = warningReadScope(tx.principal, 'w');
    const rows: Array<{ id: string }> = await tx.manager.createQueryBuilder().select('w.id', 'id').from('warning', 'w').where('w.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getRawMany();
    return new Set(rows.map((r) => r.id));
  }

  /** Hazards the caller may read (risk.hazard:read over the hazard's organization). */
  private async readableHazards(tx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const scope = organizationIdInScope(tx.principal, RiskPermission.HazardRead, 'h.organization_id');
    const rows: Array<{ id: string }> = await tx.manager.createQueryBuilder().select('h.id', 'id').from('hazard', 'h').where('h.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getRawMany();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Makes the links the caller may see exactly `wanted`: each wanted target must be readable (else
   * BAD_USER_INPUT `exists` on `field`); readable links not wanted are removed; links the caller may
   * not read stay.
   */
  private async replaceLinks(
    tx: RequestContext,
    entity: typeof IncidentWarning | typeof IncidentHazard,
    table: string,
    column: string,
    property: 'warningId' | 'hazardId',
    incidentId: string,
    wanted: readonly string[],
    readable: (ids: readonly string[]) => Promise<Set<string>>,
    field: string,
    noun: string,
  ): Promise<{ added: string[]; removed: string[] }> {
    const ok = await readable(wanted);
    const missing = wanted.filter((id) => !ok.has(id));
    if (missing.length) throw BadUserInputError.field(field, 'exists', `no ${noun} you may read: ${missing.join(', ')}.`);
    const existing: string[] = (await tx.manager.query(`SELECT ${column} AS id FROM ${table} WHERE incident_id = $1`, [incidentId])).map((r: { id: string }) => r.id);
    const visible = await readable(existing);
    const removed = existing.filter((id) => visible.has(id) && !wanted.includes(id));
    const added = wanted.filter((id) => !existing.includes(id));
    if (removed.length) await tx.manager.query(`DELETE FROM ${table} WHERE incident_id = $1 AND ${column} = ANY($2::uuid[])`, [incidentId, removed]);
    if (added.length) await tx.manager.createQueryBuilder().insert().into(entity).values(added.map((id) => ({ incidentId, [property]: id }))).execute();
    return { added, removed };
  }

  /** An incident the caller may report on (locked); out of scope answers NOT_FOUND, like a missing one. */
  private async getOrFail(tx: RequestContext, id: string): Promise<Incident> {
    const scope = organizationIdInScope(tx.principal, ResponsePermission.IncidentReport, 'i.reporting_organization_id');
    const incident = await tx.manager.createQueryBuilder(Incident, 'i').where(scope.sql, scope.params).andWhere('i.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!incident) throw new NotFoundError('Incident', id);
    return incident;
  }

  /** As getOrFail, and not closed (BAD_USER_INPUT `notClosed` on `field`). */
  private async getOpenOrFail(tx: RequestContext, id: string, field = 'input.id'): Promise<Incident> {
    const incident = await this.getOrFail(tx, id);
    if (incident.status === IncidentStatus.CLOSED) throw BadUserInputError.field(field, 'notClosed', 'the incident is closed: it takes no more changes or reports.');
    return incident;
  }
}

/** SQL: the warning (alias) is readable: rescue.warning:read over its issuing organization or one of its target villages. */
export function warningReadScope(principal: Principal, alias: string): Scope {
  const issuer = organizationIdInScope(principal, WarningPermission.WarningRead, `${alias}.issuer_organization_id`);
  if (issuer.sql === 'TRUE' || issuer.sql === 'FALSE') return issuer;
  const target = organizationIdInScope(principal, WarningPermission.WarningRead, `${alias}_wt.organization_id`);
  return {
    sql: `(${issuer.sql} OR EXISTS (SELECT 1 FROM warning_target ${alias}_wt WHERE ${alias}_wt.warning_id = ${alias}.id AND ${target.sql}))`,
    params: { ...issuer.params, ...target.params },
  };
}
