import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { publicityActivitySeedId, socialRescueTeamSeedId } from '../src/publicity/public';
import { MODULES, dataOf, mutation, mutated } from './support';


const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const ACTIVITY = 'id version kind title heldOn organizationId target audienceCount summary archivedAt organization { id name }';
const ROW = 'organizationId organizationName organizationKind year gaps cells { target activities audience }';
const FIVE = ['ENTERPRISE', 'VILLAGE', 'COMMUNITY', 'SCHOOL', 'FAMILY'];

/**
 * Publicity (point 二十一): activities with typed errors (the campaign calendar, 五进 targets), the
 * 宣传五进 matrix by village and community with its gaps, its indicators, commendations for
 * early-warning evacuations linked to warnings, social rescue teams (kind SOCIAL), permissions.
 */
describe('publicity (宣传五进, 表扬, 社会应急力量)', () => {
  // Monday 2026-12-07, 10:00 China time.
  const NOW = new Date('2026-12-07T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  let jingfa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, sinopec, jingfa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('sinopec-nanping'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const record = (input: Record<string, unknown>, client = office) => mutation(client, 'recordPublicityActivity', 'RecordPublicityActivityInput', input, ACTIVITY);
  const activity = (extra: Record<string, unknown> = {}) => ({ kind: 'FIVE_INTO', title: '安全宣传进农户', heldOn: '2026-11-20', organizationId: org('village-mazui'), target: 'FAMILY', audienceCount: 40, ...extra });
  const matrix = async (client = office, filter = '') =>
    (await ok(client, `{ publicityCoverage(year: 2026, first: 100${filter}) { totalCount edges { node { ${ROW} } } } }`))['publicityCoverage'];
  const rowOf = async (key: string, client = office) => (await matrix(client)).edges.map((e: any) => e.node).find((n: any) => n.organizationId === org(key));
  const indicator = async (code: string, organizationId = TOWN) =>
    (await ok(office, `query($o: UUID!, $c: String!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2027-01-01", filter: { codes: [$c] }) { edges { node { numerator denominator } } } }`, { o: organizationId, c: code }))['indicatorValues'].edges[0]?.node;

  it('shows the 2026 五进 matrix by village and community, with the gaps listed', async () => {
    const m = await matrix();
    expect(m.totalCount).toBe(15);
    const wenfengRow = await rowOf('village-wenfeng');
    expect(wenfengRow).toMatchObject({ organizationName: '文凤村', organizationKind: 'VILLAGE', year: 2026, gaps: [] });
    expect(wenfengRow.cells.map((c: any) => c.target)).toEqual(FIVE);
    // The enterprise activities at 绿源方竹笋 (in a grid of 文凤村) count for the village.
    expect(wenfengRow.cells.find((c: any) => c.target === 'ENTERPRISE')).toEqual({ target: 'ENTERPRISE', activities: 1, audience: 52 });
    expect(wenfengRow.cells.find((c: any) => c.target === 'VILLAGE')).toEqual({ target: 'VILLAGE', activities: 1, audience: 96 });
    // 马嘴村 had none: every target a gap.
    expect(await rowOf('village-mazui')).toMatchObject({ gaps: FIVE, cells: FIVE.map((target) => ({ target, activities: 0, audience: 0 })) });
    expect((await rowOf('community-longmen')).gaps).toEqual(['VILLAGE']);
    const full = (await matrix(office, ', filter: { withGaps: false }')).edges.map((e: any) => e.node.organizationName);
    expect(full.sort()).toEqual(['南平社区', '文凤村']);
    expect((await matrix(office, ', filter: { withGaps: true }')).totalCount).toBe(13);
    // The town-wide broadcast (held at the town) counts for no village.
    expect((await indicator('reporting.publicity-five-into-coverage'))).toEqual({ numerator: 2, denominator: 15 });
    expect((await indicator('reporting.publicity-five-into-coverage', org('village-wenfeng')))).toEqual({ numerator: 1, denominator: 1 });
  });

  it('records activities into the matrix: a gap closes, a village becomes fully covered, a removed one no longer counts', async () => {
    const before = (await indicator('reporting.publicity-activities'))!.numerator;
    const a = await mutated(office, 'recordPublicityActivity', 'RecordPublicityActivityInput', activity(), ACTIVITY);
    expect(a).toMatchObject({ kind: 'FIVE_INTO', target: 'FAMILY', organization: { name: '马嘴村' }, archivedAt: null });
    expect((await rowOf('village-mazui')).gaps).toEqual(['ENTERPRISE', 'VILLAGE', 'COMMUNITY', 'SCHOOL']);
    expect((await rowOf('village-mazui')).cells.find((c: any) => c.target === 'FAMILY')).toEqual({ target: 'FAMILY', activities: 1, audience: 40 });
    expect((await indicator('reporting.publicity-activities'))!.numerator).toBe(before + 1);
    // 龙门社区 lacked 进农村 only.
    const coverage = (await indicator('reporting.publicity-five-into-coverage'))!;
    const v = await mutated(office, 'recordPublicityActivity', 'RecordPublicityActivityInput', activity({ organizationId: org('community-longmen'), target: 'VILLAGE', title: '城郊农户秋冬用火安全', audienceCount: 35 }), ACTIVITY);
    expect((await rowOf('community-longmen')).gaps).toEqual([]);
    expect(await indicator('reporting.publicity-five-into-coverage')).toEqual({ numerator: coverage.numerator + 1, denominator: 15 });
    // Removed: no longer listed or counted (the change feed still shows it).
    const removed = await mutated(office, 'removePublicityActivity', 'RemovePublicityActivityInput', { id: v.id, version: v.version, reason: '重复登记' }, ACTIVITY);
    expect(removed.archivedAt).not.toBeNull();
    expect((await rowOf('community-longmen')).gaps).toEqual(['VILLAGE']);
    expect(await indicator('reporting.publicity-five-into-coverage')).toEqual(coverage);
    const listed = (await ok(office, `{ publicityActivities(first: 100) { edges { node { id } } } }`))['publicityActivities'].edges.map((e: any) => e.node.id);
    expect(listed).not.toContain(v.id);
    const feed = (await ok(office, `{ publicityActivities(first: 100, filter: { updatedSince: "2026-12-01T00:00:00Z" }) { edges { node { id archivedAt } } } }`))['publicityActivities'].edges.map((e: any) => e.node.id);
    expect(feed).toContain(v.id);
    expect(fieldsOf(await mutation(office, 'removePublicityActivity', 'RemovePublicityActivityInput', { id: v.id, version: removed.version }, 'id'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
    // Corrected: the target moves the count.
    const moved = await mutated(office, 'updatePublicityActivity', 'UpdatePublicityActivityInput', { id: a.id, version: a.version, target: 'SCHOOL', audienceCount: 60 }, ACTIVITY);
    expect(moved).toMatchObject({ target: 'SCHOOL', audienceCount: 60 });
    expect((await rowOf('village-mazui')).gaps).toEqual(['ENTERPRISE', 'VILLAGE', 'COMMUNITY', 'FAMILY']);
    expect(errorOf(await mutation(office, 'updatePublicityActivity', 'UpdatePublicityActivityInput', { id: a.id, version: a.version, audienceCount: 1 }, 'id'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('answers typed errors: the campaign calendar, a 五进 activity without target, a future day', async () => {
    expect(fieldsOf(await record(activity({ kind: 'SAFETY_MONTH', heldOn: '2026-07-01', target: null })))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'calendar' })]);
    expect((await record(activity({ kind: 'SAFETY_MONTH', heldOn: '2026-06-30', target: null }))).body.errors).toBeUndefined();
    expect(fieldsOf(await record(activity({ kind: 'FIRE_SAFETY_MONTH', heldOn: '2026-10-31' })))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'calendar' })]);
    expect(fieldsOf(await record(activity({ kind: 'DISASTER_PREVENTION_DAY', heldOn: '2026-05-16' })))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'calendar' })]);
    expect((await record(activity({ kind: 'DISASTER_PREVENTION_DAY', heldOn: '2026-05-15' }))).body.errors).toBeUndefined();
    expect(fieldsOf(await record(activity({ target: null })))).toEqual([expect.objectContaining({ field: 'input.target', rule: 'required' })]);
    expect(fieldsOf(await record(activity({ heldOn: '2026-12-08' })))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'notFuture' })]);
    expect(fieldsOf(await record(activity({ audienceCount: -1 })))).toEqual([expect.objectContaining({ field: 'input.audienceCount' })]);
    expect(errorOf(await record(activity({ organizationId: seedId('org:none') })))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
  });

  it('keeps publicity within scope: a village records and reads its own, an enterprise nothing', async () => {
    const own = await mutated(wenfeng, 'recordPublicityActivity', 'RecordPublicityActivityInput', activity({ organizationId: org('village-wenfeng'), title: '文凤村冬季防火入户' }), ACTIVITY);
    expect(own.organizationId).toBe(org('village-wenfeng'));
    expect(errorOf(await record(activity({ organizationId: org('village-shuanghe') }), wenfeng))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    const rows = (await matrix(wenfeng)).edges.map((e: any) => e.node.organizationName);
    expect(rows).toEqual(['文凤村']);
    const seen = (await ok(wenfeng, `{ publicityActivities(first: 100) { edges { node { organizationId } } } }`))['publicityActivities'].edges.map((e: any) => e.node.organizationId);
    expect(seen).toContain(org('ent-lvyuan-bamboo-shoots'));
    expect(seen).not.toContain(org('village-shuanghe'));
    expect(await ok(wenfeng, `query($id: UUID!) { publicityActivity(id: $id) { id } }`, { id: publicityActivitySeedId('2026-5in-shuanghe-village') })).toEqual({ publicityActivity: null });
    expect(errorOf(await sinopec(`{ publicityActivities(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await sinopec(`{ publicityCoverage(year: 2026, first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await matrix(jingfa)).totalCount).toBe(15);
    expect(errorOf(await record(activity(), jingfa))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('commends an early-warning evacuation, linked to the warning, not before it was sent', async () => {
    const geo = seedId('rescue:warnings:geo-past');
    const FIELDS = 'id commendedName evacuatedCount commendedOn warning { id level } organization { name }';
    const seeded = (await ok(office, `query($w: UUID!) { evacuationCommendations(first: 5, filter: { warningId: $w }) { edges { node { ${FIELDS} } } } }`, { w: geo }))['evacuationCommendations'].edges.map((e: any) => e.node);
    expect(seeded).toEqual([expect.objectContaining({ commendedName: '双河村村民委员会', evacuatedCount: 38, warning: { id: geo, level: 'RED' }, organization: { name: '双河村' } })]);
    const input = { warningId: geo, organizationId: org('village-longshan'), commendedName: '龙山村地灾监测员', evacuatedCount: 9, reason: '监测员到岗巡查，提前组织隐患点群众3户9人撤离。' };
    expect(fieldsOf(await mutation(office, 'recordEvacuationCommendation', 'RecordEvacuationCommendationInput', { ...input, commendedOn: '2026-01-01' }, FIELDS))).toEqual([expect.objectContaining({ field: 'input.commendedOn', rule: 'beforeWarning' })]);
    expect(errorOf(await mutation(office, 'recordEvacuationCommendation', 'RecordEvacuationCommendationInput', { ...input, warningId: seedId('rescue:warnings:none') }, FIELDS))).toMatchObject({ code: 'NOT_FOUND', field: 'input.warningId' });
    const c = await mutated(office, 'recordEvacuationCommendation', 'RecordEvacuationCommendationInput', input, FIELDS);
    expect(c).toMatchObject({ commendedOn: '2026-12-07', evacuatedCount: 9, warning: { id: geo } });
    // 文凤村 reads only the warnings sent to it, and commends only within its village.
    expect(errorOf(await mutation(wenfeng, 'recordEvacuationCommendation', 'RecordEvacuationCommendationInput', input, FIELDS))).toMatchObject({ code: 'NOT_FOUND', field: 'input.warningId' });
    const rain = seedId('rescue:warnings:rain-live');
    expect(errorOf(await mutation(wenfeng, 'recordEvacuationCommendation', 'RecordEvacuationCommendationInput', { ...input, warningId: rain }, FIELDS))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    const ownVillage = await mutated(wenfeng, 'recordEvacuationCommendation', 'RecordEvacuationCommendationInput', { ...input, warningId: rain, organizationId: org('village-wenfeng'), commendedName: '文凤村三组组长', evacuatedCount: 28 }, FIELDS);
    expect(ownVillage).toMatchObject({ warning: { id: rain }, organization: { name: '文凤村' } });
  });

  it('knows social rescue forces as command rescue teams of kind SOCIAL', async () => {
    const teams = (await ok(office, `{ rescueTeams(first: 10, filter: { kinds: [SOCIAL] }) { edges { node { id kind name } } } }`))['rescueTeams'].edges.map((e: any) => e.node);
    expect(teams).toEqual([{ id: socialRescueTeamSeedId('lantian-nanping'), kind: 'SOCIAL', name: '南川区蓝天救援队南平镇分队' }]);
    const all = (await ok(office, `{ rescueTeams(first: 1, filter: { kinds: [MILITIA, MICRO_FIRE_STATION, FULL_TIME_FIRE, ENTERPRISE, VOLUNTEER, SOCIAL] }) { totalCount } }`))['rescueTeams'];
    expect(all.totalCount).toBeGreaterThan(1);
  });

  it('pages losslessly in both directions', async () => {
    const total = (await ok(office, `{ publicityActivities(first: 1) { totalCount } }`))['publicityActivities'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { publicityActivities(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['publicityActivities'], 7, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { publicityCoverage(year: 2026, ${PAGE_ARGS}) { ${walkedPage('organizationId')} } }`, {}, ['publicityCoverage'], 4, 15);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { publicityCoverage(year: 2026, orderBy: [{ field: GAP_COUNT, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage('organizationId')} } }`, {}, ['publicityCoverage'], 4, 15);
  });
});
