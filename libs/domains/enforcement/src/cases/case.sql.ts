import { raw, sql, type RequestContext, type Sql } from '@platform/core';
import { runSql } from '@platform/core';
import { OPEN_BEFORE_DECISION } from './case.enums';

/*
 * The legal clocks of a case in SQL, so a field, a list's filter and order and an indicator agree:
 * the decision due date (legal hard date) and the internal target, each the filing day plus the
 * days of the rule version kept plus the days suspended (an open suspension up to `today`), the
 * legal date also plus the approved extension.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A YYYY-MM-DD value as a SQL date literal (checked: it is spliced into an ORDER BY key). */
export const dayLiteral = (day: string): string => {
  if (!DAY.test(day)) throw new Error(`Not a day: ${day}`);
  return `DATE '${day}'`;
};

/** SQL text over `alias`: the days the case has been suspended as of `today`. */
export const suspendedDaysText = (alias: string, today: string): string => `enforcement_case_suspended_days(${alias}.id, ${dayLiteral(today)})`;

/** SQL text over `alias`: the legal decision due date (行政处罚法 第六十条). */
export const decisionDueText = (alias: string, today: string): string =>
  `(${alias}.filed_on + ${alias}.decision_days + coalesce(${alias}.extension_days, 0) + ${suspendedDaysText(alias, today)})`;

/** SQL text over `alias`: the office's internal target date. */
export const targetDueText = (alias: string, today: string): string => `(${alias}.filed_on + ${alias}.target_days + ${suspendedDaysText(alias, today)})`;

export const decisionDueSql = (alias: string, today: string): Sql => raw(decisionDueText(alias, today));
/** The same legal decision date with today as a SQL date expression (an indicator's `scope.today`). */
export const decisionDueAtSql = (alias: string, today: Sql): Sql =>
  sql`(${raw(`${alias}.filed_on + ${alias}.decision_days + coalesce(${alias}.extension_days, 0)`)} + enforcement_case_suspended_days(${raw(`${alias}.id`)}, ${today}))`;
export const targetDueSql = (alias: string, today: string): Sql => raw(targetDueText(alias, today));

/** SQL over `alias`: the case is open before its decision (the decision clock runs). */
export const openBeforeDecisionSql = (alias: string): Sql => sql`${raw(`${alias}.status`)} = ANY(${[...OPEN_BEFORE_DECISION]})`;

/** SQL over `alias`: decided after its legal due date. */
export const decidedLateSql = (alias: string): Sql => raw(`(${alias}.decided_on IS NOT NULL AND ${alias}.decided_on > ${decisionDueTextAt(alias)})`);
/** The due date as it stood when decided: suspensions are all closed by then (an open one is counted up to the decision day). */
const decisionDueTextAt = (alias: string): string =>
  `(${alias}.filed_on + ${alias}.decision_days + coalesce(${alias}.extension_days, 0) + enforcement_case_suspended_days(${alias}.id, ${alias}.decided_on))`;

/** The clocks of a set of cases, one statement. */
export interface CaseClockRow {
  readonly id: string;
  readonly decisionDueOn: string;
  readonly targetDueOn: string;
  readonly suspendedDays: number;
}

export async function caseClockRows(ctx: RequestContext, ids: readonly string[], today: string): Promise<CaseClockRow[]> {
  return runSql<CaseClockRow>(
    ctx.manager,
    sql`SELECT t.id, ${decisionDueSql('t', today)}::text AS "decisionDueOn", ${targetDueSql('t', today)}::text AS "targetDueOn", ${raw(suspendedDaysText('t', today))} AS "suspendedDays"
        FROM enforcement_case t WHERE t.id = ANY(${[...ids]}::uuid[])`,
  );
}
