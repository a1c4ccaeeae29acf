import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { connect, pause, startTestGateway, subscribe, until, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const SUBSCRIBE = `subscription { organizationChanged { kind organizationId organization { name } } }`;

describe('subscriptions', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
  });
  afterAll(() => t?.close());

  const rename = async (key: string, name: string) => {
    const town = await t.as('anban');
    const id = seedId(`org:${key}`);
    const { version } = (await town(`query($id: UUID!) { organization(id: $id) { version } }`, { id })).body.data!['organization'];
    expect((await town(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, { input: { id, version, name } })).body.errors).toBeUndefined();
  };

  it('delivers committed changes within the subscriber\'s scope only, checking current grants per event', async () => {
    const changes = subscribe(t, await t.token('wenfeng'), SUBSCRIBE);
    await pause(200);
    await rename('grid-shuanghe-1', '双河村第一网格（改）');
    await rename('grid-wenfeng-1', '文凤村第一网格（改）');
    await changes.until(1);
    expect(changes.items).toEqual([{ kind: 'UPDATED', organizationId: seedId('org:grid-wenfeng-1'), organization: { name: '文凤村第一网格（改）' } }]);

    // Grants change while subscribed: the next event in scope is no longer delivered.
    await t.gateway.database.dataSource.query(
      `DELETE FROM role_permission WHERE permission = 'directory.organization:read' AND role_id = (SELECT id FROM role WHERE code = 'village-officer')`,
    );
    await rename('grid-wenfeng-2', '文凤村第二网格（改）');
    await pause(500);
    expect(changes.items).toHaveLength(1);
    expect(changes.errors).toEqual([]);
    await changes.stop();
  });

  it('refuses anonymous subscribers and closes connections with bad credentials', async () => {
    const anonymous = subscribe(t, null, SUBSCRIBE);
    const forged = subscribe(t, 'forged.token.value', SUBSCRIBE);
    await Promise.all([anonymous.until(1), forged.until(1)]);
    expect(anonymous.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', permission: 'directory.organization:read' } });
    expect(forged.errors).toEqual([expect.objectContaining({ code: 4403 })]);
    await Promise.all([anonymous.stop(), forged.stop()]);
  });

  it('applies the HTTP routes\' limits to every subscribe: cost with variables, depth, text PostgreSQL cannot store', async () => {
    const token = await t.token('anban');
    const refusedWith = async (query: string, variables?: Record<string, unknown>) => {
      const sub = subscribe(t, token, query, variables);
      await sub.until(1);
      await sub.stop();
      return sub.errors.map((e: any) => e.extensions?.code ?? e.message);
    };
    // Within the depth limit; 90 million with 100 per page, about 1,200 with 2.
    const nested = `subscription($f: Int) { organizationChanged { organization { a: children(first: $f) { edges { node { children(first: $f) { edges { node { name hazards(first: $f) { totalCount } } } } } } } } } }`;
    expect(await refusedWith(nested, { f: 100 })).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const deep = `subscription { organizationChanged { organization { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    expect(await refusedWith(deep)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(await refusedWith(`subscription($id: UUID) { hazardChanged(withinSubtreeOf: $id) { action } }`, { id: 'a\u0000b' })).toHaveLength(1);
    // A small page through a variable is accepted: the subscription stays open without errors.
    const fine = subscribe(t, token, nested, { f: 2 });
    await pause(300);
    expect(fine.errors).toEqual([]);
    await fine.stop();
  });
});

describe('subscriptions and the rate limit', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '2', RATE_LIMIT_WINDOW_S: '60' } });
  });
  afterAll(() => t?.close());

  it('counts every subscribe against the caller\'s budget and refuses the one over it with RATE_LIMITED', async () => {
    const client = connect(t, await t.token('wenfeng'));
    const subscriptions = [1, 2, 3].map(() => client.iterate({ query: SUBSCRIBE }));
    // graphql-ws answers a refused subscribe with an `error` message: the iterator rejects with the errors.
    // With what the same refusal carries over HTTP: the wait and the subscribe's request id.
    await expect(subscriptions[2]!.next()).rejects.toEqual([
      expect.objectContaining({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } }),
    ]);
    // The first two are live: nothing arrives until an event, and they are not refused.
    const first = await Promise.race([subscriptions[0]!.next().then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    expect(first).toBe('waiting');
    for (const s of subscriptions) await s.return?.();
  });

});

describe('subscriptions outlive their credentials correctly', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { ACCESS_TOKEN_TTL_S: '2', SUBSCRIPTION_RECHECK_S: '1', PRINCIPAL_CACHE_TTL_MS: '0' } });
  });
  afterAll(() => t?.close());

  it('closes the socket with 4403 once the access token expires, without waiting for an event', async () => {
    const changes = subscribe(t, await t.token('wenfeng'), SUBSCRIBE);
    await pause(300);
    expect(changes.errors).toEqual([]);
    // The token lives 2 s; the connection's credentials are checked every second.
    await changes.until(1, 5000);
    expect(changes.errors).toEqual([expect.objectContaining({ code: 4403, reason: 'Credentials expired or revoked: reconnect with fresh ones' })]);
    expect(changes.items).toEqual([]);
    await changes.stop();
  });
});

describe('subscriptions after a sign-out', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { SUBSCRIPTION_RECHECK_S: '1' } });
  });
  afterAll(() => t?.close());

  it('closes the socket when the session is signed out, and a client that reconnects with fresh credentials gets its subscription back', async () => {
    const signIn = async () => (await t.gql(`mutation { login(input: { username: "wenfeng", password: "nanping2025" }) { accessToken refreshToken } }`)).body.data!['login'];
    const first = await signIn();
    let current: string = first.accessToken;
    const closes: number[] = [];
    const received: unknown[] = [];
    // A graphql-ws client as integrators configure it: credentials from a function, retries on.
    const client = createClient({
      url: `${t.origin.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: () => ({ authorization: `Bearer ${current}` }),
      retryAttempts: 3,
      retryWait: () => pause(100),
      on: { closed: (event) => closes.push((event as { code: number }).code) },
    });
    const stop = client.subscribe({ query: `subscription { organizationChanged { organizationId } }` }, { next: (r) => received.push(r.data), error: () => undefined, complete: () => undefined });
    await pause(300);
    // Signed out: the server closes with 4403; the client fetches credentials again (a new sign-in) and subscribes anew.
    current = (await signIn()).accessToken;
    expect((await t.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: first.refreshToken })).body.errors).toBeUndefined();
    await until(() => closes.includes(4403), 5000);
    await pause(500);
    const town = await t.as('anban');
    const id = seedId('org:grid-wenfeng-1');
    const { version } = (await town(`query($id: UUID!) { organization(id: $id) { version } }`, { id })).body.data!['organization'];
    expect((await town(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, { input: { id, version, name: '文凤村第一网格（续）' } })).body.errors).toBeUndefined();
    await until(() => received.length === 1, 5000);
    expect(received).toEqual([{ organizationChanged: { organizationId: id } }]);
    stop();
    await client.dispose();
  });
});
