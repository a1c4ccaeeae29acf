import { byKeys, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { CampaignTarget } from './campaign.entity';
import { CampaignProgress } from './campaign.types';
import { OVERDUE_SQL } from '../hazards/hazard.service';
import { RiskPermission } from '../permissions';

/** Targets in the order they were added; the organization id makes the order total within a campaign. */
export const campaignTargetSortKeys = (alias: string): SortKey<CampaignTarget>[] => [
  { column: `${alias}.added_at`, direction: SortDirection.ASC },
  { column: `${alias}.organization_id`, direction: SortDirection.ASC },
];

/** The targets of many campaigns within the caller's hazard scope, one statement per request level. */
export function campaignTargetPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<CampaignTarget>> {
  return ctx.loaders.get('risk.campaign.targets', page, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: CampaignTarget,
      table: 'campaign_target',
      parentColumn: 'campaign_id',
      parentIds: ids,
      where: scope.sql,
      params: scope.params,
      keys: campaignTargetSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

type ProgressRow = Omit<CampaignProgress, 'closedShare'> & { campaignId: string };

/**
 * Progress of many campaigns in ONE aggregate statement: targets and linked hazards are counted in
 * SQL over what the caller may read (rejected hazards aside), never loaded as rows.
 */
export function campaignProgress(ctx: RequestContext): DataLoader<string, CampaignProgress> {
  return ctx.loaders.get('risk.campaign.progress', undefined, async (ids: readonly string[]) => {
    const targetScope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'ct.organization_id');
    const hazardScope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 'h.organization_id');
    const linkedHazards = `campaign_hazard ch JOIN hazard h ON h.id = ch.hazard_id WHERE ch.campaign_id = c.id AND h.status <> 'REJECTED' AND ${hazardScope.sql}`;
    const targets = `campaign_target ct WHERE ct.campaign_id = c.id AND ${targetScope.sql}`;
    const sql = `
      SELECT c.id AS "campaignId",
        (SELECT count(*)::int FROM ${targets}) AS "targets",
        (SELECT count(*)::int FROM ${targets} AND EXISTS (SELECT 1 FROM ${linkedHazards} AND h.organization_id = ct.organization_id)) AS "targetsWithHazards",
        x.hazards, x.closed, x.open, x.overdue
      FROM campaign c
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS hazards,
          count(*) FILTER (WHERE h.status = 'CLOSED')::int AS closed,
          count(*) FILTER (WHERE h.status <> 'CLOSED')::int AS open,
          count(*) FILTER (WHERE ${OVERDUE_SQL('h')})::int AS overdue
        FROM ${linkedHazards}
      ) x
      WHERE c.id = ANY(:ids)`;
    const [query, positional] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, { ...targetScope.params, ...hazardScope.params, ids, today: ctx.clock.today() });
    const rows: ProgressRow[] = await ctx.manager.query(query, positional);
    return byKeys(ids, rows, (r) => r.campaignId).map((r) => toProgress(r));
  });
}

function toProgress(r: ProgressRow | null): CampaignProgress {
  const row = r ?? { targets: 0, targetsWithHazards: 0, hazards: 0, closed: 0, open: 0, overdue: 0 };
  return { ...row, closedShare: row.hazards ? row.closed / row.hazards : null };
}
