import { IndicatorDirection, IndicatorUnit, defineIndicator, registerIndicators } from './indicator';
import { sql } from '../sql/sql';

describe('indicator declarations', () => {
  const indicator = (code: string) => defineIndicator({ code, nameZh: '测试', nameEn: 'Test', description: 'A test.', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.LOWER_IS_BETTER, permission: 'risk.hazard:read', compute: () => sql`SELECT 1 AS numerator` });

  it('refuses a code that is not module.dotted-lower-case', () => {
    for (const bad of ['risk', 'Risk.rate', 'risk.', 'risk rate.x']) expect(() => indicator(bad)).toThrow(/is not module\.dotted-lower-case/);
  });

  it('registers each module\'s indicators under its own prefix, once', () => {
    expect([...registerIndicators([{ name: 'risk', indicators: [indicator('risk.a')] }, { name: 'kernel' }]).keys()]).toEqual(['risk.a']);
    expect(() => registerIndicators([{ name: 'risk', indicators: [indicator('warnings.a')] }])).toThrow('Indicator warnings.a of module risk must start with "risk.".');
    expect(() => registerIndicators([{ name: 'risk', indicators: [indicator('risk.a')] }, { name: 'risk2', indicators: [indicator('risk.a')] }])).toThrow(/must start with "risk2\."/);
    expect(() => registerIndicators([{ name: 'risk', indicators: [indicator('risk.a'), indicator('risk.a')] }])).toThrow('Indicator risk.a is registered twice.');
  });
});
