export { enforcementModule } from './enforcement.module';
export { enforcementRules, type EnforcementRule } from './enforcement.rules';
export type { EnforcementPart } from './enforcement.part';
export * from './laws/public';
export * from './items/public';
export * from './certificates/public';
export * from './plans/public';
export * from './documents/public';
export * from './inspections/public';
