// The insurance part's public face (re-exported by the module's index.ts). Other parts and modules
// read policies, coverage and claims through these declarations, never by SQL on the part's tables.
export { LiabilityInsurancePolicy } from './liability-policy.entity';
export { CatastropheClaim, CatastrophePolicy } from './catastrophe.entity';
export { CatastropheClaimKind, CatastropheClaimStatus, LiabilityPolicyStatus } from './insurance.enums';
export { CatastropheClaims, CatastrophePolicies, LiabilityInsurancePolicies } from './insurance.entities';
export { InsurancePermission } from './insurance.permissions';
export { insuranceEvents, type InsuranceEvents } from './insurance.events';
export { insuranceRules, type InsuranceRule } from './insurance.rules';
export { CATASTROPHE_INSURANCE_RULE, INSURANCE_MANDATORY_SECTORS_RULE, type CatastropheMinimums, type InsuranceMandate } from '../business-rules/insurance';
export { CLAIM_WORKFLOW } from './catastrophe-workflow';
export { LiabilityPolicyReference, liabilityPolicyById, CatastrophePolicyReference, catastrophePolicyById } from './insurance.loaders';
export { coveredSql, lapsingSql, limitBelowMinimumSql, mandatorySectorSql, policyStatusSql } from './insurance.sql';
export { liabilityPolicySeedId, catastrophePolicySeedId } from './insurance.seed';
export { LiabilityInsurancePolicyConnection } from './liability-policy.resolver';
