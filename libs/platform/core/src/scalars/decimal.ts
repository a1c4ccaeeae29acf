import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

/**
 * Digits after the point of every Decimal: amounts of money in yuan to the fen (分), as the
 * `numeric(p, 2)` columns hold them.
 */
export const DECIMAL_SCALE = 2;

/** Most digits before the point an input may have (the fields' own limits are lower: numeric(14,2) holds 12). */
const MAX_INPUT_INTEGER_DIGITS = 15;
/** What an input may be: digits, an optional `-`, at most DECIMAL_SCALE decimals. */
const INPUT = new RegExp(`^-?\\d{1,${MAX_INPUT_INTEGER_DIGITS}}(\\.\\d{1,${DECIMAL_SCALE}})?$`);

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A decimal text with exactly DECIMAL_SCALE decimals, no leading zeros and no negative zero
 * (`'0012.5'` → `'12.50'`); null when `text` is not a plain decimal or has non-zero digits beyond
 * the scale (nothing is rounded).
 */
export function normalizeDecimal(text: string): string | null {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return null;
  const [, sign, digits, decimals = ''] = match as unknown as [string, string, string, string | undefined];
  const integer = digits.replace(/^0+(?=\d)/, '');
  if (/[1-9]/.test(decimals.slice(DECIMAL_SCALE))) return null;
  const fraction = decimals.slice(0, DECIMAL_SCALE).padEnd(DECIMAL_SCALE, '0');
  const zero = /^0+$/.test(integer + fraction);
  return `${sign && !zero ? '-' : ''}${integer}.${fraction}`;
}

/** The value of a Decimal in units of its last digit (fen), exact: `'12.50'` → `1250n`. */
function decimalUnits(value: string): bigint {
  const normal = normalizeDecimal(value);
  if (normal === null) throw new Error(`Not a decimal of scale ${DECIMAL_SCALE}: ${JSON.stringify(value)}`);
  return BigInt(normal.replace('.', ''));
}

/** A Decimal from units of its last digit: `1250n` → `'12.50'`. */
function decimalFromUnits(units: bigint): string {
  const digits = (units < 0n ? -units : units).toString().padStart(DECIMAL_SCALE + 1, '0');
  return `${units < 0n ? '-' : ''}${digits.slice(0, -DECIMAL_SCALE)}.${digits.slice(-DECIMAL_SCALE)}`;
}

/** `a − b`, exact (for a value derived from two loaded amounts; sums over rows run in SQL). */
export function subtractDecimals(a: string, b: string): string {
  return decimalFromUnits(decimalUnits(a) - decimalUnits(b));
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`, compared exactly. */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const d = decimalUnits(a) - decimalUnits(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

const EXAMPLE = '"1234.50"';

function parseDecimal(value: unknown, nodes?: ValueNode): string {
  if (typeof value !== 'string') {
    const shown = nodes ? print(nodes) : JSON.stringify(value);
    throw new GraphQLError(`Decimal must be a string such as ${EXAMPLE} (an amount never travels as a binary floating-point number), got ${shown}.`, nodes ? { nodes } : {});
  }
  const normal = INPUT.test(value) ? normalizeDecimal(value) : null;
  if (normal === null) {
    throw new GraphQLError(`Decimal must be a decimal number with at most ${MAX_INPUT_INTEGER_DIGITS} digits before the point and ${DECIMAL_SCALE} after it, such as ${EXAMPLE}, got ${JSON.stringify(value)}.`, nodes ? { nodes } : {});
  }
  return normal;
}

/**
 * An exact decimal amount (money in yuan): a string on the wire in both directions, never a JSON
 * number. Output always carries DECIMAL_SCALE decimals (`"1234.50"`, `"0.00"`); input is a string
 * of digits with an optional `-` and at most DECIMAL_SCALE decimals (`"1234.5"` becomes
 * `"1234.50"`), refused while the argument is coerced otherwise (a JSON or GraphQL number too).
 * In the code a Decimal is that normalized string, as pg returns `numeric`; sums and comparisons
 * of stored amounts run in SQL. graphql-scalars has no decimal scalar (its `USCurrency` is integer
 * cents), hence the platform's own.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: `十进制金额。An exact decimal number as a string, e.g. ${EXAMPLE}: money in yuan with ${DECIMAL_SCALE} decimals (always ${DECIMAL_SCALE} in answers). Input is a string too (a JSON number is refused): optional "-", up to ${MAX_INPUT_INTEGER_DIGITS} digits, optionally "." and up to ${DECIMAL_SCALE} decimals; each field states its range.`,
  serialize(value: unknown): string {
    const normal = typeof value === 'string' ? normalizeDecimal(value) : null;
    if (normal === null) throw new GraphQLError(`Decimal cannot represent ${typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`}: amounts are decimal strings of scale ${DECIMAL_SCALE}.`);
    return normal;
  },
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => parseDecimal(ast.kind === Kind.STRING ? ast.value : null, ast),
  extensions: { codegenScalarType: 'string', jsonSchema: { title: 'Decimal', type: 'string', pattern: INPUT.source } },
});
