import type { RequestContext } from '@platform/core';

/*
 * The link rows of an incident (the villages it affects, its warnings and hazards), added and removed
 * in one statement each. Hand-written because they change a set of rows of a composite key at once,
 * which the write helpers (one audited record with an id at a time) do not express. The caller has
 * checked every id it adds through `records(…)` (in scope, not archived) and locked the incident;
 * the incident's audit entry and event record the change.
 */

/** The link tables of an incident and the column naming the linked record. */
export type IncidentLink = { readonly table: 'incident_organization'; readonly column: 'organization_id' } | { readonly table: 'incident_warning'; readonly column: 'warning_id' } | { readonly table: 'incident_hazard'; readonly column: 'hazard_id' };

export const AFFECTED_ORGANIZATIONS: IncidentLink = { table: 'incident_organization', column: 'organization_id' };
export const LINKED_WARNINGS: IncidentLink = { table: 'incident_warning', column: 'warning_id' };
export const LINKED_HAZARDS: IncidentLink = { table: 'incident_hazard', column: 'hazard_id' };

/** Links the records; ones already linked keep their time. */
export async function insertIncidentLinks(tx: RequestContext, link: IncidentLink, incidentId: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await tx.manager.query(`INSERT INTO ${link.table} (incident_id, ${link.column}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [incidentId, ids]);
}

/** Unlinks the records. */
export async function deleteIncidentLinks(tx: RequestContext, link: IncidentLink, incidentId: string, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await tx.manager.query(`DELETE FROM ${link.table} WHERE incident_id = $1 AND ${link.column} = ANY($2::uuid[])`, [incidentId, ids]);
}
