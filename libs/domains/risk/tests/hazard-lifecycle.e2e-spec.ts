import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';

const ENTERPRISE = seedId('org:ent-sinopec-nanping');
const SAFETY_MANAGER = seedId('person:person-ent-sinopec-nanping-safety');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const FIELDS = `id version status grade deadline funds listedSupervision overdue`;
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('hazard life cycle (自查自报自改)', () => {
  let t: TestGateway;
  let enterprise: GraphQLClient;
  let office: GraphQLClient;
  let inspector: GraphQLClient;
  let otherVillage: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    [enterprise, office, inspector, otherVillage] = await Promise.all([t.as('sinopec-nanping'), t.as('anban'), t.as('zhifa'), t.as('shuanghe')]);
  });
  afterAll(() => t?.close());

  const step = async (client: GraphQLClient, mutation: string, inputType: string, input: Record<string, unknown>) =>
    client(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${FIELDS} } }`, { input });

  it('goes from self-report to closing by the right roles, refusing wrong roles and illegal steps', async () => {
    const login = await t.gql(`mutation { login(input: { username: "sinopec-nanping", password: "nanping2025" }) { accessToken } }`);
    const form = new FormData();
    form.append('file', new Blob([PNG]), '加油机接地线松动.png');
    const photo = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${login.body.data!['login'].accessToken}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as any;

    const reported = await step(enterprise, 'reportHazard', 'ReportHazardInput', {
      organizationId: ENTERPRISE,
      title: '加油机静电接地线松动',
      category: 'WORK_SAFETY',
      source: 'SELF_CHECK',
      location: { longitude: 107.0712, latitude: 29.0598 },
      attachmentIds: [photo.id],
    });
    let h = reported.body.data!['reportHazard'];
    expect(h).toMatchObject({ status: 'REPORTED', grade: null, version: 1 });

    // The enterprise may not grade its own hazard.
    const selfGrade = await step(enterprise, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' });
    expect(selfGrade.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'risk.hazard:manage' });
    const noCriteria = await step(office, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'MAJOR' });
    expect(noCriteria.body.errors![0]!.extensions!['fields'][0]).toMatchObject({ field: 'input.criteriaReference', rule: 'required' });
    h = (await step(office, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'MAJOR', criteriaReference: '危险化学品重大隐患判定标准 第3条' })).body.data!['confirmHazard'];
    expect(h).toMatchObject({ status: 'CONFIRMED', grade: 'MAJOR' });

    const early = await step(inspector, 'verifyRectification', 'HazardStepInput', { id: h.id, version: h.version });
    expect(early.body.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.id', rule: 'state', message: 'cannot verifyRectification a Hazard whose status is CONFIRMED (allowed from SUBMITTED).' }],
    });

    const plan = { id: h.id, version: h.version, measures: '更换接地线并检测接地电阻', responsiblePersonId: SAFETY_MANAGER, funds: '1200.5', deadline: inFuture(10), listedSupervision: true };
    const noEmergency = await step(enterprise, 'planRectification', 'PlanRectificationInput', plan);
    expect(noEmergency.body.errors![0]!.extensions!['fields'][0]).toMatchObject({ field: 'input.emergencyMeasures', rule: 'required' });
    Object.assign(plan, { emergencyMeasures: '停用该加油机，设置警戒区并安排专人值守' });
    h = (await step(enterprise, 'planRectification', 'PlanRectificationInput', plan)).body.data!['planRectification'];
    expect(h).toMatchObject({ status: 'PLANNED', listedSupervision: true, deadline: plan.deadline, funds: '1200.50', overdue: false });
    h = (await step(enterprise, 'startRectification', 'HazardStepInput', { id: h.id, version: h.version })).body.data!['startRectification'];
    h = (await step(enterprise, 'submitRectification', 'HazardStepInput', { id: h.id, version: h.version, note: '已更换' })).body.data!['submitRectification'];
    expect(h.status).toBe('SUBMITTED');
    h = (await step(inspector, 'sendBackRectification', 'HazardStepInput', { id: h.id, version: h.version, note: '缺少检测报告' })).body.data!['sendBackRectification'];
    expect(h.status).toBe('RECTIFYING');
    h = (await step(enterprise, 'submitRectification', 'HazardStepInput', { id: h.id, version: h.version, note: '附检测报告' })).body.data!['submitRectification'];
    h = (await step(inspector, 'verifyRectification', 'HazardStepInput', { id: h.id, version: h.version })).body.data!['verifyRectification'];
    h = (await step(office, 'closeHazard', 'HazardStepInput', { id: h.id, version: h.version })).body.data!['closeHazard'];
    expect(h.status).toBe('CLOSED');
    const final = await step(office, 'closeHazard', 'HazardStepInput', { id: h.id, version: h.version });
    expect(final.body.errors![0]!.message).toContain('CLOSED');

    const located = await office(`query($id: UUID!) { hazard(id: $id) { location { geoJson } emergencyMeasures } }`, { id: h.id });
    expect(located.body.data!['hazard']).toEqual({ location: { geoJson: { type: 'Point', coordinates: [107.0712, 29.0598] } }, emergencyMeasures: '停用该加油机，设置警戒区并安排专人值守' });
    const history = await office(`query($id: UUID!) { hazard(id: $id) { history(first: 20) { totalCount edges { node { action fromStatus toStatus attachments { id } } } } } }`, { id: h.id });
    const steps = history.body.data!['hazard'].history.edges.map((e: any) => e.node);
    expect(steps.map((s: any) => s.action)).toEqual([
      'REPORT', 'CONFIRM', 'PLAN_RECTIFICATION', 'START_RECTIFICATION', 'SUBMIT_RECTIFICATION', 'SEND_BACK_RECTIFICATION', 'SUBMIT_RECTIFICATION', 'VERIFY_RECTIFICATION', 'CLOSE',
    ]);
    expect(steps[0].attachments).toEqual([{ id: photo.id }]);
    expect((await fetch(`${t.origin}/attachments/${photo.id}`, { headers: { authorization: `Bearer ${login.body.data!['login'].accessToken}` } })).status).toBe(200);
    const audits = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'risk.hazard.%'`, [h.id]);
    expect(audits).toEqual([{ n: 9 }]);

    // Another village's officer sees nothing of it.
    expect((await otherVillage(`query($id: UUID!) { hazard(id: $id) { id } }`, { id: h.id })).body.data!['hazard']).toBeNull();
    const theirs = await otherVillage(`{ hazards(first: 100) { edges { node { id organization { id } } } } }`);
    expect(theirs.body.data!['hazards'].edges.map((e: any) => e.node.id)).not.toContain(h.id);
  });

  it('keeps reports within the reporter\'s scope and gives concurrent verifiers one winner', async () => {
    const elsewhere = await step(enterprise, 'reportHazard', 'ReportHazardInput', { organizationId: seedId('org:village-shuanghe'), title: '越权上报', category: 'FIRE', source: 'SELF_CHECK' });
    // Beyond the reporter's scope answers like a missing organization, naming the input field.
    expect(elsewhere.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: seedId('org:village-shuanghe'), field: 'input.organizationId' });

    let h = (await step(enterprise, 'reportHazard', 'ReportHazardInput', { organizationId: ENTERPRISE, title: '灭火器压力不足', category: 'FIRE', source: 'SELF_CHECK' })).body.data!['reportHazard'];
    h = (await step(office, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' })).body.data!['confirmHazard'];
    h = (await step(enterprise, 'planRectification', 'PlanRectificationInput', { id: h.id, version: h.version, measures: '更换灭火器', responsiblePersonId: SAFETY_MANAGER, deadline: inFuture(3) })).body.data!['planRectification'];
    h = (await step(enterprise, 'startRectification', 'HazardStepInput', { id: h.id, version: h.version })).body.data!['startRectification'];
    h = (await step(enterprise, 'submitRectification', 'HazardStepInput', { id: h.id, version: h.version })).body.data!['submitRectification'];
    const [a, b] = await Promise.all([
      step(office, 'verifyRectification', 'HazardStepInput', { id: h.id, version: h.version }),
      step(inspector, 'sendBackRectification', 'HazardStepInput', { id: h.id, version: h.version }),
    ]);
    const codes = [a, b].map((r) => (r.body.errors ? r.body.errors[0]!.extensions!['code'] : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);

    // Whoever won, the hazard is still open (VERIFIED or back to RECTIFYING) and due in 3 days.
    const dueSoon = await office(`{ hazards(filter: { dueWithinDays: 5, search: "灭火器" }) { totalCount edges { node { status } } } }`);
    expect(dueSoon.body.data!['hazards'].totalCount).toBe(1);
    expect(['VERIFIED', 'RECTIFYING']).toContain(dueSoon.body.data!['hazards'].edges[0].node.status);
  });

  it('marks hazards past their deadline as overdue and loads organizations × hazards × history in constant statements', async () => {
    await t.gateway.database.dataSource.query(`UPDATE hazard SET deadline = current_date - 2 WHERE title = '灭火器压力不足' AND organization_id = $1`, [ENTERPRISE]);
    const overdue = await office(`query($id: UUID!) { organization(id: $id) { hazards(first: 100) { edges { node { title overdue } } } } hazards(first: 100, filter: { overdue: true }) { edges { node { overdue } } } }`, { id: ENTERPRISE });
    expect(overdue.body.data!['organization'].hazards.edges).toContainEqual({ node: { title: '灭火器压力不足', overdue: true } });
    expect(overdue.body.data!['hazards'].edges.every((e: any) => e.node.overdue)).toBe(true);
    const q = (n: number) =>
      `{ organizations(first: ${n}, filter: { sectorCodes: ["HAZARDOUS_CHEMICALS"] }, orderBy: { field: NAME }) { edges { node { name hazards(first: ${n}) { totalCount edges { node { title history(first: ${n}) { totalCount edges { node { action } } } } } } } } } }`;
    const nested = `{ organizations(first: 1, filter: { search: "南平加油站" }) { edges { node { hazards(first: 1) { edges { node { history(first: 1) { totalCount } } } } } } } }`;
    const one = await office(nested);
    expect(one.body.data!['organizations'].edges[0].node.hazards.edges).toHaveLength(1);
    const small = await office(q(2));
    const large = await office(q(20));
    expect(large.body.errors).toBeUndefined();
    // One statement, compiled (the read compiler); through the resolvers: organizations, hazards per
    // organization, history per hazard, never more, whatever the page sizes.
    expect([one.statements, small.statements, large.statements]).toEqual([1, 1, 1]);
    const resolvers = await t.resolvers('anban');
    expect((await resolvers(nested)).statements).toBe(3);
    expect((await resolvers(q(2))).statements).toBeLessThanOrEqual(3);
    expect((await resolvers(q(20))).statements).toBe(3);
    expect(large.body.data!['organizations'].edges.some((e: any) => e.node.hazards.totalCount > 0)).toBe(true);
  });
});
