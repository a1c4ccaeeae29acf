import { registerEnumType } from 'type-graphql';

export enum HazardStatus {
  REPORTED = 'REPORTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  PLANNED = 'PLANNED',
  RECTIFYING = 'RECTIFYING',
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
}

export enum HazardGrade {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

export enum HazardSource {
  SELF_CHECK = 'SELF_CHECK',
  INSPECTION = 'INSPECTION',
  EXPERT_VISIT = 'EXPERT_VISIT',
  PUBLIC_REPORT = 'PUBLIC_REPORT',
  GRID_PATROL = 'GRID_PATROL',
  SENSOR = 'SENSOR',
  DRILL = 'DRILL',
}

export enum HazardCategory {
  WORK_SAFETY = 'WORK_SAFETY',
  FIRE = 'FIRE',
  GEOLOGICAL = 'GEOLOGICAL',
  FLOOD = 'FLOOD',
  FOREST_FIRE = 'FOREST_FIRE',
  ROAD_TRAFFIC = 'ROAD_TRAFFIC',
  OTHER = 'OTHER',
}

export enum RejectionReason {
  NOT_A_HAZARD = 'NOT_A_HAZARD',
  DUPLICATE = 'DUPLICATE',
}

registerEnumType(HazardStatus, {
  name: 'HazardStatus',
  description: '隐患状态。Where a hazard is in its life cycle.',
  valuesConfig: {
    REPORTED: { description: '已上报。Reported, waiting to be confirmed and graded.' },
    CONFIRMED: { description: '已确认。Confirmed and graded; a rectification plan is due.' },
    REJECTED: { description: '已驳回。Not a hazard, or a duplicate; final.' },
    PLANNED: { description: '已制定方案。Rectification plan with measures, owner and deadline.' },
    RECTIFYING: { description: '整改中。Being rectified.' },
    SUBMITTED: { description: '已提交验收。Rectification submitted with evidence, waiting for verification.' },
    VERIFIED: { description: '已验收。Rectification verified.' },
    CLOSED: { description: '已销号。Closed; final.' },
  },
});
registerEnumType(HazardGrade, {
  name: 'HazardGrade',
  description: '隐患等级。General or major (重大事故隐患, judged by the sector criteria).',
  valuesConfig: { GENERAL: { description: '一般隐患。General hazard.' }, MAJOR: { description: '重大隐患。Major hazard: full plan and possibly listed supervision.' } },
});
registerEnumType(HazardSource, {
  name: 'HazardSource',
  description: '隐患来源。How the hazard was found.',
  valuesConfig: {
    SELF_CHECK: { description: '企业自查。The enterprise\'s own check (自查自报).' },
    INSPECTION: { description: '执法检查。An inspection.' },
    EXPERT_VISIT: { description: '专家指导。An expert guidance visit (专家进企业).' },
    PUBLIC_REPORT: { description: '群众举报。A public tip.' },
    GRID_PATROL: { description: '网格巡查。A grid worker\'s patrol.' },
    SENSOR: { description: '监测预警。A sensor alert.' },
    DRILL: { description: '应急演练。A problem found in an emergency drill (演练发现问题).' },
  },
});
registerEnumType(HazardCategory, {
  name: 'HazardCategory',
  description: '隐患类别。What kind of danger.',
  valuesConfig: {
    WORK_SAFETY: { description: '安全生产。Work safety.' },
    FIRE: { description: '消防。Fire safety.' },
    GEOLOGICAL: { description: '地质灾害。Geological disaster.' },
    FLOOD: { description: '防汛。Flood.' },
    FOREST_FIRE: { description: '森林防火。Forest fire.' },
    ROAD_TRAFFIC: { description: '道路交通。Road traffic.' },
    OTHER: { description: '其他。Other.' },
  },
});
registerEnumType(RejectionReason, {
  name: 'RejectionReason',
  description: '驳回原因。Why a report is not taken up as a hazard.',
  valuesConfig: { NOT_A_HAZARD: { description: '不构成隐患。Not a hazard.' }, DUPLICATE: { description: '重复上报。Already reported.' } },
});
