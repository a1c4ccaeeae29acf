import { definePermissions } from '@platform/core';

/**
 * Permissions of the registries part (point 二): the 三管三必须 supervision map and its gaps, key
 * construction projects with their 三同时 record, responsibility along linear features, and the
 * industry departments' fire-safety "四个一". Scopes are measured from the organization a role is
 * assigned at (a village officer's ORG_SUBTREE is the village and what lies in it).
 */
export const RegistriesPermission = {
  Read: 'responsibility.registry:read',
  MapManage: 'responsibility.supervision-map:manage',
  ProjectManage: 'responsibility.key-project:manage',
  SectionManage: 'responsibility.linear-section:manage',
  FourOnesRecord: 'responsibility.fire-four-ones:record',
} as const;

export const registriesPermissions = definePermissions([
  {
    code: RegistriesPermission.Read,
    nameZh: '查看监管责任台账',
    description: 'Read the 三管三必须 supervision map and its gaps (enterprises no department supervises, new business formats pending), key construction projects with their 三同时 record, responsibility along roads, railways and reservoir banks, and the departments\' fire-safety "四个一".',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: RegistriesPermission.MapManage,
    nameZh: '管理三管三必须监管职责',
    description: 'Assign departments to industry sectors in organization subtrees, end assignments, register new business formats and record the county\'s decision on who supervises them.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: RegistriesPermission.ProjectManage,
    nameZh: '管理重点建设项目',
    description: 'Register key construction projects, change their stage and supervising department, and record their 三同时 stages with evidence (a village for the projects in it).',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: RegistriesPermission.SectionManage,
    nameZh: '管理沿线灾害防治责任',
    description: 'Register road, railway and reservoir-bank sections and name the organization and department responsible along them.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: RegistriesPermission.FourOnesRecord,
    nameZh: '填报行业消防安全“四个一”',
    description: 'Record the items of a department\'s fire-safety "四个一" for a year with evidence (a department its own).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'OWN_ORG' },
  },
]);
