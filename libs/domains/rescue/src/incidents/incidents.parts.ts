import type { ModuleParts } from '../shared/module-parts';
import { DamageReport, Incident, IncidentHazard, IncidentOrganization, IncidentWarning } from './incident.entity';
import { DamageReportResolver, IncidentHazardResolver, IncidentResolver, IncidentWarningResolver } from './incident.resolver';
import { CreateIncidents1764402600000 } from '../migrations/1764402600000-create-incidents';
import { seedIncidents } from './incident.seed';

/** 灾情 (work plan point 十五): incidents, the villages affected, linked warnings and hazards, and damage reports (初报/续报/核报). */
export const incidentsParts: ModuleParts = {
  entities: [Incident, IncidentOrganization, IncidentWarning, IncidentHazard, DamageReport],
  resolvers: [IncidentResolver, DamageReportResolver, IncidentWarningResolver, IncidentHazardResolver],
  migrations: [CreateIncidents1764402600000],
  seed: seedIncidents,
};
