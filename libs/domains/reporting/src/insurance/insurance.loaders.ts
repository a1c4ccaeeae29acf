import { defineChildPages, defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { Incidents } from '@domains/response';
import type { LiabilityInsurancePolicy } from './liability-policy.entity';
import type { CatastrophePolicy } from './catastrophe.entity';
import { CatastropheClaims, CatastrophePolicies, LiabilityInsurancePolicies } from './insurance.entities';
import { CLAIMS_IN_ORDER } from './insurance.orders';

/** Liability policies by id, within the caller's read scope (others load as null): one statement per request level. */
export const LiabilityPolicyReference = defineReference(LiabilityInsurancePolicies, 'reporting.liabilityInsurancePolicy.byId');
export const liabilityPolicyById = (ctx: RequestContext): DataLoader<string, LiabilityInsurancePolicy | null> => LiabilityPolicyReference.byId(ctx);

/** Catastrophe policies by id, within the caller's read scope. */
export const CatastrophePolicyReference = defineReference(CatastrophePolicies, 'reporting.catastrophePolicy.byId');
export const catastrophePolicyById = (ctx: RequestContext): DataLoader<string, CatastrophePolicy | null> => CatastrophePolicyReference.byId(ctx);

/** The response module's incidents a claim is for, within the caller's scope for reading incidents. */
export const ClaimIncidentReference = defineReference(Incidents, 'reporting.catastropheClaim.incident');

/** A policy's claims, in the order filed. */
export const PolicyClaimPages = defineChildPages(CatastropheClaims, { name: 'reporting.catastrophePolicy.claims', parentColumn: 'policy_id', keys: CLAIMS_IN_ORDER });
/** An incident's claims, in the order filed. */
export const IncidentClaimPages = defineChildPages(CatastropheClaims, { name: 'reporting.incident.catastropheClaims', parentColumn: 'incident_id', keys: CLAIMS_IN_ORDER });
