import { DEMO_PASSWORD, startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken refreshToken user { username lastLoginAt } } }`;

describe('authentication', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
  });
  afterAll(() => t?.close());

  const login = async (u: string, p = DEMO_PASSWORD) => (await t.gql(LOGIN, { u, p })).body;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('signs in, and the token carries the roles and scoped permissions of the account', async () => {
    const body = await login('WenFeng');
    const token = body.data!['login'].accessToken;
    const viewer = await t.gql(`{ viewer { kind displayName roles permissions(first: 100) { totalCount edges { node { permission scope organizationId } } } } }`, undefined, bearer(token));
    const v = viewer.body.data!['viewer'];
    expect(v).toMatchObject({ kind: 'USER', displayName: '文凤村应急专干', roles: ['village-officer'] });
    const held = v.permissions.edges.map((e: any) => e.node);
    expect(v.permissions.totalCount).toBe(held.length);
    expect(held).toContainEqual({ permission: 'directory.organization:read', scope: 'ORG_SUBTREE', organizationId: expect.any(String) });
    expect(held.map((p: any) => p.permission)).not.toContain('kernel.audit:read');
    // Anonymous callers hold what the public role holds: public reporting (submit and track a tip, read the Open311 feed), the knowledge base search and QR code scans.
    const anonymous = await t.gql(`{ viewer { kind roles permissions(first: 10) { totalCount edges { node { permission scope } } } } }`);
    expect(anonymous.body.data!['viewer']).toMatchObject({ kind: 'ANONYMOUS', roles: ['public'], permissions: { totalCount: 5 } });
    expect(anonymous.body.data!['viewer'].permissions.edges.map((e: any) => [e.node.permission, e.node.scope]).sort()).toEqual([
      ['reporting.open311:read', 'ALL'],
      ['reporting.tip:submit', 'ALL'],
      ['reporting.tip:track', 'ALL'],
      ['scenarios.knowledge:search', 'ALL'],
      ['scenarios.qr-code:resolve', 'ALL'],
    ]);
  });

  it('refuses anonymous callers with UNAUTHENTICATED and signed-in callers without the permission with FORBIDDEN', async () => {
    const anonymous = await t.gql(`{ organizations { totalCount } }`);
    expect(anonymous.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', permission: 'directory.organization:read' });
    const grid = await t.as('wenfeng-grid1');
    const forbidden = await grid(`mutation { archiveOrganization(input: { id: "00000000-0000-4000-8000-000000000000", version: 1 }) { id } }`);
    expect(forbidden.body.errors![0]!.extensions).toEqual({ code: 'FORBIDDEN', permission: 'directory.organization:write' });
  });

  it('answers 401 for tampered, malformed or unknown credentials, never falling back to anonymous', async () => {
    const token: string = (await login('anban')).data!['login'].accessToken;
    const [h, p, s] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${s}`;
    for (const headers of [bearer(tampered), bearer('not-a-jwt'), { authorization: 'Basic YWRtaW46eA==' }, { 'x-api-key': 'tsk_123' }, bearer(`tsk_0123456789ab_${'x'.repeat(43)}`)]) {
      const res = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ viewer { kind } }' }) });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('locks an account after five wrong passwords in a row, and ends its sessions', async () => {
    const earlier: string = (await login('jingfa')).data!['login'].accessToken;
    expect((await t.gql(`{ viewer { kind } }`, undefined, bearer(earlier))).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login('jingfa', 'wrong-password-1')).errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expect((await login('jingfa')).errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const [row] = await t.gateway.database.dataSource.query(`SELECT locked_until > now() AS locked FROM app_user WHERE username = 'jingfa'`);
    expect(row.locked).toBe(true);
    expect((await t.gql(`{ viewer { kind } }`, undefined, bearer(earlier))).status).toBe(401);
    const actions = await t.gateway.database.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_log a JOIN app_user u ON u.id = a.entity_id WHERE u.username = 'jingfa' GROUP BY action ORDER BY action`,
    );
    expect(actions).toEqual([
      { action: 'access.session.locked', n: 1 },
      { action: 'access.session.login', n: 1 },
      { action: 'access.session.login-failed', n: 4 },
    ]);
  });

  it('keeps sign-in bookkeeping out of the account version, so an administrator\'s open edit stays current', async () => {
    const versionOf = async () => (await t.gateway.database.dataSource.query(`SELECT version FROM app_user WHERE username = 'expert'`))[0].version as number;
    const before = await versionOf();
    expect((await login('expert')).data!['login'].user.lastLoginAt).toEqual(expect.any(String));
    expect((await login('expert', 'wrong-password-1')).errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expect(await versionOf()).toBe(before);
  });

  it('rotates refresh tokens, ends the session when an old one is reused, and logs out', async () => {
    const first = (await login('zhifa')).data!['login'];
    const refresh = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
    const second = (await t.gql(refresh, { t: first.refreshToken })).body.data!['refreshSession'];
    expect((await t.gql(`{ viewer { kind } }`, undefined, bearer(second.accessToken))).body.data!['viewer'].kind).toBe('USER');
    // The first refresh token again: theft suspected, the whole session ends.
    expect((await t.gql(refresh, { t: first.refreshToken })).body.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ viewer { kind } }`, undefined, bearer(second.accessToken))).status).toBe(401);

    const third = (await login('zhifa')).data!['login'];
    expect((await t.gql(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: third.refreshToken })).body.data!['logout']).toBe(true);
    expect((await t.gql(`{ viewer { kind } }`, undefined, bearer(third.accessToken))).status).toBe(401);
  });
});

describe('sign-in attempts', () => {
  it('count failures only, per address: past 20 the address gets 429 RATE_LIMITED with Retry-After on both paths', async () => {
    const t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    try {
      // Successful sign-ins do not count: an office behind one address signs in all day.
      for (let i = 0; i < 25; i++) expect((await t.gql(LOGIN, { u: 'anban', p: DEMO_PASSWORD })).body.errors).toBeUndefined();
      const messages: string[] = [];
      for (let i = 0; i < 20; i++) messages.push((await t.gql(LOGIN, { u: `nobody${i}`, p: 'wrong-password-1' })).body.errors![0]!.message);
      expect(messages.every((m) => m.startsWith('Invalid username or password'))).toBe(true);
      // The 21st attempt is refused before the password is checked, even with the right one.
      const refused = await t.gql(LOGIN, { u: 'anban', p: DEMO_PASSWORD });
      expect(refused.status).toBe(429);
      expect(refused.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(Number(refused.headers.get('retry-after'))).toBe(refused.body.errors![0]!.extensions!['retryAfterSeconds']);
      expect(refused.body.errors![0]!.message).toMatch(/^Too many failed sign-ins from this address: wait \d+ s\.$/);
      // Apollo's route (a client that accepts graphql-response+json) answers the same.
      const apollo = await fetch(`${t.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query: LOGIN, variables: { u: 'anban', p: DEMO_PASSWORD } }),
      });
      expect(apollo.status).toBe(429);
      expect(Number(apollo.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await apollo.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
