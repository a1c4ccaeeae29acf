/**
 * The joint-defense area's public face for other features of the rescue module (warnings, relief):
 * who lives where, and which households to warn and evacuate first. See householdsInOrganizations.
 */
export { householdsInOrganizations, type HouseholdsInOrganization, type VulnerableHouseholdContact } from './households-in-organizations';
export { Household, JointDefenseGroup } from './joint-defense.entity';
export { VULNERABLE_SQL } from './joint-defense.sensitive';
