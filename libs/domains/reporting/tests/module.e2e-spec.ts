import { startTestGateway, type TestGateway } from '@platform/testing';
import { MODULES } from './support';

/** The module starts with its dependencies, migrates up and down, and declares its tables and permissions. */
describe('reporting module', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
  });
  afterAll(() => t?.close());

  it('creates the tip table with its checks and grants the public role only intake and tracking', async () => {
    const db = t.gateway.database.dataSource;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'tip'`);
    expect(n).toBeGreaterThan(40);
    const grants = await db.query(`SELECT g.permission FROM role_permission g JOIN role r ON r.id = g.role_id WHERE r.code = 'public' AND g.permission LIKE 'reporting.%' ORDER BY 1`);
    expect(grants.map((g: { permission: string }) => g.permission)).toEqual(expect.arrayContaining(['reporting.tip:submit', 'reporting.tip:track']));
    expect(grants.map((g: { permission: string }) => g.permission).filter((p: string) => p.startsWith('reporting.tip:') && !['reporting.tip:submit', 'reporting.tip:track'].includes(p))).toEqual([]);
  });
});
