import { IsDefined, validate } from 'class-validator';
import { BadUserInputError } from '../errors/errors';
import { UnlessOmitted, assertNotBefore, assertNotFuture } from './day-inputs';

class Change {
  @UnlessOmitted()
  @IsDefined({ message: 'heldOn cannot be cleared: omit it to keep the day.' })
  heldOn?: string | null;
}

describe('UnlessOmitted', () => {
  it('skips an omitted field and validates null, so a day that cannot be cleared refuses null', async () => {
    expect(await validate(Object.assign(new Change(), {}))).toEqual([]);
    expect(await validate(Object.assign(new Change(), { heldOn: '2026-11-29' }))).toEqual([]);
    const [error] = await validate(Object.assign(new Change(), { heldOn: null }));
    expect(error!.constraints).toEqual({ isDefined: 'heldOn cannot be cleared: omit it to keep the day.' });
  });
});

describe('assertNotFuture', () => {
  it('refuses a day after today with rule notFuture on the field; today, earlier days and none pass', () => {
    expect(() => assertNotFuture('2026-11-29', 'input.heldOn', '2026-11-29')).not.toThrow();
    expect(() => assertNotFuture('2025-01-01', 'input.heldOn', '2026-11-29')).not.toThrow();
    expect(() => assertNotFuture(null, 'input.heldOn', '2026-11-29')).not.toThrow();
    let error: unknown;
    try {
      assertNotFuture('2026-11-30', 'input.heldOn', '2026-11-29');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).extensions['fields']).toEqual([{ field: 'input.heldOn', rule: 'notFuture', message: 'must not be in the future.' }]);
  });
});

describe('assertNotBefore', () => {
  it('refuses a range ending before it starts with rule notBeforeFrom on the end field; days and instants alike', () => {
    for (const [from, to] of [['2026-05-02', '2026-05-01'], [new Date('2026-05-02T00:00:00Z'), new Date('2026-05-01T23:59:59Z')]] as const) {
      let error: unknown;
      try {
        assertNotBefore<string | Date>(from, to, 'filter.to', 'from');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).extensions['fields']).toEqual([{ field: 'filter.to', rule: 'notBeforeFrom', message: 'must not be before from.' }]);
    }
  });

  it('lets equal ends, and a range with either end missing, pass', () => {
    expect(() => assertNotBefore('2026-05-01', '2026-05-01', 'filter.to', 'from')).not.toThrow();
    expect(() => assertNotBefore(new Date(5), new Date(5), 'filter.to', 'from')).not.toThrow();
    expect(() => assertNotBefore(null, '2026-05-01', 'filter.to', 'from')).not.toThrow();
    expect(() => assertNotBefore('2026-05-01', undefined, 'filter.to', 'from')).not.toThrow();
  });
});
