// The part's public face (re-exported by the module's index.ts).
// Declared entities: other parts read the item lists through these, never by SQL on their tables.
export { EnforcementDiscretionBands, EnforcementItemLists, EnforcementItems } from './items.entities';
export { EnforcementDiscretionBand, EnforcementItem, EnforcementItemList } from './item.entity';
export { DiscretionLevel, DiscretionSubject, EnforcementItemCategory, EnforcementItemKind, EnforcementItemListStatus } from './item.enums';
export { ItemPermission } from './items.permissions';
export { itemEvents, type ItemEvents } from './items.events';
export { itemRules, type ItemRule } from './items.rules';
export { EnforcementItemListReference, EnforcementItemReference } from './item.loaders';
export { EnforcementHearingThreshold, enforcementItemOn, listInForce } from './item-queries';
export { enforcementItemListSeedId, enforcementItemSeedId } from './item.seed';
export { HEARING_THRESHOLD_RULE } from '../business-rules/items';
