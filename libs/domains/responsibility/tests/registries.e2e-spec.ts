import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const LINE = { type: 'LineString', coordinates: [[107.05, 29.05], [107.06, 29.052]] };

/**
 * The supervision map and registries (issue 18, point 二): 三管三必须 assignments and the gap query,
 * new business formats, key projects with their 三同时 record, responsibility along linear features,
 * the departments' "四个一", scope, validation and lossless lists.
 */
describe('supervision map and registries (三管三必须、三同时、沿线责任、四个一)', () => {
  // 2026-03-06 (Friday) 10:00 China time.
  const clock = new ManualClock(new Date('2026-03-06T02:00:00Z'));
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let jingfa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, shuanghe, jingfa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());

  const ok = dataOf;
  const nodes = (data: Record<string, any>, field: string) => data[field].edges.map((e: any) => e.node);
  const mutate = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, select = 'id version') => mutation(client, name, type, input, select);
  const done = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, select = 'id version') => mutated<Record<string, any>>(client, name, type, input, select);
  const count = async (table: string): Promise<number> => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const gapNames = async (client: GraphQLClient, filter = '{}'): Promise<string[]> => nodes(await ok(client, `{ supervisionGaps(first: 100, filter: ${filter}) { totalCount edges { node { name } } } }`), 'supervisionGaps').map((n: any) => n.name).sort();

  /** The gaps counted by hand from the API: each enterprise against the active assignments of its sector rooted at it or above it. */
  const handCountedGaps = async (): Promise<string[]> => {
    const enterprises = nodes(await ok(office, `{ organizations(first: 100, filter: { kinds: [ENTERPRISE] }) { totalCount edges { node { id name enterprise { sectorCode } ancestors { id } } } } }`), 'organizations');
    expect(enterprises.length).toBe(60);
    const active = nodes(await ok(office, `{ supervisionAssignments(first: 100, filter: { active: true }) { edges { node { sectorCode subtreeRootId } } } }`), 'supervisionAssignments');
    return enterprises
      .filter((e: any) => {
        const places = new Set([e.id, ...e.ancestors.map((a: any) => a.id)]);
        return !active.some((a: any) => a.sectorCode === e.enterprise?.sectorCode && places.has(a.subtreeRootId));
      })
      .map((e: any) => e.name)
      .sort();
  };

  it('lists exactly the enterprises no active assignment covers, and follows assignments added and ended', async () => {
    const expected = ['重庆市南川区南平镇聚福餐饮有限公司', '重庆市南川区南平镇通达物流有限公司', '重庆市南川区南平镇锦绣服装加工有限公司', '重庆市南川区鲜达农产品冷链仓储有限公司'].sort();
    // Uncovered sectors (WAREHOUSING never assigned, TEXTILES ended), and a caterer covered only in 南平社区, not in 龙门社区 where it is.
    expect(await handCountedGaps()).toEqual(expected);
    expect(await gapNames(office)).toEqual(expected);
    expect(await gapNames(office, `{ withinSubtreeOf: "${org('community-longmen')}" }`)).toEqual(['重庆市南川区南平镇聚福餐饮有限公司', '重庆市南川区南平镇通达物流有限公司', '重庆市南川区南平镇锦绣服装加工有限公司']);
    expect(await gapNames(office, '{ sectorCodes: ["WAREHOUSING"] }')).toEqual(['重庆市南川区南平镇通达物流有限公司', '重庆市南川区鲜达农产品冷链仓储有限公司']);

    // 经发办 takes warehousing town-wide: both warehouses leave the gaps.
    const added = await done(office, 'createSupervisionAssignment', 'CreateSupervisionAssignmentInput', { departmentId: org('dept-economy'), sectorCode: 'WAREHOUSING', basis: '南平安委〔2026〕3号' }, 'id version subtreeRootId startedOn endedOn department { name }');
    expect(added).toMatchObject({ subtreeRootId: org('town'), startedOn: '2026-03-06', endedOn: null, department: { name: '经济发展办公室' } });
    expect(await gapNames(office)).toEqual(['重庆市南川区南平镇聚福餐饮有限公司', '重庆市南川区南平镇锦绣服装加工有限公司']);
    // Ending the 南平社区 catering assignment makes its caterer a gap too.
    const [catering] = nodes(await ok(office, `{ supervisionAssignments(filter: { sectorCodes: ["CATERING"], active: true }) { edges { node { id version } } } }`), 'supervisionAssignments');
    await done(office, 'endSupervisionAssignment', 'EndSupervisionAssignmentInput', { id: catering.id, version: catering.version, reason: '餐饮行业调整由市场监管所牵头' });
    const after = ['南川区南平镇老街餐馆', '重庆市南川区南平镇聚福餐饮有限公司', '重庆市南川区南平镇锦绣服装加工有限公司'].sort();
    expect(await gapNames(office)).toEqual(after);
    expect(await handCountedGaps()).toEqual(after);
    const audit = await t.gateway.database.dataSource.query(`SELECT entity_id AS "entityId", action FROM audit_log WHERE entity_id = ANY($1::uuid[]) ORDER BY action`, [[added.id, catering.id]]);
    expect(audit).toEqual([{ entityId: added.id, action: 'responsibility.supervision-assignment.create' }, { entityId: catering.id, action: 'responsibility.supervision-assignment.end' }]);
    // Ending it twice is refused, naming the rule.
    expect(fieldsOf(await mutate(office, 'endSupervisionAssignment', 'EndSupervisionAssignmentInput', { id: catering.id, version: catering.version + 1, reason: '重复' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notEnded' })]);

    // Back as seeded, for the other tests.
    await done(office, 'endSupervisionAssignment', 'EndSupervisionAssignmentInput', { id: added.id, version: added.version, reason: '测试复原' });
    await done(office, 'createSupervisionAssignment', 'CreateSupervisionAssignmentInput', { departmentId: org('dept-economy'), sectorCode: 'CATERING', subtreeRootId: org('community-nanping'), basis: '测试复原' });
    expect(await gapNames(office)).toEqual(expected);
  });

  it('counts the same gaps as a registered indicator, for the town and for each child organization', async () => {
    const gaps = (await ok(office, `{ supervisionGaps(first: 100) { totalCount edges { node { id } } } }`))['supervisionGaps'];
    const [town] = (await ok(office, `{ indicatorValues(organizationId: "${org('town')}", from: "2026-01-01", to: "2026-04-01", filter: { codes: ["responsibility.supervision-gaps"] }) { edges { node { numerator denominator value } } } }`))['indicatorValues'].edges.map((e: any) => e.node);
    expect(town).toEqual({ numerator: gaps.totalCount, denominator: null, value: gaps.totalCount });
    expect(gaps.totalCount).toBeGreaterThan(0);
    const byChild = (await ok(office, `{ indicatorValues(organizationId: "${org('town')}", from: "2026-01-01", to: "2026-04-01", breakdown: CHILDREN, filter: { codes: ["responsibility.supervision-gaps"] }, first: 100) { edges { node { numerator } } } }`))['indicatorValues'].edges.map((e: any) => e.node.numerator);
    expect(byChild.reduce((n: number, v: number) => n + v, 0)).toBe(gaps.totalCount); // every enterprise lies under a child of the town
  });

  it('keeps new business formats pending until the county decides, then assigned with the decision', async () => {
    const list = async (filter: string) => nodes(await ok(office, `{ newBusinessFormats(filter: ${filter}) { totalCount edges { node { id version name status decisionDocument department { name } } } } }`), 'newBusinessFormats');
    expect((await list('{ statuses: [PENDING] }')).map((f: any) => f.name)).toEqual(['电动自行车集中充电场所', '剧本杀']);
    expect(await list('{ statuses: [ASSIGNED] }')).toEqual([expect.objectContaining({ name: '民宿', department: { name: '社会事务办公室' } })]);

    const format = await done(office, 'registerNewBusinessFormat', 'RegisterNewBusinessFormatInput', { name: '户外露营地', reportedOn: '2026-03-02' }, 'id version status organization { name }');
    expect(format).toMatchObject({ status: 'PENDING', organization: { name: '南平镇人民政府' } });
    expect(fieldsOf(await mutate(office, 'registerNewBusinessFormat', 'RegisterNewBusinessFormatInput', { name: '户外露营地' }))).toEqual([expect.objectContaining({ field: 'input.name', rule: 'unique' })]);
    // A village is not a department: refused with the rule, nothing written.
    const decision = { id: format.id, version: format.version, decisionDocument: '南川府办发〔2026〕5号', decidedOn: '2026-03-05' };
    expect(fieldsOf(await mutate(office, 'assignNewBusinessFormat', 'AssignNewBusinessFormatInput', { ...decision, departmentId: org('village-wenfeng') }))).toEqual([expect.objectContaining({ field: 'input.departmentId', rule: 'departmentKind' })]);
    const assigned = await done(office, 'assignNewBusinessFormat', 'AssignNewBusinessFormatInput', { ...decision, departmentId: org('dept-social') }, 'status decidedOn decisionDocument department { name }');
    expect(assigned).toEqual({ status: 'ASSIGNED', decidedOn: '2026-03-05', decisionDocument: '南川府办发〔2026〕5号', department: { name: '社会事务办公室' } });
    expect(fieldsOf(await mutate(office, 'assignNewBusinessFormat', 'AssignNewBusinessFormatInput', { ...decision, version: format.version + 1, departmentId: org('dept-social') }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
  });

  it('refuses a bad assignment naming the field and the rule, and writes nothing', async () => {
    const before = await count('supervision_assignment');
    const refused = async (input: Record<string, unknown>) => fieldsOf(await mutate(office, 'createSupervisionAssignment', 'CreateSupervisionAssignmentInput', { departmentId: org('dept-economy'), sectorCode: 'TEXTILES', basis: '测试依据', ...input }));
    expect(await refused({ departmentId: org('village-wenfeng') })).toEqual([expect.objectContaining({ field: 'input.departmentId', rule: 'departmentKind' })]);
    expect(await refused({ departmentId: org('ent-jinxiu-garment') })).toEqual([expect.objectContaining({ field: 'input.departmentId', rule: 'departmentKind' })]);
    expect(await refused({ sectorCode: 'SPACE_TRAVEL' })).toEqual([expect.objectContaining({ field: 'input.sectorCode', rule: 'exists' })]);
    expect(await refused({ sectorCode: 'hazardous' })).toEqual([expect.objectContaining({ field: 'input.sectorCode', rule: 'matches' })]);
    expect(await refused({ sectorCode: 'HAZARDOUS_CHEMICALS', departmentId: org('dept-safety') })).toEqual([expect.objectContaining({ field: 'input.sectorCode', rule: 'unique' })]);
    expect(await refused({ startedOn: '2026-03-07' })).toEqual([expect.objectContaining({ field: 'input.startedOn', rule: 'notFuture' })]);
    expect(await refused({ basis: 'x' })).toEqual([expect.objectContaining({ field: 'input.basis', rule: 'isLength' })]);
    expect(errorOf(await mutate(office, 'createSupervisionAssignment', 'CreateSupervisionAssignmentInput', { departmentId: '00000000-0000-4000-8000-000000000000', sectorCode: 'TEXTILES', basis: '测试依据' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.departmentId' });
    expect(await count('supervision_assignment')).toBe(before);
    // Only the office keeps the map.
    expect(errorOf(await mutate(jingfa, 'createSupervisionAssignment', 'CreateSupervisionAssignmentInput', { departmentId: org('dept-economy'), sectorCode: 'TEXTILES', basis: '测试依据' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists exactly the key projects missing a 三同时 stage they have reached, and records stages with evidence', async () => {
    const missing = async () => nodes(await ok(office, `{ keyProjects(filter: { missingStage: true }) { totalCount edges { node { name stage missingStages } } } }`), 'keyProjects');
    expect(await missing()).toEqual([
      { name: '南平镇集中供水工程改扩建项目', stage: 'CONSTRUCTION', missingStages: ['CONSTRUCTION'] },
      { name: '宏发采石场扩能技改项目', stage: 'COMPLETED', missingStages: ['OPERATION'] },
    ]);
    const complete = nodes(await ok(office, `{ keyProjects(filter: { missingStage: false, stages: [TRIAL_OPERATION, COMPLETED] }) { edges { node { name missingStages threeSimultaneity { edges { node { stage documentNumber } } } } } } }`), 'keyProjects');
    expect(complete).toEqual([{ name: '德胜商品混凝土搅拌站迁建项目', missingStages: [], threeSimultaneity: { edges: [{ node: { stage: 'DESIGN', documentNumber: '南川经信审〔2025〕4号' } }, { node: { stage: 'CONSTRUCTION', documentNumber: '嘉瑞施工〔2025〕安施-012' } }] } }]);

    // A new project in construction with its design reviewed: missing CONSTRUCTION until recorded.
    const project = await done(office, 'createKeyProject', 'CreateKeyProjectInput', { name: '南平镇农贸市场改造工程', ownerOrganizationId: org('ent-nanping-market'), builderName: '重庆恒通建筑工程有限公司', stage: 'CONSTRUCTION', supervisingDepartmentId: org('dept-planning') });
    const stage = (input: Record<string, unknown>) => mutate(office, 'recordThreeSimultaneity', 'RecordThreeSimultaneityInput', { projectId: project.id, documentNumber: '南川住建审〔2026〕3号', approvedOn: '2026-01-20', ...input }, 'id stage approvedOn attachments { fileName } project { name }');
    expect((await stage({ stage: 'DESIGN' })).body.errors).toBeUndefined();
    expect((await missing()).map((p: any) => p.name)).toContain('南平镇农贸市场改造工程');
    const before = await count('three_simultaneity_record');
    expect(fieldsOf(await stage({ stage: 'OPERATION' }))).toEqual([expect.objectContaining({ field: 'input.stage', rule: 'stageNotReached' })]);
    expect(fieldsOf(await stage({ stage: 'DESIGN' }))).toEqual([expect.objectContaining({ field: 'input.stage', rule: 'unique' })]);
    expect(fieldsOf(await stage({ stage: 'CONSTRUCTION', approvedOn: '2026-03-07' }))).toEqual([expect.objectContaining({ field: 'input.approvedOn', rule: 'notFuture' })]);
    expect(await count('three_simultaneity_record')).toBe(before);

    const form = new FormData();
    form.append('file', new Blob([PDF]), '监理确认单.pdf');
    const upload = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await t.token('anban')}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as any;
    const recorded = await stage({ stage: 'CONSTRUCTION', approvedOn: '2026-03-05', attachmentIds: [upload.id] });
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data!['recordThreeSimultaneity']).toMatchObject({ stage: 'CONSTRUCTION', approvedOn: '2026-03-05', attachments: [{ fileName: '监理确认单.pdf' }], project: { name: '南平镇农贸市场改造工程' } });
    expect((await missing()).map((p: any) => p.name)).toEqual(['南平镇集中供水工程改扩建项目', '宏发采石场扩能技改项目']);
    // Stages go forward only.
    expect(fieldsOf(await mutate(office, 'updateKeyProject', 'UpdateKeyProjectInput', { id: project.id, version: project.version, stage: 'DESIGN' }))).toEqual([expect.objectContaining({ field: 'input.stage', rule: 'state' })]);
  });

  it('reads key projects with their stages, owners and departments in the same number of statements for one project or many', async () => {
    const query = (first: number) => office(`{ keyProjects(first: ${first}) { edges { node { name missingStages ownerOrganization { name } supervisingDepartment { name } threeSimultaneity { edges { node { stage attachments { fileName } } } } } } } }`);
    const one = await query(1);
    const all = await query(20);
    expect(one.body.errors).toBeUndefined();
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data!['keyProjects'].edges.length).toBeGreaterThanOrEqual(3);
    expect(all.statements).toBe(one.statements);
    // No N+1: the stages, owners, departments and evidence of a page load in batches, whatever the page holds.
    expect(all.statements).toBe(3);
  });

  it('keeps a village to its own projects, sections and gaps: acting on another village\'s project answers NOT_FOUND', async () => {
    const concrete = seedId('registries:project:concrete');
    expect(nodes(await ok(shuanghe, `{ keyProjects { edges { node { name } } } }`), 'keyProjects').map((p: any) => p.name)).toEqual(['德胜商品混凝土搅拌站迁建项目']);
    expect(nodes(await ok(wenfeng, `{ keyProjects { edges { node { name } } } }`), 'keyProjects')).toEqual([]);
    expect((await ok(wenfeng, `query($id: UUID!) { keyProject(id: $id) { id } }`, { id: concrete }))['keyProject']).toBeNull();
    const before = await count('three_simultaneity_record');
    const reach = await mutate(wenfeng, 'recordThreeSimultaneity', 'RecordThreeSimultaneityInput', { projectId: concrete, stage: 'DESIGN', documentNumber: '越权', approvedOn: '2026-03-01' });
    expect(errorOf(reach)).toMatchObject({ code: 'NOT_FOUND', field: 'input.projectId' });
    const update = await mutate(wenfeng, 'updateKeyProject', 'UpdateKeyProjectInput', { id: concrete, version: 1, stage: 'COMPLETED' });
    expect(errorOf(update)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await count('three_simultaneity_record')).toBe(before);
    // Its own: a project of an enterprise in the village.
    const own = await done(wenfeng, 'createKeyProject', 'CreateKeyProjectInput', { name: '绿源方竹笋加工车间扩建项目', ownerOrganizationId: org('ent-lvyuan-bamboo-shoots'), builderName: '重庆恒通建筑工程有限公司', stage: 'DESIGN', supervisingDepartmentId: org('dept-economy') }, 'id missingStages');
    expect(own.missingStages).toEqual(['DESIGN']);
    const design = await done(wenfeng, 'recordThreeSimultaneity', 'RecordThreeSimultaneityInput', { projectId: own.id, stage: 'DESIGN', documentNumber: '南川经信审〔2026〕2号', approvedOn: '2026-02-26' }, 'stage project { missingStages }');
    expect(design).toEqual({ stage: 'DESIGN', project: { missingStages: [] } });
    expect(errorOf(await mutate(wenfeng, 'createKeyProject', 'CreateKeyProjectInput', { name: '越权项目', ownerOrganizationId: org('ent-desheng-concrete'), builderName: '某公司', supervisingDepartmentId: org('dept-economy') }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.ownerOrganizationId' });
    // Sections and gaps in the village's subtree only.
    expect(nodes(await ok(shuanghe, `{ linearFeatureSections { edges { node { name } } } }`), 'linearFeatureSections').map((s: any) => s.name)).toEqual(['龙潭水库库岸双河村段']);
    expect(await gapNames(wenfeng)).toEqual([]);
    expect(await gapNames(office, `{ withinSubtreeOf: "${org('village-wenfeng')}" }`)).toEqual([]);
  });

  it('holds linear sections as GeoJSON LineStrings, lists exactly those without a responsible party, and refuses a bad line naming the field', async () => {
    const sections = nodes(await ok(office, `{ linearFeatureSections { totalCount edges { node { kind name geometry responsibleOrganization { name } responsibleDepartment { name } } } } }`), 'linearFeatureSections');
    expect(sections.map((s: any) => [s.kind, s.name])).toEqual([
      ['ROAD', 'G65包茂高速南平段'],
      ['ROAD', '南平至龙山旅游公路龙山村段'],
      ['RAILWAY', '渝湘高铁南平段'],
      ['RESERVOIR_BANK', '石溪河库岸石溪村段'],
      ['RESERVOIR_BANK', '龙潭水库库岸双河村段'],
    ]);
    expect(sections[0].geometry).toEqual({ type: 'LineString', coordinates: [[107.021, 29.061], [107.048, 29.055], [107.074, 29.049], [107.103, 29.043]] });
    const unassigned = nodes(await ok(office, `{ linearFeatureSections(filter: { unassigned: true }) { edges { node { name responsibleOrganization { name } responsibleDepartment { name } } } } }`), 'linearFeatureSections');
    expect(unassigned).toEqual([{ name: '渝湘高铁南平段', responsibleOrganization: null, responsibleDepartment: { name: '安全生产办公室' } }]);

    const before = await count('linear_feature_section');
    const refused = async (geometry: unknown, extra: Record<string, unknown> = {}) => fieldsOf(await mutate(office, 'createLinearFeatureSection', 'CreateLinearFeatureSectionInput', { kind: 'ROAD', name: '测试路段', geometry, ...extra }));
    // Not a LineString at all: refused by the GeoJSONLineString scalar while the variables are read, naming the rule.
    const shape = async (geometry: unknown) => (await mutate(office, 'createLinearFeatureSection', 'CreateLinearFeatureSectionInput', { kind: 'ROAD', name: '测试路段', geometry })).body.errors?.[0];
    for (const geometry of [{ type: 'Point', coordinates: [107.05, 29.05] }, { type: 'LineString', coordinates: [[107.05, 29.05]] }, { type: 'LineString', coordinates: [[107.05, 'north'], [107.06, 29.05]] }]) {
      const error = await shape(geometry);
      expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(error?.message).toMatch(/GeoJSONLineString must be a GeoJSON LineString geometry \(RFC 7946\) with 2 to 2000/);
    }
    // A line outside China: refused by the section's own rule.
    expect(await refused({ type: 'LineString', coordinates: [[2.35, 48.85], [2.36, 48.86]] })).toEqual([expect.objectContaining({ field: 'input.geometry', rule: 'lineString' })]);
    expect(await refused(LINE, { responsibleDepartmentId: org('village-shixi') })).toEqual([expect.objectContaining({ field: 'input.responsibleDepartmentId', rule: 'departmentKind' })]);
    expect(await count('linear_feature_section')).toBe(before);

    // Naming the railway's responsible village closes the gap.
    const railway = seedId('registries:section:railway');
    const [{ version }] = nodes(await ok(office, `{ linearFeatureSections(filter: { kinds: [RAILWAY] }) { edges { node { version } } } }`), 'linearFeatureSections');
    await done(office, 'updateLinearFeatureSection', 'UpdateLinearFeatureSectionInput', { id: railway, version, responsibleOrganizationId: org('village-jinlong') });
    expect(nodes(await ok(office, `{ linearFeatureSections(filter: { unassigned: true }) { edges { node { name } } } }`), 'linearFeatureSections')).toEqual([]);
    const created = await done(office, 'createLinearFeatureSection', 'CreateLinearFeatureSectionInput', { kind: 'RESERVOIR_BANK', name: '测试库岸', geometry: { ...LINE, coordinates: [[107.05, 29.05, 300], [107.06, 29.052, 310]] } }, 'id geometry');
    expect(created.geometry).toEqual(LINE);
    expect(nodes(await ok(office, `{ linearFeatureSections(filter: { unassigned: true }) { edges { node { name } } } }`), 'linearFeatureSections')).toEqual([{ name: '测试库岸' }]);
  });

  it('lists the industry departments missing "四个一" items for a year, exactly, and lets a department record only its own', async () => {
    const gaps = nodes(await ok(office, `{ fireFourOnesGaps(year: 2025) { totalCount edges { node { departmentName missingKinds doneKinds department { id } } } } }`), 'fireFourOnesGaps');
    expect(gaps.map((g: any) => [g.departmentName, g.missingKinds])).toEqual([
      ['农业服务中心', ['MEETING', 'TRAINING', 'INSPECTION', 'PUBLICITY']],
      ['规划建设管理环保办公室', ['TRAINING', 'INSPECTION', 'PUBLICITY']],
      ['社会事务办公室', ['TRAINING', 'INSPECTION']],
      ['经济发展办公室', ['PUBLICITY']],
    ]);
    // Counted by hand from the items recorded: every industry department not listed has all four.
    const items = nodes(await ok(office, `{ fireFourOnesItems(first: 100, filter: { year: 2025 }) { edges { node { departmentId kind } } } }`), 'fireFourOnesItems');
    for (const g of gaps) expect(items.filter((i: any) => i.departmentId === g.department.id).map((i: any) => i.kind).sort()).toEqual([...g.doneKinds].sort());
    expect(new Set(items.filter((i: any) => !gaps.some((g: any) => g.department.id === i.departmentId)).map((i: any) => i.departmentId))).toEqual(new Set([org('dept-safety'), org('dept-enforcement')]));

    const record = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'recordFireFourOnesItem', 'RecordFireFourOnesItemInput', { year: 2026, kind: 'MEETING', doneOn: '2026-03-02', note: '召开2026年行业消防安全会议', ...input }, 'id kind doneOn department { name }');
    const before = await count('fire_four_ones_item');
    expect(errorOf(await record(jingfa, { departmentId: org('dept-safety') }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.departmentId' });
    expect(fieldsOf(await record(jingfa, { departmentId: org('dept-economy'), doneOn: '2026-03-09' }))).toEqual([expect.objectContaining({ field: 'input.doneOn', rule: 'notFuture' })]);
    expect(fieldsOf(await record(jingfa, { departmentId: org('dept-economy'), doneOn: '2025-12-30' }))).toEqual([expect.objectContaining({ field: 'input.doneOn', rule: 'range' })]);
    expect(errorOf(await record(wenfeng, { departmentId: org('dept-economy') }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('fire_four_ones_item')).toBe(before);
    const own = await record(jingfa, { departmentId: org('dept-economy') });
    expect(own.body.data!['recordFireFourOnesItem']).toMatchObject({ kind: 'MEETING', doneOn: '2026-03-02', department: { name: '经济发展办公室' } });
    expect(fieldsOf(await record(jingfa, { departmentId: org('dept-economy') }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'unique' })]);
    const economy2026 = nodes(await ok(office, `{ fireFourOnesGaps(year: 2026, orderBy: [{ field: DEPARTMENT_NAME }]) { edges { node { departmentName missingKinds } } } }`), 'fireFourOnesGaps').find((g: any) => g.departmentName === '经济发展办公室');
    expect(economy2026.missingKinds).toEqual(['TRAINING', 'INSPECTION', 'PUBLICITY']);
  });

  it('pages the map, the gaps and the "四个一" gaps one by one in both directions without loss (the seed rows share one creation time)', async () => {
    const assignments = `query(${PAGE_VARS}) { supervisionAssignments(orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    const total = (await ok(office, `{ supervisionAssignments { totalCount } }`))['supervisionAssignments'].totalCount;
    expect(total).toBeGreaterThanOrEqual(22);
    await expectPagedCompletely(office, assignments, {}, ['supervisionAssignments'], 5, total);
    const gaps = `query(${PAGE_VARS}) { supervisionGaps(orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, gaps, {}, ['supervisionGaps'], 1, (await ok(office, `{ supervisionGaps { totalCount } }`))['supervisionGaps'].totalCount);
    const fourOnes = `query(${PAGE_VARS}) { fireFourOnesGaps(year: 2025, ${PAGE_ARGS}) { ${walkedPage('departmentId')} } }`;
    await expectPagedCompletely(office, fourOnes, {}, ['fireFourOnesGaps'], 1, 4);
  });
});
