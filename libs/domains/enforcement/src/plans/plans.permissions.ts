import { definePermissions } from '@platform/core';

/**
 * Permissions of the annual inspection plan (年度监督检查计划, work-plan point 十八). A plan belongs to
 * its legal subject (the town government); its entries are in scope with it. Villages, grids and
 * enterprises are not given it: the plan says which enterprise is inspected in which month, which
 * unannounced inspections (四不两直) must not be told in advance.
 */
export const PlanPermission = {
  Read: 'enforcement.plan:read',
  Manage: 'enforcement.plan:manage',
} as const;

export const planPermissions = definePermissions([
  {
    code: PlanPermission.Read,
    nameZh: '查看年度监督检查计划',
    description: 'Read the annual inspection plans: their calculator (legal working days, inspectors, inspection working days, key and ordinary enterprises coverable), rule versions, status, and the key and ordinary enterprise lists with planned inspections and months.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: PlanPermission.Manage,
    nameZh: '编制年度监督检查计划',
    description: 'Draw up, change, approve and revise the annual inspection plans of the legal subjects, derive their enterprise lists, move an enterprise between key and ordinary with a reason, and set planned inspections and months.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
