import { isObjectType, type GraphQLSchema } from 'graphql';
import type { MetadataShapes } from './type-graphql-shapes';

/**
 * Object fields without a resolver, middleware or roles become type-graphql "simple" fields: no
 * per-field wrapper, the value is read from the object, and graphql-jit inlines the read. The
 * platform uses neither type-graphql middlewares nor its auth checker (permissions are applied to
 * the built schema), so the wrapper type-graphql adds by default would only cost time per value.
 * Writes to the global metadata storage: run it before `buildSchema`.
 */
export function readPlainFieldsDirectly(storage: MetadataShapes): void {
  // Every @Field of every class (type-graphql copies them into object types, and to subclasses, when it builds).
  for (const field of storage.fields) {
    if (field.simple === undefined && !field.middlewares?.length && !field.roles?.length && !field.params?.length) field.simple = true;
  }
}

/**
 * Fields marked simple that still got a resolver in the built schema: type-graphql no longer reads
 * `simple` (renamed, or a new default), so every value pays for a wrapper again. Fields a
 * `@FieldResolver` serves are left out (their resolver is meant).
 */
export function plainFieldProblems(schema: GraphQLSchema, storage: MetadataShapes): string[] {
  const problems: string[] = [];
  const served = new Map<unknown, Set<string>>();
  for (const r of storage.fieldResolvers) {
    const target = r.getObjectType?.();
    if (!served.has(target)) served.set(target, new Set());
    served.get(target)!.add(r.methodName);
  }
  for (const field of storage.fields) {
    if (field.simple !== true || served.get(field.target)?.has(field.name)) continue;
    // The declaring class's own type: subclasses and interfaces copy the field and are checked through it.
    const typeName = storage.objectTypes.find((o) => o.target === field.target)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const built = type && isObjectType(type) ? type.getFields()[field.schemaName] : undefined;
    if (built?.resolve) problems.push(`${typeName}.${field.schemaName} is marked fields[].simple but got a resolver`);
  }
  return problems;
}
