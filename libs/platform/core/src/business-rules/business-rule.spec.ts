import { z } from 'zod';
import { businessRuleSql, defineBusinessRule, registerBusinessRules } from './business-rule';
import { positional, sql } from '../sql/sql';

describe('business rule declarations', () => {
  const rule = (code: string) => defineBusinessRule({ code, nameZh: '测试', description: 'A test rule.', schema: z.object({ days: z.int() }) });

  it('refuses a code that is not module.dotted-lower-case', () => {
    for (const bad of ['risk', 'Risk.deadline', 'risk.', 'risk..deadline', 'risk.dead line', `risk.${'x'.repeat(100)}`]) expect(() => rule(bad)).toThrow(/is not module\.dotted-lower-case/);
    expect(rule('risk.rectification.major-hazard').code).toBe('risk.rectification.major-hazard');
  });

  it('registers each module\'s rules under its own prefix, once', () => {
    const registry = registerBusinessRules([{ name: 'risk', businessRules: [rule('risk.a'), rule('risk.b.c')] }, { name: 'warnings' }]);
    expect([...registry.entries()].map(([code, r]) => [code, r.module])).toEqual([['risk.a', 'risk'], ['risk.b.c', 'risk']]);
    expect(() => registerBusinessRules([{ name: 'risk', businessRules: [rule('warnings.a')] }])).toThrow('Business rule warnings.a of module risk must start with "risk.".');
    expect(() => registerBusinessRules([{ name: 'risk', businessRules: [rule('risk.a'), rule('risk.a')] }])).toThrow('Business rule risk.a is declared twice.');
  });

  it('writes the SQL forms with the code as a parameter or an expression', () => {
    expect(positional(businessRuleSql.versionAt('risk.a', '2026-01-01'))).toEqual({ text: 'business_rule_version_at(CAST($1 AS text), CAST($2 AS date))', values: ['risk.a', '2026-01-01'] });
    expect(positional(businessRuleSql.valueOf(businessRuleSql.versionAt(sql`t.rule_code`, sql`t.opened_on`))).text).toBe('(SELECT brv.value FROM business_rule_version brv WHERE brv.id = business_rule_version_at(t.rule_code, t.opened_on))');
  });
});
