import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Principal } from '../context/principal';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import { readRows, rowReader } from '../db/row-reader';
import { orderSql, type PageRequest, type SortKey } from '../pagination/keyset';
import { countSql, paginateSql, readOne } from '../pagination/paginate';
import { pagesByParent } from '../pagination/pages-by-parent';
import type { ConnectionResult } from '../pagination/connection.type';
import { rowScopeSql, type ScopedEntity } from './entity';
import { ParamNames, compile, join, raw, sql, type Sql } from '../sql/sql';
import { PlanningRefused, plannedValue } from './planned-read';
import { pageWindow } from '../pagination/keyset';

/** The alias of the entity's table in every statement of `records` (conditions are written over it: `` sql`t.status = ${s}` ``). */
export const RECORD_ALIAS = 't';

export interface RecordPage {
  /** The order; the last key unique (the id). */
  readonly keys: readonly SortKey[];
  readonly page: PageRequest;
  readonly withCount: boolean;
  /** Entity properties to read (see `selectedProperties`); all columns when absent or null. */
  readonly properties?: readonly string[] | null;
}

/** A link table between parents and the records of a declared entity (see `byLink`). */
export interface RecordLink {
  /** The link table, owned by the module calling (e.g. `consultation_department`). */
  readonly table: string;
  /** Its column holding the parent's id (e.g. `consultation_id`). */
  readonly parentColumn: string;
  /** Its column holding the linked record's key (e.g. `organization_id`). */
  readonly column: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** How `reference` reads a referenced record. */
export interface ReferenceOptions {
  /** Lock it: `share` keeps it from being archived or changed until the caller's transaction ends. */
  readonly lock?: 'update' | 'share';
  /** Accept an archived record (e.g. the organization a record is already kept at). */
  readonly archived?: boolean;
  /** Entity properties to read (see `selectedProperties`); all columns when absent. Ignored with `lock`. */
  readonly properties?: readonly string[] | null;
}

/**
 * A reference to check as one step of a larger statement (see `createRecord`'s `references`): the
 * same answer as `reference`, without reading the record's columns.
 */
export interface ReferenceCheck {
  /** The field that holds the id, as errors name it (`input.organizationId`). */
  readonly field: string;
  /** `SELECT <archived> AS archived FROM … WHERE <scope> AND <key> = <id> [FOR SHARE]`: one row when the record is there and in scope, `archived` true when that refuses it. */
  readonly select: Sql;
  /** The check on its own statement, as `reference` makes it (inside a transaction). */
  run(): Promise<void>;
  /** The error `reference` answers for what `select` found, or nothing when it found a record it accepts. */
  refusal(found: boolean, archived: boolean): Error | null;
}

/** How many and in which order `list` reads. */
export interface RecordList {
  /** The order, e.g. `[{ column: 't.depth', direction: SortDirection.ASC }]`. */
  readonly keys: readonly SortKey[];
  /** At most this many rows: `list` is for sets known to be small (an organization's ancestors); pages are for the rest. */
  readonly limit: number;
  /** Entity properties to read (see `selectedProperties`); all columns when absent or null. */
  readonly properties?: readonly string[] | null;
}

/**
 * The rows of one entity the caller may see, for one permission: the scope is the entity's
 * declaration, applied by the kernel to every statement. Conditions narrow it further; nothing
 * widens it. Rows come back as plain objects of the entity's shape (no class instances).
 */
export interface Records<T extends ObjectLiteral> {
  /** These records, narrowed by a condition over alias `t` (or the one given by `as`). */
  where(condition: Sql): Records<T>;
  /**
   * These records under another table alias, for `subquery` and `aggregate` inside a statement that
   * already uses `t` (call it before `where`: conditions are written over the alias).
   */
  as(alias: string): Records<T>;
  /**
   * The escape hatch for what the methods do not express, with the scope still applied by the kernel:
   * `(SELECT <columns> FROM <table> <alias> WHERE <scope> AND <conditions>)` as a fragment to splice
   * into a statement, e.g. `` sql`EXISTS ${hazards.as('h').where(sql`h.organization_id = ct.organization_id`).subquery(sql`1`)}` ``.
   */
  subquery(columns: Sql): Sql;
  /**
   * Rows of an aggregate over these records, the scope applied: `SELECT <columns> FROM <table>
   * <alias> WHERE <scope> AND <conditions> [GROUP BY …]`, e.g. counts by state or the newest day per
   * parent. Values come back as the driver gives them (name columns with `AS "camelCase"`).
   */
  aggregate<R extends object>(columns: Sql, options?: { readonly groupBy?: Sql }): Promise<R[]>;
  /** One page as a cursor connection (one statement, plus a COUNT only when asked for). */
  page(options: RecordPage): Promise<ConnectionResult<T>>;
  /** How many there are. */
  count(): Promise<number>;
  /** All of them in an order, up to a limit (one statement): for small bounded sets that are not paged. */
  list(options: RecordList): Promise<T[]>;
  /** The record with this id (its primary key: `id`, or e.g. `organization_id` for a 1:1 profile), or null when it is missing or out of scope (the same answer). */
  one(id: string, properties?: readonly string[] | null): Promise<T | null>;
  /** The records with these ids, in the order of `ids` (null where missing or out of scope): one statement, for DataLoaders. */
  many(ids: readonly string[], properties?: readonly string[] | null): Promise<Array<T | null>>;
  /** Whether a record with this id exists within scope. */
  exists(id: string): Promise<boolean>;
  /** The record locked for a change (inside `transaction()`); NOT_FOUND when missing or out of scope. */
  lock(id: string, mode?: 'update' | 'share'): Promise<T>;
  /**
   * The record an input field refers to (e.g. a hazard's `input.organizationId`): NOT_FOUND with
   * `extensions.field` when missing or out of scope (the same answer, so a reference can neither
   * point out of scope nor probe which ids exist), BAD_USER_INPUT `notArchived` on the field when it
   * is archived (unless `archived: true`); locked when `lock` is given (inside `transaction()`).
   */
  reference(id: string, field: string, options?: ReferenceOptions): Promise<T>;
  /**
   * The records a list field refers to (e.g. a campaign's `organizationIds`), in one statement, in
   * the order of `ids`: like `reference` for each, the first missing or out-of-scope one answering
   * NOT_FOUND with its index in the field (`organizationIds.2`). `lock` is not offered: lock the
   * parent record the links are added to instead.
   */
  referenceAll(ids: readonly string[], field: string, options?: Omit<ReferenceOptions, 'lock'>): Promise<T[]>;
  /** The check `reference` makes, to run as one step of a larger statement (see `ReferenceCheck`). */
  check(id: string, field: string, options?: Omit<ReferenceOptions, 'properties'>): ReferenceCheck;
  /**
   * One page of these records per parent through a link table the caller's module owns, in one
   * statement: `link.table` holds the parent's id in `link.parentColumn` and this entity's key in
   * `link.column` (e.g. a consultation's departments, which are organizations, or a campaign's
   * hazards). Keys and conditions are over these records (alias `t`), so the order is the target's
   * (organizations by name) and the scope is the target's declaration.
   */
  byLink(link: RecordLink, parentIds: readonly string[], options: Omit<RecordPage, 'withCount'> & { readonly withCount?: boolean }): Promise<Map<string, ConnectionResult<T>>>;
  /** One page of children per parent in one statement (`parentColumn` holds the parent's id), for nested connections. */
  byParent(parentColumn: string, parentIds: readonly string[], options: Omit<RecordPage, 'withCount'> & { readonly withCount?: boolean }): Promise<Map<string, ConnectionResult<T>>>;
}

/** An entity's primary key: its column, its property and its SQL type. */
interface RecordKey {
  readonly column: string;
  readonly property: string;
  readonly type: string;
}

const recordKeys = new WeakMap<ScopedEntity<ObjectLiteral>, RecordKey>();

/**
 * The primary key `one`/`many`/`exists`/`lock` look records up by: `id` for most entities, another
 * column for a few (a 1:1 extension keyed by its owner's id, a code list keyed by its code).
 */
function recordKey(manager: EntityManager, def: ScopedEntity<ObjectLiteral>): RecordKey {
  let key = recordKeys.get(def);
  if (!key) {
    const [column, ...more] = manager.connection.getMetadata(def.entity).primaryColumns;
    if (!column || more.length) throw new Error(`records(${def.typeName}) needs an entity with a primary key of one column.`);
    key = { column: column.databaseName, property: column.propertyName, type: manager.connection.driver.normalizeType(column) };
    recordKeys.set(def, key);
  }
  return key;
}

class EntityRecords<T extends ObjectLiteral> implements Records<T> {
  constructor(
    private readonly ctx: RequestContext,
    private readonly def: ScopedEntity<T>,
    /** Whose scope applies: the request's principal unless `records` was told another. */
    private readonly principal: Principal,
    /** Null only for `unscoped`. */
    private readonly permission: string | null,
    private readonly conditions: readonly Sql[] = [],
    private readonly alias: string = RECORD_ALIAS,
  ) {}

  where(condition: Sql): Records<T> {
    return new EntityRecords(this.ctx, this.def, this.principal, this.permission, [...this.conditions, condition], this.alias);
  }

  as(alias: string): Records<T> {
    if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`records(${this.def.typeName}).as(): ${JSON.stringify(alias)} is not a table alias.`);
    if (this.conditions.length) throw new Error(`records(${this.def.typeName}).as() comes before where(): conditions are written over the alias.`);
    return new EntityRecords(this.ctx, this.def, this.principal, this.permission, [], alias);
  }

  subquery(columns: Sql): Sql {
    return sql`(SELECT ${columns} FROM ${raw(this.from())} WHERE ${this.condition()})`;
  }

  async aggregate<R extends object>(columns: Sql, options: { readonly groupBy?: Sql } = {}): Promise<R[]> {
    const statement = sql`SELECT ${columns} FROM ${raw(this.from())} WHERE ${this.condition()}${options.groupBy ? sql` GROUP BY ${options.groupBy}` : raw('')}`;
    const { text, params } = compile(statement, new ParamNames('a'));
    return (await this.run(text, params)) as R[];
  }

  page(o: RecordPage): Promise<ConnectionResult<T>> {
    if (this.ctx.planning) {
      this.plannable('page');
      return Promise.resolve(plannedValue({ kind: 'page', entity: this.def, condition: this.condition(), keys: o.keys, page: o.page, window: pageWindow(o.page, o.keys.length) }));
    }
    const reader = rowReader(this.ctx.manager, this.def.entity, this.alias, o.properties ?? null);
    const { where, params } = this.filter();
    return paginateSql<T>({ manager: this.ctx.manager, from: this.from(), select: reader.select, read: (rows) => reader.read(rows), where, params, keys: o.keys, page: o.page, withCount: o.withCount });
  }

  count(): Promise<number> {
    this.refuseWhenPlanning('count');
    return countSql({ manager: this.ctx.manager, from: this.from(), ...this.filter() });
  }

  async list(o: RecordList): Promise<T[]> {
    const reader = rowReader(this.ctx.manager, this.def.entity, this.alias, o.properties ?? null);
    const { where, params } = this.filter();
    return reader.read(await this.run(`SELECT ${reader.select} FROM ${this.from()} WHERE ${where.join(' AND ')} ORDER BY ${orderSql(o.keys)} LIMIT :__limit`, { ...params, __limit: o.limit }));
  }

  one(id: string, properties: readonly string[] | null = null): Promise<T | null> {
    if (this.ctx.planning) return Promise.resolve(this.plannedOne(id));
    const { where, params } = this.filter([this.keyIs()]);
    return readOne({ manager: this.ctx.manager, entity: this.def.entity, alias: this.alias, table: this.def.table, where, params: { ...params, __id: id }, properties });
  }

  async many(ids: readonly string[], properties: readonly string[] | null = null): Promise<Array<T | null>> {
    if (!ids.length) return [];
    if (this.ctx.planning) return ids.map((id) => this.plannedOne(id));
    const reader = rowReader(this.ctx.manager, this.def.entity, this.alias, properties);
    const key = recordKey(this.ctx.manager, this.def);
    const { where, params } = this.filter([raw(`${this.alias}.${key.column} = ANY(CAST(:__ids AS ${key.type}[]))`)]);
    const rows = reader.read(await this.run(`SELECT ${reader.select} FROM ${this.from()} WHERE ${where.join(' AND ')}`, { ...params, __ids: [...new Set(ids)] }));
    const byId = new Map(rows.map((r) => [(r as Record<string, unknown>)[key.property] as string, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async exists(id: string): Promise<boolean> {
    const { where, params } = this.filter([this.keyIs()]);
    return (await this.run(`SELECT 1 FROM ${this.from()} WHERE ${where.join(' AND ')} LIMIT 1`, { ...params, __id: id })).length > 0;
  }

  async lock(id: string, mode: 'update' | 'share' = 'update'): Promise<T> {
    if (!this.ctx.inTransaction) throw new Error(`records(${this.def.typeName}).lock() needs a transaction: call it inside transaction().`);
    const reader = rowReader(this.ctx.manager, this.def.entity, this.alias);
    const { where, params } = this.filter([this.keyIs()]);
    const [row] = reader.read(await this.run(`SELECT ${reader.select} FROM ${this.from()} WHERE ${where.join(' AND ')} FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'} OF ${this.alias}`, { ...params, __id: id }));
    if (!row) throw new NotFoundError(this.def.typeName, id);
    return row;
  }

  async reference(id: string, field: string, o: ReferenceOptions = {}): Promise<T> {
    const row = o.lock ? await this.lock(id, o.lock).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))) : await this.one(id, o.properties ? [...o.properties, 'archivedAt'] : null);
    const refusal = this.refusal(id, field, row !== null, !o.archived && Boolean((row as { archivedAt?: Date | null } | null)?.archivedAt));
    if (refusal) throw refusal;
    return row!;
  }

  check(id: string, field: string, o: Omit<ReferenceOptions, 'properties'> = {}): ReferenceCheck {
    const archivable = this.ctx.manager.connection.getMetadata(this.def.entity).findColumnWithPropertyName('archivedAt');
    const archived = archivable && !o.archived ? raw(`${this.alias}.${archivable.databaseName} IS NOT NULL`) : raw('false');
    const key = sql`${raw(`${this.alias}.${recordKey(this.ctx.manager, this.def).column}`)} = ${id}`;
    return {
      field,
      select: sql`SELECT ${archived} AS archived FROM ${raw(this.from())} WHERE ${this.condition([key])}${raw(o.lock ? ` FOR ${o.lock === 'update' ? 'UPDATE' : 'SHARE'} OF ${this.alias}` : '')}`,
      run: async () => {
        await this.reference(id, field, o);
      },
      refusal: (found, isArchived) => this.refusal(id, field, found, isArchived),
    };
  }

  /** What `reference` answers when the record is missing or out of scope (the same answer), or archived and not accepted so. */
  private refusal(id: string, field: string, found: boolean, archived: boolean): Error | null {
    if (!found) return new NotFoundError(this.def.typeName, id, field);
    if (archived) return BadUserInputError.field(field, 'notArchived', `${this.def.typeName} ${id} is archived.`);
    return null;
  }

  async referenceAll(ids: readonly string[], field: string, o: Omit<ReferenceOptions, 'lock'> = {}): Promise<T[]> {
    const rows = await this.many(ids, o.properties ? [...o.properties, 'archivedAt'] : null);
    return rows.map((row, i) => {
      const refusal = this.refusal(ids[i]!, `${field}.${i}`, row !== null, !o.archived && Boolean((row as { archivedAt?: Date | null } | null)?.archivedAt));
      if (refusal) throw refusal;
      return row!;
    });
  }

  byLink(link: RecordLink, parentIds: readonly string[], o: Omit<RecordPage, 'withCount'> & { readonly withCount?: boolean }): Promise<Map<string, ConnectionResult<T>>> {
    this.refuseWhenPlanning('byLink');
    if (this.alias !== RECORD_ALIAS) throw new Error(`records(${this.def.typeName}).byLink() reads over alias ${RECORD_ALIAS}: leave out as().`);
    for (const name of [link.table, link.parentColumn, link.column]) if (!IDENTIFIER.test(name)) throw new Error(`records(${this.def.typeName}).byLink(): ${JSON.stringify(name)} is not an identifier.`);
    const key = recordKey(this.ctx.manager, this.def);
    const { where, params } = this.filter();
    // The linked records with their parent's id beside them: `__link_parent` cannot clash with an entity column.
    const linked = `(SELECT t.*, l.${link.parentColumn} AS __link_parent FROM ${link.table} l JOIN ${this.def.table} t ON t.${key.column} = l.${link.column})`;
    return pagesByParent<T>({
      manager: this.ctx.manager,
      entity: this.def.entity,
      table: linked,
      parentColumn: '__link_parent',
      parentIds,
      where: where.join(' AND '),
      params,
      keys: o.keys,
      page: { ...o.page, withCount: o.withCount ?? o.page.withCount },
      properties: o.properties ?? null,
    });
  }

  byParent(parentColumn: string, parentIds: readonly string[], o: Omit<RecordPage, 'withCount'> & { readonly withCount?: boolean }): Promise<Map<string, ConnectionResult<T>>> {
    this.refuseWhenPlanning('byParent');
    if (this.alias !== RECORD_ALIAS) throw new Error(`records(${this.def.typeName}).byParent() reads over alias ${RECORD_ALIAS}: leave out as().`);
    const { where, params } = this.filter();
    // The parent key's SQL type is the column's (a uuid mostly; a code, e.g. a kind's, sometimes).
    const column = this.ctx.manager.connection.getMetadata(this.def.entity).findColumnWithDatabaseName(parentColumn);
    return pagesByParent<T>({
      manager: this.ctx.manager,
      entity: this.def.entity,
      table: this.def.table,
      parentColumn,
      parentIds,
      parentType: column ? this.ctx.manager.connection.driver.normalizeType(column) : undefined,
      where: where.join(' AND '),
      params,
      keys: o.keys,
      page: { ...o.page, withCount: o.withCount ?? o.page.withCount },
      properties: o.properties ?? null,
    });
  }

  private from(): string {
    return `${this.def.table} ${this.alias}`;
  }

  /** The scope (unless unscoped) and the conditions as one condition. */
  private condition(extra: readonly Sql[] = []): Sql {
    const scope = this.permission === null ? [] : [rowScopeSql(this.principal, this.permission, this.def, this.alias)];
    return join([...scope, ...this.conditions, ...extra], ' AND ');
  }

  /** The primary key equals the parameter `__id`. */
  private keyIs(): Sql {
    return raw(`${this.alias}.${recordKey(this.ctx.manager, this.def).column} = :__id`);
  }

  /** The scope (unless unscoped) and the conditions, as SQL with named parameters of their own (`r1`, `r2`, …). */
  private filter(extra: readonly Sql[] = []): { where: string[]; params: Record<string, unknown> } {
    const { text, params } = compile(this.condition(extra), new ParamNames('r'));
    return { where: [text], params };
  }

  /** While a request is planned (`RequestContext.forPlanning`), what would run here cannot be planned: the request runs its resolvers. */
  private refuseWhenPlanning(method: string): void {
    if (this.ctx.planning) throw new PlanningRefused(`records(${this.def.typeName}).${method}() while planning`);
  }

  /** A planned read is written over alias `t` (the compiler nests it in statements of its own). */
  private plannable(method: string): void {
    if (this.alias !== RECORD_ALIAS) throw new PlanningRefused(`records(${this.def.typeName}).as(${this.alias}).${method}()`);
  }

  /** The record with this id, planned (see `PlannedRead`). */
  private plannedOne(id: string): T {
    this.plannable('one');
    return plannedValue({ kind: 'one', entity: this.def, condition: this.condition(), keyColumn: recordKey(this.ctx.manager, this.def).column, id });
  }

  private run(text: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    this.refuseWhenPlanning('a read');
    const [query, values] = this.ctx.manager.connection.driver.escapeQueryWithParameters(text, params);
    return readRows(this.ctx.manager, query, values);
  }
}

export interface RecordsOptions {
  /**
   * Whose scope: the request's principal when absent. A subscription checks each event against the
   * subscriber as they are now (`await ctx.currentPrincipal()`), not as they were when subscribing.
   */
  readonly principal?: Principal;
}

/**
 * The records of a declared entity within the caller's scope for `permission` (the entity's read
 * permission unless another is named, e.g. its write permission before a change).
 */
export function records<T extends ObjectLiteral>(ctx: RequestContext, def: ScopedEntity<T>, permission: string = def.read, options: RecordsOptions = {}): Records<T> {
  return new EntityRecords(ctx, def, options.principal ?? ctx.principal, permission);
}

/**
 * Every record of the entity, whatever the caller's scope: only for work that is not on a caller's
 * behalf (sweeps, seeds, system jobs) or that checks access otherwise. `reason` says which, so each
 * use is easy to find and review (`grep -rn "unscoped("`).
 */
export function unscoped<T extends ObjectLiteral>(ctx: RequestContext, def: ScopedEntity<T>, reason: string): Records<T> {
  if (!reason.trim()) throw new Error('unscoped() needs a reason.');
  return new EntityRecords(ctx, def, ctx.principal, null);
}
