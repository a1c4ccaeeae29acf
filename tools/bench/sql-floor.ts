import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Pool, type ClientBase } from 'pg';
import { BY_ID_SAMPLE, FLOOR_Q1, FLOOR_Q2, FLOOR_Q3, FLOOR_Q4, FLOOR_W1, W1_ORGANIZATIONS, gatewayW1Variables, w1Shelter } from './queries';
import { COMPARE_QUERIES, summarizeLatencies, type CompareQuery } from './report';

/**
 * The SQL floor of `npm run bench:compare`: the least work that returns the rows of Q1–Q4 (and
 * writes W1's) — `pg` clients running the minimal SQL in tight loops, no HTTP, no GraphQL. Run as a
 * child process: warm-up, a `{"phase":"measure"}` line, the measured run, then one `{"result": …}` line.
 * Usage: node dist/tools/bench/sql-floor.js --query q1 [--clients 32] [--warmup 3] [--duration 10] [--url …] [--ids 1000] [--user anban]
 */

/** Statements one request runs (each a single statement: Q2 and Q4 with LEFT JOIN LATERAL, W1 with its writes as CTEs). */
export const FLOOR_STATEMENTS: Readonly<Record<CompareQuery, number>> = { q1: 1, q2: 1, q3: 1, q4: 1, w1: 1 };

/** What the floor's W1 requests share: the villages their shelters go to, the user their audit entries name, the names' tag and counter. */
export interface FloorWrites {
  readonly organizationIds: readonly string[];
  readonly actorId: string | null;
  readonly tag: string;
  next: number;
}

/** W1's villages and the id of `user` (the audit entries' actor, as the gateway's are the signed-in user's). */
export async function floorWrites(client: Pick<ClientBase, 'query'>, user: string, tag: string): Promise<FloorWrites> {
  const organizationIds = (await client.query<{ id: string }>(W1_ORGANIZATIONS)).rows.map((r) => r.id);
  if (!organizationIds.length) throw new Error('no villages for W1 shelters: is the bench database seeded?');
  const { rows } = await client.query<{ id: string }>('SELECT id FROM app_user WHERE lower(username) = lower($1)', [user]);
  return { organizationIds, actorId: rows[0]?.id ?? null, tag, next: 0 };
}

/** One "request": every statement needed for the query's rows (W1: the next shelter, with its audit entry and event). */
export async function floorRequest(client: Pick<ClientBase, 'query'>, query: CompareQuery, id?: string, writes?: FloorWrites): Promise<Array<Record<string, unknown>>> {
  switch (query) {
    case 'q1':
      return (await client.query(FLOOR_Q1)).rows;
    case 'q2':
      return (await client.query(FLOOR_Q2)).rows;
    case 'q3':
      if (!id) throw new Error('q3 needs a hazard id');
      return (await client.query(FLOOR_Q3, [id])).rows;
    case 'q4':
      return (await client.query(FLOOR_Q4)).rows;
    case 'w1': {
      if (!writes) throw new Error('w1 needs its villages and actor (floorWrites)');
      const shelter = w1Shelter(writes.tag, writes.next++, writes.organizationIds);
      const changes = JSON.stringify(gatewayW1Variables(shelter).input);
      return (await client.query(FLOOR_W1, [shelter.organizationId, shelter.name, shelter.capacity, randomUUID(), writes.actorId, changes])).rows;
    }
  }
}

/** The hazard ids Q3 rotates over, the same for every side. */
export async function sampleHazardIds(client: Pick<ClientBase, 'query'>, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(BY_ID_SAMPLE, [count]);
  return rows.map((r) => r.id);
}

interface FloorOptions {
  readonly url: string;
  readonly query: CompareQuery;
  readonly clients: number;
  readonly warmup: number;
  readonly duration: number;
  readonly ids: number;
  readonly user: string;
}

function parseFloorOptions(argv: readonly string[]): FloorOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      url: { type: 'string' },
      query: { type: 'string' },
      clients: { type: 'string', default: '32' },
      warmup: { type: 'string', default: '3' },
      duration: { type: 'string', default: '10' },
      ids: { type: 'string', default: '1000' },
      user: { type: 'string', default: 'anban' },
    },
  });
  const query = values.query as CompareQuery;
  if (!COMPARE_QUERIES.includes(query)) throw new Error(`--query must be one of ${COMPARE_QUERIES.join(', ')}`);
  const url = values.url ?? process.env['BENCH_DATABASE_URL'];
  if (!url) throw new Error('--url or BENCH_DATABASE_URL is required');
  const num = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number from ${min}`);
    return n;
  };
  return { url, query, clients: num('clients', values.clients, 1), warmup: num('warmup', values.warmup, 0), duration: num('duration', values.duration, 1), ids: num('ids', values.ids, 1), user: values.user };
}

async function main(): Promise<void> {
  const options = parseFloorOptions(process.argv.slice(2));
  // Gone with the parent: bench:compare keeps our stdin open and closes it when it ends.
  process.stdin.on('end', () => process.exit(1));
  process.stdin.resume();

  const pool = new Pool({ connectionString: options.url, max: options.clients });
  // One client per loop, checked out for the whole run: no pool hand-off in the measured path.
  const clients = await Promise.all(Array.from({ length: options.clients }, () => pool.connect()));
  try {
    const ids = options.query === 'q3' ? await sampleHazardIds(clients[0]!, options.ids) : [];
    if (options.query === 'q3' && !ids.length) throw new Error('no hazard ids: is the bench database seeded?');
    // W1: names unique to this process (bench:compare removes the shelters after the run).
    const writes = options.query === 'w1' ? await floorWrites(clients[0]!, options.user, `f${process.pid}`) : undefined;
    let cursor = 0;
    let measuring = false;
    const latencies: number[] = [];
    let failed = 0;
    let firstError: string | null = null;

    const phase = (seconds: number) => {
      const end = performance.now() + seconds * 1000;
      return Promise.all(
        clients.map(async (client) => {
          while (performance.now() < end) {
            const started = performance.now();
            try {
              await floorRequest(client, options.query, ids.length ? ids[cursor++ % ids.length] : undefined, writes);
              if (measuring) latencies.push(performance.now() - started);
            } catch (error) {
              if (!measuring) continue;
              failed++;
              firstError ??= error instanceof Error ? error.message : String(error);
            }
          }
        }),
      );
    };

    if (options.warmup > 0) await phase(options.warmup);
    console.log(JSON.stringify({ phase: 'measure' }));
    measuring = true;
    const started = performance.now();
    await phase(options.duration);
    const elapsed = (performance.now() - started) / 1000;
    const summary = summarizeLatencies(latencies, elapsed, failed);
    console.log(
      JSON.stringify({
        result: {
          query: options.query,
          reqPerSec: summary.reqPerSec,
          p50Ms: summary.p50Ms,
          p99Ms: summary.p99Ms,
          requests: summary.requests,
          errors: failed,
          statementsPerRequest: FLOOR_STATEMENTS[options.query],
          connections: options.clients,
          durationSec: elapsed,
          firstError,
        },
      }),
    );
  } finally {
    for (const c of clients) c.release();
    await pool.end();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('SQL floor failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
