// The part's public face (re-exported by the module's index.ts). Cases and penalties read an
// accident's grade through `AccidentInvestigations` (安全生产法 95/114 bands depend on it); referrals
// are flagged by this part through referrals/public.
export { AccidentCategory, AccidentFourNotSpared, AccidentInvestigation, AccidentMeasure, AccidentOversightFinding, AccidentTeamMember } from './accident.entity';
export {
  ACCIDENT_GRADES,
  AccidentGrade,
  AccidentGradeBasis,
  AccidentInvestigationKind,
  AccidentInvestigationStatus,
  AccidentMeasureStatus,
  AccidentTeamRole,
  AccidentWarningKind,
  FourNotSparedItem,
  FourNotSparedStatus,
  LARGER_OR_WORSE,
  OversightBodyRole,
} from './accident.enums';
export { AccidentCategories, AccidentFourNotSpareds, AccidentInvestigations, AccidentMeasures, AccidentOversightFindings, AccidentTeamMembers } from './accidents.entities';
export { AccidentPermission } from './accidents.permissions';
export { accidentEvents, type AccidentEvents, type AccidentInvestigationPayload } from './accidents.events';
export { accidentRules, type AccidentRule } from './accidents.rules';
export { accidentGradeOf, accidentGradeSql, type AccidentGradeFigures, type AccidentGradeRule } from './accident-grade';
export { ACCIDENT_GRADE_RULE, ACCIDENT_CLOCK_RULE } from '../business-rules/accidents';
export { AccidentInvestigationReference, accidentInvestigationById } from './accident.loaders';
export { ACCIDENT_WORKFLOW } from './accident-workflow';
export { accidentIndicators } from './accident-indicators';
export { accidentIncidentSeedId } from './accident.seed';
