import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { KeyTasks } from '../responsibility.entities';
import { ResponsibilityPermission } from '../permissions';

/**
 * 重点任务按期完成率: of the key tasks due in the period (tasks without open or completed subtasks, so
 * a point broken into tasks counts through its tasks; cancelled ones left out), the share completed on
 * or before their due day, by owner organization.
 */
export const keyTaskOnTimeCompletion = defineIndicator({
  code: 'responsibility.key-task-on-time-completion',
  nameZh: '重点任务按期完成率',
  nameEn: 'Key tasks completed on time',
  description: 'Key tasks (without subtasks of their own; cancelled ones left out) due in the period that were completed on or before their due day, over all such tasks due in the period.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: ResponsibilityPermission.TaskRead,
  compute: (ctx, s) =>
    records(ctx, KeyTasks)
      .where(sql`t.status <> 'CANCELLED' AND ${s.dayWithin('t.due_on')} AND NOT EXISTS (SELECT 1 FROM key_task c WHERE c.parent_id = t.id AND c.status <> 'CANCELLED')`)
      .where(s.inSubtree('t.owner_organization_id'))
      .subquery(sql`count(*) FILTER (WHERE t.status = 'COMPLETED' AND t.completed_on <= t.due_on) AS numerator, count(*) AS denominator`),
});
