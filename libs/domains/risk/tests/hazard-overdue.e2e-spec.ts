import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD, startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';

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
          if (c.action === 'overdue') seen.push(c.hazard.title);
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
