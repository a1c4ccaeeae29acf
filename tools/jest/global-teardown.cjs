// Drops every database this run created (per-file databases and templates), then stops the
// embedded PostgreSQL if global-setup started one.
const fs = require('node:fs');
const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const runId = process.env.TEST_RUN_ID;
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (runId && url) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`%\\_${runId}\\_%`]);
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (globalThis.__TEST_EMBEDDED_PG__) {
    await globalThis.__TEST_EMBEDDED_PG__.stop();
    fs.rmSync(globalThis.__TEST_EMBEDDED_DIR__, { recursive: true, force: true });
  }
};
