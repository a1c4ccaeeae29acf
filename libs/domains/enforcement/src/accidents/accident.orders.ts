import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { ACCIDENT_GRADES, AccidentInvestigationStatus } from './accident.enums';

/** `accidentInvestigations(orderBy:)`: latest accident first by default; then by id, so the order (and the cursor) is total. */
export const AccidentInvestigationOrder = defineOrder(
  'AccidentInvestigation',
  '事故调查',
  {
    OCCURRED_AT: { column: 't.occurred_at', description: '发生时间。By when the accident happened.' },
    GRADE: { column: `coalesce(${rankOf('t.grade', [...ACCIDENT_GRADES])}, 99)`, description: '事故等级。By grade, the gravest first (ungraded last).' },
    REPORT_DUE_ON: { column: 't.report_due_on', description: '报告期限。By the day the report is due.' },
    STATUS: { column: rankOf('t.status', Object.values(AccidentInvestigationStatus)), description: '状态。By status, in the order of the workflow.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.occurred_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `accidentCategories(orderBy:)`: in the standard's order by default. */
export const AccidentCategoryOrder = defineOrder(
  'AccidentCategory',
  '事故类别',
  {
    CODE: { column: 't.code', description: '类别代码。By code (the standard\'s order).', unique: true },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** Team members and 四不放过 items: in their order on the list. */
export const POSITION_KEYS = [
  { column: 't.position', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** 一案双查 findings: in the order recorded. */
export const FINDING_KEYS = [
  { column: 't.created_at', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** Measures: the earliest due first. */
export const MEASURE_KEYS = [
  { column: 't.due_on', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
