import { SortDirection, defineOrder } from '@platform/core';

/** `fireFacilities(orderBy:)`: by kind, then description, by default; the id makes the order total. */
export const FireFacilityOrder = defineOrder(
  'FireFacility',
  '消防设施',
  {
    KIND: { column: 't.kind', description: '种类。By kind.' },
    DESCRIPTION: { column: 't.description', description: '描述。By description.' },
    LAST_INSPECTED_ON: { column: 't.last_inspected_on', description: '最近检查日期。By the day of the last inspection; never inspected last ascending.' },
    INSPECTION_DUE_ON: {
      column: '(t.last_inspected_on + t.inspection_interval_days)',
      description: '下次检查日期。By the day the next inspection is due (last inspection plus the interval); never inspected last ascending.',
    },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.kind', direction: SortDirection.ASC },
    { column: 't.description', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
