import { SortDirection, defineOrder } from '@platform/core';

/** `shelters(orderBy:)`: by name by default; the id makes the order total. */
export const ShelterOrder = defineOrder(
  'Shelter',
  '避难场所',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    CAPACITY: { column: 't.capacity', description: '容纳人数。By how many people it takes in.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
