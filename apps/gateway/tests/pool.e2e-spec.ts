import { Client } from 'pg';
import { startTestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

describe('database pool', () => {
  it('survives connections killed by the server and serves the next request', async () => {
    const t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    try {
      const gql = await t.as('anban');
      // Open several pooled connections, then let them go idle.
      await Promise.all(Array.from({ length: 4 }, () => gql(`{ organizations(first: 5) { totalCount } }`)));
      const admin = new Client({ connectionString: process.env['TEST_DATABASE_ADMIN_URL'] });
      await admin.connect();
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.database.name]);
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));

      const after = await gql(`{ organizations(first: 5) { totalCount } }`);
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data!['organizations'].totalCount).toBeGreaterThan(100);
      const metrics = await (await fetch(`${t.origin}/metrics`)).text();
      expect(Number(/db_pool_errors_total (\d+)/.exec(metrics)![1])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
