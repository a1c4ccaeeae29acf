import { defineScopedEntity } from '../data/entity';
import { ALL_ROWS } from '../data/organization-scope';
import { BusinessRuleVersion } from './business-rule-version.entity';
import { BusinessRulePermission } from './business-rules.permissions';

/** Rules are the same for everyone: every version is in scope, and the operations require their permission as usual. */
export const BusinessRuleVersions = defineScopedEntity(BusinessRuleVersion, {
  table: 'business_rule_version',
  scope: { custom: () => ALL_ROWS },
  read: BusinessRulePermission.Read,
  write: BusinessRulePermission.Manage,
});
