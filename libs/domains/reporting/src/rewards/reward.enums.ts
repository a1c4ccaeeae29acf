import { registerEnumType } from 'type-graphql';

/** Where a tip reward stands: computed → approved → paid. An approved reward not paid by its claim deadline is unclaimed (`unclaimed`, computed at query time). */
export enum TipRewardStatus {
  COMPUTED = 'COMPUTED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
}

/** What a reward was computed from. */
export enum TipRewardBasis {
  FINE = 'FINE',
  ACCIDENT_GRADE = 'ACCIDENT_GRADE',
}

/** How a reward was paid. */
export enum TipRewardPaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  CASH = 'CASH',
  MOBILE = 'MOBILE',
}

/** Channels an enterprise's internal hazard-report mechanism takes reports through (安委〔2024〕7号 明晰途径). */
export enum InternalRewardChannel {
  HOTLINE = 'HOTLINE',
  MAILBOX = 'MAILBOX',
  APP = 'APP',
  WECHAT = 'WECHAT',
  IN_PERSON = 'IN_PERSON',
  OTHER = 'OTHER',
}

registerEnumType(TipRewardStatus, {
  name: 'TipRewardStatus',
  description: '奖励状态。Where a tip reward stands; an APPROVED reward past its claim deadline is unclaimed (see `unclaimed`).',
  valuesConfig: {
    COMPUTED: { description: '已核算。Computed from the final fine or accident grade with the rule version in force; awaiting approval.' },
    APPROVED: { description: '已审批。Approved; the claim deadline runs from the approval.' },
    PAID: { description: '已发放。Paid to the reporter, with the payment record.' },
  },
});

registerEnumType(TipRewardBasis, {
  name: 'TipRewardBasis',
  description: '奖励计算依据。What a tip reward was computed from.',
  valuesConfig: {
    FINE: { description: '罚款。A share of the final fine of the linked penalty case, within the tier\'s minimum and maximum.' },
    ACCIDENT_GRADE: { description: '事故等级。A sum per verified death by the final grade of the linked accident investigation, within the cap.' },
  },
});

registerEnumType(TipRewardPaymentMethod, {
  name: 'TipRewardPaymentMethod',
  description: '发放方式。How a tip reward was paid.',
  valuesConfig: {
    BANK_TRANSFER: { description: '银行转账。To the reporter\'s bank account.' },
    CASH: { description: '现金。In cash against a signed receipt.' },
    MOBILE: { description: '移动支付。Through a mobile payment account.' },
  },
});

registerEnumType(InternalRewardChannel, {
  name: 'InternalRewardChannel',
  description: '内部举报途径。A channel through which an enterprise\'s employees report hazards internally (安委〔2024〕7号 明晰途径).',
  valuesConfig: {
    HOTLINE: { description: '举报电话。A telephone line.' },
    MAILBOX: { description: '举报箱。A mailbox or letter box.' },
    APP: { description: '信息系统。An app or internal information system.' },
    WECHAT: { description: '微信。A WeChat group, account or mini program.' },
    IN_PERSON: { description: '当面报告。In person to the safety department or a manager.' },
    OTHER: { description: '其他。Another channel.' },
  },
});
