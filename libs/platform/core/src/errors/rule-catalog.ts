import type { FieldViolation } from './error-codes';
import { BadUserInputError } from './errors';

/**
 * A module's validation rule names (`extensions.fields[].rule` of BAD_USER_INPUT), declared once, so
 * a misspelled rule does not compile and integrators can switch on a closed list.
 */
export interface RuleCatalog<R extends string = string> {
  /** Every rule of the catalog (the kernel's shared ones first when built on them), in declaration order. */
  readonly names: readonly R[];
  /** Whether `rule` is declared here. */
  has(rule: string): rule is R;
  /** One failing field: `throw rules.field('input.parentId', 'exists', 'no active organization …')`. */
  field(field: string, rule: R, message: string): BadUserInputError;
  /** One entry of a several-field refusal: `new BadUserInputError(message, [rules.violation(…), …])`. */
  violation(field: string, rule: R, message: string): FieldViolation;
}

/** The rule names of a catalog. */
export type RuleOf<C> = C extends RuleCatalog<infer R> ? R : never;

/** The rule name of every "this step does not start from the record's state" refusal, in every module. */
export const WRONG_STATE_RULE = 'state';

const RULE_NAME = /^[a-z][a-zA-Z0-9]*$/;

/**
 * Declares a module's rule names (lower camel case), optionally on top of a catalog it builds on
 * (usually `kernelRules`): `defineRules(['noCycle', 'parentKind'] as const, kernelRules)`. A name the
 * base already has is refused, so each meaning has one spelling (wrong state is always `state`).
 */
export function defineRules<const N extends readonly string[], B extends string = never>(own: N, base?: RuleCatalog<B>): RuleCatalog<N[number] | B> {
  type R = N[number] | B;
  const names: R[] = [...(base?.names ?? [])];
  for (const name of own) {
    if (!RULE_NAME.test(name)) throw new Error(`Rule name ${JSON.stringify(name)} is not lower camel case.`);
    if (names.includes(name)) throw new Error(`Rule ${name} is declared twice${base?.has(name) ? ' (the base catalog has it: reuse it)' : ''}.`);
    names.push(name);
  }
  const declared = new Set<string>(names);
  const check = (rule: string): void => {
    if (!declared.has(rule)) throw new Error(`Rule ${JSON.stringify(rule)} is not declared in this catalog.`);
  };
  return Object.freeze({
    names: Object.freeze(names),
    has: (rule: string): rule is R => declared.has(rule),
    field(field: string, rule: R, message: string): BadUserInputError {
      check(rule);
      return BadUserInputError.field(field, rule, message);
    },
    violation(field: string, rule: R, message: string): FieldViolation {
      check(rule);
      return { field, rule, message };
    },
  });
}

/**
 * The rules every module shares; a module reuses these instead of spelling its own. Besides them
 * (and a module's own), `rule` may name a class-validator constraint (`isLength`, `matches`, `max`…).
 */
export const kernelRules = defineRules([
  /** A referenced record (or organization) is missing, archived or beyond the caller's scope. */
  'exists',
  /** A value that must be unique is already taken. */
  'unique',
  /** Wrong state: the record's state does not allow this step (the one spelling; `WRONG_STATE_RULE`). */
  WRONG_STATE_RULE,
  /** The record is archived (or closed) and cannot be changed or used. */
  'notArchived',
  /** A date lies in the future (after today in China). */
  'notFuture',
  /** A value or period lies outside its allowed range. */
  'range',
  /** A value this case needs is missing. */
  'required',
  /** A check character (ID number GB 11643, unified social credit code GB 32100) is wrong. */
  'checkDigit',
  /** A period's last day before its first (`filter.to` before `filter.from`). */
  'notBeforeFrom',
  /** A time range whose end is not after its start. */
  'afterFrom',
  /** Ending something (a position, an appointment) that has already ended. */
  'notEnded',
  /** `after`/`before` is not a cursor this list handed out for the same `orderBy`. */
  'cursor',
  /** An argument given with one it excludes (a page's `last` with `first`). */
  'exclusive',
  /** Text PostgreSQL cannot store (NUL, unpaired surrogates). */
  'text',
  /** A global id (`nodeId`) that is not one this API hands out, or not of a type the field accepts. */
  'globalId',
] as const);

export type KernelRule = RuleOf<typeof kernelRules>;
