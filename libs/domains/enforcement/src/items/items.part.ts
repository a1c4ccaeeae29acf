import type { EnforcementPart } from '../enforcement.part';
import { CreateEnforcementItems1764403910000 } from '../migrations/1764403910000-create-enforcement-items';
import { itemBusinessRules } from '../business-rules/items';
import { EnforcementDiscretionBand, EnforcementItem, EnforcementItemList } from './item.entity';
import { EnforcementItemListResolver } from './item-list.resolver';
import { EnforcementDiscretionBandResolver, EnforcementHearingThresholdResolver, EnforcementItemResolver } from './item.resolver';
import { itemNodeEntities } from './items.entities';
import { itemEvents } from './items.events';
import { itemPermissions } from './items.permissions';
import { seedEnforcementItems } from './item.seed';

/** 执法事项清单 (point 十七): versioned lists of statutory, delegated and entrusted enforcement items with their legal basis and discretion bands. */
export const itemsPart: EnforcementPart = {
  entities: [EnforcementItemList, EnforcementItem, EnforcementDiscretionBand],
  resolvers: [EnforcementItemListResolver, EnforcementItemResolver, EnforcementDiscretionBandResolver, EnforcementHearingThresholdResolver],
  migrations: [CreateEnforcementItems1764403910000],
  permissions: itemPermissions,
  scopedEntities: itemNodeEntities,
  events: [itemEvents],
  businessRules: itemBusinessRules,
  indicators: [],
  seed: seedEnforcementItems,
};
