/*
 * The response module's entities with their row scope and permissions, declared once: every read and
 * write of the module goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, NO_ROWS, defineScopedEntity, raw, rowScopeSql, sql, type Principal, type Sql } from '@platform/core';
import { DamageReport, Incident, IncidentHazard, IncidentOrganization, IncidentWarning } from './incidents/incident.entity';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief/relief.entity';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyMovement, SupplyStock } from './supplies/supply.entity';
import { ResponsePermission } from './permissions';

/**
 * Incidents by their reporting organization alone: the scope of changing an incident (report,
 * verify). Not exported and not reachable by `node`: `Incidents` builds its rule on it.
 */
const ReportedIncidents = defineScopedEntity(Incident, {
  table: 'incident',
  scope: { organizationColumn: 'reporting_organization_id' },
  read: ResponsePermission.IncidentRead,
  write: ResponsePermission.IncidentReport,
});

/** A village or community affected by an incident: in scope where that organization is. No id of its own (read as `Incident.affectedOrganizations`). */
export const IncidentOrganizations = defineScopedEntity(IncidentOrganization, {
  table: 'incident_organization',
  scope: { organizationColumn: 'organization_id' },
  read: ResponsePermission.IncidentRead,
  write: ResponsePermission.IncidentReport,
});

/**
 * SQL: the incident under `alias` is in the principal's scope for `permission`. Read
 * (rescue.incident:read): its reporting organization or one of the villages it affects is in scope.
 * Any other permission (report, verify): its reporting organization is, so a village affected by
 * another's incident reads it but does not change it.
 */
function incidentRowScope(principal: Principal, permission: string, alias: string): Sql {
  const reported = rowScopeSql(principal, permission, ReportedIncidents, alias);
  if (permission !== ResponsePermission.IncidentRead || reported === ALL_ROWS || reported === NO_ROWS) return reported;
  const link = `${alias}_io`;
  const affected = rowScopeSql(principal, permission, IncidentOrganizations, link);
  return sql`(${reported} OR EXISTS (SELECT 1 FROM incident_organization ${raw(link)} WHERE ${raw(`${link}.incident_id = ${alias}.id`)} AND ${affected}))`;
}

/** Incidents: read where reported or affecting a village in scope, changed where reported (see `incidentRowScope`). */
export const Incidents = defineScopedEntity(Incident, {
  table: 'incident',
  scope: { custom: incidentRowScope },
  read: ResponsePermission.IncidentRead,
  write: ResponsePermission.IncidentReport,
});

/** A damage report (初报/续报/核报) is in scope when its incident is. */
export const DamageReports = defineScopedEntity(DamageReport, {
  table: 'incident_damage_report',
  scope: { through: { entity: Incidents, column: 'incident_id' } },
  read: ResponsePermission.IncidentRead,
  write: ResponsePermission.IncidentReport,
});

/** An incident's link to a warning: in scope with its incident (the warning itself is read through the warnings module's declaration). */
export const IncidentWarnings = defineScopedEntity(IncidentWarning, {
  table: 'incident_warning',
  scope: { through: { entity: Incidents, column: 'incident_id' } },
  read: ResponsePermission.IncidentRead,
  write: ResponsePermission.IncidentReport,
});

/** An incident's link to a hazard: in scope with its incident (the hazard itself is read through risk's `Hazards`). */
export const IncidentHazards = defineScopedEntity(IncidentHazard, {
  table: 'incident_hazard',
  scope: { through: { entity: Incidents, column: 'incident_id' } },
  read: ResponsePermission.IncidentRead,
  write: ResponsePermission.IncidentReport,
});

/** Relief cases are handled by their village or community: read with rescue.relief:read, each step with its own permission. */
export const ReliefCases = defineScopedEntity(ReliefCase, {
  table: 'relief_case',
  scope: { organizationColumn: 'organization_id' },
  read: ResponsePermission.ReliefRead,
  write: ResponsePermission.ReliefApply,
});

/** A step of a relief case's approval path is in scope when its case is. */
export const ReliefCaseSteps = defineScopedEntity(ReliefCaseStep, {
  table: 'relief_case_step',
  scope: { through: { entity: ReliefCases, column: 'case_id' } },
  read: ResponsePermission.ReliefRead,
});

/** A payment keeps its case's village (copied when recorded), so its scope needs no join. */
export const ReliefPayments = defineScopedEntity(ReliefPayment, {
  table: 'relief_payment',
  scope: { organizationColumn: 'organization_id' },
  read: ResponsePermission.ReliefRead,
  write: ResponsePermission.ReliefPay,
});

/** Supply depots are kept by the town, a village or a community. */
export const SupplyDepots = defineScopedEntity(SupplyDepot, {
  table: 'supply_depot',
  scope: { organizationColumn: 'organization_id' },
  read: ResponsePermission.SupplyRead,
  write: ResponsePermission.SupplyWrite,
});

/**
 * The supply catalog is town-wide: every row is in scope for whoever may read supplies (changing it
 * needs rescue.supply:write for the whole town, checked by the service).
 */
export const SupplyItems = defineScopedEntity(SupplyItem, {
  table: 'supply_item',
  scope: { custom: () => ALL_ROWS },
  read: ResponsePermission.SupplyRead,
  write: ResponsePermission.SupplyWrite,
});

/** A batch of stock is in scope when its depot is (no id of its own: read as `SupplyDepot.stock` and `expiringSupplies`). */
export const SupplyStocks = defineScopedEntity(SupplyStock, {
  table: 'supply_stock',
  scope: { through: { entity: SupplyDepots, column: 'depot_id' } },
  read: ResponsePermission.SupplyRead,
  write: ResponsePermission.SupplyWrite,
});

/** A depot's minimum of an item is in scope when its depot is. */
export const SupplyMinimums = defineScopedEntity(SupplyMinimum, {
  table: 'supply_minimum',
  scope: { through: { entity: SupplyDepots, column: 'depot_id' } },
  read: ResponsePermission.SupplyRead,
  write: ResponsePermission.SupplyWrite,
});

/** SQL: the movement under `alias` leaves or enters a depot in scope (a transfer shows on both sides). */
function movementRowScope(principal: Principal, permission: string, alias: string): Sql {
  const depot = `${alias}_d`;
  const inScope = rowScopeSql(principal, permission, SupplyDepots, depot);
  if (inScope === ALL_ROWS || inScope === NO_ROWS) return inScope;
  return sql`EXISTS (SELECT 1 FROM supply_depot ${raw(depot)} WHERE ${raw(`${depot}.id IN (${alias}.depot_id, ${alias}.to_depot_id)`)} AND ${inScope})`;
}

/** Stock movements: in scope where the depot giving or receiving the supplies is. */
export const SupplyMovements = defineScopedEntity(SupplyMovement, {
  table: 'supply_movement',
  scope: { custom: movementRowScope },
  read: ResponsePermission.SupplyRead,
  write: ResponsePermission.SupplyWrite,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const responseNodeEntities = [Incidents, DamageReports, ReliefCases, ReliefCaseSteps, ReliefPayments, SupplyDepots, SupplyItems, SupplyMovements];
