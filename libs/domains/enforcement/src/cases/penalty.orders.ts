import { SortDirection, defineOrder } from '@platform/core';

/** `onTheSpotPenalties(orderBy:)`: latest decided first by default; then by id, so the order (and the cursor) is total. */
export const OnTheSpotPenaltyOrder = defineOrder(
  'OnTheSpotPenalty',
  '当场处罚',
  {
    DECIDED_ON: { column: 't.decided_on', description: '处罚日期。By the day decided.' },
    NUMBER: { column: 't.number', description: '决定书编号。By decision number.', unique: true },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.decided_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A case's lines: in their order (position, then id). */
export const LINE_ORDER = [
  { column: 't.position', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** A case's payments: in the order paid (day, then id). */
export const PAYMENT_ORDER = [
  { column: 't.paid_on', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
