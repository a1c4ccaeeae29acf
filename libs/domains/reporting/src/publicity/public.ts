// The publicity part's public face (re-exported by the module's index.ts).
export { PublicityActivity } from './publicity-activity.entity';
export { EvacuationCommendation } from './evacuation-commendation.entity';
export { FIVE_INTO_TARGETS, PublicityKind, PublicityTarget } from './publicity.enums';
export { EvacuationCommendations, PublicityActivities } from './publicity.entities';
export { PublicityPermission } from './publicity.permissions';
export { publicityEvents, type PublicityEvents } from './publicity.events';
export { publicityRules, type PublicityRule } from './publicity.rules';
export { PUBLICITY_CALENDAR_RULE, type PublicityCalendar } from '../business-rules/publicity';
export { PublicityActivityReference } from './publicity.resolver';
export { publicityActivitySeedId, socialRescueTeamSeedId } from './publicity.seed';
