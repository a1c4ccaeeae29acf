import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/** The data-health part's validation rules (`extensions.fields[].rule`): the module's and the kernel's. */
export const healthRules = defineRules([] as const, scenariosRules);

export type HealthRule = RuleOf<typeof healthRules>;
