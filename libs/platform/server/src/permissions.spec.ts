import { GraphQLID, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, execute, parse, subscribe, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { allow } from 'graphql-shield';
import { ANONYMOUS, NotFoundError, PUBLIC_OPERATION, type Grant, type Principal } from '@platform/core';
import { applyPermissions, guardOf, operationRules } from './permissions';

const READ = 'probe.item:read';
const WRITE = 'probe.item:write';
const SECRET = 'probe.secret:read';
const ALL: Grant = { scope: 'ALL', organizationId: null, organizationPath: null };
const user = (...codes: string[]): Principal => ({ kind: 'user', id: 'u1', displayName: 'u1', roles: [], grants: new Map(codes.map((c) => [c, [ALL]])) });

/** A small schema shaped like the gateway's: operation fields with declarations, a guarded relation field, plain fields. */
function probeSchema(calls: string[] = []) {
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: () => ({
      id: { type: new GraphQLNonNull(GraphQLID) },
      name: { type: GraphQLString },
      secret: { type: GraphQLString, extensions: { permission: SECRET }, resolve: () => 'hidden' },
    }),
  });
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      item: { type: Item, extensions: { permission: READ }, resolve: () => (calls.push('item'), { id: '1', name: 'one' }) },
      items: { type: new GraphQLList(Item), extensions: { permission: READ }, resolve: async () => (calls.push('items'), [{ id: '1', name: 'one' }]) },
      missing: { type: Item, extensions: { permission: READ }, resolve: () => Promise.reject(new NotFoundError('Item', '9')) },
      health: { type: GraphQLString, extensions: { permission: PUBLIC_OPERATION }, resolve: () => 'ok' },
    },
  });
  const Mutation = new GraphQLObjectType({
    name: 'Mutation',
    fields: { renameItem: { type: Item, extensions: { permission: WRITE }, resolve: () => (calls.push('renameItem'), { id: '1', name: 'two' }) } },
  });
  const itemChanged = {
    type: Item,
    extensions: { permission: READ },
    subscribe: () => {
      calls.push('subscribe');
      return (async function* () {
        yield { id: '1', name: 'event' };
      })();
    },
    resolve: (event: unknown) => event,
  };
  const Subscription = new GraphQLObjectType({ name: 'Subscription', fields: { itemChanged } });
  return { schema: new GraphQLSchema({ query: Query, mutation: Mutation, subscription: Subscription }), itemChanged };
}

/** One request through graphql-jit, as both HTTP routes run it (fresh context per request). */
async function jit(schema: GraphQLSchema, source: string, principal: Principal): Promise<ExecutionResult> {
  const compiled = compileQuery(schema, parse(source));
  if (!isCompiledQuery(compiled)) throw new Error(JSON.stringify(compiled));
  return (await compiled.query(undefined, { principal }, {})) as ExecutionResult;
}

describe('operationRules', () => {
  it('has one rule for every Query, Mutation and Subscription field, generated from its declaration: one contextual rule per code, allow for public', () => {
    const { schema } = probeSchema();
    const rules = operationRules(schema);
    expect(Object.keys(rules)).toEqual(['Query', 'Mutation', 'Subscription']);
    expect(Object.keys(rules['Query']!)).toEqual(['item', 'items', 'missing', 'health']);
    expect(Object.keys(rules['Mutation']!)).toEqual(['renameItem']);
    expect(Object.keys(rules['Subscription']!)).toEqual(['itemChanged']);
    expect(rules['Query']!['health']).toBe(allow);
    expect(rules['Query']!['item']).toMatchObject({ name: READ, cache: 'contextual' });
    expect(rules['Mutation']!['renameItem']).toMatchObject({ name: WRITE, cache: 'contextual' });
    // One rule per code: shield's contextual cache then checks it once per request.
    expect(rules['Query']!['items']).toBe(rules['Query']!['item']);
    expect(rules['Subscription']!['itemChanged']).toBe(rules['Query']!['item']);
  });

  it('refuses an operation field without a declaration rather than leave it to the fallback rule', () => {
    const Query = new GraphQLObjectType({ name: 'Query', fields: { leak: { type: GraphQLString, resolve: () => 'x' } } });
    expect(() => operationRules(new GraphQLSchema({ query: Query }))).toThrow('Query.leak declares no permission');
  });
});

describe('applyPermissions', () => {
  it('puts shield on the operation fields and a wrapper on guarded relation fields, in place, leaving plain fields alone', () => {
    const { schema, itemChanged } = probeSchema();
    const eventResolver = itemChanged.resolve;
    expect(applyPermissions(schema)).toBe(schema);
    const fields = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();
    for (const name of ['item', 'items', 'missing']) expect(guardOf(fields('Query')[name]!)).toEqual({ code: READ, by: 'shield' });
    expect(guardOf(fields('Query')['health']!)).toEqual({ code: PUBLIC_OPERATION, by: 'shield' });
    expect(guardOf(fields('Mutation')['renameItem']!)).toEqual({ code: WRITE, by: 'shield' });
    expect(guardOf(fields('Subscription')['itemChanged']!)).toEqual({ code: READ, by: 'shield' });
    expect(guardOf(fields('Item')['secret']!)).toEqual({ code: SECRET, by: 'wrapper' });
    // Plain fields stay without a resolver (graphql-jit reads them inline); a subscription's per-event resolver is not wrapped.
    expect(fields('Item')['name']!.resolve).toBeUndefined();
    expect(guardOf(fields('Item')['name']!)).toBeUndefined();
    expect(fields('Subscription')['itemChanged']!.resolve).toBe(eventResolver);

    const resolvers = [fields('Query')['item']!.resolve, fields('Item')['secret']!.resolve, fields('Subscription')['itemChanged']!.subscribe];
    applyPermissions(schema);
    expect([fields('Query')['item']!.resolve, fields('Item')['secret']!.resolve, fields('Subscription')['itemChanged']!.subscribe]).toEqual(resolvers);
  });

  it('answers an anonymous caller UNAUTHENTICATED and a signed-in one FORBIDDEN, naming the permission, without running the resolver', async () => {
    const calls: string[] = [];
    const { schema } = applyPermissionsTo(probeSchema(calls));
    const anonymous = await jit(schema, '{ item { id } }', ANONYMOUS);
    expect(anonymous.data).toEqual({ item: null });
    expect(anonymous.errors).toHaveLength(1);
    expect(anonymous.errors![0]!.message).toBe(`Sign in or send an API key: this needs the permission ${READ}.`);
    expect(anonymous.errors![0]!.path).toEqual(['item']);
    expect(anonymous.errors![0]!.originalError?.constructor.name).toBe('UnauthenticatedError');
    expect(anonymous.errors![0]!.originalError).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', permission: READ, http: { status: 401 } } });

    const forbidden = await jit(schema, 'mutation { renameItem { id } }', user(READ));
    expect(forbidden.errors![0]!.message).toBe(`You do not have the permission ${WRITE}.`);
    expect(forbidden.errors![0]!.originalError).toMatchObject({ extensions: { code: 'FORBIDDEN', permission: WRITE } });
    expect(calls).toEqual([]);

    // graphql-js (graphql-ws, and what Apollo would run) gives the same error.
    const viaGraphqlJs = await execute({ schema, document: parse('{ item { id } }'), contextValue: { principal: ANONYMOUS } });
    expect(viaGraphqlJs.errors![0]!.message).toBe(anonymous.errors![0]!.message);
    expect(viaGraphqlJs.errors![0]!.originalError).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', permission: READ } });
  });

  it('runs allowed operations, public ones for everyone, checks each code once per request, and passes typed errors on unchanged', async () => {
    const calls: string[] = [];
    const { schema } = applyPermissionsTo(probeSchema(calls));
    let lookups = 0;
    const counted = user(READ);
    const grants = counted.grants as Map<string, readonly Grant[]>;
    const get = grants.get.bind(grants);
    grants.get = (code) => (lookups++, get(code));
    expect(await jit(schema, '{ a: item { id name } b: items { id } c: item { id } }', counted)).toEqual({ data: { a: { id: '1', name: 'one' }, b: [{ id: '1' }], c: { id: '1' } } });
    expect(lookups).toBe(1);
    expect(calls).toEqual(['item', 'items', 'item']);
    expect(await jit(schema, '{ health }', ANONYMOUS)).toEqual({ data: { health: 'ok' } });

    // A resolver's typed error is what the client gets, not shield's fallbackError.
    const missing = await jit(schema, '{ missing { id } }', user(READ));
    expect(missing.errors![0]!.message).toBe('Item 9 was not found.');
    expect(missing.errors![0]!.originalError).toBeInstanceOf(NotFoundError);

    // Relation and sensitive fields: the wrapper, same typed error.
    const secret = await jit(schema, '{ item { secret } }', user(READ));
    expect(secret.data).toEqual({ item: { secret: null } });
    expect(secret.errors![0]!.originalError).toMatchObject({ extensions: { code: 'FORBIDDEN', permission: SECRET } });
    expect(await jit(schema, '{ item { secret } }', user(READ, SECRET))).toEqual({ data: { item: { secret: 'hidden' } } });
  });

  it('checks a subscription when subscribing: a refused subscriber never reaches the subscription\'s own subscribe', async () => {
    const calls: string[] = [];
    const { schema } = applyPermissionsTo(probeSchema(calls));
    const refused = (await subscribe({ schema, document: parse('subscription { itemChanged { id } }'), contextValue: { principal: ANONYMOUS } })) as ExecutionResult;
    expect(refused.errors![0]!.originalError).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', permission: READ } });
    expect(calls).toEqual([]);

    const stream = (await subscribe({ schema, document: parse('subscription { itemChanged { name } }'), contextValue: { principal: user(READ) } })) as AsyncIterableIterator<ExecutionResult>;
    expect(calls).toEqual(['subscribe']);
    expect((await stream.next()).value).toEqual({ data: { itemChanged: { name: 'event' } } });
  });
});

function applyPermissionsTo<T extends { schema: GraphQLSchema }>(probe: T): T {
  applyPermissions(probe.schema);
  return probe;
}
