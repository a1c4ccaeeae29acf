import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parseCounter } from './report';
import { BY_ID, FLAT, INGEST, INGEST_SETUP_THING, INGEST_SETUP_DATASTREAM, INGEST_VILLAGE, NESTED, ORGANIZATION_IDS, PING, ingestVariables } from './queries';
import { renderTable } from './report';

/**
 * `npm run bench`: load-tests an already running gateway with autocannon and prints one table.
 * Usage: npm run bench -- [--url URL] [--connections 32] [--duration 10] [--warmup 3] [--only flat,nested,byId,ingest] [--rows 2000] [--user anban] [--password …]
 * `ingest` writes: it registers a bench rain gauge and sends batches of `--rows` observations to
 * `ingestObservations` (each batch new times and a new batch key); it runs only when named in `--only`.
 */

export const SCENARIO_NAMES = ['flat', 'nested', 'byId', 'ingest'] as const;
/** The scenarios run when `--only` is not given: the reads (ingest writes to the database). */
export const DEFAULT_SCENARIOS: readonly ScenarioName[] = ['flat', 'nested', 'byId'];
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface BenchOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds measured per scenario. */
  readonly duration: number;
  /** Seconds run and discarded before each scenario. */
  readonly warmup: number;
  readonly only: readonly ScenarioName[];
  /** Observations per ingestion request (`ingest`). */
  readonly rows: number;
  /** Account to sign in as (a demo account by default). */
  readonly user: string;
  readonly password: string;
}

export interface Scenario {
  readonly name: ScenarioName;
  /** JSON request bodies; more than one are sent in rotation. */
  readonly bodies: readonly string[];
  /** The body sent once before the run to check it and read its SQL count. */
  readonly sample: string;
  /** When given, every request's body instead of `bodies` (a write with new values each time). */
  readonly nextBody?: () => string;
  /** Observations each request ingests (`ingest`), for observations per second. */
  readonly rowsPerRequest?: number;
}

export interface ScenarioResult {
  readonly name: ScenarioName;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly non2xx: number;
  /** 2xx or not, responses whose body carries `errors`. */
  readonly gqlErrors: number;
  /** Connection errors and timeouts (no response at all). */
  readonly socketErrors: number;
  readonly sqlPerRequest: number | null;
  readonly rssBytes: number | null;
  /** Observations ingested per second (`ingest` only). */
  readonly rowsPerSec: number | null;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

/** Sent with every request; `main` adds the access token after signing in. */
const HEADERS: Record<string, string> = { 'content-type': 'application/json' };

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string' },
      connections: { type: 'string', default: '32' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      only: { type: 'string', default: DEFAULT_SCENARIOS.join(',') },
      rows: { type: 'string', default: '2000' },
      user: { type: 'string', default: 'anban' },
      password: { type: 'string' },
    },
  });
  const int = (name: string, raw: string, min: number): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > 100_000) throw new Error(`--${name} must be a whole number from ${min}, got "${raw}"`);
    return n;
  };
  const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((s) => !(SCENARIO_NAMES as readonly string[]).includes(s));
  if (unknown.length || !only.length) throw new Error(`--only takes a comma list of ${SCENARIO_NAMES.join(', ')}; got "${values.only}"`);
  return {
    url: values.url ?? env['BENCH_URL'] ?? 'http://localhost:4000/graphql',
    connections: int('connections', values.connections, 1),
    duration: int('duration', values.duration, 1),
    warmup: int('warmup', values.warmup, 0),
    only: only as ScenarioName[],
    rows: int('rows', values.rows, 1),
    user: values.user,
    // The embedded demo's documented password (README); pass --password or BENCH_PASSWORD elsewhere.
    password: values.password ?? env['BENCH_PASSWORD'] ?? 'nanping2025',
  };
}

/** A GraphQL-over-HTTP JSON request body. */
export const body = (query: string, variables?: Record<string, unknown>): string => JSON.stringify(variables ? { query, variables } : { query });

/** One POST outside the load run: correctness sample, SQL header, setup queries. */
export async function post(url: string, payload: string, headers: Record<string, string> = HEADERS): Promise<{ status: number; sqlStatements: string | null; json: GraphQLBody }> {
  const res = await fetch(url, { method: 'POST', headers, body: payload, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  let json: GraphQLBody;
  try {
    json = JSON.parse(text) as GraphQLBody;
  } catch {
    throw new Error(`${url} answered HTTP ${res.status} with a body that is not JSON: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  return { status: res.status, sqlStatements: res.headers.get('x-sql-statements'), json };
}

// Exits rather than throws: a gateway that is not up is the common case, not a bug.
async function ensureGateway(url: string): Promise<void> {
  let problem: string;
  try {
    const { status, json } = await post(url, body(PING));
    if (status === 200 && json.data?.['__typename'] === 'Query') return;
    problem = `it answered HTTP ${status}: ${JSON.stringify(json).slice(0, 200)}`;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    problem = `${error instanceof Error ? error.message : String(error)}${cause}`;
  }
  console.error(`No GraphQL gateway answers { __typename } at ${url} (${problem}).`);
  console.error('Start it first with `npm start` (or pass --url / BENCH_URL), then run `npm run bench` again.');
  process.exit(1);
}

/** Signs in as a town-wide role so the permission and scope machinery is part of what is measured. */
export async function signIn(options: Pick<BenchOptions, 'url' | 'user' | 'password'>): Promise<string> {
  const { json } = await post(
    options.url,
    body(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u: options.user, p: options.password }),
    { 'content-type': 'application/json' },
  );
  const token = (json.data?.['login'] as { accessToken?: string } | undefined)?.accessToken;
  if (!token) throw new Error(`cannot sign in as ${options.user}: ${JSON.stringify(json.errors ?? json)}`);
  return token;
}

/** The ingest scenario: a bench rain gauge of the first village, and a body per request with the next `rows` 5-second steps. */
export async function ingestScenario(url: string, rows: number, headers: Record<string, string> = HEADERS): Promise<Scenario> {
  const village = (await post(url, body(INGEST_VILLAGE), headers)).json.data?.['organizations'] as { edges?: Array<{ node: { id: string } }> } | undefined;
  const organizationId = village?.edges?.[0]?.node.id;
  if (!organizationId) throw new Error('ingest: no village to register the bench rain gauge at; is the town seeded?');
  const thing = await post(url, body(INGEST_SETUP_THING, { organizationId, name: `压测雨量站 ${new Date().toISOString()}` }), headers);
  const thingId = (thing.json.data?.['registerSensorThing'] as { id?: string } | undefined)?.id;
  if (!thingId) throw new Error(`ingest: cannot register the bench rain gauge: ${JSON.stringify(thing.json.errors ?? thing.json)}`);
  const stream = await post(url, body(INGEST_SETUP_DATASTREAM, { thingId }), headers);
  const datastreamId = (stream.json.data?.['registerDatastream'] as { id?: string } | undefined)?.id;
  if (!datastreamId) throw new Error(`ingest: cannot register the bench datastream: ${JSON.stringify(stream.json.errors ?? stream.json)}`);
  // Each request the next block of phenomenon times, so every row is new (no duplicates measured).
  let batch = 0;
  const run = Date.now().toString(36);
  const nextBody = () => body(INGEST, ingestVariables(datastreamId, `${run}-${batch}`, batch++, rows));
  return { name: 'ingest', bodies: [], sample: nextBody(), nextBody, rowsPerRequest: rows };
}

export async function buildScenarios(url: string, names: readonly ScenarioName[], rows = 2000): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const name of names) {
    if (name === 'flat') scenarios.push({ name, bodies: [body(FLAT)], sample: body(FLAT) });
    if (name === 'nested') scenarios.push({ name, bodies: [body(NESTED)], sample: body(NESTED) });
    if (name === 'byId') {
      const { json } = await post(url, body(ORGANIZATION_IDS));
      const nodes = ((json.data?.['organizations'] as { edges?: Array<{ node: { id: string; parentId: string | null } }> } | undefined)?.edges ?? []).map((e) => e.node);
      if (!nodes.length) throw new Error(`byId: no organization ids to rotate through (${JSON.stringify(json.errors ?? json.data).slice(0, 200)}); is the town seeded?`);
      // Sample one with a parent: the town government (first) would skip the parent lookup and undercount SQL.
      const typical = nodes.find((n) => n.parentId) ?? nodes[0]!;
      scenarios.push({ name, bodies: nodes.map((n) => body(BY_ID, { id: n.id })), sample: body(BY_ID, { id: typical.id }) });
    }
    if (name === 'ingest') scenarios.push(await ingestScenario(url, rows));
  }
  return scenarios;
}

// Substring, not JSON.parse: parsing every nested page would make the load generator the bottleneck.
// Exact here because no benchmarked selection has a field named `errors` and JSON escapes quotes in values.
export const hasGraphQLErrors = (responseBody: string): boolean => responseBody.includes('"errors":');

export interface LoadRunOptions {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** JSON request bodies; more than one are sent in rotation (one cursor shared by all connections). */
  readonly bodies: readonly string[];
  /** When given, every request's body instead (a write with new values each time, e.g. W1's counter). */
  readonly nextBody?: () => string;
  readonly connections: number;
  /** Seconds measured. */
  readonly duration: number;
  /** Seconds run first and discarded (0: none). */
  readonly warmup: number;
  /** Called when the warm-up is over and the measured run starts. */
  readonly onMeasureStart?: () => void;
}

export interface LoadRunResult {
  /** The measured run. */
  readonly result: autocannon.Result;
  /** Measured 2xx responses whose body carries `errors` (`result.mismatches` counts them whatever the status). */
  readonly gqlErrorsIn2xx: number;
}

/** A warm-up run (discarded), then one measured autocannon run of POSTs; every response body is checked for GraphQL `errors`. */
export async function loadRun(options: LoadRunOptions): Promise<LoadRunResult> {
  // A shared cursor across all connections, so the rotation covers every id even with few requests each.
  let next = 0;
  let gqlErrorsIn2xx = 0;
  const bodies = options.bodies;
  const request: autocannon.Request = {
    method: 'POST',
    headers: options.headers,
    body: bodies[0],
    onResponse: (status, responseBody) => {
      if (status >= 200 && status < 300 && hasGraphQLErrors(responseBody)) gqlErrorsIn2xx++;
    },
    ...(options.nextBody
      ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: options.nextBody!() }) }
      : bodies.length > 1
        ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] }) }
        : {}),
  };
  const run = (duration: number) =>
    autocannon({
      url: options.url,
      method: 'POST',
      headers: options.headers,
      connections: options.connections,
      duration,
      // verifyBody sees each whole response body; autocannon counts the `false`s as mismatches.
      verifyBody: (responseBody) => !hasGraphQLErrors(responseBody),
      requests: [request],
    });
  if (options.warmup > 0) await run(options.warmup);
  gqlErrorsIn2xx = 0;
  options.onMeasureStart?.();
  const result = await run(options.duration);
  return { result, gqlErrorsIn2xx };
}

/** Gateway RSS from its Prometheus endpoint; null when not exposed. */
export async function readRss(url: string): Promise<number | null> {
  try {
    const res = await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return null;
    return parseCounter(await res.text(), 'process_resident_memory_bytes');
  } catch {
    return null;
  }
}

export async function runScenario(scenario: Scenario, options: BenchOptions): Promise<ScenarioResult> {
  const sample = await post(options.url, scenario.sample);
  if (sample.status !== 200 || sample.json.errors?.length) {
    console.error(`warning: ${scenario.name} sample answered HTTP ${sample.status}: ${sample.json.errors?.[0]?.message ?? 'no errors'}`);
  }
  const sql = sample.sqlStatements === null ? null : Number(sample.sqlStatements);
  const { result } = await loadRun({ url: options.url, headers: HEADERS, bodies: scenario.bodies, nextBody: scenario.nextBody, connections: options.connections, duration: options.duration, warmup: options.warmup });

  return {
    name: scenario.name,
    reqPerSec: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    gqlErrors: result.mismatches,
    socketErrors: result.errors,
    sqlPerRequest: sql !== null && Number.isFinite(sql) ? sql : null,
    rssBytes: await readRss(options.url),
    rowsPerSec: scenario.rowsPerRequest ? result.requests.mean * scenario.rowsPerRequest : null,
  };
}

export function formatTable(results: readonly ScenarioResult[]): string {
  const header = ['scenario', 'req/s', 'obs/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'gql errors', 'socket errors', 'SQL/req', 'RSS MB'];
  const rows = results.map((r) => [
    r.name,
    r.reqPerSec.toFixed(1),
    r.rowsPerSec === null ? 'n/a' : r.rowsPerSec.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    String(r.requests),
    String(r.non2xx),
    String(r.gqlErrors),
    String(r.socketErrors),
    r.sqlPerRequest === null ? 'n/a' : String(r.sqlPerRequest),
    r.rssBytes === null ? 'n/a' : (r.rssBytes / 1024 / 1024).toFixed(1),
  ]);
  // Names left, numbers right, like most benchmark tables.
  return renderTable(header, rows);
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = parseOptions(argv);
  await ensureGateway(options.url);
  HEADERS['authorization'] = `Bearer ${await signIn(options)}`;
  const scenarios = await buildScenarios(options.url, options.only, options.rows);
  console.log(`Benchmarking ${options.url}: ${options.connections} connections, ${options.warmup}s warmup + ${options.duration}s per scenario.`);
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    console.log(`  ${scenario.name} ...`);
    results.push(await runScenario(scenario, options));
  }
  console.log(`\n${formatTable(results)}`);
  console.log('\ngql errors: responses whose body has "errors" (checked on every response); SQL/req: x-sql-statements of one sample request; obs/s: observations ingested per second (ingest).');
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Benchmark failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
