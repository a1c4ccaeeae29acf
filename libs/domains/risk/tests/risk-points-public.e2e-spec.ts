import pino from 'pino';
import { startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { InProcessEventBus, RequestContext, SYSTEM, countStatements, type Grant, type Principal } from '@platform/core';
import { THREATENING_RISK_POINTS_LIMIT, riskModule, threateningRiskPoints } from '../src/index';

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_GRID_1 = seedId('org:grid-wenfeng-1');
const READ = 'risk.risk-point:read';

/** The public read API other modules use (rescue's evacuation actions): threatening natural-disaster points per organization subtree. */
describe('threateningRiskPoints (public loader of the risk module)', () => {
  let t: TestGateway;
  const sql = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const log = pino({ level: 'silent' });
  const context = (principal: Principal) => new RequestContext({ requestId: 'risk-public-test', principal, dataSource: t.gateway.database.dataSource, events: new InProcessEventBus(), log });
  const reader = (grants: Grant[]): Principal => ({ kind: 'user', id: null, displayName: 'reader', roles: [], grants: new Map(grants.length ? [[READ, grants]] : []) });
  const pathOf = async (id: string): Promise<string> => (await sql(`SELECT path::text AS path FROM organization WHERE id = $1`, [id]))[0].path;
  /** The ids the loader should give for a subtree, in its order, as SQL over risk_point. */
  const expectedIds = async (root: string, extra = 'TRUE'): Promise<string[]> =>
    (
      await sql(
        `SELECT r.id FROM risk_point r JOIN organization o ON o.id = r.organization_id
          WHERE o.path <@ (SELECT path FROM organization WHERE id = $1) AND r.archived_at IS NULL AND r.category IN ('GEOLOGICAL', 'FLOOD') AND ${extra}
          ORDER BY r.threatened_people DESC NULLS LAST, r.threatened_households DESC NULLS LAST,
                   (CASE r.level WHEN 'RED' THEN 1 WHEN 'ORANGE' THEN 2 WHEN 'YELLOW' THEN 3 ELSE 4 END), r.name, r.id`,
        [root],
      )
    ).map((r: { id: string }) => r.id);

  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    const insert = (key: string, org: string, category: string, people: number | null, archived = false) =>
      sql(
        `INSERT INTO risk_point (id, organization_id, name, category, level, threatened_households, threatened_people, archived_at) VALUES ($1, $2, $3, $4, 'YELLOW', $5, $6, CASE WHEN $7 THEN now() END)`,
        [seedId(`test:${key}`), org, `测试点${key}`, category, people === null ? null : Math.ceil(people / 3), people, archived],
      );
    await insert('grid-flood', WENFENG_GRID_1, 'FLOOD', 400);
    await insert('village-geo', WENFENG, 'GEOLOGICAL', null);
    await insert('archived', WENFENG, 'GEOLOGICAL', 900, true);
    await insert('forest', WENFENG, 'FOREST_FIRE', 800);
    await insert('work', WENFENG_GRID_1, 'WORK_SAFETY', null);
    // 双河村: more points than the bound.
    for (let i = 1; i <= THREATENING_RISK_POINTS_LIMIT + 5; i++) await insert(`shuanghe-${i}`, SHUANGHE, i % 2 ? 'GEOLOGICAL' : 'FLOOD', i);
  });
  afterAll(() => t?.close());

  it('gives each organization its subtree\'s active geological and flood points, most threatened first, in one statement per batch', async () => {
    const ctx = context(SYSTEM);
    const { result, statements } = await countStatements(() => Promise.all([WENFENG, SHUANGHE, TOWN, WENFENG_GRID_1].map((id) => threateningRiskPoints(ctx).load(id))));
    expect(statements).toBe(1);
    const [wenfeng, shuanghe, town, grid] = result;
    const wenfengIds = await expectedIds(WENFENG);
    expect(wenfengIds).toEqual([seedId('test:grid-flood'), seedId(`risk-point:village:${WENFENG}`), seedId('test:village-geo')]);
    expect(wenfeng!.points.map((p) => p.id)).toEqual(wenfengIds);
    const [households] = await sql(`SELECT sum(threatened_households)::int AS h, sum(threatened_people)::int AS p FROM risk_point WHERE id = ANY($1::uuid[])`, [wenfengIds]);
    expect(wenfeng).toMatchObject({ riskPoints: 3, households: households.h, people: households.p });
    expect(wenfeng!.points[0]).toMatchObject({ id: seedId('test:grid-flood'), organizationId: WENFENG_GRID_1, category: 'FLOOD', threatenedPeople: 400, threatenedHouseholds: 134, archivedAt: null });
    expect(wenfeng!.points[0]!.createdAt).toBeInstanceOf(Date);
    expect(grid!.points.map((p) => p.id)).toEqual([seedId('test:grid-flood')]);

    // Bounded: the 50 most threatened listed, the figures over all of them.
    const shuangheIds = await expectedIds(SHUANGHE);
    expect(shuangheIds).toHaveLength(THREATENING_RISK_POINTS_LIMIT + 6);
    expect(shuanghe!.points.map((p) => p.id)).toEqual(shuangheIds.slice(0, THREATENING_RISK_POINTS_LIMIT));
    expect(shuanghe!.riskPoints).toBe(THREATENING_RISK_POINTS_LIMIT + 6);
    const [all] = await sql(`SELECT sum(threatened_people)::int AS p FROM risk_point WHERE id = ANY($1::uuid[])`, [shuangheIds]);
    expect(shuanghe!.people).toBe(all.p);
    expect(town!.riskPoints).toBe((await expectedIds(TOWN)).length);
    expect(town!.points).toHaveLength(THREATENING_RISK_POINTS_LIMIT);
  });

  it('keeps to the caller\'s risk-point read scope: a village officer\'s subtree, an own organization, nothing without the permission', async () => {
    const villageOfficer = context(reader([{ scope: 'ORG_SUBTREE', organizationId: WENFENG, organizationPath: await pathOf(WENFENG) }]));
    const [wenfeng, shuanghe, town] = await Promise.all([WENFENG, SHUANGHE, TOWN].map((id) => threateningRiskPoints(villageOfficer).load(id)));
    expect(wenfeng!.points.map((p) => p.id)).toEqual(await expectedIds(WENFENG));
    expect(shuanghe).toEqual({ points: [], riskPoints: 0, households: 0, people: 0 });
    // The town's subtree, as far as the caller may read it: 文凤村's points only.
    expect(town!.points.map((p) => p.id)).toEqual(await expectedIds(WENFENG));
    expect(town!.riskPoints).toBe(3);

    const ownOrg = context(reader([{ scope: 'OWN_ORG', organizationId: WENFENG, organizationPath: await pathOf(WENFENG) }]));
    const own = await threateningRiskPoints(ownOrg).load(WENFENG);
    expect(own.points.map((p) => p.id)).toEqual(await expectedIds(WENFENG, `r.organization_id = '${WENFENG}'`));
    expect(own.riskPoints).toBe(2);

    const nobody = context(reader([]));
    const { result, statements } = await countStatements(() => threateningRiskPoints(nobody).load(WENFENG));
    expect(result).toEqual({ points: [], riskPoints: 0, households: 0, people: 0 });
    expect(statements).toBe(0);
  });
});
