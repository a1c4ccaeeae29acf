import { GraphQLError, Kind, parseValue } from 'graphql';
import { DateTimeScalar, LocalDateScalar, LocalTimeScalar } from './scalars';

const literal = (value: string) => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value }, {});

describe('DateTimeScalar', () => {
  it('parses instants from 1900-01-01 to 2100-12-31 (UTC)', () => {
    expect(DateTimeScalar.parseValue('1900-01-01T00:00:00Z')).toEqual(new Date('1900-01-01T00:00:00Z'));
    expect(DateTimeScalar.parseValue('2100-12-31T23:59:59.999Z')).toEqual(new Date('2100-12-31T23:59:59.999Z'));
    expect(literal('2025-03-25T09:00:00+08:00')).toEqual(new Date('2025-03-25T01:00:00Z'));
  });

  it('refuses an instant outside the range, from a variable or a literal, with a message naming the range', () => {
    for (const parse of [(v: string) => DateTimeScalar.parseValue(v), literal]) {
      expect(() => parse('0001-01-01T00:00:00Z')).toThrow(new GraphQLError('DateTime must be between 1900-01-01 and 2100-12-31, got 0001-01-01T00:00:00.000Z.'));
      expect(() => parse('1899-12-31T23:59:59Z')).toThrow(/between 1900-01-01 and 2100-12-31/);
      expect(() => parse('2101-01-01T00:00:00Z')).toThrow(/between 1900-01-01 and 2100-12-31/);
    }
  });

  it('still refuses malformed values as graphql-scalars does', () => {
    expect(() => DateTimeScalar.parseValue('2026-02-30T00:00:00Z')).toThrow(/invalid date-time-string/);
  });

  it('serializes any stored value, in range or not', () => {
    const old = new Date('0001-01-01T00:00:00Z');
    expect(DateTimeScalar.serialize(old)).toBe(old);
  });
});

describe('LocalDateScalar', () => {
  const day = (source: string) => LocalDateScalar.parseLiteral(parseValue(source), {});

  it('parses calendar days from 1900-01-01 to 2100-12-31, kept as YYYY-MM-DD strings', () => {
    expect([LocalDateScalar.parseValue('1900-01-01'), LocalDateScalar.parseValue('2024-02-29'), day('"2100-12-31"')]).toEqual(['1900-01-01', '2024-02-29', '2100-12-31']);
    expect(LocalDateScalar.specifiedByURL).toBe('https://www.rfc-editor.org/rfc/rfc3339#section-5.6');
  });

  it('refuses what is not a real day in range, with one message naming the value, from a variable or a literal', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-2-3', '20250203', '2025-02-03T00:00:00Z', ' 2025-02-03', '1899-12-31', '2101-01-01', '0001-01-01', 'yesterday']) {
      expect(() => LocalDateScalar.parseValue(bad)).toThrow(new GraphQLError(`LocalDate must be a calendar day YYYY-MM-DD from 1900-01-01 to 2100-12-31, got ${JSON.stringify(bad)}.`));
    }
    expect(() => LocalDateScalar.parseValue(20250203)).toThrow('got 20250203.');
    expect(() => day('"2025-02-30"')).toThrow('LocalDate must be a calendar day YYYY-MM-DD from 1900-01-01 to 2100-12-31, got "2025-02-30".');
    expect(() => day('20250203')).toThrow('got 20250203.');
  });

  it('serializes stored days, also outside the input range, and refuses a Date object', () => {
    expect(LocalDateScalar.serialize('1850-06-01')).toBe('1850-06-01');
    expect(() => LocalDateScalar.serialize(new Date('2025-01-01T00:00:00Z'))).toThrow(/not string/);
  });
});

describe('LocalTimeScalar', () => {
  it('parses HH:MM, and HH:MM:SS only on a whole minute, returning HH:MM', () => {
    expect(['00:00', '08:30', '23:59', '17:30:00', '17:30:00.000'].map((t) => LocalTimeScalar.parseValue(t))).toEqual(['00:00', '08:30', '23:59', '17:30', '17:30']);
    expect(LocalTimeScalar.parseLiteral(parseValue('"06:05"'), {})).toBe('06:05');
  });

  it('refuses seconds, out-of-range and malformed times, naming the value', () => {
    for (const bad of ['08:30:15', '08:30:00.500', '24:00', '8:30', '08:60', '0830', '08:30Z', '']) {
      expect(() => LocalTimeScalar.parseValue(bad)).toThrow(new GraphQLError(`LocalTime must be a time of day HH:MM from 00:00 to 23:59 (seconds, if given, :00), got ${JSON.stringify(bad)}.`));
    }
    expect(() => LocalTimeScalar.parseLiteral(parseValue('830'), {})).toThrow('got 830.');
  });

  it('serializes the stored HH:MM', () => {
    expect(LocalTimeScalar.serialize('17:30')).toBe('17:30');
  });
});
