import { isObjectType, type GraphQLObjectType } from 'graphql';
import { allow } from 'graphql-shield';
import { checkedBody, startTestGateway, subscribe, type TestGateway } from '@platform/testing';
import { permissionOfField } from '@platform/core';
import { guardOf, operationRules } from '@platform/server';
import { AVAILABLE_MODULES } from '../../src/available-modules';

/**
 * The operation fields' permissions run through graphql-shield (a rule map generated from the
 * `@RequirePermission` declarations), relation and sensitive fields through their schema-build
 * wrappers; clients get the same typed refusals on every way in. An operation field without a
 * declaration failing the build: kernel.e2e-spec.ts.
 */
describe('operation rules (graphql-shield)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
  });
  afterAll(() => t?.close());

  const roots = () => [t.gateway.schema.getQueryType(), t.gateway.schema.getMutationType(), t.gateway.schema.getSubscriptionType()].filter((r): r is GraphQLObjectType => !!r);

  it('has a rule for every Query, Mutation and Subscription field, the one its declaration names, and shield runs it on the gateway\'s schema', () => {
    const rules = operationRules(t.gateway.schema);
    expect(Object.keys(rules)).toEqual(roots().map((r) => r.name));
    let count = 0;
    for (const root of roots()) {
      expect(Object.keys(rules[root.name]!).sort()).toEqual(Object.keys(root.getFields()).sort());
      for (const field of Object.values(root.getFields())) {
        const code = permissionOfField(field)!;
        const rule = rules[root.name]![field.name]!;
        if (code === 'public') expect(rule).toBe(allow);
        else expect(rule).toMatchObject({ name: code, cache: 'contextual' });
        expect([`${root.name}.${field.name}`, guardOf(field)]).toEqual([`${root.name}.${field.name}`, { code, by: 'shield' }]);
        count++;
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  it('keeps the schema-build wrapper on each relation and sensitive field that declares a permission, and nothing on the others', () => {
    const operationTypes = new Set(roots());
    const wrapped: string[] = [];
    for (const type of Object.values(t.gateway.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || operationTypes.has(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const code = permissionOfField(field);
        expect(guardOf(field)).toEqual(code ? { code, by: 'wrapper' } : undefined);
        if (code) wrapped.push(`${type.name}.${field.name}`);
      }
    }
    expect(wrapped).toEqual(expect.arrayContaining(['Organization.positions', 'Organization.hazards', 'Person.lastTrainedOn']));
  });

  const viaPost = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    // The request id each error carries is checked against x-request-id and dropped (it differs per request).
    return { status: res.status, body: (await checkedBody(res)) as any };
  };
  const viaGet = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.origin}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
    // The request id each error carries is checked against x-request-id and dropped (it differs per request).
    return { status: res.status, body: (await checkedBody(res)) as any };
  };

  it('refuses anonymous and forbidden callers with the same typed error on the fast path, Apollo\'s route and subscriptions', async () => {
    const query = `{ users(first: 1) { totalCount } }`;
    const anonymous = [await viaPost(query), await viaGet(query)];
    for (const { status, body } of anonymous) {
      expect(status).toBe(401);
      expect(body.errors).toEqual([
        {
          message: 'Sign in or send an API key: this needs the permission access.user:read.',
          locations: [{ line: 1, column: 3 }],
          path: ['users'],
          extensions: { code: 'UNAUTHENTICATED', permission: 'access.user:read'},
        },
      ]);
    }
    expect(anonymous[0]!.body).toEqual(anonymous[1]!.body);

    const token = await t.token('wenfeng');
    const forbidden = [await viaPost(query, { authorization: `Bearer ${token}` }), await viaGet(query, { authorization: `Bearer ${token}` })];
    for (const { status, body } of forbidden) {
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        {
          message: 'You do not have the permission access.user:read.',
          locations: [{ line: 1, column: 3 }],
          path: ['users'],
          extensions: { code: 'FORBIDDEN', permission: 'access.user:read'},
        },
      ]);
    }
    expect(forbidden[0]!.body).toEqual(forbidden[1]!.body);

    // A mutation: the fast path's JSON POST, and Apollo's (a POST asking for application/graphql-response+json).
    const mutation = JSON.stringify({ query: `mutation { createRole(input: { code: "x", nameZh: "x", description: "x" }) { id } }` });
    const post = async (accept?: string) => {
      const res = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) }, body: mutation });
      // The request id each error carries is checked against x-request-id and dropped (it differs per request).
    return { status: res.status, body: (await checkedBody(res)) as any };
    };
    const [fastMutation, apolloMutation] = [await post(), await post('application/graphql-response+json')];
    expect(fastMutation.status).toBe(apolloMutation.status);
    expect(fastMutation.body).toEqual(apolloMutation.body);
    expect(fastMutation.body.errors).toEqual([
      expect.objectContaining({ message: 'You do not have the permission access.role:write.', path: ['createRole'], extensions: expect.objectContaining({ code: 'FORBIDDEN', permission: 'access.role:write' }) }),
    ]);

    const subscriber = subscribe(t, null, `subscription { organizationChanged { organizationId } }`);
    await subscriber.until(1);
    expect(subscriber.errors).toEqual([
      expect.objectContaining({
        message: 'Sign in or send an API key: this needs the permission directory.organization:read.',
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', permission: 'directory.organization:read' }),
      }),
    ]);
    await subscriber.stop();
  });
});
