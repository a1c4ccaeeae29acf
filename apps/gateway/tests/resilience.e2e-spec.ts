import net from 'node:net';
import { Client } from 'pg';
import { createTestDatabase, pause, startTestGateway, type TestDatabase, type TestGateway } from '@platform/testing';
import { selectModules } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';

const KEY_OF_NOBODY = `tsk_0123456789ab_${'x'.repeat(43)}`;

/** A TCP proxy in front of PostgreSQL that a test can freeze (stop forwarding) or kill (refuse connections). */
class DatabaseProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private frozen = false;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(5432, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.on('data', (d) => (this.frozen ? undefined : upstream.write(d)));
      upstream.on('data', (d) => (this.frozen ? undefined : client.write(d)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Bytes are swallowed: every statement waits, as with a frozen (SIGSTOPped) server. */
  freeze(): void {
    this.frozen = true;
  }

  /** Every connection dropped and new ones refused, as with a server that went down. */
  async kill(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.frozen = false;
  }
}

describe('wrong credentials are limited per address (D9)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { AUTH_FAILURE_POINTS: '10' } });
  });
  afterAll(() => t?.close());

  it('answers 401 up to the limit, then 429 with Retry-After before looking the credentials up; anonymous calls go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await t.gql(`{ viewer { kind } }`, undefined, { 'x-api-key': KEY_OF_NOBODY })).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const statements = async () => (await t.gateway.metrics.statements.get()).values[0]?.value ?? 0;
    // The counter is the gateway's: the modules' sweeps (each runs once at start, in turn) would add
    // their statements to it. Stopped first (waiting for a run under way), only requests count.
    await t.gateway.jobs.stop();
    const before = await statements();
    const refused = await t.gql(`{ viewer { kind } }`, undefined, { 'x-api-key': KEY_OF_NOBODY });
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Also a forged bearer token, and over the Apollo route (GET), from the same address.
    expect((await t.gql(`{ viewer { kind } }`, undefined, { authorization: 'Bearer not-a-token' })).status).toBe(429);
    const get = await fetch(`${t.origin}/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`, { headers: { 'apollo-require-preflight': 'true', 'x-api-key': KEY_OF_NOBODY } });
    expect(get.status).toBe(429);
    // Refused before any lookup: no SQL was spent on them.
    expect((await statements()) - before).toBe(0);
    expect((await t.gql(`{ viewer { kind } }`)).body.data!['viewer']).toEqual({ kind: 'ANONYMOUS' });
  });
});

describe('database outages answer 503 UNAVAILABLE with Retry-After (D11)', () => {
  let database: TestDatabase;
  let proxy: DatabaseProxy;
  let t: TestGateway;
  beforeAll(async () => {
    database = await createTestDatabase(selectModules(AVAILABLE_MODULES, 'all'), { seed: true });
    proxy = new DatabaseProxy();
    await proxy.start();
    const url = new URL(database.url);
    url.port = String(proxy.port);
    t = await startTestGateway(AVAILABLE_MODULES, {
      database: { ...database, url: url.toString() },
      env: { DB_QUERY_TIMEOUT_MS: '1500', DB_CONNECTION_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '1000' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.kill();
    await database?.drop();
  });

  it('fails a frozen database within the query timeout, a dead one at once, and serves again when it is back', async () => {
    const anban = await t.as('anban');
    const query = `{ hazards(first: 1) { totalCount } }`;
    expect((await anban(query)).status).toBe(200);

    proxy.freeze();
    const started = Date.now();
    const frozen = await anban(query);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(frozen.status).toBe(503);
    expect(frozen.body.errors![0]!.extensions).toEqual({ code: 'UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
    expect(Number(frozen.headers.get('retry-after'))).toBeGreaterThan(0);

    const port = proxy.port;
    await proxy.kill();
    const down = await anban(query);
    expect(down.status).toBe(503);
    expect(down.body.errors![0]!.extensions!['code']).toBe('UNAVAILABLE');
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|postgres|SELECT/i);
    // Sign-in needs the database too.
    const login = await t.gql(`mutation { login(input: { username: "anban", password: "nanping2025" }) { accessToken } }`);
    expect(login.status).toBe(503);

    await proxy.start(port);
    let back = 0;
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await anban(query)).status;
      if (back !== 200) await pause(200);
    }
    expect(back).toBe(200);
  }, 60_000);
});

describe('shutdown (D16)', () => {
  it('refuses requests arriving after it began with 503 and closes the pool only after those under way have answered', async () => {
    const t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { SHUTDOWN_TIMEOUT_MS: '10000' } });
    const locker = new Client({ connectionString: t.database.url });
    await locker.connect();
    try {
      const anban = await t.as('anban');
      const query = `{ organizations(first: 1) { totalCount } }`;
      expect((await anban(query)).status).toBe(200);
      // Holds every read of organizations: the next request stays under way.
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE organization IN ACCESS EXCLUSIVE MODE');
      const underWay = anban(query);
      await pause(300);
      const closed = t.gateway.close();
      await pause(100);
      // A request arriving now (new connection or kept-alive one) is refused, never half-served against a closing pool.
      const late = await anban(query);
      expect(late.status).toBe(503);
      expect(late.headers.get('connection')).toBe('close');
      expect(late.body.errors![0]!.extensions).toEqual({ code: 'UNAVAILABLE', retryAfterSeconds: 1 });
      await locker.query('COMMIT');
      const answered = await underWay;
      expect(answered.status).toBe(200);
      expect(answered.body.data!['organizations'].totalCount).toBeGreaterThan(0);
      await closed;
    } finally {
      await locker.end().catch(() => undefined);
      await t.close().catch(() => undefined);
    }
  }, 30_000);
});
