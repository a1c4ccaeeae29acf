import { ManualClock, fromGlobalId } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, type GraphQLClient, type TestGateway } from '@platform/testing';
import { liabilityPolicySeedId } from '@domains/reporting';
import { MODULES, dataOf, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const SINOPEC = org('ent-sinopec-nanping');
const DASHI = org('ent-dashi-stone');
const WENFENG = org('village-wenfeng');

const REASON = 'code level weight textZh textEn detail since recordId';
const STANDING = `enterpriseId enterpriseName sectorCode status score ruleVersionId reasons { ${REASON} }`;
const SECTIONS = (first: number) => `
  riskPoints(first: ${first}) { totalCount edges { node { name level } } }
  openHazards(first: ${first}) { totalCount edges { node { title grade status } } }
  inspections(first: ${first}) { totalCount edges { node { code status } } }
  penaltyCases(first: ${first}) { totalCount edges { node { code status } } }
  certificatesDue(first: ${first}) { totalCount edges { node { number status } } }
  insurancePolicies(first: ${first}) { totalCount edges { node { id status } } }
  drillsHeld(first: ${first}) { totalCount edges { node { heldOn form } } }
  emergencyPlans(first: ${first}) { totalCount edges { node { title status } } }
  sensors(first: ${first}) { totalCount edges { node { name kind } } }
  openAlarms(first: ${first}) { totalCount edges { node { status level kind } } }
  equipments(first: ${first}) { totalCount edges { node { name } } }`;
const PICTURE = `${STANDING} asOf highRisk internalRewardMechanismInPlace
  insurance { mandatory covered coveringPolicyId }
  monitoring { activeSensors openAlarms unacknowledgedAlarms } equipment { overdueRenewals earliestOverdueOn eliminatedInService }
  drills { ruleName required startsOn endsOn held previousHeld previousEndsOn lastHeldOn overdue }
  enterprise { name } profile { sectorCode highRisk } internalRewardMechanism { inPlace } ruleVersion { ruleCode }`;
const codes = (p: { reasons: Array<{ code: string }> }) => p.reasons.map((r) => r.code);

/**
 * The enterprise safety butler (企业安全管家): the seeded sinopec-nanping station's and another
 * enterprise's whole picture, status and reasons; the red list ranked by score; a reason that goes
 * when its record changes; statement counts (no N+1); paging with size 1 both ways over equal
 * scores; scope (an enterprise its own, a village its subtree, others NOT_FOUND); bad input; the indicator.
 */
describe('enterprise picture (企业安全管家)', () => {
  // Sunday 2026-11-29, 10:00 China time (the README's instant).
  const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  let grid: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, wenfeng, sinopec, grid] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('wenfeng'), t.as('sinopec-nanping'), t.as('wenfeng-grid1')]);
  }, 600_000);
  afterAll(() => t?.close());

  const picture = async (id: string, client = office, first = 50) =>
    (await dataOf(client, `query($id: UUID!) { enterprisePicture(enterpriseId: $id) { ${PICTURE} ${SECTIONS(first)} } }`, { id }))['enterprisePicture'];
  const redList = async (client = office, args = 'first: 100') =>
    (await dataOf(client, `{ enterpriseRedList(${args}) { totalCount edges { node { rank ${STANDING} } } } }`))['enterpriseRedList'];

  it('pictures the seeded sinopec-nanping station: RED for its open major hazard, with its reasons and every section', async () => {
    const p = await picture(SINOPEC);
    expect(p).toMatchObject({
      enterpriseName: '中国石化销售股份有限公司重庆南川南平加油站',
      sectorCode: 'HAZARDOUS_CHEMICALS',
      highRisk: true,
      asOf: '2026-11-29',
      status: 'RED',
      score: 170,
      internalRewardMechanismInPlace: false,
      monitoring: { activeSensors: 1, openAlarms: 1, unacknowledgedAlarms: 1 },
      equipment: { overdueRenewals: 0, earliestOverdueOn: null, eliminatedInService: 0 },
      insurance: { mandatory: true, covered: true, coveringPolicyId: liabilityPolicySeedId('sinopec-nanping-2026') },
      drills: { ruleName: '高危行业领域企业每半年至少组织1次疏散逃生演练', required: 1, startsOn: '2026-07-01', endsOn: '2026-12-31', held: 1, previousHeld: 1, previousEndsOn: '2026-06-30', lastHeldOn: '2026-10-18', overdue: false },
      enterprise: { name: '中国石化销售股份有限公司重庆南川南平加油站' },
      profile: { sectorCode: 'HAZARDOUS_CHEMICALS', highRisk: true },
      internalRewardMechanism: null,
      ruleVersion: { ruleCode: 'scenarios.enterprise-status' },
    });
    // RED reasons first, then by weight, then by code.
    expect(p.reasons).toEqual([
      { code: 'MAJOR_HAZARD_OPEN', level: 'RED', weight: 100, textZh: '存在未销号的重大事故隐患：安全警示标志缺失', textEn: 'An open major accident hazard: 安全警示标志缺失', detail: '安全警示标志缺失', since: '2026-06-21', recordId: expect.any(String) },
      // The seeded gas peak of 2026-11-25 (sensors and alarms) that nobody acknowledged.
      { code: 'ALARM_UNACKNOWLEDGED', level: 'RED', weight: 40, textZh: '监测报警未确认：南平加油站卸油区可燃气体探测器 YELLOW', textEn: 'A monitoring alarm is not acknowledged: 南平加油站卸油区可燃气体探测器 YELLOW', detail: '南平加油站卸油区可燃气体探测器 YELLOW', since: '2026-11-25', recordId: expect.any(String) },
      { code: 'CERTIFICATE_EXPIRING', level: 'YELLOW', weight: 10, textZh: '特种作业操作证临近到期或待复审：TZ2024000118 低压电工作业', textEn: 'A special-operation certificate is expiring or due for review: TZ2024000118 低压电工作业', detail: 'TZ2024000118 低压电工作业', since: '2027-01-10', recordId: expect.any(String) },
      { code: 'HAZARD_OPEN', level: 'YELLOW', weight: 10, textZh: '存在未销号的一般隐患：静电接地线松动', textEn: 'An open general hazard: 静电接地线松动', detail: '静电接地线松动', since: '2026-06-01', recordId: expect.any(String) },
      { code: 'NO_INTERNAL_REWARD_MECHANISM', level: 'YELLOW', weight: 10, textZh: '未建立内部举报奖励机制', textEn: 'No internal reward mechanism for hazard reports', detail: null, since: null, recordId: null },
    ]);
    // The record ids are global ids: node() opens them.
    expect(fromGlobalId(p.reasons[0].recordId)?.typeName).toBe('Hazard');
    expect(fromGlobalId(p.reasons[1].recordId)?.typeName).toBe('Alarm');
    expect(fromGlobalId(p.reasons[2].recordId)?.typeName).toBe('SpecialOperationCertificate');
    const node = await dataOf(office, `query($n: ID!) { node(nodeId: $n) { ... on Hazard { title grade status } } }`, { n: p.reasons[0].recordId });
    expect(node['node']).toEqual({ title: '安全警示标志缺失', grade: 'MAJOR', status: 'CONFIRMED' });
    // The sections: major hazards first.
    expect(p.riskPoints).toMatchObject({ totalCount: 1, edges: [{ node: { name: '重点作业区域', level: 'ORANGE' } }] });
    expect(p.openHazards.edges.map((e: any) => [e.node.title, e.node.grade])).toEqual([['安全警示标志缺失', 'MAJOR'], ['静电接地线松动', 'GENERAL']]);
    expect(p.inspections.edges.map((e: any) => e.node.code)).toEqual(['NPJC-2026-0006', 'NPJC-2026-0005', 'NPJC-2025-0005']);
    expect(p.penaltyCases.totalCount).toBe(0);
    expect(p.certificatesDue.edges).toEqual([{ node: { number: 'TZ2024000118', status: 'REVIEW_DUE' } }]);
    expect(p.insurancePolicies.edges).toEqual([{ node: { id: liabilityPolicySeedId('sinopec-nanping-2026'), status: 'ACTIVE' } }]);
    expect(p.drillsHeld.edges.map((e: any) => e.node.heldOn)).toEqual(['2026-10-18', '2026-05-18', '2025-11-20', '2025-05-20']);
    expect(p.emergencyPlans.edges).toEqual([{ node: { title: '中国石化销售股份有限公司重庆南川南平加油站生产安全事故现场处置方案', status: 'EFFECTIVE' } }]);
    expect(p.sensors.edges).toEqual([{ node: { name: '南平加油站卸油区可燃气体探测器', kind: 'GAS_DETECTOR' } }]);
    expect(p.openAlarms.edges).toEqual([{ node: { status: 'TRIGGERED', level: 'YELLOW', kind: 'RULE' } }]);
    // The records next to the ids.
    const related = await dataOf(office, `query($id: UUID!) { enterprisePicture(enterpriseId: $id) { reasons { recordId record { nodeId } } insurance { coveringPolicyId coveringPolicy { id } } drills { ruleId rule { id } } } }`, { id: SINOPEC });
    const r = related['enterprisePicture'];
    expect(r.reasons.map((x: any) => x.record)).toEqual(r.reasons.map((x: any) => (x.recordId ? { nodeId: x.recordId } : null)));
    expect(r.insurance).toEqual({ coveringPolicyId: liabilityPolicySeedId('sinopec-nanping-2026'), coveringPolicy: { id: liabilityPolicySeedId('sinopec-nanping-2026') } });
    expect(r.drills.rule).toEqual({ id: r.drills.ruleId });
    // In service: the 2009 tank gauge was replaced (retired) on 2026-10-15.
    expect(p.equipments).toMatchObject({ totalCount: 3 });
    expect(p.equipments.edges.map((e: any) => e.node.name).sort()).toEqual(['1号潜油泵加油机', '储罐液位仪（带高低液位报警）', '油气回收在线监测系统'].sort());
  });

  it('flags an eliminated furnace still in service as RED and an overdue renewal plan (金兴铸造, equipment)', async () => {
    const p = await picture(org('ent-jinxing-foundry'));
    expect(p.status).toBe('RED');
    expect(p.equipment).toMatchObject({ eliminatedInService: 1 });
    expect(p.equipment.overdueRenewals).toBeGreaterThan(0);
    const eliminated = p.reasons.find((r: any) => r.code === 'EQUIPMENT_ELIMINATED_IN_SERVICE');
    expect(eliminated).toMatchObject({ level: 'RED', weight: 60 });
    expect(eliminated.detail).toMatch(/^无芯工频感应电炉（/);
    expect(fromGlobalId(eliminated.recordId)?.typeName).toBe('EnterpriseEquipment');
    expect(p.reasons.filter((r: any) => r.code === 'EQUIPMENT_RENEWAL_OVERDUE')).toHaveLength(p.equipment.overdueRenewals);
  });

  it('pictures another enterprise (大石石材): RED for its major hazard and the mandatory insurance it lacks, with the overdue re-inspection, open case and plan review', async () => {
    const p = await picture(DASHI);
    expect(p).toMatchObject({ status: 'RED', insurance: { mandatory: true, covered: false, coveringPolicyId: null } });
    expect(codes(p)).toEqual(['MAJOR_HAZARD_OPEN', 'INSURANCE_LAPSED', 'HAZARD_OVERDUE', 'HAZARD_OVERDUE', 'REINSPECTION_OVERDUE', 'CASE_OPEN', 'HAZARD_OPEN', 'HAZARD_OPEN', 'NO_INTERNAL_REWARD_MECHANISM', 'PLAN_REVIEW_OVERDUE']);
    expect(p.score).toBe(100 + 50 + 30 + 30 + 20 + 15 + 10 + 10 + 10 + 10);
    const lapsed = p.reasons.find((r: any) => r.code === 'INSURANCE_LAPSED');
    // The enterprise's last policy (its limit below the minimum does not cover).
    expect(fromGlobalId(lapsed.recordId)).toEqual({ typeName: 'LiabilityInsurancePolicy', id: liabilityPolicySeedId('dashi-stone-2026') });
    expect(p.reasons.find((r: any) => r.code === 'REINSPECTION_OVERDUE')).toMatchObject({ level: 'YELLOW', weight: 20, detail: 'NPJC-2026-0004' });
    expect(p.reasons.find((r: any) => r.code === 'CASE_OPEN').detail).toMatch(/^南平镇应急〔2026〕立5号 /);
  });

  it('reads the whole picture in the same number of statements whatever its sections hold, and the red list in one', async () => {
    const query = (first: number) => `query($id: UUID!) { enterprisePicture(enterpriseId: $id) { ${PICTURE} ${SECTIONS(first)} } }`;
    const [small, large] = [await office(query(1), { id: SINOPEC }), await office(query(50), { id: SINOPEC })];
    expect([small.body.errors, large.body.errors]).toEqual([undefined, undefined]);
    // The standing (status, reasons, insurance, drills, monitoring, equipment) 1; eleven sections a page and a count each 22; the
    // enterprise, profile, mechanism and rule version 4; the policies' and certificates' computed statuses (batched per level) 2.
    expect([small.statements, large.statements]).toEqual([29, 29]);
    const standingOnly = await office(`query($id: UUID!) { enterprisePicture(enterpriseId: $id) { ${STANDING} } }`, { id: SINOPEC });
    expect(standingOnly.statements).toBe(1);
    const [one, all] = [await office(`{ enterpriseRedList(first: 1) { edges { node { rank ${STANDING} } } } }`), await office(`{ enterpriseRedList(first: 100) { totalCount edges { node { rank ${STANDING} enterprise { name } } } } }`)];
    expect([one.statements, all.statements]).toEqual([1, 2]);
  });

  it('ranks the enterprises by score (equal scores share a rank), RED and YELLOW, and filters by status', async () => {
    const list = await redList();
    const nodes = list.edges.map((e: any) => e.node);
    expect(list.totalCount).toBe(nodes.length);
    expect(nodes.length).toBeGreaterThan(50);
    for (let i = 1; i < nodes.length; i++) {
      expect(nodes[i].score).toBeLessThanOrEqual(nodes[i - 1].score);
      expect(nodes[i].rank).toBe(nodes[i].score === nodes[i - 1].score ? nodes[i - 1].rank : i + 1);
    }
    expect(nodes[0]).toMatchObject({ rank: 1, enterpriseName: '重庆市南川区南平镇金龙加油站有限公司', status: 'RED' });
    // Every score is the sum of its reasons' weights; the status follows the levels.
    for (const n of nodes) {
      expect(n.score).toBe(n.reasons.reduce((s: number, r: any) => s + r.weight, 0));
      expect(n.status).toBe(n.reasons.some((r: any) => r.level === 'RED') ? 'RED' : n.reasons.length ? 'YELLOW' : 'GREEN');
    }
    const sinopecEntry = nodes.find((n: any) => n.enterpriseId === SINOPEC);
    expect(sinopecEntry).toMatchObject({ status: 'RED', score: 170, reasons: (await picture(SINOPEC)).reasons });
    const yellow = await redList(office, 'first: 100, filter: { statuses: [YELLOW] }');
    expect(yellow.totalCount).toBe(nodes.filter((n: any) => n.status === 'YELLOW').length);
    expect(yellow.totalCount).toBeGreaterThan(0);
    // The rank stays the rank among all enterprises, not among those filtered.
    expect(yellow.edges.map((e: any) => [e.node.enterpriseId, e.node.rank])).toEqual(nodes.filter((n: any) => n.status === 'YELLOW').map((n: any) => [n.enterpriseId, n.rank]));
  });

  it('pages the red list with page size 1 both ways, losing nothing among equal scores', async () => {
    const total = (await redList()).totalCount;
    const page = `totalCount edges { cursor node { id: enterpriseId } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { enterpriseRedList(${PAGE_ARGS}) { ${page} } }`, {}, ['enterpriseRedList'], 1, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { enterpriseRedList(orderBy: [{ field: SCORE, direction: ASC }], ${PAGE_ARGS}) { ${page} } }`, {}, ['enterpriseRedList'], 7, total);
    const sections = `query(${PAGE_VARS}) { enterprisePicture(enterpriseId: "${SINOPEC}") { drillsHeld(${PAGE_ARGS}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
    await expectPagedCompletely(office, sections, {}, ['enterprisePicture', 'drillsHeld'], 1, 4);
  }, 300_000);

  it('drops a reason when its record changes: an internal reward mechanism recorded', async () => {
    const before = (await redList()).edges.map((e: any) => e.node).find((n: any) => n.enterpriseName === '重庆市南川区南平客运有限公司');
    expect(before).toMatchObject({ status: 'YELLOW', score: 20 });
    expect(codes(before)).toEqual(['HAZARD_OPEN', 'NO_INTERNAL_REWARD_MECHANISM']);
    await mutated(office, 'recordInternalRewardMechanism', 'RecordInternalRewardMechanismInput', { enterpriseId: before.enterpriseId, inPlace: true, since: '2026-11-01', channels: ['HOTLINE'] }, 'id inPlace');
    const after = await picture(before.enterpriseId);
    expect(after).toMatchObject({ status: 'YELLOW', score: 10, internalRewardMechanismInPlace: true, internalRewardMechanism: { inPlace: true } });
    expect(codes(after)).toEqual(['HAZARD_OPEN']);
  });

  it('keeps to scope: an enterprise sees only its own, a village only its subtree, others answer NOT_FOUND', async () => {
    const own = await redList(sinopec);
    expect(own.edges.map((e: any) => e.node.enterpriseId)).toEqual([SINOPEC]);
    expect((await picture(SINOPEC, sinopec)).status).toBe('RED');
    expect(errorOf(await sinopec(`{ enterprisePicture(enterpriseId: "${DASHI}") { status } }`))).toMatchObject({ code: 'NOT_FOUND' });
    const village = (await redList(wenfeng)).edges.map((e: any) => e.node.enterpriseId);
    const subtree = (await redList(office, `first: 100, filter: { withinSubtreeOf: "${WENFENG}" }`)).edges.map((e: any) => e.node.enterpriseId);
    expect(village.length).toBeGreaterThan(0);
    expect(village).toEqual(subtree);
    const outside = (await redList()).edges.map((e: any) => e.node.enterpriseId).find((id: string) => !village.includes(id));
    expect(errorOf(await wenfeng(`query($id: UUID!) { enterprisePicture(enterpriseId: $id) { status } }`, { id: outside }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await picture(village[0], wenfeng)).enterpriseId).toBe(village[0]);
    // An inspector reads every enterprise, with the same standing as the office; its sections list what it may open
    // under each module's own permission (no liability insurance policies: it does not hold reporting.insurance:read).
    const [byInspector, byOffice] = [await picture(DASHI, zhifa), await picture(DASHI)];
    expect(byInspector.reasons).toEqual(byOffice.reasons);
    expect([byInspector.insurancePolicies.totalCount, byOffice.insurancePolicies.totalCount]).toEqual([0, 1]);
    expect(byInspector.inspections.totalCount).toBe(byOffice.inspections.totalCount);
    // A grid worker holds no grant: FORBIDDEN naming the permission.
    expect(errorOf(await grid(`{ enterpriseRedList(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN', permission: 'scenarios.enterprise-picture:read' });
  });

  it('answers bad input naming the field and rule, and NOT_FOUND for what is not an active enterprise', async () => {
    expect(errorOf(await office(`{ enterprisePicture(enterpriseId: "${WENFENG}") { status } }`))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await office(`{ enterprisePicture(enterpriseId: "00000000-0000-4000-8000-000000000000") { status } }`))).toMatchObject({ code: 'NOT_FOUND' });
    const tooMany = await office(`{ enterpriseRedList(first: 1, filter: { statuses: [RED, YELLOW, GREEN, RED] }) { totalCount } }`);
    expect(errorOf(tooMany)?.['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(tooMany)).toEqual([expect.objectContaining({ field: 'filter.statuses', rule: 'arrayMaxSize' })]);
    const zero = await office(`{ enterpriseRedList(first: 0) { totalCount } }`);
    expect(errorOf(zero)?.['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(zero)).toEqual([expect.objectContaining({ field: 'first', rule: 'min' })]);
  });

  it('counts the share of red enterprises as an indicator, the same rows as the red list', async () => {
    const nodes = (await redList()).edges.map((e: any) => e.node);
    const edges = (await dataOf(office, `query($o: UUID!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2027-01-01", filter: { codes: ["scenarios.enterprises-red"] }) { edges { node { numerator denominator } } } }`, { o: TOWN }))['indicatorValues'].edges;
    expect(edges[0].node).toEqual({ numerator: nodes.filter((n: any) => n.status === 'RED').length, denominator: nodes.length });
  });

  // Last: it acknowledges the one seeded alarm the first test pictures as unacknowledged.
  it('turns an unacknowledged alarm into an open one when the enterprise acknowledges it (RED 40 → YELLOW 10)', async () => {
    const before = await picture(SINOPEC, sinopec);
    const alarm = (await dataOf(sinopec, `query($id: UUID!) { enterprisePicture(enterpriseId: $id) { openAlarms(first: 5) { edges { node { id version status } } } } }`, { id: SINOPEC }))['enterprisePicture'].openAlarms.edges[0].node;
    expect(alarm.status).toBe('TRIGGERED');
    await mutated(sinopec, 'acknowledgeAlarm', 'AcknowledgeAlarmInput', { id: alarm.id, version: alarm.version }, 'id status');
    const after = await picture(SINOPEC, sinopec);
    expect(after).toMatchObject({ status: 'RED', score: before.score - 40 + 10, monitoring: { activeSensors: 1, openAlarms: 1, unacknowledgedAlarms: 0 } });
    expect(codes(after)).toEqual(['MAJOR_HAZARD_OPEN', 'ALARM_OPEN', 'CERTIFICATE_EXPIRING', 'HAZARD_OPEN', 'NO_INTERNAL_REWARD_MECHANISM']); // weight ties by code
    expect(after.reasons.find((r: any) => r.code === 'ALARM_OPEN')).toMatchObject({ level: 'YELLOW', weight: 10, recordId: before.reasons.find((r: any) => r.code === 'ALARM_UNACKNOWLEDGED').recordId });
  });
});
