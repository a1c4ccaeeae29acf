import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { PenaltyCaseStatus } from './case.enums';

/** `penaltyCases(orderBy:)`: latest filed first by default; then by id, so the order (and the cursor) is total. */
export const PenaltyCaseOrder = defineOrder(
  'PenaltyCase',
  '行政处罚案件',
  {
    FILED_ON: { column: 't.filed_on', description: '立案日期。By filing day.' },
    CODE: { column: 't.code', description: '案件编号。By case number.', unique: true },
    STATUS: { column: rankOf('t.status', Object.values(PenaltyCaseStatus)), description: '状态。By status, in the order of the procedure.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.filed_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/**
 * `penaltyCasesByDaysLeft(orderBy:)`: by days left on the legal decision clock, fewest first by
 * default. The clock depends on today, so the service builds the key itself (`decisionDueText` with
 * today spliced in); the column below only names the field for the order's GraphQL types.
 */
export const PenaltyCaseClockOrder = defineOrder(
  'PenaltyCaseClock',
  '案件办理期限',
  {
    DAYS_LEFT: { column: 't.filed_on', description: '剩余天数。By days left on the legal decision clock (the legal decision date), then by id.' },
  },
  [
    { column: 't.filed_on', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** Rows of a case's file in their order (evidence, statements). */
export const CASE_ROW_KEYS = [
  { column: 't.position', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
/** Declarations in the order made. */
export const RECUSAL_KEYS = [
  { column: 't.declared_on', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
/** Suspensions in the order made. */
export const SUSPENSION_KEYS = [
  { column: 't.suspended_on', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
