import { registerEnumType } from 'type-graphql';

/** Where a key task stands. */
export enum KeyTaskStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(KeyTaskStatus, {
  name: 'KeyTaskStatus',
  description: '任务状态。Where a key task stands.',
  valuesConfig: {
    PLANNED: { description: '未开始。Planned, no progress reported yet.' },
    IN_PROGRESS: { description: '推进中。Progress reported, not completed.' },
    COMPLETED: { description: '已完成。Completed (on its completion day); counts as 100 %.' },
    CANCELLED: { description: '已取消。Cancelled with a reason; left out of its parent\'s progress and of the indicators.' },
  },
});
