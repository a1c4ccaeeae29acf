import { byKeys, defineChildPages, defineReference, records, sql, SortDirection, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Campaign, CampaignTarget } from './campaign.entity';
import { CampaignProgress } from './campaign.types';
import { overdueHazard } from '../hazards/hazard.service';
import { hazardSortKeys } from '../hazards/hazard.orders';
import { Campaigns, CampaignTargets, Hazards } from '../risk.entities';

/** Targets in the order they were added; the organization id makes the order total within a campaign. */
export const campaignTargetSortKeys = (alias: string): SortKey<CampaignTarget>[] => [
  { column: `${alias}.added_at`, direction: SortDirection.ASC },
  { column: `${alias}.organization_id`, direction: SortDirection.ASC },
];

/** Campaigns by id for whoever may read hazards (campaigns are town-wide), else null: one statement per request level. */
export const CampaignReference = defineReference(Campaigns, 'risk.campaign.byId');
export const campaignById = (ctx: RequestContext): DataLoader<string, Campaign | null> => CampaignReference.byId(ctx);

/** The targets of a campaign within the caller's hazard scope, in the order they were added. */
export const CampaignTargetPages = defineChildPages(CampaignTargets, { name: 'risk.campaign.targets', parentColumn: 'campaign_id', keys: campaignTargetSortKeys('t') });

/** The hazards linked to a campaign (link table `campaign_hazard`) that the caller may read, newest found first. */
export const CampaignHazards = defineChildPages(Hazards, {
  name: 'risk.campaign.hazards',
  link: { table: 'campaign_hazard', parentColumn: 'campaign_id', column: 'hazard_id' },
  keys: hazardSortKeys('t'),
});

type ProgressRow = Omit<CampaignProgress, 'closedShare'> & { campaignId: string };

/**
 * Progress of many campaigns in ONE aggregate statement: targets and linked hazards are counted in
 * SQL over what the caller may read (the kernel applies the scope of both; rejected hazards aside),
 * never loaded as rows.
 */
export function campaignProgress(ctx: RequestContext): DataLoader<string, CampaignProgress> {
  return ctx.loaders.get('risk.campaign.progress', undefined, async (ids: readonly string[]) => {
    const today = ctx.clock.today();
    const targets = records(ctx, CampaignTargets).as('ct').where(sql`ct.campaign_id = t.id`);
    const linked = records(ctx, Hazards)
      .as('h')
      .where(sql`h.id IN (SELECT ch.hazard_id FROM campaign_hazard ch WHERE ch.campaign_id = t.id) AND h.status <> 'REJECTED'`);
    const withHazards = targets.where(sql`EXISTS ${linked.where(sql`h.organization_id = ct.organization_id`).subquery(sql`1`)}`);
    const rows = await records(ctx, Campaigns)
      .where(sql`t.id = ANY(CAST(${ids} AS uuid[]))`)
      .aggregate<ProgressRow>(
        sql`t.id AS "campaignId",
          ${targets.subquery(sql`count(*)::int`)} AS "targets",
          ${withHazards.subquery(sql`count(*)::int`)} AS "targetsWithHazards",
          ${linked.subquery(sql`count(*)::int`)} AS "hazards",
          ${linked.subquery(sql`(count(*) FILTER (WHERE h.status = 'CLOSED'))::int`)} AS "closed",
          ${linked.subquery(sql`(count(*) FILTER (WHERE h.status <> 'CLOSED'))::int`)} AS "open",
          ${linked.subquery(sql`(count(*) FILTER (WHERE ${overdueHazard('h', today)}))::int`)} AS "overdue"`,
      );
    return byKeys(ids, rows, (r) => r.campaignId).map((r) => toProgress(r));
  });
}

function toProgress(r: ProgressRow | null): CampaignProgress {
  const row = r ?? { targets: 0, targetsWithHazards: 0, hazards: 0, closed: 0, open: 0, overdue: 0 };
  return { ...row, closedShare: row.hazards ? row.closed / row.hazards : null };
}
