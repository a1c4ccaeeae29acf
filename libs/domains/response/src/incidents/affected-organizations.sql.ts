import { ParamNames, compile, pagesByParent, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { Organizations, type Organization } from '@platform/directory';

/** Affected organizations by name, then id. */
const organizationSortKeys: SortKey<Organization>[] = [
  { column: 't.name', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/**
 * A page of the organizations affected by each of many incidents, those the caller may read as
 * organizations (the directory's `Organizations` rule, spliced in as a scoped subquery), by name, in
 * one statement. Hand-written because `records(…).byParent` pages children by a column of their own
 * table, and an affected organization's incident is in the link table (`incident_organization`).
 */
export function affectedOrganizationPagesByIncident(ctx: RequestContext, incidentIds: readonly string[], page: PageRequest): Promise<Map<string, ConnectionResult<Organization>>> {
  const readable = records(ctx, Organizations).as('o').subquery(sql`o.*`);
  const table = compile(sql`(SELECT a.*, io.incident_id AS incident_parent_id FROM incident_organization io JOIN ${readable} a ON a.id = io.organization_id)`, new ParamNames('aff'));
  return pagesByParent<Organization>({
    manager: ctx.manager,
    entity: Organizations.entity,
    table: table.text,
    parentColumn: 'incident_parent_id',
    parentIds: incidentIds,
    params: table.params,
    keys: organizationSortKeys,
    page,
  });
}
