import type { DomainModule } from '@platform/core';
import { Organization } from './organizations/organization.entity';
import { EnterpriseProfile } from './organizations/enterprise-profile.entity';
import { IndustrySector } from './sectors/industry-sector.entity';
import { Person } from './persons/person.entity';
import { Position } from './persons/position.entity';
import { OrganizationResolver } from './organizations/organization.resolver';
import { EnterpriseProfileResolver } from './organizations/enterprise-profile.resolver';
import { EnterpriseSafetyManagerResolver, PersonResolver } from './persons/person.resolver';
import { OrganizationPositionsResolver, PositionResolver } from './persons/position.resolver';
import { IndustrySectorResolver } from './sectors/industry-sector.resolver';
import { OrganizationChangeResolver } from './organizations/organization-change.resolver';
import { CreateDirectory1764400100000 } from './migrations/1764400100000-create-directory';
import { CreateTrainingRecords1764401200000 } from './migrations/1764401200000-create-training-records';
import { AddOrganizationLocationIndex1764403450000 } from './migrations/1764403450000-add-organization-location-index';
import { AddIndustrySectorUpdatedAt1764403540000 } from './migrations/1764403540000-add-industry-sector-updated-at';
import { directoryGeoJsonRoutes } from './directory.geojson';
import { TrainingRecord } from './trainings/training-record.entity';
import { PersonTrainingsResolver, TrainingRecordResolver } from './trainings/training.resolver';
import { directoryPermissions } from './permissions';
import { directoryNodeEntities } from './directory.entities';
import { seedDirectory } from './seed/seed-directory';
import { directoryEvents } from './directory.events';
import { IndicatorValueOrganizationResolver } from './organizations/indicator-organization.resolver';

/** 组织与人员目录: the organization tree and persons every domain module refers to. */
export const directoryModule: DomainModule = {
  name: 'directory',
  description: '组织与人员目录。Directory of organizations (town, departments, villages, grids, enterprises), persons and their trainings.',
  dependsOn: ['kernel'],
  entities: [Organization, EnterpriseProfile, IndustrySector, Person, Position, TrainingRecord],
  scopedEntities: directoryNodeEntities,
  events: [directoryEvents],
  resolvers: [OrganizationResolver, EnterpriseProfileResolver, EnterpriseSafetyManagerResolver, PersonResolver, PositionResolver, OrganizationPositionsResolver, IndustrySectorResolver, OrganizationChangeResolver, TrainingRecordResolver, PersonTrainingsResolver, IndicatorValueOrganizationResolver],
  migrations: [CreateDirectory1764400100000, CreateTrainingRecords1764401200000, AddOrganizationLocationIndex1764403450000, AddIndustrySectorUpdatedAt1764403540000],
  permissions: directoryPermissions,
  seed: async (ctx) => {
    await seedDirectory(ctx);
  },
  // The map layer GET /geo/organizations.
  start: async () => ({ httpRoutes: directoryGeoJsonRoutes }),
};
