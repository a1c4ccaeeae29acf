import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD, pause, startTestGateway, subscribe, type GraphQLClient, type TestGateway } from '@platform/testing';
import { ManualClock } from '@platform/core';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';
import { OVERDUE_SWEEP } from '../src/hazards/overdue-sweep';

const DAY = 86_400_000;

describe('overdue hazards', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true, env: { OVERDUE_SWEEP_INTERVAL_MS: '200' } });
  });
  afterAll(() => t?.close());

  it('are announced once when their deadline passes, and again after a new deadline passes', async () => {
    const ds = t.gateway.database.dataSource;
    // Only the hazard of this test may become overdue: the seed's overdue ones were announced at start.
    await new Promise((r) => setTimeout(r, 400));
    const login = await t.gql(`mutation { login(input: { username: "anban", password: "${DEMO_PASSWORD}" }) { accessToken } }`);
    const client = createClient({ url: `${t.origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${login.body.data!['login'].accessToken}` }, retryAttempts: 0 });
    const seen: string[] = [];
    const done = new Promise<void>((resolve) => {
      client.subscribe({ query: `subscription { hazardChanged { action hazard { title } } }` }, {
        next: (v) => {
          const c = (v.data as any).hazardChanged;
          if (c.action === 'OVERDUE') seen.push(c.hazard.title);
        },
        error: () => resolve(),
        complete: () => resolve(),
      });
    });
    try {
      await new Promise((r) => setTimeout(r, 200));
      const [{ id }] = await ds.query(
        `INSERT INTO hazard (organization_id, title, category, source, found_at, status, grade, deadline)
         VALUES ($1, '逾期提醒测试', 'FIRE', 'INSPECTION', now(), 'RECTIFYING', 'GENERAL', current_date - 1) RETURNING id`,
        [seedId('org:ent-sinopec-nanping')],
      );
      await new Promise((r) => setTimeout(r, 900));
      expect(seen).toEqual(['逾期提醒测试']);
      const [{ announced }] = await ds.query(`SELECT overdue_announced_at IS NOT NULL AS announced FROM hazard WHERE id = $1`, [id]);
      expect(announced).toBe(true);
      // A revised plan sets a new deadline: once that passes too, it is announced again.
      await ds.query(`UPDATE hazard SET overdue_announced_at = NULL, deadline = current_date - 1 WHERE id = $1`, [id]);
      await new Promise((r) => setTimeout(r, 600));
      expect(seen).toEqual(['逾期提醒测试', '逾期提醒测试']);
    } finally {
      await client.dispose();
      await done;
    }
  });
});

describe('overdue hazards by the gateway clock', () => {
  let t: TestGateway;
  let clock: ManualClock;
  let office: GraphQLClient;
  let enterprise: GraphQLClient;
  beforeAll(async () => {
    clock = new ManualClock();
    // No background tick during the test: the sweep runs at start and when the test runs it.
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true, clock, env: { OVERDUE_SWEEP_INTERVAL_MS: '3600000' } });
    [office, enterprise] = await Promise.all([t.as('anban'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());

  const mutate = async (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>) => {
    const res = await client(`mutation($input: ${inputType}!) { ${name}(input: $input) { id version overdue } }`, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name] as { id: string; version: number; overdue: boolean };
  };
  /** The hazard's overdue flag, and whether the overdue filter and the indicators count it. */
  const seen = async (id: string) => {
    const res = await office(
      `query($id: UUID!, $root: UUID) {
        hazard(id: $id) { overdue }
        hazards(first: 100, filter: { overdue: true, withinSubtreeOf: $root }) { edges { node { id } } }
        hazardIndicators(from: "2000-01-01", to: "2100-01-01", withinSubtreeOf: $root) { overdue { days1To7 } } }`,
      { id, root: seedId('org:ent-sinopec-nanping') },
    );
    const d = res.body.data!;
    return { overdue: d['hazard'].overdue, listed: d['hazards'].edges.some((e: any) => e.node.id === id), days1To7: d['hazardIndicators'].overdue.days1To7 };
  };

  it('become overdue when the clock passes their deadline, and the sweep run through its job announces them once', async () => {
    const sweep = t.gateway.jobs.get(OVERDUE_SWEEP)!;
    await sweep.runNow(); // the seed's overdue hazards are announced before the test's
    const changes = subscribe(t, await t.token('sinopec-nanping'), `subscription { hazardChanged { action hazard { id overdue } } }`);
    await pause(200);
    let h = await mutate(office, 'reportHazard', 'ReportHazardInput', { organizationId: seedId('org:ent-sinopec-nanping'), title: '消防通道堆放杂物', category: 'FIRE', source: 'INSPECTION' });
    h = await mutate(office, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' });
    const deadline = new Date(clock.now().getTime() + 2 * DAY).toISOString().slice(0, 10);
    h = await mutate(enterprise, 'planRectification', 'PlanRectificationInput', {
      id: h.id, version: h.version, measures: '清理杂物并划线', responsiblePersonId: seedId('person:person-ent-sinopec-nanping-safety'), deadline,
    });
    const before = await seen(h.id);
    expect(before).toMatchObject({ overdue: false, listed: false });
    const stamp = async () => (await office(`query($id: UUID!) { hazard(id: $id) { updatedAt version } }`, { id: h.id })).body.data!['hazard'] as { updatedAt: string; version: number };
    const planned = await stamp();
    expect(await sweep.runNow()).toBe(0);
    // What four days will make overdue: the open hazards due by today + 3 (the seed's among them), by the clock's today.
    const dueSoon = await office(`{ hazards(first: 1, filter: { dueWithinDays: 3 }) { totalCount } }`);
    const becoming = dueSoon.body.data!['hazards'].totalCount as number;
    expect(becoming).toBeGreaterThanOrEqual(1);

    // Four days on (China time): the deadline has passed by the clock, though not by the database's now().
    clock.advance(4 * DAY);
    expect(await seen(h.id)).toEqual({ overdue: true, listed: true, days1To7: before.days1To7 + 1 });
    const announced = () => changes.items.filter((c) => c['action'] === 'OVERDUE' && c['hazard'].id === h.id);
    expect(announced()).toEqual([]);
    expect(await sweep.runNow()).toBe(becoming);
    // The mark is a change of the hazard (it now reads as overdue): a change feed from just after the plan lists it; its version stays.
    const marked = await stamp();
    expect(marked.version).toBe(planned.version);
    const feed = await office(`query($since: DateTime!) { hazards(first: 100, filter: { updatedSince: $since }) { edges { node { id } } } }`, { since: new Date(Date.parse(planned.updatedAt) + 1).toISOString() });
    expect(feed.body.data!['hazards'].edges.map((e: any) => e.node.id)).toContain(h.id);
    await changes.until(() => announced().length > 0);
    expect(announced()).toEqual([{ action: 'OVERDUE', hazard: { id: h.id, overdue: true } }]);
    expect(await sweep.runNow()).toBe(0);
    await pause(100);
    expect(announced()).toHaveLength(1);
    await changes.stop();
  });
});
