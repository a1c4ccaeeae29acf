import { SortDirection, defineOrder, rankOf } from '@platform/core';

/*
 * The orders of the command bodies', rescue teams' and staffing lists (`orderBy`), each a
 * `defineOrder` over the records' alias `t`; the default keys are each list's order without `orderBy`.
 */

/** `commandBodies(orderBy:)`: by name by default; the id makes the order total. */
export const CommandBodyOrder = defineOrder(
  'CommandBody',
  '指挥机构',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    KIND: { column: 't.kind', description: '类型。By kind (headquarters, joint command room).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the body was set up.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the body last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `rescueTeams(orderBy:)`: by name by default; the id makes the order total. */
export const RescueTeamOrder = defineOrder(
  'RescueTeam',
  '救援队伍',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    KIND: { column: 't.kind', description: '类型。By kind of team.' },
    READINESS: { column: rankOf('t.readiness', ['READY', 'LIMITED', 'NOT_READY']), description: '战备状态。By readiness: READY, LIMITED, NOT_READY ascending.' },
    LAST_PATROL_ON: { column: 't.last_patrol_on', description: '最近巡查日期。By the day of the last patrol recorded on the team (never patrolled: last ascending).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the team was set up.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the team last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `staffingRules(orderBy:)`: by team kind, highest priority first by default; the id makes the order total. */
export const StaffingRuleOrder = defineOrder(
  'StaffingRule',
  '人员配备标准',
  {
    TEAM_KIND: { column: 't.team_kind', description: '队伍类型。By the kind of team the rule is for.' },
    PRIORITY: { column: 't.priority', description: '优先级。By priority.' },
    CODE: { column: 't.code', description: '代码。By code (unique).', unique: true },
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the rule was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the rule last changed (for syncing).' },
  },
  [
    { column: 't.team_kind', direction: SortDirection.ASC },
    { column: 't.priority', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `teamStaffingShortfalls(orderBy:)`, over the measured teams (`t`) and their shortfalls (`s.items`): by team name by default. */
export const StaffingShortfallOrder = defineOrder(
  'StaffingShortfall',
  '人员配备不足的队伍',
  {
    TEAM_NAME: { column: 't.name', description: '队伍名称。By the team\'s name.' },
    TEAM_KIND: { column: 't.kind', description: '队伍类型。By the team\'s kind.' },
    SHORTFALLS: { column: 'json_array_length(s.items)', description: '缺口数。By how many requirements the team falls short of.' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
