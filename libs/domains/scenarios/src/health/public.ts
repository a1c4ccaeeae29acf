// The data-health part's public face (re-exported by the module's index.ts). Other parts read gaps
// and leads through these declarations, never by SQL on the part's tables.
export { SensorDataGap } from './data-gap.entity';
export { MonitoringEnforcementLead } from './monitoring-lead.entity';
export { MonitoringLeadKind, MonitoringLeadStatus } from './health.enums';
export { MonitoringEnforcementLeads, SensorDataGaps } from './health.entities';
export { DataHealthPermission } from './health.permissions';
export { DATA_HEALTH_RULE, type DataHealthRule } from '../business-rules/health';
export { evaluateDataHealth, type DataHealthOutcome } from './data-health';
export { DATA_HEALTH_JOB } from './health.jobs';
export { LEAD_BASIS } from './data-health.sql';
