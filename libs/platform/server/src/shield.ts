import { isObjectType, type GraphQLFieldMap, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { PUBLIC_OPERATION, denial, permissionOfField, type RequestContext } from '@platform/core';

/** One rule per permission code, cached per request: a code checked twice costs one check. */
function permissionRule(code: string) {
  return rule(`permission:${code}`, { cache: 'contextual' })((_parent, _args, ctx: RequestContext) => denial(ctx.principal, code) ?? true);
}

/**
 * The graphql-shield rule tree built from the `@RequirePermission` declarations: on every operation
 * field (Query, Mutation, Subscription) and on the relation and sensitive fields that carry one
 * (e.g. `Organization.positions` leads to persons). No fallback rule: graphql-shield would then wrap
 * every field of every type in an async middleware (measured 25–35% slower on lists); deny by
 * default is guaranteed instead by the schema build, which refuses an operation field without a
 * declaration.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  type Rule = ReturnType<typeof permissionRule> | typeof allow;
  const byCode = new Map<string, ReturnType<typeof permissionRule>>();
  const ruleFor = (code: string): Rule => {
    if (code === PUBLIC_OPERATION) return allow;
    let r = byCode.get(code);
    if (!r) byCode.set(code, (r = permissionRule(code)));
    return r;
  };
  const rules: Record<string, Record<string, Rule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRules: Record<string, Rule> = {};
    for (const field of Object.values(type.getFields() as GraphQLFieldMap<unknown, unknown>)) {
      const code = permissionOfField(field);
      if (code) typeRules[field.name] = ruleFor(code);
    }
    if (Object.keys(typeRules).length) rules[type.name] = typeRules;
  }
  return applyMiddleware(schema, shield(rules as IRules, { allowExternalErrors: true, debug: false }));
}
