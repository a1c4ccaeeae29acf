import { registerEnumType } from 'type-graphql';
import { SelfCheckArea } from '../business-rules/qr-codes';

/** Defined with the business rule that lists it (the rule's first version is inserted by a migration). */
export { SelfCheckArea };

/** What a QR code stands for: an enterprise as a whole, or one place (of an enterprise, or a public place of a village). */
export enum QrCodeKind {
  ENTERPRISE = 'ENTERPRISE',
  PLACE = 'PLACE',
}

/** Whether a code still resolves. */
export enum QrCodeStatus {
  ACTIVE = 'ACTIVE',
  REVOKED = 'REVOKED',
}


/** An item's answer in a self-check. */
export enum SelfCheckResult {
  OK = 'OK',
  NOT_OK = 'NOT_OK',
}

registerEnumType(QrCodeKind, {
  name: 'QrCodeKind',
  description: '码类型。What a QR code (安全隐患码上除) stands for.',
  valuesConfig: {
    ENTERPRISE: { description: '企业码。An enterprise as a whole, posted at its entrance (one active per enterprise).' },
    PLACE: { description: '场所码。One place: a part of an enterprise (its kitchen, its warehouse) or a public place of a village.' },
  },
});
registerEnumType(QrCodeStatus, {
  name: 'QrCodeStatus',
  description: '码状态。Whether the code still resolves.',
  valuesConfig: {
    ACTIVE: { description: '有效。Resolves to the tip form (and the owner\'s self-check list).' },
    REVOKED: { description: '已作废。Revoked (label lost, place closed): resolves like a code that never existed.' },
  },
});
registerEnumType(SelfCheckArea, {
  name: 'SelfCheckArea',
  description: '自查类别。The area a self-check item belongs to.',
  valuesConfig: {
    FIRE: { description: '消防。Fire safety: extinguishers, escape routes, fire doors.' },
    KITCHEN_FIRE: { description: '厨房用火。Kitchen fire use: stoves, flues, oil fume ducts.' },
    ELECTRICAL: { description: '电气。Electrical wiring, sockets, charging of e-bikes.' },
    BUILDING: { description: '建筑。The building: structure, illegal partitions, living in the shop.' },
    GAS: { description: '燃气。Gas cylinders, hoses, leak alarms.' },
    HAZARDOUS_MATERIALS: { description: '危险物品。Flammable or hazardous goods kept on the premises.' },
    EVACUATION: { description: '疏散。Exits, signs and emergency lighting.' },
  },
});
registerEnumType(SelfCheckResult, {
  name: 'SelfCheckResult',
  description: '自查结果。An item\'s answer.',
  valuesConfig: {
    OK: { description: '合格。In order.' },
    NOT_OK: { description: '不合格。Not in order: raises a SELF_CHECK hazard.' },
  },
});
