import type { ResponsibilityPart } from '../responsibility.part';
import { CreateRegistries1764403840000 } from '../migrations/1764403840000-create-registries';
import { NewBusinessFormat, SupervisionAssignment } from './supervision-map.entity';
import { KeyProject, ThreeSimultaneityRecord } from './key-project.entity';
import { LinearFeatureSection } from './linear-section.entity';
import { FireFourOnesItem } from './fire-four-ones.entity';
import { NewBusinessFormatResolver, SupervisionAssignmentResolver } from './supervision-map.resolver';
import { KeyProjectResolver, ThreeSimultaneityRecordResolver } from './key-project.resolver';
import { LinearFeatureSectionResolver } from './linear-section.resolver';
import { FireFourOnesItemResolver, FourOnesGapResolver } from './fire-four-ones.resolver';
import { registriesNodeEntities } from './registries.entities';
import { registriesEvents } from './registries.events';
import { registriesPermissions } from './registries.permissions';
import { seedRegistries } from './registries.seed';
import { supervisionGapCount } from './supervision-gap-indicator';

/** 三管三必须、重点建设项目三同时、沿线责任、四个一 (point 二): the supervision map and its gaps, key projects, linear features, "四个一" records. */
export const registriesPart: ResponsibilityPart = {
  entities: [SupervisionAssignment, NewBusinessFormat, KeyProject, ThreeSimultaneityRecord, LinearFeatureSection, FireFourOnesItem],
  resolvers: [SupervisionAssignmentResolver, NewBusinessFormatResolver, KeyProjectResolver, ThreeSimultaneityRecordResolver, LinearFeatureSectionResolver, FireFourOnesItemResolver, FourOnesGapResolver],
  migrations: [CreateRegistries1764403840000],
  permissions: registriesPermissions,
  scopedEntities: registriesNodeEntities,
  events: [registriesEvents],
  businessRules: [],
  indicators: [supervisionGapCount],
  seed: seedRegistries,
};
