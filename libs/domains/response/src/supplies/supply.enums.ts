import { registerEnumType } from 'type-graphql';

/** Categories of the town's relief supply catalog. */
export enum SupplyCategory {
  SHELTER = 'SHELTER',
  BEDDING = 'BEDDING',
  CLOTHING = 'CLOTHING',
  FOOD = 'FOOD',
  WATER = 'WATER',
  LIGHTING_POWER = 'LIGHTING_POWER',
  RESCUE_EQUIPMENT = 'RESCUE_EQUIPMENT',
  MEDICAL = 'MEDICAL',
  OTHER = 'OTHER',
}

/** What a stock movement does. */
export enum SupplyMovementKind {
  RECEIPT = 'RECEIPT',
  ISSUE = 'ISSUE',
  TRANSFER = 'TRANSFER',
  WRITE_OFF = 'WRITE_OFF',
}

registerEnumType(SupplyCategory, {
  name: 'SupplyCategory',
  description: '物资类别。The category of a relief supply item.',
  valuesConfig: {
    SHELTER: { description: '安置类。Tents, folding beds and other shelter (帐篷、折叠床).' },
    BEDDING: { description: '被服类。Quilts, blankets, mats (棉被、毛毯).' },
    CLOTHING: { description: '衣物类。Clothing, raincoats, rubber boots.' },
    FOOD: { description: '食品类。Food such as instant noodles and biscuits (方便面、饼干).' },
    WATER: { description: '饮用水。Drinking water.' },
    LIGHTING_POWER: { description: '照明电力类。Generators, torches, lamps and batteries (发电机、应急灯).' },
    RESCUE_EQUIPMENT: { description: '救援器材。Life jackets, ropes, pumps, sandbags (救生衣、冲锋舟).' },
    MEDICAL: { description: '医疗药品。Medicines and first-aid kits (药品、急救包).' },
    OTHER: { description: '其他。Anything else.' },
  },
});
registerEnumType(SupplyMovementKind, {
  name: 'SupplyMovementKind',
  description: '出入库类型。What a stock movement of relief supplies does.',
  valuesConfig: {
    RECEIPT: { description: '入库。Supplies received into a depot (purchase, allocation, donation).' },
    ISSUE: { description: '出库发放。Supplies issued from a depot to people in need, an incident or a household.' },
    TRANSFER: { description: '调拨。Supplies moved from one depot to another.' },
    WRITE_OFF: { description: '报损报废。Supplies written off as expired, damaged or lost, with the reason.' },
  },
});
