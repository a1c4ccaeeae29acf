import { definePermissions } from '@platform/core';

/**
 * Permissions of alarms: rules (the office), alarms read like sensors (scoped by the datastream's
 * organization: an enterprise its own monitoring, a village its subtree), handled (acknowledge,
 * convert, clear, maintenance windows) by the office, departments, villages and enterprises.
 */
export const AlarmPermission = {
  RuleManage: 'scenarios.alarm-rule:manage',
  Read: 'scenarios.alarm:read',
  Handle: 'scenarios.alarm:handle',
} as const;

export const alarmPermissions = definePermissions([
  {
    code: AlarmPermission.RuleManage,
    nameZh: '管理报警规则',
    description: 'Create and change alarm rules (thresholds, rolling-window sums such as the 暴雨 signal windows, rates of change, several sensors together) and run their evaluation.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: AlarmPermission.Read,
    nameZh: '查看监测报警',
    description: 'Read alarm rules, alarms raised on monitoring datastreams in your scope (an enterprise its own, a village its subtree) and maintenance windows; subscribe to new alarms.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: AlarmPermission.Handle,
    nameZh: '处置监测报警',
    description: 'Acknowledge alarms in your scope, convert them into a hazard or a warning draft, clear them, and record maintenance windows of things.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'ORG_SUBTREE' },
  },
]);
