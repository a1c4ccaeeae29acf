import { GraphQLError, Kind, parseValue } from 'graphql';
import { DecimalScalar, compareDecimals, normalizeDecimal, subtractDecimals } from './decimal';

const literal = (source: string) => DecimalScalar.parseLiteral(parseValue(source), {});

describe('DecimalScalar', () => {
  it('serializes the decimal text pg returns with two decimals, whatever scale it came with', () => {
    expect(['1234.5', '1234.50', '1186500', '0', '0.00', '-5', '7.500', '0012.30'].map((v) => DecimalScalar.serialize(v))).toEqual([
      '1234.50',
      '1234.50',
      '1186500.00',
      '0.00',
      '0.00',
      '-5.00',
      '7.50',
      '12.30',
    ]);
  });

  it('refuses to serialize a number or a value it would have to round: amounts are decimal strings in the code', () => {
    expect(() => DecimalScalar.serialize(1234.5)).toThrow(new GraphQLError('Decimal cannot represent a number: amounts are decimal strings of scale 2.'));
    expect(() => DecimalScalar.serialize('1.005')).toThrow('Decimal cannot represent "1.005"');
    expect(() => DecimalScalar.serialize('1e3')).toThrow('Decimal cannot represent "1e3"');
    expect(() => DecimalScalar.serialize(null)).toThrow('Decimal cannot represent a object');
  });

  it('parses a string from a variable or a literal into the normalized text', () => {
    expect(DecimalScalar.parseValue('1234.5')).toBe('1234.50');
    expect(DecimalScalar.parseValue('400')).toBe('400.00');
    expect(DecimalScalar.parseValue('-0.10')).toBe('-0.10');
    expect(DecimalScalar.parseValue('-0')).toBe('0.00');
    expect(DecimalScalar.parseValue('999999999999999.99')).toBe('999999999999999.99');
    expect(literal('"0.01"')).toBe('0.01');
  });

  it('refuses a JSON or GraphQL number, naming the value and the string form', () => {
    expect(() => DecimalScalar.parseValue(1234.5)).toThrow(new GraphQLError('Decimal must be a string such as "1234.50" (an amount never travels as a binary floating-point number), got 1234.5.'));
    expect(() => literal('1234.5')).toThrow('Decimal must be a string such as "1234.50" (an amount never travels as a binary floating-point number), got 1234.5.');
    expect(() => literal('100')).toThrow('got 100.');
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.BOOLEAN, value: true }, {})).toThrow('got true.');
  });

  it('refuses more than two decimals, more than 15 digits before the point and anything that is not plain decimal text', () => {
    for (const bad of ['10.005', '10.000', '1234567890123456', '1e3', ' 12', '12 ', '+12', '1,000.00', '.5', '5.', '0x10', '', '¥100', 'NaN', 'Infinity']) {
      expect(() => DecimalScalar.parseValue(bad)).toThrow(`Decimal must be a decimal number with at most 15 digits before the point and 2 after it, such as "1234.50", got ${JSON.stringify(bad)}.`);
    }
  });
});

describe('decimal helpers', () => {
  it('normalizes without rounding', () => {
    expect([normalizeDecimal('00.1'), normalizeDecimal('1.230'), normalizeDecimal('1.239'), normalizeDecimal('-0.00'), normalizeDecimal('12,5')]).toEqual(['0.10', '1.23', null, '0.00', null]);
  });

  it('compares and subtracts exactly, where binary floats would not', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(compareDecimals('0.30', subtractDecimals('0.50', '0.20'))).toBe(0);
    expect(subtractDecimals('1000.00', '600.10')).toBe('399.90');
    expect(subtractDecimals('0.10', '0.30')).toBe('-0.20');
    expect(subtractDecimals('999999999999.99', '0.01')).toBe('999999999999.98');
    expect([compareDecimals('400.01', '400'), compareDecimals('-1', '0'), compareDecimals('1000000', '1000000.00')]).toEqual([1, -1, 0]);
  });
});
