import { byKeys, defineChildPages, defineReference, records, sql, SortDirection, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Shelter } from './shelter.entity';
import type { ShelterInspection } from './shelter-inspection.entity';
import { ShelterInspections, Shelters } from '../risk.entities';

/** Newest inspection first; several on one day by id, so the order (and the cursor) is total. */
export const shelterInspectionSortKeys = (alias: string): SortKey<ShelterInspection>[] => [
  { column: `${alias}.inspected_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** The inspections of a shelter, newest first. */
export const ShelterInspectionPages = defineChildPages(ShelterInspections, { name: 'risk.shelter.inspections', parentColumn: 'shelter_id', keys: shelterInspectionSortKeys('t') });

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
export const ShelterReference = defineReference(Shelters, 'risk.shelter.byId');
export const shelterById = (ctx: RequestContext): DataLoader<string, Shelter | null> => ShelterReference.byId(ctx);
