import type { RequestContext } from '../context/request-context';
import { runSql } from '../db/row-reader';
import { Sql, sql } from '../sql/sql';

/**
 * Working days (工作日) by the calendar (`calendar_day`): Monday to Friday, less the days off of the
 * State Council's notices, plus their make-up working days (调休). The rules live once, in SQL
 * functions (migration `CreateCalendar`), so a deadline in a list's WHERE clause and one computed for
 * a single record agree; these are the ways to use them. Calendar days stay the default where a rule
 * says nothing (add days to a date as usual).
 */

/** A day: a SQL date expression (`t.opened_on`) or a YYYY-MM-DD value. */
export type DayExpression = Sql | string;

/** A day as a SQL date expression. */
export const daySql = (d: DayExpression): Sql => (d instanceof Sql ? d : sql`CAST(${d} AS date)`);
const count = (n: Sql | number): Sql => (n instanceof Sql ? n : sql`CAST(${n} AS integer)`);

/** SQL fragments for statements: deadlines and working-day counts computed where the rows are. */
export const workingDaySql = {
  /** Whether the day is a working day. */
  isWorkingDay: (d: DayExpression): Sql => sql`is_working_day(${daySql(d)})`,
  /**
   * The `n`-th working day after the day (before it when `n` is negative; the day itself when 0). The
   * day counted from is not counted (行政处罚法 第八十五条): a notice served on a Friday with five working
   * days to answer is due the next Friday, unless a holiday falls between.
   */
  add: (d: DayExpression, n: Sql | number): Sql => sql`add_working_days(${daySql(d)}, ${count(n)})`,
  /** How many working days lie after `from` up to and including `to` (negative when `to` is before `from`). */
  between: (from: DayExpression, to: DayExpression): Sql => sql`working_days_between(${daySql(from)}, ${daySql(to)})`,
};

/** The same answers for one value at a time, each one statement (the functions above). */
export const workingDays = {
  async isWorkingDay(ctx: RequestContext, d: string): Promise<boolean> {
    const [row] = await runSql<{ answer: boolean }>(ctx.manager, sql`SELECT ${workingDaySql.isWorkingDay(d)} AS answer`);
    return row!.answer;
  },
  async add(ctx: RequestContext, d: string, n: number): Promise<string> {
    const [row] = await runSql<{ answer: string }>(ctx.manager, sql`SELECT ${workingDaySql.add(d, n)}::text AS answer`);
    return row!.answer;
  },
  async between(ctx: RequestContext, from: string, to: string): Promise<number> {
    const [row] = await runSql<{ answer: number }>(ctx.manager, sql`SELECT ${workingDaySql.between(from, to)} AS answer`);
    return row!.answer;
  },
};
