import type { ScenariosPart } from '../scenarios.part';
import { EnterpriseStatusRule1764404290000 } from '../migrations/1764404290000-enterprise-status-rule';
import { EnterpriseDrillStandingResolver, EnterpriseInsuranceStandingResolver, EnterprisePictureResolver, EnterpriseRedListEntryResolver, EnterpriseStatusReasonResolver } from './enterprise-picture.resolver';
import { enterprisePicturePermissions } from './enterprise-picture.permissions';
import { enterprisePictureIndicators } from './enterprise-picture-indicators';
import { ENTERPRISE_STATUS_RULE } from '../business-rules/enterprise-status';

/**
 * 企业安全管家 (point 二十二): one query for an enterprise's whole picture with its composite status
 * and reasons, and the ranked red list. No table of its own: it reads every other module through its
 * public face, in the scope of scenarios.enterprise-picture:read; its rule scenarios.enterprise-status
 * sets each reason's level and weight.
 */
export const enterprisePicturePart: ScenariosPart = {
  entities: [],
  resolvers: [EnterprisePictureResolver, EnterpriseRedListEntryResolver, EnterpriseStatusReasonResolver, EnterpriseInsuranceStandingResolver, EnterpriseDrillStandingResolver],
  migrations: [EnterpriseStatusRule1764404290000],
  permissions: enterprisePicturePermissions,
  scopedEntities: [],
  events: [],
  businessRules: [ENTERPRISE_STATUS_RULE],
  indicators: enterprisePictureIndicators,
};
