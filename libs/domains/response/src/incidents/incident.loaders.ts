import { byKeys, pageKey, pagesByParent, readRows, rowReader, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { DirectoryPermission, Organization, organizationIdInScope, organizationScope } from '@platform/directory';
import { Hazard, RiskPermission } from '@domains/risk';
import type DataLoader from 'dataloader';
import { DamageReport, Incident, IncidentHazard, IncidentWarning } from './incident.entity';
import { LATEST_REPORT_ORDER, damageReportSortKeys, incidentScope, warningReadScope } from './incident.service';

/** Affected organizations by name, then id. */
const organizationSortKeys = (alias: string): SortKey<Organization>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Links in the order made; the target id closes the order within an incident. */
const linkSortKeys = <T extends { linkedAt: Date }>(alias: string, column: string): SortKey<T>[] => [
  { column: `${alias}.linked_at`, direction: SortDirection.ASC },
  { column: `${alias}.${column}`, direction: SortDirection.ASC },
];

/** Organizations with the incident they are affected by (`incident_parent_id`; organizations have a `parent_id` of their own). */
const AFFECTED_SQL = `(SELECT o.*, io.incident_id AS incident_parent_id FROM incident_organization io JOIN organization o ON o.id = io.organization_id)`;

/** Incidents by id, within the caller's read scope (others load as null). */
export function incidentById(ctx: RequestContext): DataLoader<string, Incident | null> {
  return ctx.loaders.get('rescue.incident.byId', undefined, async (ids: readonly string[]) => {
    const scope = incidentScope(ctx.principal, 'i');
    const rows = await ctx.manager.createQueryBuilder(Incident, 'i').where('i.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    return byKeys(ids, rows, (i) => i.id);
  });
}

/** The damage reports of many incidents, by sequence; one statement per request level. */
export function damageReportPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<DamageReport>> {
  return ctx.loaders.get('rescue.incident.reports', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await pagesByParent({ manager: ctx.manager, entity: DamageReport, table: 'incident_damage_report', parentColumn: 'incident_id', parentIds: ids, properties, keys: damageReportSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The report whose figures count for each of many incidents (the VERIFIED one, else the latest); null before the first report. One statement. */
export function countingReportByIncident(ctx: RequestContext): DataLoader<string, DamageReport | null> {
  return ctx.loaders.get('rescue.incident.latestReport', undefined, async (ids: readonly string[]) => {
    const reader = rowReader(ctx.manager, DamageReport, 't');
    const rows = await readRows(
      ctx.manager,
      `SELECT DISTINCT ON (t.incident_id) ${reader.select} FROM incident_damage_report t WHERE t.incident_id = ANY($1::uuid[]) ORDER BY t.incident_id, ${LATEST_REPORT_ORDER('t')}`,
      [ids],
    );
    return byKeys(ids, reader.read(rows), (r) => r.incidentId);
  });
}

/** The villages and communities affected by many incidents that the caller may read as organizations, by name; one statement per request level. */
export function affectedOrganizationPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Organization>> {
  return ctx.loaders.get('rescue.incident.affectedOrganizations', pageKey(page), async (ids: readonly string[]) => {
    const scope = organizationScope(ctx.principal, DirectoryPermission.OrganizationRead, 't.path', 't.id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Organization,
      table: AFFECTED_SQL,
      parentColumn: 'incident_parent_id',
      parentIds: ids,
      where: scope.sql,
      params: scope.params,
      keys: organizationSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The linked warnings of many incidents that the caller may read, in link order; one statement per request level. */
export function incidentWarningPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<IncidentWarning>> {
  return ctx.loaders.get('rescue.incident.warnings', pageKey(page), async (ids: readonly string[]) => {
    const scope = warningReadScope(ctx.principal, 'w');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: IncidentWarning,
      table: 'incident_warning',
      parentColumn: 'incident_id',
      parentIds: ids,
      where: `EXISTS (SELECT 1 FROM warning w WHERE w.id = t.warning_id AND ${scope.sql})`,
      params: scope.params,
      keys: linkSortKeys<IncidentWarning>('t', 'warning_id'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The linked hazards of many incidents that the caller may read (risk.hazard:read), in link order; one statement per request level. */
export function incidentHazardPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<IncidentHazard>> {
  return ctx.loaders.get('rescue.incident.hazards', pageKey(page), async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'h.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: IncidentHazard,
      table: 'incident_hazard',
      parentColumn: 'incident_id',
      parentIds: ids,
      where: `EXISTS (SELECT 1 FROM hazard h WHERE h.id = t.hazard_id AND ${scope.sql})`,
      params: scope.params,
      keys: linkSortKeys<IncidentHazard>('t', 'hazard_id'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Headline, level and sending time of warnings by id (links are filtered by read scope when paged). */
export interface WarningSummary {
  readonly id: string;
  readonly headline: string;
  readonly level: string;
  readonly sentAt: Date;
}

export function warningSummaryById(ctx: RequestContext): DataLoader<string, WarningSummary | null> {
  return ctx.loaders.get('rescue.incident.warningSummary', undefined, async (ids: readonly string[]) => {
    const rows: WarningSummary[] = await ctx.manager.query(`SELECT id, headline, level, sent_at AS "sentAt" FROM warning WHERE id = ANY($1::uuid[])`, [ids]);
    return byKeys(ids, rows, (w) => w.id);
  });
}

/** Hazards by id within the caller's hazard read scope (risk.hazard:read); one out of scope loads as null. */
export function incidentHazardById(ctx: RequestContext): DataLoader<string, Hazard | null> {
  return ctx.loaders.get('rescue.incident.hazardById', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'h.organization_id');
    const rows = await ctx.manager.createQueryBuilder(Hazard, 'h').where(scope.sql, scope.params).andWhere('h.id IN (:...ids)', { ids }).getMany();
    return byKeys(ids, rows, (h) => h.id);
  });
}
