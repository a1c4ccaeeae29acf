import type { ScenariosPart } from '../scenarios.part';
import { CreateAlarms1764404210000 } from '../migrations/1764404210000-create-alarms';
import { AlarmRule } from './alarm-rule.entity';
import { Alarm } from './alarm.entity';
import { SensorMaintenanceWindow } from './maintenance-window.entity';
import { AlarmResolver, AlarmRuleResolver, AlarmWarningDraftResolver, MaintenanceWindowResolver } from './alarm.resolver';
import { AlarmSubscriptionResolver } from './alarm-subscription.resolver';
import { alarmsNodeEntities } from './alarms.entities';
import { alarmEvents } from './alarms.events';
import { alarmPermissions } from './alarms.permissions';
import { alarmBusinessRules } from '../business-rules/alarms';
import { alarmIndicators } from './alarm-indicators';
import { startAlarmJobs } from './alarms.jobs';
import { seedAlarms } from './alarms.seed';

/** 监测报警 (point 二十三): alarm rules over datastreams (the 暴雨 signal windows, water level, GNSS displacement, gas, smoke), their evaluation in SQL on ingestion and by a catch-up job, alarms with acknowledgement, conversion into a hazard or a warning draft, clearance and escalation; maintenance windows. */
export const alarmsPart: ScenariosPart = {
  entities: [AlarmRule, Alarm, SensorMaintenanceWindow],
  resolvers: [AlarmRuleResolver, AlarmResolver, MaintenanceWindowResolver, AlarmWarningDraftResolver, AlarmSubscriptionResolver],
  migrations: [CreateAlarms1764404210000],
  permissions: alarmPermissions,
  scopedEntities: alarmsNodeEntities,
  events: [alarmEvents],
  businessRules: alarmBusinessRules,
  indicators: alarmIndicators,
  seed: seedAlarms,
  startPart: async (runtime) => startAlarmJobs(runtime),
};
