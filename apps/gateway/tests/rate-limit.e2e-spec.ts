import { Redis } from 'ioredis';
import { createTestDatabase, startTestGateway } from '@platform/testing';
import { selectModules } from '@platform/server';
import { directoryModule } from '@platform/directory';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await r.connect();
    await r.del(...(await r.keys('gateway-rl:*')), 'gateway-rl:none');
    return true;
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

describe('rate limit per client', () => {
  it('answers 429 with Retry-After once a client used its budget', async () => {
    const t = await startTestGateway([directoryModule], { env: { RATE_LIMIT_POINTS: '3', RATE_LIMIT_WINDOW_S: '60' } });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await t.gql(`{ __typename }`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await t.gql(`{ __typename }`);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(await (await fetch(`${t.origin}/healthz`)).json()).toEqual({ status: 'ok' });
      expect(await (await fetch(`${t.origin}/metrics`)).text()).toMatch(/rate_limited_total 2/);
    } finally {
      await t.close();
    }
  });

  it('shares the budget across gateway processes through Redis', async () => {
    if (!(await redisReachable())) {
      // Machines and CI have Redis at 127.0.0.1:6379; a laptop without it skips this one check.
      console.warn(`no Redis at ${REDIS_URL}: shared rate limit not tested`);
      return;
    }
    const database = await createTestDatabase(selectModules([directoryModule], 'all'));
    const env = { RATE_LIMIT_POINTS: '4', RATE_LIMIT_WINDOW_S: '60', REDIS_URL };
    const a = await startTestGateway([directoryModule], { database, env });
    const b = await startTestGateway([directoryModule], { database, env });
    try {
      expect([(await a.gql(`{ __typename }`)).status, (await a.gql(`{ __typename }`)).status]).toEqual([200, 200]);
      expect([(await b.gql(`{ __typename }`)).status, (await b.gql(`{ __typename }`)).status]).toEqual([200, 200]);
      expect((await b.gql(`{ __typename }`)).status).toBe(429);
      expect((await a.gql(`{ __typename }`)).status).toBe(429);
    } finally {
      await a.close();
      await b.close();
      await database.drop();
      await redisReachable();
    }
  });
});
