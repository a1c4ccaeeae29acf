import { byKeys, defineChildPages, defineReference, pageKey, raw, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type { Organization } from '@platform/directory';
import { Hazards } from '@domains/risk';
import { Warnings, type Warning } from '@domains/warnings';
import type DataLoader from 'dataloader';
import type { DamageReport, Incident, IncidentHazard, IncidentWarning } from './incident.entity';
import { damageReportSortKeys } from './incident.service';
import { LATEST_REPORT_ORDER } from './incident-summary.sql';
import { affectedOrganizationPagesByIncident } from './affected-organizations.sql';
import { DamageReports, IncidentHazards, IncidentWarnings, Incidents } from '../response.entities';

/** Links in the order made; the target id closes the order within an incident. */
const linkSortKeys = <T extends { linkedAt: Date }>(column: string): SortKey<T>[] => [
  { column: 't.linked_at', direction: SortDirection.ASC },
  { column: `t.${column}`, direction: SortDirection.ASC },
];

/** Incidents by id, within the caller's read scope (others load as null). */
export const IncidentReference = defineReference(Incidents, 'rescue.incident.byId');
export const incidentById = (ctx: RequestContext): DataLoader<string, Incident | null> => IncidentReference.byId(ctx);

/** The damage reports of an incident, by sequence. */
export const IncidentReports = defineChildPages(DamageReports, { name: 'rescue.incident.reports', parentColumn: 'incident_id', keys: damageReportSortKeys('t') });

/** The report whose figures count for each of many incidents (the VERIFIED one, else the latest); null before the first report. One statement. */
export function countingReportByIncident(ctx: RequestContext): DataLoader<string, DamageReport | null> {
  return ctx.loaders.get('rescue.incident.latestReport', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, DamageReports)
      .where(sql`t.incident_id = ANY(CAST(${ids} AS uuid[]))`)
      .where(sql`t.id = (SELECT r.id FROM incident_damage_report r WHERE r.incident_id = t.incident_id ORDER BY ${raw(LATEST_REPORT_ORDER('r'))} LIMIT 1)`)
      .list({ keys: [{ column: 't.incident_id', direction: SortDirection.ASC }], limit: ids.length });
    return byKeys(ids, rows, (r) => r.incidentId);
  });
}

/** The villages and communities affected by many incidents that the caller may read as organizations, by name; one statement per request level. */
export function affectedOrganizationPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Organization>> {
  return ctx.loaders.get('rescue.incident.affectedOrganizations', pageKey(page), async (ids: readonly string[]) => {
    const pages = await affectedOrganizationPagesByIncident(ctx, ids, page);
    return ids.map((id) => pages.get(id)!);
  });
}

/** The linked warnings of many incidents that the caller may read (the warnings module's `Warnings`), in link order; one statement per request level. */
export function incidentWarningPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<IncidentWarning>> {
  return ctx.loaders.get('rescue.incident.warnings', pageKey(page), async (ids: readonly string[]) => {
    const readable = records(ctx, Warnings).as('w').where(sql`w.id = t.warning_id`);
    const pages = await records(ctx, IncidentWarnings)
      .where(sql`EXISTS ${readable.subquery(sql`1`)}`)
      .byParent('incident_id', ids, { keys: linkSortKeys<IncidentWarning>('warning_id'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The linked hazards of many incidents that the caller may read (risk's `Hazards`: risk.hazard:read), in link order; one statement per request level. */
export function incidentHazardPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<IncidentHazard>> {
  return ctx.loaders.get('rescue.incident.hazards', pageKey(page), async (ids: readonly string[]) => {
    const readable = records(ctx, Hazards).as('h').where(sql`h.id = t.hazard_id`);
    const pages = await records(ctx, IncidentHazards)
      .where(sql`EXISTS ${readable.subquery(sql`1`)}`)
      .byParent('incident_id', ids, { keys: linkSortKeys<IncidentHazard>('hazard_id'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Headline, level and sending time of linked warnings by id, within the caller's warning read scope (the links are paged within it). */
export function linkedWarningById(ctx: RequestContext): DataLoader<string, Warning | null> {
  return ctx.loaders.get('rescue.incident.warningSummary', undefined, (ids: readonly string[]) => records(ctx, Warnings).many(ids, ['headline', 'level', 'sentAt']));
}
