// The part's public face (re-exported by the module's index.ts): the picture's types, the rule, the
// permission, and the SQL other parts can rank or count enterprises with.
export { EnterprisePicture, EnterpriseRedListEntry, EnterpriseStatusReason, EnterpriseDrillStanding, EnterpriseInsuranceStanding } from './enterprise-picture.types';
export { EnterpriseReasonCode, EnterpriseStatus, REASON_WORDS } from './enterprise-picture.enums';
export { EnterprisePicturePermission } from './enterprise-picture.permissions';
export { ENTERPRISE_STATUS_RULE, type EnterpriseStatusRule } from '../business-rules/enterprise-status';
export { standingRowsSql, type StandingQuery } from './enterprise-picture.sql';
export { enterprisePictureIndicators } from './enterprise-picture-indicators';
