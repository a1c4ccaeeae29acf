import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { AVAILABLE_MODULES } from '../../src/available-modules';
import { idNumberCheckChar } from '@platform/core';

const validId = (body17: string) => body17 + idNumberCheckChar(body17);

describe('persons and positions over HTTP', () => {
  let t: TestGateway;
  /** The town safety office (镇安办): reads and manages the whole directory. */
  let gql: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    gql = await t.as('anban');
  });
  afterAll(() => t?.close());

  const create = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id name phone idNumber version } }`;

  it('masks phone and ID number for callers without the personal-data permission, audits unmasked reads, and keeps the values out of change entries', async () => {
    const res = await gql(create, { input: { name: '王小明', gender: 'MALE', phone: '13812345678', idNumber: validId('50011919850302123') } });
    expect(res.body.errors).toBeUndefined();
    const id = res.body.data!['createPerson'].id;
    // 镇安办 holds directory.person:read-sensitive everywhere: unmasked, and the read is audited.
    expect(res.body.data!['createPerson']).toMatchObject({ name: '王小明', phone: '13812345678', idNumber: validId('50011919850302123') });
    const reads = await t.gateway.database.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'kernel.sensitive.read' AND entity_id = $1`, [id]);
    expect(reads).toEqual([{ changes: { records: { [id]: ['phone', 'idNumber'] } } }]);
    await gql(`mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id } }`, { input: { personId: id, organizationId: seedId('org:town'), title: '干部' } });
    // An inspector reads persons town-wide but not their personal data.
    const inspector = await t.as('zhifa');
    const masked = await inspector(`query($id: UUID!) { person(id: $id) { phone idNumber } }`, { id });
    expect(masked.body.data!['person']).toEqual({ phone: '138****5678', idNumber: `500119********${validId('50011919850302123').slice(-4)}` });
    const stored = await t.gateway.database.dataSource.query(`SELECT phone, id_number FROM person WHERE id = $1`, [res.body.data!['createPerson'].id]);
    expect(stored).toEqual([{ phone: '13812345678', id_number: validId('50011919850302123') }]);
    const auditRow = await t.gateway.database.dataSource.query(`SELECT action, entity_type, changes FROM audit_log WHERE entity_id = $1 AND action <> 'kernel.sensitive.read'`, [id]);
    expect(auditRow.map((r: any) => [r.action, r.entity_type])).toEqual([['directory.person.create', 'Person']]);
    expect(auditRow[0].changes).toMatchObject({ name: '王小明', gender: 'MALE' });
    expect(JSON.stringify(auditRow)).not.toMatch(/13812345678|500119198503/);
  });

  it('checks the ID number check character and refuses a second active person with the same number', async () => {
    const body = '50011919800101123';
    const wrong = body + (idNumberCheckChar(body) === '0' ? '1' : '0');
    const bad = await gql(create, { input: { name: '李四', idNumber: wrong } });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.idNumber', rule: 'checkDigit' }] });
    const id = validId('50011919900101456');
    expect((await gql(create, { input: { name: '张三', idNumber: id } })).body.errors).toBeUndefined();
    const dup = await gql(create, { input: { name: '张三二', idNumber: id } });
    expect(dup.body.errors![0]!.extensions!['code']).toBe('CONFLICT');
    const phone = await gql(create, { input: { name: '赵六', phone: '1234' } });
    expect(phone.body.errors![0]!.extensions!['fields']).toEqual([expect.objectContaining({ field: 'input.phone', rule: 'matches' })]);
  });

  it('assigns and ends positions, and lists persons of an organization subtree', async () => {
    const person = (await gql(create, { input: { name: '网格员甲' } })).body.data!['createPerson'];
    const grid = seedId('org:grid-wenfeng-1');
    const assigned = await gql(
      `mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id version title person { name } organization { id } } }`,
      { input: { personId: person.id, organizationId: grid, title: '网格员', startedOn: '2025-03-01' } },
    );
    const pos = assigned.body.data!['assignPosition'];
    expect(pos).toMatchObject({ title: '网格员', person: { name: '网格员甲' }, organization: { id: grid } });
    const inVillage = await gql(`query($id: UUID!) { persons(first: 100, filter: { organizationSubtree: $id, search: "网格员甲" }) { totalCount } }`, {
      id: seedId('org:village-wenfeng'),
    });
    expect(inVillage.body.data!['persons'].totalCount).toBe(1);
    const early = await gql(`mutation($input: EndPositionInput!) { endPosition(input: $input) { id } }`, { input: { id: pos.id, version: pos.version, endedOn: '2024-01-01' } });
    expect(early.body.errors![0]!.extensions!['fields'][0]).toMatchObject({ field: 'input.endedOn', rule: 'afterStart' });
    const ended = await gql(`mutation($input: EndPositionInput!) { endPosition(input: $input) { endedOn version } }`, { input: { id: pos.id, version: pos.version, endedOn: '2025-06-30' } });
    expect(ended.body.data!['endPosition']).toEqual({ endedOn: '2025-06-30', version: pos.version + 1 });
    const after = await gql(`query($id: UUID!) { persons(filter: { organizationSubtree: $id, search: "网格员甲" }) { totalCount } }`, { id: grid });
    expect(after.body.data!['persons'].totalCount).toBe(0);
  });

  it('loads positions of many persons and their organizations without N+1', async () => {
    const q = (n: number) => `{ persons(first: ${n}) { edges { node { name positions(first: 5) { totalCount edges { node { title organization { name parent { name } } } } } } } } }`;
    const small = await gql(q(5));
    const large = await gql(q(100));
    expect(large.body.errors).toBeUndefined();
    // persons, positions per person, organizations by id, parents by id
    expect(small.statements).toBe(4);
    expect(large.statements).toBe(4);
    const withPositions = large.body.data!['persons'].edges.filter((e: any) => e.node.positions.totalCount > 0);
    expect(withPositions.length).toBeGreaterThan(50);
  });

  it('archives a person and ends their current positions', async () => {
    const person = (await gql(create, { input: { name: '离任者' } })).body.data!['createPerson'];
    await gql(`mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id } }`, {
      input: { personId: person.id, organizationId: seedId('org:town'), title: '干部' },
    });
    const archived = await gql(`mutation($input: ArchiveInput!) { archivePerson(input: $input) { archivedAt positions { totalCount } } }`, {
      input: { id: person.id, version: person.version },
    });
    expect(archived.body.data!['archivePerson']).toEqual({ archivedAt: expect.any(String), positions: { totalCount: 0 } });
    // A reference to an archived person is refused by its field and rule; a missing one is NOT_FOUND.
    const assign = (personId: string) =>
      gql(`mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id } }`, { input: { personId, organizationId: seedId('org:town'), title: '干部' } });
    expect((await assign(person.id)).body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.personId', rule: 'notArchived', message: `Person ${person.id} is archived.` }] });
    const missing = '00000000-0000-4000-8000-00000000abcd';
    expect((await assign(missing)).body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: missing, field: 'input.personId' });
  });
});
