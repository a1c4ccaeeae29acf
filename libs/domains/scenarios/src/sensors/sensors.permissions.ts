import { definePermissions } from '@platform/core';

/**
 * Permissions of the sensors part. Things and datastreams are scoped by their organization (the
 * enterprise monitored, else the village); observations through their datastream. A machine client
 * holding `scenarios.observation:ingest` may ingest only the datastreams it owns (`owner_client_id`).
 */
export const SensorPermission = {
  Read: 'scenarios.sensor:read',
  Manage: 'scenarios.sensor:manage',
  Ingest: 'scenarios.observation:ingest',
} as const;

export const sensorPermissions = definePermissions([
  {
    code: SensorPermission.Read,
    nameZh: '查看监测设备',
    description: 'Read monitoring devices (things), their datastreams and observations in your scope, in GraphQL and in the read-only SensorThings view (/sta/v1.1).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: SensorPermission.Manage,
    nameZh: '管理监测设备',
    description: 'Register, update and retire monitoring devices and their datastreams in your scope, and bind them to the API client that feeds them.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'ORG_SUBTREE' },
  },
  {
    code: SensorPermission.Ingest,
    nameZh: '接入监测数据',
    description: 'Ingest batches of observations (STA dataArray form); a machine client only into the datastreams it owns.',
    grantedTo: { 'town-safety-office': 'ALL', 'sensor-feed': 'ALL' },
  },
]);
