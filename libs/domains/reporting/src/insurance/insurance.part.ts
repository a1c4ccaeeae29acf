import type { ModulePart } from '@platform/core';
import { CreateInsurance1764404130000 } from '../migrations/1764404130000-create-insurance';
import { insuranceBusinessRules } from '../business-rules/insurance';
import { LiabilityInsurancePolicy } from './liability-policy.entity';
import { CatastropheClaim, CatastrophePolicy } from './catastrophe.entity';
import { LiabilityInsuranceCoverageResolver, LiabilityInsurancePolicyResolver } from './liability-policy.resolver';
import { CatastropheClaimResolver, CatastrophePolicyResolver, IncidentCatastropheClaimsResolver } from './catastrophe.resolver';
import { insuranceNodeEntities } from './insurance.entities';
import { insuranceEvents } from './insurance.events';
import { insurancePermissions } from './insurance.permissions';
import { insuranceIndicators } from './insurance-indicators';
import { seedInsurance } from './insurance.seed';

/** 保险 (point 十九): work-safety liability insurance policies and the coverage of mandatory sectors (应急〔2025〕27号), the district's catastrophe insurance and the town's claims linked to incidents. */
export const insurancePart: ModulePart = {
  entities: [LiabilityInsurancePolicy, CatastrophePolicy, CatastropheClaim],
  resolvers: [LiabilityInsurancePolicyResolver, LiabilityInsuranceCoverageResolver, CatastrophePolicyResolver, CatastropheClaimResolver, IncidentCatastropheClaimsResolver],
  migrations: [CreateInsurance1764404130000],
  permissions: insurancePermissions,
  scopedEntities: insuranceNodeEntities,
  events: [insuranceEvents],
  businessRules: insuranceBusinessRules,
  indicators: insuranceIndicators,
  seed: seedInsurance,
};
