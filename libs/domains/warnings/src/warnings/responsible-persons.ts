import { sql, unscoped, type RequestContext } from '@platform/core';
import { Persons, Positions } from '@platform/directory';

/** Why the positions are read whatever the caller's person scope. */
const WHOEVER_HOLDS_IT = 'who must answer a delivery is whoever holds the position there, whatever the scope of the one issuing (the targets were checked against it)';

/**
 * The person who must answer for each organization on `day` (YYYY-MM-DD, China): of the persons
 * holding a position there current on that day (and not archived), the lead first, else one with
 * 应急 in the title; ties by the earliest start, then person id. Organizations with nobody are left
 * out. One statement however many organizations.
 */
export async function responsiblePersons(ctx: RequestContext, organizationIds: readonly string[], day: string): Promise<Map<string, string>> {
  if (!organizationIds.length) return new Map();
  const active = unscoped(ctx, Persons, WHOEVER_HOLDS_IT).as('p').where(sql`p.id = t.person_id AND p.archived_at IS NULL`);
  const rows = await unscoped(ctx, Positions, WHOEVER_HOLDS_IT)
    .where(
      sql`t.organization_id = ANY(CAST(${organizationIds} AS uuid[]))
        AND (t.started_on IS NULL OR t.started_on <= CAST(${day} AS date)) AND (t.ended_on IS NULL OR t.ended_on >= CAST(${day} AS date))
        AND (t.is_lead OR t.title LIKE '%应急%') AND EXISTS ${active.subquery(sql`1`)}`,
    )
    .aggregate<{ organizationId: string; personId: string }>(
      sql`t.organization_id AS "organizationId", (array_agg(t.person_id ORDER BY t.is_lead DESC, (t.title LIKE '%应急%') DESC, t.started_on NULLS LAST, t.person_id))[1] AS "personId"`,
      { groupBy: sql`t.organization_id` },
    );
  return new Map(rows.map((r) => [r.organizationId, r.personId]));
}
