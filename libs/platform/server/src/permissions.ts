import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { PUBLIC_OPERATION, denial, permissionOfField, type RequestContext } from '@platform/core';

const GUARDED = Symbol('permission guard');
type GuardedField = GraphQLField<unknown, RequestContext> & { [GUARDED]?: string };

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
 * Deny by default is a build-time guarantee (`buildGatewaySchema` refuses an operation field without
 * a declaration); each field that carries a permission, every operation field and the relation and
 * sensitive fields (e.g. `Organization.positions`), gets its resolver wrapped in one synchronous
 * check of the request's principal. A field without a declaration is readable by whoever may read
 * its parent and gets no wrapper at all, and row scope is applied in SQL by the scoped queries.
 * Subscriptions are checked when subscribing and again for every event.
 *
 * The schema is changed in place and returned; applying it twice wraps nothing twice.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as GuardedField[]) {
      const code = permissionOfField(field);
      if (!code || code === PUBLIC_OPERATION || field[GUARDED]) continue;
      field.resolve = guard(code, field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guard(code, field.subscribe);
      field[GUARDED] = code;
    }
  }
  return schema;
}
