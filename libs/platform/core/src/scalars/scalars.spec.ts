import { GraphQLError, Kind } from 'graphql';
import { DateTimeScalar } from './scalars';

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
