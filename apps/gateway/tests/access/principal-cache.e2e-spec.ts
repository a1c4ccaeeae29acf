import { Client } from 'pg';
import { enterpriseInput, startTestGateway, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import type { PrincipalCache } from '@platform/access';
import { AVAILABLE_MODULES } from '../../src/available-modules';

/** Waits until `check` holds, polling every 10 ms for up to 5 s. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('principal cache (emptied by this process\'s access services at commit, and by NOTIFY)', () => {
  let t: TestGateway;
  let other: Client;
  let cache: PrincipalCache;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    // The gateway's own statements are counted below: no sweep or webhook relay (nudged by every event) may add any.
    await t.gateway.jobs.stop();
    cache = t.gateway.services.get('access.principalCache') as PrincipalCache;
    // Another process's connection: its writes reach this gateway only as notices.
    other = new Client({ connectionString: t.database.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await t?.close();
  });

  /** SQL statements the whole gateway sent while `work` ran (the per-request header leaves out principal loading). */
  async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
    const before = (await t.gateway.metrics.statements.get()).values[0]?.value ?? 0;
    await work();
    return ((await t.gateway.metrics.statements.get()).values[0]?.value ?? 0) - before;
  }

  it('serves a known session without SQL, and drops it when another process revokes a grant', async () => {
    const anban = await t.as('anban');
    const query = `{ hazards(first: 1) { totalCount } }`;
    expect((await anban(query)).body.errors).toBeUndefined();
    // Warm: the query's own statement only (compiled: the page and its count in one), no principal statement.
    expect(await statementsDuring(() => anban(query))).toBe(1);

    const notices = cache.notices;
    await other.query(`DELETE FROM role_permission WHERE permission = 'risk.hazard:read' AND role_id = (SELECT id FROM role WHERE code = 'town-safety-office')`);
    await until(() => cache.notices > notices, 'the access_changed notice');
    const denied = await anban(query);
    expect(denied.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    await other.query(`INSERT INTO role_permission (role_id, permission, scope) SELECT id, 'risk.hazard:read', 'ALL' FROM role WHERE code = 'town-safety-office'`);
    await until(() => cache.notices > notices + 1, 'the second notice');
    expect((await anban(query)).body.errors).toBeUndefined();
  });

  it('ends a session at once when another process revokes its tokens', async () => {
    const wenfeng = await t.as('wenfeng');
    expect((await wenfeng(`{ __typename }`)).status).toBe(200);
    const notices = cache.notices;
    await other.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = (SELECT id FROM app_user WHERE username = 'wenfeng') AND revoked_at IS NULL`);
    await until(() => cache.notices > notices, 'the access_changed notice');
    expect((await wenfeng(`{ __typename }`)).status).toBe(401);
  });

  it('applies a change committed through this process\'s own pool to the very next request (strict freshness waits for its notice)', async () => {
    // Plain SQL, not an access service: nothing in this process announces it but the trigger's notice,
    // which ACCESS_FRESHNESS=strict (the default) makes sure has arrived before a kept principal is used.
    const shuanghe = await t.as('shuanghe');
    expect((await shuanghe(`{ __typename }`)).status).toBe(200);
    await t.gateway.database.dataSource.query(`UPDATE app_user SET status = 'DISABLED' WHERE username = 'shuanghe'`);
    expect((await shuanghe(`{ __typename }`)).status).toBe(401);
    await t.gateway.database.dataSource.query(`UPDATE app_user SET status = 'ACTIVE' WHERE username = 'shuanghe'`);
  });

  it('writes the home organization an account has now into its audit entries, once moved by another process or by the access services', async () => {
    const [VILLAGE, TOWN] = [seedId('org:village-wenfeng'), seedId('org:town')];
    const admin = await t.as('admin');
    const wenfeng = await t.as('wenfeng');
    /** The organization recorded with the audit entry of a change wenfeng makes now. */
    const recorded = async (): Promise<string | null> => {
      const res = await wenfeng<{ createOrganization: { id: string } }>(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: enterpriseInput(seedId('org:grid-wenfeng-1')) });
      expect(res.body.errors).toBeUndefined();
      const { rows } = await other.query<{ organization_id: string | null }>(`SELECT organization_id FROM audit_log WHERE action = 'directory.organization.create' AND entity_id = $1`, [res.body.data!.createOrganization.id]);
      return rows[0]!.organization_id;
    };
    expect(await recorded()).toBe(VILLAGE);
    expect(await statementsDuring(() => wenfeng(`{ __typename }`))).toBe(0);

    // Moved by another process: the trigger's notice empties the cache.
    const notices = cache.notices;
    await other.query(`UPDATE app_user SET organization_id = $1 WHERE username = 'wenfeng'`, [TOWN]);
    await until(() => cache.notices > notices, 'the access_changed notice');
    expect(await recorded()).toBe(TOWN);

    // Moved back by the access service with no notice: emptied as its change commits.
    await other.query(`ALTER TABLE app_user DISABLE TRIGGER app_user_access_changed`);
    try {
      const users = await admin<{ users: { edges: Array<{ node: { id: string; username: string; version: number } }> } }>(`{ users(filter: { search: "wenfeng" }) { edges { node { id username version } } } }`);
      const { id, version } = users.body.data!.users.edges.map((e) => e.node).find((u) => u.username === 'wenfeng')!;
      const moved = await admin(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { organizationId } }`, { input: { id, version, organizationId: VILLAGE } });
      expect(moved.body.errors).toBeUndefined();
      expect(await recorded()).toBe(VILLAGE);
    } finally {
      await other.query(`ALTER TABLE app_user ENABLE TRIGGER app_user_access_changed`);
      await other.query(`UPDATE app_user SET organization_id = $1 WHERE username = 'wenfeng'`, [VILLAGE]);
    }
  });

  it('is emptied by the access services themselves when their change commits, without the notice', async () => {
    const admin = await t.as('admin');
    const jingfa = await t.as('jingfa');
    const name = async () => (await jingfa<{ viewer: { displayName: string } }>(`{ viewer { displayName } }`)).body.data?.viewer.displayName;
    const account = async (username: string) =>
      (await admin<{ users: { edges: Array<{ node: { id: string; version: number } }> } }>(`{ users(filter: { search: "${username}" }) { edges { node { id version } } } }`)).body.data!.users.edges[0]!.node;
    const updateUser = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { displayName } }`;
    // No notices from app_user: only what this process does itself can empty the cache now.
    await other.query(`ALTER TABLE app_user DISABLE TRIGGER app_user_access_changed`);
    try {
      expect(await name()).toBe('经发办主任');
      // A write no service makes stays unseen while the principal is kept: SQL text is not watched any more.
      await other.query(`UPDATE app_user SET display_name = '经发办主任（SQL）' WHERE username = 'jingfa'`);
      expect(await name()).toBe('经发办主任');

      // A change refused after it was written rolls back, and its announcement with it (disabling the
      // only super admin: the account and its sessions were updated first): the principals stay kept.
      const refused = await admin(updateUser, { input: { ...(await account('admin')), status: 'DISABLED' } });
      expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(await statementsDuring(() => jingfa(`{ __typename }`))).toBe(0);

      const renamed = await admin(updateUser, { input: { ...(await account('jingfa')), displayName: '经发办主任（新）' } });
      expect(renamed.body.errors).toBeUndefined();
      expect(await name()).toBe('经发办主任（新）');
    } finally {
      await other.query(`UPDATE app_user SET display_name = '经发办主任' WHERE username = 'jingfa'`);
      await other.query(`ALTER TABLE app_user ENABLE TRIGGER app_user_access_changed`);
    }
  });

  it('is emptied when the directory announces a moved organization (grants anchored there now cover another subtree)', async () => {
    const anban = await t.as('anban');
    const loads = async () => statementsDuring(() => anban(`{ __typename }`));
    await anban(`{ __typename }`);
    const announce = (moved: boolean) => t.gateway.events.publish({ type: 'directory.organization.updated', payload: { id: 'x', moved }, occurredAt: new Date(), requestId: 'test' });
    await announce(false);
    expect(await loads()).toBe(0);
    await announce(true);
    expect(await loads()).toBe(1);
    expect(await loads()).toBe(0);
  });

  it('is bypassed while its listening connection is down, and resumes when it is back', async () => {
    const anban = await t.as('anban');
    const query = `{ __typename }`;
    await anban(query);
    expect(await statementsDuring(() => anban(query))).toBe(0);
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'town-safety-gateway:access-listener' AND datname = current_database()`);
    // Down: every request loads its principal again.
    await until(async () => (await statementsDuring(() => anban(query))) === 1, 'the cache to be bypassed');
    // Back after the retry (1 s): served from memory again.
    await until(async () => (await statementsDuring(() => anban(query))) === 0, 'the listener to reconnect');
  });
});
