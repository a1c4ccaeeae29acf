import type { DomainModule } from '@platform/core';
import { DamageReport, Incident, IncidentHazard, IncidentOrganization, IncidentWarning } from './incidents/incident.entity';
import { DamageReportResolver, IncidentHazardResolver, IncidentResolver, IncidentWarningResolver } from './incidents/incident.resolver';
import { CreateIncidents1764402600000 } from './migrations/1764402600000-create-incidents';
import { seedIncidents } from './incidents/incident.seed';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief/relief.entity';
import { ReliefCaseResolver, ReliefCaseStepResolver, ReliefPaymentCheckResolver, ReliefPaymentResolver } from './relief/relief.resolver';
import { seedRelief } from './relief/relief.seed';
import { responseSettings, startRelief } from './relief/relief.settings';
import { CreateRelief1764402700000 } from './migrations/1764402700000-create-relief';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyMovement, SupplyStock } from './supplies/supply.entity';
import { SupplyDepotResolver, SupplyItemResolver, SupplyMinimumResolver, SupplyMovementResolver, SupplyStockGapResolver, SupplyStockResolver } from './supplies/supply.resolver';
import { seedSupplies } from './supplies/supplies.seed';
import { CreateSupplies1764402800000 } from './migrations/1764402800000-create-supplies';
import { AddResponseLocationIndexes1764403470000 } from './migrations/1764403470000-add-location-indexes';
import { AddWorkSafetyAccidents1764403990000 } from './migrations/1764403990000-add-work-safety-accidents';
import { responseGeoJsonRoutes } from './response.geojson';
import { responsePermissions } from './permissions';
import { responseNodeEntities } from './response.entities';
import { responseEvents } from './response.events';

/**
 * 灾情 (work plan point 十五): incidents, the villages affected, linked warnings and hazards, and damage reports (初报/续报/核报).
 * 救灾救助 (work-plan point 十五): relief cases on their approval path, paid in full to the right person, with the payment check.
 * 救灾物资 (work-plan point 十五): depots, the catalog, stock by batch, movements, minimums, gaps and expiring stock.
 */
export const responseModule: DomainModule = {
  name: 'response',
  description: '灾情与救助。Response (point 十五): incidents and damage reports (初报、续报、核报), relief to households (救灾救助) and relief supplies (救灾物资).',
  // access: who took a step or recorded a payment or movement (ReliefCaseStep.actor, ReliefPayment.recordedBy, …ByUser).
  dependsOn: ['directory', 'access', 'risk', 'community', 'warnings'],
  entities: [Incident, IncidentOrganization, IncidentWarning, IncidentHazard, DamageReport, ReliefCase, ReliefCaseStep, ReliefPayment, SupplyDepot, SupplyItem, SupplyStock, SupplyMinimum, SupplyMovement],
  resolvers: [IncidentResolver, DamageReportResolver, IncidentWarningResolver, IncidentHazardResolver, ReliefCaseResolver, ReliefCaseStepResolver, ReliefPaymentResolver, ReliefPaymentCheckResolver, SupplyDepotResolver, SupplyItemResolver, SupplyStockResolver, SupplyMinimumResolver, SupplyStockGapResolver, SupplyMovementResolver],
  migrations: [CreateIncidents1764402600000, CreateRelief1764402700000, CreateSupplies1764402800000, AddResponseLocationIndexes1764403470000, AddWorkSafetyAccidents1764403990000],
  permissions: responsePermissions,
  settings: responseSettings,
  scopedEntities: responseNodeEntities,
  events: [responseEvents],
  seed: async (ctx) => {
    await seedIncidents(ctx);
    await seedRelief(ctx);
    await seedSupplies(ctx);
  },
  // The relief settings, and the map layers GET /geo/incidents and /geo/supply-depots.
  start: async (runtime) => ({ ...(await startRelief(runtime)), httpRoutes: responseGeoJsonRoutes }),
};
