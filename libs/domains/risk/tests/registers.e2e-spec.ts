import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';
import { todayInChina } from '@platform/core';

const MODULES = [directoryModule, accessModule, riskModule];

const WENFENG = seedId('org:village-wenfeng');
const GRID_WENFENG_1 = seedId('org:grid-wenfeng-1');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_OFFICER = seedId('person:person-village-wenfeng-emergency');
const UNKNOWN = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const SHELTER = `id version name type capacity areaM2 address dualUse status archivedAt location { longitude latitude geoJson } organization { name }`;
const FACILITY = `id version kind description quantity status lastInspectedOn inspectionIntervalDays inspectionOverdue`;
const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('disaster-prevention registers (防灾台账)', () => {
  let t: TestGateway;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  let office: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    // Registers of their own: the seed's demo shelters and facilities are removed first.
    await t.gateway.database.dataSource.query(`DELETE FROM shelter_inspection; DELETE FROM shelter; DELETE FROM fire_facility`);
    [wenfeng, shuanghe, grid, office] = await Promise.all([t.as('wenfeng'), t.as('shuanghe'), t.as('wenfeng-grid1'), t.as('anban')]);
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = SHELTER) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const createShelter = async (input: Record<string, unknown>) => {
    const res = await mutate(wenfeng, 'createShelter', 'CreateShelterInput', { organizationId: WENFENG, type: 'OUTDOOR', capacity: 100, ...input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['createShelter'];
  };
  const inspect = (client: GraphQLClient, input: Record<string, unknown>) =>
    mutate(client, 'recordShelterInspection', 'RecordShelterInspectionInput', input, 'id inspectedOn result findings inspector { name } shelter { id }');

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('creates a shelter in one statement with its audit entry and event; a refused create writes nothing', async () => {
    const db = t.gateway.database.dataSource;
    const written = async (name: string) => {
      const [row] = await db.query(
        `SELECT (SELECT count(*) FROM shelter WHERE name = $1)::int AS shelters,
                (SELECT count(*) FROM audit_log a JOIN shelter s ON s.id = a.entity_id WHERE s.name = $1 AND a.action = 'risk.shelter.create')::int AS audits,
                (SELECT count(*) FROM event_outbox e JOIN shelter s ON s.id = (e.payload->>'id')::uuid WHERE s.name = $1 AND e.type = 'risk.shelter.created')::int AS events`,
        [name],
      );
      return row;
    };
    await createShelter({ name: '文凤村预热' });
    const res = await mutate(wenfeng, 'createShelter', 'CreateShelterInput', { organizationId: WENFENG, name: '文凤村一语句', type: 'INDOOR', capacity: 120 }, 'id version name capacity');
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    const created = res.body.data!['createShelter'];
    expect(created).toMatchObject({ version: 1, name: '文凤村一语句', capacity: 120 });
    expect(await written('文凤村一语句')).toEqual({ shelters: 1, audits: 1, events: 1 });
    const [entry] = await db.query(`SELECT actor_kind, entity_type, changes FROM audit_log WHERE entity_id = $1`, [created.id]);
    expect(entry).toEqual({ actor_kind: 'user', entity_type: 'Shelter', changes: { organizationId: WENFENG, name: '文凤村一语句', type: 'INDOOR', capacity: 120 } });
    const [event] = await db.query(`SELECT payload, actor_kind FROM event_outbox WHERE type = 'risk.shelter.created' AND payload->>'id' = $1`, [created.id]);
    expect(event).toEqual({ payload: { id: created.id, organizationId: WENFENG }, actor_kind: 'user' });

    // Out of scope, missing, archived: the answer of a reference, and no shelter, audit entry or event.
    const attempt = async (client: GraphQLClient, organizationId: string, name: string) => {
      const r = await mutate(client, 'createShelter', 'CreateShelterInput', { organizationId, name, type: 'INDOOR', capacity: 10 });
      expect(await written(name)).toEqual({ shelters: 0, audits: 0, events: 0 });
      return r;
    };
    const refused = async (client: GraphQLClient, organizationId: string, name: string) => errorOf(await attempt(client, organizationId, name));
    expect(await refused(shuanghe, WENFENG, '越权一语句')).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
    expect(await refused(wenfeng, UNKNOWN, '不存在一语句')).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: UNKNOWN, field: 'input.organizationId' });
    await db.query(`UPDATE organization SET archived_at = now() WHERE id = $1`, [GRID_WENFENG_1]);
    try {
      const archived = await attempt(wenfeng, GRID_WENFENG_1, '已撤销一语句');
      expect(errorOf(archived)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(fieldsOf(archived)).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'notArchived' })]);
    } finally {
      await db.query(`UPDATE organization SET archived_at = NULL WHERE id = $1`, [GRID_WENFENG_1]);
    }
  });

  it('keeps a shelter of 文凤村 through create, list, update and archive, unseen by another village', async () => {
    let s = await createShelter({ name: '文凤村村委会广场', capacity: 800, areaM2: 1200.5, address: '文凤村村委会前', location: { longitude: 107.0868, latitude: 29.0713 }, dualUse: true });
    expect(s).toMatchObject({ version: 1, status: 'AVAILABLE', dualUse: true, areaM2: 1200.5, archivedAt: null, organization: { name: '文凤村' } });
    expect(s.location.geoJson).toEqual({ type: 'Point', coordinates: [107.0868, 29.0713] });

    const list = (client: GraphQLClient, filter: string) => client(`{ shelters(filter: ${filter}) { totalCount edges { node { id } } } }`);
    const ids = (res: GraphQLResponse) => res.body.data!['shelters'].edges.map((e: any) => e.node.id);
    expect(ids(await list(wenfeng, `{ withinSubtreeOf: "${WENFENG}", dualUse: true, minCapacity: 500, status: AVAILABLE }`))).toContain(s.id);
    expect(ids(await list(wenfeng, `{ minCapacity: 801 }`))).not.toContain(s.id);
    expect(ids(await list(wenfeng, `{ dualUse: false }`))).not.toContain(s.id);
    expect(ids(await list(office, `{ withinSubtreeOf: "${WENFENG}" }`))).toContain(s.id);
    expect(ids(await list(office, `{ withinSubtreeOf: "${SHUANGHE}" }`))).not.toContain(s.id);

    // 双河村's officer: not found anywhere, and may not register under 文凤村.
    expect((await shuanghe(`query($id: UUID!) { shelter(id: $id) { id } }`, { id: s.id })).body.data!['shelter']).toBeNull();
    expect((await shuanghe(`{ shelters { totalCount } }`)).body.data!['shelters'].totalCount).toBe(0);
    expect(errorOf(await mutate(shuanghe, 'updateShelter', 'UpdateShelterInput', { id: s.id, version: s.version, capacity: 1 }))).toMatchObject({ code: 'NOT_FOUND', entity: 'Shelter' });
    expect(errorOf(await mutate(shuanghe, 'archiveShelter', 'ArchiveInput', { id: s.id, version: s.version }))).toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await mutate(shuanghe, 'createShelter', 'CreateShelterInput', { organizationId: WENFENG, name: '越权登记', type: 'INDOOR', capacity: 10 });
    // An organization outside the caller's register scope is answered like a missing one.
    expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
    const unknown = await mutate(wenfeng, 'updateShelter', 'UpdateShelterInput', { id: s.id, version: s.version, organizationId: UNKNOWN });
    expect(errorOf(unknown)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: UNKNOWN, field: 'input.organizationId' });

    s = (await mutate(wenfeng, 'updateShelter', 'UpdateShelterInput', { id: s.id, version: s.version, capacity: 900, status: 'UNDER_REPAIR', address: null })).body.data!['updateShelter'];
    expect(s).toMatchObject({ version: 2, capacity: 900, status: 'UNDER_REPAIR', address: null, name: '文凤村村委会广场', dualUse: true });
    const stale = await mutate(wenfeng, 'updateShelter', 'UpdateShelterInput', { id: s.id, version: 1, capacity: 1000 });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    // A required field cannot be cleared with null.
    const cleared = await mutate(wenfeng, 'updateShelter', 'UpdateShelterInput', { id: s.id, version: s.version, name: null });
    expect(fieldsOf(cleared).map((f) => f.field)).toContain('input.name');

    s = (await mutate(wenfeng, 'archiveShelter', 'ArchiveInput', { id: s.id, version: s.version })).body.data!['archiveShelter'];
    expect(s.archivedAt).not.toBeNull();
    expect(ids(await list(wenfeng, `{ withinSubtreeOf: "${WENFENG}" }`))).not.toContain(s.id);
    expect(ids(await list(wenfeng, `{ includeArchived: true }`))).toContain(s.id);
    expect((await wenfeng(`query($id: UUID!) { shelter(id: $id) { archivedAt } }`, { id: s.id })).body.data!['shelter'].archivedAt).toBe(s.archivedAt);
    const again = await mutate(wenfeng, 'archiveShelter', 'ArchiveInput', { id: s.id, version: s.version });
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
    const archivedInspection = await inspect(wenfeng, { shelterId: s.id, inspectedOn: daysAgo(0), result: 'PASSED' });
    expect(fieldsOf(archivedInspection)).toEqual([expect.objectContaining({ field: 'input.shelterId', rule: 'notArchived' })]);

    const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [s.id]);
    expect(audits.map((a: any) => a.action)).toEqual(['risk.shelter.create', 'risk.shelter.update', 'risk.shelter.archive']);
  });

  it('lets a grid worker read the shelters of the grid but not register one', async () => {
    const inGrid = await createShelter({ organizationId: GRID_WENFENG_1, name: '文凤村第一网格晒坝', capacity: 150 });
    const village = await createShelter({ name: '文凤村小学操场', type: 'SCHOOL', capacity: 400 });
    const seen = await grid(`{ shelters(first: 100) { edges { node { id } } } }`);
    const seenIds = seen.body.data!['shelters'].edges.map((e: any) => e.node.id);
    expect(seenIds).toContain(inGrid.id);
    expect(seenIds).not.toContain(village.id);
    expect((await grid(`query($id: UUID!) { shelter(id: $id) { name } }`, { id: inGrid.id })).body.data!['shelter']).toEqual({ name: '文凤村第一网格晒坝' });

    const refused = await mutate(grid, 'createShelter', 'CreateShelterInput', { organizationId: GRID_WENFENG_1, name: '网格员登记', type: 'OUTDOOR', capacity: 10 });
    expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', permission: 'risk.register:write' });
    const noInspection = await inspect(grid, { shelterId: inGrid.id, inspectedOn: daysAgo(0), result: 'PASSED' });
    expect(errorOf(noInspection)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field and the rule of invalid input', async () => {
    const negative = await mutate(wenfeng, 'createShelter', 'CreateShelterInput', { organizationId: WENFENG, name: '负数', type: 'OUTDOOR', capacity: -1, location: { longitude: 107, latitude: 100 } });
    expect(errorOf(negative)!['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(negative)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'input.capacity', rule: 'min' }), expect.objectContaining({ field: 'input.location.latitude', rule: 'isLatitude' })]),
    );
    expect(fieldsOf(await wenfeng(`{ shelters(filter: { minCapacity: -5 }) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'filter.minCapacity', rule: 'min' })]);
    const facility = await mutate(wenfeng, 'createFireFacility', 'CreateFireFacilityInput', { organizationId: WENFENG, kind: 'HYDRANT', description: '消火栓', quantity: 0 }, FACILITY);
    expect(fieldsOf(facility)).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'min' })]);

    const s = await createShelter({ name: '文凤村活动室' });
    expect(fieldsOf(await inspect(wenfeng, { shelterId: s.id, inspectedOn: daysAgo(-2), result: 'PASSED' }))).toEqual([expect.objectContaining({ field: 'input.inspectedOn', rule: 'notFuture' })]);
    const malformed = await inspect(wenfeng, { shelterId: s.id, inspectedOn: '2025-02-30', result: 'PASSED' });
    expect([malformed.status, errorOf(malformed)?.['code'], malformed.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringContaining('at "input.inspectedOn"; LocalDate must be a calendar day YYYY-MM-DD')]);
    expect(fieldsOf(await inspect(wenfeng, { shelterId: s.id, inspectedOn: daysAgo(1), result: 'ISSUES_FOUND' }))).toEqual([expect.objectContaining({ field: 'input.findings', rule: 'required' })]);
    const nobody = await inspect(wenfeng, { shelterId: s.id, inspectedOn: daysAgo(1), result: 'PASSED', inspectorPersonId: '00000000-0000-4000-8000-000000000000' });
    expect(errorOf(nobody)).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: '00000000-0000-4000-8000-000000000000', field: 'input.inspectorPersonId' });
  });

  it('lists shelter inspections newest first with the last inspection day, leaving the shelter as it was', async () => {
    const s = await createShelter({ name: '文凤村文化广场' });
    for (const [day, result, findings] of [[daysAgo(10), 'PASSED', null], [daysAgo(2), 'ISSUES_FOUND', '应急照明损坏'], [daysAgo(5), 'PASSED', null]] as const) {
      const res = await inspect(wenfeng, { shelterId: s.id, inspectedOn: day, result, findings, inspectorPersonId: WENFENG_OFFICER });
      expect(res.body.data!['recordShelterInspection']).toMatchObject({ inspectedOn: day, result, shelter: { id: s.id }, inspector: { name: expect.any(String) } });
    }
    expect(errorOf(await inspect(shuanghe, { shelterId: s.id, inspectedOn: daysAgo(1), result: 'PASSED' }))).toEqual({ code: 'NOT_FOUND', entity: 'Shelter', id: s.id, field: 'input.shelterId' });

    const page = (after?: string) =>
      wenfeng(`query($id: UUID!, $after: String) { shelter(id: $id) { version lastInspectedOn inspections(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { inspectedOn result findings } } } } }`, { id: s.id, after });
    const first = (await page()).body.data!['shelter'];
    expect(first).toMatchObject({ version: 1, lastInspectedOn: daysAgo(2) });
    expect(first.inspections.totalCount).toBe(3);
    expect(first.inspections.edges.map((e: any) => e.node)).toEqual([
      { inspectedOn: daysAgo(2), result: 'ISSUES_FOUND', findings: '应急照明损坏' },
      { inspectedOn: daysAgo(5), result: 'PASSED', findings: null },
    ]);
    expect(first.inspections.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.inspections.pageInfo.endCursor)).body.data!['shelter'];
    expect(second.inspections.edges.map((e: any) => e.node.inspectedOn)).toEqual([daysAgo(10)]);
    expect(second.inspections.pageInfo.hasNextPage).toBe(false);

    const never = await createShelter({ name: '文凤村新建避难点' });
    expect((await wenfeng(`query($id: UUID!) { shelter(id: $id) { lastInspectedOn inspections { totalCount } } }`, { id: never.id })).body.data!['shelter']).toEqual({
      lastInspectedOn: null,
      inspections: { totalCount: 0 },
    });
  });

  it('loads shelters × inspections × last inspection × organization in the same number of statements for any page size', async () => {
    for (const name of ['文凤村避难点甲', '文凤村避难点乙', '文凤村避难点丙']) {
      const s = await createShelter({ name });
      await inspect(wenfeng, { shelterId: s.id, inspectedOn: daysAgo(3), result: 'PASSED' });
      await inspect(wenfeng, { shelterId: s.id, inspectedOn: daysAgo(1), result: 'PASSED' });
    }
    const q = (n: number) =>
      `{ shelters(first: ${n}) { edges { node { name inspections(first: ${n}) { totalCount edges { node { inspectedOn result } } } lastInspectedOn organization { name } } } } }`;
    const small = await wenfeng(q(2));
    const large = await wenfeng(q(20));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data!['shelters'].edges).toHaveLength(2);
    expect(large.body.data!['shelters'].edges.length).toBeGreaterThan(4);
    expect(large.body.data!['shelters'].edges.filter((e: any) => e.node.inspections.totalCount === 2).length).toBeGreaterThanOrEqual(3);
    // Compiled: one statement, then the last inspection of every shelter (its resolver). The resolvers
    // (x-read-compiler: off): shelters, inspections per shelter, last inspection per shelter, organizations.
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
    const resolvers = await t.resolvers('wenfeng');
    const [smallOff, largeOff] = [await resolvers(q(2)), await resolvers(q(20))];
    expect(largeOff.body).toEqual(large.body);
    expect(smallOff.statements).toBe(4);
    expect(largeOff.statements).toBe(4);
  });

  it('finds fire facilities whose inspection is overdue, in China days computed in SQL', async () => {
    const create = async (description: string, extra: Record<string, unknown> = {}) => {
      const res = await mutate(wenfeng, 'createFireFacility', 'CreateFireFacilityInput', { organizationId: WENFENG, kind: 'EXTINGUISHER', description, quantity: 4, ...extra }, FACILITY);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!['createFireFacility'];
    };
    const never = await create('村委会一楼灭火器');
    const fresh = await create('村委会二楼灭火器', { lastInspectedOn: daysAgo(3) });
    const late = await create('村口消火栓', { kind: 'HYDRANT', quantity: 1, location: { longitude: 107.087, latitude: 29.071 } });
    const dueToday = await create('卫生室火灾报警', { kind: 'ALARM', quantity: 2 });
    const weekly = await create('仓库消防柜', { kind: 'FIRE_CABINET', quantity: 1, inspectionIntervalDays: 7 });
    expect(never).toMatchObject({ version: 1, status: 'OK', inspectionIntervalDays: 30, lastInspectedOn: null, inspectionOverdue: true });
    expect(fresh).toMatchObject({ lastInspectedOn: daysAgo(3), inspectionOverdue: false });

    // Days set by hand, relative to today in China as the database sees it.
    const setDays = `UPDATE fire_facility SET last_inspected_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - $2::int WHERE id = $1`;
    await t.gateway.database.dataSource.query(setDays, [late.id, 31]);
    await t.gateway.database.dataSource.query(setDays, [dueToday.id, 30]);
    await t.gateway.database.dataSource.query(setDays, [weekly.id, 8]);

    const list = async (filter: string) => {
      const res = await wenfeng(`{ fireFacilities(first: 100, filter: ${filter}) { totalCount edges { node { description inspectionOverdue } } } }`);
      expect(res.body.errors).toBeUndefined();
      return res.body.data!['fireFacilities'];
    };
    const overdue = await list(`{ withinSubtreeOf: "${WENFENG}", inspectionOverdue: true }`);
    expect(overdue.edges.map((e: any) => e.node.description).sort()).toEqual(['仓库消防柜', '村口消火栓', '村委会一楼灭火器'].sort());
    expect(overdue.edges.every((e: any) => e.node.inspectionOverdue === true)).toBe(true);
    const inTime = await list(`{ withinSubtreeOf: "${WENFENG}", inspectionOverdue: false }`);
    expect(inTime.edges.map((e: any) => e.node.description).sort()).toEqual(['卫生室火灾报警', '村委会二楼灭火器'].sort());
    expect(inTime.edges.every((e: any) => e.node.inspectionOverdue === false)).toBe(true);
    expect((await list(`{ kinds: [HYDRANT, ALARM], inspectionOverdue: true }`)).edges.map((e: any) => e.node.description)).toEqual(['村口消火栓']);

    // Inspecting the hydrant restarts its interval and records what was found.
    const record = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'recordFireFacilityInspection', 'RecordFireFacilityInspectionInput', input, FACILITY);
    const lateNow = (await t.gateway.database.dataSource.query(`SELECT version FROM fire_facility WHERE id = $1`, [late.id]))[0].version;
    expect(fieldsOf(await record(wenfeng, { id: late.id, version: lateNow, inspectedOn: daysAgo(-1), status: 'OK' }))).toEqual([expect.objectContaining({ field: 'input.inspectedOn', rule: 'notFuture' })]);
    expect(fieldsOf(await record(wenfeng, { id: late.id, version: lateNow, inspectedOn: daysAgo(40), status: 'OK' }))).toEqual([expect.objectContaining({ field: 'input.inspectedOn', rule: 'notBeforeLast' })]);
    expect(errorOf(await record(shuanghe, { id: late.id, version: lateNow, inspectedOn: daysAgo(0), status: 'OK' }))).toMatchObject({ code: 'NOT_FOUND' });
    const inspected = (await record(wenfeng, { id: late.id, version: lateNow, inspectedOn: daysAgo(0), status: 'FAULTY' })).body.data!['recordFireFacilityInspection'];
    expect(inspected).toMatchObject({ version: lateNow + 1, lastInspectedOn: daysAgo(0), status: 'FAULTY', inspectionOverdue: false });
    expect(errorOf(await record(wenfeng, { id: late.id, version: lateNow, inspectedOn: daysAgo(0), status: 'OK' }))).toMatchObject({ code: 'CONFLICT' });
    expect((await list(`{ status: FAULTY }`)).edges.map((e: any) => e.node.description)).toEqual(['村口消火栓']);

    // Scope and permission as for shelters.
    expect((await shuanghe(`{ fireFacilities { totalCount } }`)).body.data!['fireFacilities'].totalCount).toBe(0);
    expect((await shuanghe(`query($id: UUID!) { fireFacility(id: $id) { id } }`, { id: never.id })).body.data!['fireFacility']).toBeNull();
    expect(errorOf(await mutate(shuanghe, 'updateFireFacility', 'UpdateFireFacilityInput', { id: never.id, version: 1, quantity: 5 }, FACILITY))).toMatchObject({ code: 'NOT_FOUND', entity: 'FireFacility' });
    expect(errorOf(await mutate(grid, 'createFireFacility', 'CreateFireFacilityInput', { organizationId: GRID_WENFENG_1, kind: 'OTHER', description: '网格员登记', quantity: 1 }, FACILITY))).toMatchObject({
      code: 'FORBIDDEN',
      permission: 'risk.register:write',
    });

    const updated = (await mutate(wenfeng, 'updateFireFacility', 'UpdateFireFacilityInput', { id: never.id, version: 1, quantity: 6, inspectionIntervalDays: 90 }, FACILITY)).body.data!['updateFireFacility'];
    expect(updated).toMatchObject({ version: 2, quantity: 6, inspectionIntervalDays: 90, inspectionOverdue: true });
    expect(errorOf(await mutate(wenfeng, 'updateFireFacility', 'UpdateFireFacilityInput', { id: never.id, version: 1, quantity: 7 }, FACILITY))).toMatchObject({ code: 'CONFLICT' });
    const archived = (await mutate(wenfeng, 'archiveFireFacility', 'ArchiveInput', { id: never.id, version: 2 }, 'archivedAt')).body.data!['archiveFireFacility'];
    expect(archived.archivedAt).not.toBeNull();
    expect((await list(`{ inspectionOverdue: true }`)).edges.map((e: any) => e.node.description)).not.toContain('村委会一楼灭火器');

    const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = ANY($1) ORDER BY occurred_at, action`, [[never.id, late.id]]);
    expect(audits.map((a: any) => a.action).sort()).toEqual(
      ['risk.fire-facility.create', 'risk.fire-facility.create', 'risk.fire-facility.inspect', 'risk.fire-facility.update', 'risk.fire-facility.archive'].sort(),
    );
  });
});
