import { EVERY_STAFF_ROLE, definePermissions } from '../access/permission';

/** Permissions of the indicator registry. */
export const IndicatorPermission = {
  Read: 'kernel.indicator:read',
} as const;

export const indicatorPermissions = definePermissions([
  {
    code: IndicatorPermission.Read,
    nameZh: '查看指标',
    description: 'List the registered indicators and evaluate them for an organization and a period; each figure also needs the permission of the records it counts, within whose scope it is computed.',
    grantedTo: { ...EVERY_STAFF_ROLE, 'integration-readonly': 'ALL' },
  },
]);
