import { startTestGateway, enterpriseInput, type GraphQLClient, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const TOWN = seedId('org:town');

describe('organizations over HTTP', () => {
  let t: TestGateway;
  /** The town safety office (镇安办): reads and manages the whole directory. */
  let gql: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    gql = await t.as('anban');
  });
  afterAll(() => t?.close());

  it('lists the seeded town with totals and keyset pages that do not overlap', async () => {
    const q = `query($after: String) { organizations(first: 50, after: $after, filter: { kinds: [VILLAGE, COMMUNITY] }, orderBy: { field: NAME }) {
      totalCount edges { cursor node { id name kind } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const first = await gql(q);
    expect(first.body.errors).toBeUndefined();
    const c = first.body.data!['organizations'];
    expect(c.totalCount).toBeGreaterThanOrEqual(15);
    expect(c.edges.length).toBe(Math.min(50, c.totalCount));
    const names = c.edges.map((e: any) => e.node.name);
    expect([...names].sort()).toEqual(names);

    const small = await gql(`{ organizations(first: 4, filter: { kinds: [VILLAGE, COMMUNITY] }, orderBy: { field: NAME }) { edges { node { name } } pageInfo { endCursor hasNextPage } } }`);
    const p1 = small.body.data!['organizations'];
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      `query($after: String) { organizations(first: 4, after: $after, filter: { kinds: [VILLAGE, COMMUNITY] }, orderBy: { field: NAME }) { edges { node { name } } pageInfo { hasPreviousPage } } }`,
      { after: p1.pageInfo.endCursor },
    );
    const p2 = second.body.data!['organizations'];
    expect(p2.pageInfo.hasPreviousPage).toBe(true);
    expect(p2.edges.map((e: any) => e.node.name)).toEqual(names.slice(4, 8));
  });

  it('refuses page sizes above 100, also as a variable, naming the argument and rule', async () => {
    const literal = await gql(`{ organizations(first: 1000) { totalCount } }`);
    expect(literal.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(literal.body.errors?.[0]?.extensions?.['fields']).toEqual([expect.objectContaining({ field: 'first', rule: 'max' })]);
    const variable = await gql(`query($n: Int) { organizations(first: $n) { totalCount } }`, { n: 101 });
    expect(variable.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const zero = await gql(`query($n: Int) { organizations(first: $n) { totalCount } }`, { n: 0 });
    expect(zero.body.errors?.[0]?.extensions?.['fields']?.[0]?.rule).toBe('min');
    const ok = await gql(`{ organizations(first: 100) { edges { node { id } } } }`);
    expect(ok.body.data!['organizations'].edges).toHaveLength(100);
  });

  it('rejects a forged cursor with BAD_USER_INPUT', async () => {
    const res = await gql(`{ organizations(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toMatch(/after/);
  });

  it('answers subtree, ancestors and descendants each in one SQL statement', async () => {
    const village = seedId('org:village-wenfeng');
    const sub = await gql(`query($id: UUID!) { organizations(first: 100, filter: { withinSubtreeOf: $id }) { edges { node { kind parentId } } } }`, { id: village });
    // The count leaves out loading the principal (cached by the access module; one statement on a miss).
    expect(sub.statements).toBe(1);
    const nodes = sub.body.data!['organizations'].edges.map((e: any) => e.node);
    expect(nodes[0]).toEqual({ kind: 'VILLAGE', parentId: TOWN });
    expect(nodes.filter((n: any) => n.kind === 'GRID').length).toBeGreaterThanOrEqual(2);

    const grid = nodes.find((n: any) => n.kind === 'GRID');
    expect(grid.parentId).toBe(village);

    const desc = await gql(`query($id: UUID!) { organization(id: $id) { descendants(first: 100) { totalCount edges { node { id depth } } } } }`, { id: TOWN });
    // the organization, the page, the count
    expect(desc.statements).toBe(3);
    const all = await gql(`{ organizations(first: 1) { totalCount } }`);
    expect(desc.body.data!['organization'].descendants.totalCount).toBe(all.body.data!['organizations'].totalCount - 1);

    const enterprises = await gql(`{ organizations(first: 1, filter: { kinds: [ENTERPRISE] }) { edges { node { id depth ancestors { id depth kind } } } } }`);
    const e = enterprises.body.data!['organizations'].edges[0].node;
    expect(enterprises.statements).toBe(2);
    expect(e.ancestors.map((a: any) => a.depth)).toEqual([...Array(e.depth).keys()]);
    expect(e.ancestors[0]).toMatchObject({ id: TOWN, kind: 'TOWN_GOVERNMENT' });
  });

  it('loads nested children connections with one statement per level whatever the page sizes', async () => {
    const q = (n: number) => `{ organizations(first: ${n}, filter: { kinds: [VILLAGE, COMMUNITY] }) {
        edges { node { name children(first: ${n}) { totalCount edges { node { name parent { name } children(first: ${n}) { totalCount edges { node { name } } } } } } } } } }`;
    const small = await gql(q(2));
    const large = await gql(q(20));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    // One statement, compiled (the read compiler); through the resolvers: villages, their grids, the
    // grids' children, parents by id (deduplicated), whatever the page sizes.
    expect([small.statements, large.statements]).toEqual([1, 1]);
    expect(large.headers.get('x-read-compiled')).toBe('true');
    const resolvers = await t.resolvers('anban');
    expect((await resolvers(q(2))).statements).toBe(4);
    expect((await resolvers(q(20))).statements).toBe(4);
    const village = large.body.data!['organizations'].edges[0].node;
    for (const grid of village.children.edges) expect(grid.node.parent.name).toBe(village.name);
    expect(village.children.totalCount).toBe(village.children.edges.length);
  });

  it('refuses a query whose page sizes multiply past the cost limit', async () => {
    const res = await gql(`{ organizations(first: 100) { edges { node { children(first: 100) { edges { node { children(first: 100) { edges { node { name } } } } } } } } } }`);
    expect(res.body.errors?.[0]?.message).toMatch(/^Query cost limit of \d+ exceeded: found \d+\.$/);
  });

  it('pages children per parent with cursors', async () => {
    const q = `query($after: String) { organization(id: "${TOWN}") { children(first: 5, after: $after, kinds: [DEPARTMENT]) { totalCount edges { node { name } } pageInfo { endCursor hasNextPage } } } }`;
    const p1 = (await gql(q)).body.data!['organization'].children;
    expect(p1.edges).toHaveLength(5);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await gql(q, { after: p1.pageInfo.endCursor })).body.data!['organization'].children;
    expect(p2.totalCount).toBe(p1.totalCount);
    expect(p1.edges.length + p2.edges.length).toBe(p1.totalCount);
    expect(p2.edges.map((e: any) => e.node.name)).not.toContain(p1.edges[0].node.name);
    const past = (await gql(q, { after: p2.pageInfo.endCursor })).body.data!['organization'].children;
    expect(past).toMatchObject({ totalCount: p1.totalCount, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('creates an enterprise with its profile and an audit entry in the same transaction', async () => {
    const village = seedId('org:village-wenfeng');
    const input = enterpriseInput(village, { location: { longitude: 107.08, latitude: 29.06 }, contacts: [{ name: '值班电话', phone: '023-71234567' }] });
    const res = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id depth version parent { id } location { geoJson } enterprise { highRisk sector { code } } contacts { name phone role } } }`,
      { input },
    );
    expect(res.body.errors).toBeUndefined();
    const org = res.body.data!['createOrganization'];
    expect(org).toMatchObject({ depth: 2, version: 1, parent: { id: village }, enterprise: { highRisk: false, sector: { code: 'BUILDING_MATERIALS' } } });
    expect(org.location.geoJson).toEqual({ type: 'Point', coordinates: [107.08, 29.06] });
    expect(org.contacts).toEqual([{ name: '值班电话', phone: '023-71234567', role: null }]);
    const rows = await t.gateway.database.dataSource.query(`SELECT action, actor_kind FROM audit_log WHERE entity_id = $1`, [org.id]);
    expect(rows).toEqual([{ action: 'directory.organization.create', actor_kind: 'user' }]);
  });

  it('names each failing field and rule on bad input and writes nothing', async () => {
    const before = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM organization`);
    const res = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { kind: 'ENTERPRISE', name: '', parentId: TOWN, code: 'XYZ', location: { longitude: 500, latitude: 29 }, contacts: [{ name: '值班', phone: '12345' }] },
    });
    const err = res.body.errors![0]!;
    expect(err.extensions!['code']).toBe('BAD_USER_INPUT');
    const fields = err.extensions!['fields'].map((f: any) => `${f.field}:${f.rule}`).sort();
    expect(fields).toEqual(['input.code:matches', 'input.contacts.0.phone:matches', 'input.location.longitude:isLongitude', 'input.name:isLength']);
    const wrongCheck = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: enterpriseInput(TOWN, { code: '91500119MA6AM6B460' }),
    });
    expect(wrongCheck.body.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining({ field: 'input.code', rule: 'checkDigit' })]);
    const wrongParent = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { kind: 'GRID', name: '错误网格', parentId: TOWN },
    });
    expect(wrongParent.body.errors![0]!.extensions!['fields'][0]).toMatchObject({ field: 'input.parentId', rule: 'parentKind' });
    const after = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM organization`);
    expect(after).toEqual(before);
  });

  it('names as safety manager only a person the caller may read, and writes nothing otherwise', async () => {
    const wenfeng = await t.as('wenfeng');
    const village = seedId('org:village-wenfeng');
    const create = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version enterprise { safetyManagerId } } }`;
    const withManager = (safetyManagerId: string) => enterpriseInput(village, { enterprise: { sectorCode: 'BUILDING_MATERIALS', safetyManagerId } });
    const before = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM organization`);
    // 双河村's head is outside 文凤村's officer's scope; the other id names no one.
    for (const id of [seedId('person:person-village-shuanghe-lead'), '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b']) {
      const res = await wenfeng(create, { input: withManager(id) });
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Person', id, field: 'input.enterprise.safetyManagerId' });
    }
    expect(await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM organization`)).toEqual(before);

    const own = seedId('person:person-village-wenfeng-lead');
    const org = (await wenfeng(create, { input: withManager(own) })).body.data!['createOrganization'];
    expect(org.enterprise).toEqual({ safetyManagerId: own });
    const moved = await wenfeng(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, {
      input: { id: org.id, version: org.version, enterprise: { sectorCode: 'BUILDING_MATERIALS', safetyManagerId: seedId('person:person-village-shuanghe-lead') } },
    });
    expect(moved.body.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Person', field: 'input.enterprise.safetyManagerId' });
    const kept = await t.gateway.database.dataSource.query(`SELECT safety_manager_id FROM enterprise_profile WHERE organization_id = $1`, [org.id]);
    expect(kept).toEqual([{ safety_manager_id: own }]);
  });

  it('refuses a stale version with CONFLICT and keeps the newer write', async () => {
    const created = await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id version } }`, { input: enterpriseInput(TOWN) });
    const { id } = created.body.data!['createOrganization'];
    const update = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { name version } }`;
    const first = await gql(update, { input: { id, version: 1, name: '第一次修改' } });
    expect(first.body.data!['updateOrganization']).toEqual({ name: '第一次修改', version: 2 });
    const stale = await gql(update, { input: { id, version: 1, name: '过期的修改' } });
    expect(stale.body.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const now = await gql(`query($id: UUID!) { organization(id: $id) { name version } }`, { id });
    expect(now.body.data!['organization']).toEqual({ name: '第一次修改', version: 2 });
    const missing = await gql(update, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, name: 'x' } });
    expect(missing.body.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
  });

  it('moves an organization with its subtree and refuses cycles', async () => {
    const gridA = seedId('org:grid-wenfeng-1');
    const villageB = seedId('org:village-shuanghe');
    const enterprise = (await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: enterpriseInput(gridA) })).body.data![
      'createOrganization'
    ].id;
    const grid = (await gql(`query($id: UUID!) { organization(id: $id) { version } }`, { id: gridA })).body.data!['organization'];
    const moved = await gql(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { parent { id } depth } }`, {
      input: { id: gridA, version: grid.version, parentId: villageB },
    });
    expect(moved.body.data!['updateOrganization']).toEqual({ parent: { id: villageB }, depth: 2 });
    const child = await gql(`query($id: UUID!) { organization(id: $id) { depth ancestors { id } } }`, { id: enterprise });
    expect(child.body.data!['organization'].ancestors.map((a: any) => a.id)).toEqual([TOWN, villageB, gridA]);
    const inB = await gql(`query($id: UUID!) { organizations(first: 100, filter: { withinSubtreeOf: $id }) { edges { node { id } } } }`, { id: villageB });
    expect(inB.body.data!['organizations'].edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining([gridA, enterprise]));

    const town = (await gql(`{ organization(id: "${TOWN}") { version } }`)).body.data!['organization'];
    const cycle = await gql(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, {
      input: { id: villageB, version: 1, parentId: gridA },
    });
    expect(cycle.body.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    expect(town.version).toBe(1);
  });

  it('archives only organizations without active children and hides archived ones by default', async () => {
    const created = (await gql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: enterpriseInput(TOWN, { name: '待归档企业' }) })).body.data![
      'createOrganization'
    ];
    const archived = await gql(`mutation($input: ArchiveInput!) { archiveOrganization(input: $input) { archivedAt version } }`, { input: { id: created.id, version: 1 } });
    expect(archived.body.data!['archiveOrganization'].archivedAt).toEqual(expect.any(String));
    const search = `query($inc: Boolean) { organizations(filter: { search: "待归档", includeArchived: $inc }) { totalCount } }`;
    expect((await gql(search)).body.data!['organizations'].totalCount).toBe(0);
    expect((await gql(search, { inc: true })).body.data!['organizations'].totalCount).toBe(1);
    const village = (await gql(`{ organization(id: "${seedId('org:village-wenfeng')}") { id version } }`)).body.data!['organization'];
    const refused = await gql(`mutation($input: ArchiveInput!) { archiveOrganization(input: $input) { id } }`, { input: village });
    expect(refused.body.errors![0]!.extensions!['fields'][0].rule).toBe('noActiveChildren');
  });

  it('filters enterprises by sector, high-risk flag and text', async () => {
    const res = await gql(`{ organizations(first: 100, filter: { highRisk: true }) { totalCount edges { node { kind enterprise { highRisk sector { highRisk } } } } } }`);
    const nodes = res.body.data!['organizations'].edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(12);
    for (const n of nodes) expect(n).toMatchObject({ kind: 'ENTERPRISE', enterprise: { highRisk: true } });
    const chem = await gql(`{ organizations(filter: { sectorCodes: ["HAZARDOUS_CHEMICALS"] }) { edges { node { enterprise { sectorCode } } } } }`);
    expect(chem.body.data!['organizations'].edges.length).toBeGreaterThan(0);
    for (const e of chem.body.data!['organizations'].edges) expect(e.node.enterprise.sectorCode).toBe('HAZARDOUS_CHEMICALS');
    const text = await gql(`{ organizations(filter: { search: "100%_" }) { totalCount } }`);
    expect(text.body.data!['organizations'].totalCount).toBe(0);
  });
});
