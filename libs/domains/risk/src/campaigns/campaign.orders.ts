import { SortDirection, defineOrder } from '@platform/core';

/** `campaigns(orderBy:)`: latest start first by default; then by id, so the order (and the cursor) is total. */
export const CampaignOrder = defineOrder(
  'Campaign',
  '专项整治',
  {
    STARTS_ON: { column: 't.starts_on', description: '开始日期。By the first day of the campaign.' },
    ENDS_ON: { column: 't.ends_on', description: '结束日期。By the last day of the campaign.' },
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.starts_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);
