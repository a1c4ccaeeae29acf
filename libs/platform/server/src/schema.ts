import { buildSchema, getMetadataStorage } from 'type-graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { GraphQLSchema, assertValidSchema, isObjectType } from 'graphql';
import { ErrorCodeType, InternalsChangedError, installedVersion, memoizeValidationMetadata, permissionOfField, resolveNodeTypes, resolversOf, scalarsMap, validateArgument, type DomainModule } from '@platform/core';
import { SERVER_PERF_README, assertTypeGraphqlShapes } from './perf/type-graphql-shapes';
import { plainFieldProblems, readPlainFieldsDirectly } from './perf/plain-fields';
import { callPageResolversDirectly } from './perf/page-resolvers';
import { undeclaredColumnReads } from './perf/column-reads';

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
 * One type-graphql schema from the enabled modules' resolvers, with argument validation on.
 * Refuses to build when an operation field declares no permission (deny by default starts here),
 * when type-graphql's internals the read path's shortcuts use have changed (`perf/`), and when a
 * field of a type read by column selection does not say which columns it reads.
 */
export async function buildGatewaySchema(modules: readonly DomainModule[]): Promise<GraphQLSchema> {
  // The read path's shortcuts use type-graphql internals (see perf/README.md): fail here, naming the version, if an upgrade changed them.
  readPlainFieldsDirectly(assertTypeGraphqlShapes(getMetadataStorage(), false));
  // class-validator's per-call lookup of a class's rules, kept per class (core/src/perf/README.md).
  memoizeValidationMetadata();
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
    // type-graphql's own check runs the whole introspection query over the built schema at every
    // start; graphql-js's schema validation below finds what that check finds.
    skipCheck: true,
  });
  assertValidSchema(schema);
  const storage = assertTypeGraphqlShapes(getMetadataStorage(), true);
  const ignored = plainFieldProblems(schema, storage);
  if (ignored.length) throw new InternalsChangedError('type-graphql', installedVersion('type-graphql'), ignored, SERVER_PERF_README);
  callPageResolversDirectly(schema, storage);
  resolveNodeTypes(schema);
  const misread = undeclaredColumnReads(schema, storage);
  if (misread.length) throw new Error(`Fields of types read by column selection that it would read wrong: ${misread.join('; ')}`);
  // Deny by default: graphql-shield's rule map (permissions.ts) has a rule for every operation field because
  // this refuses a field without a declaration; shield's fallbackRule (allow) never decides one.
  const missing = undeclaredOperations(schema);
  if (missing.length) throw new Error(`Operation fields without @RequirePermission: ${missing.join(', ')}`);
  const unknown = unknownPermissions(schema, modules);
  if (unknown.length) throw new Error(`Operation fields requiring undeclared permissions: ${unknown.join(', ')}`);
  // Every error code a client can receive, as a type of its own (no field returns it); the types themselves are the same objects.
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ErrorCodeType] });
}
