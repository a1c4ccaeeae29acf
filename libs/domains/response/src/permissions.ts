import { definePermissions } from '@platform/core';

/** Permissions of the response module: incidents and damage reports, relief to households and relief supplies (point 十五). The codes keep their `rescue.` prefix, so stored grants keep working. Scopes are measured from the organization a role is assigned at. */
export const ResponsePermission = {
  IncidentRead: 'rescue.incident:read',
  IncidentReport: 'rescue.incident:report',
  IncidentVerify: 'rescue.incident:verify',
  ReliefRead: 'rescue.relief:read',
  ReliefApply: 'rescue.relief:apply',
  ReliefApprove: 'rescue.relief:approve',
  ReliefPay: 'rescue.relief:pay',
  SupplyRead: 'rescue.supply:read',
  SupplyWrite: 'rescue.supply:write',
} as const;

export const responsePermissions = definePermissions([
  {
    code: ResponsePermission.IncidentRead,
    nameZh: '查看灾情',
    description: 'Read incidents and their damage reports (初报/续报/核报).',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: ResponsePermission.IncidentReport,
    nameZh: '报送灾情',
    description: 'Open an incident and send its first and continued damage reports (初报、续报).',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE' },
  },
  {
    code: ResponsePermission.IncidentVerify,
    nameZh: '核定灾情',
    description: 'Send the verified damage report (核报) and close an incident.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: ResponsePermission.ReliefRead,
    nameZh: '查看救灾救助',
    description: 'Read relief cases, their approval steps and payments (recipients\' data is personal data; reads are audited).',
    sensitive: true,
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: ResponsePermission.ReliefApply,
    nameZh: '受理救助申请',
    description: 'Register a household\'s relief application, record the village assessment and the public notice (村级评议、公示).',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: ResponsePermission.ReliefApprove,
    nameZh: '审核审批救助',
    description: 'Review relief cases for the town and decide them (乡镇审核、审批).',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: ResponsePermission.ReliefPay,
    nameZh: '发放救助资金',
    description: 'Record payments of approved relief to the payee (发放到人).',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: ResponsePermission.SupplyRead,
    nameZh: '查看救灾物资',
    description: 'Read relief supply depots, items, stock, movements, stock gaps and expiring stock.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE', 'integration-readonly': 'ALL' },
  },
  {
    code: ResponsePermission.SupplyWrite,
    nameZh: '管理救灾物资',
    description: 'Keep depots and items and record stock movements: receipts, issues, transfers, write-offs.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
] as const);
