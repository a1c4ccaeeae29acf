import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the access module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones it uses (`exists` for a role code of the command line, `required` for a
 * home organization, `range` for a key's expiry, `unique` for an assignment held already, `state`
 * for revoking a trusted document twice) and its own below. Raise them with `accessRules.field(field, rule, message)`.
 */
export const accessRules = defineRules(
  [
    /** System roles follow the modules' declarations: only custom roles are changed by hand. */
    'customRole',
    /** A permission no enabled module declares. */
    'declared',
    /** Revoking a permission the role does not hold. */
    'granted',
    /** The change would leave no active super admin. */
    'lastSuperAdmin',
    /** Deleting a role that is still assigned. */
    'notAssigned',
    /** A trusted document that is not GraphQL syntax (the message quotes the parser). */
    'graphqlSyntax',
    /** A trusted document that does not validate against the schema (the message lists graphql-js's errors). */
    'graphqlValidation',
  ] as const,
  kernelRules,
);

export type AccessRule = RuleOf<typeof accessRules>;
