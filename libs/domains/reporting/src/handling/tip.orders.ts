import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { TipStatus } from '../tips/public';

/** `tips(orderBy:)`: latest received first by default; then by id, so the order (and the cursor) is total. */
export const TipOrder = defineOrder(
  'Tip',
  '举报',
  {
    RECEIVED_AT: { column: 't.received_at', description: '接收时间。By when it came in.' },
    CODE: { column: 't.code', description: '流水号。By tracking code.', unique: true },
    STATUS: { column: rankOf('t.status', Object.values(TipStatus)), description: '状态。By status, in the order of the workflow.' },
    HANDLE_DUE_AT: { column: 't.handle_due_at', description: '办结期限。By the handling due time (before extensions).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.received_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A tip's actions: in the order taken (then recorded, for actions of one instant). */
export const TIP_ACTION_KEYS = [
  { column: 't.at', direction: SortDirection.ASC },
  { column: 't.created_at', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
