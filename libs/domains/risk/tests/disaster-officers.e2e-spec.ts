import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';
import { todayInChina } from '@platform/core';

const MODULES = [directoryModule, accessModule, riskModule];

const WENFENG = seedId('org:village-wenfeng');
const GRID_WENFENG_1 = seedId('org:grid-wenfeng-1');
const SHUANGHE = seedId('org:village-shuanghe');
const LONGSHAN = seedId('org:village-longshan');
const WENFENG_DISASTER = seedId('person:person-village-wenfeng-disaster');
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const LONGSHAN_DISASTER = seedId('person:person-village-longshan-disaster');
const OFFICER = `id version role appointedOn endedOn organization { name } person { name phone }`;
const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('disaster information officers (灾害信息员)', () => {
  let t: TestGateway;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  let office: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    // Appointments of their own: the seed's demo officers and trainings are removed first.
    await t.gateway.database.dataSource.query(`DELETE FROM disaster_information_officer; DELETE FROM training_record`);
    [wenfeng, shuanghe, grid, office] = await Promise.all([t.as('wenfeng'), t.as('shuanghe'), t.as('wenfeng-grid1'), t.as('anban')]);
  });
  afterAll(() => t?.close());

  const appoint = (client: GraphQLClient, input: Record<string, unknown>) =>
    client(`mutation($input: AppointDisasterOfficerInput!) { appointDisasterOfficer(input: $input) { ${OFFICER} } }`, { input: { appointedOn: daysAgo(100), ...input } });
  const end = (client: GraphQLClient, input: Record<string, unknown>) =>
    client(`mutation($input: EndDisasterOfficerInput!) { endDisasterOfficer(input: $input) { ${OFFICER} } }`, { input });
  const list = async (client: GraphQLClient, filter = '{}') => {
    const res = await client(`{ disasterOfficers(first: 100, filter: ${filter}) { totalCount edges { node { id role endedOn organization { name } person { name } } } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['disasterOfficers'];
  };
  const villagesWithout = async (client: GraphQLClient) => {
    const res = await client(`{ villagesWithoutDisasterOfficer(first: 100) { totalCount edges { node { name kind } } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['villagesWithoutDisasterOfficer'].edges.map((e: any) => e.node.name) as string[];
  };

  it('appoints primary and backup officers of 文凤村, scoped to the village', async () => {
    const a = await appoint(wenfeng, { organizationId: WENFENG, personId: WENFENG_DISASTER, role: 'A' });
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data!['appointDisasterOfficer']).toMatchObject({ version: 1, role: 'A', endedOn: null, organization: { name: '文凤村' }, person: { name: expect.any(String), phone: expect.any(String) } });
    const b = await appoint(wenfeng, { organizationId: WENFENG, personId: WENFENG_EMERGENCY, role: 'B', appointedOn: daysAgo(50) });
    expect(b.body.errors).toBeUndefined();

    const again = await appoint(wenfeng, { organizationId: WENFENG, personId: WENFENG_DISASTER, role: 'A' });
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT' });
    expect(fieldsOf(await appoint(wenfeng, { organizationId: GRID_WENFENG_1, personId: WENFENG_DISASTER, role: 'B' }))).toEqual([
      expect.objectContaining({ field: 'input.organizationId', rule: 'villageOrCommunity' }),
    ]);
    expect(fieldsOf(await appoint(wenfeng, { organizationId: WENFENG, personId: WENFENG_DISASTER, role: 'B', appointedOn: daysAgo(-1) }))).toEqual([
      expect.objectContaining({ field: 'input.appointedOn', rule: 'notFuture' }),
    ]);

    const mine = await list(wenfeng, `{ withinSubtreeOf: "${WENFENG}" }`);
    expect(mine.totalCount).toBe(2);
    expect(mine.edges.map((e: any) => e.node.role)).toEqual(['B', 'A']);
    expect((await list(wenfeng, `{ role: A }`)).edges.map((e: any) => e.node.id)).toEqual([a.body.data!['appointDisasterOfficer'].id]);

    // 双河村's officer sees none, may not appoint in 文凤村 nor a person of 文凤村 in 双河村; the grid worker only reads.
    expect((await list(shuanghe)).totalCount).toBe(0);
    // References outside the caller's scope are answered like missing ones: NOT_FOUND on the field.
    expect(errorOf(await appoint(shuanghe, { organizationId: WENFENG, personId: WENFENG_DISASTER, role: 'B' }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
    expect(errorOf(await appoint(shuanghe, { organizationId: SHUANGHE, personId: WENFENG_DISASTER, role: 'A' }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: WENFENG_DISASTER, field: 'input.personId' });
    expect(errorOf(await end(shuanghe, { id: a.body.data!['appointDisasterOfficer'].id, version: 1, endedOn: daysAgo(0) }))).toMatchObject({ code: 'NOT_FOUND', entity: 'DisasterInformationOfficer' });
    expect(errorOf(await appoint(grid, { organizationId: WENFENG, personId: WENFENG_DISASTER, role: 'B' }))).toMatchObject({ code: 'FORBIDDEN', permission: 'risk.register:write' });
    expect((await list(office, `{ withinSubtreeOf: "${WENFENG}" }`)).totalCount).toBe(2);
  });

  it('finds villages without a primary officer and officers missing their partner, and ends an appointment', async () => {
    const without = await villagesWithout(office);
    expect(without).toContain('双河村');
    expect(without).not.toContain('文凤村');
    expect(await villagesWithout(wenfeng)).toEqual([]);
    expect(await villagesWithout(shuanghe)).toEqual(['双河村']);
    expect(await villagesWithout(grid)).toEqual([]);

    const longshan = (await appoint(office, { organizationId: LONGSHAN, personId: LONGSHAN_DISASTER, role: 'A' })).body.data!['appointDisasterOfficer'];
    expect(await villagesWithout(office)).not.toContain('龙山村');
    expect((await list(office, `{ missingRole: true }`)).edges.map((e: any) => e.node.id)).toEqual([longshan.id]);
    expect((await list(office, `{ missingRole: false }`)).edges.map((e: any) => e.node.organization.name)).toEqual(['文凤村', '文凤村']);

    const b = (await list(wenfeng, `{ role: B }`)).edges[0].node;
    const version = (await t.gateway.database.dataSource.query(`SELECT version FROM disaster_information_officer WHERE id = $1`, [b.id]))[0].version;
    expect(fieldsOf(await end(wenfeng, { id: b.id, version, endedOn: daysAgo(60) }))).toEqual([expect.objectContaining({ field: 'input.endedOn', rule: 'afterAppointment' })]);
    expect(errorOf(await end(wenfeng, { id: b.id, version: version + 1, endedOn: daysAgo(0) }))).toMatchObject({ code: 'CONFLICT' });
    const ended = await end(wenfeng, { id: b.id, version, endedOn: daysAgo(1) });
    expect(ended.body.data!['endDisasterOfficer']).toMatchObject({ version: version + 1, endedOn: daysAgo(1) });
    expect(fieldsOf(await end(wenfeng, { id: b.id, version: version + 1, endedOn: daysAgo(0) }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notEnded' })]);

    expect((await list(wenfeng)).totalCount).toBe(1);
    expect((await list(wenfeng, `{ includeEnded: true }`)).totalCount).toBe(2);
    expect((await list(wenfeng, `{ missingRole: true }`)).edges.map((e: any) => e.node.role)).toEqual(['A']);
    // The backup ending leaves the primary: 文凤村 still has its A岗.
    expect(await villagesWithout(office)).not.toContain('文凤村');

    const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [b.id]);
    expect(audits.map((r: any) => r.action)).toEqual(['risk.disaster-officer.appoint', 'risk.disaster-officer.end']);
  });

  it('shows the trainings of the officer from the directory, with the last training day', async () => {
    const recordTraining = (trainedOn: string) =>
      wenfeng(`mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id } }`, {
        input: { personId: WENFENG_DISASTER, topic: '灾情信息报送业务培训', kind: 'DISASTER_INFORMATION', trainedOn, hours: 3, provider: '南川区应急管理局' },
      });
    expect((await recordTraining(daysAgo(20))).body.errors).toBeUndefined();
    expect((await recordTraining(daysAgo(5))).body.errors).toBeUndefined();
    const res = await wenfeng(`{ disasterOfficers(filter: { role: A }) { edges { node { lastTrainedOn trainings(first: 1) { totalCount edges { node { trainedOn kind } } } } } } }`);
    expect(res.body.data!['disasterOfficers'].edges[0].node).toEqual({
      lastTrainedOn: daysAgo(5),
      trainings: { totalCount: 2, edges: [{ node: { trainedOn: daysAgo(5), kind: 'DISASTER_INFORMATION' } }] },
    });
  });

  it('loads officers × person × trainings × last training in the same number of statements for any page size', async () => {
    for (const slug of ['shixi', 'jinlong', 'xinhua', 'fushou']) {
      const res = await appoint(office, { organizationId: seedId(`org:village-${slug}`), personId: seedId(`person:person-village-${slug}-lead`), role: 'A' });
      expect(res.body.errors).toBeUndefined();
    }
    const q = (n: number) => `{ disasterOfficers(first: ${n}) { edges { node { person { name } trainings { totalCount } lastTrainedOn } } } }`;
    const small = await office(q(2));
    const large = await office(q(20));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data!['disasterOfficers'].edges).toHaveLength(2);
    expect(large.body.data!['disasterOfficers'].edges.length).toBeGreaterThan(4);
    // Compiled: officers with their persons (a declared reference, nested), then trainings per person and last training per person (their resolvers)
    expect(small.statements).toBe(3);
    expect(large.statements).toBe(small.statements);
  });

  it('answers simultaneous appointments of the same officer with one success and CONFLICT for the rest', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => appoint(office, { organizationId: WENFENG, personId: WENFENG_EMERGENCY, role: 'A', appointedOn: daysAgo(3) })));
    const codes = results.map((r) => (r.body.errors ? errorOf(r)!['code'] : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    const [{ n }] = await t.gateway.database.dataSource.query(
      `SELECT count(*)::int AS n FROM disaster_information_officer WHERE organization_id = $1 AND person_id = $2 AND role = 'A' AND ended_on IS NULL`,
      [WENFENG, WENFENG_EMERGENCY],
    );
    expect(n).toBe(1);
  });
});
