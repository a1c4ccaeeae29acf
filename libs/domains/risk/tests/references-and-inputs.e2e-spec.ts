import { startTestGateway, errorOf, fieldsOf, ok, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { todayInChina } from '@platform/core';
import { riskModule } from '../src/index';

const WENFENG = seedId('org:village-wenfeng');
/** 双河村: a village beside 文凤村, outside its officer's scope. */
const SHUANGHE = seedId('org:village-shuanghe');
const STATION = seedId('org:ent-sinopec-nanping');
/** 文凤村's own people, readable by its officer. */
const WENFENG_LEAD = seedId('person:person-village-wenfeng-lead');
const WENFENG_DISASTER = seedId('person:person-village-wenfeng-disaster');
/** 双河村's village head: outside 文凤村's officer's scope. */
const SHUANGHE_LEAD = seedId('person:person-village-shuanghe-lead');
const UNKNOWN = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** NOT_FOUND for the person, naming the input field: a person the caller may not read answers like a missing one. */
const expectNoSuchPerson = (res: GraphQLResponse, field: string, id: string) => {
  expect(errorOf(res)).toEqual({ code: 'NOT_FOUND', entity: 'Person', id, field });
};

describe('references and input values in the risk module', () => {
  let t: TestGateway;
  let wenfeng: GraphQLClient;
  let office: GraphQLClient;
  let expert: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    [wenfeng, office, expert] = await Promise.all([t.as('wenfeng'), t.as('anban'), t.as('expert')]);
  });
  afterAll(() => t?.close());

  const sql = (query: string, params: unknown[] = []) => t.gateway.database.dataSource.query(query, params);
  const count = async (table: string) => (await sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = 'id version') =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });

  describe('hazard references beyond the caller\'s scope answer NOT_FOUND, exactly like missing ones', () => {
    const hazardWrites = () => sql(`SELECT (SELECT count(*)::int FROM hazard) AS hazards, (SELECT count(*)::int FROM hazard_event) AS steps, (SELECT count(*)::int FROM audit_log WHERE action LIKE 'risk.hazard.%') AS audits`);

    it('reportHazard.organizationId', async () => {
      const report = (organizationId: string) => mutate(wenfeng, 'reportHazard', 'ReportHazardInput', { organizationId, title: '越界上报的隐患', category: 'FIRE', source: 'GRID_PATROL' });
      const before = await hazardWrites();
      expect(errorOf(await report(SHUANGHE))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: SHUANGHE, field: 'input.organizationId' });
      expect(errorOf(await report(UNKNOWN))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: UNKNOWN, field: 'input.organizationId' });
      expect(await hazardWrites()).toEqual(before);
      expect(await ok(report(WENFENG), 'reportHazard')).toMatchObject({ version: 1 });
    });

    it('planRectification.responsiblePersonId', async () => {
      let h = await ok(mutate(wenfeng, 'reportHazard', 'ReportHazardInput', { organizationId: WENFENG, title: '村委会配电箱未接地', category: 'FIRE', source: 'GRID_PATROL' }), 'reportHazard');
      h = await ok(mutate(wenfeng, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' }), 'confirmHazard');
      const plan = (responsiblePersonId: string) =>
        mutate(wenfeng, 'planRectification', 'PlanRectificationInput', { id: h.id, version: h.version, measures: '加装接地线', responsiblePersonId, deadline: inFuture(7) }, 'id version status responsiblePersonId');
      const before = await hazardWrites();
      expect(errorOf(await plan(SHUANGHE_LEAD))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: SHUANGHE_LEAD, field: 'input.responsiblePersonId' });
      expect(errorOf(await plan(UNKNOWN))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: UNKNOWN, field: 'input.responsiblePersonId' });
      expect(await hazardWrites()).toEqual(before);
      expect(await sql(`SELECT status, version, responsible_person_id FROM hazard WHERE id = $1`, [h.id])).toEqual([{ status: 'CONFIRMED', version: h.version, responsible_person_id: null }]);
      expect(await ok(plan(WENFENG_LEAD), 'planRectification')).toMatchObject({ status: 'PLANNED', responsiblePersonId: WENFENG_LEAD });
    });

    it('a step on a hazard of another village', async () => {
      const h = await ok(mutate(wenfeng, 'reportHazard', 'ReportHazardInput', { organizationId: WENFENG, title: '文凤村桥栏杆松动', category: 'OTHER', source: 'GRID_PATROL' }), 'reportHazard');
      const shuanghe = await t.as('shuanghe');
      expect(errorOf(await mutate(shuanghe, 'confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' }))).toEqual({ code: 'NOT_FOUND', entity: 'Hazard', id: h.id });
      expect(await sql(`SELECT status, version FROM hazard WHERE id = $1`, [h.id])).toEqual([{ status: 'REPORTED', version: 1 }]);
      // By global id too: another village's hazard is null, exactly like a missing one.
      const { nodeId } = (await wenfeng(`query($id: UUID!) { hazard(id: $id) { nodeId } }`, { id: h.id })).body.data!['hazard'];
      const byNode = `query($n: ID!) { node(nodeId: $n) { __typename ... on Hazard { id status } } }`;
      expect((await wenfeng(byNode, { n: nodeId })).body.data!['node']).toEqual({ __typename: 'Hazard', id: h.id, status: 'REPORTED' });
      expect((await shuanghe(byNode, { n: nodeId })).body).toEqual({ data: { node: null } });
    });
  });

  describe('person references: a person the caller may read, or NOT_FOUND naming the field', () => {
    it('createRiskPoint and updateRiskPoint monitorPersonId and measures[].ownerPersonId', async () => {
      const create = (input: Record<string, unknown>) => mutate(wenfeng, 'createRiskPoint', 'CreateRiskPointInput', { organizationId: WENFENG, name: '文凤村2组滑坡点', category: 'GEOLOGICAL', level: 'YELLOW', ...input });
      const measures = (ownerPersonId: string) => [
        { kind: 'PERSONNEL', description: '汛期每日巡查', ownerPersonId: WENFENG_LEAD },
        { kind: 'PHYSICAL', description: '裂缝监测桩', ownerPersonId },
      ];
      const before = [await count('risk_point'), await count('risk_control_measure')];
      for (const id of [SHUANGHE_LEAD, UNKNOWN]) {
        expectNoSuchPerson(await create({ monitorPersonId: id }), 'input.monitorPersonId', id);
        expectNoSuchPerson(await create({ measures: measures(id) }), 'input.measures.1.ownerPersonId', id);
      }
      expect([await count('risk_point'), await count('risk_control_measure')]).toEqual(before);

      const point = await ok(create({ monitorPersonId: WENFENG_DISASTER, measures: measures(WENFENG_DISASTER) }), 'createRiskPoint');
      const update = (input: Record<string, unknown>) => mutate(wenfeng, 'updateRiskPoint', 'UpdateRiskPointInput', { id: point.id, version: point.version, ...input }, 'version monitorPersonId measures { ownerPersonId }');
      for (const id of [SHUANGHE_LEAD, UNKNOWN]) {
        expectNoSuchPerson(await update({ monitorPersonId: id }), 'input.monitorPersonId', id);
        expectNoSuchPerson(await update({ measures: measures(id) }), 'input.measures.1.ownerPersonId', id);
      }
      expect(await sql(`SELECT version, monitor_person_id FROM risk_point WHERE id = $1`, [point.id])).toEqual([{ version: 1, monitor_person_id: WENFENG_DISASTER }]);
      expect((await sql(`SELECT owner_person_id FROM risk_control_measure WHERE risk_point_id = $1 ORDER BY owner_person_id`, [point.id])).map((r: any) => r.owner_person_id)).toEqual(
        [WENFENG_LEAD, WENFENG_DISASTER].sort(),
      );
    });

    it('lets a point keep a reference the caller cannot read when it is sent back unchanged', async () => {
      // The town office names 双河村's head on a 文凤村 point; 文凤村's officer edits the point later.
      const point = await ok(
        mutate(office, 'createRiskPoint', 'CreateRiskPointInput', { organizationId: WENFENG, name: '文凤村跨村监测点', category: 'FLOOD', level: 'BLUE', monitorPersonId: SHUANGHE_LEAD, measures: [{ kind: 'MANAGEMENT', description: '两村联合巡查', ownerPersonId: SHUANGHE_LEAD }] }),
        'createRiskPoint',
      );
      const kept = await mutate(wenfeng, 'updateRiskPoint', 'UpdateRiskPointInput', {
        id: point.id,
        version: point.version,
        level: 'YELLOW',
        monitorPersonId: SHUANGHE_LEAD,
        measures: [{ kind: 'MANAGEMENT', description: '两村联合巡查，雨后加密', ownerPersonId: SHUANGHE_LEAD }],
      }, 'version level');
      expect(await ok(kept, 'updateRiskPoint')).toEqual({ version: point.version + 1, level: 'YELLOW' });
    });

    it('recordShelterInspection.inspectorPersonId', async () => {
      const shelter = await ok(mutate(wenfeng, 'createShelter', 'CreateShelterInput', { organizationId: WENFENG, name: '文凤村小学操场', type: 'OUTDOOR', capacity: 300 }), 'createShelter');
      const inspect = (inspectorPersonId: string) =>
        mutate(wenfeng, 'recordShelterInspection', 'RecordShelterInspectionInput', { shelterId: shelter.id, inspectedOn: todayInChina(), result: 'PASSED', inspectorPersonId }, 'id inspector { id }');
      const before = await count('shelter_inspection');
      expectNoSuchPerson(await inspect(SHUANGHE_LEAD), 'input.inspectorPersonId', SHUANGHE_LEAD);
      expectNoSuchPerson(await inspect(UNKNOWN), 'input.inspectorPersonId', UNKNOWN);
      expect(await count('shelter_inspection')).toBe(before);
      expect(await ok(inspect(WENFENG_DISASTER), 'recordShelterInspection')).toMatchObject({ inspector: { id: WENFENG_DISASTER } });
    });

    it('recordExpertVisit.expertPersonId', async () => {
      // The expert role reads no persons: any person id is one it may not name.
      const visit = (client: GraphQLClient, expertPersonId: string) =>
        mutate(client, 'recordExpertVisit', 'RecordExpertVisitInput', { organizationId: STATION, expertName: '王建国', expertPersonId, visitedOn: todayInChina(), findings: '油罐区专项指导，未发现隐患。', hazards: [] });
      const before = await count('expert_visit');
      expectNoSuchPerson(await visit(expert, WENFENG_LEAD), 'input.expertPersonId', WENFENG_LEAD);
      expectNoSuchPerson(await visit(expert, UNKNOWN), 'input.expertPersonId', UNKNOWN);
      expectNoSuchPerson(await visit(office, UNKNOWN), 'input.expertPersonId', UNKNOWN);
      expect(await count('expert_visit')).toBe(before);
      await ok(visit(office, WENFENG_LEAD), 'recordExpertVisit');
    });
  });

  describe('input strings and dates', () => {
    const report = (input: Record<string, unknown>) =>
      mutate(wenfeng, 'reportHazard', 'ReportHazardInput', { organizationId: WENFENG, category: 'FIRE', source: 'GRID_PATROL', ...input }, 'id title description foundAt');

    it('refuses a blank title and stores titles trimmed', async () => {
      const before = await count('hazard');
      const blank = await report({ title: '     ' });
      expect(errorOf(blank)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(blank)).toEqual([expect.objectContaining({ field: 'input.title', rule: 'isLength' })]);
      expect(await count('hazard')).toBe(before);

      const h = await ok(report({ title: '  村道路灯线路裸露 \n', description: '\t3组路口 ' }), 'reportHazard');
      expect(h).toMatchObject({ title: '村道路灯线路裸露', description: '3组路口' });
      expect(await sql(`SELECT title, description FROM hazard WHERE id = $1`, [h.id])).toEqual([{ title: '村道路灯线路裸露', description: '3组路口' }]);
    });

    it('refuses a date-time outside 1900–2100 as bad input, in a variable or inline', async () => {
      const before = await count('hazard');
      const variable = await report({ title: '年份错误的隐患', foundAt: '0001-01-01T00:00:00Z' });
      expect(variable.status).toBe(400);
      expect(errorOf(variable)?.['code']).toBe('BAD_USER_INPUT');
      expect(variable.body.errors![0]!.message).toContain('DateTime must be between 1900-01-01 and 2100-12-31');

      const inline = await wenfeng(`mutation { reportHazard(input: { organizationId: "${WENFENG}", title: "年份错误的隐患", category: FIRE, source: GRID_PATROL, foundAt: "1899-12-31T23:59:59Z" }) { id } }`);
      expect(inline.status).toBe(400);
      expect(inline.body.errors![0]!.message).toContain('DateTime must be between 1900-01-01 and 2100-12-31');
      expect(await count('hazard')).toBe(before);

      const old = await ok(report({ title: '民国年间的老隐患', foundAt: '1900-01-01T00:00:00Z' }), 'reportHazard');
      expect(old.foundAt).toBe('1900-01-01T00:00:00.000Z');
    });

    it('refuses a day outside 1900–2100 as a 400 naming the value, inline or in a variable', async () => {
      const rule = 'LocalDate must be a calendar day YYYY-MM-DD from 1900-01-01 to 2100-12-31, got "1000-01-01".';
      const inline = await office(`{ hazardIndicators(from: "1000-01-01", to: "2026-01-01") { found } }`);
      expect([inline.status, errorOf(inline)?.['code'], inline.body.errors![0]!.message]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', rule]);
      expect((inline.body.errors![0] as { locations?: unknown }).locations).toEqual([{ line: 1, column: 26 }]);
      const variable = await office(`query($from: LocalDate!) { hazardIndicators(from: $from, to: "2026-01-01") { found } }`, { from: '1000-01-01' });
      expect([variable.status, errorOf(variable)?.['code'], variable.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', `Variable "$from" got invalid value "1000-01-01"; ${rule}`]);
      // Within an input object, the message names the variable and the path to the field.
      const nested = await office(`query($filter: ExpertVisitFilter) { expertVisits(filter: $filter) { totalCount } }`, { filter: { from: '2025-02-30' } });
      expect([nested.status, errorOf(nested)?.['code'], nested.body.errors![0]!.message]).toEqual([
        400,
        'BAD_USER_INPUT',
        'Variable "$filter" got invalid value "2025-02-30" at "filter.from"; LocalDate must be a calendar day YYYY-MM-DD from 1900-01-01 to 2100-12-31, got "2025-02-30".',
      ]);
    });

    it('keeps the spaces of a password: the account signs in with exactly what was set', async () => {
      const admin = await t.as('admin');
      const password = '  Spaced pass 2025  ';
      await ok(mutate(admin, 'createUser', 'CreateUserInput', { username: 'spaced-password', password, displayName: '  空格测试  ' }, 'id displayName'), 'createUser');
      const signedIn = await t.as('spaced-password', password);
      expect(await ok(signedIn(`{ viewer { kind displayName } }`), 'viewer')).toEqual({ kind: 'USER', displayName: '空格测试' });
      await expect(t.token('spaced-password', password.trim())).rejects.toThrow(/login as spaced-password failed/);
    });
  });
});
