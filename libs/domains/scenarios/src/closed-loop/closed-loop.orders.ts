import { SortDirection, defineOrder } from '@platform/core';

/**
 * `closedLoop(orderBy:)`, over the computed rows `g`: by name by default; ties by the group key (one
 * row per key), so paging is lossless for every order.
 */
export const ClosedLoopOrder = defineOrder(
  'ClosedLoopRow',
  '隐患闭环行',
  {
    GROUP_NAME: { column: 'g."groupName"', description: '名称。By the group\'s name.' },
    FOUND: { column: 'g."found"', description: '发现数。By hazards found.' },
    RISK_POINTS: { column: 'g."riskPoints"', description: '风险点数。By risk points.' },
    ON_TIME_SHARE: { column: 'coalesce(g."onTimeShare", -1)', description: '按期闭环率。By the on-time share (none due first ascending).' },
  },
  [
    { column: 'g."groupName"', direction: SortDirection.ASC },
    { column: 'g."groupKey"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."groupKey"'] },
);
