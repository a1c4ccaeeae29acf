import { registerEnumType } from 'type-graphql';

export enum ShelterType {
  INDOOR = 'INDOOR',
  OUTDOOR = 'OUTDOOR',
  SCHOOL = 'SCHOOL',
  SPORTS_VENUE = 'SPORTS_VENUE',
  CIVIL_AIR_DEFENCE = 'CIVIL_AIR_DEFENCE',
  OTHER = 'OTHER',
}

export enum ShelterStatus {
  AVAILABLE = 'AVAILABLE',
  UNDER_REPAIR = 'UNDER_REPAIR',
  CLOSED = 'CLOSED',
}

export enum ShelterInspectionResult {
  PASSED = 'PASSED',
  ISSUES_FOUND = 'ISSUES_FOUND',
}

registerEnumType(ShelterType, {
  name: 'ShelterType',
  description: '避难场所类型。What kind of place the shelter is.',
  valuesConfig: {
    INDOOR: { description: '室内。An indoor shelter (hall, village office building).' },
    OUTDOOR: { description: '室外。An open-air shelter (square, threshing ground, park).' },
    SCHOOL: { description: '学校。A school building or playground.' },
    SPORTS_VENUE: { description: '文体场馆。A sports or cultural venue.' },
    CIVIL_AIR_DEFENCE: { description: '人防工程。A civil air defence work.' },
    OTHER: { description: '其他。Another kind of place.' },
  },
});
registerEnumType(ShelterStatus, {
  name: 'ShelterStatus',
  description: '避难场所状态。Whether the shelter can take people in now.',
  valuesConfig: {
    AVAILABLE: { description: '可用。Ready to take people in.' },
    UNDER_REPAIR: { description: '维修中。Being repaired; not usable for now.' },
    CLOSED: { description: '停用。Closed; not usable.' },
  },
});
registerEnumType(ShelterInspectionResult, {
  name: 'ShelterInspectionResult',
  description: '检查结果。Outcome of a shelter inspection.',
  valuesConfig: {
    PASSED: { description: '合格。Nothing to fix.' },
    ISSUES_FOUND: { description: '发现问题。Problems found; see the findings.' },
  },
});
