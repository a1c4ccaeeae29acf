import { pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Hazard } from './hazard.entity';
import { HazardEvent } from './hazard-event.entity';
import { hazardSortKeys } from './hazard.service';
import { RiskPermission } from '../permissions';

/** The steps of many hazards, oldest first, one statement per request level. */
export function hazardHistoryPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<HazardEvent>> {
  return ctx.loaders.get('risk.hazard.history', page, async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: HazardEvent,
      table: 'hazard_event',
      parentColumn: 'hazard_id',
      parentIds: ids,
      keys: [
        { column: 't.at', direction: SortDirection.ASC, value: (e) => e.at.toISOString() },
        { column: 't.id', direction: SortDirection.ASC, value: (e) => e.id },
      ],
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The hazards of many organizations the caller may read, newest found first, one statement per level. */
export function organizationHazardPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Hazard>> {
  return ctx.loaders.get('risk.organization.hazards', page, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Hazard,
      table: 'hazard',
      parentColumn: 'organization_id',
      parentIds: ids,
      where: scope.sql,
      params: scope.params,
      keys: hazardSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}
