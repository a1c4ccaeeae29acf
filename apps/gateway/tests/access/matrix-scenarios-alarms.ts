import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.alarm:read: as scenarios.sensor:read (the office, departments, villages and enterprises in their subtree, inspectors, read-only integrations). */
const ALARM_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** scenarios.alarm:handle: the office, departments, villages and enterprises (their subtree). */
const ALARM_HANDLERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping'];
/** scenarios.alarm-rule:manage: the office. */
const RULE_MANAGERS: Who[] = ['admin', 'anban'];
/** scenarios.data-health:read: the office, inspectors, departments and villages (their subtree). */
const HEALTH_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa'];
/** scenarios.data-health:review: the office and inspectors. */
const LEAD_REVIEWERS: Who[] = ['admin', 'anban', 'zhifa'];

/** Scenarios module, alarms and data-health parts (监测报警, 数据健康): every operation with who may call it (the writes name a missing record or refuse their input, so an allowed caller writes nothing). */
export const SCENARIOS_ALARMS_ROWS: MatrixRows = {
  'Query.alarmRule': { op: `{ alarmRule(id: "${NIL}") { id } }`, allowed: ALARM_READERS },
  'Query.alarmRules': { op: `{ alarmRules(first: 1) { totalCount } }`, allowed: ALARM_READERS },
  'Query.alarm': { op: `{ alarm(id: "${NIL}") { id } }`, allowed: ALARM_READERS },
  'Query.alarms': { op: `{ alarms(first: 1) { totalCount } }`, allowed: ALARM_READERS },
  'Query.sensorMaintenanceWindows': { op: `{ sensorMaintenanceWindows(first: 1) { totalCount } }`, allowed: ALARM_READERS },
  'Query.sensorDataGaps': { op: `{ sensorDataGaps(first: 1) { totalCount } }`, allowed: HEALTH_READERS },
  'Query.monitoringEnforcementLeads': { op: `{ monitoringEnforcementLeads(first: 1) { totalCount } }`, allowed: HEALTH_READERS },
  'Mutation.createAlarmRule': {
    op: `mutation { createAlarmRule(input: { organizationId: "${NIL}", code: "matrix.test", name: "矩阵测试", observedProperty: "precipitation", kind: THRESHOLD, triggerValue: 1, level: BLUE, conversionTarget: HAZARD, hazardCategory: FLOOD }) { id } }`,
    allowed: RULE_MANAGERS,
  },
  'Mutation.updateAlarmRule': { op: `mutation { updateAlarmRule(input: { id: "${NIL}", version: 1, name: "矩阵测试" }) { id } }`, allowed: RULE_MANAGERS },
  'Mutation.evaluateAlarmRules': { op: `mutation { evaluateAlarmRules(input: { from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { triggered } }`, allowed: RULE_MANAGERS },
  'Mutation.acknowledgeAlarm': { op: `mutation { acknowledgeAlarm(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ALARM_HANDLERS },
  'Mutation.convertAlarm': { op: `mutation { convertAlarm(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ALARM_HANDLERS },
  'Mutation.clearAlarm': { op: `mutation { clearAlarm(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: ALARM_HANDLERS },
  'Mutation.recordSensorMaintenanceWindow': {
    op: `mutation { recordSensorMaintenanceWindow(input: { thingId: "${NIL}", startsAt: "2026-01-01T00:00:00Z", endsAt: "2026-01-01T01:00:00Z", reason: "矩阵测试" }) { id } }`,
    allowed: ALARM_HANDLERS,
  },
  'Mutation.evaluateDataHealth': { op: `mutation { evaluateDataHealth(input: { at: "2099-01-01T00:00:00Z" }) { gapsFound } }`, allowed: RULE_MANAGERS },
  'Mutation.reviewMonitoringLead': { op: `mutation { reviewMonitoringLead(input: { id: "${NIL}", version: 1, note: "矩阵测试" }) { id } }`, allowed: LEAD_REVIEWERS },
};
