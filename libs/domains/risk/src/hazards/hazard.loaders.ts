import { defineChildPages, defineReference, SortDirection, type RequestContext } from '@platform/core';
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
