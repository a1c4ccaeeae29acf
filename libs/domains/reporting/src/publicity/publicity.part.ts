import type { ModulePart } from '@platform/core';
import { CreatePublicity1764404140000 } from '../migrations/1764404140000-create-publicity';
import { publicityBusinessRules } from '../business-rules/publicity';
import { PublicityActivity } from './publicity-activity.entity';
import { EvacuationCommendation } from './evacuation-commendation.entity';
import { EvacuationCommendationResolver, PublicityActivityResolver, PublicityCoverageRowResolver } from './publicity.resolver';
import { publicityNodeEntities } from './publicity.entities';
import { publicityEvents } from './publicity.events';
import { publicityPermissions } from './publicity.permissions';
import { publicityIndicators } from './publicity-indicators';
import { seedPublicity } from './publicity.seed';

/** 宣传与社会力量 (point 二十一): publicity activities with the 宣传五进 matrix, commendations for early-warning evacuations, and the social rescue forces seeded as command rescue teams of kind SOCIAL. */
export const publicityPart: ModulePart = {
  entities: [PublicityActivity, EvacuationCommendation],
  resolvers: [PublicityActivityResolver, PublicityCoverageRowResolver, EvacuationCommendationResolver],
  migrations: [CreatePublicity1764404140000],
  permissions: publicityPermissions,
  scopedEntities: publicityNodeEntities,
  events: [publicityEvents],
  businessRules: publicityBusinessRules,
  indicators: publicityIndicators,
  seed: seedPublicity,
};
