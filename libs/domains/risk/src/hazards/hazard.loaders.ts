import { defineChildPages, defineReference, pageKey, records, SortDirection, type ConnectionResult, type PageRequest, type RecordLink, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Hazard } from './hazard.entity';
import { hazardSortKeys } from './hazard.orders';
import { HazardEvents, Hazards } from '../risk.entities';

/** Properties the keyset orders read (besides the id, always read): a page must load them whatever is selected. */
export const HAZARD_KEY_PROPERTIES = ['foundAt'];
export const HISTORY_KEY_PROPERTIES = ['at'];

/** Hazards by id, null where missing or beyond the caller's risk.hazard:read scope: one statement per request level. */
export const HazardReference = defineReference(Hazards, 'risk.hazard.byId');
export const hazardById = (ctx: RequestContext): DataLoader<string, Hazard | null> => HazardReference.byId(ctx);

/** The steps of a hazard, oldest first. */
export const HazardHistory = defineChildPages(HazardEvents, {
  name: 'risk.hazard.history',
  parentColumn: 'hazard_id',
  keys: [
    { column: 't.at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
});

/** The hazards at an organization the caller may read, newest found first. */
export const OrganizationHazards = defineChildPages(Hazards, { name: 'risk.organization.hazards', parentColumn: 'organization_id', keys: hazardSortKeys('t') });

/** The hazards the caller may read linked to many parents through a link table of this module (`hazard_id` beside the parent's id), newest found first, one statement per request level. */
function linkedPages(ctx: RequestContext, name: string, link: Omit<RecordLink, 'column'>, page: PageRequest): DataLoader<string, ConnectionResult<Hazard>> {
  return ctx.loaders.get(name, pageKey(page), async (ids: readonly string[]) => {
    const pages = await records(ctx, Hazards).byLink({ ...link, column: 'hazard_id' }, ids, { keys: hazardSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The hazards raised by many expert visits. */
export const expertVisitHazardPages = (ctx: RequestContext, page: PageRequest) => linkedPages(ctx, 'risk.expertVisit.hazards', { table: 'expert_visit_hazard', parentColumn: 'visit_id' }, page);

/** The hazards linked to many campaigns. */
export const campaignHazardPages = (ctx: RequestContext, page: PageRequest) => linkedPages(ctx, 'risk.campaign.hazards', { table: 'campaign_hazard', parentColumn: 'campaign_id' }, page);
