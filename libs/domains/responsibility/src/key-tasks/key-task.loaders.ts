import { defineChildPages, defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { KeyTask } from './key-task.entity';
import { KeyTaskOrder, KeyTaskUpdateOrder } from './key-task.orders';
import { KeyTasks, KeyTaskUpdates } from '../responsibility.entities';

/** Key tasks by id, within the caller's read scope (others load as null): one statement per request level. */
export const KeyTaskReference = defineReference(KeyTasks, 'responsibility.keyTask.byId');
export const keyTaskById = (ctx: RequestContext): DataLoader<string, KeyTask | null> => KeyTaskReference.byId(ctx);

/** A task's subtasks the caller may read, by plan number. */
export const KeyTaskChildPages = defineChildPages(KeyTasks, { name: 'responsibility.keyTask.children', parentColumn: 'parent_id', keys: KeyTaskOrder.keys(null) });

/** A task's timeline, in the order written. */
export const KeyTaskUpdatePages = defineChildPages(KeyTaskUpdates, { name: 'responsibility.keyTask.updates', parentColumn: 'task_id', keys: KeyTaskUpdateOrder.keys(null) });
