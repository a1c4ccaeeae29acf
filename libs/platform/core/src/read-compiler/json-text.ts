import { GraphQLEnumType, GraphQLList, GraphQLNonNull, GraphQLScalarType, getNullableType, type GraphQLOutputType } from 'graphql';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { Driver } from 'typeorm';
import { Sql, base64UrlSql, raw } from '../sql/sql';

/**
 * SQL that writes a value as the JSON text the resolver path would send for it, byte for byte:
 * `JSON.stringify` of what graphql-jit serializes. Given the SQL of the value (never NULL for a
 * non-null field), returns SQL of its JSON text, never NULL (`null` for a NULL value).
 */
export type JsonText = (value: string) => string;

const quoted = (text: string) => `'"' || ${text} || '"'`;
const orNull = (nullable: boolean, text: string) => (nullable ? `COALESCE(${text}, 'null')` : text);

/** A DateTime as `Date.toISOString` writes it: UTC, milliseconds (cut, not rounded, as a `Date` from epoch milliseconds is). */
const isoInstant = (value: string) => quoted(`to_char(${value} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const TEXT_TYPES = new Set(['text', 'character varying', 'varchar', 'character', 'char', 'citext']);
const INT_TYPES = new Set(['integer', 'int', 'int4', 'smallint', 'int2']);
const TIMESTAMP_TYPES = new Set(['timestamp with time zone', 'timestamptz']);

/**
 * An enum's stored value as its name's JSON text (step enums store `planRectification` for
 * `PLAN_RECTIFICATION`). A value the enum does not have fails the statement (a runtime error of
 * class 22, never folded into a constant), so the resolvers answer it with GraphQL's own error.
 */
function enumJson(type: GraphQLEnumType): JsonText | string {
  const values = type.getValues();
  if (!values.every((v) => typeof v.value === 'string')) return `enum ${type.name} with values that are not text`;
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return (v) => `CASE ${v} ${values.map((e) => `WHEN ${literal(e.value as string)} THEN ${literal(JSON.stringify(e.name))}`).join(' ')} ELSE substr(${v}, 1, -length(${v}) - 1) END`;
}

/**
 * The JSON writer for a column read as a field of GraphQL type `type`, or a reason it has none (the
 * field then keeps its resolver): the scalars whose text PostgreSQL writes exactly as the resolver
 * path does. Floats are left out on purpose: PostgreSQL and JavaScript write some of them differently
 * (`1e-07` and `1e-7`).
 */
export function columnJson(type: GraphQLOutputType, column: ColumnMetadata, driver: Driver): JsonText | string {
  const nonNull = type instanceof GraphQLNonNull;
  if (nonNull && column.isNullable) return 'a nullable column behind a non-null field';
  if (column.transformer) return 'a column with a transformer';
  const sqlType = driver.normalizeType(column);
  const named = getNullableType(type);
  const nullable = !nonNull;
  if (named instanceof GraphQLList) {
    const item = getNullableType(named.ofType);
    if (!column.isArray || !TEXT_TYPES.has(sqlType)) return 'a list not read from a text array';
    if (item instanceof GraphQLEnumType) {
      const each = enumJson(item);
      if (typeof each === 'string') return each;
      return (v) => orNull(nullable, `(SELECT COALESCE('[' || string_agg(${each('u.e')}, ',' ORDER BY u.o) || ']', '[]') FROM unnest(${v}) WITH ORDINALITY u(e, o))`);
    }
    if (!(item instanceof GraphQLScalarType && (item.name === 'String' || item.name === 'ID'))) return `a list of ${String(item)}`;
    return (v) => orNull(nullable, `array_to_json(${v})::text`);
  }
  if (column.isArray) return 'an array column';
  if (named instanceof GraphQLEnumType) {
    if (!TEXT_TYPES.has(sqlType)) return `enum ${named.name} not stored as text`;
    const json = enumJson(named);
    return typeof json === 'string' ? json : (v) => orNull(nullable, json(v));
  }
  if (!(named instanceof GraphQLScalarType)) return `a field of type ${String(named)}`;
  switch (named.name) {
    case 'UUID':
    case 'ID':
    case 'String':
      if (sqlType === 'uuid') return (v) => orNull(nullable, quoted(`${v}::text`));
      if (TEXT_TYPES.has(sqlType)) return (v) => orNull(nullable, `to_json(${v})::text`);
      return `${named.name} from a ${sqlType} column`;
    case 'Int':
      return INT_TYPES.has(sqlType) ? (v) => orNull(nullable, `${v}::text`) : `Int from a ${sqlType} column`;
    case 'Boolean':
      return sqlType === 'boolean' ? (v) => orNull(nullable, `${v}::text`) : `Boolean from a ${sqlType} column`;
    case 'DateTime':
      return TIMESTAMP_TYPES.has(sqlType) ? (v) => orNull(nullable, isoInstant(v)) : `DateTime from a ${sqlType} column`;
    case 'LocalDate':
      // As the row readers read days (`::text`), which LocalDate passes on.
      return sqlType === 'date' ? (v) => orNull(nullable, quoted(`${v}::text`)) : `LocalDate from a ${sqlType} column`;
    case 'Decimal':
      // numeric(p, 2) as text is the scalar's normal form already ("12.50", never "-0.00").
      return (sqlType === 'numeric' || sqlType === 'decimal') && column.scale === 2 ? (v) => orNull(nullable, quoted(`${v}::text`)) : 'Decimal not from a numeric(p, 2) column';
    default:
      return `scalar ${named.name}`;
  }
}

/** The JSON writer for a computed value (`@SqlForm`) of GraphQL type `type`, or a reason it has none. */
export function valueJson(type: GraphQLOutputType): JsonText | string {
  const nullable = !(type instanceof GraphQLNonNull);
  const named = getNullableType(type);
  if (named instanceof GraphQLEnumType) {
    const json = enumJson(named);
    return typeof json === 'string' ? json : (v) => orNull(nullable, json(`(${v})`));
  }
  if (!(named instanceof GraphQLScalarType)) return `a computed field of type ${String(named)}`;
  switch (named.name) {
    case 'ID':
    case 'String':
    case 'UUID':
      return (v) => orNull(nullable, `to_json((${v})::text)::text`);
    case 'Boolean':
      return (v) => orNull(nullable, `(${v})::text`);
    case 'Int':
      return (v) => orNull(nullable, `(${v})::int::text`);
    case 'DateTime':
      return (v) => orNull(nullable, isoInstant(`(${v})`));
    default:
      return `a computed ${named.name}`;
  }
}

/** A JSON object's text from its members' texts, in order: `'{"a":' || a || ',"b":' || b || '}'`. */
export function objectJson(members: ReadonlyArray<{ readonly key: string; readonly text: Sql }>): Sql {
  if (!members.length) return raw(`'{}'`);
  const strings = [''];
  const values: Sql[] = [];
  members.forEach((m, i) => {
    strings[strings.length - 1] += `'${i ? ',' : '{'}${JSON.stringify(m.key)}:' || `;
    values.push(m.text);
    strings.push(' || ');
  });
  strings[strings.length - 1] += `'}'`;
  return new Sql(strings, values);
}

/** A string constant as JSON text in SQL (e.g. a `__typename`). */
export function constantJson(value: string): string {
  return `'${JSON.stringify(value).replace(/'/g, "''")}'`;
}

/** SQL of a cursor, as `encodeCursor` writes it: the keys' values as text in a JSON array, base64url without padding. */
export function cursorText(values: readonly string[]): string {
  return base64UrlSql(`'[' || ${values.map((v) => `COALESCE(to_json(${v})::text, 'null')`).join(` || ',' || `)} || ']'`);
}
