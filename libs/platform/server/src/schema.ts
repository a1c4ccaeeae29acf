import { buildSchema, getMetadataStorage } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { PageArgs, isKnownValid, permissionOfField, resolveNodeTypes, resolversOf, scalarsMap, validateArgument, type DomainModule } from '@platform/core';

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

type ParamMeta = { kind: string; index: number; propertyName?: string; getType?: () => unknown };

/**
 * Field resolvers whose parameters are only the context, the root, the info and one `PageArgs`
 * (relation lists: `Hazard.history`, `Organization.hazards`, …) are called directly: type-graphql
 * would sort the parameters, convert the page and await the validator on every call, once per parent
 * row. The page is checked against the validation memo and goes the normal way (validated, then
 * remembered) when it has not been seen; resolvers with middlewares or roles are left alone. The root
 * is passed as it is (the platform's resolvers read its properties; type-graphql would copy it into
 * an instance of the entity class first).
 */
function callPageResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  for (const resolver of storage.fieldResolvers) {
    const params = [...((resolver.params ?? []) as ParamMeta[])].sort((a, b) => a.index - b.index);
    const simple = params.every(
      (p) => p.kind === 'info' || ((p.kind === 'context' || p.kind === 'root') && !p.propertyName) || (p.kind === 'args' && p.getType?.() === PageArgs),
    );
    if (!simple || params.filter((p) => p.kind === 'args').length !== 1 || resolver.middlewares?.length || resolver.roles?.length || !resolver.getObjectType) continue;
    const objectClass = resolver.getObjectType();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    const original = field?.resolve;
    if (!field || !original || resolver.kind !== 'external') continue;
    const instance = new (resolver.target as new () => Record<string, (...args: unknown[]) => unknown>)();
    const method = instance[resolver.methodName]!;
    field.resolve = (root, args, ctx, info) => {
      const page = Object.assign(new PageArgs(), args);
      if (!isKnownValid(page)) return original(root, args, ctx, info);
      return method.apply(instance, params.map((p) => (p.kind === 'context' ? ctx : p.kind === 'root' ? root : p.kind === 'info' ? info : page)));
    };
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
  callPageResolversDirectly(schema);
  resolveNodeTypes(schema);
  const missing = undeclaredOperations(schema);
  if (missing.length) throw new Error(`Operation fields without @RequirePermission: ${missing.join(', ')}`);
  const unknown = unknownPermissions(schema, modules);
  if (unknown.length) throw new Error(`Operation fields requiring undeclared permissions: ${unknown.join(', ')}`);
  return schema;
}
