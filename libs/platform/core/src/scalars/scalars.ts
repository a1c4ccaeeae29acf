import { DateTimeResolver, JSONObjectResolver, JSONResolver, LocalDateResolver, LocalTimeResolver, UUIDResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';

/** A graphql-scalars scalar with the platform's bilingual description. */
const describe = (scalar: GraphQLScalarType, description: string): GraphQLScalarType => new GraphQLScalarType({ ...scalar.toConfig(), description });

/** First and last day a date input may name: anything outside is a typing error, not a record. */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2100-12-31';
/** The DateTime scalar's range, in its message (LocalDate names the same range). */
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

/** Where RFC 3339 defines `full-date` (YYYY-MM-DD), the format of LocalDate. */
export const LOCAL_DATE_SPEC = 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6';

const localDate = LocalDateResolver.toConfig();

/** The day an input names, refused unless a real calendar day within EARLIEST_DAY…LATEST_DAY. */
function plausibleDay(value: unknown, nodes?: ValueNode): string {
  const shown = nodes ? print(nodes) : JSON.stringify(value);
  let day: string;
  try {
    day = localDate.parseValue!(value) as string;
  } catch {
    day = '';
  }
  if (!day || day < EARLIEST_DAY || day > LATEST_DAY) {
    throw new GraphQLError(`LocalDate must be a calendar day YYYY-MM-DD from ${EARLIEST_DAY} to ${LATEST_DAY}, got ${shown}.`, nodes ? { nodes } : {});
  }
  return day;
}

/**
 * A day as `YYYY-MM-DD` text from 1900-01-01 to 2100-12-31: graphql-scalars' LocalDate (a real
 * calendar day, so 2025-02-30 is refused) with the platform's range, the one check of a day's form.
 * A malformed or implausible day fails while the argument is coerced, before any resolver runs: a
 * literal in the document is a validation error (400 GRAPHQL_VALIDATION_FAILED), a variable a 400
 * BAD_USER_INPUT whose message names the variable's path. Values stay `'YYYY-MM-DD'` strings in the
 * code (the row readers read `date` columns as text). Output is not limited to the range.
 */
export const LocalDateScalar = new GraphQLScalarType({
  ...localDate,
  description: `日期。A calendar day YYYY-MM-DD (RFC 3339 full-date, no time zone; the platform's days are days in China), e.g. 2026-11-29, from ${EARLIEST_DAY} to ${LATEST_DAY}.`,
  specifiedByURL: LOCAL_DATE_SPEC,
  parseValue: (value) => plausibleDay(value),
  parseLiteral: (ast) => plausibleDay(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

/** Where RFC 3339 defines `partial-time` (HH:MM:SS), the format LocalTime narrows to minutes. */
export const LOCAL_TIME_SPEC = 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6';

const localTime = LocalTimeResolver.toConfig();
/** A clock time to the minute, as stored and returned. */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The clock time an input names, to the minute (HH:MM), refused unless its seconds are zero. */
function minuteTime(value: unknown, nodes?: ValueNode): string {
  const shown = nodes ? print(nodes) : JSON.stringify(value);
  let time: string;
  try {
    time = localTime.parseValue!(value) as string;
  } catch {
    time = '';
  }
  const minute = time.slice(0, 5);
  if (!HH_MM.test(minute) || !/^(:00(\.000)?)?$/.test(time.slice(5))) {
    throw new GraphQLError(`LocalTime must be a time of day HH:MM from 00:00 to 23:59 (seconds, if given, :00), got ${shown}.`, nodes ? { nodes } : {});
  }
  return minute;
}

/**
 * A clock time to the minute, HH:MM (00:00–23:59), stored and returned as that text. graphql-scalars'
 * LocalTime also takes HH:MM:SS and HH:MM:SS.SSS: those are accepted when the seconds are zero and
 * become HH:MM, since what the platform schedules (duty shifts) starts on whole minutes; a time with
 * seconds is refused rather than cut.
 */
export const LocalTimeScalar = new GraphQLScalarType({
  ...localTime,
  description: '时刻。A local clock time to the minute, HH:MM (24-hour, 00:00 to 23:59, time in China), e.g. 08:30; HH:MM:00 is accepted as input. Always returned as HH:MM.',
  specifiedByURL: LOCAL_TIME_SPEC,
  parseValue: (value) => minuteTime(value),
  parseLiteral: (ast) => minuteTime(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

export const UUIDScalar = describe(UUIDResolver, '唯一标识。An RFC 4122 UUID, e.g. 7f3c2a9e-5b1d-4c8a-9e2f-0a1b2c3d4e5f.');
export const JSONScalar = describe(JSONResolver, 'JSON 值。Any JSON value.');
export const JSONObjectScalar = describe(JSONObjectResolver, 'JSON 对象。A JSON object, e.g. the changed fields of an audit entry (geometries have scalars of their own: GeoJSONPoint, GeoJSONPolygonOrMultiPolygon).');

/** Maps TypeScript types to scalars so `@Field() createdAt: Date` needs no explicit type. */
export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
