export { riskModule } from './risk.module';
export { RiskPermission } from './permissions';
export { Hazard } from './hazards/hazard.entity';
export { HazardStatus, HazardGrade } from './hazards/hazard.enums';
