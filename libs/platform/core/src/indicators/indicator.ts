import { registerEnumType } from 'type-graphql';
import type { RequestContext } from '../context/request-context';
import { scopeOf } from '../access/authorization';
import { organizationWithinScope } from '../data/organization-scope';
import { runSql } from '../db/row-reader';
import { NotFoundError } from '../errors/errors';
import { Sql, join, raw, sql } from '../sql/sql';

/**
 * The indicator registry (指标): modules register named figures, each computed in SQL for an
 * organization subtree and a period, and one statement evaluates any set of them for an organization
 * (or for each of its child organizations, to rank them). Risk registers the on-time rectification of
 * major hazards, preparedness drill compliance, warnings the acknowledgement rate; later modules theirs.
 */

/** What a value counts. */
export enum IndicatorUnit {
  RATE = 'RATE',
  COUNT = 'COUNT',
  DAYS = 'DAYS',
}
registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: '指标单位。What an indicator\'s value counts.',
  valuesConfig: {
    RATE: { description: '比率。A share from 0 to 1: numerator ÷ denominator (null when nothing was due).' },
    COUNT: { description: '数量。A number of records.' },
    DAYS: { description: '天数。A number of days (calendar or working days, as the indicator says).' },
  },
});

/** Which way is better, for rankings and dashboards. */
export enum IndicatorDirection {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: '指标方向。Whether a higher or a lower value is better.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: '越高越好。E.g. an on-time rate.' },
    LOWER_IS_BETTER: { description: '越低越好。E.g. overdue hazards.' },
  },
});

/** The subtree and period an indicator is computed for, as SQL fragments to write its statement with. */
export interface IndicatorScope {
  /** Condition: the organization id in `column` is the evaluated organization or lies below it. */
  inSubtree(column: string): Sql;
  /** The period's first day (date). */
  readonly from: Sql;
  /** The day after the period (date, exclusive), as `hazardIndicators` and the other period figures take it. */
  readonly to: Sql;
  /** Condition: the date in `column` lies in the period. */
  dayWithin(column: string): Sql;
  /** Condition: the instant in `column` (timestamptz) lies in the period, by China days. */
  timeWithin(column: string): Sql;
  /** Today in China by the gateway's clock (date): what is due but not over yet is not failed yet. */
  readonly today: Sql;
}

/** A registered indicator. */
export interface IndicatorDefinition {
  /** Stable code prefixed with the module's name, e.g. risk.major-hazard-on-time-rectification. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** How it is computed, in one English sentence or two (shown with every value). */
  readonly description: string;
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  /**
   * The permission whose scope the figure is computed in: the caller must hold it, and an organization
   * is evaluated only where that scope covers it (never a partial count passed off as the whole).
   */
  readonly permission: string;
  /**
   * One row with `numerator` and, for a RATE, `denominator` (the value is their quotient, null when the
   * denominator is 0). Read the rows through `records(ctx, …)`, so the caller's scope applies to them too.
   */
  compute(ctx: RequestContext, scope: IndicatorScope): Sql;
}

const INDICATOR_CODE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Declares an indicator (checked once at start). */
export function defineIndicator(definition: IndicatorDefinition): IndicatorDefinition {
  if (!INDICATOR_CODE.test(definition.code) || definition.code.length > 100) throw new Error(`Indicator code ${JSON.stringify(definition.code)} is not module.dotted-lower-case (at most 100 characters).`);
  return definition;
}

/** The service (`ctx.service`) holding every enabled module's indicators by code. */
export const INDICATORS = 'kernel.indicators';

/** A registered indicator with the module that registered it. */
export interface RegisteredIndicator {
  readonly module: string;
  readonly definition: IndicatorDefinition;
}

/** The enabled modules' indicators by code. */
export const registeredIndicators = (ctx: RequestContext): ReadonlyMap<string, RegisteredIndicator> => ctx.service<ReadonlyMap<string, RegisteredIndicator>>(INDICATORS);

/** Collects the indicators of the enabled modules; a code outside its module's prefix, or registered twice, stops the start. */
export function registerIndicators(modules: ReadonlyArray<{ readonly name: string; readonly indicators?: readonly IndicatorDefinition[] }>): ReadonlyMap<string, RegisteredIndicator> {
  const out = new Map<string, RegisteredIndicator>();
  for (const m of modules) {
    for (const definition of m.indicators ?? []) {
      if (!definition.code.startsWith(`${m.name}.`)) throw new Error(`Indicator ${definition.code} of module ${m.name} must start with "${m.name}.".`);
      if (out.has(definition.code)) throw new Error(`Indicator ${definition.code} is registered twice.`);
      out.set(definition.code, { module: m.name, definition });
    }
  }
  return out;
}

/** Which organizations an evaluation answers for. */
export enum IndicatorBreakdown {
  SELF = 'SELF',
  CHILDREN = 'CHILDREN',
}
registerEnumType(IndicatorBreakdown, {
  name: 'IndicatorBreakdown',
  description: '统计口径。Whether figures are for the organization\'s whole subtree, or for each of its active child organizations (to compare or rank them).',
  valuesConfig: {
    SELF: { description: '本级汇总。One figure per indicator for the organization and everything below it.' },
    CHILDREN: { description: '按下级。One figure per indicator for each active child organization and its subtree.' },
  },
});

/** One evaluated figure. */
export interface IndicatorFigure {
  readonly code: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly numerator: number;
  readonly denominator: number | null;
  readonly value: number | null;
}

/** What to evaluate. */
export interface IndicatorQuestion {
  /** The organizations answered for (SELF), or whose active children are (CHILDREN). */
  readonly organizationIds: readonly string[];
  /** First day (YYYY-MM-DD). */
  readonly from: string;
  /** Day after the period (YYYY-MM-DD, exclusive). */
  readonly to: string;
  readonly breakdown: IndicatorBreakdown;
}

/**
 * Evaluates the indicators in ONE statement: the organizations answered for (`grp`: the organization
 * itself, or its active children) × one UNION ALL branch per indicator, each computed for `grp`'s
 * subtree and kept only where the caller's scope for the indicator's permission covers `grp`.
 * Organizations out of reach give no rows (see `assertIndicatorOrganization` for the NOT_FOUND).
 */
export async function evaluateIndicators(ctx: RequestContext, indicators: readonly RegisteredIndicator[], q: IndicatorQuestion): Promise<IndicatorFigure[]> {
  const scope: IndicatorScope = {
    inSubtree: (column) => sql`${raw(column)} IN (SELECT io.id FROM organization io WHERE io.path <@ grp.path)`,
    from: sql`CAST(${q.from} AS date)`,
    to: sql`CAST(${q.to} AS date)`,
    dayWithin: (column) => sql`(${raw(column)} >= CAST(${q.from} AS date) AND ${raw(column)} < CAST(${q.to} AS date))`,
    timeWithin: (column) =>
      sql`(${raw(column)} >= (CAST(${q.from} AS timestamp) AT TIME ZONE 'Asia/Shanghai') AND ${raw(column)} < (CAST(${q.to} AS timestamp) AT TIME ZONE 'Asia/Shanghai'))`,
    today: sql`CAST(${ctx.clock.today()} AS date)`,
  };
  const reachable = indicators.filter((i) => scopeOf(ctx.principal, i.definition.permission));
  const ids = sql`CAST(${[...q.organizationIds]} AS uuid[])`;
  const groups = q.breakdown === IndicatorBreakdown.SELF ? sql`grp.id = ANY(${ids})` : sql`grp.parent_id = ANY(${ids}) AND grp.archived_at IS NULL`;
  const rows = reachable.length && q.organizationIds.length
    ? await runSql<IndicatorFigure>(
        ctx.manager,
        sql`SELECT grp.id AS "organizationId", grp.name AS "organizationName", ind.code, ind.numerator, ind.denominator
              FROM organization grp
              CROSS JOIN LATERAL (${join(
                reachable.map(
                  (i) => sql`SELECT CAST(${i.definition.code} AS text) AS code, CAST(x.numerator AS float8) AS numerator, CAST(${i.definition.unit === IndicatorUnit.RATE ? raw('x.denominator') : raw('NULL')} AS float8) AS denominator
                    FROM (${i.definition.compute(ctx, scope)}) x WHERE ${organizationWithinScope(ctx.principal, i.definition.permission, 'grp.path', 'grp.id')}`,
                ),
                ' UNION ALL ',
              )}) ind
             WHERE ${groups}`,
      )
    : [];
  return rows.map((r) => ({ ...r, value: r.denominator === null ? r.numerator : r.denominator === 0 ? null : r.numerator / r.denominator }));
}

/** NOT_FOUND unless the organization exists and lies within the caller's scope for one of the indicators' permissions. */
export async function assertIndicatorOrganization(ctx: RequestContext, indicators: readonly RegisteredIndicator[], organizationId: string): Promise<void> {
  const within = join([...new Set(indicators.map((i) => i.definition.permission))].map((p) => organizationWithinScope(ctx.principal, p, 'o.path', 'o.id')), ' OR ', 'FALSE');
  const [row] = await runSql<{ found: boolean }>(ctx.manager, sql`SELECT EXISTS (SELECT 1 FROM organization o WHERE o.id = CAST(${organizationId} AS uuid) AND (${within})) AS found`);
  if (!row!.found) throw new NotFoundError('Organization', organizationId, 'organizationId');
}
