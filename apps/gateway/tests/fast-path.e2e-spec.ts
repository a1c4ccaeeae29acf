import { checkedErrors, startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The HTTP fast path (single JSON POST) and Apollo's route (everything else, e.g. GET) must answer
 * alike: same data, same error shapes and statuses, one rate-limit count per request.
 */
describe('GraphQL fast path and Apollo route', () => {
  let t: TestGateway;
  let token: string;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '6', RATE_LIMIT_WINDOW_S: '60' } });
    const login = await t.gql(`mutation { login(input: { username: "wenfeng", password: "nanping2025" }) { accessToken } }`);
    token = login.body.data!['login'].accessToken;
  });
  afterAll(() => t?.close());

  const viaPost = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    const body = (await res.json()) as any;
    // `checked`: the body with each error's request id checked against x-request-id and dropped (it differs per request).
    return { status: res.status, body, checked: checkedErrors(body, res.headers), sql: res.headers.get('x-sql-statements'), requestId: res.headers.get('x-request-id') };
  };
  const viaGet = async (query: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.origin}/graphql?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
    const body = (await res.json()) as any;
    // `checked`: the body with each error's request id checked against x-request-id and dropped (it differs per request).
    return { status: res.status, body, checked: checkedErrors(body, res.headers), sql: res.headers.get('x-sql-statements'), requestId: res.headers.get('x-request-id') };
  };

  it('returns the same data, SQL count and request id header on both routes', async () => {
    const query = `{ hazards(first: 3) { totalCount edges { node { id title overdue organization { name } } } } }`;
    const auth = { authorization: `Bearer ${token}` };
    const fast = await viaPost(query, auth);
    const apollo = await viaGet(query, auth);
    expect(fast.status).toBe(200);
    expect(fast.body.data.hazards.edges.length).toBe(3);
    expect(fast.body).toEqual(apollo.body);
    expect(fast.sql).toBe(apollo.sql);
    expect(fast.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('formats errors alike: a permission refused to an anonymous caller is 401 with the same body', async () => {
    const query = `{ hazards(first: 1) { totalCount } }`;
    const fast = await viaPost(query);
    const apollo = await viaGet(query);
    expect(fast.status).toBe(401);
    expect(apollo.status).toBe(401);
    expect(fast.body.errors[0].extensions.requestId).toBe(fast.requestId);
    expect(apollo.body.errors[0].extensions.requestId).toBe(apollo.requestId);
    expect(fast.checked).toEqual(apollo.checked);
    expect(fast.body.errors[0]).toMatchObject({ path: ['hazards'], extensions: { code: 'UNAUTHENTICATED', permission: 'risk.hazard:read' } });
  });

  it('still validates page arguments of relation lists called directly (only values seen valid skip the validator)', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const ok = await viaPost(`{ hazards(first: 2) { edges { node { history(first: 3) { totalCount } } } } }`, auth);
    expect(ok.body.errors).toBeUndefined();
    const tooBig = await viaPost(`{ hazards(first: 2) { edges { node { history(first: 500) { totalCount } } } } }`, auth);
    expect(tooBig.body.errors[0]).toMatchObject({ path: ['hazards', 'edges', 0, 'node', 'history'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooBig.body.errors[0].extensions.fields).toEqual([expect.objectContaining({ field: 'first', rule: 'max' })]);
  });

  it('leaves variables that do not coerce to Apollo (400) and counts each request once against the rate limit', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const bad = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: 'query($id: UUID!) { hazard(id: $id) { id } }', variables: { id: 'not-a-uuid' } }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // This token has made 5 requests (fast path, GET, two page checks, the coercion failure); 6 are allowed.
    // Counted twice, the coercion failure would leave none.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await viaPost(`{ __typename }`, auth)).status);
    expect(statuses).toEqual([200, 429, 429]);
  });
});
