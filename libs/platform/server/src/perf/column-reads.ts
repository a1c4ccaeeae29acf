import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { READS_COLUMNS, READ_BY_COLUMN_SELECTION } from '@platform/core';
import type { Class, MetadataShapes } from './type-graphql-shapes';

/** The entity properties TypeORM maps to columns for a class and the classes it extends. */
function columnProperties(target: Class): Set<string> {
  const chain: Class[] = [];
  for (let c: unknown = target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c as Class);
  const args = getMetadataArgsStorage();
  // A relation without a column of its own is read under the relation's name (its join column).
  return new Set([...args.filterColumns(chain).map((c) => c.propertyName), ...args.filterRelations(chain).map((r) => r.propertyName)]);
}

/**
 * Fields of the types marked `@ReadByColumnSelection()` that column selection (`selectedProperties`)
 * would get wrong, as `Type.field: why`:
 * - a field with a resolver (a `@FieldResolver`, or a getter or method of the class) and no
 *   `@ReadsColumns`: selecting it silently reads every column;
 * - a `@ReadsColumns` naming a property that is not a column: its resolver would see `undefined`;
 * - a plain field that is not a column (a property a service sets): the row readers return plain
 *   objects of the columns, so it would answer `undefined`.
 */
export function undeclaredColumnReads(schema: GraphQLSchema, storage: MetadataShapes): string[] {
  const offenders: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.extensions?.[READ_BY_COLUMN_SELECTION]) continue;
    const target = storage.objectTypes.find((o) => o.name === type.name)?.target;
    const columns = target ? columnProperties(target) : new Set<string>();
    if (!columns.size) {
      offenders.push(`${type.name}: marked @ReadByColumnSelection() but is not an entity with columns`);
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const declared = field.extensions?.[READS_COLUMNS] as readonly string[] | undefined;
      if (declared) {
        const unknown = declared.filter((p) => !columns.has(p));
        if (unknown.length) offenders.push(`${type.name}.${field.name}: @ReadsColumns names ${unknown.join(', ')}, not column(s) of the entity`);
      } else if (field.resolve) offenders.push(`${type.name}.${field.name}: a field resolver without @ReadsColumns`);
      else if (!columns.has(field.name)) offenders.push(`${type.name}.${field.name}: neither a column nor a field resolver (rows are plain objects)`);
    }
  }
  return offenders;
}
