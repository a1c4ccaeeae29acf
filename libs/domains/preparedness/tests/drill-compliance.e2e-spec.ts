import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, createLogger, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import pino from 'pino';
import { InProcessEventBus, RequestContext, SYSTEM, countStatements, todayInChina, type Grant, type Principal } from '@platform/core';
import { latestDrillOn, preparednessModule } from '../src/index';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const LONGSHAN = seedId('org:village-longshan');
const NANPING_COMMUNITY = seedId('org:community-nanping');
const SINOPEC = seedId('org:ent-sinopec-nanping'); // high-risk (hazardous chemicals)
const JINLONG_GAS = seedId('org:ent-jinlong-gas-station'); // high-risk
const LVYUAN = seedId('org:ent-lvyuan-bamboo-shoots'); // ordinary, in 文凤村
const FENGXIANG = seedId('org:ent-fengxiang-liquor'); // ordinary, in 文凤村
const QINGSHAN = seedId('org:ent-qingshan-farmstay'); // ordinary, in 文凤村

const TODAY = todayInChina();
const THIS_YEAR = Number(TODAY.slice(0, 4));
/** A past year, so every period is over and a shortfall is NOT_MET whatever today is. */
const P = THIS_YEAR - 2;
const ENTRY = `organization { id name kind } rule { code } met lastQualifyingDrillOn periods { label startsOn endsOn required held status }`;
const year = (y: number, required = 1, held = 0, status = 'NOT_MET') => ({ label: `${y}`, startsOn: `${y}-01-01`, endsOn: `${y}-12-31`, required, held, status });
const h1 = (y: number, held: number, status = held ? 'MET' : 'NOT_MET') => ({ label: `${y}-H1`, startsOn: `${y}-01-01`, endsOn: `${y}-06-30`, required: 1, held, status });
const h2 = (y: number, held: number, status = held ? 'MET' : 'NOT_MET') => ({ label: `${y}-H2`, startsOn: `${y}-07-01`, endsOn: `${y}-12-31`, required: 1, held, status });

describe('drill compliance (演练达标)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let admin: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let sinopec: GraphQLClient;
  const seeded: Record<string, any> = {};
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [office, admin, wenfeng, shuanghe, sinopec] = await Promise.all([t.as('anban'), t.as('admin'), t.as('wenfeng'), t.as('shuanghe'), t.as('sinopec-nanping')]);
    // What the demo seed gave, and what a second seeding adds (nothing), before the test's own drills.
    const ds = t.gateway.database.dataSource;
    const counts = async () => (await ds.query(`SELECT (SELECT count(*) FROM emergency_plan)::int AS plans, (SELECT count(*) FROM drill)::int AS drills, (SELECT count(*) FROM drill_problem)::int AS problems`))[0];
    seeded['counts'] = await counts();
    seeded['thisYear'] = await byOrg(office, THIS_YEAR);
    seeded['lastYear'] = await byOrg(office, THIS_YEAR - 1);
    seeded['plans'] = (await office(`{ emergencyPlans(first: 100, filter: { withinSubtreeOf: "${TOWN}", types: [TOWN_OVERALL, SPECIAL], includeSuperseded: true }) { edges { node { title revision status reviewOverdue supersedes { revision } } } } }`)).body.data!['emergencyPlans'].edges.map((e: any) => e.node);
    await runSeeds(ds, selectModules(MODULES, 'all'), createLogger('silent'));
    seeded['again'] = await counts();
    // Drills of their own: the seed's demo drills are removed first (plans stay).
    await ds.query(`DELETE FROM drill_problem; DELETE FROM drill`);
    const drills: Array<[string, string, string]> = [
      [TOWN, `${P}-03-10`, 'TABLETOP'],
      [TOWN, `${P}-08-10`, 'EVACUATION'], // not a form the town's rule counts
      [WENFENG, `${P}-11-20`, 'TABLETOP'],
      [SINOPEC, `${P}-06-30`, 'EVACUATION'], // last day of H1
      [SINOPEC, `${P}-07-01`, 'EVACUATION'], // first day of H2
      [JINLONG_GAS, `${P - 1}-12-31`, 'EVACUATION'], // the years around do not count
      [JINLONG_GAS, `${P}-06-30`, 'EVACUATION'],
      [JINLONG_GAS, `${P + 1}-01-01`, 'EVACUATION'],
      [LVYUAN, `${P}-06-30`, 'EVACUATION'], // the same drill as the high-risk 金龙加油站
      [FENGXIANG, `${P}-05-05`, 'TABLETOP'], // not an evacuation drill
    ];
    for (const [organizationId, heldOn, form] of drills) {
      const res = await office(`mutation($input: RecordDrillInput!) { recordDrill(input: $input) { id } }`, { input: { organizationId, heldOn, form, title: `${heldOn}演练`, participantCount: 20 } });
      expect(res.body.errors).toBeUndefined();
    }
  });
  afterAll(() => t?.close());

  const compliance = async (client: GraphQLClient, args: string, fields = ENTRY) => {
    const res = await client(`{ drillCompliance(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['drillCompliance'];
  };
  const byOrg = async (client: GraphQLClient, y: number, extra = '') => {
    const page = await compliance(client, `year: ${y}, first: 100${extra}`);
    return new Map<string, any>(page.edges.map((e: any) => [e.node.organization.id, e.node]));
  };
  const rule = async (code: string) =>
    (await admin(`{ drillRules(first: 100, filter: { includeArchived: true }) { edges { node { id version code } } } }`)).body.data!['drillRules'].edges.map((e: any) => e.node).find((r: any) => r.code === code);
  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { id version code name minDrills priority highRisk organizationKinds qualifyingForms period active archivedAt } }`, { input });

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds demo plans and drills once, deterministic and relative to today', () => {
    expect(seeded['counts'].plans).toBeGreaterThan(40);
    expect(seeded['counts'].drills).toBeGreaterThan(60);
    expect(seeded['again']).toEqual(seeded['counts']);
    // The town's overall plan as a chain, three special plans, the forest-fire one overdue for review.
    expect(seeded['plans']).toEqual(
      expect.arrayContaining([
        { title: '南平镇突发事件总体应急预案', revision: 1, status: 'SUPERSEDED', reviewOverdue: false, supersedes: null },
        { title: `南平镇突发事件总体应急预案（${THIS_YEAR}年修订）`, revision: 2, status: 'EFFECTIVE', reviewOverdue: false, supersedes: { revision: 1 } },
        { title: '南平镇森林火灾应急预案', revision: 1, status: 'EFFECTIVE', reviewOverdue: true, supersedes: null },
      ]),
    );
    expect(seeded['plans']).toHaveLength(5);
    // Last year every organization below drilled enough; this year 文凤村 has not (yet).
    const last = seeded['lastYear'] as Map<string, any>;
    expect([TOWN, WENFENG, SHUANGHE, NANPING_COMMUNITY, SINOPEC, JINLONG_GAS].map((id) => last.get(id).met)).toEqual([true, true, true, true, true, true]);
    expect((seeded['thisYear'] as Map<string, any>).get(WENFENG)).toMatchObject({ met: false, lastQualifyingDrillOn: null, periods: [expect.objectContaining({ held: 0 })] });
  });

  it('keeps the work plan\'s four rules as data from the migration', async () => {
    const rules = await office(`{ drillRules { totalCount edges { node { code name organizationKinds highRisk period minDrills qualifyingForms priority active } } } }`);
    expect(rules.body.data!['drillRules'].totalCount).toBe(4);
    expect(rules.body.data!['drillRules'].edges.map((e: any) => e.node)).toEqual([
      { code: 'ENTERPRISE_HIGH_RISK_HALF_YEARLY', name: '高危行业领域企业每半年至少组织1次疏散逃生演练', organizationKinds: ['ENTERPRISE'], highRisk: true, period: 'HALF_YEAR', minDrills: 1, qualifyingForms: ['EVACUATION'], priority: 20, active: true },
      { code: 'ENTERPRISE_EVACUATION_YEARLY', name: '企业每年至少组织1次疏散逃生演练', organizationKinds: ['ENTERPRISE'], highRisk: null, period: 'YEAR', minDrills: 1, qualifyingForms: ['EVACUATION'], priority: 10, active: true },
      { code: 'TOWN_HALF_YEARLY', name: '镇级每半年至少组织1次应急演练', organizationKinds: ['TOWN_GOVERNMENT'], highRisk: null, period: 'HALF_YEAR', minDrills: 1, qualifyingForms: ['TABLETOP', 'FUNCTIONAL', 'FULL_SCALE'], priority: 10, active: true },
      { code: 'VILLAGE_YEARLY', name: '村(居)每年至少组织1次应急演练', organizationKinds: ['VILLAGE', 'COMMUNITY'], highRisk: null, period: 'YEAR', minDrills: 1, qualifyingForms: [], priority: 10, active: true },
    ]);
  });

  it('assesses each organization against the one rule that applies, with exact periods', async () => {
    const [{ high_risk: sinopecHigh }] = await t.gateway.database.dataSource.query(`SELECT high_risk FROM enterprise_profile WHERE organization_id = $1`, [SINOPEC]);
    expect(sinopecHigh).toBe(true);
    const entries = await byOrg(office, P);
    expect(entries.get(TOWN)).toMatchObject({ rule: { code: 'TOWN_HALF_YEARLY' }, met: false, lastQualifyingDrillOn: `${P}-03-10`, periods: [h1(P, 1), h2(P, 0)] });
    expect(entries.get(WENFENG)).toMatchObject({ rule: { code: 'VILLAGE_YEARLY' }, met: true, lastQualifyingDrillOn: `${P}-11-20`, periods: [year(P, 1, 1, 'MET')] });
    expect(entries.get(SHUANGHE)).toMatchObject({ rule: { code: 'VILLAGE_YEARLY' }, met: false, lastQualifyingDrillOn: null, periods: [year(P)] });
    expect(entries.get(NANPING_COMMUNITY)).toMatchObject({ rule: { code: 'VILLAGE_YEARLY' }, met: false, periods: [year(P)] });
    // Half-year boundary: 06-30 counts for H1, 07-01 for H2.
    expect(entries.get(SINOPEC)).toMatchObject({ rule: { code: 'ENTERPRISE_HIGH_RISK_HALF_YEARLY' }, met: true, lastQualifyingDrillOn: `${P}-07-01`, periods: [h1(P, 1), h2(P, 1)] });
    // The same single evacuation drill: short for a high-risk enterprise, enough for an ordinary one.
    expect(entries.get(JINLONG_GAS)).toMatchObject({ rule: { code: 'ENTERPRISE_HIGH_RISK_HALF_YEARLY' }, met: false, lastQualifyingDrillOn: `${P}-06-30`, periods: [h1(P, 1), h2(P, 0)] });
    expect(entries.get(LVYUAN)).toMatchObject({ rule: { code: 'ENTERPRISE_EVACUATION_YEARLY' }, met: true, lastQualifyingDrillOn: `${P}-06-30`, periods: [year(P, 1, 1, 'MET')] });
    // A tabletop exercise is not an evacuation drill.
    expect(entries.get(FENGXIANG)).toMatchObject({ rule: { code: 'ENTERPRISE_EVACUATION_YEARLY' }, met: false, lastQualifyingDrillOn: null, periods: [year(P)] });

    // Every active town government, village, community and enterprise, nothing else (departments, grids, institutions have no rule).
    const [{ n }] = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM organization WHERE archived_at IS NULL AND kind IN ('TOWN_GOVERNMENT','VILLAGE','COMMUNITY','ENTERPRISE')`);
    expect(entries.size).toBe(n);
    expect([...entries.values()].every((e) => ['TOWN_GOVERNMENT', 'VILLAGE', 'COMMUNITY', 'ENTERPRISE'].includes(e.organization.kind))).toBe(true);
    expect((await compliance(office, `year: ${P}, first: 1`, 'met')).totalCount).toBe(n);
  });

  it('pages by organization name with cursors, one statement for the page', async () => {
    const all = await compliance(office, `year: ${P}, first: 100`, 'organization { id }');
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await compliance(office, `year: ${P}, first: 30${after ? `, after: "${after}"` : ''}`, 'organization { id }');
      seen.push(...page.edges.map((e: any) => e.node.organization.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.node.organization.id));
    const q = (n: number) => `{ drillCompliance(year: ${P}, first: ${n}) { edges { node { ${ENTRY} } } } }`;
    const small = await office(q(3));
    const large = await office(q(60));
    // entries, organizations, rules
    expect(small.statements).toBe(3);
    expect(large.statements).toBe(small.statements);
  });

  describe('latestDrillOn (the public loader other modules read a last drill from)', () => {
    const log = pino({ level: 'silent' });
    const context = (principal: Principal) => new RequestContext({ requestId: 'latest-drill-test', principal, dataSource: t.gateway.database.dataSource, events: new InProcessEventBus(), log });
    const planReader = (grants: Grant[]): Principal => ({ kind: 'user', id: null, displayName: 'reader', roles: [], grants: new Map(grants.length ? [['rescue.plan:read', grants]] : []) });
    const pathOf = async (id: string): Promise<string> => (await t.gateway.database.dataSource.query(`SELECT path::text AS path FROM organization WHERE id = $1`, [id]))[0].path;
    const ORGS = [TOWN, WENFENG, SHUANGHE, SINOPEC, JINLONG_GAS, LVYUAN, FENGXIANG];

    it('gives the day of each organization\'s latest drill (any form), null without one, in one statement per batch', async () => {
      const ctx = context(SYSTEM);
      const { result, statements } = await countStatements(() => Promise.all(ORGS.map((id) => latestDrillOn(ctx).load(id))));
      expect(statements).toBe(1);
      // The town's latest is an evacuation drill, which its compliance rule does not count; 金龙加油站's lies in the year after.
      expect(result).toEqual([`${P}-08-10`, `${P}-11-20`, null, `${P}-07-01`, `${P + 1}-01-01`, `${P}-06-30`, `${P}-05-05`]);
      const [{ latest }] = await t.gateway.database.dataSource.query(`SELECT max(held_on)::text AS latest FROM drill WHERE organization_id = $1`, [JINLONG_GAS]);
      expect(latest).toBe(`${P + 1}-01-01`);
    });

    it('keeps to the caller\'s plan read scope: a village officer\'s subtree, an own organization, nothing without the permission', async () => {
      const village = context(planReader([{ scope: 'ORG_SUBTREE', organizationId: WENFENG, organizationPath: await pathOf(WENFENG) }]));
      expect(await Promise.all(ORGS.map((id) => latestDrillOn(village).load(id)))).toEqual([null, `${P}-11-20`, null, null, null, `${P}-06-30`, `${P}-05-05`]);
      const own = context(planReader([{ scope: 'OWN_ORG', organizationId: SINOPEC, organizationPath: await pathOf(SINOPEC) }]));
      expect(await Promise.all(ORGS.map((id) => latestDrillOn(own).load(id)))).toEqual([null, null, null, `${P}-07-01`, null, null, null]);
      const nobody = context(planReader([]));
      const { result, statements } = await countStatements(() => Promise.all(ORGS.map((id) => latestDrillOn(nobody).load(id))));
      expect(result).toEqual(ORGS.map(() => null));
      expect(statements).toBe(1);
    });
  });

  it('filters by subtree and non-compliance, within the caller\'s plan scope', async () => {
    const ids = (page: any) => page.edges.map((e: any) => e.node.organization.id).sort();
    expect(ids(await compliance(office, `year: ${P}, filter: { withinSubtreeOf: "${WENFENG}" }`))).toEqual([WENFENG, LVYUAN, FENGXIANG, QINGSHAN].sort());
    expect(ids(await compliance(office, `year: ${P}, filter: { withinSubtreeOf: "${WENFENG}", onlyNonCompliant: true }`))).toEqual([FENGXIANG, QINGSHAN].sort());
    expect(ids(await compliance(wenfeng, `year: ${P}`))).toEqual([WENFENG, LVYUAN, FENGXIANG, QINGSHAN].sort());
    const theirs = ids(await compliance(shuanghe, `year: ${P}, first: 100`));
    expect(theirs).toContain(SHUANGHE);
    expect(theirs).not.toContain(WENFENG);
    expect(ids(await compliance(shuanghe, `year: ${P}, filter: { withinSubtreeOf: "${WENFENG}" }`))).toEqual([]);
    expect(ids(await compliance(sinopec, `year: ${P}`))).toEqual([SINOPEC]);
    const nonCompliant = await compliance(office, `year: ${P}, first: 100, filter: { onlyNonCompliant: true }`, 'organization { id } met');
    expect(nonCompliant.edges.every((e: any) => e.node.met === false)).toBe(true);
    expect(ids(nonCompliant)).toEqual(expect.arrayContaining([TOWN, SHUANGHE, LONGSHAN, JINLONG_GAS, FENGXIANG]));
    expect(ids(nonCompliant)).not.toEqual(expect.arrayContaining([WENFENG]));
    expect(ids(nonCompliant)).not.toContain(SINOPEC);
    expect(ids(nonCompliant)).not.toContain(LVYUAN);
    expect(fieldsOf(await office(`{ drillCompliance(year: 1999) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'year', rule: 'min' })]);
    expect(errorOf(await (async () => t.gql(`{ drillCompliance(year: ${P}) { totalCount } }`))())).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tells PENDING (period not over, China time) from NOT_MET (period over)', async () => {
    const next = await byOrg(office, THIS_YEAR + 1);
    expect(next.get(SHUANGHE)).toMatchObject({ met: false, periods: [year(THIS_YEAR + 1, 1, 0, 'PENDING')] });
    expect(next.get(SINOPEC)).toMatchObject({ met: false, periods: [h1(THIS_YEAR + 1, 0, 'PENDING'), h2(THIS_YEAR + 1, 0, 'PENDING')] });
    expect((await byOrg(office, P)).get(SHUANGHE)).toMatchObject({ met: false, periods: [year(P, 1, 0, 'NOT_MET')] });
    // This year: a village without a drill yet is PENDING until 31 Dec, and MET once a drill is recorded today.
    expect((await byOrg(office, THIS_YEAR)).get(LONGSHAN)).toMatchObject({ met: false, lastQualifyingDrillOn: null, periods: [year(THIS_YEAR, 1, 0, 'PENDING')] });
    const res = await office(`mutation($input: RecordDrillInput!) { recordDrill(input: $input) { id } }`, { input: { organizationId: LONGSHAN, heldOn: TODAY, form: 'FUNCTIONAL', title: '龙山村预警叫应演练', participantCount: 30 } });
    expect(res.body.errors).toBeUndefined();
    expect((await byOrg(office, THIS_YEAR)).get(LONGSHAN)).toMatchObject({ met: true, lastQualifyingDrillOn: TODAY, periods: [year(THIS_YEAR, 1, 1, 'MET')] });
  });

  it('applies a rule changed by an admin in the next query: more drills required, a new rule of higher priority', async () => {
    const yearly = await rule('ENTERPRISE_EVACUATION_YEARLY');
    const raised = await mutate(office, 'updateDrillRule', 'UpdateDrillRuleInput', { id: yearly.id, version: yearly.version, minDrills: 2 });
    expect(raised.body.data!['updateDrillRule']).toMatchObject({ version: yearly.version + 1, minDrills: 2, code: 'ENTERPRISE_EVACUATION_YEARLY' });
    expect(errorOf(await mutate(office, 'updateDrillRule', 'UpdateDrillRuleInput', { id: yearly.id, version: yearly.version, minDrills: 3 }))).toMatchObject({ code: 'CONFLICT', currentVersion: yearly.version + 1 });
    let entries = await byOrg(office, P);
    expect(entries.get(LVYUAN)).toMatchObject({ met: false, periods: [year(P, 2, 1, 'NOT_MET')] });
    expect(entries.get(SINOPEC)).toMatchObject({ rule: { code: 'ENTERPRISE_HIGH_RISK_HALF_YEARLY' }, met: true });
    await mutate(office, 'updateDrillRule', 'UpdateDrillRuleInput', { id: yearly.id, version: yearly.version + 1, minDrills: 1 });
    expect((await byOrg(office, P)).get(LVYUAN)).toMatchObject({ met: true, periods: [year(P, 1, 1, 'MET')] });

    // A stricter rule for villages only (not communities), of higher priority.
    const created = await mutate(office, 'createDrillRule', 'CreateDrillRuleInput', {
      code: 'VILLAGE_HALF_YEARLY', name: '行政村每半年至少1次应急演练', organizationKinds: ['VILLAGE'], period: 'HALF_YEAR', minDrills: 1, qualifyingForms: [], priority: 50,
    });
    const stricter = created.body.data!['createDrillRule'];
    expect(stricter).toMatchObject({ version: 1, active: true, highRisk: null, archivedAt: null });
    entries = await byOrg(office, P);
    expect(entries.get(WENFENG)).toMatchObject({ rule: { code: 'VILLAGE_HALF_YEARLY' }, met: false, periods: [h1(P, 0), h2(P, 1)] });
    expect(entries.get(NANPING_COMMUNITY)).toMatchObject({ rule: { code: 'VILLAGE_YEARLY' } });
    const archived = await mutate(office, 'archiveDrillRule', 'ArchiveInput', { id: stricter.id, version: 1 });
    expect(archived.body.data!['archiveDrillRule']).toMatchObject({ active: false, version: 2 });
    expect((await byOrg(office, P)).get(WENFENG)).toMatchObject({ rule: { code: 'VILLAGE_YEARLY' }, met: true });
    expect(fieldsOf(await mutate(office, 'updateDrillRule', 'UpdateDrillRuleInput', { id: stricter.id, version: 2, priority: 1 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
    expect((await office(`{ drillRules { totalCount } }`)).body.data!['drillRules'].totalCount).toBe(4);
    expect((await office(`{ drillRules(filter: { includeArchived: true }) { totalCount } }`)).body.data!['drillRules'].totalCount).toBe(5);
    // A rule is a Node for whoever may read the rules (plan readers), archived or not.
    const nodeId = (await office(`{ drillRules(first: 1) { edges { node { nodeId code } } } }`)).body.data!['drillRules'].edges[0].node;
    const ruleNode = (client: GraphQLClient) => client(`query($n: ID!) { node(nodeId: $n) { __typename ... on DrillRule { code } } }`, { n: nodeId.nodeId });
    expect((await ruleNode(wenfeng)).body.data!['node']).toEqual({ __typename: 'DrillRule', code: nodeId.code });

    const audits = await admin(`{ auditLog(first: 20, filter: { actionPrefix: "rescue.drill-rule." }) { edges { node { action entityId } } } }`);
    expect(audits.body.data!['auditLog'].edges.map((e: any) => e.node.action).sort()).toEqual(['rescue.drill-rule.archive', 'rescue.drill-rule.create', 'rescue.drill-rule.update', 'rescue.drill-rule.update']);
  });

  it('validates rules, naming field and rule, and lets only rule managers change them', async () => {
    const base = { code: 'X_RULE', name: '测试规则', organizationKinds: ['ENTERPRISE'], period: 'YEAR', minDrills: 1, qualifyingForms: ['EVACUATION'], priority: 1 };
    expect(fieldsOf(await mutate(office, 'createDrillRule', 'CreateDrillRuleInput', { ...base, organizationKinds: ['VILLAGE'], highRisk: true }))).toEqual([expect.objectContaining({ field: 'input.highRisk', rule: 'enterpriseOnly' })]);
    expect(fieldsOf(await mutate(office, 'createDrillRule', 'CreateDrillRuleInput', { ...base, minDrills: 0, organizationKinds: [] }))).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'input.minDrills', rule: 'min' }), expect.objectContaining({ field: 'input.organizationKinds', rule: 'arrayMinSize' })]),
    );
    expect(fieldsOf(await mutate(office, 'createDrillRule', 'CreateDrillRuleInput', { ...base, code: 'lower-case' }))).toEqual([expect.objectContaining({ field: 'input.code', rule: 'matches' })]);
    expect(fieldsOf(await mutate(office, 'createDrillRule', 'CreateDrillRuleInput', { ...base, code: 'VILLAGE_YEARLY' }))).toEqual([expect.objectContaining({ field: 'input.code', rule: 'unique' })]);
    const village = await rule('VILLAGE_YEARLY');
    expect(fieldsOf(await mutate(office, 'updateDrillRule', 'UpdateDrillRuleInput', { id: village.id, version: village.version, highRisk: false }))).toEqual([expect.objectContaining({ field: 'input.highRisk', rule: 'enterpriseOnly' })]);
    expect(errorOf(await mutate(wenfeng, 'createDrillRule', 'CreateDrillRuleInput', base))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.rule:manage' });
    expect(errorOf(await mutate(wenfeng, 'updateDrillRule', 'UpdateDrillRuleInput', { id: village.id, version: village.version, minDrills: 5 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await mutate(office, 'updateDrillRule', 'UpdateDrillRuleInput', { id: '00000000-0000-4000-8000-000000000000', version: 1, minDrills: 5 }))).toMatchObject({ code: 'NOT_FOUND', entity: 'DrillRule' });
  });
});
