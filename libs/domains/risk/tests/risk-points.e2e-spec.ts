import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';

const WENFENG = seedId('org:village-wenfeng');
const MONITOR = seedId('person:person-village-wenfeng-disaster');
const CREATE = `mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { id version level threatenedHouseholds location { geoJson } measures { kind description } } }`;

describe('risk points (双重预防)', () => {
  let t: TestGateway;
  let village: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    // Points of their own: the seed's demo points are removed first.
    await t.gateway.database.dataSource.query(`DELETE FROM risk_control_measure; DELETE FROM risk_point`);
    village = await t.as('wenfeng');
  });
  afterAll(() => t?.close());

  it('registers graded points with their four kinds of measures, lists red first, and keeps them in scope', async () => {
    const landslide = await village(CREATE, {
      input: {
        organizationId: WENFENG,
        name: '文凤村3组滑坡隐患点',
        category: 'GEOLOGICAL',
        level: 'ORANGE',
        location: { longitude: 107.081, latitude: 29.061 },
        threatenedHouseholds: 12,
        threatenedPeople: 41,
        monitorPersonId: seedId('person:person-village-wenfeng-lead'),
        reviewDue: '2025-01-01',
        measures: [
          { kind: 'PERSONNEL', description: '汛期每日巡查，雨后加密' },
          { kind: 'PHYSICAL', description: '裂缝监测桩和报警器' },
          { kind: 'MANAGEMENT', description: '避险转移预案，明白卡发放到户' },
          { kind: 'ENGINEERING', description: '坡脚挡墙和截水沟' },
        ],
      },
    });
    expect(landslide.body.errors).toBeUndefined();
    const point = landslide.body.data!['createRiskPoint'];
    expect(point).toMatchObject({ level: 'ORANGE', threatenedHouseholds: 12, location: { geoJson: { type: 'Point', coordinates: [107.081, 29.061] } } });
    expect(point.measures.map((m: any) => m.kind).sort()).toEqual(['ENGINEERING', 'MANAGEMENT', 'PERSONNEL', 'PHYSICAL']);
    await village(CREATE, { input: { organizationId: seedId('org:grid-wenfeng-1'), name: '村口加油点', category: 'FIRE', level: 'RED', monitorPersonId: MONITOR } });
    await village(CREATE, { input: { organizationId: WENFENG, name: '村委会配电房', category: 'FIRE', level: 'BLUE' } });

    const listQuery = `{ riskPoints { totalCount edges { node { name level measures { kind } } } } }`;
    const list = await village(listQuery);
    expect(list.body.data!['riskPoints'].edges.map((e: any) => e.node.level)).toEqual(['RED', 'ORANGE', 'BLUE']);
    expect(list.statements).toBe(1 + 1); // compiled page with its count, then the measures of all points (their resolvers)
    const resolved = await (await t.resolvers('wenfeng'))(listQuery);
    expect(resolved.body).toEqual(list.body);
    expect(resolved.statements).toBe(1 + 1 + 1); // resolvers: page, count, measures of all points
    const overdue = await village(`{ riskPoints(filter: { reviewOverdue: true }) { edges { node { name } } } }`);
    expect(overdue.body.data!['riskPoints'].edges).toEqual([{ node: { name: '文凤村3组滑坡隐患点' } }]);

    const other = await t.as('shuanghe');
    expect((await other(`{ riskPoints { totalCount } }`)).body.data!['riskPoints'].totalCount).toBe(0);
    expect((await other(`query($id: UUID!) { riskPoint(id: $id) { id } }`, { id: point.id })).body.data!['riskPoint']).toBeNull();
    const outside = await other(CREATE, { input: { organizationId: WENFENG, name: '越界登记', category: 'FIRE', level: 'BLUE' } });
    // An organization outside the caller's scope answers like a missing one.
    expect(errorOf(outside)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });

    const regraded = await village(`mutation($input: UpdateRiskPointInput!) { updateRiskPoint(input: $input) { level version measures { kind } } }`, {
      input: { id: point.id, version: point.version, level: 'RED', measures: [{ kind: 'ENGINEERING', description: '整体搬迁' }] },
    });
    expect(regraded.body.data!['updateRiskPoint']).toEqual({ level: 'RED', version: point.version + 1, measures: [{ kind: 'ENGINEERING' }] });
    const stale = await village(`mutation($input: UpdateRiskPointInput!) { updateRiskPoint(input: $input) { id } }`, { input: { id: point.id, version: point.version, level: 'BLUE' } });
    expect(stale.body.errors![0]!.extensions!['code']).toBe('CONFLICT');
    const invalid = await village(CREATE, { input: { organizationId: WENFENG, name: 'x', category: 'FIRE', level: 'BLUE', threatenedHouseholds: -1 } });
    expect(invalid.body.errors![0]!.extensions!['fields'].map((f: any) => `${f.field}:${f.rule}`).sort()).toEqual(['input.name:isLength', 'input.threatenedHouseholds:min']);
  });

  it('archives a point once, announcing it, and leaves it out of the list', async () => {
    const created = (await village(CREATE, { input: { organizationId: WENFENG, name: '文凤村旧砖厂取土坑', category: 'WORK_SAFETY', level: 'YELLOW' } })).body.data!['createRiskPoint'];
    const events: Array<{ type: string; payload: unknown }> = [];
    const unsubscribe = t.gateway.events.subscribe('risk.risk-point.archived', (e) => events.push({ type: e.type, payload: e.payload }));
    const archive = (version: number) => village(`mutation($input: ArchiveInput!) { archiveRiskPoint(input: $input) { id version archivedAt } }`, { input: { id: created.id, version } });
    try {
      const archived = (await archive(created.version)).body.data!['archiveRiskPoint'];
      expect(archived).toMatchObject({ id: created.id, version: created.version + 1, archivedAt: expect.any(String) });
      expect(fieldsOf(await archive(archived.version))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
      expect(errorOf(await (await t.as('shuanghe'))(`mutation($input: ArchiveInput!) { archiveRiskPoint(input: $input) { id } }`, { input: { id: created.id, version: archived.version } }))).toEqual({
        code: 'NOT_FOUND',
        entity: 'RiskPoint',
        id: created.id,
      });
    } finally {
      unsubscribe();
    }
    expect(events).toEqual([{ type: 'risk.risk-point.archived', payload: { id: created.id, organizationId: WENFENG } }]);
    const names = (await village(`{ riskPoints(first: 50) { edges { node { name } } } }`)).body.data!['riskPoints'].edges.map((e: any) => e.node.name);
    expect(names).not.toContain('文凤村旧砖厂取土坑');
    const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [created.id]);
    expect(audits.map((a: any) => a.action)).toEqual(['risk.risk-point.create', 'risk.risk-point.archive']);
  });
});
