import { pagesByParent, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Hazard } from '../hazards/hazard.entity';
import { hazardSortKeys } from '../hazards/hazard.service';
import { RiskPermission } from '../permissions';

/** Hazards with the id of the parent they are linked to (`parent_id`), for `pagesByParent` over a link table. */
export const linkedHazardsSql = (linkTable: string, parentColumn: string): string =>
  `(SELECT h.*, l.${parentColumn} AS parent_id FROM ${linkTable} l JOIN hazard h ON h.id = l.hazard_id)`;

/**
 * The hazards raised by many visits that the caller may read, newest found first, in one
 * statement per request level.
 */
export function expertVisitHazardPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Hazard>> {
  return ctx.loaders.get('risk.expertVisit.hazards', page, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, RiskPermission.HazardRead, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Hazard,
      table: linkedHazardsSql('expert_visit_hazard', 'visit_id'),
      parentColumn: 'parent_id',
      parentIds: ids,
      where: scope.sql,
      params: scope.params,
      keys: hazardSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}
