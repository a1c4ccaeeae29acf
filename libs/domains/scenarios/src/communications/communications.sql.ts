import { ParamNames, businessRuleSql, byKeys, compile, daySql, paginateSql, raw, records, sql, type ConnectionResult, type DayExpression, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { Organizations } from '@platform/directory';
import { CommunicationTerminals } from './communications.entities';
import { TerminalPermission } from './communications.permissions';
import { TERMINAL_READINESS_RULE } from '../business-rules/terminals';
import { VillageFallback } from './communications.types';

/*
 * What is computed of terminals and villages, written once in SQL: the `ready` field (`@SqlForm` and
 * `terminalReadyOf`), the `ready` filter, `villagesWithoutReadyFallback` and both indicators use these
 * expressions, so readiness is never computed two ways.
 */

const col = (alias: string, column: string): Sql => raw(`${alias}.${column}`);

/** SQL: the readiness days of the version of `scenarios.terminal-readiness` in force on `day` (NULL when none is). */
export const readinessDaysSql = (day: DayExpression): Sql =>
  sql`CAST(${businessRuleSql.valueOf(businessRuleSql.versionAt(TERMINAL_READINESS_RULE.code, day))} ->> 'readinessDays' AS int)`;

/**
 * SQL over the terminal under `alias`: ready on `day`: in service, its last test OK, on a China day at
 * most N days before `day` (N of the rule version in force on `day`; both ends included). False when no
 * version is in force.
 */
export function terminalReadySql(alias: string, day: DayExpression): Sql {
  const c = (name: string) => col(alias, name);
  return sql`coalesce(${c('status')} = 'IN_SERVICE' AND ${c('last_test_result')} = 'OK'
    AND CAST(${c('last_tested_at')} AT TIME ZONE 'Asia/Shanghai' AS date) >= ${daySql(day)} - ${readinessDaysSql(day)}, false)`;
}

/** The readiness on `day` of the terminal with this id, batched per request level (one statement for a page); it must be in the caller's read scope. */
export async function terminalReadyOf(ctx: RequestContext, id: string, day: string): Promise<boolean> {
  const loader = ctx.loaders.get<string, { id: string; ready: boolean } | null>('scenarios.terminal.ready', day, async (ids) => {
    const rows = await records(ctx, CommunicationTerminals)
      .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .aggregate<{ id: string; ready: boolean }>(sql`t.id AS "id", ${terminalReadySql('t', day)} AS "ready"`);
    return byKeys(ids, rows, (r) => r.id);
  });
  const row = await loader.load(id);
  if (!row) throw new Error(`CommunicationTerminal ${id}: its readiness was asked for outside the reader's scope.`);
  return row.ready;
}

/**
 * SQL: the villages and communities (not archived) in the caller's terminal:read scope, each with its
 * terminals that are not retired and how many of them are ready on `day` (columns `"organizationId"`,
 * `"organizationName"`, `"terminalCount"`, `"readyTerminalCount"`). Shared by `villagesWithoutReadyFallback`
 * and the indicator.
 */
export function villageFallbackRowsSql(ctx: RequestContext, day: DayExpression, extra: Sql = sql`TRUE`): Sql {
  const villages = records(ctx, Organizations, TerminalPermission.Read)
    .as('o')
    .where(sql`o.kind IN ('VILLAGE', 'COMMUNITY') AND o.archived_at IS NULL AND ${extra}`)
    .subquery(sql`o.id, o.name`);
  const terminals = records(ctx, CommunicationTerminals).as('ct').where(sql`ct.status <> 'RETIRED'`).subquery(sql`ct.organization_id, ${terminalReadySql('ct', day)} AS ready`);
  return sql`(SELECT v.id AS "organizationId", v.name AS "organizationName",
      count(tr.organization_id)::int AS "terminalCount", count(*) FILTER (WHERE tr.ready)::int AS "readyTerminalCount"
    FROM ${villages} v LEFT JOIN ${terminals} tr ON tr.organization_id = v.id
    GROUP BY v.id, v.name)`;
}

/** One page of the villages and communities with no ready terminal on `day`, by name (ties by id). One statement (count inline). */
export function villagesWithoutFallbackPage(ctx: RequestContext, day: string, page: PageRequest, withCount: boolean, keys: readonly SortKey[], hasTerminals?: boolean | null): Promise<ConnectionResult<VillageFallback>> {
  const from = compile(villageFallbackRowsSql(ctx, day), new ParamNames('vf'));
  return paginateSql<VillageFallback>({
    manager: ctx.manager,
    from: `${from.text} g`,
    select: 'g."organizationId", g."organizationName", g."terminalCount", g."readyTerminalCount"',
    where: ['g."readyTerminalCount" = 0', ...(hasTerminals == null ? [] : [hasTerminals ? 'g."terminalCount" > 0' : 'g."terminalCount" = 0'])],
    params: from.params,
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (rows) => rows.map((r) => Object.assign(new VillageFallback(), r)),
  });
}
