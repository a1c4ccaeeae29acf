import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { IMiddlewareFieldMap, IMiddlewareFunction, IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import { PUBLIC_OPERATION, denial, permissionOfField, type RequestContext } from '@platform/core';

/** A graphql-shield rule: `allow` or one made by `rule()`. */
export type PermissionRule = typeof allow | ReturnType<ReturnType<typeof rule>>;
/** The graphql-shield rule map of the operation fields: `{ Query: { hazards: rule, … }, Mutation: {…}, Subscription: {…} }`. */
export type OperationRules = Record<string, Record<string, PermissionRule>>;

/** How a field's permission is checked: by its graphql-shield rule (operation fields) or by a resolver wrapper (relation and sensitive fields). */
export interface FieldGuard {
  readonly code: string;
  readonly by: 'shield' | 'wrapper';
}

/** A field's middleware as graphql-shield generates it (graphql-middleware's resolver form). */
type MiddlewareResolver = Extract<IMiddlewareFunction, (...args: never[]) => unknown>;

const GUARDED = Symbol('permission guard');
type GuardedField = GraphQLField<unknown, RequestContext> & { [GUARDED]?: FieldGuard };

/**
 * graphql-shield's options. `fallbackRule: allow` decides nothing here: every operation field has a
 * rule of its own (`operationRules` refuses a schema where one has none, and `buildGatewaySchema`
 * refuses to build it at all: deny by default is that build-time check), and shield's middleware is
 * applied to the operation fields only. `debug` makes shield rethrow, unchanged, what a resolver or a
 * rule throws (typed errors such as NOT_FOUND or BAD_USER_INPUT, and bugs, which the error formatter
 * masks), instead of swapping it for `fallbackError`. Refusals are the rules' own return values,
 * `denial()`'s UnauthenticatedError / ForbiddenError with `extensions.permission`, passed on as they
 * are; `fallbackError` would only answer a rule returning `false`, which none does.
 */
const SHIELD_OPTIONS = {
  fallbackRule: allow,
  debug: true,
  fallbackError: () => new Error('A permission rule refused without saying why.'),
};

/** One rule per permission code, checked once per request (`contextual` cache) however many operation fields require it. */
function permissionRule(code: string): PermissionRule {
  if (code === PUBLIC_OPERATION) return allow;
  return rule(code, { cache: 'contextual' })((_source: unknown, _args: unknown, ctx: RequestContext) => denial(ctx.principal, code) ?? true);
}

function operationTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t): t is GraphQLObjectType => !!t);
}

/**
 * The graphql-shield rule map of every Query, Mutation and Subscription field, generated from the
 * `@RequirePermission` declarations: one `rule({ cache: 'contextual' })` per permission code,
 * `allow` for `PUBLIC_OPERATION`. Throws when an operation field declares nothing.
 */
export function operationRules(schema: GraphQLSchema): OperationRules {
  const rules = new Map<string, PermissionRule>();
  const tree: OperationRules = {};
  for (const root of operationTypes(schema)) {
    const fields: Record<string, PermissionRule> = (tree[root.name] = {});
    for (const field of Object.values(root.getFields())) {
      const code = permissionOfField(field);
      if (!code) throw new Error(`${root.name}.${field.name} declares no permission (@RequirePermission): an operation field is never left to shield's fallback rule.`);
      let fieldRule = rules.get(code);
      if (!fieldRule) rules.set(code, (fieldRule = permissionRule(code)));
      fields[field.name] = fieldRule;
    }
  }
  return tree;
}

/** What graphql-middleware's `applyMiddleware` does to one resolver, done to the field in place. */
function withMiddleware(middleware: MiddlewareResolver, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, ctx, info) =>
    middleware((s = source, a = args, c = ctx, i = info) => resolve(s, a as Record<string, unknown>, c, i), source, args, ctx, info);
}

/**
 * The operation fields' rules (`operationRules`) through graphql-shield: shield generates each field's
 * middleware, which is then put around the field's own `resolve` (Query, Mutation) or `subscribe`
 * (Subscription: checked when subscribing; each event is then re-checked by the subscription's own
 * filter against the subscriber's current grants) on the schema's field objects themselves.
 * graphql-middleware's `applyMiddleware` is not used: it builds a copy of the schema (new type and
 * field objects) and gives every field shield's async middleware, the fallback rule's included, so
 * graphql-jit could no longer read plain fields inline (`perf/`), and it would check a subscription's
 * permission on each event instead of when subscribing.
 */
function shieldOperations(schema: GraphQLSchema): void {
  // Shield is shown the operation types only. Its generator reads nothing of a schema but the type map,
  // and builds its result by spreading the map so far into a new object for every type: over the whole
  // schema (about 2,000 types) that was 160 MB of garbage at start, the heap's peak (302 MB), most of it
  // kept as resident memory afterwards. Rules exist for the operation types alone.
  // (server/src/perf/README.md lists this reliance on shield's internals.)
  const roots = operationTypes(schema);
  const typeMap = Object.fromEntries(roots.map((root) => [root.name, root]));
  const generated = shield(operationRules(schema), SHIELD_OPTIONS).generate({ getTypeMap: () => typeMap } as unknown as GraphQLSchema) as IMiddlewareTypeMap;
  const subscription = schema.getSubscriptionType();
  for (const root of roots) {
    const middlewares = generated[root.name] as IMiddlewareFieldMap;
    for (const field of Object.values(root.getFields()) as GuardedField[]) {
      if (field[GUARDED]) continue;
      const generatedMiddleware = middlewares[field.name]!;
      const middleware = typeof generatedMiddleware === 'function' ? generatedMiddleware : generatedMiddleware.resolve!;
      if (root === subscription) field.subscribe = withMiddleware(middleware, field.subscribe ?? defaultFieldResolver);
      else field.resolve = withMiddleware(middleware, field.resolve ?? defaultFieldResolver);
      field[GUARDED] = { code: permissionOfField(field)!, by: 'shield' };
    }
  }
}

/** `resolve` preceded by the permission check: a denied caller gets the typed error and no data. */
function guard(code: string, resolve: GraphQLFieldResolver<unknown, RequestContext>): GraphQLFieldResolver<unknown, RequestContext> {
  return (source, args, ctx, info) => {
    const refused = denial(ctx.principal, code);
    if (refused) throw refused;
    return resolve(source, args, ctx, info);
  };
}

/**
 * Authorization settled when the schema is built, from the `@RequirePermission` declarations.
 * Deny by default is a build-time guarantee: `buildGatewaySchema` refuses an operation field without
 * a declaration. Then:
 * - every Query, Mutation and Subscription field is checked by graphql-shield, its rule map generated
 *   from the declarations (`operationRules`, applied in place by `shieldOperations`);
 * - the relation and sensitive fields that carry a permission (e.g. `Organization.positions`) keep a
 *   synchronous wrapper around their resolver: shield's middleware is async, and these run once per
 *   parent row (measured in the README's architecture section);
 * - a field without a declaration is readable by whoever may read its parent and gets nothing at all;
 *   row scope is applied in SQL by the scoped queries.
 *
 * The schema is changed in place (the same type and field objects graphql-jit, Apollo and graphql-ws
 * use) and returned; applying it twice wraps nothing twice.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  shieldOperations(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GuardedField[]) {
      const code = permissionOfField(field);
      if (!code || code === PUBLIC_OPERATION || field[GUARDED]) continue;
      field.resolve = guard(code, field.resolve ?? defaultFieldResolver);
      field[GUARDED] = { code, by: 'wrapper' };
    }
  }
  return schema;
}

/** How `applyPermissions` guards a field, if it does. */
export function guardOf(field: GraphQLField<unknown, unknown>): FieldGuard | undefined {
  return (field as GuardedField)[GUARDED];
}
