// PostGraphile 5 over the bench database, for `npm run bench:compare` (plain JS, run with the Node 22
// binary of tools/bench/.cache/postgraphile; PostGraphile and pg are resolved from that folder, never
// from the workspace). Amber preset, schema `public`, no watch, no explain, no GraphiQL. Stock
// inflection and behaviours: PostGraphile offers orderBy only on indexed columns, which the
// benchmark's orders (hazard found_at/id, hazard_event at/id, organization path, warning sent_at/id,
// warning_delivery delivered_at/id) all are. One smart tag: `condition: { status }` on warning, Q4's
// live filter, which PostGraphile would otherwise not offer (status leads no index); the gateway
// filters with the same `status = 'ACTIVE'`, so both send PostgreSQL the same condition.
//
// Environment: DATABASE_URL (required), PORT (default 5678), HOST (127.0.0.1), DB_POOL_SIZE (10),
// POSTGRAPHILE_DIR (default: ./.cache/postgraphile next to this file).
// Extra route: GET /__bench/stats → {"statements": n}, the SQL statements sent so far.
// Prints one JSON line {"ready":true,"url":…} on stdout once it listens.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.resolve(process.env.POSTGRAPHILE_DIR || path.join(here, '.cache', 'postgraphile'));
const require = createRequire(path.join(dir, 'package.json'));

const pg = require('pg');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { jsonPgSmartTags } = require('postgraphile/utils');
const { grafserv } = require('postgraphile/grafserv/node');

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('postgraphile-server: DATABASE_URL is required');
  process.exit(2);
}
const port = Number(process.env.PORT || 5678);
const host = process.env.HOST || '127.0.0.1';

// Every statement any pool client sends: PostGraphile's queries (and transaction statements, if any).
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements++;
  return query.apply(this, args);
};

const pool = new pg.Pool({ connectionString, max: Number(process.env.DB_POOL_SIZE || 10) });
pool.on('error', (err) => console.error('postgraphile-server: idle client error:', err.message));

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [jsonPgSmartTags({ version: 1, config: { class: { warning: { attribute: { status: { tags: { behavior: 'filterBy' } } } } } } })],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { port, host, graphqlPath: '/graphql', graphiql: false, graphiqlOnGraphQLGET: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
// The stats route first, then grafserv's handler (createHandler: no websockets needed here).
const graphql = serv.createHandler();
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/__bench/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statements }));
    return;
  }
  graphql(req, res);
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(code), 5_000);
  timer.unref();
  server.closeAllConnections?.();
  await new Promise((resolve) => server.close(() => resolve()));
  await pgl.release().catch(() => undefined);
  await pool.end().catch(() => undefined);
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
// The parent (bench:compare) closes our stdin when it goes away, even if it is killed.
process.stdin.on('end', () => void stop(0));
process.stdin.on('error', () => void stop(0));
process.stdin.resume();

try {
  // Build the schema before accepting requests, so the first measured request does not pay for it.
  await pgl.getSchemaResult();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  console.log(JSON.stringify({ ready: true, url: `http://${host}:${port}/graphql`, node: process.version }));
} catch (error) {
  console.error('postgraphile-server: failed to start:', error);
  await stop(1);
}
