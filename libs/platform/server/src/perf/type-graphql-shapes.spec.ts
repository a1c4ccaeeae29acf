import { Args, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root, getMetadataStorage } from 'type-graphql';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, execute, isObjectType, parse } from 'graphql';
import { InternalsChangedError, PUBLIC_OPERATION, PageArgs, RequirePermission, installedVersion, type DomainModule } from '@platform/core';
import { buildGatewaySchema } from '../schema';
import { assertTypeGraphqlShapes, typeGraphqlShapeProblems } from './type-graphql-shapes';
import { plainFieldProblems } from './plain-fields';
import { callPageResolversDirectly } from './page-resolvers';

@ObjectType({ description: '探针。Probe parent.' })
class ShapeParent {
  @Field(() => ID, { description: '标识。Id.' })
  id: string;
}

@Resolver(() => ShapeParent)
class ShapeParentResolver {
  @Query(() => [ShapeParent], { description: '探针。Probe list.' })
  @RequirePermission(PUBLIC_OPERATION)
  shapeParents(): ShapeParent[] {
    return [{ id: 'p1' }];
  }

  // A relation list's shape: context, root and one PageArgs (the page-resolver shortcut takes these).
  @FieldResolver(() => String, { description: '页。Page as text.' })
  page(@Ctx() _ctx: unknown, @Root() parent: ShapeParent, @Args(() => PageArgs) page: PageArgs): string {
    return `${parent.id}:${page.first ?? ''}`;
  }
}

const probe: DomainModule[] = [{ name: 'probe', description: '探针。Probe.', entities: [], resolvers: [ShapeParentResolver], migrations: [], permissions: [] }];

class Target {}

/** A storage as type-graphql 2.0.0-rc.4 has it after building, with one field and one relation-list resolver. */
const storage = (overrides: { field?: Record<string, unknown>; resolver?: Record<string, unknown>; param?: Record<string, unknown> } = {}) => ({
  fields: [{ target: Target, name: 'title', schemaName: 'title', simple: true, ...overrides.field }],
  objectTypes: [{ target: Target, name: 'Target' }],
  fieldResolvers: [
    {
      kind: 'external',
      target: class TargetResolver {},
      methodName: 'history',
      schemaName: 'history',
      getObjectType: () => Target,
      params: [
        { kind: 'root', index: 0, propertyName: undefined },
        { kind: 'args', index: 1, getType: () => PageArgs, ...overrides.param },
      ],
      ...overrides.resolver,
    },
  ],
});

describe('start-up check of type-graphql internals (metadata storage)', () => {
  it('finds nothing wrong with the real storage before and after a build', async () => {
    expect(typeGraphqlShapeProblems(getMetadataStorage(), false)).toEqual([]);
    const schema = await buildGatewaySchema(probe);
    expect(typeGraphqlShapeProblems(getMetadataStorage(), true)).toEqual([]);
    // And the shortcuts it guards take effect: a plain field has no resolver left, the relation-list resolver is recognised.
    const shapes = assertTypeGraphqlShapes(getMetadataStorage(), true);
    const parent = schema.getType('ShapeParent');
    expect(isObjectType(parent) && parent.getFields()['id']?.resolve).toBeUndefined();
    expect(plainFieldProblems(schema, shapes)).toEqual([]);
    expect(callPageResolversDirectly(schema, shapes)).toEqual(['ShapeParent.page']);
    // Called twice with one page: validated the first time, then directly; the same answer both ways.
    const result = await execute({ schema, document: parse('{ shapeParents { a: page(first: 2) b: page(first: 2) } }'), contextValue: {} });
    expect(result).toEqual({ data: { shapeParents: [{ a: 'p1:2', b: 'p1:2' }] } });
  });

  it('accepts the fake storage that mirrors today’s shape', () => {
    expect(typeGraphqlShapeProblems(storage(), true)).toEqual([]);
  });

  it('names what changed: a renamed `simple`, a new parameter kind, a missing getType', () => {
    expect(typeGraphqlShapeProblems(storage({ field: { simple: 'yes' } }), true)).toEqual(['fields[0].simple is string, expected undefined or a boolean']);
    expect(typeGraphqlShapeProblems(storage({ param: { kind: 'arguments' } }), true)).toEqual([
      'fieldResolvers[0].params[1].kind is "arguments", expected one of info, pubSub, context, root, arg, args, custom',
    ]);
    expect(typeGraphqlShapeProblems(storage({ param: { getType: undefined } }), true)).toEqual(['fieldResolvers[0].params[1].getType is undefined, expected a function']);
    expect(typeGraphqlShapeProblems(storage({ resolver: { params: undefined } }), true)).toEqual(['fieldResolvers[0].params is undefined, expected an array (after buildSchema)']);
    // Before a build type-graphql has not attached the parameters yet.
    expect(typeGraphqlShapeProblems(storage({ resolver: { params: undefined } }), false)).toEqual([]);
    expect(typeGraphqlShapeProblems({ fields: new Map(), fieldResolvers: [], objectTypes: [] }, false)).toEqual(['fields is object, expected an array']);
  });

  it('fails with type-graphql’s version and the README, so an upgrade stops at start-up', () => {
    const run = () => assertTypeGraphqlShapes(storage({ param: { kind: 'arguments' } }), true);
    expect(run).toThrow(InternalsChangedError);
    expect(run).toThrow(
      `type-graphql ${installedVersion('type-graphql')} no longer has what the platform's read path relies on: fieldResolvers[0].params[1].kind is "arguments"`,
    );
    expect(run).toThrow('libs/platform/server/src/perf/README.md');
  });

  it('notices when type-graphql stops honouring `simple`: the field still got a resolver', () => {
    const schemaWith = (resolve?: () => string) =>
      new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Target', fields: { title: { type: GraphQLString, ...(resolve ? { resolve } : {}) } } }) });
    const shapes = assertTypeGraphqlShapes({ ...storage(), fieldResolvers: [] }, true);
    expect(plainFieldProblems(schemaWith(), shapes)).toEqual([]);
    expect(plainFieldProblems(schemaWith(() => 'wrapped'), shapes)).toEqual(['Target.title is marked fields[].simple but got a resolver']);
  });
});
