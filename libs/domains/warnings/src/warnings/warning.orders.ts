import { SortDirection, defineOrder, type SortKey } from '@platform/core';
import type { Warning } from '../model/warning.entity';
import type { WarningDelivery } from '../model/warning-delivery.entity';
import { levelSeveritySql } from '../model/warning.enums';

/*
 * The orders of the warning, delivery and escalation policy lists (`orderBy`), each a `defineOrder`
 * over the records' alias `t`; the default keys are each list's order without `orderBy`.
 */

/** Newest sent first; then by id, so the order (and the cursor) is total. */
export const warningSortKeys = (alias: string): SortKey<Warning>[] => [
  { column: `${alias}.sent_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** The wall screen's order: most severe level first, then newest sent. */
export const liveWarningSortKeys = (alias: string): SortKey<Warning>[] => [
  { column: levelSeveritySql(`${alias}.level`), direction: SortDirection.DESC },
  ...warningSortKeys(alias),
];

/** Latest delivered first, then by id (also a record's `deliveries`). */
export const deliverySortKeys = (alias: string): SortKey<WarningDelivery>[] => [
  { column: `${alias}.delivered_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** `warnings(orderBy:)` and `liveWarnings(orderBy:)`: newest sent first by default (the wall screen: most severe first). */
export const WarningOrder = defineOrder(
  'Warning',
  '预警信息',
  {
    SENT_AT: { column: 't.sent_at', description: '发布时间。By when the record was sent.' },
    LEVEL: { column: levelSeveritySql('t.level'), description: '级别。By severity: BLUE, YELLOW, ORANGE, RED ascending.' },
    EFFECTIVE_AT: { column: 't.effective_at', description: '生效时间。By when the warning takes effect.' },
    EXPIRES_AT: { column: 't.expires_at', description: '失效时间。By when the warning expires.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  warningSortKeys('t'),
);

/** `warningDeliveries(orderBy:)`: latest delivered first by default. */
export const WarningDeliveryOrder = defineOrder(
  'WarningDelivery',
  '预警送达',
  {
    DELIVERED_AT: { column: 't.delivered_at', description: '送达时间。By when the record was delivered.' },
    ACKNOWLEDGED_AT: { column: 't.acknowledged_at', description: '叫应时间。By when it was acknowledged (not yet: last ascending).' },
    NEXT_ESCALATION_AT: { column: 't.next_escalation_at', description: '下次升级时间。By when it escalates unless acknowledged (none: last ascending).' },
    ESCALATION_STEP: { column: 't.escalation_step', description: '升级次数。By how many times it has escalated.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the delivery was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the delivery last changed (for syncing).' },
  },
  deliverySortKeys('t'),
);

/** `escalationPolicies(orderBy:)`: most severe level first by default. Policies are keyed by their level (no id). */
export const EscalationPolicyOrder = defineOrder(
  'EscalationPolicy',
  '叫应升级策略',
  {
    LEVEL: { column: levelSeveritySql('t.level'), description: '级别。By severity: BLUE, YELLOW, ORANGE, RED ascending (one policy per level).', unique: true },
    MINUTES: { column: 't.minutes', description: '叫应时限。By the minutes a delivery may stay unanswered.' },
    UPDATED_AT: { column: 't.updated_at', description: '修改时间。By when the policy last changed (for syncing).' },
  },
  [
    { column: levelSeveritySql('t.level'), direction: SortDirection.DESC },
    { column: 't.level', direction: SortDirection.ASC },
  ],
  { tieBreak: ['t.level'] },
);
