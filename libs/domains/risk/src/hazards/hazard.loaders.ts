import { pageKey, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Hazard } from './hazard.entity';
import { HazardEvent } from './hazard-event.entity';
import { hazardSortKeys } from './hazard.service';
import { RiskPermission } from '../permissions';

/** Properties the keyset orders read (besides the id, always read): a page must load them whatever is selected. */
export const HAZARD_KEY_PROPERTIES = ['foundAt'];
export const HISTORY_KEY_PROPERTIES = ['at'];

/** The steps of many hazards, oldest first, one statement per request level; `properties` as `selectedProperties` gives. */
export function hazardHistoryPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<HazardEvent>> {
  return ctx.loaders.get('risk.hazard.history', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: HazardEvent,
      table: 'hazard_event',
      parentColumn: 'hazard_id',
      parentIds: ids,
      properties,
      keys: [
        { column: 't.at', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/**
 * Pages of the hazards the caller may read per parent, newest found first, one statement per
 * request level. `table` is `hazard` (parent column `organization_id`) or a link table joined to
 * hazards by `linkedHazardsSql` (parent column `parent_id`).
 */
function scopedHazardPages(ctx: RequestContext, name: string, page: PageRequest, table: string, parentColumn: string, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<Hazard>> {
  return ctx.loaders.get(name, pageKey(page, properties), async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Hazard,
      table,
      parentColumn,
      parentIds: ids,
      where: scope.sql,
      params: scope.params,
      properties,
      keys: hazardSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Hazards with the id of the parent they are linked to (`parent_id`), for pages over a link table. */
const linkedHazardsSql = (linkTable: string, parentColumn: string): string =>
  `(SELECT h.*, l.${parentColumn} AS parent_id FROM ${linkTable} l JOIN hazard h ON h.id = l.hazard_id)`;

/** The hazards of many organizations. */
export const organizationHazardPages = (ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null) =>
  scopedHazardPages(ctx, 'risk.organization.hazards', page, 'hazard', 'organization_id', properties);

/** The hazards raised by many expert visits. */
export const expertVisitHazardPages = (ctx: RequestContext, page: PageRequest) =>
  scopedHazardPages(ctx, 'risk.expertVisit.hazards', page, linkedHazardsSql('expert_visit_hazard', 'visit_id'), 'parent_id');

/** The hazards linked to many campaigns. */
export const campaignHazardPages = (ctx: RequestContext, page: PageRequest) =>
  scopedHazardPages(ctx, 'risk.campaign.hazards', page, linkedHazardsSql('campaign_hazard', 'campaign_id'), 'parent_id');
