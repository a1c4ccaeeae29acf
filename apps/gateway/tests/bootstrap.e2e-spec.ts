import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, startTestGateway, type TestDatabase } from '@platform/testing';
import { selectModules } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';
import { eventually } from './webhooks/receiver';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const PASSWORD = 'Qingshan2026';
const TOWN = { name: '青山镇人民政府', code: '500119110000', shortName: '青山镇' };
const SLOW = 180_000;

/**
 * A real installation without the demo town, as docker-compose.yml runs it but without Docker: the
 * compiled commands (`node dist/tools/bootstrap.js`, `migrate.js`) as child processes against databases
 * of their own on the local PostgreSQL. Compiled into a folder of this test's own, so a parallel
 * `npm run build` cannot pull the files away.
 */
const work = path.join(ROOT, 'tmp', `bootstrap-${process.pid}`);

beforeAll(() => {
  mkdirSync(work, { recursive: true });
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'swc'), ['apps', 'libs', 'tools', '--out-dir', path.join(work, 'dist'), '--config-file', 'tools/build/swcrc.json', '--quiet'], { cwd: ROOT });
}, SLOW);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a compiled command with only the settings given (none inherited: no REDIS_URL, no DATABASE_URL of the shell). */
function run(tool: 'bootstrap' | 'migrate', args: readonly string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, [path.join(work, 'dist', 'tools', `${tool}.js`), ...args], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', JWT_SECRET, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const flags = (o: { name?: string; code?: string; username?: string; displayName?: string } = {}): string[] => [
  '--organization-name',
  o.name ?? TOWN.name,
  '--division-code',
  o.code ?? TOWN.code,
  '--username',
  o.username ?? 'Chen.Admin',
  '--display-name',
  o.displayName ?? '陈管理员',
  '--short-name',
  TOWN.shortName,
];

/** Output an operator may see: field and rule or a message, never a stack trace or SQL. */
function expectNoStackOrSql(r: Run): void {
  const out = r.stdout + r.stderr;
  expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(out).not.toMatch(/\b(SELECT|INSERT INTO|UPDATE \w+ SET|QueryFailedError)\b/);
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** Every table's row count and a digest of its rows: equal before and after means nothing was written. */
function contents(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const [row] = (await c.query<{ n: number; h: string }>(`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`)).rows;
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  });
}

const ADMIN_VIEW = `{
  viewer { kind displayName roles }
  organizations(first: 10) { totalCount edges { node { id name shortName code kind } } }
  users(first: 10) { edges { node { username displayName organizationId assignments { edges { node { organizationId role { code } } } } } } }
}`;

describe('npm run bootstrap on an empty, migrated database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(selectModules(AVAILABLE_MODULES, 'all'));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('refuses bad input naming the flag and rule, before it touches the database', async () => {
    const before = await contents(db.url);
    expect(before['organization']).toMatch(/^0:/);
    expect(before['app_user']).toMatch(/^0:/);
    const env = { DATABASE_URL: db.url };
    const [both, weak, county, creditCode, asArgument, noPassword] = await Promise.all([
      run('bootstrap', flags({ code: '12345' }), { ...env, ADMIN_PASSWORD: '123' }),
      run('bootstrap', flags(), { ...env, ADMIN_PASSWORD: '123' }),
      // A county's code, and a unified social credit code (both pass the API's code pattern): the root needs a town's.
      run('bootstrap', flags({ code: '500119000000' }), { ...env, ADMIN_PASSWORD: PASSWORD }),
      run('bootstrap', flags({ code: '91500119MA5U4X2K3B' }), { ...env, ADMIN_PASSWORD: PASSWORD }),
      run('bootstrap', [...flags(), '--password', PASSWORD], env),
      run('bootstrap', flags(), env),
    ]);
    for (const r of [both, weak, county, creditCode, asArgument, noPassword]) {
      expect(r.code).toBe(2);
      expectNoStackOrSql(r);
    }
    expect(both.stderr).toContain('--division-code (matches): code must be an 18-character unified social credit code or a 12-digit administrative division code');
    expect(both.stderr).toContain('ADMIN_PASSWORD (matches): password must be at least 10 characters, with letters and digits');
    expect(weak.stderr).toContain('ADMIN_PASSWORD (matches)');
    expect(weak.stderr).not.toContain('--division-code');
    expect(county.stderr).toContain('--division-code (divisionCode)');
    expect(creditCode.stderr).toContain('--division-code (divisionCode)');
    expect(asArgument.stderr).toContain('the password is read from the ADMIN_PASSWORD environment variable, never from an argument');
    expect(noPassword.stderr).toContain('ADMIN_PASSWORD (required)');
    expect(await contents(db.url)).toEqual(before);
  }, SLOW);

  it('creates the root organization and the first administrator in one transaction, audited as the system', async () => {
    const r = await run('bootstrap', flags(), { DATABASE_URL: db.url, ADMIN_PASSWORD: PASSWORD });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Bootstrapped: root organization ${TOWN.name} (${TOWN.code}, `);
    await withClient(db.url, async (c) => {
      const orgs = (await c.query(`SELECT id, name, short_name, code, kind, parent_id, depth, archived_at FROM organization`)).rows;
      expect(orgs).toEqual([{ id: expect.any(String), name: TOWN.name, short_name: TOWN.shortName, code: TOWN.code, kind: 'TOWN_GOVERNMENT', parent_id: null, depth: 0, archived_at: null }]);
      const root = orgs[0].id as string;
      const users = (await c.query(`SELECT id, username, display_name, organization_id, status, password_hash FROM app_user`)).rows;
      expect(users).toEqual([{ id: expect.any(String), username: 'chen.admin', display_name: '陈管理员', organization_id: root, status: 'ACTIVE', password_hash: expect.stringMatching(/^\$argon2id\$/) }]);
      const assignments = (await c.query(`SELECT r.code, a.principal_kind, a.principal_id, a.organization_id FROM role_assignment a JOIN role r ON r.id = a.role_id`)).rows;
      expect(assignments).toEqual([{ code: 'super-admin', principal_kind: 'user', principal_id: users[0].id, organization_id: root }]);
      // One request id (one transaction), the system principal, each module's own audited action.
      const audit = (await c.query(`SELECT request_id, actor_kind, actor_id, action, entity_id FROM audit_log ORDER BY action`)).rows;
      expect(audit).toEqual([
        { request_id: expect.stringMatching(/^bootstrap-/), actor_kind: 'system', actor_id: null, action: 'access.role.assign', entity_id: users[0].id },
        { request_id: audit[0].request_id, actor_kind: 'system', actor_id: null, action: 'access.user.create', entity_id: users[0].id },
        { request_id: audit[0].request_id, actor_kind: 'system', actor_id: null, action: 'directory.organization.create', entity_id: root },
      ]);
      // No demo town: nothing else in the directory.
      expect((await c.query(`SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM person_position)::int AS positions`)).rows).toEqual([{ persons: 0, positions: 0 }]);
    });
  }, SLOW);

  it('the administrator signs in through a gateway and holds super-admin at the root', async () => {
    const t = await startTestGateway(AVAILABLE_MODULES, { database: db });
    try {
      const admin = await t.as('chen.admin', PASSWORD);
      const res = await admin(ADMIN_VIEW);
      expect(res.body.errors).toBeUndefined();
      const data = res.body.data!;
      expect(data['viewer']).toEqual({ kind: 'USER', displayName: '陈管理员', roles: ['super-admin'] });
      expect(data['organizations'].totalCount).toBe(1);
      const root = data['organizations'].edges[0].node;
      expect(root).toEqual({ id: expect.any(String), name: TOWN.name, shortName: TOWN.shortName, code: TOWN.code, kind: 'TOWN_GOVERNMENT' });
      expect(data['users'].edges.map((e: any) => e.node)).toEqual([
        { username: 'chen.admin', displayName: '陈管理员', organizationId: root.id, assignments: { edges: [{ node: { organizationId: root.id, role: { code: 'super-admin' } } }] } },
      ]);
      // The password was taken as given: a wrong one is refused.
      await expect(t.token('chen.admin', `${PASSWORD}x`)).rejects.toThrow(/login as chen.admin failed/);
    } finally {
      await t.close();
    }
  }, SLOW);

  it('a second run refuses, names the root organization and writes nothing', async () => {
    const before = await contents(db.url);
    const r = await run('bootstrap', flags({ name: '另一个镇人民政府', code: '500119111000', username: 'second-admin' }), { DATABASE_URL: db.url, ADMIN_PASSWORD: PASSWORD });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`bootstrap refused: already bootstrapped: root organization ${TOWN.name} exists (${TOWN.code}, `);
    expectNoStackOrSql(r);
    expect(await contents(db.url)).toEqual(before);
  }, SLOW);
});

/** psql's `:'name'` (a literal) and `:"name"` (an identifier), as init-app-role.sh passes them with --set. */
function withPsqlVariables(sql: string, vars: Readonly<Record<string, string>>): string {
  return sql.replace(/:(['"])(\w+)\1/g, (_, quote: string, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`app-role.sql uses psql variable ${name}, which the test does not set`);
    return quote === "'" ? `'${value.replace(/'/g, "''")}'` : `"${value.replace(/"/g, '""')}"`;
  });
}

describe('database roles: deploy/postgres/app-role.sql on a fresh database', () => {
  const sqlFile = path.join(ROOT, 'deploy', 'postgres', 'app-role.sql');
  const suffix = randomBytes(4).toString('hex');
  // Roles are cluster-wide: unique per run, dropped at the end.
  const owner = { role: `town_owner_${suffix}`, password: `owner-${randomBytes(6).toString('hex')}` };
  const app = { role: `town_app_${suffix}`, password: `app-${randomBytes(6).toString('hex')}` };
  const dbName = `t_${process.env['TEST_RUN_ID'] ?? 'local'}_roles_${suffix}`;
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const urlAs = (who: { role: string; password: string } | null): string => {
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    if (who) {
      url.username = who.role;
      url.password = who.password;
    }
    return url.toString();
  };

  beforeAll(async () => {
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${dbName}"`));
    const sql = withPsqlVariables(readFileSync(sqlFile, 'utf8'), { db_name: dbName, owner_role: owner.role, owner_password: owner.password, app_role: app.role, app_password: app.password });
    await withClient(urlAs(null), (c) => c.query(sql));
  });
  afterAll(async () => {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS "${app.role}"`);
      await c.query(`DROP ROLE IF EXISTS "${owner.role}"`);
    });
  });

  it('init-app-role.sh sets every psql variable app-role.sql uses', () => {
    const used = new Set([...readFileSync(sqlFile, 'utf8').matchAll(/:(['"])(\w+)\1/g)].map((m) => m[2]));
    const set = new Set([...readFileSync(path.join(ROOT, 'deploy', 'postgres', 'init-app-role.sh'), 'utf8').matchAll(/--set (\w+)=/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...set].sort());
  });

  it('migrations run as the owner, bootstrap and the gateway as the application role, which writes rows but changes no structure', async () => {
    const roles = await withClient(adminUrl, async (c) => (await c.query(`SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`, [[owner.role, app.role]])).rows);
    expect(roles).toEqual([
      { rolname: app.role, rolsuper: false, rolcreatedb: false, rolcreaterole: false },
      { rolname: owner.role, rolsuper: false, rolcreatedb: false, rolcreaterole: false },
    ]);

    // What the compose `migrate` job runs, as the owner: every migration, its CREATE EXTENSION included.
    const migrated = await run('migrate', [], { DATABASE_URL: urlAs(owner) });
    expect({ code: migrated.code, stderr: migrated.stderr }).toEqual({ code: 0, stderr: '' });
    expect(migrated.stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect(await withClient(urlAs(null), async (c) => (await c.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`)).rows)).toEqual([{ tableowner: owner.role }]);

    // What the compose `bootstrap` service runs, as the application role.
    const boot = await run('bootstrap', flags(), { DATABASE_URL: urlAs(app), ADMIN_PASSWORD: PASSWORD });
    expect({ code: boot.code, stderr: boot.stderr }).toEqual({ code: 0, stderr: '' });

    // The gateway as the application role: starts (system roles, LISTEN, the webhooks' job queue), signs the administrator in, writes through the API.
    const receiver = http.createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const t = await startTestGateway(AVAILABLE_MODULES, { database: { name: dbName, url: urlAs(app), drop: async () => undefined }, env: { WEBHOOK_INTERNAL_HOSTS: '127.0.0.1' } });
    try {
      const admin = await t.as('chen.admin', PASSWORD);
      const root = (await admin(`{ organizations(first: 1) { edges { node { id } } } }`)).body.data!['organizations'].edges[0].node.id as string;
      const village = await admin(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { name parent { id } } }`, { input: { kind: 'VILLAGE', name: '青山村', parentId: root } });
      expect(village.body).toEqual({ data: { createOrganization: { name: '青山村', parent: { id: root } } } });
      // A webhook through pg-boss's tables (the owner made them in the migration): queued, taken, sent and completed as the application role.
      const client = (await admin(`mutation($o: UUID!) { createApiClient(input: { name: "区平台", organizationId: $o }) { apiClient { id } } }`, { o: root })).body.data!['createApiClient'].apiClient.id;
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
      const sub = (await admin(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`, { input: { apiClientId: client, url, eventTypes: ['directory.organization.created'], description: '角色测试' } })).body.data!['createWebhookSubscription'].subscription.id;
      const test = (await admin(`mutation($s: UUID!) { sendTestWebhook(input: { subscriptionId: $s }) { id } }`, { s: sub })).body.data!['sendTestWebhook'].id;
      const status = async () => (await admin(`query($s: UUID!) { webhookDeliveries(filter: { subscriptionId: $s }) { edges { node { id status } } } }`, { s: sub })).body.data!['webhookDeliveries'].edges;
      let seen: unknown;
      await eventually(async () => JSON.stringify((seen = await status())) === JSON.stringify([{ node: { id: test, status: 'DELIVERED' } }]), () => JSON.stringify(seen));
    } finally {
      await t.close();
      await new Promise((resolve) => receiver.close(resolve));
    }

    await withClient(urlAs(app), async (c) => {
      expect((await c.query(`SELECT count(*)::int AS n FROM organization`)).rows).toEqual([{ n: 2 }]);
      await c.query(`INSERT INTO industry_sector (code, name_zh, name_en, high_risk, sort_order) VALUES ('TEST_${suffix}', '测试', 'Test', false, 999)`);
      await c.query(`UPDATE industry_sector SET name_en = 'Test 2' WHERE code = 'TEST_${suffix}'`);
      expect((await c.query(`DELETE FROM industry_sector WHERE code = 'TEST_${suffix}'`)).rowCount).toBe(1);
      const refused = async (statement: string): Promise<string | undefined> => {
        try {
          await c.query(statement);
          return undefined;
        } catch (error) {
          return (error as { code?: string }).code;
        }
      };
      // 42501 insufficient_privilege: no new tables, no changes to or removal of the owner's, no TRUNCATE of the audit log, no extensions.
      expect({
        create: await refused(`CREATE TABLE app_scratch (id int)`),
        alter: await refused(`ALTER TABLE organization ADD COLUMN scratch int`),
        index: await refused(`CREATE INDEX organization_scratch_idx ON organization (name)`),
        drop: await refused(`DROP TABLE audit_log`),
        truncate: await refused(`TRUNCATE audit_log`),
        extension: await refused(`CREATE EXTENSION IF NOT EXISTS hstore`),
        queueTable: await refused(`CREATE TABLE pgboss.scratch (id int)`),
        queueDrop: await refused(`DROP TABLE pgboss.job`),
      }).toEqual({ create: '42501', alter: '42501', index: '42501', drop: '42501', truncate: '42501', extension: '42501', queueTable: '42501', queueDrop: '42501' });
    });
  }, SLOW);
});
