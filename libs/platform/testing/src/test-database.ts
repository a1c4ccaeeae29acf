import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { createDataSource, DEFAULT_DATABASE_SETTINGS, type DomainModule } from '@platform/core';
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
 * A database of its own for one test file: cloned (CREATE DATABASE … TEMPLATE) from a template
 * that has the modules' migrations, and the seed when asked, applied once per test run. Cloning
 * takes tens of milliseconds; `drop()` removes it. Templates go in the jest global teardown.
 */
export async function createTestDatabase(modules: readonly DomainModule[], options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const runId = process.env['TEST_RUN_ID'] ?? 'local';
  const fingerprint = createHash('sha1')
    .update(modules.map((m) => `${m.name}:${m.migrations.map((c) => c.name).join(',')}`).join('|'))
    .update(options.seed ? ':seed' : '')
    .digest('hex')
    .slice(0, 10);
  const template = `tpl_${runId}_${fingerprint}`;
  const name = `t_${runId}_${randomBytes(5).toString('hex')}`;

  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    // One lock for template creation and cloning: PostgreSQL refuses to clone a database that
    // another session is connected to or cloning at the same moment.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', ['town-test-templates']);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const ds = createDataSource({ url: urlFor(template), ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, quiet);
      await ds.initialize();
      try {
        await ds.runMigrations({ transaction: 'each' });
        if (options.seed) await runSeeds(ds, modules, quiet, { demoAccounts: true });
      } finally {
        await ds.destroy();
      }
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', ['town-test-templates']).catch(() => undefined);
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
