import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { InspectionStatus } from './inspection.enums';

/** `inspections(orderBy:)`: latest planned first by default; then by id, so the order (and the cursor) is total. */
export const InspectionOrder = defineOrder(
  'Inspection',
  '行政检查',
  {
    PLANNED_ON: { column: 't.planned_on', description: '计划检查日期。By planned day.' },
    CODE: { column: 't.code', description: '检查编码。By inspection code.', unique: true },
    STATUS: { column: rankOf('t.status', Object.values(InspectionStatus)), description: '状态。By status, in the order of the workflow, CANCELLED last.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.planned_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** The rows an inspection's visit recorded (checklist, certificate and permit checks, findings): in their order on the record. */
export const VISIT_ROW_KEYS = [
  { column: 't.position', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
