import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { Alarm } from './alarm.entity';
import { AlarmStatus } from './alarms.enums';
import { AlarmPermission } from './alarms.permissions';
import { alarmEvents, type AlarmPayload } from './alarms.events';

const S = AlarmStatus;
const E = alarmEvents;

/** An alarm's life: TRIGGERED → ACKNOWLEDGED → CONVERTED → CLEARED, CLEARED reachable from each open state. Each step's mutation takes its permission, state check, audit action and event from here. */
export const ALARM_STEPS = {
  acknowledge: { from: [S.TRIGGERED], to: S.ACKNOWLEDGED, permission: AlarmPermission.Handle, event: E['scenarios.alarm.acknowledged'], description: '确认。Someone took the alarm in hand; escalation stops (acknowledgeAlarm).' },
  convert: { from: [S.TRIGGERED, S.ACKNOWLEDGED], to: S.CONVERTED, permission: AlarmPermission.Handle, event: E['scenarios.alarm.converted'], description: '转处置。Turned into a hazard (risk, source SENSOR) or a warning draft (convertAlarm).' },
  clear: { from: [S.TRIGGERED, S.ACKNOWLEDGED, S.CONVERTED], to: S.CLEARED, permission: AlarmPermission.Handle, event: E['scenarios.alarm.cleared'], description: '解除。Cleared by hand with a reason (clearAlarm); the evaluation clears when the condition ends.' },
} as const satisfies Record<string, StepDeclaration<AlarmStatus>>;

/** The payload of every event of an alarm. */
export const alarmPayload = (a: Alarm): AlarmPayload => ({ id: a.id, ruleId: a.ruleId, kind: a.kind, datastreamId: a.datastreamId, organizationId: a.organizationId, level: a.level, status: a.status });

export const ALARM_WORKFLOW = defineWorkflow({
  name: 'scenarios.alarm',
  entity: Alarm,
  entityName: 'Alarm',
  state: 'status',
  steps: ALARM_STEPS,
  payload: alarmPayload,
});
