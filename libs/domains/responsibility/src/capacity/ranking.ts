import { IndicatorBreakdown, indicatorOf, IndicatorDirection, IndicatorUnit, evaluateIndicators, records, registeredIndicators, scopeOf, SortDirection, sql, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { CapacityPermission } from './capacity.permissions';
import { capacityRules } from './capacity.rules';
import { RankingGroup, RankingOrder, type RankingArgs, type RankingComponent, type RankingEntry } from './capacity.types';

/** The score of a ranking, in words (shown with every entry). */
export const RANKING_FORMULA =
  'score = Σ(weight × component score) ÷ Σ weight over the components with a value. Component score, 0–100: a RATE scores 100 × value when higher is better, 100 × (1 − value) when lower is; a COUNT or DAYS scores 100 × (value − worst) ÷ (best − worst) among the organizations ranked (100 for all when they are equal). A component with no value (nothing due) is left out. Places follow the score, ties sharing a place.';

/** The most organizations ranked at once. */
const MAX_RANKED = 500;

const KINDS: Record<RankingGroup, readonly string[]> = { [RankingGroup.VILLAGES]: ['VILLAGE', 'COMMUNITY'], [RankingGroup.DEPARTMENTS]: ['DEPARTMENT'] };

/** The first day of the quarter and the first day after it. */
export function quarterPeriod(year: number, quarter: number): { from: string; to: string } {
  const month = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { from, to };
}

/** A component's score for one value, given the best and worst values among those ranked. */
function componentScore(value: number | null, unit: IndicatorUnit, direction: IndicatorDirection, values: readonly number[]): number | null {
  if (value === null) return null;
  const higher = direction === IndicatorDirection.HIGHER_IS_BETTER;
  if (unit === IndicatorUnit.RATE) return 100 * (higher ? value : 1 - value);
  const best = higher ? Math.max(...values) : Math.min(...values);
  const worst = higher ? Math.min(...values) : Math.max(...values);
  return best === worst ? 100 : (100 * (value - worst)) / (best - worst);
}

/**
 * 季度晾晒: the villages (or departments) in the caller's ranking scope, scored over the chosen
 * indicators for the quarter (one evaluation, one statement, each figure within the caller's scope
 * for its indicator), with each component and the formula. Places by score, ties sharing a place.
 */
export async function quarterlyRanking(ctx: RequestContext, args: RankingArgs): Promise<ConnectionResult<RankingEntry>> {
  const registry = registeredIndicators(ctx);
  const seen = new Set<string>();
  const chosen = args.components.map((c, n) => {
    const r = registry.get(c.indicatorCode);
    if (!r || !scopeOf(ctx.principal, r.definition.permission)) throw capacityRules.field(`components.${n}.indicatorCode`, 'exists', `no indicator ${c.indicatorCode} that you may evaluate (see indicators).`);
    if (seen.has(c.indicatorCode)) throw capacityRules.field(`components.${n}.indicatorCode`, 'distinct', `${c.indicatorCode} is named twice.`);
    seen.add(c.indicatorCode);
    return { registered: r, weight: c.weight ?? 1 };
  });
  let ranked = records(ctx, Organizations, CapacityPermission.RankingRead).where(sql`t.kind = ANY(${[...KINDS[args.group]]}) AND t.archived_at IS NULL`);
  if (args.filter?.withinSubtreeOf) ranked = ranked.where(organizationIdWithinSubtree('t.id', args.filter.withinSubtreeOf));
  const organizations = await ranked
    .list({ keys: [{ column: 't.name', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: MAX_RANKED, properties: ['id', 'name'] });
  const { from, to } = quarterPeriod(args.year, args.quarter);
  const figures = await evaluateIndicators(ctx, chosen.map((c) => c.registered), { organizationIds: organizations.map((o) => o.id), from, to, breakdown: IndicatorBreakdown.SELF });
  const figure = new Map(figures.map((f) => [`${f.code}|${f.organizationId}`, f]));
  const valuesOf = new Map(chosen.map((c) => [c.registered.definition.code, figures.filter((f) => f.code === c.registered.definition.code && f.value !== null).map((f) => f.value!)]));
  const entries: RankingEntry[] = organizations.map((o) => {
    const components: RankingComponent[] = chosen.map(({ registered: r, weight }) => {
      const f = figure.get(`${r.definition.code}|${o.id}`);
      const value = f?.value ?? null;
      return {
        indicator: indicatorOf(r),
        weight,
        value,
        numerator: f?.numerator ?? 0,
        denominator: f?.denominator ?? (r.definition.unit === IndicatorUnit.RATE ? 0 : null),
        score: componentScore(value, r.definition.unit, r.definition.direction, valuesOf.get(r.definition.code)!),
      };
    });
    const scored = components.filter((c) => c.score !== null);
    const total = scored.reduce((n, c) => n + c.weight, 0);
    const score = total ? Math.round((scored.reduce((n, c) => n + c.weight * c.score!, 0) / total) * 100) / 100 : null;
    return { rank: null, organizationId: o.id, organizationName: o.name, score, components, formula: RANKING_FORMULA };
  });
  // Places: 1 + the number of organizations with a higher score.
  for (const e of entries) if (e.score !== null) e.rank = 1 + entries.filter((x) => x.score !== null && x.score > e.score!).length;
  return RankingOrder.page(entries, args.orderBy, args);
}
