/*
 * The alarms part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, defineScopedEntity } from '@platform/core';
import { AlarmRule } from './alarm-rule.entity';
import { Alarm } from './alarm.entity';
import { SensorMaintenanceWindow } from './maintenance-window.entity';
import { AlarmPermission } from './alarms.permissions';

/** Rules are the town's: every alarm reader sees them all (a rule says nothing about anyone's data). */
export const AlarmRules = defineScopedEntity(AlarmRule, {
  table: 'alarm_rule',
  scope: { custom: () => ALL_ROWS },
  read: AlarmPermission.Read,
  write: AlarmPermission.RuleManage,
});

/** An alarm belongs to its datastream's organization (the enterprise monitored, else the village). */
export const Alarms = defineScopedEntity(Alarm, {
  table: 'alarm',
  scope: { organizationColumn: 'organization_id' },
  read: AlarmPermission.Read,
  write: AlarmPermission.Handle,
});

/** A maintenance window belongs to its thing's organization. */
export const SensorMaintenanceWindows = defineScopedEntity(SensorMaintenanceWindow, {
  table: 'sensor_maintenance_window',
  scope: { organizationColumn: 'organization_id' },
  read: AlarmPermission.Read,
  write: AlarmPermission.Handle,
});

/** The declarations reachable by `node(nodeId:)`. */
export const alarmsNodeEntities = [AlarmRules, Alarms, SensorMaintenanceWindows];
