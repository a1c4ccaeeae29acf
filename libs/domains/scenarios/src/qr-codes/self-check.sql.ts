import { raw, sql, type Sql } from '@platform/core';

/*
 * SQL forms of the self-checks over the part's own tables, for list filters and indicators.
 */

/** Condition over the `qr_code` row under `alias`: an active code with an owner (an enterprise) whose self-check for `month` is missing. */
export const selfCheckMissingSql = (alias: string, month: string | Sql): Sql =>
  sql`(${raw(`${alias}.status`)} = 'ACTIVE' AND ${raw(`${alias}.enterprise_id`)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM qr_self_check sc WHERE sc.qr_code_id = ${raw(`${alias}.id`)} AND sc.period_month = CAST(${month} AS date)))`;

/** Condition over the `qr_code` row under `alias`: an active code with an owner, which takes monthly self-checks. */
export const takesSelfChecksSql = (alias: string): Sql => sql`(${raw(`${alias}.status`)} = 'ACTIVE' AND ${raw(`${alias}.enterprise_id`)} IS NOT NULL)`;
