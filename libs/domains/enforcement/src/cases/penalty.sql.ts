import { businessRuleSql, raw, records, runSql, sql, unscoped, type RequestContext, type Sql } from '@platform/core';
import { CasePermission } from './cases.permissions';
import { PenaltyCaseDecision } from './case.enums';
import { PenaltyCases } from './cases.entities';
import { EnforcementDiscretionBands, EnforcementItems } from '../items/public';
import { FIRST_OFFENCE_RULE } from '../business-rules/penalties';
import { OnTheSpotPartyKind, PenaltySubjectKind } from './penalty.enums';

/*
 * The statements of penalties over sets of cases that the records API does not express on its own:
 * the payment state with its late-payment surcharge as of a day, the 一案双罚 and 首违不罚 facts, and
 * the next line position. Cases are read through their declaration (the caller's scope applies); the
 * part's own tables (lines, payments, on-the-spot penalties) are joined by the case's id.
 */

/** Why the checks read items, bands and other cases beyond the caller's scope: a legal check answers the same for everyone. */
export const CHECKING = 'a legal check of a penalty (band of the item, an earlier fine of the same party) answers the same whatever the caller may read';

/** A case's money as of a day, as the statement returns it (numeric as text). */
export interface PaymentStateRow {
  readonly id: string;
  readonly fineYuan: string;
  readonly surchargeYuan: string;
  readonly paidYuan: string;
  readonly paymentDueOn: string | null;
  readonly surchargeDays: number;
}

/** SQL: the fine of case `c`: the sum of its lines when decided with a penalty, else 0. */
const fineOf = (c: string): Sql => sql`(CASE WHEN ${raw(`${c}.decision`)} = ${PenaltyCaseDecision.PENALTY} THEN (SELECT coalesce(sum(l.amount_yuan), 0) FROM enforcement_penalty_line l WHERE l.case_id = ${raw(`${c}.id`)}) ELSE 0 END)`;

/**
 * For each case (in the caller's scope for `permission`): the fine, the payments up to `asOf`, and the
 * late-payment surcharge as of `asOf` (行政处罚法 第七十二条): for each day from the day after the payment
 * due day up to `asOf`, the case's clock rule's percent of the fine still unpaid before that day (a
 * payment stops the accrual from the day after it), summed, rounded to the fen and capped at the fine.
 */
export async function paymentStateRows(ctx: RequestContext, caseIds: readonly string[], asOf: string, permission: string = CasePermission.Read): Promise<PaymentStateRow[]> {
  if (!caseIds.length) return [];
  const cases = records(ctx, PenaltyCases, permission)
    .as('c')
    .where(sql`c.id = ANY(CAST(${[...caseIds]} AS uuid[]))`)
    .subquery(sql`c.id, c.decision, c.payment_due_on, (${businessRuleSql.valueOf(sql`c.clock_rule_version_id`)} ->> 'surchargePercentPerDay')::numeric AS rate`);
  return runSql<PaymentStateRow>(
    ctx.manager,
    sql`SELECT c.id AS "id", f.fine::text AS "fineYuan", p.paid::text AS "paidYuan", to_char(c.payment_due_on, 'YYYY-MM-DD') AS "paymentDueOn",
          least(f.fine, round(coalesce(s.total, 0), 2))::numeric(14, 2)::text AS "surchargeYuan", coalesce(s.days, 0)::int AS "surchargeDays"
        FROM ${cases} c
        CROSS JOIN LATERAL (SELECT ${fineOf('c')} AS fine) f
        CROSS JOIN LATERAL (SELECT coalesce(sum(q.amount_yuan), 0)::numeric(14, 2) AS paid FROM enforcement_penalty_payment q WHERE q.case_id = c.id AND q.paid_on <= CAST(${asOf} AS date)) p
        CROSS JOIN LATERAL (
          SELECT sum(c.rate / 100 * greatest(f.fine - (SELECT coalesce(sum(q.amount_yuan), 0) FROM enforcement_penalty_payment q WHERE q.case_id = c.id AND q.paid_on < d.day), 0)) AS total,
                 count(*) FILTER (WHERE f.fine > (SELECT coalesce(sum(q.amount_yuan), 0) FROM enforcement_penalty_payment q WHERE q.case_id = c.id AND q.paid_on < d.day)) AS days
            FROM generate_series(c.payment_due_on + 1, CAST(${asOf} AS date), interval '1 day') AS g(at)
            CROSS JOIN LATERAL (SELECT g.at::date AS day) d
           WHERE f.fine > 0
        ) s`,
  );
}

/** The 一案双罚 facts of each case: whether it has a unit line, a person line, and whether its item provides a person band. */
export interface DualPenaltyRow {
  readonly id: string;
  readonly unitLines: number;
  readonly personLines: number;
  readonly itemHasPersonBand: boolean;
}

export async function dualPenaltyRows(ctx: RequestContext, caseIds: readonly string[]): Promise<DualPenaltyRow[]> {
  if (!caseIds.length) return [];
  const cases = records(ctx, PenaltyCases).as('c').where(sql`c.id = ANY(CAST(${[...caseIds]} AS uuid[]))`).subquery(sql`c.id, c.enforcement_item_id`);
  const bands = unscoped(ctx, EnforcementDiscretionBands, CHECKING).as('b').where(sql`b.subject = ${PenaltySubjectKind.PERSON}`).subquery(sql`b.item_id`);
  return runSql<DualPenaltyRow>(
    ctx.manager,
    sql`SELECT c.id AS "id",
          (SELECT count(*) FROM enforcement_penalty_line l WHERE l.case_id = c.id AND l.subject_kind = ${PenaltySubjectKind.UNIT})::int AS "unitLines",
          (SELECT count(*) FROM enforcement_penalty_line l WHERE l.case_id = c.id AND l.subject_kind = ${PenaltySubjectKind.PERSON})::int AS "personLines",
          EXISTS (SELECT 1 FROM ${bands} b WHERE b.item_id = c.enforcement_item_id) AS "itemHasPersonBand"
        FROM ${cases} c`,
  );
}

/** What the 首违不罚 check found for a case. */
export interface FirstOffenceRow {
  readonly id: string;
  readonly since: string | null;
  readonly ruleVersionId: string | null;
  readonly priorCaseCode: string | null;
  readonly priorOnTheSpotNumber: string | null;
}

/**
 * 首违不罚 (行政处罚法 第三十三条): for each case, the earliest day looked back to (its filing day minus the
 * years of rule enforcement.first-offence in force on that day), and the latest earlier penalty on the
 * same party for an item of the same code (any list version) decided from that day up to the filing
 * day: another case decided with a penalty, or an on-the-spot penalty on the organization.
 */
export async function firstOffenceRows(ctx: RequestContext, caseIds: readonly string[]): Promise<FirstOffenceRow[]> {
  if (!caseIds.length) return [];
  const cases = records(ctx, PenaltyCases).as('c').where(sql`c.id = ANY(CAST(${[...caseIds]} AS uuid[]))`).subquery(sql`c.id, c.enterprise_id, c.enforcement_item_id, c.filed_on`);
  const others = unscoped(ctx, PenaltyCases, CHECKING).as('o').where(sql`o.decision = ${PenaltyCaseDecision.PENALTY}`).subquery(sql`o.id, o.code, o.enterprise_id, o.enforcement_item_id, o.decided_on`);
  const items = unscoped(ctx, EnforcementItems, CHECKING).as('i').subquery(sql`i.id, i.code`);
  return runSql<FirstOffenceRow>(
    ctx.manager,
    sql`SELECT c.id AS "id", to_char(w.since, 'YYYY-MM-DD') AS "since", w.version_id AS "ruleVersionId",
          (SELECT o.code FROM ${others} o JOIN ${items} oi ON oi.id = o.enforcement_item_id
            WHERE o.id <> c.id AND o.enterprise_id = c.enterprise_id AND oi.code = ci.code AND o.decided_on BETWEEN w.since AND c.filed_on
            ORDER BY o.decided_on DESC, o.id LIMIT 1) AS "priorCaseCode",
          (SELECT s.number FROM enforcement_on_the_spot_penalty s JOIN ${items} si ON si.id = s.enforcement_item_id
            WHERE s.enterprise_id = c.enterprise_id AND s.party_kind = ${OnTheSpotPartyKind.ORGANIZATION} AND si.code = ci.code AND s.decided_on BETWEEN w.since AND c.filed_on
            ORDER BY s.decided_on DESC, s.id LIMIT 1) AS "priorOnTheSpotNumber"
        FROM ${cases} c
        JOIN ${items} ci ON ci.id = c.enforcement_item_id
        CROSS JOIN LATERAL (SELECT ${businessRuleSql.versionAt(FIRST_OFFENCE_RULE.code, sql`c.filed_on`)} AS version_id) v
        CROSS JOIN LATERAL (SELECT v.version_id, (c.filed_on - make_interval(years => (${businessRuleSql.valueOf(sql`v.version_id`)} ->> 'lookbackYears')::int))::date AS since) w`,
  );
}

/** The next position of a case's lines (after the greatest, gaps kept). */
export async function nextLinePosition(tx: RequestContext, caseId: string): Promise<number> {
  const [row] = (await tx.manager.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM enforcement_penalty_line WHERE case_id = $1`, [caseId])) as Array<{ next: number }>;
  return Number(row!.next);
}

/** Removes a line (the caller locked it and its case and writes the audit entry and event). */
export async function deletePenaltyLine(tx: RequestContext, id: string): Promise<void> {
  await tx.manager.query(`DELETE FROM enforcement_penalty_line WHERE id = $1`, [id]);
}

/** Whether a receipt number is recorded on any case (the column is unique, whoever may read the case). */
export async function receiptRecorded(tx: RequestContext, receiptNumber: string): Promise<boolean> {
  const rows = (await tx.manager.query(`SELECT 1 FROM enforcement_penalty_payment WHERE receipt_number = $1`, [receiptNumber])) as unknown[];
  return rows.length > 0;
}
