import type { EnforcementPart } from '../enforcement.part';
import { CreateAccidentInvestigations1764404000000 } from '../migrations/1764404000000-create-accident-investigations';
import { accidentBusinessRules } from '../business-rules/accidents';
import { AccidentCategory, AccidentFourNotSpared, AccidentInvestigation, AccidentMeasure, AccidentOversightFinding, AccidentTeamMember } from './accident.entity';
import { AccidentFourNotSparedResolver, AccidentInvestigationResolver, AccidentMeasureResolver, AccidentOversightFindingResolver, AccidentTeamMemberResolver } from './accident.resolver';
import { accidentNodeEntities } from './accidents.entities';
import { accidentEvents } from './accidents.events';
import { accidentIndicators } from './accident-indicators';
import { accidentPermissions } from './accidents.permissions';
import { seedAccidents } from './accident.seed';

/** 生产安全事故调查 (point 十八, 国务院令第493号): investigations over the response module's incidents, graded, on their clocks, with team, 四不放过, 一案双查 and measures. */
export const accidentsPart: EnforcementPart = {
  entities: [AccidentCategory, AccidentInvestigation, AccidentTeamMember, AccidentFourNotSpared, AccidentOversightFinding, AccidentMeasure],
  resolvers: [AccidentInvestigationResolver, AccidentTeamMemberResolver, AccidentFourNotSparedResolver, AccidentOversightFindingResolver, AccidentMeasureResolver],
  migrations: [CreateAccidentInvestigations1764404000000],
  permissions: accidentPermissions,
  scopedEntities: accidentNodeEntities,
  events: [accidentEvents],
  businessRules: accidentBusinessRules,
  indicators: accidentIndicators,
  seed: seedAccidents,
};
