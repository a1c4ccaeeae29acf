import { IsOptional, validate } from 'class-validator';
import { IsDay, isPlausibleDay } from './day-inputs';

class Period {
  @IsDay('from')
  from: string;

  @IsOptional()
  @IsDay('to')
  to?: string | null;
}

const rulesOf = async (from: string, to?: string | null) => {
  const errors = await validate(Object.assign(new Period(), { from, to }));
  return errors.map((e) => ({ property: e.property, constraints: e.constraints }));
};

describe('IsDay', () => {
  it('accepts days from 1900-01-01 to 2100-12-31', async () => {
    expect(await rulesOf('1900-01-01', '2100-12-31')).toEqual([]);
    expect(await rulesOf('2026-02-28', null)).toEqual([]);
  });

  it('refuses a day outside the range with rule dateRange, naming the range', async () => {
    expect(await rulesOf('1000-01-01', '2101-01-01')).toEqual([
      { property: 'from', constraints: { dateRange: 'from must be between 1900-01-01 and 2100-12-31' } },
      { property: 'to', constraints: { dateRange: 'to must be between 1900-01-01 and 2100-12-31' } },
    ]);
    expect(await rulesOf('1899-12-31')).toEqual([{ property: 'from', constraints: { dateRange: 'from must be between 1900-01-01 and 2100-12-31' } }]);
    // validator.js's strict check misreads years below 100, so year 1 also fails isIso8601.
    expect((await rulesOf('0001-01-01'))[0]!.constraints).toMatchObject({ dateRange: 'from must be between 1900-01-01 and 2100-12-31' });
  });

  it('reports a malformed day by its format rules only', async () => {
    const [error] = await rulesOf('yesterday');
    expect(Object.keys(error!.constraints!).sort()).toEqual(['isIso8601', 'matches']);
    expect(Object.keys((await rulesOf('2025-02-30'))[0]!.constraints!)).toEqual(['isIso8601']);
  });
});

describe('isPlausibleDay', () => {
  it('compares ISO days at the bounds', () => {
    expect([isPlausibleDay('1899-12-31'), isPlausibleDay('1900-01-01'), isPlausibleDay('2100-12-31'), isPlausibleDay('2101-01-01')]).toEqual([false, true, true, false]);
  });
});
