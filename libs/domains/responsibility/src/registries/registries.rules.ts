import { defineRules, type RuleOf } from '@platform/core';
import { responsibilityRules } from '../responsibility.rules';

/**
 * The registries part's own validation rules, on top of the module's (`exists`, `unique`, `state`,
 * `notFuture`, `range`, …): raise them with `registriesRules.field(field, rule, message)`.
 */
export const registriesRules = defineRules(
  [
    /** An organization given as a department (supervising, responsible, "四个一") is not of kind DEPARTMENT. */
    'departmentKind',
    /** A geometry that is not a GeoJSON LineString in WGS 84 within China. */
    'lineString',
    /** A 三同时 stage recorded for a project that has not reached it. */
    'stageNotReached',
  ] as const,
  responsibilityRules,
);

export type RegistriesRule = RuleOf<typeof registriesRules>;
