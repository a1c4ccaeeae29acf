import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEMO_PASSWORD, createTestDatabase, startTestGateway, until, type TestDatabase, type TestGateway } from '@platform/testing';
import { selectModules } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { webhooksModule } from '@platform/webhooks';
import { FAST_WEBHOOKS, Receiver, eventually } from './receiver';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const MODULES = [directoryModule, accessModule, webhooksModule, riskModule];
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SLOW = 120_000;

/**
 * Nothing lost across a gateway kill: the compiled gateway (compiled into a folder of this test's own)
 * runs as a child process, commits hazards whose webhooks its receiver holds open, and is killed with
 * SIGKILL in the middle of delivering them (and maybe before relaying the last ones). Another gateway
 * on the same database then delivers every one of them, each exactly once with a 2xx: the outbox rows
 * it had not relayed, the jobs it had queued, and the jobs it held when it died (once they expire).
 */
describe('webhooks across a gateway kill', () => {
  const work = path.join(ROOT, 'tmp', `webhooks-kill-${process.pid}`);
  const main = path.join(work, 'dist', 'apps', 'gateway', 'src', 'main.js');
  const receiver = new Receiver();
  let db: TestDatabase;
  let child: ChildProcess | null = null;
  let survivor: TestGateway | null = null;

  beforeAll(async () => {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'swc'), ['apps', 'libs', '--out-dir', path.join(work, 'dist'), '--config-file', 'tools/build/swcrc.json', '--quiet'], { cwd: ROOT });
    db = await createTestDatabase(selectModules(MODULES, 'all'), { seed: true });
    await receiver.start();
  }, SLOW);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await survivor?.close();
    await receiver.close();
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  const freePort = async (): Promise<number> => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  };

  it('delivers every committed event once after the gateway delivering them is killed', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [main], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: db.url,
        MODULES: 'directory,access,webhooks,risk',
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        JWT_SECRET,
        DB_POOL_SIZE: '3',
        LOG_LEVEL: 'warn',
        ...FAST_WEBHOOKS,
        // Long enough that the attempts are still open when the gateway dies (their jobs expire 10 s after it).
        WEBHOOK_TIMEOUT_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child!.on('exit', (_code, signal) => resolve(signal)));
    const started = Date.now();
    while (!/gateway: http:\/\/\S+\/graphql/.test(output)) {
      if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${output}`);
      if (Date.now() - started > 60_000) throw new Error(`gateway did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const token = async (username: string) => (await gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { username, password: DEMO_PASSWORD } })).login.accessToken as string;
    const admin = await token('admin');
    const wenfeng = await token('wenfeng');
    const role = (await gql(`{ roles(first: 100) { edges { node { id code } } } }`, {}, admin)).roles.edges.find((e: any) => e.node.code === 'integration-readonly').node.id;
    const client = (await gql(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`, { input: { name: '区级平台', roleId: role, organizationId: TOWN } }, admin)).createApiClient.apiClient.id;
    const sub = (await gql(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }`, { input: { apiClientId: client, url: receiver.url('/kill'), eventTypes: ['risk.hazard.reported'], description: '网关被杀' } }, admin)).createWebhookSubscription.subscription.id;
    const report = async (title: string) => (await gql(`mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`, { input: { organizationId: WENFENG, title, category: 'FIRE', source: 'SELF_CHECK' } }, wenfeng)).reportHazard.id as string;

    // The receiver holds every request open: the first hazard's webhook is under way when the gateway dies.
    receiver.answer('/kill', 'hang');
    const hazards = [await report('被杀前上报的隐患一')];
    await until(() => receiver.on('/kill').length === 1, 30_000).catch((error: Error) => Promise.reject(new Error(`${error.message}; the gateway's output:\n${output}`)));
    hazards.push(await report('被杀前上报的隐患二'), await report('被杀前上报的隐患三'));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(receiver.delivered('/kill')).toEqual([]);

    // Another gateway on the same database, the receiver answering again.
    receiver.answer('/kill', 200);
    survivor = await startTestGateway(MODULES, { database: db, env: FAST_WEBHOOKS });
    const rows = () => survivor!.gateway.database.dataSource.query(`SELECT status, data->>'id' AS hazard, attempt_count FROM webhook_delivery WHERE subscription_id = $1`, [sub]) as Promise<Array<{ status: string; hazard: string; attempt_count: number }>>;
    let seen: Awaited<ReturnType<typeof rows>> = [];
    await eventually(
      async () => (seen = await rows()).length === 3 && seen.every((r) => r.status === 'DELIVERED'),
      () => JSON.stringify(seen),
      45_000,
    );
    expect(seen.map((r) => r.hazard).sort()).toEqual([...hazards].sort());
    // Each delivered exactly once (a 2xx per webhook-id), whatever the dead gateway had sent before it died.
    const delivered = receiver.delivered('/kill');
    expect(delivered.map((r) => JSON.parse(r.body).data.id).sort()).toEqual([...hazards].sort());
    expect(new Set(delivered.map((r) => r.headers['webhook-id'])).size).toBe(3);
  }, SLOW);
});
