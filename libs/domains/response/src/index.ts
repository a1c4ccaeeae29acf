export { responseModule } from './response.module';
export { ResponsePermission } from './permissions';
// Declared entities: other modules read the response module's records through these, never by SQL on its tables.
export { DamageReports, Incidents, ReliefCases, ReliefPayments, SupplyDepots, SupplyItems, SupplyMovements } from './response.entities';
export { responseEvents, type ResponseEvents } from './response.events';
export { responseRules, type ResponseRule } from './response.rules';
