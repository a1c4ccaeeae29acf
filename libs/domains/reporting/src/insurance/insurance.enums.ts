import { registerEnumType } from 'type-graphql';

/** Where a liability insurance policy stands on a day (computed from its dates, see `policyStatusSql`). */
export enum LiabilityPolicyStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  LAPSED = 'LAPSED',
  CANCELLED = 'CANCELLED',
}

/** Where a catastrophe insurance claim stands. */
export enum CatastropheClaimStatus {
  FILED = 'FILED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
}

/** What a catastrophe claim is for (渝府办发〔2017〕121号). */
export enum CatastropheClaimKind {
  DEATH = 'DEATH',
  DISABILITY = 'DISABILITY',
  MEDICAL = 'MEDICAL',
}

registerEnumType(LiabilityPolicyStatus, {
  name: 'LiabilityPolicyStatus',
  description: '保单状态。Where a work-safety liability insurance policy stands today (China time), from its period and cancellation.',
  valuesConfig: {
    PENDING: { description: '未生效。Its first day is still to come (a renewal bought in advance).' },
    ACTIVE: { description: '有效。Today lies in its period and it is not cancelled.' },
    LAPSED: { description: '已到期。Its last day has passed.' },
    CANCELLED: { description: '已退保。Cancelled from its cancellation day on (only allowed for an enterprise that closed or is not in a mandatory sector).' },
  },
});

registerEnumType(CatastropheClaimStatus, {
  name: 'CatastropheClaimStatus',
  description: '理赔状态。Where a catastrophe insurance claim stands: FILED, then PAID or REJECTED.',
  valuesConfig: {
    FILED: { description: '已报案。Filed with the insurer; awaiting its decision.' },
    PAID: { description: '已赔付。The insurer paid; the amount paid is recorded.' },
    REJECTED: { description: '已拒赔。The insurer refused; the reason is recorded.' },
  },
});

registerEnumType(CatastropheClaimKind, {
  name: 'CatastropheClaimKind',
  description: '理赔类别。What a catastrophe claim is for.',
  valuesConfig: {
    DEATH: { description: '身故。Death of the persons claimed for.' },
    DISABILITY: { description: '伤残。Permanent disability.' },
    MEDICAL: { description: '医疗费用。Medical costs of the injured.' },
  },
});
