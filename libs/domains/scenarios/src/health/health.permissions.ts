import { definePermissions } from '@platform/core';

/** Permissions of data health: gap reports and enforcement leads, read by the office, inspectors, departments and villages (their subtree). */
export const DataHealthPermission = {
  Read: 'scenarios.data-health:read',
  Review: 'scenarios.data-health:review',
} as const;

export const healthPermissions = definePermissions([
  {
    code: DataHealthPermission.Read,
    nameZh: '查看监测数据健康',
    description: 'Read datastreams\' data gaps, staleness figures and the enforcement leads of operating enterprises\' monitoring gaps and tamper signals (刑法 第一百三十四条之一).',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: DataHealthPermission.Review,
    nameZh: '核查监测执法线索',
    description: 'Record the outcome of reviewing an enforcement lead of monitoring data.',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL' },
  },
]);
