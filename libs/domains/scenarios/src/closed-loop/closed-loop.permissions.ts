import { definePermissions } from '@platform/core';

/** Permission of the closed loop (一体化闭环): the hazard figures are counted within the caller's scope for it. */
export const ClosedLoopPermission = {
  Read: 'scenarios.closed-loop:read',
} as const;

export const closedLoopPermissions = definePermissions([
  {
    code: ClosedLoopPermission.Read,
    nameZh: '查看隐患闭环',
    description: 'Read the closed loop from risk points to verified hazards (一体化闭环): stage counts, days between stages (median and 90th percentile) per village, per sector and for the town, tips and alarms turned into hazards, and the share verified on time, counted within your scope.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
]);
