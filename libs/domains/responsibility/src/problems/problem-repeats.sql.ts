import { businessRuleSql, raw, sql, type Sql } from '@platform/core';

/*
 * Repeat detection (重复问题), in SQL so that a list's filter, a problem's `repeatOf`, the figures and
 * the indicator agree. A problem P is a repeat when the same organization has an earlier problem E of
 * the same category found within the window of P's rule version (responsibility.problem.repeat,
 * `windowMonths`, 12 as seeded):
 *
 *   E.found_on > P.found_on − windowMonths months   (so E found on D counts for P found up to D + 12 months − 1 day;
 *                                                     E found exactly 12 months before P does not)
 *   (E.found_on, E.created_at, E.id) < (P.found_on, P.created_at, P.id)   (earlier: by day, then the one recorded first)
 *
 * Month arithmetic is PostgreSQL's (2026-02-28 − 12 months = 2025-02-28). E is read without the
 * caller's scope: it has P's organization, so it is in scope whenever P is (the scope is by organization).
 */

const ALIAS = /^[a-z][a-z0-9_]*$/;

function aliasOf(name: string): string {
  if (!ALIAS.test(name)) throw new Error(`problem repeats: ${JSON.stringify(name)} is not a table alias.`);
  return name;
}

/** Condition: the problem under `e` is an earlier problem that makes the problem under `p` a repeat. */
function earlierWithinWindow(p: string, e: string): Sql {
  const window = sql`CAST(${businessRuleSql.valueOf(raw(`${p}.repeat_rule_version_id`))} ->> 'windowMonths' AS int)`;
  return sql`${raw(`${e}.organization_id = ${p}.organization_id AND ${e}.category = ${p}.category AND (${e}.found_on, ${e}.created_at, ${e}.id) < (${p}.found_on, ${p}.created_at, ${p}.id)`)}
    AND ${raw(`${e}.found_on`)} > CAST(${raw(`${p}.found_on`)} - make_interval(months => ${window}) AS date)`;
}

/** SQL: the problem under `alias` repeats an earlier one. */
export function isRepeatSql(alias = 't'): Sql {
  const p = aliasOf(alias);
  return sql`EXISTS (SELECT 1 FROM problem ${raw(`${p}_e`)} WHERE ${earlierWithinWindow(p, `${p}_e`)})`;
}

/** SQL: the id of the most recent earlier problem the problem under `alias` repeats (NULL when it is no repeat). */
export function repeatOfSql(alias = 't'): Sql {
  const p = aliasOf(alias);
  const e = `${p}_e`;
  return sql`(SELECT ${raw(`${e}.id`)} FROM problem ${raw(e)} WHERE ${earlierWithinWindow(p, e)} ORDER BY ${raw(`${e}.found_on DESC, ${e}.created_at DESC, ${e}.id DESC`)} LIMIT 1)`;
}
