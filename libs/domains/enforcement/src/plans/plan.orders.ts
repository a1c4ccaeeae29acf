import { SortDirection, defineOrder, rankOf, type SortKey } from '@platform/core';
import { InspectionPlanStatus } from './plan.enums';

/** `inspectionPlans(orderBy:)`: the latest year first, its latest revision first; then by id, so the order (and the cursor) is total. */
export const InspectionPlanOrder = defineOrder(
  'InspectionPlan',
  '年度监督检查计划',
  {
    YEAR: { column: 't.year', description: '年度。By year.' },
    REVISION: { column: 't.revision', description: '版次。By revision.' },
    STATUS: { column: rankOf('t.status', [InspectionPlanStatus.DRAFT, InspectionPlanStatus.APPROVED, InspectionPlanStatus.SUPERSEDED]), description: '状态。By status: DRAFT, APPROVED, SUPERSEDED.' },
    APPROVED_AT: { column: 't.approved_at', description: '批准时间。By when the plan was approved; drafts last ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the plan was drawn up.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the plan last changed (for syncing).' },
  },
  [
    { column: 't.year', direction: SortDirection.DESC },
    { column: 't.revision', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A plan's entries: key enterprises first (KEY sorts before ORDINARY), then by place in the list, then by id (the index `inspection_plan_entry_class_idx`). */
export const ENTRY_KEYS: readonly SortKey[] = [
  { column: 't.enterprise_class', direction: SortDirection.ASC },
  { column: 't.position', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
