import { compareDecimals, normalizeDecimal, raw, sql, type Sql } from '@platform/core';
import { AccidentGrade } from './accident.enums';

/** The figures an accident is graded by (国务院令第493号 第三条). */
export type AccidentGradeFigures = { readonly deaths: number; readonly seriouslyInjured: number; readonly directLossYuan: string };

/** A grade's lower bounds (inclusive). */
type Band = { readonly deaths: number; readonly seriouslyInjured: number; readonly directLossYuan: string };

/** The value of a version of `enforcement.accident-grades` (the part `accidentGradeOf` reads). */
export type AccidentGradeRule = { readonly extraordinarilySerious: Band; readonly serious: Band; readonly larger: Band; readonly regradeWindowDays: number; readonly regradeWindowDaysRoadTrafficFire: number };

const loss = (yuan: string): string => {
  const n = normalizeDecimal(yuan);
  if (n === null) throw new Error(`${JSON.stringify(yuan)} is not a decimal amount of yuan.`);
  return n;
};

/** Whether the figures reach a band: any one of deaths, serious injuries or loss at or above its bound ("以上" includes it). */
const reaches = (f: AccidentGradeFigures, b: Band): boolean => f.deaths >= b.deaths || f.seriouslyInjured >= b.seriouslyInjured || compareDecimals(loss(f.directLossYuan), loss(b.directLossYuan)) >= 0;

/**
 * 事故等级 (国务院令第493号 第三条): the gravest grade whose bounds one of the figures reaches, else
 * 一般. Pure: the bounds are the value of the rule version the caller read (and stores with the grade).
 * `accidentGradeSql` is the same in SQL.
 */
export function accidentGradeOf(f: AccidentGradeFigures, rule: AccidentGradeRule): AccidentGrade {
  if (reaches(f, rule.extraordinarilySerious)) return AccidentGrade.EXTRAORDINARILY_SERIOUS;
  if (reaches(f, rule.serious)) return AccidentGrade.SERIOUS;
  if (reaches(f, rule.larger)) return AccidentGrade.LARGER;
  return AccidentGrade.ORDINARY;
}

/** SQL: the figures (column expressions over `alias`) reach the band `key` of the rule value `value` (jsonb). */
const reachesSql = (alias: string, value: Sql, key: string): Sql => {
  const bound = (name: string, type: string) => sql`CAST(${value} -> ${raw(`'${key}'`)} ->> ${raw(`'${name}'`)} AS ${raw(type)})`;
  return sql`(${raw(`${alias}.deaths`)} >= ${bound('deaths', 'int')} OR ${raw(`${alias}.seriously_injured`)} >= ${bound('seriouslyInjured', 'int')} OR ${raw(`${alias}.direct_loss_yuan`)} >= ${bound('directLossYuan', 'numeric')})`;
};

/**
 * SQL: `accidentGradeOf` over the columns `deaths`, `seriously_injured` and `direct_loss_yuan` of
 * `alias`, with the rule value `value` (jsonb, e.g. `businessRuleSql.valueOf(t.grade_rule_version_id)`):
 * so lists and indicators grade as the service does.
 */
export const accidentGradeSql = (alias: string, value: Sql): Sql =>
  sql`(CASE WHEN ${reachesSql(alias, value, 'extraordinarilySerious')} THEN ${raw(`'${AccidentGrade.EXTRAORDINARILY_SERIOUS}'`)}
    WHEN ${reachesSql(alias, value, 'serious')} THEN ${raw(`'${AccidentGrade.SERIOUS}'`)}
    WHEN ${reachesSql(alias, value, 'larger')} THEN ${raw(`'${AccidentGrade.LARGER}'`)}
    ELSE ${raw(`'${AccidentGrade.ORDINARY}'`)} END)`;
