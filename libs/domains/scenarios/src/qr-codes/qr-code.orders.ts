import { SortDirection, defineOrder } from '@platform/core';

/** `qrCodes(orderBy:)`: the newest first by default; ties by id, so the order (and the cursor) is total. */
export const QrCodeOrder = defineOrder(
  'QrCode',
  '安全隐患码',
  {
    CREATED_AT: { column: 't.created_at', description: '发码时间。By when it was issued.' },
    PLACE_NAME: { column: 't.place_name', description: '场所名称。By the place\'s name.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `selfCheckSubmissions(orderBy:)`: the latest month first by default. */
export const SelfCheckOrder = defineOrder(
  'SelfCheckSubmission',
  '场所自查记录',
  {
    PERIOD_MONTH: { column: 't.period_month', description: '自查月份。By the month checked.' },
    SUBMITTED_AT: { column: 't.submitted_at', description: '提交时间。By when it was submitted.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.period_month', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A code's self-checks: the latest month first. */
export const SELF_CHECKS_OF_CODE = [
  { column: 't.period_month', direction: SortDirection.DESC },
  { column: 't.id', direction: SortDirection.DESC },
];
