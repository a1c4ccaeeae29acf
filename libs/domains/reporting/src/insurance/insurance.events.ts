import { defineEvents, payload } from '@platform/core';
import { CatastropheClaims, CatastrophePolicies, LiabilityInsurancePolicies } from './insurance.entities';

/** What a liability policy's events carry. */
export type LiabilityPolicyPayload = { id: string; enterpriseId: string; startsOn: string; endsOn: string };
/** What a catastrophe claim's events carry. */
export type CatastropheClaimPayload = { id: string; policyId: string; incidentId: string; organizationId: string; status: string };

/** Every event of the insurance part (ids and periods only). */
export const insuranceEvents = defineEvents({
  'reporting.liability-policy.recorded': payload<LiabilityPolicyPayload>(LiabilityInsurancePolicies),
  'reporting.liability-policy.updated': payload<LiabilityPolicyPayload>(LiabilityInsurancePolicies),
  'reporting.liability-policy.cancelled': payload<LiabilityPolicyPayload>(LiabilityInsurancePolicies),
  'reporting.catastrophe-policy.recorded': payload<{ id: string; organizationId: string }>(CatastrophePolicies),
  'reporting.catastrophe-claim.filed': payload<CatastropheClaimPayload>(CatastropheClaims),
  'reporting.catastrophe-claim.paid': payload<CatastropheClaimPayload>(CatastropheClaims),
  'reporting.catastrophe-claim.rejected': payload<CatastropheClaimPayload>(CatastropheClaims),
});

export type InsuranceEvents = typeof insuranceEvents;
