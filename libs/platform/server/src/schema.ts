import { buildSchema, getMetadataStorage } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { permissionOfField, resolversOf, scalarsMap, validateArgument, type DomainModule } from '@platform/core';

/** Root fields that have no `@RequirePermission`, as `Type.field`. */
export function undeclaredOperations(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root || !isObjectType(root)) continue;
    for (const field of Object.values(root.getFields())) {
      if (!permissionOfField(field)) missing.push(`${root.name}.${field.name}`);
    }
  }
  return missing;
}

/** Permission codes used by operation fields that no enabled module declares. */
export function unknownPermissions(schema: GraphQLSchema, modules: readonly DomainModule[]): string[] {
  const declared = new Set(['public', ...modules.flatMap((m) => m.permissions.map((p) => p.code))]);
  const unknown: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const code = permissionOfField(field);
      if (code && !declared.has(code)) unknown.push(`${root!.name}.${field.name} → ${code}`);
    }
  }
  return unknown;
}

/**
 * Object fields without a resolver, middleware or roles become type-graphql "simple" fields: no
 * per-field wrapper, the value is read from the object, and graphql-jit inlines the read. The
 * platform uses neither type-graphql middlewares nor its auth checker (permissions are applied to
 * the built schema), so the wrapper type-graphql adds by default would only cost time per value.
 */
function readPlainFieldsDirectly(): void {
  // Every @Field of every class (type-graphql copies them into object types, and to subclasses, when it builds).
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && !field.roles?.length && !field.params?.length) field.simple = true;
  }
}

/**
 * One type-graphql schema from the enabled modules' resolvers, with argument validation on.
 * Refuses to build when an operation field declares no permission (deny by default starts here).
 */
export async function buildGatewaySchema(modules: readonly DomainModule[]): Promise<GraphQLSchema> {
  readPlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: resolversOf(modules),
    orphanedTypes: modules.flatMap((m) => m.orphanedTypes ?? []) as never,
    // class-validator runs on every argument through validateArgument, which reports full paths.
    validate: true,
    validateFn: validateArgument,
    scalarsMap,
    // Subscriptions stream the kernel's committed domain events (their own `subscribe`); type-graphql
    // still insists on a PubSub being configured.
    pubSub: createPubSub(),
  });
  const missing = undeclaredOperations(schema);
  if (missing.length) throw new Error(`Operation fields without @RequirePermission: ${missing.join(', ')}`);
  const unknown = unknownPermissions(schema, modules);
  if (unknown.length) throw new Error(`Operation fields requiring undeclared permissions: ${unknown.join(', ')}`);
  return schema;
}
