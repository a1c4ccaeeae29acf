import { isObjectType, type GraphQLSchema } from 'graphql';
import { PageArgs, isKnownValid } from '@platform/core';
import type { MetadataShapes, ParamMeta } from './type-graphql-shapes';

/** Only the context, the root, the info and one `PageArgs`: the parameters this shortcut knows how to pass. */
function isPageResolver(params: readonly ParamMeta[]): boolean {
  const simple = params.every(
    (p) => p.kind === 'info' || ((p.kind === 'context' || p.kind === 'root') && !p.propertyName) || (p.kind === 'args' && p.getType?.() === PageArgs),
  );
  return simple && params.filter((p) => p.kind === 'args').length === 1;
}

/**
 * Field resolvers whose parameters are only the context, the root, the info and one `PageArgs`
 * (relation lists: `Hazard.history`, `Organization.hazards`, …) are called directly: type-graphql
 * would sort the parameters, convert the page and await the validator on every call, once per parent
 * row. The page is checked against the validation memo and goes the normal way (validated, then
 * remembered) when it has not been seen; resolvers with middlewares or roles are left alone. The root
 * is passed as it is (the platform's resolvers read its properties; type-graphql would copy it into
 * an instance of the entity class first). Returns the fields it rewired, as `Type.field`.
 */
export function callPageResolversDirectly(schema: GraphQLSchema, storage: MetadataShapes): string[] {
  const rewired: string[] = [];
  for (const resolver of storage.fieldResolvers) {
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    if (!isPageResolver(params) || resolver.middlewares?.length || resolver.roles?.length || !resolver.getObjectType || resolver.kind !== 'external') continue;
    const objectClass = resolver.getObjectType();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    const original = field?.resolve;
    if (!field || !original) continue;
    const instance = new (resolver.target as new () => Record<string, (...args: unknown[]) => unknown>)();
    const method = instance[resolver.methodName]!;
    field.resolve = (root, args, ctx, info) => {
      const page = Object.assign(new PageArgs(), args);
      if (!isKnownValid(page)) return original(root, args, ctx, info);
      return method.apply(instance, params.map((p) => (p.kind === 'context' ? ctx : p.kind === 'root' ? root : p.kind === 'info' ? info : page)));
    };
    rewired.push(`${typeName}.${field.name}`);
  }
  return rewired;
}
