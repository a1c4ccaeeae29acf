import { SortDirection, defineOrder, type SortKey } from '@platform/core';

/** `sensorThings(orderBy:)`: by name by default; ties by id, so the order (and the cursor) is total. */
export const SensorThingOrder = defineOrder(
  'SensorThing',
  '监测设备',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `datastreams(orderBy:)`: by name by default. */
export const DatastreamOrder = defineOrder(
  'Datastream',
  '数据流',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    LAST_PHENOMENON_TIME: { column: 't.last_phenomenon_time', description: '最新观测时间。By the time of the latest observation (never reported last ascending).' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/**
 * Observations across datastreams: the latest first; ties (several datastreams at one instant) by the
 * datastream id, which with the phenomenon time is the key, so paging is lossless.
 */
export const OBSERVATIONS_LATEST_FIRST: readonly SortKey[] = [
  { column: 't.phenomenon_time', direction: SortDirection.DESC },
  { column: 't.datastream_id', direction: SortDirection.DESC },
];

/**
 * `observations(orderBy:)`: by phenomenon time, the latest first by default; ties (several datastreams
 * at one instant) by the datastream id, which with the phenomenon time is the key (no `id` column).
 */
export const ObservationOrder = defineOrder(
  'Observation',
  '观测值',
  {
    PHENOMENON_TIME: { column: 't.phenomenon_time', description: '观测时间。By phenomenon time (ties by datastream).' },
  },
  OBSERVATIONS_LATEST_FIRST,
  { tieBreak: ['t.datastream_id'] },
);

/** Observations in time order (the STA view's default, `$orderby=phenomenonTime`). */
export const OBSERVATIONS_IN_TIME_ORDER: readonly SortKey[] = [
  { column: 't.phenomenon_time', direction: SortDirection.ASC },
  { column: 't.datastream_id', direction: SortDirection.ASC },
];

/** A thing's datastreams by name. */
export const DATASTREAMS_BY_NAME: readonly SortKey[] = [
  { column: 't.name', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
