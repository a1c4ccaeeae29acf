import { registerEnumType } from 'type-graphql';

export enum FireFacilityKind {
  HYDRANT = 'HYDRANT',
  EXTINGUISHER = 'EXTINGUISHER',
  ALARM = 'ALARM',
  SPRINKLER = 'SPRINKLER',
  FIRE_CABINET = 'FIRE_CABINET',
  OTHER = 'OTHER',
}

export enum FireFacilityStatus {
  OK = 'OK',
  FAULTY = 'FAULTY',
  MISSING = 'MISSING',
}

registerEnumType(FireFacilityKind, {
  name: 'FireFacilityKind',
  description: '消防设施种类。What kind of fire facility.',
  valuesConfig: {
    HYDRANT: { description: '消火栓。A fire hydrant.' },
    EXTINGUISHER: { description: '灭火器。Fire extinguishers.' },
    ALARM: { description: '火灾报警。A fire alarm (detector, manual call point, alarm bell).' },
    SPRINKLER: { description: '喷淋。A sprinkler system.' },
    FIRE_CABINET: { description: '消防柜。A fire cabinet (微型消防站 equipment, hoses, tools).' },
    OTHER: { description: '其他。Another kind of facility.' },
  },
});
registerEnumType(FireFacilityStatus, {
  name: 'FireFacilityStatus',
  description: '消防设施状态。Condition of a fire facility as last found.',
  valuesConfig: {
    OK: { description: '完好。In working order.' },
    FAULTY: { description: '故障。Present but not working properly.' },
    MISSING: { description: '缺失。Gone or stolen.' },
  },
});
