import { claimAttachments, createRecord, defineWorkflow, type RequestContext } from '@platform/core';
import { KeyTask, KeyTaskUpdate } from './key-task.entity';
import { KeyTaskStatus } from './key-task.enums';
import { responsibilityEvents } from '../responsibility.events';
import { ResponsibilityPermission } from '../permissions';

/** What a step records in the task's timeline: the note, the progress reported and the evidence. */
export interface KeyTaskStepDetails {
  readonly recordedOn: string;
  readonly note: string;
  readonly progress?: number;
  readonly attachmentIds?: readonly string[];
  /** The owner's organization, for the attachments' download scope. */
  readonly organization: { readonly id: string; readonly path: string };
}

/** A step's timeline entry (`KeyTaskUpdate`) with its evidence claimed for it, in the step's transaction: readable by whoever may read the task. */
async function recordKeyTaskStep(
  tx: RequestContext,
  entry: { readonly step: string; readonly to: KeyTaskStatus; readonly record: KeyTask; readonly details: KeyTaskStepDetails | undefined },
): Promise<void> {
  const d = entry.details!;
  const update = await createRecord(tx, KeyTaskUpdate, 'KeyTaskUpdate', { taskId: entry.record.id, recordedOn: d.recordedOn, progress: d.progress ?? null, status: entry.to, note: d.note }, { action: 'responsibility.key-task-update.record', changes: { taskId: entry.record.id, step: entry.step } });
  if (d.attachmentIds?.length) {
    await claimAttachments(tx, d.attachmentIds, { entityType: 'KeyTaskUpdate', entityId: update.id, readPermission: ResponsibilityPermission.TaskRead, organization: d.organization }, 'input.attachmentIds');
  }
}

/**
 * A key task's life cycle as data: PLANNED → (report) IN_PROGRESS → (complete) COMPLETED; cancel
 * from either open state; reopen a completed or cancelled task. Each step writes a timeline entry
 * (`KeyTaskUpdate`, with its evidence) in the step's transaction; its audit action is
 * `responsibility.key-task.<step>` and its event the one named below.
 */
export const KEY_TASK_WORKFLOW = defineWorkflow({
  name: 'responsibility.key-task',
  entity: KeyTask,
  entityName: 'KeyTask',
  state: 'status',
  steps: {
    report: { from: [KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS], to: KeyTaskStatus.IN_PROGRESS, permission: ResponsibilityPermission.TaskReport, event: responsibilityEvents['responsibility.key-task.progressed'], description: '填报进展。Progress reported.' },
    complete: { from: [KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS], to: KeyTaskStatus.COMPLETED, permission: ResponsibilityPermission.TaskReport, event: responsibilityEvents['responsibility.key-task.completed'], description: '完成。Completed.' },
    cancel: { from: [KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS], to: KeyTaskStatus.CANCELLED, permission: ResponsibilityPermission.TaskManage, event: responsibilityEvents['responsibility.key-task.cancelled'], description: '取消。Cancelled.' },
    reopen: { from: [KeyTaskStatus.COMPLETED, KeyTaskStatus.CANCELLED], to: KeyTaskStatus.IN_PROGRESS, permission: ResponsibilityPermission.TaskManage, event: responsibilityEvents['responsibility.key-task.reopened'], description: '重新打开。Reopened.' },
  },
  payload: (task, step) => ({ id: task.id, year: task.year, ownerOrganizationId: task.ownerOrganizationId, ...(step === 'report' ? { progress: task.reportedProgress } : {}) }),
  history: recordKeyTaskStep,
});

export type KeyTaskStep = keyof typeof KEY_TASK_WORKFLOW.steps;
