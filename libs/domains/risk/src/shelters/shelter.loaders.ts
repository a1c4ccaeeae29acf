import { byKeys, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Shelter } from './shelter.entity';
import type { ShelterInspection } from './shelter-inspection.entity';
import { ShelterInspections, Shelters } from '../risk.entities';

/** Newest inspection first; several on one day by id, so the order (and the cursor) is total. */
export const shelterInspectionSortKeys = (alias: string): SortKey<ShelterInspection>[] => [
  { column: `${alias}.inspected_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** The inspections of many shelters, newest first, one statement per request level. */
export function shelterInspectionPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<ShelterInspection>> {
  return ctx.loaders.get('risk.shelter.inspections', page, async (ids: readonly string[]) => {
    const pages = await records(ctx, ShelterInspections).byParent('shelter_id', ids, { keys: shelterInspectionSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/**
 * Day of the newest inspection of many shelters in one aggregate statement (on the
 * (shelter_id, inspected_on) index), independent of any page of `inspections` the client asked for.
 */
export function shelterLastInspectedOn(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get('risk.shelter.lastInspectedOn', undefined, async (ids: readonly string[]) => {
    // ::text keeps the day a plain YYYY-MM-DD string (the driver would turn a date into a local-midnight Date).
    const rows = await records(ctx, ShelterInspections)
      .where(sql`t.shelter_id = ANY(${ids})`)
      .aggregate<{ shelterId: string; day: string }>(sql`t.shelter_id AS "shelterId", max(t.inspected_on)::text AS "day"`, { groupBy: sql`t.shelter_id` });
    return byKeys(ids, rows, (r) => r.shelterId).map((r) => r?.day ?? null);
  });
}

/** Shelters by id that the caller may read; others load as null. */
export function shelterById(ctx: RequestContext): DataLoader<string, Shelter | null> {
  return ctx.loaders.get('risk.shelter.byId', undefined, (ids: readonly string[]) => records(ctx, Shelters).many(ids));
}
