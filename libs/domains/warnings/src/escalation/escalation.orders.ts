import { SortDirection, defineOrder } from '@platform/core';
import { levelSeveritySql } from '../model/warning.enums';

/*
 * The orders of the escalation and response template lists (`orderBy`), each a `defineOrder` over
 * the records' alias `t`; the default keys are each list's order without `orderBy`.
 */

/** `warningEscalations(orderBy:)`: newest first by default; ties by id. */
export const WarningEscalationOrder = defineOrder(
  'WarningEscalation',
  '叫应升级记录',
  {
    ESCALATED_AT: { column: 't.escalated_at', description: '升级时间。By when the delivery escalated.' },
    STEP: { column: 't.step', description: '升级次数。By the step (1 for the first escalation of a delivery).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was written (it never changes after: for syncing).' },
  },
  [
    { column: 't.escalated_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `warningResponseTemplates(orderBy:)`: by sort order by default; ties by id. */
export const WarningResponseTemplateOrder = defineOrder(
  'WarningResponseTemplate',
  '响应措施模板',
  {
    SORT_ORDER: { column: 't.sort_order', description: '排序。By position in a delivery\'s list.' },
    MIN_LEVEL: { column: levelSeveritySql('t.min_level'), description: '起始级别。By the lowest level it applies at: BLUE, YELLOW, ORANGE, RED ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the template was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the template last changed (for syncing).' },
  },
  [
    { column: 't.sort_order', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
