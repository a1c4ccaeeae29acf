/*
 * The responsibility module's entities with their row scope and permissions, declared once: every read
 * and write of the module goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { KeyTask, KeyTaskUpdate } from './key-tasks/key-task.entity';
import { ResponsibilityPermission } from './permissions';

/** Key tasks belong to the organization that owns them. */
export const KeyTasks = defineScopedEntity(KeyTask, {
  table: 'key_task',
  scope: { organizationColumn: 'owner_organization_id' },
  read: ResponsibilityPermission.TaskRead,
  write: ResponsibilityPermission.TaskManage,
});

/** A timeline entry is in scope when its task is. */
export const KeyTaskUpdates = defineScopedEntity(KeyTaskUpdate, {
  table: 'key_task_update',
  scope: { through: { entity: KeyTasks, column: 'task_id' } },
  read: ResponsibilityPermission.TaskRead,
  write: ResponsibilityPermission.TaskReport,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const responsibilityNodeEntities = [KeyTasks, KeyTaskUpdates];
