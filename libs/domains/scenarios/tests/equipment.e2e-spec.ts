import pino from 'pino';
import { InProcessEventBus, ManualClock, RequestContext, SYSTEM, countStatements, type Principal } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { equipmentRenewalOf, equipmentSeedId, renewalPlanSeedId } from '../src/equipment/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const SINOPEC = org('ent-sinopec-nanping');
const FOUNDRY = org('ent-jinxing-foundry');
const LVYUAN = org('ent-lvyuan-bamboo-shoots');
const EQUIPMENT = 'id version enterpriseId name kind model installedYear eliminated catalogueReference status retiredOn enterprise { id }';
const PLAN = 'id version equipmentId enterpriseId action description dueOn doneOn evidenceNote overdue equipment { id status } enterprise { id }';

/**
 * Enterprise equipment renewal (设备更新): eliminated equipment with its catalogue reference, renewal
 * plans overdue from the day after their due day, completion retiring replaced equipment, the summary
 * the enterprise picture reads, indicator, scope, typed errors, paging.
 */
describe('equipment (设备更新)', () => {
  // Sunday 2026-11-29, 10:00 China time.
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let sinopec: GraphQLClient;
  let wenfeng: GraphQLClient;
  let jingfa: GraphQLClient;
  let zhifa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, sinopec, wenfeng, jingfa, zhifa] = await Promise.all([t.as('anban'), t.as('sinopec-nanping'), t.as('wenfeng'), t.as('jingfa'), t.as('zhifa')]);
    // Seeding every module takes a while on the shared 2-core machine.
  }, 240_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office) => (await ok(client, `query($id: UUID!) { enterpriseEquipment(id: $id) { ${EQUIPMENT} } }`, { id }))['enterpriseEquipment'];
  const plan = async (id: string, client = office) => (await ok(client, `query($id: UUID!) { equipmentRenewalPlan(id: $id) { ${PLAN} } }`, { id }))['equipmentRenewalPlan'];
  const register = (input: Record<string, unknown>, client = office) => mutation(client, 'registerEnterpriseEquipment', 'RegisterEnterpriseEquipmentInput', input, EQUIPMENT);
  const registered = (input: Record<string, unknown>, client = office) => mutated<any>(client, 'registerEnterpriseEquipment', 'RegisterEnterpriseEquipmentInput', input, EQUIPMENT);
  const planned = (input: Record<string, unknown>, client = office) => mutated<any>(client, 'planEquipmentRenewal', 'PlanEquipmentRenewalInput', input, PLAN);
  const complete = (input: Record<string, unknown>, client = office) => mutation(client, 'completeEquipmentRenewal', 'CompleteEquipmentRenewalInput', input, PLAN);
  const overdueIds = async (client = office) => (await ok(client, `{ equipmentRenewalPlans(first: 100, filter: { overdue: true }) { totalCount edges { node { id overdue } } } }`))['equipmentRenewalPlans'];
  const indicator = async (code: string, organizationId = TOWN, client = office) => {
    const edges = (await ok(client, `query($o: UUID!, $c: String!) { indicatorValues(organizationId: $o, from: "2026-11-01", to: "2026-12-01", filter: { codes: [$c] }) { edges { node { numerator } } } }`, { o: organizationId, c: code }))['indicatorValues'].edges;
    return edges[0]?.node ?? null;
  };
  const item = (enterprise: string, extra: Record<string, unknown> = {}) => ({ enterpriseId: enterprise, name: '液压机', kind: 'PRODUCTION', model: 'Y32-100', installedYear: 2012, ...extra });

  it('shows the seeded equipment: an eliminated furnace in service with an overdue replacement, a replaced gauge retired', async () => {
    expect(await one(equipmentSeedId('jinxing-furnace-old'))).toMatchObject({ name: '无芯工频感应电炉', installedYear: 2006, eliminated: true, catalogueReference: expect.stringContaining('淘汰'), status: 'IN_SERVICE', enterprise: { id: FOUNDRY } });
    expect(await plan(renewalPlanSeedId('jinxing-furnace'))).toMatchObject({ action: 'REPLACE', dueOn: '2026-09-30', doneOn: null, overdue: true });
    expect(await plan(renewalPlanSeedId('sinopec-tank-gauge'))).toMatchObject({ doneOn: '2026-10-15', evidenceNote: expect.any(String), overdue: false, equipment: { id: equipmentSeedId('sinopec-tank-gauge-2009'), status: 'RETIRED' } });
    expect(await plan(renewalPlanSeedId('hongfa-crusher'))).toMatchObject({ dueOn: '2026-12-31', overdue: false });
    const overdue = await overdueIds();
    expect(overdue.edges.map((e: any) => e.node.id)).toEqual([renewalPlanSeedId('jinxing-furnace')]);
    expect(await indicator('scenarios.overdue-equipment-renewals')).toEqual({ numerator: 1 });
    const eliminated = (await ok(office, `{ enterpriseEquipments(first: 50, filter: { eliminated: true, statuses: [IN_SERVICE] }) { edges { node { id } } } }`))['enterpriseEquipments'].edges.map((e: any) => e.node.id);
    expect(eliminated).toEqual([equipmentSeedId('jinxing-furnace-old')]);
  });

  it('counts a plan overdue from the day after its due day; completing a replacement retires the equipment', async () => {
    const press = await registered(item(FOUNDRY));
    const p = await planned({ equipmentId: press.id, action: 'REPLACE', description: '更换为带双手操作和光电保护的液压机', dueOn: '2026-11-29' });
    expect(p).toMatchObject({ enterpriseId: FOUNDRY, enterprise: { id: FOUNDRY }, overdue: false, doneOn: null });
    expect((await overdueIds()).edges.map((e: any) => e.node.id)).not.toContain(p.id);
    clock.set(new Date('2026-11-30T02:00:00Z'));
    expect((await plan(p.id)).overdue).toBe(true);
    expect((await overdueIds()).edges.map((e: any) => e.node.id)).toContain(p.id);
    expect(await indicator('scenarios.overdue-equipment-renewals')).toEqual({ numerator: 2 });
    const done = (await complete({ id: p.id, version: p.version, evidenceNote: '新设备验收报告 JX-2026-031' })).body.data!['completeEquipmentRenewal'];
    expect(done).toMatchObject({ doneOn: '2026-11-30', overdue: false, equipment: { id: press.id, status: 'RETIRED' } });
    expect(await one(press.id)).toMatchObject({ status: 'RETIRED', retiredOn: '2026-11-30' });
    expect(fieldsOf(await complete({ id: p.id, version: done.version, evidenceNote: '再次' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // A retrofit keeps the equipment in service.
    const crusher = (await plan(renewalPlanSeedId('hongfa-crusher')))!;
    const retrofitted = (await complete({ id: crusher.id, version: crusher.version, doneOn: '2026-11-28', evidenceNote: '防护罩及急停装置安装验收记录' })).body.data!['completeEquipmentRenewal'];
    expect(retrofitted).toMatchObject({ doneOn: '2026-11-28', equipment: { status: 'IN_SERVICE' } });
  });

  it('gives the enterprise picture each enterprise\'s overdue renewals and eliminated equipment in service, one statement per batch', async () => {
    const log = pino({ level: 'silent' });
    const ctx = new RequestContext({ requestId: 'equipment-summary-test', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: new InProcessEventBus(), log, clock });
    const ids = [FOUNDRY, SINOPEC, LVYUAN, org('ent-dashi-stone')];
    const { result, statements } = await countStatements(() => Promise.all(ids.map((id) => equipmentRenewalOf(ctx, id, '2026-11-29'))));
    expect(statements).toBe(1);
    expect(result).toEqual([
      { enterpriseId: FOUNDRY, overdueRenewals: expect.any(Number), eliminatedInService: 1, earliestOverdueOn: '2026-09-30' },
      { enterpriseId: SINOPEC, overdueRenewals: 0, eliminatedInService: 0, earliestOverdueOn: null },
      { enterpriseId: LVYUAN, overdueRenewals: 0, eliminatedInService: 0, earliestOverdueOn: null },
      { enterpriseId: org('ent-dashi-stone'), overdueRenewals: 0, eliminatedInService: 0, earliestOverdueOn: null },
    ]);
    expect(result[0]!.overdueRenewals).toBeGreaterThanOrEqual(1);
    // Outside the caller's scope an enterprise reads as zero.
    const path = (await t.gateway.database.dataSource.query(`SELECT path::text AS path FROM organization WHERE id = $1`, [SINOPEC]))[0].path;
    const own: Principal = { kind: 'user', id: null, displayName: 'sinopec', roles: [], grants: new Map([['scenarios.equipment:read', [{ scope: 'OWN_ORG', organizationId: SINOPEC, organizationPath: path }]]]) };
    const sinopecCtx = new RequestContext({ requestId: 'equipment-summary-own', principal: own, dataSource: t.gateway.database.dataSource, events: new InProcessEventBus(), log, clock });
    expect(await equipmentRenewalOf(sinopecCtx, FOUNDRY, '2026-11-29')).toEqual({ enterpriseId: FOUNDRY, overdueRenewals: 0, eliminatedInService: 0, earliestOverdueOn: null });
  });

  it('answers typed errors naming the field and the rule', async () => {
    expect(fieldsOf(await register(item(FOUNDRY, { installedYear: 2027 })))).toEqual([expect.objectContaining({ field: 'input.installedYear', rule: 'notFuture' })]);
    expect(fieldsOf(await register(item(FOUNDRY, { eliminated: true })))).toEqual([expect.objectContaining({ field: 'input.catalogueReference', rule: 'required' })]);
    expect(fieldsOf(await register(item(FOUNDRY, { catalogueReference: '某目录' })))).toEqual([expect.objectContaining({ field: 'input.catalogueReference', rule: 'state' })]);
    expect(fieldsOf(await register(item(FOUNDRY, { name: 'x' })))).toEqual([expect.objectContaining({ field: 'input.name' })]);
    expect(fieldsOf(await register(item(org('village-wenfeng'))))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'organizationKind' })]);
    expect(errorOf(await register(item(seedId('org:no-such-enterprise'))))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
    const gauge = await one(equipmentSeedId('sinopec-tank-gauge-2009'));
    expect(fieldsOf(await mutation(office, 'planEquipmentRenewal', 'PlanEquipmentRenewalInput', { equipmentId: gauge.id, action: 'RETIRE', description: '停用', dueOn: '2026-12-31' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.equipmentId', rule: 'state' })]);
    const furnace = await plan(renewalPlanSeedId('jinxing-furnace'));
    expect(fieldsOf(await complete({ id: furnace.id, version: furnace.version, doneOn: '2026-11-30', evidenceNote: '验收' }))).toEqual([expect.objectContaining({ field: 'input.doneOn', rule: 'notFuture' })]);
    expect(errorOf(await complete({ id: furnace.id, version: furnace.version + 3, evidenceNote: '验收' }))).toMatchObject({ code: 'CONFLICT' });
    expect((await plan(furnace.id)).doneOn).toBeNull();
  });

  it('keeps equipment within scope: an enterprise its own (and manages it), a village its enterprises\', inspectors and departments read all', async () => {
    const mine = (await ok(sinopec, `{ enterpriseEquipments(first: 100) { edges { node { enterpriseId } } } }`))['enterpriseEquipments'].edges.map((e: any) => e.node.enterpriseId);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine)).toEqual(new Set([SINOPEC]));
    const own = await registered(item(SINOPEC, { name: '3号加油机', installedYear: 2026 }), sinopec);
    expect(own.enterpriseId).toBe(SINOPEC);
    expect(errorOf(await register(item(FOUNDRY), sinopec))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
    expect(await one(equipmentSeedId('jinxing-furnace-old'), sinopec)).toBeNull();
    const furnace = await plan(renewalPlanSeedId('jinxing-furnace'));
    expect(errorOf(await complete({ id: furnace.id, version: furnace.version, evidenceNote: '越权' }, sinopec))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await overdueIds(sinopec)).totalCount).toBe(0);
    const village = (await ok(wenfeng, `{ enterpriseEquipments(first: 100) { edges { node { enterpriseId } } } }`))['enterpriseEquipments'].edges.map((e: any) => e.node.enterpriseId);
    expect(new Set(village)).toEqual(new Set([LVYUAN]));
    expect(errorOf(await register(item(LVYUAN), wenfeng))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await one(equipmentSeedId('jinxing-furnace-old'), zhifa)).not.toBeNull();
    expect(await one(equipmentSeedId('jinxing-furnace-old'), jingfa)).not.toBeNull();
    expect(errorOf(await register(item(FOUNDRY), jingfa))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('loads nested plans without N+1 and pages losslessly in both directions over equal sort keys', async () => {
    // One enterprise's equipment (a plan among them) against everyone's: the same statements.
    const q = (filter: string) => `{ enterpriseEquipments(first: 50${filter}) { edges { node { id enterprise { name } renewalPlans(first: 3) { totalCount edges { node { overdue equipment { name } } } } } } } }`;
    const small = await office(q(`, filter: { enterpriseId: "${FOUNDRY}" }`));
    const large = await office(q(''));
    expect(small.body.errors).toBeUndefined();
    expect((large.body.data as any).enterpriseEquipments.edges.length).toBeGreaterThan((small.body.data as any).enterpriseEquipments.edges.length);
    expect(large.statements).toBe(small.statements);
    // Three items installed the same year with the same name: ties by id.
    for (let i = 0; i < 3; i += 1) await registered(item(LVYUAN, { name: '封口机', installedYear: 2015 }));
    const total = (await ok(office, `{ enterpriseEquipments(first: 1) { totalCount } }`))['enterpriseEquipments'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { enterpriseEquipments(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['enterpriseEquipments'], 1, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { enterpriseEquipments(orderBy: [{ field: INSTALLED_YEAR }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['enterpriseEquipments'], 1, total);
    const plans = (await ok(office, `{ equipmentRenewalPlans(first: 1) { totalCount } }`))['equipmentRenewalPlans'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { equipmentRenewalPlans(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['equipmentRenewalPlans'], 1, plans);
  });
});
