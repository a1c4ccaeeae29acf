export { reportingModule } from './reporting.module';
export { reportingRules, type ReportingRule } from './reporting.rules';
export type { ReportingPart } from './reporting.part';
export * from './tips/public';
export * from './intake/public';
export * from './clocks/public';
export * from './handling/public';
export * from './rewards/public';
export * from './open311/public';
