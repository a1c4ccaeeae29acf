import { SortDirection, defineOrder } from '@platform/core';

/** `communicationTerminals(orderBy:)`: by identifier by default; ties by id, so the order (and the cursor) is total. */
export const CommunicationTerminalOrder = defineOrder(
  'CommunicationTerminal',
  '应急通信终端',
  {
    IDENTIFIER: { column: 't.identifier', description: '终端编号。By the identifier.' },
    LAST_TESTED_AT: { column: 't.last_tested_at', description: '最近测试时间。By the latest test (never tested last ascending).' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.identifier', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `blackoutDrills(orderBy:)`: the latest first by default. */
export const BlackoutDrillOrder = defineOrder(
  'BlackoutDrill',
  '三断演练',
  {
    HELD_ON: { column: 't.held_on', description: '演练日期。By the day of the drill.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
  },
  [
    { column: 't.held_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A terminal's tests: the latest first; ties by id. */
export const TESTS_LATEST_FIRST = [
  { column: 't.tested_at', direction: SortDirection.DESC },
  { column: 't.id', direction: SortDirection.DESC },
];

/** `villagesWithoutReadyFallback(orderBy:)` over the computed rows `g`: by name; ties by the organization. */
export const VillageFallbackOrder = defineOrder(
  'VillageFallback',
  '村（社区）保底通信情况',
  {
    NAME: { column: 'g."organizationName"', description: '名称。By the village\'s name.' },
    TERMINAL_COUNT: { column: 'g."terminalCount"', description: '终端数。By how many terminals it has.' },
  },
  [
    { column: 'g."organizationName"', direction: SortDirection.ASC },
    { column: 'g."organizationId"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."organizationId"'] },
);
