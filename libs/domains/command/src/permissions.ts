import { definePermissions } from '@platform/core';

/** Permissions of the command module: command headquarters, rescue teams and duty rosters (points 十二, 十三). The codes keep their `rescue.` prefix, so stored grants keep working. Scopes are measured from the organization a role is assigned at. */
export const CommandPermission = {
  CommandRead: 'rescue.command:read',
  CommandWrite: 'rescue.command:write',
  TeamWrite: 'rescue.team:write',
  DutyRead: 'rescue.duty:read',
  DutyWrite: 'rescue.duty:write',
  DutyCheckIn: 'rescue.duty:check-in',
} as const;

export const commandPermissions = definePermissions([
  {
    code: CommandPermission.CommandRead,
    nameZh: '查看指挥体系与救援队伍',
    description: 'Read the command headquarters, the joint command room, rescue teams, their members, equipment and staffing shortfalls.',
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
    code: CommandPermission.CommandWrite,
    nameZh: '维护应急指挥部',
    description: 'Set up the command headquarters and the joint command room (一中心四板块): positions, who holds them, deputies.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: CommandPermission.TeamWrite,
    nameZh: '维护救援队伍',
    description: 'Keep rescue teams: members, qualifications, equipment, readiness, patrols and drills.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG' },
  },
  {
    code: CommandPermission.DutyRead,
    nameZh: '查看值班值守',
    description: 'Read duty shifts, assignments, check-ins and hand-over notes, and roster coverage.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      inspector: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: CommandPermission.DutyWrite,
    nameZh: '安排值班',
    description: 'Keep shift templates and assign leaders and staff on duty.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: CommandPermission.DutyCheckIn,
    nameZh: '值班签到交班',
    description: 'Confirm, check in to and hand over one\'s own duty shift (or, with rescue.duty:write, anyone\'s in scope).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE' },
  },
] as const);
