// The alarms part's public face (re-exported by the module's index.ts). Other parts and modules read
// rules and alarms through these declarations and readers, never by SQL on the part's tables.
export { AlarmRule } from './alarm-rule.entity';
export { Alarm } from './alarm.entity';
export { SensorMaintenanceWindow } from './maintenance-window.entity';
export { AlarmClearance, AlarmComparison, AlarmConversionTarget, AlarmKind, AlarmRuleKind, AlarmStatus, OPEN_ALARM_STATUSES } from './alarms.enums';
export { AlarmRules, Alarms, SensorMaintenanceWindows } from './alarms.entities';
export { AlarmPermission } from './alarms.permissions';
export { alarmEvents, type AlarmEvents, type AlarmPayload } from './alarms.events';
export { alarmsRules, type AlarmsRule } from './alarms.rules';
export { ALARM_HANDLING_RULE, type AlarmHandling } from '../business-rules/alarms';
export { ALARM_WORKFLOW } from './alarm-workflow';
export { AlarmConnection } from './alarm.resolver';
export { AlarmReference, AlarmRuleReference, OrganizationAlarmPages, RuleAlarmPages, alarmById, alarmRuleById, openAlarmSql, openAlarmsOfOrganizations } from './alarms.loaders';
export { evaluateAlarms, type AlarmEvaluation, type AlarmEvaluationOutcome } from './alarm-evaluation';
export { escalateAlarms } from './alarm-escalation';
export { ALARM_ESCALATION_JOB, ALARM_EVALUATION_JOB } from './alarms.jobs';
export { alarmRuleSeedId } from './alarms.seed';
