import { definePermissions, type DomainModule, type ModuleHttpRoute } from '@platform/core';
import { accessModule } from '@platform/access';
import { directoryModule } from '@platform/directory';
import { startTestGateway, type TestGateway } from '@platform/testing';

/** What the POST route hands back: the caller and the body it was given. */
interface Echo {
  kind: string;
  body: Array<[string, string]>;
}

const echo: ModuleHttpRoute['handler'] = async (ctx, _params, request) => ({
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ kind: ctx.principal.kind, body: [...request.body.entries()] } satisfies Echo),
});

/** A throw-away module with one path served as GET and as POST (the POST also takes an API key in its body). */
const routeProbeModule: DomainModule = {
  name: 'routeprobe',
  description: '路由探针。Test-only module with plain HTTP routes.',
  entities: [],
  resolvers: [],
  migrations: [],
  permissions: definePermissions([
    { code: 'routeprobe.echo:post', nameZh: '回显', description: 'Post to the echo route.', grantedTo: { 'integration-readonly': 'ALL' } },
    { code: 'routeprobe.echo:open', nameZh: '公开回显', description: 'Use the open routes.', grantedTo: { public: 'ALL', 'integration-readonly': 'ALL' } },
  ]),
  start: async () => ({
    httpRoutes: [
      { path: '/routeprobe/echo', permission: 'routeprobe.echo:open', handler: async (_ctx, _params, request) => ({ contentType: 'application/json', body: JSON.stringify({ get: true, body: [...request.body.entries()] }) }) },
      { method: 'POST', path: '/routeprobe/echo', permission: 'routeprobe.echo:post', bodyApiKey: 'api_key', handler: echo },
      { method: 'POST', path: '/routeprobe/open', permission: 'routeprobe.echo:open', handler: echo },
    ],
  }),
};

describe('module routes: POST', () => {
  let t: TestGateway;
  let key: string;
  const post = (path: string, body: string, headers: Record<string, string> = {}) => fetch(`${t.origin}${path}`, { method: 'POST', headers, body });
  const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => post(path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers });

  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, routeProbeModule], { seed: true, env: { BODY_LIMIT: '2kb' } });
    const admin = await t.as('admin');
    const roles = (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: { node: { id: string; code: string } }) => e.node);
    const role = roles.find((r: { code: string }) => r.code === 'integration-readonly')!.id;
    key = (await admin(`mutation($r: UUID!) { createApiClient(input: { name: "路由测试", roleId: $r }) { key } }`, { r: role })).body.data!['createApiClient'].key;
  });
  afterAll(() => t?.close());

  it('hands a form body to the handler, with the caller its API key made; never kept by caches', async () => {
    const res = await form('/routeprobe/echo', { service_code: 'hazard', description: '消防通道 堵塞', lat: '29.05' }, { 'x-api-key': key });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await res.json()).toEqual({ kind: 'api-client', body: [['service_code', 'hazard'], ['description', '消防通道 堵塞'], ['lat', '29.05']] });
  });

  it('hands a JSON object body over as strings (scalars and lists of scalars; nested objects are left out)', async () => {
    const res = await post('/routeprobe/echo', JSON.stringify({ a: 1, b: true, c: 'x', d: { e: 1 }, f: [1, 'y'], g: null }), { 'content-type': 'application/json', 'x-api-key': key });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: 'api-client', body: [['a', '1'], ['b', 'true'], ['c', 'x'], ['f', '1'], ['f', 'y']] });
  });

  it('authenticates an API key sent as the route\'s body field, and does not pass the field on', async () => {
    const res = await form('/routeprobe/echo', { api_key: key, x: '1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: 'api-client', body: [['x', '1']] });
  });

  it('refuses a wrong body key like a wrong header (401), and a route without the permission for anonymous callers (401)', async () => {
    const wrong = await form('/routeprobe/echo', { api_key: 'tsk_notakey_0000000000000000000000', x: '1' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const anonymous = await form('/routeprobe/echo', { x: '1' });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('takes a body field named like the key as data on a route that names none', async () => {
    const res = await form('/routeprobe/open', { api_key: 'not-a-key' });
    expect(await res.json()).toEqual({ kind: 'anonymous', body: [['api_key', 'not-a-key']] });
  });

  it('refuses a body over BODY_LIMIT (413), malformed JSON (400) and other content types (415) in the gateway\'s error format', async () => {
    const large = await form('/routeprobe/open', { text: 'x'.repeat(3000) });
    expect(large.status).toBe(413);
    expect(((await large.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    const malformed = await post('/routeprobe/open', '{"a":', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    const list = await post('/routeprobe/open', '[1,2]', { 'content-type': 'application/json' });
    expect(list.status).toBe(400);
    const text = await post('/routeprobe/open', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('serves GET and POST of one path apart; a method a path does not serve is the typed 404', async () => {
    const get = await fetch(`${t.origin}/routeprobe/echo?x=1`);
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ get: true, body: [] });
    const none = await fetch(`${t.origin}/routeprobe/open`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('NOT_FOUND');
  });
});
