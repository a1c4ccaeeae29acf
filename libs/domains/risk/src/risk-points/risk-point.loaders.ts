import { readRows, rowReader, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { RiskPoint } from './risk-point.entity';
import { RiskCategory } from './risk-point.enums';
import { riskPointScope } from './risk-point.service';

/** The categories whose points threaten households that an evacuation moves: geological hazard points and flood points. */
export const THREATENING_CATEGORIES: readonly RiskCategory[] = [RiskCategory.GEOLOGICAL, RiskCategory.FLOOD];

/** How many points `threateningRiskPoints` lists per organization at most (the most threatened ones). */
export const THREATENING_RISK_POINTS_LIMIT = 50;

/** The natural-disaster risk points threatening an organization's subtree, with totals over all of them. */
export interface ThreateningRiskPoints {
  /** The points, most threatened people first (then households, then red first, name, id); at most THREATENING_RISK_POINTS_LIMIT. */
  readonly points: RiskPoint[];
  /** How many such points there are (the listed ones and any beyond the bound). */
  readonly riskPoints: number;
  /** Households they threaten, summed over all of them. */
  readonly households: number;
  /** People they threaten, summed over all of them. */
  readonly people: number;
}

const NONE: ThreateningRiskPoints = Object.freeze({ points: [], riskPoints: 0, households: 0, people: 0 });
const ORDER = `t.threatened_people DESC NULLS LAST, t.threatened_households DESC NULLS LAST, (CASE t.level WHEN 'RED' THEN 1 WHEN 'ORANGE' THEN 2 WHEN 'YELLOW' THEN 3 ELSE 4 END), t.name, t.id`;

/**
 * Per request, keyed by organization id: the active (not archived) GEOLOGICAL and FLOOD risk points of
 * the organization and every organization below it, within the caller's risk.risk-point:read scope
 * (points the caller may not read are left out, from the totals too). One SQL statement per batch (a
 * LATERAL per organization over the ltree subtree); none when the caller holds no risk-point read.
 */
export function threateningRiskPoints(ctx: RequestContext): DataLoader<string, ThreateningRiskPoints> {
  return ctx.loaders.get('risk.riskPoint.threatening', undefined, async (ids: readonly string[]) => {
    const scope = riskPointScope(ctx.principal, 't');
    if (scope.sql === 'FALSE') return ids.map(() => NONE);
    const reader = rowReader(ctx.manager, RiskPoint, 'r');
    const sql = `
      SELECT k.ord::int AS "__ord", r."__total", r."__households", r."__people", ${reader.select}
        FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS k(id, ord)
        CROSS JOIN LATERAL (
          SELECT t.*, row_number() OVER (ORDER BY ${ORDER}) AS "__n", count(*) OVER ()::int AS "__total", coalesce(sum(t.threatened_households) OVER (), 0)::int AS "__households", coalesce(sum(t.threatened_people) OVER (), 0)::int AS "__people"
            FROM risk_point t
           WHERE t.archived_at IS NULL AND t.category = ANY(CAST(:categories AS text[]))
             AND t.organization_id IN (SELECT o.id FROM organization o WHERE o.path <@ (SELECT root.path FROM organization root WHERE root.id = k.id))
             AND ${scope.sql}
           ORDER BY ${ORDER}
           LIMIT ${THREATENING_RISK_POINTS_LIMIT}
        ) r
       ORDER BY k.ord, r."__n"`; // the LATERAL's order, numbered there so the outer ORDER BY keeps it
    const [text, values] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, { ...scope.params, ids, categories: THREATENING_CATEGORIES });
    const rows = await readRows(ctx.manager, text, values);
    const result: ThreateningRiskPoints[] = ids.map(() => NONE);
    const lists: RiskPoint[][] = ids.map(() => []);
    for (const row of rows) {
      const i = (row['__ord'] as number) - 1;
      if (result[i] === NONE) result[i] = { points: lists[i]!, riskPoints: row['__total'] as number, households: row['__households'] as number, people: row['__people'] as number };
      for (const key of ['__ord', '__total', '__households', '__people']) delete row[key];
      lists[i]!.push(reader.read([row])[0]!);
    }
    return result;
  });
}
