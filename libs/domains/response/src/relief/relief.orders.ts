import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { ReliefStatus } from './relief.enums';

/*
 * The orders of the relief case list and the payment check (`orderBy`), each a `defineOrder` over
 * the cases' alias `t`; the default keys are each list's order without `orderBy`.
 */

/** The approval path in its order, for sorting by status (REJECTED ends it, PAID completes it). */
const STATUS_PATH: readonly ReliefStatus[] = [
  ReliefStatus.APPLIED,
  ReliefStatus.ASSESSED,
  ReliefStatus.NOTICE,
  ReliefStatus.REVIEWED,
  ReliefStatus.APPROVED,
  ReliefStatus.PAID,
  ReliefStatus.REJECTED,
];

/** `reliefCases(orderBy:)`: newest cases first by default; the id makes the order total (index relief_case_created_idx). */
export const ReliefCaseOrder = defineOrder(
  'ReliefCase',
  '救助案件',
  {
    CREATED_AT: { column: 't.created_at', description: '申请时间。By when the application was registered.' },
    DUE_BY: { column: 't.due_by', description: '发放期限。By the payment deadline.' },
    STATUS: { column: rankOf('t.status', STATUS_PATH), description: '状态。By where the case stands on its path: APPLIED, ASSESSED, NOTICE, REVIEWED, APPROVED, PAID, REJECTED ascending.' },
    REQUESTED_AMOUNT: { column: 't.requested_amount_yuan', description: '申请金额。By the amount applied for.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the case last changed (for syncing).' },
  },
  [
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** SQL: the sum of a case's payments (alias `t`), computed from the payments themselves (not the case's running sum). */
export const PAID_SUM_SQL = '(SELECT coalesce(sum(p.amount_yuan), 0) FROM relief_payment p WHERE p.case_id = t.id)';

/** `reliefPaymentCheck(orderBy:)`, over the checked cases: by deadline by default; the id makes the order total. */
export const ReliefPaymentCheckOrder = defineOrder(
  'ReliefPaymentCheck',
  '救助发放核查',
  {
    DUE_BY: { column: 't.due_by', description: '发放期限。By the payment deadline.' },
    APPROVED_AMOUNT: { column: 't.approved_amount_yuan', description: '核定金额。By the amount approved.' },
    OUTSTANDING: { column: `(t.approved_amount_yuan - ${PAID_SUM_SQL})`, description: '未发放金额。By what remains to pay (approved less the sum of the payments).' },
  },
  [
    { column: 't.due_by', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
