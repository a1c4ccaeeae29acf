import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/** The equipment part's validation rules (`extensions.fields[].rule`), on top of the module's and the kernel's. */
export const equipmentRules = defineRules(
  [
    /** The organization named is not an enterprise. */
    'organizationKind',
  ] as const,
  scenariosRules,
);

export type EquipmentRule = RuleOf<typeof equipmentRules>;
