import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { seedId } from '@platform/directory';
import { startTestGateway, uniqueName, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * One request pipeline behind every way in: the same client address (TRUST_PROXY), request id and
 * audit for a change made over the HTTP fast path, Apollo's route and a WebSocket.
 */
describe('one request pipeline for every way in', () => {
  let t: TestGateway;
  let token: string;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { TRUST_PROXY: 'loopback' } });
    token = await t.token('anban');
  });
  afterAll(() => t?.close());

  const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
  const input = (name: string) => ({ input: { kind: 'GRID', name, parentId: seedId('org:village-wenfeng') } });
  const audited = async (id: string) => {
    const res = await t.gql(`query($id: UUID!) { auditLog(filter: { entityId: $id }) { edges { node { action ip requestId } } } }`, { id }, { authorization: `Bearer ${token}` });
    return res.body.data!['auditLog'].edges.map((e: any) => e.node);
  };

  it('takes the client address from X-Forwarded-For under TRUST_PROXY on the fast path, Apollo\'s route and WebSocket alike', async () => {
    const headers = (forwardedFor: string, requestId: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor, 'x-request-id': requestId });
    // The fast path: a JSON POST.
    const fast = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: headers('198.51.100.1', 'via-fast-path'), body: JSON.stringify({ query: CREATE, variables: input(uniqueName('网格')) }) });
    const fastBody = (await fast.json()) as any;
    expect(fastBody.errors).toBeUndefined();
    const fastId = fastBody.data.createOrganization.id;
    // Apollo's route: a POST asking for application/graphql-response+json.
    const apollo = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { ...headers('198.51.100.2', 'via-apollo'), accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: CREATE, variables: input(uniqueName('网格')) }),
    });
    const apolloId = ((await apollo.json()) as any).data.createOrganization.id;
    // WebSocket: the upgrade request carries the header (a proxy in front would add it).
    class ForwardedWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { 'x-forwarded-for': '198.51.100.3' } });
      }
    }
    const client = createClient({ url: `${t.origin.replace('http', 'ws')}/graphql`, webSocketImpl: ForwardedWebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    let wsId = '';
    for await (const result of client.iterate<{ createOrganization: { id: string } }>({ query: CREATE, variables: input(uniqueName('网格')) })) wsId = result.data!.createOrganization.id;
    await client.dispose();

    expect(await audited(fastId)).toEqual([{ action: 'directory.organization.create', ip: '198.51.100.1', requestId: 'via-fast-path' }]);
    expect(await audited(apolloId)).toEqual([{ action: 'directory.organization.create', ip: '198.51.100.2', requestId: 'via-apollo' }]);
    expect(await audited(wsId)).toEqual([{ action: 'directory.organization.create', ip: '198.51.100.3', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
  });

  it('puts the request id into every error, on WebSocket too, and refuses with the documented codes', async () => {
    const client = createClient({ url: `${t.origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const results: any[] = [];
    for await (const result of client.iterate({ query: CREATE, variables: { input: { kind: 'GRID', name: '', parentId: seedId('org:village-wenfeng') } } })) results.push(result);
    await client.dispose();
    expect(results).toHaveLength(1);
    expect(results[0].errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('sends RateLimit headers a client can pace against on every answer, refusals included', async () => {
    const res = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(Number(res.headers.get('ratelimit-limit'))).toBe(1200);
    expect(Number(res.headers.get('ratelimit-remaining'))).toBeLessThan(1200);
    expect(Number(res.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit-policy')).toBe('1200;w=60');
    const refused = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer forged' }, body: '{"query":"{ __typename }"}' });
    expect(refused.status).toBe(401);
    const route = await fetch(`${t.origin}/attachments/00000000-0000-4000-8000-000000000000`, { headers: { authorization: `Bearer ${token}` } });
    expect(route.status).toBe(404);
    expect(route.headers.get('ratelimit-limit')).toBe('1200');
  });
});

describe('rate-limit budgets by client, role and kind (RATE_LIMIT_BUDGETS)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '5', RATE_LIMIT_BUDGETS: 'anonymous=3,role:town-safety-office=50' } });
  });
  afterAll(() => t?.close());

  it('gives each caller its budget: a listed role more, anonymous callers less, everyone else the default', async () => {
    const limitOf = async (headers: Record<string, string>) => (await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}' })).headers.get('ratelimit-limit');
    expect(await limitOf({ authorization: `Bearer ${await t.token('anban')}` })).toBe('50');
    expect(await limitOf({ authorization: `Bearer ${await t.token('wenfeng')}` })).toBe('5');
    expect(await limitOf({})).toBe('3');
    // Anonymous callers (by address) are refused past their own budget; anban's budget is untouched.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});
