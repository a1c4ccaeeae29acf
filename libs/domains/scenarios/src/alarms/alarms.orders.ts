import { SortDirection, defineOrder } from '@platform/core';

/** `alarms(orderBy:)`: the latest triggered first by default; ties by id, so the order (and the cursor) is total. */
export const AlarmOrder = defineOrder(
  'Alarm',
  '报警',
  {
    TRIGGERED_AT: { column: 't.triggered_at', description: '触发时间。By when it was raised.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.triggered_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `alarmRules(orderBy:)`: by code by default. */
export const AlarmRuleOrder = defineOrder(
  'AlarmRule',
  '报警规则',
  {
    CODE: { column: 't.code', description: '编码。By code.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `sensorMaintenanceWindows(orderBy:)`: the latest start first by default. */
export const MaintenanceWindowOrder = defineOrder(
  'SensorMaintenanceWindow',
  '设备维护时段',
  {
    STARTS_AT: { column: 't.starts_at', description: '开始时间。By start.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
  },
  [
    { column: 't.starts_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** An organization's open alarms (the enterprise picture): the latest first. */
export const ALARMS_LATEST_FIRST = [
  { column: 't.triggered_at', direction: SortDirection.DESC },
  { column: 't.id', direction: SortDirection.DESC },
];
