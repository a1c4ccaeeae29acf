import type { ResponsibilityPart } from '../responsibility.part';
import { KeyTask, KeyTaskUpdate } from './key-task.entity';
import { KeyTaskResolver, KeyTaskUpdateResolver } from './key-task.resolver';
import { keyTaskOnTimeCompletion } from './key-task-indicator';
import { seedKeyTasks } from './key-task.seed';
import { CreateKeyTasks1764403800000 } from '../migrations/1764403800000-create-key-tasks';
import { responsibilityBusinessRules } from '../business-rules/key-tasks';
import { responsibilityNodeEntities } from '../responsibility.entities';
import { responsibilityEvents } from '../responsibility.events';
import { responsibilityPermissions } from '../permissions';

/** 年度重点任务清单 (point 一): the year's key tasks, their timeline, progress and indicator. */
export const keyTasksPart: ResponsibilityPart = {
  entities: [KeyTask, KeyTaskUpdate],
  resolvers: [KeyTaskResolver, KeyTaskUpdateResolver],
  migrations: [CreateKeyTasks1764403800000],
  permissions: responsibilityPermissions,
  scopedEntities: responsibilityNodeEntities,
  events: [responsibilityEvents],
  businessRules: responsibilityBusinessRules,
  indicators: [keyTaskOnTimeCompletion],
  seed: seedKeyTasks,
};
