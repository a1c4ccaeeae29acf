import { z } from 'zod';
import type { RequestContext } from '../context/request-context';
import { unscoped } from '../data/records';
import { kernelRules } from '../errors/rule-catalog';
import { SortDirection } from '../pagination/sort-direction';
import { Sql, sql } from '../sql/sql';
import { daySql, type DayExpression } from '../calendar/working-days';
import type { BusinessRuleVersion } from './business-rule-version.entity';
import { BusinessRuleVersions } from './business-rules.entities';

/**
 * Versioned business rules (业务规则): thresholds, deadlines, tiers and rates are data, not constants.
 * A module declares each rule once (`defineBusinessRule`: code, name, the shape of its value as a zod
 * schema) in its `DomainModule.businessRules`; the versions (value, jurisdiction, document, article,
 * effective period) live in `business_rule_version`, seeded by the module's migration and added by
 * admins through the API. Whatever a module computes from a rule (a due date, a grade, a band) it
 * stores together with the version's id, so a record opened before a rule changes keeps its version.
 */

/** A rule's code: the declaring module's name, then dot-separated lower-case words, e.g. `responsibility.supervision.interview`. */
export const BUSINESS_RULE_CODE = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** A declared rule; `V` is the type of its value. */
export interface BusinessRuleDefinition<V extends Record<string, unknown> = Record<string, unknown>> {
  /** Stable code, prefixed with the module's name. */
  readonly code: string;
  /** Chinese name, e.g. 约谈整改时限. */
  readonly nameZh: string;
  /** English sentence: what the value means and where it is used. */
  readonly description: string;
  /** The value's shape, checked when a version is added (and published as JSON Schema). */
  readonly schema: z.ZodType<V>;
}

/** Declares a rule: `defineBusinessRule({ code, nameZh, description, schema: z.object({ days: z.int().min(1) }) })`. */
export function defineBusinessRule<S extends z.ZodObject>(definition: {
  readonly code: string;
  readonly nameZh: string;
  readonly description: string;
  readonly schema: S;
}): BusinessRuleDefinition<z.infer<S>> {
  if (!BUSINESS_RULE_CODE.test(definition.code) || definition.code.length > 100) throw new Error(`Business rule code ${JSON.stringify(definition.code)} is not module.dotted-lower-case (at most 100 characters).`);
  return definition as unknown as BusinessRuleDefinition<z.infer<S>>;
}

/** The service (`ctx.service`) holding every enabled module's rules by code. */
export const BUSINESS_RULES = 'kernel.businessRules';

/** A declared rule with the module that declared it. */
export interface RegisteredBusinessRule {
  readonly module: string;
  readonly definition: BusinessRuleDefinition;
}

/** Collects the rules of the enabled modules; a code outside its module's prefix, or declared twice, stops the start. */
export function registerBusinessRules(modules: ReadonlyArray<{ readonly name: string; readonly businessRules?: readonly BusinessRuleDefinition[] }>): ReadonlyMap<string, RegisteredBusinessRule> {
  const out = new Map<string, RegisteredBusinessRule>();
  for (const m of modules) {
    for (const definition of m.businessRules ?? []) {
      if (!definition.code.startsWith(`${m.name}.`)) throw new Error(`Business rule ${definition.code} of module ${m.name} must start with "${m.name}.".`);
      if (out.has(definition.code)) throw new Error(`Business rule ${definition.code} is declared twice.`);
      out.set(definition.code, { module: m.name, definition });
    }
  }
  return out;
}

/** A version as a module applies it: its id (store it with the result), its value as the rule's type, and the whole record. */
export interface AppliedRule<V> {
  readonly id: string;
  readonly value: V;
  readonly version: BusinessRuleVersion;
}

const APPLIED = 'a rule applies to whatever the caller does, whether or not the caller may read the rules themselves';
const applied = <V>(version: BusinessRuleVersion): AppliedRule<V> => ({ id: version.id, value: version.value as V, version });

/** SQL forms, so deadlines computed from rules stay in one statement with the rows they are for. */
export const businessRuleSql = {
  /**
   * The id of the version of rule `code` that applies on the day: not withdrawn, in its period, the
   * most local jurisdiction first, then the latest first day, then the latest added. NULL when none does.
   */
  versionAt: (code: string | Sql, day: DayExpression): Sql => sql`business_rule_version_at(${code instanceof Sql ? code : sql`CAST(${code} AS text)`}, ${daySql(day)})`,
  /** The value (jsonb) of the version with the id in `versionId` (e.g. a record's `rule_version_id` column). */
  valueOf: (versionId: Sql): Sql => sql`(SELECT brv.value FROM business_rule_version brv WHERE brv.id = ${versionId})`,
};

/** The TypeScript side: the version in force on a day, or the one a record stored. */
export const businessRules = {
  /**
   * The version of `rule` that applies on `day` (see `businessRuleSql.versionAt`). When none does, a
   * BAD_USER_INPUT naming `field` (the input that chose the day): the office must add a version first.
   */
  async inForce<V extends Record<string, unknown>>(ctx: RequestContext, rule: BusinessRuleDefinition<V>, day: string, field = 'day'): Promise<AppliedRule<V>> {
    const [version] = await unscoped(ctx, BusinessRuleVersions, APPLIED)
      .where(sql`t.id = ${businessRuleSql.versionAt(rule.code, day)}`)
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
    if (!version) throw kernelRules.field(field, 'exists', `no version of the rule ${rule.code} (${rule.nameZh}) applies on ${day}: add one (addBusinessRuleVersion).`);
    return applied<V>(version);
  },

  /** The version a record stored, by id (batched per request); it must be a version of `rule`. */
  async stored<V extends Record<string, unknown>>(ctx: RequestContext, rule: BusinessRuleDefinition<V>, id: string): Promise<AppliedRule<V>> {
    const loader = ctx.loaders.get<string, BusinessRuleVersion | null>('kernel.business-rule-version', undefined, (ids) => unscoped(ctx, BusinessRuleVersions, APPLIED).many(ids));
    const version = await loader.load(id);
    if (!version || version.ruleCode !== rule.code) throw new Error(`Rule version ${id} is not a version of ${rule.code}.`);
    return applied<V>(version);
  },
};
