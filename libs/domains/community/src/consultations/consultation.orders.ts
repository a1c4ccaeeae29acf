import { SortDirection, defineOrder, rankOf, type SortKey } from '@platform/core';
import type { ConsultationActionItem } from './consultation.entity';
import { ConsultationActionStatus } from './consultation.enums';

/** `consultations(orderBy:)`: latest held first by default; then by id, so the order (and the cursor) is total. */
export const ConsultationOrder = defineOrder(
  'Consultation',
  '会商研判',
  {
    HELD_ON: { column: 't.held_on', description: '会商日期。By the day the meeting was held.' },
    TITLE: { column: 't.title', description: '标题。By title.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.held_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** Earliest due first; then by id (also the order of a meeting's own items). */
export const actionItemSortKeys = (alias: string): SortKey<ConsultationActionItem>[] => [
  { column: `${alias}.due_on`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** `consultationActionItems(orderBy:)`: earliest due first by default (`actionItemSortKeys`). */
export const ConsultationActionItemOrder = defineOrder(
  'ConsultationActionItem',
  '会商任务',
  {
    DUE_ON: { column: 't.due_on', description: '完成时限。By the day the item is due.' },
    STATUS: {
      column: rankOf('t.status', [ConsultationActionStatus.OPEN, ConsultationActionStatus.DONE, ConsultationActionStatus.CANCELLED]),
      description: '状态。By status: OPEN, DONE, CANCELLED.',
    },
    DONE_ON: { column: 't.done_on', description: '完成日期。By the day the item was done; others last ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  actionItemSortKeys('t'),
);
