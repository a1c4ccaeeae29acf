import { SortDirection, defineOrder, rankOf } from '@platform/core';
import { KeyTaskStatus } from './key-task.enums';

/** `keyTasks(orderBy:)`: by year and place in the plan by default (the document's order); then by id, so the order (and the cursor) is total. */
export const KeyTaskOrder = defineOrder(
  'KeyTask',
  '年度重点任务',
  {
    POSITION: { column: 't.position', description: '排序号。By place in the plan (the document\'s order).' },
    CODE: { column: 't.code', description: '编号。By plan number as text.' },
    DUE_ON: { column: 't.due_on', description: '完成时限。By due day.' },
    STATUS: {
      column: rankOf('t.status', [KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS, KeyTaskStatus.COMPLETED, KeyTaskStatus.CANCELLED]),
      description: '状态。By status: PLANNED, IN_PROGRESS, COMPLETED, CANCELLED.',
    },
    REPORTED_PROGRESS: { column: 't.reported_progress', description: '填报进度。By the progress last reported.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the task was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the task last changed (for syncing).' },
  },
  [
    { column: 't.year', direction: SortDirection.ASC },
    { column: 't.position', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `keyTaskUpdates(orderBy:)` and a task's `updates`: in the order written. */
export const KeyTaskUpdateOrder = defineOrder(
  'KeyTaskUpdate',
  '任务进展记录',
  {
    CREATED_AT: { column: 't.created_at', description: '记录时间。By when the entry was written.' },
    RECORDED_ON: { column: 't.recorded_on', description: '日期。By the day the entry is about.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the entry last changed (for syncing).' },
  },
  [
    { column: 't.created_at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
