import { definePermissions } from '@platform/core';

/** Permissions of the risk module. Scopes are measured from the organization a role is assigned at. */
export const RiskPermission = {
  HazardRead: 'risk.hazard:read',
  HazardReport: 'risk.hazard:report',
  HazardRectify: 'risk.hazard:rectify',
  HazardManage: 'risk.hazard:manage',
  RiskPointRead: 'risk.risk-point:read',
  RiskPointWrite: 'risk.risk-point:write',
  RegisterRead: 'risk.register:read',
  RegisterWrite: 'risk.register:write',
  ExpertVisitWrite: 'risk.expert-visit:write',
  CampaignWrite: 'risk.campaign:write',
} as const;

export const riskPermissions = definePermissions([
  {
    code: RiskPermission.HazardRead,
    nameZh: '查看隐患',
    description: 'Read hazards, their history and evidence.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: RiskPermission.HazardReport,
    nameZh: '报告隐患',
    description: 'Report a hazard found by self-check (自查自报), patrol, inspection or expert visit.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      expert: 'ALL',
    },
  },
  {
    code: RiskPermission.HazardRectify,
    nameZh: '整改隐患',
    description: 'Plan a rectification, carry it out and submit it with evidence (自改).',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG' },
  },
  {
    code: RiskPermission.HazardManage,
    nameZh: '核定隐患',
    description: 'Confirm and grade a hazard or reject it, verify or send back a rectification, and close it.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL' },
  },
  {
    code: RiskPermission.RiskPointRead,
    nameZh: '查看风险点',
    description: 'Read risk points (双重预防), their four-colour level, control measures and threatened households.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: RiskPermission.RiskPointWrite,
    nameZh: '维护风险点',
    description: 'Register, re-grade and archive risk points and their control measures.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG' },
  },
  {
    code: RiskPermission.RegisterRead,
    nameZh: '查看防灾台账',
    description: 'Read the disaster-prevention registers: emergency shelters, community fire facilities, disaster information officers.',
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
    code: RiskPermission.RegisterWrite,
    nameZh: '维护防灾台账',
    description: 'Keep the disaster-prevention registers: shelters and their inspections, fire facilities, information officers and training.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: RiskPermission.ExpertVisitWrite,
    nameZh: '记录专家指导',
    description: 'Record expert guidance visits to enterprises (专家进企业) and the hazards they raise.',
    grantedTo: { 'town-safety-office': 'ALL', expert: 'ALL', inspector: 'ALL' },
  },
  {
    code: RiskPermission.CampaignWrite,
    nameZh: '管理专项整治',
    description: 'Run special rectification campaigns (专项整治): sector, period, target organizations and linked hazards.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL' },
  },
] as const);
