export { responsibilityModule } from './responsibility.module';
export { ResponsibilityPermission } from './permissions';
// Declared entities: other modules read the responsibility module's records through these, never by SQL on its tables.
export { KeyTasks, KeyTaskUpdates } from './responsibility.entities';
export { responsibilityEvents, type ResponsibilityEvents } from './responsibility.events';
export { responsibilityRules, type ResponsibilityRule } from './responsibility.rules';
export { KeyTask, KeyTaskUpdate } from './key-tasks/key-task.entity';
export { KeyTaskStatus } from './key-tasks/key-task.enums';
export { KeyTaskReference } from './key-tasks/key-task.loaders';
export type { ResponsibilityPart } from './responsibility.part';
export * from './supervision/public';
export * from './problems/public';
export * from './duties/public';
export * from './registries/public';
export * from './capacity/public';
