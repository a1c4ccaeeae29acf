import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD, startTestGateway, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const SUBSCRIBE = `subscription { organizationChanged { kind organizationId organization { name } } }`;

describe('subscriptions', () => {
  let t: TestGateway;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  });

  const token = async (username: string) =>
    (await t.gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u: username, p: DEMO_PASSWORD })).body.data!['login'].accessToken as string;
  const connect = (connectionParams: Record<string, string>) => {
    const c = createClient({ url: `${t.origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
    clients.push(c);
    return c;
  };
  const rename = async (key: string, name: string) => {
    const town = await t.as('anban');
    const id = seedId(`org:${key}`);
    const { version } = (await town(`query($id: UUID!) { organization(id: $id) { version } }`, { id })).body.data!['organization'];
    expect((await town(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, { input: { id, version, name } })).body.errors).toBeUndefined();
  };

  it('delivers committed changes within the subscriber\'s scope only, checking current grants per event', async () => {
    const events = connect({ authorization: `Bearer ${await token('wenfeng')}` }).iterate({ query: SUBSCRIBE });
    const first = events.next();
    await new Promise((r) => setTimeout(r, 200));
    await rename('grid-shuanghe-1', '双河村第一网格（改）');
    await rename('grid-wenfeng-1', '文凤村第一网格（改）');
    const received = await first;
    expect(received.value).toEqual({
      data: { organizationChanged: { kind: 'UPDATED', organizationId: seedId('org:grid-wenfeng-1'), organization: { name: '文凤村第一网格（改）' } } },
    });

    // Grants change while subscribed: the next event in scope is no longer delivered.
    await t.gateway.database.dataSource.query(
      `DELETE FROM role_permission WHERE permission = 'directory.organization:read' AND role_id = (SELECT id FROM role WHERE code = 'village-officer')`,
    );
    const next = events.next();
    await rename('grid-wenfeng-2', '文凤村第二网格（改）');
    const outcome = await Promise.race([next.then(() => 'delivered'), new Promise((r) => setTimeout(() => r('nothing'), 500))]);
    expect(outcome).toBe('nothing');
    await events.return?.();
  });

  it('refuses anonymous subscribers and closes connections with bad credentials', async () => {
    const anonymous = await connect({}).iterate({ query: SUBSCRIBE }).next();
    expect(anonymous.value?.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', permission: 'directory.organization:read' } });
    await expect(connect({ authorization: 'Bearer forged.token.value' }).iterate({ query: SUBSCRIBE }).next()).rejects.toMatchObject({ code: 4403 });
  });
});

describe('subscriptions and the rate limit', () => {
  let t: TestGateway;
  const clients: Client[] = [];
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '2', RATE_LIMIT_WINDOW_S: '60' } });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
  });

  it('counts every subscribe against the caller\'s budget and refuses the one over it with RATE_LIMITED', async () => {
    const login = await t.gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u: 'wenfeng', p: DEMO_PASSWORD });
    const client = createClient({
      url: `${t.origin.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${login.body.data!['login'].accessToken}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const subscriptions = [1, 2, 3].map(() => client.iterate({ query: SUBSCRIBE }));
    // graphql-ws answers a refused subscribe with an `error` message: the iterator rejects with the errors.
    await expect(subscriptions[2]!.next()).rejects.toEqual([expect.objectContaining({ extensions: { code: 'RATE_LIMITED' } })]);
    // The first two are live: nothing arrives until an event, and they are not refused.
    const first = await Promise.race([subscriptions[0]!.next().then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 300))]);
    expect(first).toBe('waiting');
    for (const s of subscriptions) await s.return?.();
  });
});
