import { registerEnumType } from 'type-graphql';

/** What a household is helped with (救灾救助 kinds of the town's relief work). */
export enum ReliefKind {
  EMERGENCY_PERIOD = 'EMERGENCY_PERIOD',
  TRANSITIONAL = 'TRANSITIONAL',
  WINTER_SPRING = 'WINTER_SPRING',
  DROUGHT = 'DROUGHT',
  DEATH_CONDOLENCE = 'DEATH_CONDOLENCE',
  HOUSE_REBUILD = 'HOUSE_REBUILD',
  HOUSE_REPAIR = 'HOUSE_REPAIR',
}

/** Where a relief case stands on its approval path, in order: APPLIED → ASSESSED → NOTICE → REVIEWED → APPROVED (→ PAID) or REJECTED. */
export enum ReliefStatus {
  APPLIED = 'APPLIED',
  ASSESSED = 'ASSESSED',
  NOTICE = 'NOTICE',
  REVIEWED = 'REVIEWED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PAID = 'PAID',
}

/** How a payment reached the payee. */
export enum ReliefPaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  CASH = 'CASH',
  OTHER = 'OTHER',
}

registerEnumType(ReliefKind, {
  name: 'ReliefKind',
  description: '救助类别。What a household is helped with.',
  valuesConfig: {
    EMERGENCY_PERIOD: { description: '应急期生活救助。Living assistance in the emergency period right after a disaster.' },
    TRANSITIONAL: { description: '过渡期生活救助。Living assistance in the transition period for households whose house collapsed or was badly damaged.' },
    WINTER_SPRING: { description: '冬春临时生活困难救助。Temporary assistance for living hardship in winter and spring.' },
    DROUGHT: { description: '旱灾临时生活困难救助。Temporary assistance for living hardship caused by drought.' },
    DEATH_CONDOLENCE: { description: '遇难人员家属抚慰。Condolence payment to the families of people killed by the disaster.' },
    HOUSE_REBUILD: { description: '倒损住房恢复重建。Rebuilding a collapsed or severely damaged house.' },
    HOUSE_REPAIR: { description: '倒损住房维修加固。Repairing and strengthening a damaged house.' },
  },
});
registerEnumType(ReliefStatus, {
  name: 'ReliefStatus',
  description: '救助状态。Where a relief case stands on its approval path.',
  valuesConfig: {
    APPLIED: { description: '户申请。The household applied; the village registered the application.' },
    ASSESSED: { description: '村评议。The village assessed the application (民主评议).' },
    NOTICE: { description: '公示。The assessment is on public notice in the village.' },
    REVIEWED: { description: '镇审核。The town reviewed the case after the notice ended.' },
    APPROVED: { description: '审批通过。Approved with an amount; waiting to be paid.' },
    REJECTED: { description: '不予救助。Rejected, with the reason; final.' },
    PAID: { description: '已足额发放。The payments reached the approved amount; final.' },
  },
});
registerEnumType(ReliefPaymentMethod, {
  name: 'ReliefPaymentMethod',
  description: '发放方式。How a payment reached the payee.',
  valuesConfig: {
    BANK_TRANSFER: { description: '一卡通转账。Transfer to the payee\'s bank or social security card (惠民惠农一卡通).' },
    CASH: { description: '现金。Cash, signed for by the payee.' },
    OTHER: { description: '其他。Another way, described in the note.' },
  },
});
