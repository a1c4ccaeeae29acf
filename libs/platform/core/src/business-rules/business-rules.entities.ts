import { defineScopedEntity } from '../data/entity';
import { defineReference } from '../read-compiler/declarations';
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

/**
 * Rule versions by id, within the caller's read scope (others load as null): what a record's
 * `…RuleVersion` field reads (`@ReadsRelation`), one loader for every module, one statement per request level.
 */
export const BusinessRuleVersionReference = defineReference(BusinessRuleVersions, 'kernel.businessRuleVersion.byId');
