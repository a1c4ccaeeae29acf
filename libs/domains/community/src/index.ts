export { communityModule } from './community.module';
export { CommunityPermission } from './permissions';
// Who lives where, and which households to warn and evacuate first (warnings, relief).
export { householdsInOrganizations, type HouseholdsInOrganization, type VulnerableHouseholdContact } from './joint-defense/households-in-organizations';
export { Household, JointDefenseGroup } from './joint-defense/joint-defense.entity';
export { VULNERABLE_SQL } from './joint-defense/joint-defense.sensitive';
