import { SortDirection, can, records, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { ControlMeasure, RiskPoint } from './risk-point.entity';
import { RiskCategory } from './risk-point.enums';
import { MAX_CONTROL_MEASURES } from './risk-point.service';
import { threatsBySubtree } from './risk-point-threats.sql';
import { ControlMeasures } from '../risk.entities';
import { RiskPermission } from '../permissions';

/** The control measures of many risk points the caller may read, by kind, one statement per request level. */
export function controlMeasures(ctx: RequestContext): DataLoader<string, ControlMeasure[]> {
  return ctx.loaders.get('risk.riskPoint.measures', undefined, async (ids: readonly string[]) => {
    const pages = await records(ctx, ControlMeasures).byParent('risk_point_id', ids, {
      keys: [
        { column: 't.kind', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page: { first: MAX_CONTROL_MEASURES, withCount: false, withCursors: false },
    });
    return ids.map((id) => pages.get(id)?.edges.map((e) => e.node) ?? []);
  });
}

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

/**
 * Per request, keyed by organization id: the active (not archived) GEOLOGICAL and FLOOD risk points of
 * the organization and every organization below it, within the caller's risk.risk-point:read scope
 * (points the caller may not read are left out, from the totals too). One SQL statement per batch (see
 * `threatsBySubtree`); none when the caller holds no risk-point read.
 */
export function threateningRiskPoints(ctx: RequestContext): DataLoader<string, ThreateningRiskPoints> {
  return ctx.loaders.get('risk.riskPoint.threatening', undefined, async (ids: readonly string[]) => {
    if (!can(ctx.principal, RiskPermission.RiskPointRead)) return ids.map(() => NONE);
    const threats = await threatsBySubtree(ctx, ids, THREATENING_CATEGORIES, THREATENING_RISK_POINTS_LIMIT);
    return threats.map((t) => (t.riskPoints ? t : NONE));
  });
}
