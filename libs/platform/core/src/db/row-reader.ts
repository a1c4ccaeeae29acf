import { Kind, getNamedType, isObjectType, type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Extensions } from 'type-graphql';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { types as pgTypes } from 'pg';
import { readThroughPool } from '../perf/pooled-read';
import { positional, type Sql } from '../sql/sql';
import { rowsOf } from './modify-returning';

/**
 * A read path for one entity that skips TypeORM's hydration: the SELECT list names every column
 * by its property (`t.found_at AS "foundAt"`), so rows arrive in the entity's shape, and timestamps
 * come as epoch milliseconds (a float8, cheap to parse) turned into `Date`s in one pass; days and
 * numeric values come as text. Column transformers and TypeORM's own conversions (simple-json…)
 * still apply. The rows
 * are plain objects of the entity's shape, not class instances (no getters or methods). Built once per entity and alias.
 */
export interface RowReader<T> {
  /** SQL select list over the alias, e.g. `t."id" AS "id", …`. */
  readonly select: string;
  /** The names the select list gives its columns (entity properties), in order. */
  readonly names: readonly string[];
  /** Turns raw rows of `select` into entities (in place: the row objects are reused). */
  read(rows: Array<Record<string, unknown>>): T[];
  /**
   * SQL: the row's columns of `select` as one JSON array of their text forms, e.g. carried inside
   * another statement's result (the read compiler's deferred fields); `fromText` reads it back.
   */
  readonly textArray: string;
  /** A raw row from the values of `textArray`, each parsed as pg parses its column's type (then `read` it as usual). */
  fromText(values: ReadonlyArray<string | null>): Record<string, unknown>;
}

const TIMESTAMP_TYPES = new Set(['timestamp with time zone', 'timestamp without time zone', 'timestamptz', 'timestamp']);
/** Types whose values TypeORM's driver converts after pg parsed them (its transformers too). */
const DRIVER_CONVERTED = new Set(['simple-array', 'simple-json', 'simple-enum', 'enum']);
/** Types read as text: days and exact decimals. */
const AS_TEXT = new Set(['date', 'numeric', 'decimal']);
const readers = new WeakMap<EntityMetadata, Map<string, RowReader<unknown>>>();

/** pg's type ids of the column types entities use, whose text pg parses into another JavaScript value. */
const PG_TYPE_IDS: Record<string, number> = { integer: 23, int: 23, int4: 23, smallint: 21, int2: 21, bigint: 20, int8: 20, boolean: 16, bool: 16, 'double precision': 701, float8: 701, real: 700, float4: 700, json: 114, jsonb: 3802 };
const PG_ARRAY_TYPE_IDS: Record<string, number> = { text: 1009, 'character varying': 1015, varchar: 1015, uuid: 2951, integer: 1007, int: 1007, int4: 1007, smallint: 1005, bigint: 1016, boolean: 1000, 'double precision': 1022 };
const FLOAT8 = 701;
/** How pg turns a column's text into its value: the parser of its type id, or the text itself. */
function textParser(typeId: number | undefined): (text: string) => unknown {
  return typeId === undefined ? (text) => text : (pgTypes.getTypeParser(typeId, 'text') as (text: string) => unknown);
}

function buildReader<T>(manager: EntityManager, meta: EntityMetadata, alias: string, properties: ReadonlySet<string> | null): RowReader<T> {
  const driver = manager.connection.driver;
  /** Per column (in `names`' order): its SQL, and how pg's text of it becomes its value. */
  const expressions: string[] = [];
  const parsers: Array<(text: string) => unknown> = [];
  const names: string[] = [];
  const timestamps: string[] = [];
  const transformed: Array<{ property: string; from: (value: unknown) => unknown }> = [];
  for (const col of meta.columns) {
    const property = col.propertyPath;
    if (properties && !col.isPrimary && !properties.has(property)) continue;
    const source = `${alias}."${col.databaseName}"`;
    const type = driver.normalizeType(col);
    names.push(property);
    if (TIMESTAMP_TYPES.has(type)) {
      expressions.push(`(extract(epoch from ${source}) * 1000)::float8`);
      parsers.push(textParser(FLOAT8));
      timestamps.push(property);
      continue;
    }
    // Days stay 'YYYY-MM-DD' text (pg would make them local-midnight Dates); numeric stays exact decimal
    // text (the `Decimal` scalar's form) also inside pagesByParent's JSON pages, where it would become a JSON number.
    expressions.push(AS_TEXT.has(type) ? `${source}::text` : source);
    parsers.push(textParser(AS_TEXT.has(type) ? undefined : col.isArray ? PG_ARRAY_TYPE_IDS[type] : PG_TYPE_IDS[type]));
    if (col.transformer || DRIVER_CONVERTED.has(type)) transformed.push({ property, from: (v) => driver.prepareHydratedValue(v, col) });
  }
  return {
    select: expressions.map((e, i) => `${e} AS "${names[i]}"`).join(', '),
    names,
    textArray: `json_build_array(${expressions.map((e) => `(${e})::text`).join(', ')})::text`,
    fromText(values) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const text = values[i];
        row[names[i]!] = text === null || text === undefined ? null : parsers[i]!(text);
      }
      return row;
    },
    read(rows) {
      for (const row of rows) {
        for (const p of timestamps) {
          const v = row[p];
          if (v !== null && v !== undefined) row[p] = new Date(v as number);
        }
        for (const t of transformed) row[t.property] = t.from(row[t.property]);
      }
      return rows as unknown as T[];
    },
  };
}

/**
 * Runs a read statement of the row readers. Outside a transaction it goes to the pool as a named
 * prepared statement (see `readThroughPool` in `perf/`: it relies on TypeORM's pool). Inside a
 * transaction it runs on the transaction's connection.
 */
export async function readRows(manager: EntityManager, text: string, values: readonly unknown[]): Promise<Array<Record<string, unknown>>> {
  const runner = manager.queryRunner;
  if (runner) return rowsOf(await oneAtATime(runner, () => manager.query(text, values as unknown[])));
  return readThroughPool(manager.connection, text, values);
}

/** The statement last sent on each transaction's connection (settled or not). */
const lastOnConnection = new WeakMap<object, Promise<unknown>>();

/**
 * Sends a statement on a transaction's one connection after the one sent before it has answered.
 * Sibling resolvers of one request read at once; on a single connection pg would only queue their
 * statements itself, a use it deprecates (it stops in pg 9). The order and the wait are the same.
 */
function oneAtATime<T>(connection: object, run: () => Promise<T>): Promise<T> {
  const before = lastOnConnection.get(connection) ?? Promise.resolve();
  const mine = before.then(run, run);
  lastOnConnection.set(connection, mine.catch(() => undefined));
  return mine;
}

/**
 * Runs one composed statement (values as parameters, fragments such as `records(…).subquery()` with
 * the kernel's scope in them) and answers its rows, like `readRows`: also those of an `UPDATE … RETURNING`
 * or `DELETE … RETURNING` (which TypeORM answers as `[rows, rowCount]`).
 */
export function runSql<R extends object = Record<string, unknown>>(manager: EntityManager, statement: Sql): Promise<R[]> {
  const { text, values } = positional(statement);
  return readRows(manager, text, values) as Promise<R[]>;
}

/**
 * The row reader of an entity over a table alias (`t` by default). With `properties`, only those
 * columns (and the primary key) are read: see `selectedProperties`.
 */
export function rowReader<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, alias = 't', properties: readonly string[] | null = null): RowReader<T> {
  const meta = manager.connection.getMetadata(entity);
  let byKey = readers.get(meta);
  if (!byKey) readers.set(meta, (byKey = new Map()));
  const key = properties ? `${alias}|${properties.join(',')}` : alias;
  let reader = byKey.get(key) as RowReader<T> | undefined;
  if (!reader) byKey.set(key, (reader = buildReader<T>(manager, meta, alias, properties ? new Set(properties) : null)));
  return reader;
}

/** Schema extension of a field: the entity properties its resolver reads from the root (`@ReadsColumns`). */
export const READS_COLUMNS = 'readsColumns';
/** Schema extension of an object type: it is read by column selection (`@ReadByColumnSelection`). */
export const READ_BY_COLUMN_SELECTION = 'readByColumnSelection';

/**
 * Marks a field resolver of an entity type with the entity properties it reads from its root, so lists that select it read only those columns.
 * `@ReadsColumns()` with none: it reads nothing of the root (the primary key is always read).
 */
export function ReadsColumns(...properties: string[]): MethodDecorator {
  return Extensions({ [READS_COLUMNS]: properties }) as MethodDecorator;
}

/**
 * Marks an entity's GraphQL type as read by column selection (`selectedProperties`): a query reads
 * only the columns its selection needs. The schema then refuses to build while a field resolver of
 * the type does not declare `@ReadsColumns` (an undeclared one would silently read every column, a
 * wrong one would see `undefined`), and `selectedProperties` refuses a type without this mark.
 */
export function ReadByColumnSelection(): ClassDecorator {
  return Extensions({ [READ_BY_COLUMN_SELECTION]: true }) as ClassDecorator;
}

const NONE: readonly string[] = [];
const selections = new WeakMap<FieldNode, WeakMap<readonly string[], Map<readonly string[], readonly string[] | null>>>();

/**
 * The entity properties a selection needs, sorted: the fields selected on the node type at `path`
 * below the current field (`['edges', 'node']` for a connection, `[]` for the object itself) that are
 * columns, the `@ReadsColumns` of selected field resolvers, and `always` (e.g. the sort keys'
 * properties). Null (read every column) when a selected field is neither a column nor declares what
 * it reads. Cached per field of a parsed document, so a nested list pays for it once. The node type
 * must be marked `@ReadByColumnSelection()` (else this throws): the mark is what makes the schema
 * build check its field resolvers' declarations.
 */
export function selectedProperties(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, info: GraphQLResolveInfo, path: readonly string[], always: readonly string[] = NONE): readonly string[] | null {
  // Cached by the field's AST node, then by the identity of `path` and `always` (module constants at the call sites).
  const node = info.fieldNodes[0]!;
  let byPath = selections.get(node);
  if (!byPath) selections.set(node, (byPath = new WeakMap()));
  let byAlways = byPath.get(path);
  if (!byAlways) byPath.set(path, (byAlways = new Map()));
  if (byAlways.has(always)) return byAlways.get(always)!;
  const result = computeSelection(manager.connection.getMetadata(entity), info, path, always);
  byAlways.set(always, result);
  return result;
}

function computeSelection(meta: EntityMetadata, info: GraphQLResolveInfo, path: readonly string[], always: readonly string[]): readonly string[] | null {
  let type: GraphQLNamedType = getNamedType(info.returnType);
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const step of path) {
    if (!isObjectType(type)) return null;
    const field: GraphQLField<unknown, unknown> | undefined = type.getFields()[step];
    if (!field) return null;
    type = getNamedType(field.type) as GraphQLNamedType;
    sets = fieldsNamed(sets, step, info).flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }
  if (!isObjectType(type)) return null;
  // Only marked types have their field resolvers' declarations checked when the schema is built.
  if (!type.extensions?.[READ_BY_COLUMN_SELECTION]) throw new Error(`selectedProperties: the type ${type.name} is not marked @ReadByColumnSelection(), so its field resolvers' @ReadsColumns are not checked; mark its class.`);
  const columns = new Set(meta.columns.map((c) => c.propertyPath));
  const needed = new Set(always);
  const fields = type.getFields();
  for (const f of fieldsNamed(sets, null, info)) {
    const name = f.name.value;
    if (name === '__typename') continue;
    const declared = fields[name]?.extensions?.[READS_COLUMNS] as readonly string[] | undefined;
    if (declared) declared.forEach((p) => needed.add(p));
    else if (columns.has(name) && !fields[name]?.resolve) needed.add(name);
    else return null;
  }
  return [...needed].sort();
}

/** The fields of selection sets (through fragments), all of them or those named `name`. */
function fieldsNamed(sets: readonly SelectionSetNode[], name: string | null, info: GraphQLResolveInfo): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (name === null || s.name.value === name) out.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}
