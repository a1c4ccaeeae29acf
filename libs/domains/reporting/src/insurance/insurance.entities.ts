/*
 * The insurance part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { LiabilityInsurancePolicy } from './liability-policy.entity';
import { CatastropheClaim, CatastrophePolicy } from './catastrophe.entity';
import { InsurancePermission } from './insurance.permissions';

/** A policy belongs to the insured enterprise: the enterprise sees its own, a village its enterprises'. */
export const LiabilityInsurancePolicies = defineScopedEntity(LiabilityInsurancePolicy, {
  table: 'liability_insurance_policy',
  scope: { organizationColumn: 'enterprise_id' },
  read: InsurancePermission.Read,
  write: InsurancePermission.Manage,
});

/** The catastrophe policy belongs to the organization keeping it (the town). */
export const CatastrophePolicies = defineScopedEntity(CatastrophePolicy, {
  table: 'catastrophe_policy',
  scope: { organizationColumn: 'organization_id' },
  read: InsurancePermission.Read,
  write: InsurancePermission.Manage,
});

/** A claim belongs to the organization filing it (the town or the village of the incident). */
export const CatastropheClaims = defineScopedEntity(CatastropheClaim, {
  table: 'catastrophe_claim',
  scope: { organizationColumn: 'organization_id' },
  read: InsurancePermission.Read,
  write: InsurancePermission.Manage,
});

/** The declarations reachable by `node(nodeId:)`. */
export const insuranceNodeEntities = [LiabilityInsurancePolicies, CatastrophePolicies, CatastropheClaims];
