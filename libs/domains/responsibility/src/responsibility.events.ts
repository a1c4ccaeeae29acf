import { defineEvents, payload } from '@platform/core';
import { KeyTasks } from './responsibility.entities';

/** What a key task's events carry: the task, its year and its owner. */
type KeyTaskPayload = { id: string; year: number; ownerOrganizationId: string };

/**
 * Every event the responsibility module emits, with its payload (ids only). A key task's workflow
 * steps emit `responsibility.key-task.completed|cancelled|reopened`.
 */
export const responsibilityEvents = defineEvents({
  'responsibility.key-task.created': payload<KeyTaskPayload>(KeyTasks),
  'responsibility.key-task.updated': payload<KeyTaskPayload>(KeyTasks),
  'responsibility.key-task.progressed': payload<KeyTaskPayload & { progress: number }>(KeyTasks),
  'responsibility.key-task.completed': payload<KeyTaskPayload>(KeyTasks),
  'responsibility.key-task.cancelled': payload<KeyTaskPayload>(KeyTasks),
  'responsibility.key-task.reopened': payload<KeyTaskPayload>(KeyTasks),
});

export type ResponsibilityEvents = typeof responsibilityEvents;
