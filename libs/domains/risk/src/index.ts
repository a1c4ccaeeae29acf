export { riskModule } from './risk.module';
export { RiskPermission } from './permissions';
export { Hazard } from './hazards/hazard.entity';
export { HazardStatus, HazardGrade, HazardCategory, HazardSource } from './hazards/hazard.enums';
export { reportHazard, type HazardReport } from './hazards/hazard-reporting';
