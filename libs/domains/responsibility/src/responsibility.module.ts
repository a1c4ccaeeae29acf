import type { DomainModule } from '@platform/core';
import { KeyTask, KeyTaskUpdate } from './key-tasks/key-task.entity';
import { KeyTaskResolver, KeyTaskUpdateResolver } from './key-tasks/key-task.resolver';
import { keyTaskOnTimeCompletion } from './key-tasks/key-task-indicator';
import { seedKeyTasks } from './key-tasks/key-task.seed';
import { CreateKeyTasks1764403800000 } from './migrations/1764403800000-create-key-tasks';
import { responsibilityBusinessRules } from './responsibility.business-rules';
import { responsibilityNodeEntities } from './responsibility.entities';
import { responsibilityEvents } from './responsibility.events';
import { responsibilityPermissions } from './permissions';

/**
 * 安全责任体系 (work-plan points 一–四): the annual key tasks with progress rolled up and bound to
 * indicators (more of the module follows: duty lists, supervision actions, the problem list).
 */
export const responsibilityModule: DomainModule = {
  name: 'responsibility',
  description: '安全责任体系。Safety responsibility (points 一–四): annual key tasks as a tree with owners, progress rolled up by weight, targets bound to indicators and behind-schedule flags.',
  // risk: hazards (listed supervision). Targets bound to other modules' indicators fall back to the reported progress when those are not enabled.
  dependsOn: ['directory', 'risk'],
  entities: [KeyTask, KeyTaskUpdate],
  resolvers: [KeyTaskResolver, KeyTaskUpdateResolver],
  migrations: [CreateKeyTasks1764403800000],
  permissions: responsibilityPermissions,
  scopedEntities: responsibilityNodeEntities,
  events: [responsibilityEvents],
  businessRules: responsibilityBusinessRules,
  indicators: [keyTaskOnTimeCompletion],
  seed: (ctx) => seedKeyTasks(ctx),
};
