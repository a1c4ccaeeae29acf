import net from 'node:net';
import { Client } from 'pg';
import { createTestDatabase, startTestGateway, type TestDatabase } from '@platform/testing';
import { selectModules } from '@platform/server';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import type { DomainModule } from '@platform/core';

/** A module whose start fails after the access module's has opened its connections (LISTEN, pool). */
const failingModule: DomainModule = {
  name: 'failing',
  description: '失败。Fails to start.',
  dependsOn: ['access'],
  entities: [],
  resolvers: [],
  migrations: [],
  permissions: [],
  start: async () => {
    throw new Error('failing module: cannot start');
  },
};

/** Connections to `database` other than the one asking, after they had `ms` to go away. */
async function connectionsTo(database: TestDatabase, ms = 3000): Promise<number> {
  const admin = new Client({ connectionString: database.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const deadline = Date.now() + ms;
    for (;;) {
      const [{ n }] = (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [database.name])).rows;
      if (n === 0 || Date.now() > deadline) return n;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await admin.end();
  }
}

describe('a gateway that fails during start', () => {
  const modules = [directoryModule, accessModule];
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(selectModules([...modules, failingModule], 'all'));
  });
  afterAll(() => database?.drop());

  it('closes what it opened when its port is taken (pool, LISTEN connection, Redis, timers)', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(startTestGateway(modules, { database, env: { PORT: String(port), REDIS_URL: 'redis://127.0.0.1:6379' } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(await connectionsTo(database)).toBe(0);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('stops the modules started before one whose start fails, and closes the pool', async () => {
    await expect(startTestGateway([...modules, failingModule], { database })).rejects.toThrow('failing module: cannot start');
    expect(await connectionsTo(database)).toBe(0);
  });

  it('still starts on the same database afterwards', async () => {
    const t = await startTestGateway(modules, { database });
    try {
      expect((await t.gql(`{ viewer { kind } }`)).body.data).toEqual({ viewer: { kind: 'ANONYMOUS' } });
    } finally {
      await t.close();
    }
    expect(await connectionsTo(database)).toBe(0);
  });
});
