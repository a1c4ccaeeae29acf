import { registerEnumType } from 'type-graphql';

/** What a piece of enterprise equipment is. */
export enum EquipmentKind {
  PRODUCTION = 'PRODUCTION',
  SPECIAL_EQUIPMENT = 'SPECIAL_EQUIPMENT',
  SAFETY_FACILITY = 'SAFETY_FACILITY',
  ELECTRICAL = 'ELECTRICAL',
  VEHICLE = 'VEHICLE',
  OTHER = 'OTHER',
}

/** Whether a piece of equipment is in service. */
export enum EquipmentStatus {
  IN_SERVICE = 'IN_SERVICE',
  RETIRED = 'RETIRED',
}

/** What a renewal plan does. */
export enum RenewalAction {
  REPLACE = 'REPLACE',
  RETROFIT = 'RETROFIT',
  RETIRE = 'RETIRE',
}

registerEnumType(EquipmentKind, {
  name: 'EquipmentKind',
  description: '设备类别。What a piece of enterprise equipment is.',
  valuesConfig: {
    PRODUCTION: { description: '生产设备。Production equipment (furnaces, crushers, presses…).' },
    SPECIAL_EQUIPMENT: { description: '特种设备。Special equipment under 特种设备安全法 (boilers, pressure vessels, lifts, cranes…).' },
    SAFETY_FACILITY: { description: '安全设施。Safety facilities (gas detection, fire protection, ventilation, dust removal…).' },
    ELECTRICAL: { description: '电气设备。Electrical installations (transformers, switchgear, motors).' },
    VEHICLE: { description: '车辆及场内机动车辆。Vehicles, including in-plant vehicles.' },
    OTHER: { description: '其他。Anything else.' },
  },
});

registerEnumType(EquipmentStatus, {
  name: 'EquipmentStatus',
  description: '设备状态。Whether a piece of equipment is in service or retired.',
  valuesConfig: {
    IN_SERVICE: { description: '在用。In service.' },
    RETIRED: { description: '已停用报废。Retired from a day: kept for the history.' },
  },
});

registerEnumType(RenewalAction, {
  name: 'RenewalAction',
  description: '更新方式。What a renewal plan does with the equipment.',
  valuesConfig: {
    REPLACE: { description: '更换。Replace it with new equipment; done retires the old one.' },
    RETROFIT: { description: '改造。Retrofit it (safety or energy upgrade); it stays in service.' },
    RETIRE: { description: '淘汰停用。Retire it without replacement; done retires it.' },
  },
});
