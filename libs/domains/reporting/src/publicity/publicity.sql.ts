import { ParamNames, compile, join, paginateSql, raw, records, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { Organizations } from '@platform/directory';
import { FIVE_INTO_TARGETS, PublicityTarget } from './publicity.enums';
import { PublicityActivities } from './publicity.entities';
import { PublicityPermission } from './publicity.permissions';
import { PublicityCoverageRow } from './publicity.types';
import { PublicityCoverageOrder } from './publicity.orders';

/** SQL: the activity under `alias` was held at the organization under `villageAlias` (a village or community) or anywhere in its subtree. */
export const heldWithinSql = (alias: string, villageAlias: string): Sql =>
  raw(`${alias}.organization_id IN (SELECT so.id FROM organization so WHERE so.path <@ ${villageAlias}.path)`);

/** SQL: the activity under `alias` was held at the organization with id `organizationId` or anywhere below it. */
export const heldWithinOrganizationSql = (alias: string, organizationId: string): Sql =>
  sql`${raw(`${alias}.organization_id`)} IN (SELECT so.id FROM organization so WHERE so.path <@ (SELECT wo.path FROM organization wo WHERE wo.id = ${organizationId}))`;

/**
 * SQL: how many of the five 五进 targets the village or community under `villageAlias` had no
 * activity into, among the activities the caller may read held between `from` and `to` (dates,
 * `to` exclusive) and not removed. 0: fully covered.
 */
export function gapCountSql(ctx: RequestContext, villageAlias: string, from: Sql, to: Sql): Sql {
  const covered = records(ctx, PublicityActivities)
    .as('ga')
    .where(sql`ga.archived_at IS NULL AND ga.target IS NOT NULL AND ga.held_on >= ${from} AND ga.held_on < ${to} AND ${heldWithinSql('ga', villageAlias)}`)
    .subquery(sql`count(DISTINCT ga.target)`);
  return sql`(${FIVE_INTO_TARGETS.length} - ${covered})`;
}

/**
 * 五进覆盖矩阵: the active villages and communities in the caller's scope for reading publicity, in
 * the request's order (by name by default), each with one cell per 五进 target (activities held in the year at it or anywhere in its
 * subtree, and their audience) and the targets without any. One statement (count inline).
 */
export function coveragePage(
  ctx: RequestContext,
  year: number,
  withGaps: boolean | null | undefined,
  page: PageRequest,
  withCount: boolean,
  keys: readonly SortKey[] = PublicityCoverageOrder.keys(null),
): Promise<ConnectionResult<PublicityCoverageRow>> {
  const from = sql`CAST(${`${year}-01-01`} AS date)`;
  const to = sql`CAST(${`${year + 1}-01-01`} AS date)`;
  const villages = records(ctx, Organizations, PublicityPermission.Read)
    .as('v')
    .where(sql`v.kind IN ('VILLAGE', 'COMMUNITY') AND v.archived_at IS NULL`)
    .subquery(sql`v.id, v.name, v.kind, v.path`);
  const cell = records(ctx, PublicityActivities)
    .as('pa')
    .where(sql`pa.archived_at IS NULL AND pa.target = tg.target AND pa.held_on >= ${from} AND pa.held_on < ${to} AND ${heldWithinSql('pa', 'v')}`)
    .subquery(sql`count(*)::int AS n, coalesce(sum(pa.audience_count), 0)::int AS audience`);
  const rows = compile(
    sql`(SELECT v.id AS "organizationId", v.name AS "organizationName", v.kind AS "organizationKind",
        (SELECT jsonb_agg(jsonb_build_object('target', tg.target, 'activities', c.n, 'audience', c.audience) ORDER BY tg.ord)
           FROM unnest(CAST(${[...FIVE_INTO_TARGETS]} AS text[])) WITH ORDINALITY AS tg(target, ord)
           CROSS JOIN LATERAL ${cell} c) AS cells,
        ${gapCountSql(ctx, 'v', from, to)} AS "gapCount"
      FROM ${villages} v)`,
    new ParamNames('pc'),
  );
  const conditions: Sql[] = [];
  if (withGaps != null) conditions.push(withGaps ? sql`g."gapCount" > 0` : sql`g."gapCount" = 0`);
  const where = compile(join(conditions, ' AND '), new ParamNames('pw'));
  return paginateSql<PublicityCoverageRow>({
    manager: ctx.manager,
    from: `${rows.text} g`,
    select: 'g."organizationId", g."organizationName", g."organizationKind", g.cells',
    where: [where.text],
    params: { ...rows.params, ...where.params },
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (raw) =>
      raw.map((r) => {
        const cells = (r['cells'] as Array<{ target: PublicityTarget; activities: number; audience: number }>) ?? [];
        return Object.assign(new PublicityCoverageRow(), {
          organizationId: r['organizationId'] as string,
          organizationName: r['organizationName'] as string,
          organizationKind: r['organizationKind'],
          year,
          cells,
          gaps: cells.filter((c) => c.activities === 0).map((c) => c.target),
        });
      }),
  });
}
