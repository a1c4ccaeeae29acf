import type { RequestContext } from '../context/request-context';
import { runSql } from '../db/row-reader';
import { sql } from '../sql/sql';

/**
 * Gap-free numbers within a year (年度编号: 检查编码 NPJC-2026-0012, 移送编号 …), one series per kind
 * of record, named `module.record` (e.g. `enforcement.inspection`). The number is taken in the
 * caller's transaction under the series row's lock: a rollback gives it back, and concurrent takers
 * wait for each other, so the numbers of committed records have no gaps and no repeats.
 */
export const yearlyNumbers = {
  /** The next number of the series in the year (1 for the first). */
  async next(ctx: RequestContext, series: string, year: number): Promise<number> {
    const [row] = await runSql<{ lastNumber: number }>(
      ctx.manager,
      sql`INSERT INTO yearly_number (series, year, last_number) VALUES (${series}, ${year}, 1)
          ON CONFLICT (series, year) DO UPDATE SET last_number = yearly_number.last_number + 1
          RETURNING last_number AS "lastNumber"`,
    );
    return row!.lastNumber;
  },

  /** Moves the series' counter for the year up to at least `last` (numbers a seed fixed), so later numbers follow them. */
  async raiseTo(ctx: RequestContext, series: string, year: number, last: number): Promise<void> {
    await runSql(
      ctx.manager,
      sql`INSERT INTO yearly_number (series, year, last_number) VALUES (${series}, ${year}, ${last})
          ON CONFLICT (series, year) DO UPDATE SET last_number = greatest(yearly_number.last_number, EXCLUDED.last_number)`,
    );
  },
};
