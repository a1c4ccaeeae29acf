import { Arg, Ctx, Field, FieldResolver, ID, Info, InterfaceType, Query, Resolver, Root } from 'type-graphql';
import { isInterfaceType, isUnionType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from '../errors/errors';
import { kernelRules } from '../errors/rule-catalog';
import { PUBLIC_OPERATION, RequirePermission } from '../access/permission';
import { records } from './records';
import type { ScopedEntity } from './entity';
import { ReadsColumns } from '../db/row-reader';
import { SqlForm } from './sql-form';
import { base64UrlSql, raw } from '../sql/sql';
import type DataLoader from 'dataloader';

/** The kernel service holding every declared entity by GraphQL type name (see `DomainModule.scopedEntities`). */
export const SCOPED_ENTITIES = 'kernel.scopedEntities';

/** `toGlobalId` in SQL, over a column holding the id. */
export function globalIdSql(typeName: string, idColumn: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(typeName)) throw new Error(`globalIdSql: ${JSON.stringify(typeName)} is not a type name.`);
  return base64UrlSql(`'${typeName}:' || ${idColumn}::text`);
}

/** An opaque global id: the type name and the record's id, base64url-encoded (Relay's object identification). */
export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The type name and id inside a global id, or null when it is not one this platform hands out. */
export function fromGlobalId(globalId: string): { typeName: string; id: string } | null {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const typeName = text.slice(0, colon);
  const id = text.slice(colon + 1);
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(typeName) && UUID.test(id) ? { typeName, id } : null;
}

/** A record with a global id: any declared entity's type may implement it (`@ObjectType({ implements: Node })`). */
@InterfaceType({ description: '节点。A record reachable by its global id with `node(nodeId:)`, whatever its type.' })
export abstract class Node {
  @Field(() => ID, { description: '全局标识。An opaque id unique across all types, for `node(nodeId:)` and references between modules.' })
  nodeId: string;
}

/**
 * Makes `Node` resolve to the type `node`/`nodes` loaded (the `__typename` they set), synchronously:
 * type-graphql's own resolveType is async and matches class instances, and the rows here are plain
 * objects read by the data layer (graphql-jit needs the synchronous form). Unions of records (e.g. a
 * step's `actor`, a user or an API client) resolve the same way when their loader tagged the row with
 * its `__typename`; a value without one goes to the union's own resolveType. Called when the schema is built.
 */
export function resolveNodeTypes(schema: GraphQLSchema): void {
  const node = schema.getType('Node');
  if (isInterfaceType(node)) node.resolveType = (value) => (value as { __typename?: string }).__typename;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isUnionType(type)) continue;
    const declared = type.resolveType;
    type.resolveType = (value, ...rest) => (value as { __typename?: string }).__typename ?? declared?.(value, ...rest);
  }
}

type Registry = ReadonlyMap<string, ScopedEntity<ObjectLiteral>>;

/** The record behind a global id within the caller's scope, with its type for `resolveType`; null when out of scope or missing. */
async function load(ctx: RequestContext, registry: Registry, ids: readonly string[]): Promise<Array<ObjectLiteral | null>> {
  const decoded = ids.map((gid, i) => {
    const d = fromGlobalId(gid);
    if (!d) throw kernelRules.field(`nodeIds.${i}`, 'globalId', 'is not a global id handed out by this API.');
    return d;
  });
  // Planned (the read compiler): each record as the planned read of its own type, null for a type not declared.
  if (ctx.planning) return Promise.all(decoded.map((d) => (registry.has(d.typeName) ? records(ctx, registry.get(d.typeName)!).one(d.id) : null)));
  const byType = new Map<string, string[]>();
  for (const d of decoded) byType.set(d.typeName, [...(byType.get(d.typeName) ?? []), d.id]);
  const found = new Map<string, ObjectLiteral>();
  for (const [typeName, typeIds] of byType) {
    const def = registry.get(typeName);
    // A type that is not declared (or whose module is off) is simply not found.
    if (!def) continue;
    for (const row of await records(ctx, def).many(typeIds)) if (row) found.set(`${typeName}:${row['id']}`, Object.assign(row, { __typename: typeName }));
  }
  return decoded.map((d) => found.get(`${d.typeName}:${d.id}`) ?? null);
}

/**
 * The records behind stored global ids, batched per request: for a module's reference to another
 * module's record that is not a foreign key (e.g. the drill a hazard came from), exposed as a field of
 * type `Node`. Each record is read within the caller's scope for its own type; null when out of
 * scope, missing, of a type whose module is off, or not a global id this platform handed out.
 */
export function nodeById(ctx: RequestContext): DataLoader<string, ObjectLiteral | null> {
  return ctx.loaders.get('kernel.node.byId', undefined, async (globalIds: readonly string[]) => {
    const valid = globalIds.filter((gid) => fromGlobalId(gid));
    const rows = await load(ctx, ctx.service<Registry>(SCOPED_ENTITIES), valid);
    const byId = new Map(valid.map((gid, i) => [gid, rows[i] ?? null]));
    return globalIds.map((gid) => byId.get(gid) ?? null);
  });
}

/** The global id of a declared entity's record, for storing a reference to it (see `nodeById`). */
export function globalIdOf(def: ScopedEntity<ObjectLiteral>, id: string): string {
  return toGlobalId(def.typeName, id);
}

@Resolver(() => Node)
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: '节点。The record with this global id, if you may read it (else null, as for one that does not exist).' })
  @RequirePermission(PUBLIC_OPERATION)
  async node(@Ctx() ctx: RequestContext, @Arg('nodeId', () => ID, { description: '全局标识。A `nodeId`.' }) nodeId: string): Promise<ObjectLiteral | null> {
    return (await load(ctx, ctx.service<Registry>(SCOPED_ENTITIES), [nodeId]))[0] ?? null;
  }

  @Query(() => [Node], { nullable: 'items', description: '节点列表。The records with these global ids, in order (null for each you may not read), at most 100.' })
  @RequirePermission(PUBLIC_OPERATION)
  nodes(@Ctx() ctx: RequestContext, @Arg('nodeIds', () => [ID], { description: '全局标识。Up to 100 `nodeId`s.' }) nodeIds: string[]): Promise<Array<ObjectLiteral | null>> {
    if (nodeIds.length > 100) throw BadUserInputError.field('nodeIds', 'max', 'at most 100 ids at a time.');
    return load(ctx, ctx.service<Registry>(SCOPED_ENTITIES), nodeIds);
  }

  @FieldResolver(() => ID, { description: '全局标识。An opaque id unique across all types.' })
  @ReadsColumns('id')
  @SqlForm((row, _ctx, typeName) => raw(globalIdSql(typeName, `${row}.id`)))
  nodeId(@Root() row: { id: string }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, row.id);
  }
}

