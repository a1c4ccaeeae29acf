import { raw, records, rowReader, runSql, sql, type RequestContext } from '@platform/core';
import { RiskPoint } from './risk-point.entity';
import type { RiskCategory } from './risk-point.enums';
import { RiskPoints } from '../risk.entities';

/** Most threatened people first, then households, then red first, name and id (a total order). */
const ORDER = `t.threatened_people DESC NULLS LAST, t.threatened_households DESC NULLS LAST, (CASE t.level WHEN 'RED' THEN 1 WHEN 'ORANGE' THEN 2 WHEN 'YELLOW' THEN 3 ELSE 4 END), t.name, t.id`;

/** What `threatsBySubtree` gives per organization. */
export interface SubtreeThreats {
  readonly points: RiskPoint[];
  readonly riskPoints: number;
  readonly households: number;
  readonly people: number;
}

/**
 * Per organization of `rootIds` (in their order): the active risk points of `categories` at it and
 * below it that the caller may read, the `limit` most threatened of them, with the count and the
 * threatened households and people summed over all of them. ONE statement for all the roots.
 *
 * Hand-written because it groups by an ancestor in the tree (a LATERAL per root over its ltree
 * subtree) with a bounded list and totals per group, which `records` does not express (`byParent`
 * groups by a column of the row). The rows themselves come from `records(ctx, RiskPoints)`, so the
 * kernel applies the caller's risk-point read scope inside the LATERAL.
 */
export async function threatsBySubtree(ctx: RequestContext, rootIds: readonly string[], categories: readonly RiskCategory[], limit: number): Promise<SubtreeThreats[]> {
  const reader = rowReader(ctx.manager, RiskPoint, 't');
  const points = records(ctx, RiskPoints).where(
    sql`t.archived_at IS NULL AND t.category = ANY(${categories}) AND t.organization_id IN (SELECT o.id FROM organization o WHERE o.path <@ (SELECT root.path FROM organization root WHERE root.id = k.id))`,
  );
  const ranked = points.subquery(
    sql`${raw(reader.select)}, row_number() OVER (ORDER BY ${raw(ORDER)}) AS "__n", count(*) OVER ()::int AS "__total", coalesce(sum(t.threatened_households) OVER (), 0)::int AS "__households", coalesce(sum(t.threatened_people) OVER (), 0)::int AS "__people"`,
  );
  const statement = sql`
    SELECT k.ord::int AS "__ord", r.*
      FROM unnest(CAST(${rootIds} AS uuid[])) WITH ORDINALITY AS k(id, ord)
      CROSS JOIN LATERAL ${ranked} r
     WHERE r."__n" <= ${limit}
     ORDER BY k.ord, r."__n"`;
  const rows = await runSql(ctx.manager, statement);

  const result = rootIds.map(() => ({ points: [] as RiskPoint[], riskPoints: 0, households: 0, people: 0 }));
  for (const row of rows) {
    const threats = result[(row['__ord'] as number) - 1]!;
    threats.riskPoints = row['__total'] as number;
    threats.households = row['__households'] as number;
    threats.people = row['__people'] as number;
    for (const key of ['__ord', '__n', '__total', '__households', '__people']) delete row[key];
    threats.points.push(reader.read([row])[0]!);
  }
  return result;
}
