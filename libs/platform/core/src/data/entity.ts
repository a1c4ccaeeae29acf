import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Principal } from '../context/principal';
import { scopeOf } from '../access/authorization';
import { ALL_ROWS, NO_ROWS, organizationIdWithinScope, organizationWithinScope } from './organization-scope';
import { raw, sql, type Sql } from '../sql/sql';

/**
 * How the rows of an entity map to the organization tree, declared once with the entity:
 * - `organizationColumn`: the row's own organization (e.g. `organization_id`);
 * - `through`: the row belongs to a parent record (e.g. a hazard's history step to its hazard) and is
 *   in scope when the parent is;
 * - `organizationTree`: the rows are organizations themselves (their `path` and `id`);
 * - `custom`: a rule of its own for the rare cases (e.g. a warning that targets several villages);
 *   it returns the constants `ALL_ROWS`/`NO_ROWS` when everything or nothing is in scope, so that
 *   rows reached `through` it need no subquery.
 */
export type RowScope =
  | { readonly organizationColumn: string }
  | { readonly through: { readonly entity: ScopedEntity<ObjectLiteral>; readonly column: string } }
  | { readonly organizationTree: true }
  | { readonly custom: (principal: Principal, permission: string, alias: string) => Sql };

export interface ScopedEntityOptions {
  /** Table name, e.g. `hazard`. */
  readonly table: string;
  /** How its rows map to the organization tree. */
  readonly scope: RowScope;
  /** The permission that governs reading it (lists, lookups, relations, `node`). */
  readonly read: string;
  /** The permission that governs changing it, when it can be changed. */
  readonly write?: string;
  /** The GraphQL type name, also the prefix of its global ids; the entity's class name when absent. */
  readonly typeName?: string;
}

/** An entity whose rows the kernel reads and writes only within the caller's scope (see `records`). */
export interface ScopedEntity<T extends ObjectLiteral> extends ScopedEntityOptions {
  readonly entity: EntityTarget<T>;
  readonly typeName: string;
}

/** Every declaration `defineScopedEntity` made (see `isScopedEntity`). */
const declarations = new WeakSet<object>();
/** The entity class behind each declared GraphQL type name; null when declarations of one name disagree. */
const entitiesOfTypes = new Map<string, EntityTarget<ObjectLiteral> | null>();

/** Declares an entity's row scope and permissions (Hasura's rule per role × table × operation, with the organization subtree as the row filter). */
export function defineScopedEntity<T extends ObjectLiteral>(entity: EntityTarget<T> & { name: string }, options: ScopedEntityOptions): ScopedEntity<T> {
  const declared = Object.freeze({ ...options, entity, typeName: options.typeName ?? entity.name });
  declarations.add(declared);
  const known = entitiesOfTypes.get(declared.typeName);
  entitiesOfTypes.set(declared.typeName, known === undefined || known === entity ? entity : null);
  return declared;
}

/** Whether `value` is a declaration made by `defineScopedEntity` (e.g. an event's subject, which catalogs refer to by shape). */
export function isScopedEntity(value: unknown): value is ScopedEntity<ObjectLiteral> {
  return typeof value === 'object' && value !== null && declarations.has(value);
}

/** The entity class a declared GraphQL type is read from (for the read compiler); undefined when none or several are declared for it. */
export function entityOfType(typeName: string): EntityTarget<ObjectLiteral> | undefined {
  return entitiesOfTypes.get(typeName) ?? undefined;
}

/** SQL: the row under `alias` is within the principal's scope for `permission`, by the entity's declaration. */
export function rowScopeSql(principal: Principal, permission: string, def: ScopedEntity<ObjectLiteral>, alias: string): Sql {
  if (principal.kind === 'system') return ALL_ROWS;
  // Holding the permission nowhere: nothing, whatever the declared rule (also a custom rule that
  // answers ALL_ROWS, e.g. a code list read by `node(nodeId:)`, which any caller may call).
  if (!scopeOf(principal, permission)) return NO_ROWS;
  const scope = def.scope;
  if ('organizationColumn' in scope) return organizationIdWithinScope(principal, permission, `${alias}.${scope.organizationColumn}`);
  if ('organizationTree' in scope) return organizationWithinScope(principal, permission, `${alias}.path`, `${alias}.id`);
  if ('through' in scope) {
    const parent = scope.through.entity;
    const parentAlias = `${alias}_p`;
    const parentScope = rowScopeSql(principal, permission, parent, parentAlias);
    // Every parent or none: no subquery (the reference is a foreign key, so the parent exists).
    if (parentScope === ALL_ROWS || parentScope === NO_ROWS) return parentScope;
    return sql`${raw(`${alias}.${scope.through.column}`)} IN (SELECT ${raw(`${parentAlias}.id`)} FROM ${raw(`${parent.table} ${parentAlias}`)} WHERE ${parentScope})`;
  }
  return scope.custom(principal, permission, alias);
}
