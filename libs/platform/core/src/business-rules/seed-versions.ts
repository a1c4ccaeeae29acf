import type { QueryRunner } from 'typeorm';
import type { RuleJurisdiction } from './business-rule-version.entity';
import type { BusinessRuleDefinition } from './business-rule';

/** One version a module's migration seeds (the document's own words, with a note where a value is unverified). */
export interface BusinessRuleVersionSeed<V extends Record<string, unknown> = Record<string, unknown>> {
  readonly rule: BusinessRuleDefinition<V>;
  readonly jurisdiction: `${RuleJurisdiction}`;
  readonly jurisdictionName: string;
  readonly documentNumber: string;
  readonly documentTitle?: string;
  readonly article?: string;
  readonly value: V;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
  readonly note?: string;
}

/** A typed seed row: the value is checked against the rule's type at compile time and its schema when inserted. */
export const ruleVersionSeed = <V extends Record<string, unknown>>(seed: BusinessRuleVersionSeed<V>): BusinessRuleVersionSeed => seed as unknown as BusinessRuleVersionSeed;

/** Inserts a module's seeded versions in one statement (from its migration); each value must pass its rule's schema. */
export async function insertBusinessRuleVersions(q: QueryRunner, seeds: readonly BusinessRuleVersionSeed[]): Promise<void> {
  if (!seeds.length) return;
  const values = seeds.map((s) => JSON.stringify(s.rule.schema.parse(s.value)));
  await q.query(
    `INSERT INTO business_rule_version (rule_code, jurisdiction, jurisdiction_name, document_number, document_title, article, value, effective_from, effective_to, note)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::date[], $9::date[], $10::text[])`,
    [
      seeds.map((s) => s.rule.code),
      seeds.map((s) => s.jurisdiction),
      seeds.map((s) => s.jurisdictionName),
      seeds.map((s) => s.documentNumber),
      seeds.map((s) => s.documentTitle ?? null),
      seeds.map((s) => s.article ?? null),
      values,
      seeds.map((s) => s.effectiveFrom),
      seeds.map((s) => s.effectiveTo ?? null),
      seeds.map((s) => s.note ?? null),
    ],
  );
}
