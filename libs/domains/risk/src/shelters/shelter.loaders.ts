import { byKeys, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import { Shelter } from './shelter.entity';
import { ShelterInspection } from './shelter-inspection.entity';
import { scopedShelters } from './shelter.service';

/** Newest inspection first; several on one day by id, so the order (and the cursor) is total. */
export const shelterInspectionSortKeys = (alias: string): SortKey<ShelterInspection>[] => [
  { column: `${alias}.inspected_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** The inspections of many shelters, newest first, one statement per request level. */
export function shelterInspectionPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<ShelterInspection>> {
  return ctx.loaders.get('risk.shelter.inspections', page, async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: ShelterInspection,
      table: 'shelter_inspection',
      parentColumn: 'shelter_id',
      parentIds: ids,
      keys: shelterInspectionSortKeys('t'),
      page,
    });
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
    const rows: Array<{ shelterId: string; day: string }> = await ctx.manager.query(
      `SELECT shelter_id AS "shelterId", max(inspected_on)::text AS day FROM shelter_inspection WHERE shelter_id = ANY($1) GROUP BY shelter_id`,
      [ids],
    );
    return byKeys(ids, rows, (r) => r.shelterId).map((r) => r?.day ?? null);
  });
}

/** Shelters by id that the caller may read; others load as null. */
export function shelterById(ctx: RequestContext): DataLoader<string, Shelter | null> {
  return ctx.loaders.get('risk.shelter.byId', undefined, async (ids: readonly string[]) =>
    byKeys(ids, await scopedShelters(ctx).andWhere('s.id IN (:...ids)', { ids }).getMany(), (s) => s.id),
  );
}
