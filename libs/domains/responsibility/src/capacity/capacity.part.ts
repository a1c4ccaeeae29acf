import type { ResponsibilityPart } from '../responsibility.part';
import { CreateVillageCapacity1764403850000 } from '../migrations/1764403850000-create-village-capacity';
import { VILLAGE_CAPACITY } from '../business-rules/capacity';
import { VillageEmergencyCommitments } from './capacity.entities';
import { capacityEvents } from './capacity.events';
import { capacityPermissions } from './capacity.permissions';
import { RankingEntryResolver, VillageCapacityResolver, VillageCommitmentResolver } from './capacity.resolver';
import { seedCapacity } from './capacity.seed';
import { VillageEmergencyCommitment } from './village-commitment.entity';

/** 村级应急能力与季度晾晒 (point 四): village emergency capacity and the quarterly ranking. */
export const capacityPart: ResponsibilityPart = {
  entities: [VillageEmergencyCommitment],
  resolvers: [VillageCapacityResolver, RankingEntryResolver, VillageCommitmentResolver],
  migrations: [CreateVillageCapacity1764403850000],
  permissions: capacityPermissions,
  scopedEntities: [VillageEmergencyCommitments],
  events: [capacityEvents],
  businessRules: [VILLAGE_CAPACITY],
  indicators: [],
  seed: seedCapacity,
};
