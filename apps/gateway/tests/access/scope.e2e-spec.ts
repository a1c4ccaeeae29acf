import { createTestDatabase, startTestGateway, enterpriseInput, type TestDatabase, type TestGateway } from '@platform/testing';
import { selectModules } from '@platform/server';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');

describe('organization scope', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
  });
  afterAll(() => t?.close());

  it('shows a village officer its own village subtree and nothing else, by list, count, id, relation and filter', async () => {
    const village = await t.as('wenfeng');
    const town = await t.as('anban');
    const subtree = (await town(`query($id: UUID!) { organizations(filter: { withinSubtreeOf: $id }) { totalCount } }`, { id: WENFENG })).body.data!['organizations'].totalCount;
    const all = await village(`{ organizations(first: 100) { totalCount edges { node { id } } } }`);
    expect(all.body.data!['organizations'].totalCount).toBe(subtree);
    expect(all.body.data!['organizations'].edges.map((e: any) => e.node.id)).toContain(WENFENG);
    expect(all.body.data!['organizations'].edges.map((e: any) => e.node.id)).not.toContain(SHUANGHE);

    expect((await village(`query($id: UUID!) { organization(id: $id) { name } }`, { id: SHUANGHE })).body.data!['organization']).toBeNull();
    expect((await village(`query($id: UUID!) { organizations(filter: { withinSubtreeOf: $id }) { totalCount } }`, { id: SHUANGHE })).body.data!['organizations'].totalCount).toBe(0);
    expect((await village(`{ organizations(filter: { search: "双河" }) { totalCount } }`)).body.data!['organizations'].totalCount).toBe(0);
    const mine = (await village(`query($id: UUID!) { organization(id: $id) { parent { id } ancestors { id } children(first: 100) { totalCount } } }`, { id: WENFENG })).body.data!['organization'];
    expect(mine.parent).toBeNull();
    expect(mine.ancestors).toEqual([]);
    expect(mine.children.totalCount).toBeGreaterThan(0);

    const townAll = await town(`{ organizations { totalCount } }`);
    expect(townAll.body.data!['organizations'].totalCount).toBeGreaterThan(subtree);
  });

  it('answers NOT_FOUND for writes outside the scope and refuses out-of-scope parents', async () => {
    const village = await t.as('wenfeng');
    const other = (await (await t.as('anban'))(`query($id: UUID!) { organization(id: $id) { version } }`, { id: SHUANGHE })).body.data!['organization'];
    const update = await village(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, { input: { id: SHUANGHE, version: other.version, name: '改名' } });
    expect(update.body.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
    const elsewhere = await village(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: enterpriseInput(seedId('org:grid-shuanghe-1')) });
    expect(elsewhere.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: seedId('org:grid-shuanghe-1'), field: 'input.parentId' });
    const here = await village(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { parent { id } } }`, { input: enterpriseInput(seedId('org:grid-wenfeng-1')) });
    expect(here.body.data!['createOrganization'].parent.id).toBe(seedId('org:grid-wenfeng-1'));
  });

  it('limits an enterprise safety manager to the own enterprise and its people', async () => {
    const manager = await t.as('sinopec-nanping');
    const list = await manager(`{ organizations { edges { node { id kind } } } persons { totalCount } }`);
    expect(list.body.data!['organizations'].edges).toEqual([{ node: { id: seedId('org:ent-sinopec-nanping'), kind: 'ENTERPRISE' } }]);
    expect(list.body.data!['persons'].totalCount).toBe(2);
  });

  it('shows persons only through positions in scope and masks personal data outside the sensitive grant', async () => {
    const grid = await t.as('wenfeng-grid1');
    const people = await grid(`{ persons(first: 100) { totalCount edges { node { phone positions { edges { node { organization { id } } } } } } } }`);
    const edges = people.body.data!['persons'].edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect(e.node.phone ?? '').not.toMatch(/^1\d{10}$/);
      for (const p of e.node.positions.edges) expect(p.node.organization).not.toBeNull();
    }
    const villageOfficer = await t.as('wenfeng');
    const unmasked = await villageOfficer(`{ persons(first: 5) { edges { node { phone } } } }`);
    expect(unmasked.body.data!['persons'].edges.some((e: any) => /^1\d{10}$/.test(e.node.phone ?? ''))).toBe(true);
    const townPerson = await villageOfficer(`query($id: UUID!) { person(id: $id) { name } }`, { id: seedId('person:person-dept-safety-head') });
    expect(townPerson.body.data!['person']).toBeNull();
  });
});

describe('access changes at run time, across gateway processes (ACCESS_FRESHNESS=strict, the default)', () => {
  let database: TestDatabase;
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    database = await createTestDatabase(selectModules(AVAILABLE_MODULES, 'all'), { seed: true });
    a = await startTestGateway(AVAILABLE_MODULES, { database });
    b = await startTestGateway(AVAILABLE_MODULES, { database });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  it('take effect on the next request, for tokens already issued, in every gateway process', async () => {
    const onA = await a.as('expert');
    const tokenB = (await b.gql(`mutation { login(input: { username: "expert", password: "nanping2025" }) { accessToken } }`)).body.data!['login'].accessToken;
    const onB = (q: string) => b.gql(q, undefined, { authorization: `Bearer ${tokenB}` });
    const q = `{ organizations(first: 1) { totalCount } }`;
    expect((await onA(q)).body.errors).toBeUndefined();
    expect((await onB(q)).body.errors).toBeUndefined();

    const ds = a.gateway.database.dataSource;
    await ds.query(`DELETE FROM role_permission WHERE permission = 'directory.organization:read' AND role_id = (SELECT id FROM role WHERE code = 'expert')`);
    expect((await onA(q)).body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect((await onB(q)).body.errors![0]!.extensions!['code']).toBe('FORBIDDEN');

    await ds.query(`INSERT INTO role_permission (role_id, permission, scope) SELECT id, 'directory.organization:read', 'ALL' FROM role WHERE code = 'expert'`);
    expect((await onA(q)).body.errors).toBeUndefined();
    expect((await onB(q)).body.errors).toBeUndefined();

    await ds.query(`UPDATE app_user SET status = 'DISABLED' WHERE username = 'expert'`);
    expect((await onB(q)).status).toBe(401);
    await a.gateway.database.dataSource.query(`UPDATE app_user SET status = 'ACTIVE' WHERE username = 'expert'`);
  });

  it('apply to the very next request on another gateway, round after round', async () => {
    const token = (await b.gql(`mutation { login(input: { username: "expert", password: "nanping2025" }) { accessToken } }`)).body.data!['login'].accessToken;
    const onB = (q: string) => b.gql(q, undefined, { authorization: `Bearer ${token}` });
    const q = `{ organizations(first: 1) { totalCount } }`;
    const ds = a.gateway.database.dataSource;
    const outcomes: string[] = [];
    for (let round = 0; round < 25; round++) {
      await ds.query(`DELETE FROM role_permission WHERE permission = 'directory.organization:read' AND role_id = (SELECT id FROM role WHERE code = 'expert')`);
      outcomes.push((await onB(q)).body.errors?.[0]?.extensions?.['code'] ?? 'ok');
      await ds.query(`INSERT INTO role_permission (role_id, permission, scope) SELECT id, 'directory.organization:read', 'ALL' FROM role WHERE code = 'expert'`);
      outcomes.push((await onB(q)).body.errors?.[0]?.extensions?.['code'] ?? 'ok');
      await ds.query(`UPDATE app_user SET status = 'DISABLED' WHERE username = 'expert'`);
      outcomes.push(String((await onB(q)).status));
      await ds.query(`UPDATE app_user SET status = 'ACTIVE' WHERE username = 'expert'`);
      outcomes.push(String((await onB(q)).status));
    }
    expect(outcomes).toEqual(Array.from({ length: 25 }, () => ['FORBIDDEN', 'ok', '401', '200']).flat());
  }, 60_000);
});

describe('relation fields', () => {
  it('refuse a relation leading to persons without directory.person:read, and stop at the person scope', async () => {
    const t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    try {
      const expert = await t.as('expert');
      const res = await expert(`query($id: UUID!) { organization(id: $id) { name positions { totalCount } } }`, { id: WENFENG });
      expect(res.body.data!['organization']).toBeNull();
      expect(res.body.errors![0]).toMatchObject({ path: ['organization', 'positions'], extensions: { code: 'FORBIDDEN', permission: 'directory.person:read' } });
      // A department officer reads organizations town-wide but persons only in the own department.
      const dept = await t.as('jingfa');
      const village = await dept(`query($id: UUID!) { organization(id: $id) { name positions { totalCount edges { node { person { name } } } } } }`, { id: WENFENG });
      expect(village.body.errors).toBeUndefined();
      expect(village.body.data!['organization'].positions.totalCount).toBe(0);
      const own = await dept(`query($id: UUID!) { organization(id: $id) { positions { totalCount edges { node { person { name } } } } } }`, { id: seedId('org:dept-economy') });
      expect(own.body.data!['organization'].positions.totalCount).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
