import { GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, execute, parse, type GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from 'typeorm';
import { READS_COLUMNS, READ_BY_COLUMN_SELECTION, selectedProperties } from './row-reader';

class Item {}

/** Only what `selectedProperties` reads of a manager: the entity's columns. */
const manager = { connection: { getMetadata: () => ({ columns: ['id', 'name', 'note', 'status'].map((propertyPath) => ({ propertyPath })) }) } } as unknown as EntityManager;

/** A schema whose `items` list reports what `selectedProperties` answers for its selection. */
function schemaFor(marked: boolean) {
  const item = new GraphQLObjectType({
    name: 'Item',
    extensions: marked ? { [READ_BY_COLUMN_SELECTION]: true } : {},
    fields: {
      id: { type: GraphQLString },
      name: { type: GraphQLString },
      shout: { type: GraphQLString, extensions: { [READS_COLUMNS]: ['note'] }, resolve: () => 'x' },
      loud: { type: GraphQLString, resolve: () => 'x' },
    },
  });
  let seen: readonly string[] | null | undefined;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(item),
          resolve: (_root: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
            seen = selectedProperties(manager, Item, info, [], ['status']);
            return [{}];
          },
        },
      },
    }),
  });
  return { schema, seen: () => seen };
}

describe('selectedProperties', () => {
  it('reads the selected columns, the declared ones of field resolvers and the always-needed ones', async () => {
    const probe = schemaFor(true);
    const result = await execute({ schema: probe.schema, document: parse('{ items { name shout __typename } }') });
    expect(result.errors).toBeUndefined();
    expect(probe.seen()).toEqual(['name', 'note', 'status']);
  });

  it('reads every column when a selected field resolver does not declare what it reads', async () => {
    const probe = schemaFor(true);
    await execute({ schema: probe.schema, document: parse('{ items { name loud } }') });
    expect(probe.seen()).toBeNull();
  });

  it('refuses a type not marked @ReadByColumnSelection(): the schema build would not have checked its declarations', async () => {
    const probe = schemaFor(false);
    const result = await execute({ schema: probe.schema, document: parse('{ items { name } }') });
    expect(result.errors?.[0]?.message).toBe(
      "selectedProperties: the type Item is not marked @ReadByColumnSelection(), so its field resolvers' @ReadsColumns are not checked; mark its class.",
    );
  });
});
