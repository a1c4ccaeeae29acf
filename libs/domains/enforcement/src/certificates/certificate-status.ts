import { businessRuleSql, byKeys, daySql, raw, records, sql, type DayExpression, type RequestContext, type ScopedEntity, type Sql } from '@platform/core';
import type { ObjectLiteral } from 'typeorm';
import { EnforcementCertificateStatus, SpecialOperationCertificateStatus } from './certificate.enums';

/*
 * The status of a certificate on a day, written once, in SQL: list filters, the read compiler
 * (`@SqlForm`), the field resolvers (through `certificateStatusOn`) and the checks for inspections all use
 * these expressions, so a status is never computed two ways.
 */

/**
 * SQL text over the special-operation certificate under `alias`: the day its holder next has to act,
 * the review due day when it comes before the last valid day, else the last valid day. The migration
 * indexes the same expression (with the enterprise, for the lists' default order).
 */
export const nextDueOnColumn = (alias: string): string => `(CASE WHEN ${alias}.review_due_on < ${alias}.valid_until THEN ${alias}.review_due_on ELSE ${alias}.valid_until END)`;

/** SQL over the enforcement certificate under `alias`: its `EnforcementCertificateStatus` on `day`. */
export function enforcementCertificateStatusSql(alias: string, day: DayExpression): Sql {
  const c = (column: string) => raw(`${alias}.${column}`);
  const d = daySql(day);
  const S = EnforcementCertificateStatus;
  return sql`(CASE WHEN ${c('revoked_on')} <= ${d} THEN ${raw(`'${S.REVOKED}'`)}
    WHEN ${d} < ${c('valid_from')} THEN ${raw(`'${S.NOT_YET_VALID}'`)}
    WHEN ${d} > ${c('valid_to')} THEN ${raw(`'${S.EXPIRED}'`)}
    ELSE ${raw(`'${S.VALID}'`)} END)`;
}

/**
 * SQL over the special-operation certificate under `alias`: its `SpecialOperationCertificateStatus`
 * on `day`. The window is the `dueWindowDays` of the rule version the certificate keeps; a review due
 * day counts only while it comes before the last valid day (at expiry the certificate is renewed,
 * not reviewed). Both ends of each window are included: with 60 days, a review due on D is REVIEW_DUE
 * from D − 60 through D and REVIEW_OVERDUE from D + 1.
 */
export function specialOperationStatusSql(alias: string, day: DayExpression): Sql {
  const c = (column: string) => raw(`${alias}.${column}`);
  const d = daySql(day);
  const S = SpecialOperationCertificateStatus;
  const window = sql`CAST(${businessRuleSql.valueOf(c('rule_version_id'))} ->> 'dueWindowDays' AS int)`;
  const reviewBeforeExpiry = sql`${c('review_due_on')} < ${c('valid_until')}`;
  return sql`(CASE WHEN ${c('revoked_on')} <= ${d} THEN ${raw(`'${S.REVOKED}'`)}
    WHEN ${d} > ${c('valid_until')} THEN ${raw(`'${S.EXPIRED}'`)}
    WHEN ${reviewBeforeExpiry} AND ${d} > ${c('review_due_on')} THEN ${raw(`'${S.REVIEW_OVERDUE}'`)}
    WHEN ${d} >= ${c('valid_until')} - ${window} THEN ${raw(`'${S.EXPIRING}'`)}
    WHEN ${reviewBeforeExpiry} AND ${d} >= ${c('review_due_on')} - ${window} THEN ${raw(`'${S.REVIEW_DUE}'`)}
    ELSE ${raw(`'${S.VALID}'`)} END)`;
}

/** SQL over alias `t`: the special-operation certificate is in one of `statuses` on `day`. */
export const inStatuses = (day: DayExpression, statuses: readonly SpecialOperationCertificateStatus[]): Sql => sql`${specialOperationStatusSql('t', day)} = ANY(${[...statuses]})`;

/** What needs action on a day (`specialOperationCertificatesDue`): a review or the expiry within the window, and reviews overdue. */
export const DUE_STATUSES: readonly SpecialOperationCertificateStatus[] = [SpecialOperationCertificateStatus.REVIEW_DUE, SpecialOperationCertificateStatus.REVIEW_OVERDUE, SpecialOperationCertificateStatus.EXPIRING];

/**
 * The status on `day` of the record of `def` with this id, batched per request level (one statement
 * for a page). The record must be in the caller's read scope (its parent read it there).
 */
export async function certificateStatusOn<T extends ObjectLiteral, S extends string>(ctx: RequestContext, def: ScopedEntity<T>, statusSql: (alias: string, day: DayExpression) => Sql, id: string, day: string): Promise<S> {
  const loader = ctx.loaders.get<string, S | null>(`enforcement.certificate.status.${def.typeName}`, day, async (ids) => {
    const rows = await records(ctx, def)
      .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .aggregate<{ id: string; status: S }>(sql`t.id AS "id", ${statusSql('t', day)} AS "status"`);
    return byKeys(ids, rows, (r) => r.id).map((r) => r?.status ?? null);
  });
  const status = await loader.load(id);
  if (status === null) throw new Error(`${def.typeName} ${id}: its status was asked for outside the reader's scope.`);
  return status;
}

