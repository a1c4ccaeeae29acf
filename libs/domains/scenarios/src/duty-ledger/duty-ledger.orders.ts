import { SortDirection, defineOrder } from '@platform/core';

/**
 * `dutyLedgers(orderBy:)`, over the computed rows `g`: by organization and position by default; ties
 * by the duty list (one row per list), so paging is lossless for every order.
 */
export const DutyLedgerOrder = defineOrder(
  'DutyLedger',
  '安全履职一本账',
  {
    ORGANIZATION_NAME: { column: 'g."organizationName"', description: '单位名称。By the organization of the position.' },
    POSITION_TITLE: { column: 'g."positionTitle"', description: '职务。By the position.' },
    GAP_COUNT: { column: 'g."gapCount"', description: '缺口数。By how many gaps.' },
    ACTION_COUNT: { column: 'g."actionCount"', description: '履职记录数。By duty actions in the period.' },
  },
  [
    { column: 'g."organizationName"', direction: SortDirection.ASC },
    { column: 'g."positionTitle"', direction: SortDirection.ASC },
    { column: 'g."listId"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."listId"'] },
);

/** `dutyLedgerSnapshots(orderBy:)`: the latest taken first by default. */
export const DutyLedgerSnapshotOrder = defineOrder(
  'DutyLedgerSnapshot',
  '履职台账快照',
  {
    TAKEN_AT: { column: 't.taken_at', description: '固化时间。By when it was taken.' },
    PERIOD_TO: { column: 't.period_to', description: '截止日期。By the period\'s last day.' },
    GAP_COUNT: { column: 't.gap_count', description: '缺口数。By gaps when taken.' },
  },
  [
    { column: 't.taken_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);
