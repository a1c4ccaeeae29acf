import { DateTimeResolver, JSONObjectResolver, JSONResolver, UUIDResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';

/** A graphql-scalars scalar with the platform's bilingual description. */
const describe = (scalar: GraphQLScalarType, description: string): GraphQLScalarType => new GraphQLScalarType({ ...scalar.toConfig(), description });

/** First and last day a date input may name: anything outside is a typing error, not a record. */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2100-12-31';
/** The rule's message after the field name, shared by the DateTime scalar and day inputs (validation/day-inputs.ts). */
export const DATE_RANGE_RULE = `must be between ${EARLIEST_DAY} and ${LATEST_DAY}`;

const EARLIEST = Date.parse(`${EARLIEST_DAY}T00:00:00Z`);
const LATEST = Date.parse(`${LATEST_DAY}T23:59:59.999Z`);

/**
 * Refuses an input instant outside 1900-01-01…2100-12-31 (UTC) while the argument is coerced, so
 * the request fails as bad input (400) before any resolver runs. Output is not limited: a stored
 * value is always serialized.
 */
export function plausibleInstant(value: Date, nodes?: ValueNode): Date {
  const time = value.getTime();
  if (time < EARLIEST || time > LATEST) throw new GraphQLError(`DateTime ${DATE_RANGE_RULE}, got ${value.toISOString()}.`, nodes ? { nodes } : {});
  return value;
}

const dateTime = DateTimeResolver.toConfig();

/** The scalars every module uses, from graphql-scalars. */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  description: '日期时间。An RFC 3339 date-time with offset, e.g. 2025-03-25T09:00:00.000Z, from 1900-01-01 to 2100-12-31.',
  parseValue: (value) => plausibleInstant(dateTime.parseValue!(value) as Date),
  parseLiteral: (ast, variables) => plausibleInstant(dateTime.parseLiteral!(ast, variables) as Date, ast),
});
export const UUIDScalar = describe(UUIDResolver, '唯一标识。An RFC 4122 UUID, e.g. 7f3c2a9e-5b1d-4c8a-9e2f-0a1b2c3d4e5f.');
export const JSONScalar = describe(JSONResolver, 'JSON 值。Any JSON value.');
export const JSONObjectScalar = describe(JSONObjectResolver, 'JSON 对象。A JSON object, e.g. a GeoJSON geometry.');

/** Maps TypeScript types to scalars so `@Field() createdAt: Date` needs no explicit type. */
export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
