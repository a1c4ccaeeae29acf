export { riskModule } from './risk.module';
export { RiskPermission } from './permissions';
export { Hazard } from './hazards/hazard.entity';
// Declared entities and scoped readers: other modules read risk's records through these, never by SQL on its tables.
export { HazardEvents, Hazards, RiskPoints } from './risk.entities';
export { HazardReference, hazardById } from './hazards/hazard.loaders';
export { riskEvents, type RiskEvents } from './risk.events';
export { HazardStatus, HazardGrade, HazardCategory, HazardSource } from './hazards/hazard.enums';
export { reportHazard, type HazardReport } from './hazards/hazard-reporting';
export { RiskPoint } from './risk-points/risk-point.entity';
export { threateningRiskPoints, THREATENING_RISK_POINTS_LIMIT, type ThreateningRiskPoints } from './risk-points/risk-point.loaders';
export { HazardConnection } from './hazards/hazard.resolver';
export { RiskPointConnection } from './risk-points/risk-point.resolver';
