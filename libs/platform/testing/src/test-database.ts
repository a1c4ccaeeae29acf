import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { createDataSource, DEFAULT_DATABASE_SETTINGS, ManualClock, type DomainModule } from '@platform/core';
import { runSeeds } from '@platform/server';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  return process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

const quiet = pino({ level: 'silent' });

/**
 * Runs a CREATE DATABASE under the run-wide lock: two of them must not copy one source at once
 * (template1 for a new template; a template for its clones).
 */
async function createDatabase(admin: Client, statement: string): Promise<void> {
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['town-test-create-database']);
  try {
    await admin.query(statement);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', ['town-test-create-database']);
  }
}

/**
 * A database of its own for one test file: cloned (CREATE DATABASE … TEMPLATE) from a template
 * that has the modules' migrations, and the seed when asked, applied once per test run. Cloning
 * takes tens of milliseconds; `drop()` removes it. Templates go in the jest global teardown.
 *
 * `seededAt` seeds the town as of that moment (the seeds' dates are relative to their clock), so a
 * test on a manual clock reads the town its assertions were written against whatever the real date
 * is; without it the town is seeded at the real time. Each moment is a template of its own.
 */
export async function createTestDatabase(modules: readonly DomainModule[], options: { seed?: boolean; seededAt?: Date } = {}): Promise<TestDatabase> {
  const runId = process.env['TEST_RUN_ID'] ?? 'local';
  const seededAt = options.seed && options.seededAt ? options.seededAt.toISOString() : null;
  const fingerprint = createHash('sha1')
    .update(modules.map((m) => `${m.name}:${m.migrations.map((c) => c.name).join(',')}`).join('|'))
    .update(options.seed ? `:seed:${seededAt ?? 'now'}` : '')
    .digest('hex')
    .slice(0, 10);
  const template = `tpl_${runId}_${fingerprint}`;
  const name = `t_${runId}_${randomBytes(5).toString('hex')}`;

  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    // A lock per template while it is built and cloned: PostgreSQL refuses to clone a database another
    // session is connected to (the build) or cloning at the same moment. Files of another template
    // (another moment, another module set) build theirs meanwhile.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await createDatabase(admin, `CREATE DATABASE "${template}"`);
      const ds = createDataSource({ url: urlFor(template), ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, quiet);
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
        if (options.seed) await runSeeds(ds, modules, quiet, { demoAccounts: true, clock: seededAt ? new ManualClock(new Date(seededAt)) : undefined });
      } finally {
        await ds.destroy();
      }
    }
    await createDatabase(admin, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [template]).catch(() => undefined);
    await admin.end();
  }

  return {
    name,
    url: urlFor(name),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
