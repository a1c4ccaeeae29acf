import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from '@platform/testing';
import { selectModules } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const START_BUDGET_MS = 20_000;
const SLOW = 60_000;

/** The caller's trace: the gateway's spans must continue it (W3C `traceparent`). */
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';
/** A second caller's trace, through Apollo's route. */
const APOLLO_TRACE_ID = '5a1b2c3d4e5f60718293a4b5c6d7e8f9';
const APOLLO_PARENT_SPAN_ID = '1122334455667788';
/** A subscriber's trace, sent with the WebSocket upgrade. */
const WS_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const WS_PARENT_SPAN_ID = 'b7ad6b7169203331';
const traceparent = (traceId: string, parent: string) => `00-${traceId}-${parent}-01`;

/**
 * Traces end to end: the compiled gateway (`node dist/apps/gateway/src/main.js`, compiled into a
 * folder of this test's own, so a parallel `npm run build` cannot pull the files away) as a child
 * process with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a tiny OTLP/HTTP receiver here; and the same
 * gateway without it, which must send nothing and load none of the SDK.
 */
describe('traces (OpenTelemetry)', () => {
  const work = path.join(ROOT, 'tmp', `telemetry-${process.pid}`);
  const main = path.join(work, 'dist', 'apps', 'gateway', 'src', 'main.js');
  /** Preloaded into the gateway: on exit, prints which OpenTelemetry packages the process had loaded. */
  const probe = path.join(work, 'loaded-otel.cjs');
  const children: ChildProcess[] = [];
  let db: TestDatabase;
  let receiver: http.Server;
  /** What the receiver got: each request's path, content type and parsed body. */
  const received: Array<{ path: string; type: string; body: any }> = [];
  let endpoint: string;

  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('\\nOTEL-LOADED ' + JSON.stringify([...new Set(Object.keys(require.cache).map((f) => /node_modules\\/(@opentelemetry\\/[^/]+)/.exec(f)?.[1]).filter(Boolean))]) + '\\n'));\n`,
    );
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'swc'), ['apps', 'libs', '--out-dir', path.join(work, 'dist'), '--config-file', 'tools/build/swcrc.json', '--quiet'], { cwd: ROOT });
    db = await createTestDatabase(selectModules(AVAILABLE_MODULES, 'all'), { seed: true });
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const type = req.headers['content-type'] ?? '';
        const text = Buffer.concat(chunks).toString('utf8');
        received.push({ path: req.url ?? '', type, body: type.includes('json') ? JSON.parse(text) : text });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  }, SLOW);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await new Promise((resolve) => receiver?.close(resolve));
    await db?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  /** A port free at this moment (the gateway is told it; PORT=0 would not tell us which it took). */
  const freePort = async (): Promise<number> => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
  };

  /** Starts the compiled gateway with only the settings given (nothing inherited: no REDIS_URL, no OTEL_* of the shell) and waits until it serves. */
  const startGateway = async (env: Record<string, string>) => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--require', probe, main], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: db.url,
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        DEMO_ACCOUNTS: 'true',
        JWT_SECRET,
        DB_POOL_SIZE: '2',
        SHUTDOWN_TIMEOUT_MS: '500',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const run = { child, output: '', exited: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))) };
    child.stdout!.on('data', (d) => (run.output += d));
    child.stderr!.on('data', (d) => (run.output += d));
    const until = Date.now() + START_BUDGET_MS;
    while (!/gateway: http:\/\/\S+\/graphql/.test(run.output)) {
      if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}:\n${run.output}`);
      if (Date.now() > until) throw new Error(`gateway did not start within ${START_BUDGET_MS / 1000} s:\n${run.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const origin = `http://127.0.0.1:${port}`;
    /** SIGTERM, as an orchestrator stops it; resolves with the exit code and the OpenTelemetry packages it had loaded. */
    const stop = async () => {
      child.kill('SIGTERM');
      const code = await run.exited;
      const loaded = /OTEL-LOADED (\[.*\])/.exec(run.output);
      return { code, loaded: loaded ? (JSON.parse(loaded[1]!) as string[]) : null, output: run.output };
    };
    return { origin, stop };
  };

  /** Signs in (a mutation that reads the account: SQL inside the execution) through the fast path, continuing the caller's trace. */
  const signIn = (origin: string) =>
    fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: traceparent(TRACE_ID, PARENT_SPAN_ID) },
      body: JSON.stringify({ query: 'mutation SignIn($input: LoginInput!) { login(input: $input) { accessToken } }', operationName: 'SignIn', variables: { input: { username: 'anban', password: DEMO_PASSWORD } } }),
    });

  /** OTLP/JSON attributes as a plain object. */
  const attributes = (span: any): Record<string, unknown> =>
    Object.fromEntries((span.attributes ?? []).map((a: any) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue ?? a.value.arrayValue?.values?.map((v: any) => v.stringValue)]));

  it('exports the HTTP, GraphQL execution and SQL spans of a request, continuing the caller\'s traceparent, and flushes them on SIGTERM', async () => {
    received.length = 0;
    // A long batch delay: the spans go out only because the gateway flushes them when it stops.
    const gateway = await startGateway({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '60000' });

    expect((await fetch(`${gateway.origin}/healthz`)).status).toBe(200);
    const res = await signIn(gateway.origin);
    const body = (await res.json()) as { data?: { login?: { accessToken?: string } } };
    expect(res.status).toBe(200);
    expect(typeof body.data?.login?.accessToken).toBe('string');
    const requestId = res.headers.get('x-request-id');
    const token = body.data!.login!.accessToken!;
    // Apollo's route (a GET query), its own trace.
    const apollo = await fetch(`${gateway.origin}/graphql?${new URLSearchParams({ query: 'query WhoAmI { viewer { kind } }', operationName: 'WhoAmI' })}`, {
      headers: { 'apollo-require-preflight': 'true', traceparent: traceparent(APOLLO_TRACE_ID, APOLLO_PARENT_SPAN_ID) },
    });
    expect(apollo.status).toBe(200);
    expect(await apollo.json()).toEqual({ data: { viewer: { kind: 'ANONYMOUS' } } });
    // A subscribe over WebSocket, the upgrade request carrying a third trace.
    class TracedWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { traceparent: traceparent(WS_TRACE_ID, WS_PARENT_SPAN_ID) } });
      }
    }
    const client = createClient({ url: `${gateway.origin.replace('http', 'ws')}/graphql`, webSocketImpl: TracedWebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const events = client.iterate({ query: 'subscription Watch { organizationChanged { kind organizationId } }' });
    const first = events.next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await events.return?.();
    await first;
    await client.dispose();
    expect(received).toEqual([]);

    const stopped = await gateway.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.output).not.toMatch(/could not export/);
    expect(stopped.loaded).toEqual(expect.arrayContaining(['@opentelemetry/sdk-trace-node', '@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-pg']));

    // OTLP/HTTP with JSON bodies to /v1/traces, service.name the default.
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received.map((r) => `${r.path} ${r.type}`))).toEqual(new Set(['/v1/traces application/json']));
    const resourceSpans = received.flatMap((r) => r.body.resourceSpans);
    expect(new Set(resourceSpans.map((rs: any) => attributes(rs.resource)['service.name']))).toEqual(new Set(['town-safety-gateway']));
    const spans: any[] = resourceSpans.flatMap((rs: any) => rs.scopeSpans.flatMap((ss: any) => ss.spans));
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const descendsFrom = (span: any, ancestor: any): boolean => {
      for (let s = span; s; s = byId.get(s.parentSpanId)) if (s.parentSpanId === ancestor.spanId) return true;
      return false;
    };

    // The HTTP server span: the caller's trace and parent, named after the operation, annotated.
    const server = spans.find((s) => s.traceId === TRACE_ID && s.kind === 2);
    expect(server).toBeDefined();
    expect({ name: server.name, parentSpanId: server.parentSpanId }).toEqual({ name: 'POST /graphql SignIn', parentSpanId: PARENT_SPAN_ID });
    expect(attributes(server)).toMatchObject({
      'graphql.operation.name': 'SignIn',
      'graphql.operation.type': 'mutation',
      'http.route': '/graphql',
      'http.response.status_code': 200,
      'app.request.id': requestId,
      'app.transport': 'http',
      'app.principal.kind': 'anonymous',
    });
    // The execution, a child of it.
    const execute = spans.find((s) => s.name === 'graphql.execute' && s.parentSpanId === server.spanId);
    expect(execute).toBeDefined();
    expect(attributes(execute)).toMatchObject({ 'graphql.operation.name': 'SignIn', 'graphql.operation.type': 'mutation' });
    // The SQL statements, in the same trace under the execution: the text, never the values.
    const statements = spans.filter((s) => s.traceId === TRACE_ID && attributes(s)['db.system.name'] === 'postgresql' && attributes(s)['db.query.text']);
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.some((s) => descendsFrom(s, execute))).toBe(true);
    expect(JSON.stringify(spans)).not.toMatch(new RegExp(`${DEMO_PASSWORD}|anban`));

    // Apollo's route: its own trace, named after the operation, with the execution as a child.
    const apolloServer = spans.find((s) => s.traceId === APOLLO_TRACE_ID && s.kind === 2);
    expect({ name: apolloServer?.name, parentSpanId: apolloServer?.parentSpanId }).toEqual({ name: 'GET /graphql WhoAmI', parentSpanId: APOLLO_PARENT_SPAN_ID });
    expect(attributes(apolloServer)).toMatchObject({ 'graphql.operation.name': 'WhoAmI', 'graphql.operation.type': 'query', 'app.transport': 'apollo' });
    expect(spans.some((s) => s.name === 'graphql.execute' && s.parentSpanId === apolloServer.spanId)).toBe(true);
    // Nothing of a GET's GraphQL text or variables in its URL attributes (they may hold personal data).
    expect(attributes(apolloServer)['url.query']).toBe('query=REDACTED&operationName=WhoAmI');

    // The subscribe: a server span of its own under the upgrade request's traceparent.
    const subscribe = spans.find((s) => s.traceId === WS_TRACE_ID);
    expect({ name: subscribe?.name, kind: subscribe?.kind, parentSpanId: subscribe?.parentSpanId }).toEqual({ name: 'graphql.subscribe', kind: 2, parentSpanId: WS_PARENT_SPAN_ID });
    expect(attributes(subscribe)).toMatchObject({ 'graphql.operation.name': 'Watch', 'graphql.operation.type': 'subscription', 'app.transport': 'ws', 'app.principal.kind': 'user' });

    // No span for the probe.
    expect(spans.filter((s) => /healthz/.test(JSON.stringify(s)))).toEqual([]);
  }, SLOW);

  it('without an endpoint sends nothing, loads none of the SDK, and serves as usual', async () => {
    received.length = 0;
    // Every other OTEL_* variable set: none of them turns tracing on.
    const gateway = await startGateway({ OTEL_SERVICE_NAME: 'should-not-appear', OTEL_TRACES_SAMPLER: 'always_on', OTEL_BSP_SCHEDULE_DELAY: '10' });
    expect((await fetch(`${gateway.origin}/healthz`)).status).toBe(200);
    const res = await signIn(gateway.origin);
    expect(res.status).toBe(200);
    expect(typeof ((await res.json()) as any).data?.login?.accessToken).toBe('string');
    const stopped = await gateway.stop();
    expect(stopped.code).toBe(0);
    // Only the API package (the pipeline's imports: no-ops without a provider), none of the SDK or instrumentations.
    expect(stopped.loaded).toEqual(['@opentelemetry/api']);
    expect(received).toEqual([]);
  }, SLOW);
});
