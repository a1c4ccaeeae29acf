export { responseModule } from './response.module';
export { ResponsePermission } from './permissions';
// The incident and damage report types, for fields of other modules that show them (the enforcement module's accident investigations).
export { DamageReport, Incident } from './incidents/incident.entity';
export { DamageReportKind, IncidentType } from './incidents/incident.enums';
// Declared entities: other modules read the response module's records through these, never by SQL on its tables.
export { DamageReports, Incidents, ReliefCases, ReliefPayments, SupplyDepots, SupplyItems, SupplyMovements } from './response.entities';
export { responseEvents, type ResponseEvents } from './response.events';
export { responseRules, type ResponseRule } from './response.rules';
