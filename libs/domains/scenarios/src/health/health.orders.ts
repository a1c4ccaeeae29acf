import { SortDirection, defineOrder } from '@platform/core';

/** `sensorDataGaps(orderBy:)`: the latest start first by default; ties by id, so the order (and the cursor) is total. */
export const DataGapOrder = defineOrder(
  'SensorDataGap',
  '数据缺口',
  {
    STARTED_AT: { column: 't.started_at', description: '开始时间。By when the gap began.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.started_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `monitoringEnforcementLeads(orderBy:)`: the latest start first by default. */
export const MonitoringLeadOrder = defineOrder(
  'MonitoringEnforcementLead',
  '监测执法线索',
  {
    STARTED_AT: { column: 't.started_at', description: '开始时间。By when the gap or the tampering began.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.started_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);
