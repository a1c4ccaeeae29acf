import { Client } from 'pg';
import { createTestDatabase, startTestGateway } from '@platform/testing';
import { selectModules } from '@platform/server';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { webhooksModule } from '@platform/webhooks';

const MODULES = [directoryModule, accessModule, webhooksModule];

/** The gateways never create the job queue's schema: the migrations do. Without it, a gateway refuses to start and leaves nothing open. */
describe('webhooks job queue at start', () => {
  it('refuses to start on a database whose pg-boss schema the migrations did not create, closing the queue\'s connections', async () => {
    const db = await createTestDatabase(selectModules(MODULES, 'all'));
    const sql = async (text: string) => {
      const c = new Client({ connectionString: db.url });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    };
    try {
      expect(await sql(`SELECT version FROM pgboss.version`)).toEqual([{ version: expect.any(Number) }]);
      expect((await sql(`SELECT name, policy, dead_letter FROM pgboss.queue ORDER BY name`)).map((q) => [q.name, q.policy, q.dead_letter])).toEqual([
        ['webhook-dead', 'standard', null],
        ['webhook-delivery', 'short', 'webhook-dead'],
      ]);
      await sql(`DROP SCHEMA pgboss CASCADE`);
      await expect(startTestGateway(MODULES, { database: db })).rejects.toThrow('pg-boss is not installed');
      expect(await sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'town-safety-webhooks'`)).toEqual([{ n: 0 }]);
    } finally {
      await db.drop();
    }
  });
});
