import { registerEnumType } from 'type-graphql';

export enum CommandBodyKind {
  HEADQUARTERS = 'HEADQUARTERS',
  JOINT_COMMAND_ROOM = 'JOINT_COMMAND_ROOM',
}

export enum RescueTeamKind {
  MILITIA = 'MILITIA',
  MICRO_FIRE_STATION = 'MICRO_FIRE_STATION',
  FULL_TIME_FIRE = 'FULL_TIME_FIRE',
  ENTERPRISE = 'ENTERPRISE',
  VOLUNTEER = 'VOLUNTEER',
  SOCIAL = 'SOCIAL',
}

export enum RescueTeamReadiness {
  READY = 'READY',
  LIMITED = 'LIMITED',
  NOT_READY = 'NOT_READY',
}

export enum RescueTeamActivityKind {
  PATROL = 'PATROL',
  DRILL = 'DRILL',
}

export enum TeamMemberRole {
  LEADER = 'LEADER',
  DEPUTY_LEADER = 'DEPUTY_LEADER',
  MEMBER = 'MEMBER',
  DRIVER = 'DRIVER',
  MEDIC = 'MEDIC',
}

export enum TeamEquipmentCategory {
  FIRE_FIGHTING = 'FIRE_FIGHTING',
  RESCUE_TOOL = 'RESCUE_TOOL',
  COMMUNICATION = 'COMMUNICATION',
  PROTECTIVE = 'PROTECTIVE',
  VEHICLE = 'VEHICLE',
  MEDICAL = 'MEDICAL',
  OTHER = 'OTHER',
}

export enum TeamEquipmentCondition {
  GOOD = 'GOOD',
  NEEDS_REPAIR = 'NEEDS_REPAIR',
  UNUSABLE = 'UNUSABLE',
}

export enum StaffingRuleRequirement {
  LEADERS = 'LEADERS',
  MEMBERS = 'MEMBERS',
  ON_DUTY_PER_SHIFT = 'ON_DUTY_PER_SHIFT',
  QUALIFIED = 'QUALIFIED',
}

registerEnumType(CommandBodyKind, {
  name: 'CommandBodyKind',
  description: '指挥机构类型。What kind of command body.',
  valuesConfig: {
    HEADQUARTERS: { description: '应急指挥部。The emergency command headquarters (指挥长, 副指挥长, 办公室, 成员单位).' },
    JOINT_COMMAND_ROOM: { description: '联合指挥室。The joint command room of 一中心四板块: one centre and four sections on duty together.' },
  },
});
registerEnumType(RescueTeamKind, {
  name: 'RescueTeamKind',
  description: '救援队伍类型。What kind of rescue team.',
  valuesConfig: {
    MILITIA: { description: '民兵救援队。A village militia rescue team.' },
    MICRO_FIRE_STATION: { description: '微型消防站。A micro fire station of a community or a key fire-safety unit.' },
    FULL_TIME_FIRE: { description: '专职消防队。A full-time fire brigade of the town.' },
    ENTERPRISE: { description: '企业救援队。An enterprise\'s own emergency rescue team.' },
    VOLUNTEER: { description: '志愿者队伍。Volunteer teams organized by a village, community or the town.' },
    SOCIAL: { description: '社会应急力量。A registered social emergency rescue organization (e.g. 蓝天救援队) serving in the town.' },
  },
});
registerEnumType(RescueTeamReadiness, {
  name: 'RescueTeamReadiness',
  description: '战备状态。How ready a team is to turn out.',
  valuesConfig: {
    READY: { description: '随时可用。Ready to turn out.' },
    LIMITED: { description: '部分可用。Can turn out with limits (people or equipment missing).' },
    NOT_READY: { description: '不可用。Cannot turn out at present.' },
  },
});
registerEnumType(RescueTeamActivityKind, {
  name: 'RescueTeamActivityKind',
  description: '队伍活动类型。What a team did: a patrol or a drill.',
  valuesConfig: {
    PATROL: { description: '巡查。A patrol (巡查) of the area the team covers.' },
    DRILL: { description: '演练。A drill (演练) of the team.' },
  },
});
registerEnumType(TeamMemberRole, {
  name: 'TeamMemberRole',
  description: '队员职务。The role of a member in a rescue team.',
  valuesConfig: {
    LEADER: { description: '队长/站长。The leader of the team.' },
    DEPUTY_LEADER: { description: '副队长。A deputy leader.' },
    MEMBER: { description: '队员。A member.' },
    DRIVER: { description: '驾驶员。A driver.' },
    MEDIC: { description: '卫生员。A medic.' },
  },
});
registerEnumType(TeamEquipmentCategory, {
  name: 'TeamEquipmentCategory',
  description: '装备类别。What kind of equipment.',
  valuesConfig: {
    FIRE_FIGHTING: { description: '灭火器材。Fire-fighting equipment: extinguishers, hoses, pumps.' },
    RESCUE_TOOL: { description: '破拆救援工具。Rescue tools: cutters, ropes, ladders.' },
    COMMUNICATION: { description: '通讯设备。Radios, loudhailers, satellite phones.' },
    PROTECTIVE: { description: '个人防护装备。Personal protective equipment.' },
    VEHICLE: { description: '车辆。Vehicles and boats.' },
    MEDICAL: { description: '医疗急救。First-aid and medical supplies.' },
    OTHER: { description: '其他。Other equipment.' },
  },
});
registerEnumType(TeamEquipmentCondition, {
  name: 'TeamEquipmentCondition',
  description: '装备状况。Condition of equipment as last checked.',
  valuesConfig: {
    GOOD: { description: '完好。In working order.' },
    NEEDS_REPAIR: { description: '待维修。Usable only after repair.' },
    UNUSABLE: { description: '不可用。Broken beyond use or lost.' },
  },
});
registerEnumType(StaffingRuleRequirement, {
  name: 'StaffingRuleRequirement',
  description: '配备要求。Which requirement of a staffing rule a team falls short of.',
  valuesConfig: {
    LEADERS: { description: '队长人数。Serving leaders (LEADER).' },
    MEMBERS: { description: '队员人数。Serving members other than leaders.' },
    ON_DUTY_PER_SHIFT: { description: '每班执勤人数。Serving members on the rota of one shift.' },
    QUALIFIED: { description: '持证人数。Serving members holding the required qualification.' },
  },
});
