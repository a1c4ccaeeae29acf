import { raw, runSql, sql, type RequestContext, type Sql } from '@platform/core';

/** SQL order of an incident's reports with the one whose figures count first: the VERIFIED one, else the latest. */
export const LATEST_REPORT_ORDER = (alias: string): string => `(${alias}.kind = 'VERIFIED') DESC, ${alias}.sequence DESC`;

/** The figures summed per incident type, as they come from the statement (people and houses as int, areas and money as numeric text). */
export interface IncidentTypeDamageRow {
  readonly type: string;
  readonly incidents: number;
  readonly reportedIncidents: number;
  readonly verifiedIncidents: number;
  readonly [figure: string]: string | number;
}

/**
 * Per incident type: how many of the incidents `scoped` gives (a `records(…, Incidents).as('s')
 * .subquery(sql`s.id, s.type`)` fragment: the kernel's scope and the caller's filters) and the sums
 * of each one's counting report (the VERIFIED one, else the latest), in one statement. Hand-written
 * because it joins each incident to ONE of its reports (`DISTINCT ON`) before summing, which
 * `aggregate` (one table, no join) does not express; the scope is still the kernel's.
 */
export async function incidentTypeDamage(ctx: RequestContext, scoped: Sql): Promise<IncidentTypeDamageRow[]> {
  const sum = (column: string): string => `coalesce(sum(l.${column}), 0)`;
  const statement = sql`
    WITH scoped AS ${scoped},
    latest AS (
      SELECT DISTINCT ON (r.incident_id) r.*
      FROM incident_damage_report r JOIN scoped s ON s.id = r.incident_id
      ORDER BY r.incident_id, ${raw(LATEST_REPORT_ORDER('r'))}
    )
    SELECT s.type AS "type", count(*)::int AS "incidents", count(l.incident_id)::int AS "reportedIncidents",
      count(*) FILTER (WHERE l.kind = 'VERIFIED')::int AS "verifiedIncidents",
      ${raw(`${sum('affected_people')}::int AS "affectedPeople", ${sum('relocated_people')}::int AS "relocatedPeople",
      ${sum('deaths')}::int AS "deaths", ${sum('missing')}::int AS "missing", ${sum('injured')}::int AS "injured",
      ${sum('seriously_injured')}::int AS "seriouslyInjured",
      ${sum('houses_collapsed')}::int AS "housesCollapsed", ${sum('houses_severely_damaged')}::int AS "housesSeverelyDamaged",
      ${sum('houses_slightly_damaged')}::int AS "housesSlightlyDamaged",
      ${sum('crop_area_hectares')}::text AS "cropAreaHectares", ${sum('crop_failure_hectares')}::text AS "cropFailureHectares",
      ${sum('direct_economic_loss_yuan')}::text AS "directEconomicLossYuan"`)}
    FROM scoped s LEFT JOIN latest l ON l.incident_id = s.id
    GROUP BY s.type
    ORDER BY count(*) DESC, s.type`;
  return runSql<IncidentTypeDamageRow>(ctx.manager, statement);
}
