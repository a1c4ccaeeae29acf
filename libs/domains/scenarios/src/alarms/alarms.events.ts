import { defineEvents, payload } from '@platform/core';
import { AlarmRules, Alarms, SensorMaintenanceWindows } from './alarms.entities';

/** What an alarm's events carry (the subscription filters by the organization). */
export type AlarmPayload = { id: string; ruleId: string | null; kind: string; datastreamId: string; organizationId: string; level: string; status: string };

/** Every event of the alarms part. */
export const alarmEvents = defineEvents({
  'scenarios.alarm.triggered': payload<AlarmPayload>(Alarms),
  'scenarios.alarm.acknowledged': payload<AlarmPayload>(Alarms),
  'scenarios.alarm.converted': payload<AlarmPayload>(Alarms),
  'scenarios.alarm.cleared': payload<AlarmPayload>(Alarms),
  'scenarios.alarm.escalated': payload<AlarmPayload & { step: number; personId: string | null }>(Alarms),
  'scenarios.alarm-rule.created': payload<{ id: string; code: string }>(AlarmRules),
  'scenarios.alarm-rule.updated': payload<{ id: string; code: string }>(AlarmRules),
  'scenarios.maintenance-window.recorded': payload<{ id: string; thingId: string; organizationId: string }>(SensorMaintenanceWindows),
});

export type AlarmEvents = typeof alarmEvents;
