export { communityModule } from './community.module';
export { CommunityPermission } from './permissions';
// Declared entities: other modules read the community's records through these (records(ctx, Households, …)), never by SQL on its tables.
export { Consultations, ConsultationActionItems, Households, JointDefenseGroups } from './community.entities';
export { communityEvents, type CommunityEvents } from './community.events';
export { communityRules, type CommunityRule } from './community.rules';
// Who lives where, and which households to warn and evacuate first (warnings, relief).
export { householdsInOrganizations, type HouseholdsInOrganization, type VulnerableHouseholdContact } from './joint-defense/households-in-organizations';
export { Household, JointDefenseGroup } from './joint-defense/joint-defense.entity';
export { Consultation, ConsultationActionItem } from './consultations/consultation.entity';
export { vulnerableHousehold } from './joint-defense/joint-defense.sensitive';
// Per-request loaders of the community's records, for other modules' relation fields.
export { HouseholdReference, JointDefenseGroupReference, householdById, jointDefenseGroupById } from './joint-defense/joint-defense.loaders';
