import { isObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { PUBLIC_OPERATION, denial, permissionOfField, type RequestContext } from '@platform/core';

/** One rule per permission code, cached per request: a code checked twice costs one check. */
function permissionRule(code: string) {
  return rule(`permission:${code}`, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => denial(ctx.principal, code) ?? true);
}

/**
 * The graphql-shield rule tree built from the `@RequirePermission` declarations of the operation
 * fields (Query, Mutation, Subscription). No fallback rule: graphql-shield would then wrap every
 * field of every type in an async middleware (measured 25–35% slower on lists); deny by default is
 * guaranteed instead by the schema build, which refuses an operation field without a declaration.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  const rules: Record<string, Record<string, ReturnType<typeof permissionRule> | typeof allow>> = {};
  const byCode = new Map<string, ReturnType<typeof permissionRule>>();
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root || !isObjectType(root)) continue;
    const typeRules: Record<string, ReturnType<typeof permissionRule> | typeof allow> = {};
    for (const field of Object.values(root.getFields())) {
      const code = permissionOfField(field)!;
      if (code === PUBLIC_OPERATION) {
        typeRules[field.name] = allow;
        continue;
      }
      let r = byCode.get(code);
      if (!r) byCode.set(code, (r = permissionRule(code)));
      typeRules[field.name] = r;
    }
    rules[root.name] = typeRules;
  }
  return applyMiddleware(schema, shield(rules as IRules, { allowExternalErrors: true, debug: false }));
}
