import { randomBytes } from 'node:crypto';
import { createTestDatabase, pause, startTestGateway, subscribe, until, type TestDatabase, type TestGateway } from '@platform/testing';
import { RedisEventBus, selectModules } from '@platform/server';
import { InProcessEventBus } from '@platform/core';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MODULES = [directoryModule, accessModule, riskModule];
const SUBSCRIBE = `subscription { hazardChanged { action hazard { title } } }`;
const REPORT = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`;
/** An enterprise in 文凤村's first grid: in the `wenfeng` village officer's scope, not in `shuanghe`'s. */
const WENFENG_ENTERPRISE = seedId('org:ent-lvyuan-bamboo-shoots');

type HazardChanged = { action: string; hazard: { title: string } | null };
const titles = (s: { items: HazardChanged[] }) => s.items.map((e) => e.hazard?.title ?? '?');

describe('domain events across gateway processes', () => {
  let database: TestDatabase;
  // Two gateways without REDIS_URL, started first: they also sign the users in. With REDIS_URL the
  // sign-in limit (20 per address and 5 minutes) is counted in Redis for every test run on this
  // machine; access tokens are valid on every gateway over the same database and JWT secret.
  let localA: TestGateway;
  let localB: TestGateway;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    // One seeded database, shared by all four gateways (each test reports new hazards).
    database = await createTestDatabase(selectModules(MODULES, 'all'), { seed: true });
    localA = await startTestGateway(MODULES, { database });
    localB = await startTestGateway(MODULES, { database });
    for (const username of ['anban', 'wenfeng', 'shuanghe']) tokens.set(username, await localA.token(username));
  });
  afterAll(async () => {
    await localA?.close();
    await localB?.close();
    await database?.drop();
  });

  const subscriber = (t: TestGateway, username: string) => subscribe<HazardChanged>(t, tokens.get(username)!, SUBSCRIBE);
  const report = async (t: TestGateway, title: string) => {
    const res = await t.gql(REPORT, { input: { organizationId: WENFENG_ENTERPRISE, title, category: 'FIRE', source: 'INSPECTION' } }, { authorization: `Bearer ${tokens.get('anban')}` });
    expect(res.body.errors).toBeUndefined();
  };

  describe('with REDIS_URL', () => {
    let a: TestGateway;
    let b: TestGateway;
    beforeAll(async () => {
      // A channel of this run only, so parallel test runs on the same Redis never see each other.
      const env = { REDIS_URL, EVENTS_CHANNEL: `town-safety:test:${process.env['TEST_RUN_ID'] ?? 'local'}:${randomBytes(4).toString('hex')}` };
      a = await startTestGateway(MODULES, { database, env });
      b = await startTestGateway(MODULES, { database, env });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    it('uses the Redis bus', () => {
      expect(a.gateway.events).toBeInstanceOf(RedisEventBus);
      expect(b.gateway.events).toBeInstanceOf(RedisEventBus);
    });

    it("delivers a hazard reported through gateway B to A's subscriber in scope, once, and to nobody out of scope", async () => {
      const inScope = subscriber(a, 'wenfeng');
      const outOfScope = subscriber(a, 'shuanghe');
      const onB = subscriber(b, 'wenfeng');
      await pause(300);

      await report(b, '跨进程的隐患 1');
      await report(b, '跨进程的隐患 2');
      // Reported through A itself: its own subscriber gets it from the local delivery, not a second time from Redis.
      await report(a, '本进程的隐患');

      await until(() => inScope.items.length >= 3 && onB.items.length >= 3);
      await pause(500); // room for a duplicate or a stray delivery to show up
      expect(titles(inScope)).toEqual(['跨进程的隐患 1', '跨进程的隐患 2', '本进程的隐患']);
      expect(titles(onB)).toEqual(['跨进程的隐患 1', '跨进程的隐患 2', '本进程的隐患']);
      expect(titles(outOfScope)).toEqual([]);
      expect([...inScope.errors, ...outOfScope.errors, ...onB.errors]).toEqual([]);
      await Promise.all([inScope.stop(), outOfScope.stop(), onB.stop()]);
    });

    it('gives a bus subscriber on each gateway every event exactly once', async () => {
      const seenA: string[] = [];
      const seenB: string[] = [];
      const offA = a.gateway.events.subscribe('risk.hazard.reported', (e) => seenA.push((e.payload as { id: string }).id));
      const offB = b.gateway.events.subscribe('risk.hazard.reported', (e) => seenB.push((e.payload as { id: string }).id));
      try {
        await report(a, '计数 A');
        await report(b, '计数 B');
        await until(() => seenA.length >= 2 && seenB.length >= 2);
        await pause(300);
        expect(seenA).toHaveLength(2);
        expect(new Set(seenA).size).toBe(2);
        expect(seenB).toEqual(seenA);
      } finally {
        offA();
        offB();
      }
    });

    it('brings occurredAt across as a date', async () => {
      const received: Date[] = [];
      const off = a.gateway.events.subscribe('risk.hazard.reported', (e) => received.push(e.occurredAt));
      try {
        const before = Date.now();
        await report(b, '时间');
        await until(() => received.length >= 1);
        expect(received[0]).toBeInstanceOf(Date);
        expect(received[0]!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      } finally {
        off();
      }
    });
  });

  describe('without REDIS_URL', () => {
    it("keeps events in their process: A's subscriber does not hear of a hazard reported through B", async () => {
      const [a, b] = [localA, localB];
      expect(a.gateway.events).toBeInstanceOf(InProcessEventBus);
      const inScope = subscriber(a, 'wenfeng');
      await pause(300);
      await report(b, '只在 B 进程');
      await report(a, '只在 A 进程');
      await inScope.until(1);
      await pause(500);
      expect(titles(inScope)).toEqual(['只在 A 进程']);
      await inScope.stop();
    });
  });
});
