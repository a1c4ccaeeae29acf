import { ParamNames, compile, pagesByParent, rowScopeSql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { Hazard } from './hazard.entity';
import { Hazards } from '../risk.entities';
import { RiskPermission } from '../permissions';

/** The link tables whose parents list hazards: the link table and its parent column. */
export type HazardLink = { readonly table: 'expert_visit_hazard'; readonly parentColumn: 'visit_id' } | { readonly table: 'campaign_hazard'; readonly parentColumn: 'campaign_id' };

/**
 * Pages of the hazards the caller may read per parent of a link table (an expert visit's, a
 * campaign's), newest found first, in one statement. Hand-written because `records(…).byParent`
 * pages children by a column of their own table, and a linked hazard's parent is in the link table:
 * the hazards are joined to their links here, the scope is still the kernel's (`Hazards`).
 */
export function linkedHazardPages(ctx: RequestContext, link: HazardLink, parentIds: readonly string[], keys: readonly SortKey<Hazard>[], page: PageRequest): Promise<Map<string, ConnectionResult<Hazard>>> {
  const scope = compile(rowScopeSql(ctx.principal, RiskPermission.HazardRead, Hazards, 't'), new ParamNames('hscope'));
  return pagesByParent<Hazard>({
    manager: ctx.manager,
    entity: Hazard,
    table: `(SELECT h.*, l.${link.parentColumn} AS parent_id FROM ${link.table} l JOIN hazard h ON h.id = l.hazard_id)`,
    parentColumn: 'parent_id',
    parentIds,
    where: scope.text,
    params: scope.params,
    keys,
    page,
  });
}
