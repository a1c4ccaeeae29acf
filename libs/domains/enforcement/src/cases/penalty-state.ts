import { records, subtractDecimals, compareDecimals, type RequestContext } from '@platform/core';
import { PenaltyCases } from './cases.entities';
import { decisionSummary } from './penalty-checks';
import { paymentStateRows } from './penalty.sql';
import { paymentStateOfCases } from './penalty.loaders';
import type { CasePaymentState, PenaltyDecisionSummary } from './penalty.types';

/**
 * What `penaltyDecisionCheck` answers (the contract with the cases part): lines by subject, the total
 * fine, whether a hearing must be offered, and the problems refusing a PENALTY decision.
 */
export type PenaltyDecisionSummaryResult = {
  lineCount: number;
  unitLines: number;
  personLines: number;
  totalFineYuan: string;
  hearingRequired: boolean;
  problems: { field: string; rule: string; message: string }[];
};

/**
 * The penalty lines of a case summed up for its decision (called by the cases part inside its
 * transaction, the case in the caller's scope): refuse a PENALTY decision when `lineCount` is 0 or
 * `problems` is not empty; require the hearing step when `hearingRequired`. NOT_FOUND for a case out of scope.
 */
export async function penaltyDecisionCheck(ctx: RequestContext, caseId: string): Promise<PenaltyDecisionSummaryResult & Pick<PenaltyDecisionSummary, 'hearingThresholdRuleVersionId'>> {
  const c = await records(ctx, PenaltyCases).reference(caseId, 'input.id', { archived: true });
  return decisionSummary(ctx, c);
}

/** A case's payment state from the statement's row. */
export function paymentStateOf(row: { fineYuan: string; surchargeYuan: string; paidYuan: string; paymentDueOn: string | null; surchargeDays: number }, asOf: string): CasePaymentState {
  const due = addDecimals(row.fineYuan, row.surchargeYuan);
  const outstanding = subtractDecimals(due, row.paidYuan);
  return {
    asOf,
    paymentDueOn: row.paymentDueOn,
    fineYuan: row.fineYuan,
    surchargeYuan: row.surchargeYuan,
    surchargeDays: row.surchargeDays,
    dueYuan: due,
    paidYuan: row.paidYuan,
    outstandingYuan: compareDecimals(outstanding, '0.00') > 0 ? outstanding : '0.00',
    settled: compareDecimals(row.paidYuan, due) >= 0,
  };
}

/** `a + b`, exact. */
const addDecimals = (a: string, b: string): string => subtractDecimals(a, subtractDecimals('0.00', b));

/**
 * The payment states of many cases as of a day, batched: one statement per request level (the cases
 * part's warnings on a list of cases). Null for a case out of the caller's read scope.
 */
export async function loadCasePaymentState(ctx: RequestContext, caseId: string, asOf: string): Promise<CasePaymentState | null> {
  const row = await paymentStateOfCases(ctx, asOf).load(caseId);
  return row ? paymentStateOf(row, asOf) : null;
}

/**
 * A case's money as of `asOf` (default today in China): due = fine + late-payment surcharge, paid,
 * the surcharge itself and whether it is settled (called by the cases part's close step, in its transaction).
 */
export async function casePaymentState(ctx: RequestContext, caseId: string, asOf?: string): Promise<{ dueYuan: string; paidYuan: string; surchargeYuan: string; settled: boolean }> {
  const day = asOf ?? ctx.clock.today();
  const [row] = await paymentStateRows(ctx, [caseId], day);
  if (!row) {
    // Out of scope or missing: the same answer as a lookup (NOT_FOUND).
    await records(ctx, PenaltyCases).reference(caseId, 'input.id', { archived: true });
    throw new Error(`Case ${caseId} was found but has no payment row.`);
  }
  return paymentStateOf(row, day);
}
