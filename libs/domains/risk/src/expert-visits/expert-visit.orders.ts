import { SortDirection, defineOrder } from '@platform/core';

/** `expertVisits(orderBy:)`: newest visit first by default; several on one day by id, so the order (and the cursor) is total. */
export const ExpertVisitOrder = defineOrder(
  'ExpertVisit',
  '专家指导',
  {
    VISITED_ON: { column: 't.visited_on', description: '指导日期。By the day of the visit.' },
    EXPERT_NAME: { column: 't.expert_name', description: '专家姓名。By the name of the expert.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.visited_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);
