import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { body, loadRun, post, signIn } from './bench';
import {
  GATEWAY_Q1,
  GATEWAY_Q2,
  GATEWAY_Q3,
  GATEWAY_Q4,
  GATEWAY_W1,
  PING,
  POSTGRAPHILE_Q1,
  POSTGRAPHILE_Q2,
  POSTGRAPHILE_Q3,
  POSTGRAPHILE_Q4,
  POSTGRAPHILE_W1,
  W1_CLEANUP,
  W1_ORGANIZATIONS,
  W1_WRITES,
  gatewayW1Variables,
  postgraphileW1Variables,
  w1Shelter,
} from './queries';
import {
  COMPARE_QUERIES,
  QUERY_LABELS,
  TARGET_LABELS,
  compareRow,
  firstDifference,
  formatReport,
  medianSummary,
  normalizeFloorRows,
  normalizeGateway,
  normalizePostGraphile,
  parseCounter,
  parseFloorOutput,
  parseVmRss,
  ratioRows,
  shapeOf,
  serverOrder,
  sortRows,
  summarizeAutocannon,
  type CompareMeta,
  type CompareQuery,
  type CompareReport,
  type CompareRow,
  type CompareSettings,
  type Normalized,
  type Target,
} from './report';
import { benchDatabaseUrl, ensureBenchDataset } from './seed-bench';
import { floorRequest, floorWrites, sampleHazardIds } from './sql-floor';

/**
 * `npm run bench:compare`: this gateway vs PostGraphile 5 vs a raw SQL floor on the bench database,
 * same queries, same rows, same load. Starts (and always stops) PostGraphile, the gateway and the
 * floor processes itself. W1 (creates) leaves no rows behind: its shelters, their audit entries and
 * events are removed after each run. Each round runs query by query: the two servers, gateway first
 * in odd rounds and PostGraphile first in even rounds (so neither always meets the machine warmer or
 * cooler), then the SQL floor; after the rounds come the medians over them (tools/bench/report.ts).
 * Usage:
 *   npm run bench:compare -- [--rounds 2] [--duration 10] [--warmup 3] [--connections 32] [--only q1,q2,q3,q4,w1]
 *                            [--gateway-node bundled|system] [--pool-size 10] [--read-compiler on|off] [--markdown]
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const BENCH_DIR = path.join(ROOT, 'tools', 'bench');
const CACHE_DIR = path.join(BENCH_DIR, '.cache');
const POSTGRAPHILE_DIR = path.join(CACHE_DIR, 'postgraphile');
/** Exact versions PostGraphile is installed with, in its own git-ignored folder (never the workspace). */
export const POSTGRAPHILE_PACKAGES = { postgraphile: '5.1.5', node: '22.23.3', pg: '8.23.0' } as const;
const NODE22 = path.join(POSTGRAPHILE_DIR, 'node_modules', '.bin', 'node');

export interface CompareOptions {
  readonly databaseUrl: string;
  readonly rounds: number;
  readonly connections: number;
  readonly duration: number;
  readonly warmup: number;
  readonly only: readonly CompareQuery[];
  /** `bundled`: the gateway (and floor) run on PostGraphile's Node 22; `system`: on this Node. */
  readonly gatewayNode: 'bundled' | 'system';
  /** The gateway's READ_COMPILER: `on` (default) serves compilable queries as one statement. */
  readonly readCompiler: 'on' | 'off';
  readonly poolSize: number;
  readonly floorClients: number;
  readonly ids: number;
  readonly markdown: boolean;
  readonly user: string;
  readonly password: string;
}

export function parseCompareOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CompareOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '32' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      only: { type: 'string', default: COMPARE_QUERIES.join(',') },
      'gateway-node': { type: 'string', default: 'bundled' },
      'read-compiler': { type: 'string', default: 'on' },
      'pool-size': { type: 'string', default: '10' },
      'floor-clients': { type: 'string', default: '32' },
      ids: { type: 'string', default: '1000' },
      markdown: { type: 'boolean', default: false },
      user: { type: 'string', default: 'anban' },
      password: { type: 'string' },
      db: { type: 'string' },
    },
  });
  const int = (name: string, raw: string, min: number, max = 100_000): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const only = values.only.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!only.length || only.some((q) => !(COMPARE_QUERIES as readonly string[]).includes(q))) {
    throw new Error(`--only takes a comma list of ${COMPARE_QUERIES.join(', ')}; got "${values.only}"`);
  }
  const gatewayNode = values['gateway-node'];
  if (gatewayNode !== 'bundled' && gatewayNode !== 'system') throw new Error(`--gateway-node is bundled (Node 22, as PostGraphile) or system, got "${gatewayNode}"`);
  const readCompiler = values['read-compiler'];
  if (readCompiler !== 'on' && readCompiler !== 'off') throw new Error(`--read-compiler is on or off, got "${readCompiler}"`);
  return {
    databaseUrl: values.db ?? benchDatabaseUrl(env),
    readCompiler,
    rounds: int('rounds', values.rounds, 1, 20),
    connections: int('connections', values.connections, 1, 1000),
    duration: int('duration', values.duration, 1, 3600),
    warmup: int('warmup', values.warmup, 0, 3600),
    only: COMPARE_QUERIES.filter((q) => only.includes(q)),
    gatewayNode,
    poolSize: int('pool-size', values['pool-size'], 1, 200),
    floorClients: int('floor-clients', values['floor-clients'], 1, 200),
    ids: int('ids', values.ids, 1, 50_000),
    markdown: values.markdown,
    user: values.user,
    password: values.password ?? env['BENCH_PASSWORD'] ?? 'nanping2025',
  };
}

const log = (line: string) => console.error(line);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- child processes

interface Managed {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly exited: Promise<void>;
  /** Last lines of its output, for error messages. */
  readonly tail: string[];
}

const running = new Set<Managed>();

function start(name: string, command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string; onLine?: (line: string) => void }): Managed {
  // stdin stays an open pipe: our servers and the floor stop when it closes (i.e. when we are gone).
  const proc = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      options.onLine?.(line);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    }
  };
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  proc.stdin!.on('error', () => undefined);
  const managed: Managed = {
    name,
    proc,
    tail,
    exited: new Promise((resolve) => {
      proc.once('exit', () => resolve());
      proc.once('error', (error) => {
        tail.push(`cannot start: ${error.message}`);
        resolve();
      });
    }),
  };
  running.add(managed);
  void managed.exited.then(() => running.delete(managed));
  return managed;
}

const isRunning = (m: Managed) => m.proc.exitCode === null && m.proc.signalCode === null && m.proc.pid !== undefined;

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
async function stop(m: Managed, graceMs = 8_000): Promise<void> {
  if (isRunning(m)) {
    m.proc.kill('SIGTERM');
    const timer = setTimeout(() => isRunning(m) && m.proc.kill('SIGKILL'), graceMs);
    await m.exited;
    clearTimeout(timer);
  }
  running.delete(m);
}

const stopAll = () => Promise.all([...running].map((m) => stop(m)));

// Last resort when we exit without stopAll (uncaught error): nothing we started outlives us.
process.on('exit', () => {
  for (const m of running) if (isRunning(m)) m.proc.kill('SIGKILL');
});

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${signal}: stopping the servers …`);
    void stopAll().finally(() => process.exit(130));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits until `{ __typename }` answers at url, or the process dies, or the timeout passes. */
async function waitForGraphQL(m: Managed, url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isRunning(m)) throw new Error(`${m.name} exited before it answered (code ${m.proc.exitCode ?? m.proc.signalCode}):\n  ${m.tail.join('\n  ')}`);
    try {
      const { status, json } = await post(url, body(PING), { 'content-type': 'application/json' });
      if (status === 200 && json.data?.['__typename'] === 'Query') return;
      last = `HTTP ${status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${m.name} did not answer at ${url} within ${timeoutMs / 1000} s (${last}):\n  ${m.tail.join('\n  ')}`);
}

/** Largest VmRSS of a process while sampling (every 250 ms); null where /proc is not there. */
function sampleRss(pid: number | undefined, everyMs = 250): { stop(): number | null } {
  let max: number | null = null;
  const read = () => {
    if (pid === undefined) return;
    try {
      const rss = parseVmRss(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss !== null && (max === null || rss > max)) max = rss;
    } catch {
      // gone, or not Linux
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      read();
      clearInterval(timer);
      return max;
    },
  };
}

// ---------------------------------------------------------------- PostGraphile install and servers

function installedVersion(pkg: string): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(POSTGRAPHILE_DIR, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

/** Installs PostGraphile (and its Node 22) into tools/bench/.cache/postgraphile unless the exact versions are there. */
async function ensurePostGraphile(): Promise<void> {
  const ok = Object.entries(POSTGRAPHILE_PACKAGES).every(([pkg, version]) => installedVersion(pkg) === version) && existsSync(NODE22);
  if (ok) return;
  log(`Installing PostGraphile ${POSTGRAPHILE_PACKAGES.postgraphile} (Node ${POSTGRAPHILE_PACKAGES.node}) into ${path.relative(ROOT, POSTGRAPHILE_DIR)} …`);
  mkdirSync(POSTGRAPHILE_DIR, { recursive: true });
  writeFileSync(path.join(POSTGRAPHILE_DIR, 'package.json'), `${JSON.stringify({ name: 'bench-postgraphile', private: true, dependencies: POSTGRAPHILE_PACKAGES }, null, 2)}\n`);
  const npm = start('npm install', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund'], {
    cwd: POSTGRAPHILE_DIR,
    // PostGraphile needs Node >= 22 and runs on the Node 22 this same install brings, while npm itself
    // runs on the machine's Node (20): the workspace's engine-strict (.npmrc, passed down by `npm run`
    // as npm_config_engine_strict) is for the workspace's own install, not this separate one.
    env: { ...process.env, npm_config_engine_strict: 'false' },
    onLine: (line) => log(`  npm: ${line}`),
  });
  npm.proc.stdin!.end();
  await npm.exited;
  if (npm.proc.exitCode !== 0) throw new Error(`npm install in ${POSTGRAPHILE_DIR} failed (exit ${npm.proc.exitCode ?? npm.proc.signalCode})`);
}

/** A small clean environment for the servers: nothing from the caller's shell changes what they do. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'SYSTEMROOT'];
  return { ...Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])), ...extra };
}

interface Server {
  readonly managed: Managed;
  readonly url: string;
}

async function startPostGraphile(options: CompareOptions): Promise<Server> {
  const port = await freePort();
  const managed = start('PostGraphile', NODE22, [path.join(BENCH_DIR, 'postgraphile-server.mjs')], {
    cwd: POSTGRAPHILE_DIR,
    env: serverEnv({ NODE_ENV: 'production', DATABASE_URL: options.databaseUrl, PORT: String(port), HOST: '127.0.0.1', DB_POOL_SIZE: String(options.poolSize), POSTGRAPHILE_DIR }),
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForGraphQL(managed, url);
  return { managed, url };
}

async function startGateway(options: CompareOptions, node: string): Promise<Server> {
  const port = await freePort();
  const managed = start('gateway', node, ['-r', path.join(__dirname, 'exit-with-parent.js'), path.join(ROOT, 'dist', 'apps', 'gateway', 'src', 'main.js')], {
    env: serverEnv({
      DATABASE_URL: options.databaseUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_POINTS: '0',
      READ_COMPILER: options.readCompiler === 'on' ? 'true' : 'false',
      // Production default: no per-request SQL tally; statements are counted from /metrics instead.
      SQL_COUNT_HEADER: 'false',
      JWT_SECRET: randomBytes(36).toString('base64url'),
      MIGRATE_ON_START: 'false',
      SEED_ON_START: 'false',
      DB_POOL_SIZE: String(options.poolSize),
      PORT: String(port),
      HOST: '127.0.0.1',
    }),
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitForGraphQL(managed, url);
  return { managed, url };
}

// ---------------------------------------------------------------- what each side is sent

interface Side {
  readonly target: Exclude<Target, 'floor'>;
  readonly server: Server;
  readonly headers: Record<string, string>;
  /** The bodies sent in rotation; W1: the one of the same-rows check (the same shelter on every side). */
  readonly bodies: Record<CompareQuery, readonly string[]>;
  /** Queries whose every request is new (W1: the side's next shelter). */
  readonly nextBody: Partial<Record<CompareQuery, () => string>>;
  readonly normalize: (query: CompareQuery, data: unknown) => Normalized;
  /** SQL statements of one request of `payload`. */
  readonly sqlOf: (payload: string) => Promise<number | null>;
}

/** The name tag of the same-rows check's shelter, the same on every side. */
const W1_CHECK_TAG = 'check';

function bodiesFor(target: Side['target'], ids: readonly string[], villages: readonly string[]): Record<CompareQuery, readonly string[]> {
  const gateway = target === 'gateway';
  return {
    q1: [body(gateway ? GATEWAY_Q1 : POSTGRAPHILE_Q1)],
    q2: [body(gateway ? GATEWAY_Q2 : POSTGRAPHILE_Q2)],
    q3: ids.map((id) => body(gateway ? GATEWAY_Q3 : POSTGRAPHILE_Q3, { id })),
    q4: [body(gateway ? GATEWAY_Q4 : POSTGRAPHILE_Q4)],
    w1: [w1Body(target, w1Shelter(W1_CHECK_TAG, 0, villages))],
  };
}

const w1Body = (target: Side['target'], shelter: ReturnType<typeof w1Shelter>): string =>
  target === 'gateway' ? body(GATEWAY_W1, gatewayW1Variables(shelter)) : body(POSTGRAPHILE_W1, postgraphileW1Variables(shelter));

/** Every request a new shelter of the side (names `…-g-<n>`, `…-p-<n>`), at the villages in turn. */
function nextW1Body(target: Side['target'], villages: readonly string[]): () => string {
  let n = 0;
  const tag = target === 'gateway' ? 'g' : 'p';
  return () => w1Body(target, w1Shelter(tag, n++, villages));
}

/** Removes W1's shelters with their audit entries and events (after each W1 run, and at start and end). */
async function cleanUpW1(db: Client, when: string): Promise<void> {
  // Fresh statistics first: a run adds tens of thousands of rows that autovacuum has not sampled yet,
  // and with the old counts the planner joined them by nested loops (minutes at 100 % CPU, in the round's time).
  await db.query('ANALYZE shelter, audit_log, event_outbox');
  const { rows } = await db.query<{ shelters: number; audit_entries: number; events: number }>(W1_CLEANUP);
  const r = rows[0]!;
  if (r.shelters || r.audit_entries || r.events) log(`  W1 ${when}: removed ${r.shelters} shelters, ${r.audit_entries} audit entries, ${r.events} events`);
}

/** The gateway's `db_statements_total` (every SQL statement it has sent), or null when /metrics does not answer. */
async function gatewayStatements(server: Server): Promise<number | null> {
  const res = await fetch(new URL('/metrics', server.url), { signal: AbortSignal.timeout(5_000) });
  return res.ok ? parseCounter(await res.text(), 'db_statements_total') : null;
}

async function postgraphileStatements(server: Server): Promise<number> {
  const res = await fetch(new URL('/__bench/stats', server.url), { signal: AbortSignal.timeout(5_000) });
  return ((await res.json()) as { statements: number }).statements;
}

/** One request's data, failing loudly on HTTP or GraphQL errors. */
async function fetchData(side: Side, payload: string): Promise<unknown> {
  const { status, json } = await post(side.server.url, payload, side.headers);
  if (status !== 200 || json.errors?.length) throw new Error(`${TARGET_LABELS[side.target]} answered HTTP ${status}: ${JSON.stringify(json.errors ?? json).slice(0, 400)}`);
  return json.data;
}

/** Runs every query once on both servers and through the floor's SQL; any difference in rows is fatal. */
async function checkSameRows(sides: readonly Side[], db: Client, queries: readonly CompareQuery[], ids: readonly string[], user: string): Promise<string[]> {
  const problems: string[] = [];
  const lines: string[] = [];
  for (const query of queries) {
    if (query === 'w1') {
      lines.push(...(await checkWrites(sides, db, user, problems)));
      continue;
    }
    // Q3: a spread of the rotation's ids (first, last and every 50th), one request each.
    const picks = query === 'q3' ? ids.map((_, i) => i).filter((i) => i % 50 === 0 || i === ids.length - 1) : [0];
    for (const pick of picks) {
      const floor = normalizeFloorRows(query, await floorRequest(db, query, ids[pick]));
      for (const side of sides) {
        const got = side.normalize(query, await fetchData(side, side.bodies[query][query === 'q3' ? pick : 0]!));
        const diff = firstDifference(got, floor);
        if (diff) problems.push(`${QUERY_LABELS[query]}${query === 'q3' ? ` (id ${ids[pick]})` : ''}: ${TARGET_LABELS[side.target]} ${shapeOf(got)} vs SQL floor ${shapeOf(floor)}; first difference at ${diff} (${TARGET_LABELS[side.target]} vs floor)`);
      }
      if (pick === picks[0]) lines.push(`  ${QUERY_LABELS[query]}: ${shapeOf(floor)}${query === 'q3' ? `, ${picks.length} ids checked` : ''} — same on every side`);
    }
  }
  if (problems.length) {
    throw new Error(`The servers do not return the same rows:\n  ${problems.join('\n  ')}`);
  }
  return lines;
}

/**
 * W1 once on every side with the same shelter: the same row must come back, and what each side wrote
 * for it is counted in the database (its row, audit entries and outbox events), then removed.
 */
async function checkWrites(sides: readonly Side[], db: Client, user: string, problems: string[]): Promise<string[]> {
  const writes = await floorWrites(db, user, W1_CHECK_TAG);
  const floor = normalizeFloorRows('w1', await floorRequest(db, 'w1', undefined, writes));
  if (floor.query !== 'w1') throw new Error('W1: the floor answered another shape');
  const wrote: string[] = [];
  const count = async (label: string, id: string) => {
    const { rows } = await db.query<{ shelters: number; audit_entries: number; events: number }>(W1_WRITES, [id]);
    const r = rows[0]!;
    if (r.shelters !== 1) problems.push(`${QUERY_LABELS.w1}: ${label} left ${r.shelters} shelter rows for its id ${id}, expected 1`);
    wrote.push(`${label} ${r.shelters} shelter + ${r.audit_entries} audit entr${r.audit_entries === 1 ? 'y' : 'ies'} + ${r.events} event${r.events === 1 ? '' : 's'}`);
  };
  await count(TARGET_LABELS.floor, floor.id);
  for (const side of sides) {
    const got = side.normalize('w1', await fetchData(side, side.bodies.w1[0]!));
    if (got.query !== 'w1') throw new Error(`W1: ${TARGET_LABELS[side.target]} answered another shape`);
    const diff = firstDifference(got.shelter, floor.shelter);
    if (diff) problems.push(`${QUERY_LABELS.w1}: ${TARGET_LABELS[side.target]} created another shelter than the SQL floor; first difference at ${diff}`);
    await count(TARGET_LABELS[side.target], got.id);
  }
  await cleanUpW1(db, 'check');
  return [`  ${QUERY_LABELS.w1}: the same shelter back on every side; one request writes: ${wrote.join('; ')}`];
}

// ---------------------------------------------------------------- runs

async function runServer(side: Side, query: CompareQuery, options: CompareOptions, round: number, sql: number | null): Promise<CompareRow> {
  let sampler: { stop(): number | null } | null = null;
  const { result, gqlErrorsIn2xx } = await loadRun({
    url: side.server.url,
    headers: side.headers,
    bodies: side.bodies[query],
    nextBody: side.nextBody[query],
    connections: options.connections,
    duration: options.duration,
    warmup: options.warmup,
    onMeasureStart: () => (sampler = sampleRss(side.server.managed.proc.pid)),
  });
  const rss = (sampler as { stop(): number | null } | null)?.stop() ?? null;
  return compareRow(round, query, side.target, summarizeAutocannon(result, gqlErrorsIn2xx), sql, rss);
}

async function runFloor(query: CompareQuery, options: CompareOptions, round: number, node: string): Promise<CompareRow> {
  let sampler: { stop(): number | null } | null = null;
  const out: string[] = [];
  const floor = start('SQL floor', node, [
    path.join(__dirname, 'sql-floor.js'),
    '--query', query,
    '--clients', String(options.floorClients),
    '--warmup', String(options.warmup),
    '--duration', String(options.duration),
    '--ids', String(options.ids),
    '--user', options.user,
  ], {
    env: serverEnv({ BENCH_DATABASE_URL: options.databaseUrl, NODE_ENV: 'production' }),
    onLine: (line) => {
      out.push(line);
      if (line.includes('"phase":"measure"')) sampler = sampleRss(floor.proc.pid);
    },
  });
  await floor.exited;
  const rss = (sampler as { stop(): number | null } | null)?.stop() ?? null;
  if (floor.proc.exitCode !== 0) throw new Error(`the SQL floor (${query}) failed (exit ${floor.proc.exitCode ?? floor.proc.signalCode}):\n  ${floor.tail.join('\n  ')}`);
  const report = parseFloorOutput(out.join('\n'));
  if (report.firstError) log(`  warning: SQL floor ${query}: ${report.gqlErrors} failed, first: ${report.firstError}`);
  return compareRow(round, query, 'floor', report, report.statementsPerRequest, rss);
}

function nodeVersion(binary: string): string {
  return binary === process.execPath ? process.version : execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const options = parseCompareOptions(argv);
  const masked = options.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

  log(`Bench database ${masked}`);
  const seed = await ensureBenchDataset({ url: options.databaseUrl, log: (line) => log(`  ${line}`) });
  if (seed.seeded) log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s`);
  await ensurePostGraphile();

  const gatewayNode = options.gatewayNode === 'bundled' ? NODE22 : process.execPath;
  const db = new Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const { rows: pgVersion } = await db.query<{ v: string }>(`SELECT 'PostgreSQL ' || current_setting('server_version') AS v`);
    const ids = await sampleHazardIds(db, options.ids);
    if (!ids.length) throw new Error('no hazards in the bench database');
    const villages = (await db.query<{ id: string }>(W1_ORGANIZATIONS)).rows.map((r) => r.id);
    if (!villages.length) throw new Error('no villages in the bench database for W1\'s shelters');
    await cleanUpW1(db, 'leftovers of an earlier run');

    log('Starting PostGraphile and the gateway …');
    const [postgraphile, gateway] = await Promise.all([startPostGraphile(options), startGateway(options, gatewayNode)]);
    const token = await signIn({ url: gateway.url, user: options.user, password: options.password });
    // Access tokens live 15 minutes, shorter than a run of several rounds: each gateway run signs in afresh.
    const gatewayHeaders: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const signInAgain = async () => {
      gatewayHeaders['authorization'] = `Bearer ${await signIn({ url: gateway.url, user: options.user, password: options.password })}`;
    };

    const sides: Side[] = [
      {
        target: 'gateway',
        server: gateway,
        headers: gatewayHeaders,
        bodies: bodiesFor('gateway', ids, villages),
        nextBody: { w1: nextW1Body('gateway', villages) },
        normalize: normalizeGateway,
        // Every statement the gateway sent (db_statements_total on /metrics) around one request; the
        // smaller of two samples, so a background job's statement cannot inflate it.
        sqlOf: async (payload) => {
          const once = async () => {
            const before = await gatewayStatements(gateway);
            await post(gateway.url, payload, { 'content-type': 'application/json', authorization: `Bearer ${token}` });
            const after = await gatewayStatements(gateway);
            return before === null || after === null ? null : after - before;
          };
          const [a, b] = [await once(), await once()];
          return a === null || b === null ? null : Math.min(a, b);
        },
      },
      {
        target: 'postgraphile',
        server: postgraphile,
        headers: { 'content-type': 'application/json' },
        bodies: bodiesFor('postgraphile', ids, villages),
        nextBody: { w1: nextW1Body('postgraphile', villages) },
        normalize: normalizePostGraphile,
        sqlOf: async (payload) => {
          const before = await postgraphileStatements(postgraphile);
          await post(postgraphile.url, payload, { 'content-type': 'application/json' });
          return (await postgraphileStatements(postgraphile)) - before;
        },
      },
    ];

    log('Checking that every side returns the same rows …');
    for (const line of await checkSameRows(sides, db, options.only, ids, options.user)) log(line);

    // SQL per request, from one sample request each (Q3: an id from the middle of the rotation).
    const sql = new Map<string, number | null>();
    for (const side of sides) {
      for (const query of options.only) {
        const bodies = side.bodies[query];
        // W1: new shelters (each sample a request of its own), removed below.
        const next = side.nextBody[query];
        sql.set(`${side.target}:${query}`, await side.sqlOf(next ? next() : bodies[Math.floor(bodies.length / 2)]!));
      }
    }
    if (options.only.includes('w1')) await cleanUpW1(db, 'SQL samples');

    const meta: CompareMeta = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      cpus: os.cpus().length,
      memoryGb: os.totalmem() / 1024 ** 3,
      os: `${os.type()} ${os.release()}`,
      nodeGateway: nodeVersion(gatewayNode),
      nodePostgraphile: nodeVersion(NODE22),
      nodeFloor: nodeVersion(gatewayNode),
      nodeLoadGenerator: process.version,
      postgres: pgVersion[0]!.v,
      postgraphile: installedVersion('postgraphile') ?? '?',
      dataset: `${seed.counts.organizations} organizations, ${seed.counts.hazards} hazards, ${seed.counts.hazardEvents} history steps, ${seed.counts.warnings} warnings (${seed.counts.liveWarnings} ACTIVE) with ${seed.counts.warningDeliveries} deliveries (${masked.replace(/^.*\//, '')})`,
    };
    const settings: CompareSettings = {
      rounds: options.rounds,
      connections: options.connections,
      warmupSec: options.warmup,
      durationSec: options.duration,
      queries: options.only,
      poolSize: options.poolSize,
      floorClients: options.floorClients,
    };

    const rounds: Array<CompareReport['rounds'][number]> = [];
    for (let round = 1; round <= options.rounds; round++) {
      const rows: CompareRow[] = [];
      const note = (row: CompareRow) => {
        rows.push(row);
        log(`  round ${round} ${QUERY_LABELS[row.query].padEnd(9)} ${TARGET_LABELS[row.target].padEnd(12)} ${row.reqPerSec.toFixed(1).padStart(8)} req/s  p99 ${row.p99Ms.toFixed(1)} ms${row.errors ? `  ${row.errors} errors` : ''}`);
      };
      for (const query of options.only) {
        for (const side of serverOrder(round).map((target) => sides.find((s) => s.target === target)!)) {
          if (side.target === 'gateway') await signInAgain();
          note(await runServer(side, query, options, round, sql.get(`${side.target}:${query}`) ?? null));
          if (query === 'w1') await cleanUpW1(db, `${TARGET_LABELS[side.target]}, round ${round}`);
          await sleep(1_000);
        }
        note(await runFloor(query, options, round, gatewayNode));
        if (query === 'w1') await cleanUpW1(db, `SQL floor, round ${round}`);
        await sleep(1_000);
      }
      const sorted = sortRows(rows);
      rounds.push({ round, rows: sorted, ratios: ratioRows(sorted) });
    }

    const report: CompareReport = { meta, settings, rounds, medians: medianSummary(rounds) };
    mkdirSync(CACHE_DIR, { recursive: true });
    const jsonPath = path.join(CACHE_DIR, 'last-compare.json');
    writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);

    console.log(`\n${formatReport(report, options.markdown)}\n`);
    log(`Full results: ${path.relative(ROOT, jsonPath)}`);
    const errors = rounds.flatMap((r) => r.rows).reduce((sum, r) => sum + r.errors, 0);
    if (errors) log(`warning: ${errors} errors during the measured runs (see the errors column).`);
  } finally {
    // Requests still in flight when a run ended may have committed after its clean-up.
    if (options.only.includes('w1')) await cleanUpW1(db, 'at the end').catch((error: unknown) => log(`  W1 clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
    await db.end().catch(() => undefined);
    await stopAll();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error('Comparison failed:', error instanceof Error ? error.message : error);
      await stopAll();
      process.exit(1);
    },
  );
}
