import { startTestGateway, ok, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { ManualClock, todayInChina } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';
import { warningInput } from './support/warning-input';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];
/** No background escalation tick during the test. */
const ENV = { WARNING_ESCALATION_INTERVAL_MS: '3600000' };

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_GRID_1 = seedId('org:grid-wenfeng-1');
const T0 = new Date(`${todayInChina()}T10:00:00+08:00`);

const ACTION = `id action evacuation householdsToEvacuate { households }
  threatenedRiskPoints { id name category level threatenedHouseholds threatenedPeople monitorPersonId organizationId location { longitude latitude } }
  threatened { riskPoints households people }`;

describe('evacuation actions list the threatening risk points (转移受威胁群众：地灾隐患点与洪涝风险点)', () => {
  let t: TestGateway;
  let clock: ManualClock;
  let admin: GraphQLClient;
  let anban: GraphQLClient;
  let wenfeng: GraphQLClient;
  const sql = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);

  /** Issues a warning now (valid for a day) to the targets; returns the warning id. */
  const issue = async (level: string, hazardType: string, targets: string[]): Promise<string> => {
    const now = clock.now();
    const warning = await ok(
      anban(`mutation($input: IssueWarningInput!) { issueWarning(input: $input) { id } }`, {
        input: warningInput(now, level, hazardType, targets),
      }),
      'issueWarning',
    );
    return warning.id;
  };
  const deliveriesQuery = `query($f: WarningDeliveryFilter) { warningDeliveries(first: 50, filter: $f) { edges { node { id organizationId responseActions { ${ACTION} } } } } }`;
  /** The deliveries of a warning, by organization, with their response actions. */
  const deliveries = async (client: GraphQLClient, warningId: string): Promise<Record<string, any>> => {
    const res = await ok(client(deliveriesQuery, { f: { warningId } }), 'warningDeliveries');
    return Object.fromEntries(res.edges.map((e: any) => [e.node.organizationId, e.node]));
  };
  const evacuationOf = (delivery: any) => delivery.responseActions.find((a: any) => a.evacuation);

  /** A user with a custom role of the given grants, assigned at the town; returns its client. */
  const customUser = async (username: string, grants: Array<[string, string]>, at = TOWN): Promise<GraphQLClient> => {
    const role = (await ok(admin(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`, { input: { code: username, nameZh: '预警查看员', description: 'Reads warnings for the evacuation test' } }), 'createRole')).id;
    for (const [permission, scope] of grants) await ok(admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role, permission, scope } }), 'grantPermission');
    const user = (await ok(admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username, password: 'Start12345', displayName: username } }), 'createUser')).id;
    await ok(admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: user, roleId: role, organizationId: at } }), 'assignRole');
    return t.as(username, 'Start12345');
  };

  /** Points added next to the seeded ones: a grid's flood point threatening the most people, one without figures, and points that must stay out. */
  const added = {
    gridFlood: seedId('test:risk-point:grid-flood'),
    noFigures: seedId('test:risk-point:no-figures'),
    archived: seedId('test:risk-point:archived'),
    forestFire: seedId('test:risk-point:forest-fire'),
    workSafety: seedId('test:risk-point:work-safety'),
  };

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await startTestGateway(MODULES, { seed: true, clock, env: ENV });
    const [monitor] = await sql(`SELECT id FROM person ORDER BY id LIMIT 1`);
    const insert = (id: string, org: string, name: string, category: string, level: string, households: number | null, people: number | null, archived = false) =>
      sql(
        `INSERT INTO risk_point (id, organization_id, name, category, level, threatened_households, threatened_people, monitor_person_id, longitude, latitude, archived_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 107.1, 29.1, CASE WHEN $9 THEN now() END)`,
        [id, org, name, category, level, households, people, monitor.id, archived],
      );
    await insert(added.gridFlood, WENFENG_GRID_1, '文凤村1组山洪沟隐患点', 'FLOOD', 'ORANGE', 40, 500);
    await insert(added.noFigures, WENFENG, '文凤村后山崩塌隐患点', 'GEOLOGICAL', 'BLUE', null, null);
    await insert(added.archived, WENFENG, '文凤村已治理滑坡点', 'GEOLOGICAL', 'RED', 50, 900, true);
    await insert(added.forestFire, WENFENG, '文凤村林区火险点', 'FOREST_FIRE', 'RED', 30, 800);
    await insert(added.workSafety, WENFENG_GRID_1, '文凤村砖厂作业区', 'WORK_SAFETY', 'RED', null, null);
    [admin, anban, wenfeng] = await Promise.all(['admin', 'anban', 'wenfeng'].map((u) => t.as(u)));
  });
  afterAll(() => t?.close());

  it('describes every schema element in Chinese and English', async () => {
    const schema = await buildGatewaySchema(selectModules(MODULES, 'all'));
    expect(undescribed(schema).filter((c) => /ResponseAction|EvacuationThreat|RiskPoint/.test(c))).toEqual([]);
  });

  let redGeological: string;

  it('lists the active geological and flood points of the delivery\'s organization subtree on the evacuation action, most threatened first', async () => {
    redGeological = await issue('RED', 'GEOLOGICAL', [WENFENG]);
    const d = (await deliveries(anban, redGeological))[WENFENG];
    const expected: Array<{ id: string; households: number | null; people: number | null }> = await sql(
      `SELECT r.id, r.threatened_households AS households, r.threatened_people AS people FROM risk_point r JOIN organization o ON o.id = r.organization_id
        WHERE o.path <@ (SELECT path FROM organization WHERE id = $1) AND r.archived_at IS NULL AND r.category IN ('GEOLOGICAL', 'FLOOD')
        ORDER BY r.threatened_people DESC NULLS LAST, r.threatened_households DESC NULLS LAST, r.id`,
      [WENFENG],
    );
    // The seeded village point and the two added ones; archived, forest-fire and work-safety points stay out.
    expect(expected.map((e) => e.id)).toEqual([added.gridFlood, seedId(`risk-point:village:${WENFENG}`), added.noFigures]);

    const evacuation = evacuationOf(d);
    expect(evacuation.action).toBe('转移受威胁群众至避难场所');
    expect(evacuation.threatenedRiskPoints.map((p: any) => p.id)).toEqual(expected.map((e) => e.id));
    const [first] = evacuation.threatenedRiskPoints;
    const [monitor] = await sql(`SELECT id FROM person ORDER BY id LIMIT 1`);
    expect(first).toEqual({
      id: added.gridFlood,
      name: '文凤村1组山洪沟隐患点',
      category: 'FLOOD',
      level: 'ORANGE',
      threatenedHouseholds: 40,
      threatenedPeople: 500,
      monitorPersonId: monitor.id,
      organizationId: WENFENG_GRID_1,
      location: { longitude: 107.1, latitude: 29.1 },
    });
    const sum = (k: 'households' | 'people') => expected.reduce((n, e) => n + (e[k] ?? 0), 0);
    expect(evacuation.threatened).toEqual({ riskPoints: 3, households: sum('households'), people: sum('people') });
    // The ten-household joint defense list is unchanged beside it.
    expect(evacuation.householdsToEvacuate).not.toBeNull();

    // Every other action: null.
    const others = d.responseActions.filter((a: any) => !a.evacuation);
    expect(others).toHaveLength(5);
    expect(others.every((a: any) => a.threatenedRiskPoints === null && a.threatened === null)).toBe(true);

    // 文凤村's officer reads the same points (its own subtree).
    expect(evacuationOf((await deliveries(wenfeng, redGeological))[WENFENG]).threatenedRiskPoints.map((p: any) => p.id)).toEqual(expected.map((e) => e.id));
  });

  it('lists them for flood and rainstorm evacuations too, and none for other hazard types', async () => {
    for (const hazard of ['FLOOD', 'RAINSTORM']) {
      const d = (await deliveries(anban, await issue('RED', hazard, [SHUANGHE])))[SHUANGHE];
      const [seeded] = await sql(`SELECT id, threatened_people AS people FROM risk_point WHERE organization_id = $1 AND category IN ('GEOLOGICAL', 'FLOOD')`, [SHUANGHE]);
      expect(evacuationOf(d).threatenedRiskPoints.map((p: any) => p.id)).toEqual([seeded.id]);
      expect(evacuationOf(d).threatened).toMatchObject({ riskPoints: 1, people: seeded.people });
    }
    // A meteorological evacuation (a template added for it) moves people, but not away from risk points.
    await ok(
      anban(`mutation($input: CreateWarningResponseTemplateInput!) { createWarningResponseTemplate(input: $input) { id } }`, {
        input: { hazardType: 'METEOROLOGICAL', minLevel: 'RED', sortOrder: 60, action: '转移临时工棚和危旧房屋人员', evacuation: true },
      }),
      'createWarningResponseTemplate',
    );
    const meteo = evacuationOf((await deliveries(anban, await issue('RED', 'METEOROLOGICAL', [WENFENG])))[WENFENG]);
    expect(meteo).toMatchObject({ action: '转移临时工棚和危旧房屋人员', threatenedRiskPoints: null, threatened: null });
    expect(meteo.householdsToEvacuate).not.toBeNull();
  });

  it('keeps to the caller\'s risk-point read scope', async () => {
    // Warnings everywhere, risk points nowhere: the evacuation still shows, with an empty list.
    const warningsOnly = await customUser('warnings-only', [['rescue.warning:read', 'ALL']]);
    const none = evacuationOf((await deliveries(warningsOnly, redGeological))[WENFENG]);
    expect(none).toMatchObject({ threatenedRiskPoints: [], threatened: { riskPoints: 0, households: 0, people: 0 } });
    // Risk points of 文凤村 itself only (OWN_ORG): the grid's point is left out, from the figures too.
    const villageOnly = await customUser('village-points', [
      ['rescue.warning:read', 'ALL'],
      ['risk.risk-point:read', 'OWN_ORG'],
    ], WENFENG);
    const own = evacuationOf((await deliveries(villageOnly, redGeological))[WENFENG]);
    const [village] = await sql(`SELECT threatened_households AS households, threatened_people AS people FROM risk_point WHERE id = $1`, [seedId(`risk-point:village:${WENFENG}`)]);
    expect(own.threatenedRiskPoints.map((p: any) => p.id)).toEqual([seedId(`risk-point:village:${WENFENG}`), added.noFigures]);
    expect(own.threatened).toEqual({ riskPoints: 2, households: village.households, people: village.people });
    // 双河村's officer does not see 文凤村's deliveries at all.
    const shuanghe = await t.as('shuanghe');
    expect(await deliveries(shuanghe, redGeological)).toEqual({});
  });

  it('reads the points of every action of a request in one batch: the same statements for one delivery and for two', async () => {
    const one = await issue('RED', 'GEOLOGICAL', [SHUANGHE]);
    const two = await issue('RED', 'FLOOD', [WENFENG, SHUANGHE]);
    const read = (warningId: string) => anban(deliveriesQuery, { f: { warningId } });
    // Warm both up (response actions are made with the deliveries; the first read makes none).
    await read(one);
    await read(two);
    const small = await read(one);
    const large = await read(two);
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data!['warningDeliveries'].edges).toHaveLength(2);
    expect(large.body.data!['warningDeliveries'].edges.every((e: any) => evacuationOf(e.node).threatenedRiskPoints.length > 0)).toBe(true);
    expect(large.statements).toBe(small.statements);
  });
});
