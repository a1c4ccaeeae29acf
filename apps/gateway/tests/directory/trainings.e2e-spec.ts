import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { todayInChina } from '@platform/core';
import { AVAILABLE_MODULES } from '../../src/available-modules';

/** Holds the position 灾害信息员 in 文凤村. */
const WENFENG_PERSON = seedId('person:person-village-wenfeng-disaster');
const WENFENG = seedId('org:village-wenfeng');
const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('training records over HTTP', () => {
  let t: TestGateway;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    // Trainings of their own: the seed's demo trainings are removed first.
    await t.gateway.database.dataSource.query(`DELETE FROM training_record`);
    [wenfeng, shuanghe, grid] = await Promise.all([t.as('wenfeng'), t.as('shuanghe'), t.as('wenfeng-grid1')]);
  });
  afterAll(() => t?.close());

  const record = (client: GraphQLClient, input: Record<string, unknown>) =>
    client(`mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { id personId topic kind trainedOn hours provider certificateNo person { name } } }`, {
      input: { personId: WENFENG_PERSON, topic: '灾情信息报送业务培训', kind: 'DISASTER_INFORMATION', trainedOn: daysAgo(10), hours: 4.5, provider: '南川区应急管理局', ...input },
    });
  const trainingsOf = (client: GraphQLClient, after?: string) =>
    client(
      `query($id: UUID!, $after: String) { person(id: $id) { version lastTrainedOn trainings(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { topic kind trainedOn hours certificateNo } } } } }`,
      { id: WENFENG_PERSON, after },
    );

  it('lets a village officer record a training of a person of the village, listed newest first on the person', async () => {
    const first = await record(wenfeng, { certificateNo: 'NC-2025-0012' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!['recordTraining']).toMatchObject({ personId: WENFENG_PERSON, kind: 'DISASTER_INFORMATION', hours: 4.5, certificateNo: 'NC-2025-0012', person: { name: expect.any(String) } });
    expect((await record(wenfeng, { topic: '消防安全知识培训', kind: 'FIRE_SAFETY', trainedOn: daysAgo(3), hours: 2 })).body.errors).toBeUndefined();
    expect((await record(wenfeng, { topic: '应急救援技能培训', kind: 'EMERGENCY_RESCUE', trainedOn: daysAgo(30), hours: 8 })).body.errors).toBeUndefined();

    const page1 = (await trainingsOf(wenfeng)).body.data!['person'];
    expect(page1).toMatchObject({ version: 1, lastTrainedOn: daysAgo(3) });
    expect(page1.trainings.totalCount).toBe(3);
    expect(page1.trainings.edges.map((e: any) => e.node)).toEqual([
      { topic: '消防安全知识培训', kind: 'FIRE_SAFETY', trainedOn: daysAgo(3), hours: 2, certificateNo: null },
      { topic: '灾情信息报送业务培训', kind: 'DISASTER_INFORMATION', trainedOn: daysAgo(10), hours: 4.5, certificateNo: 'NC-2025-0012' },
    ]);
    expect(page1.trainings.pageInfo.hasNextPage).toBe(true);
    const page2 = (await trainingsOf(wenfeng, page1.trainings.pageInfo.endCursor)).body.data!['person'];
    expect(page2.trainings.edges.map((e: any) => e.node.trainedOn)).toEqual([daysAgo(30)]);

    const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'directory.training.record'`, [WENFENG_PERSON]);
    expect(audits).toHaveLength(3);
  });

  it('answers another village like a missing person and refuses a grid worker', async () => {
    const foreign = await record(shuanghe, {});
    expect(errorOf(foreign)).toMatchObject({ code: 'NOT_FOUND', entity: 'Person', field: 'input.personId' });
    expect((await trainingsOf(shuanghe)).body.data!['person']).toBeNull();
    expect(errorOf(await record(grid, {}))).toMatchObject({ code: 'FORBIDDEN', permission: 'directory.person:write' });
    // The grid worker may not read persons of the village level either: no trainings leak.
    expect((await trainingsOf(grid)).body.data!['person']).toBeNull();
  });

  it('names the field and the rule of invalid input', async () => {
    expect(fieldsOf(await record(wenfeng, { trainedOn: daysAgo(-2) }))).toEqual([expect.objectContaining({ field: 'input.trainedOn', rule: 'notFuture' })]);
    // Not a calendar day: refused by the LocalDate scalar while the variable is coerced (400), naming its path.
    const malformed = await record(wenfeng, { trainedOn: '2025-02-30' });
    expect([malformed.status, errorOf(malformed)?.['code'], malformed.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringContaining('at "input.trainedOn"; LocalDate must be a calendar day YYYY-MM-DD')]);
    expect(fieldsOf(await record(wenfeng, { hours: 0 }))).toEqual([expect.objectContaining({ field: 'input.hours', rule: 'isPositive' })]);
    expect(fieldsOf(await record(wenfeng, { hours: 1.25 }))).toEqual([expect.objectContaining({ field: 'input.hours', rule: 'isNumber' })]);
    expect(fieldsOf(await record(wenfeng, { hours: 10_000 }))).toEqual([expect.objectContaining({ field: 'input.hours', rule: 'max' })]);
    expect(fieldsOf(await record(wenfeng, { topic: '训' }))).toEqual([expect.objectContaining({ field: 'input.topic', rule: 'isLength' })]);
    expect(errorOf(await record(wenfeng, { personId: '00000000-0000-4000-8000-000000000000' }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: '00000000-0000-4000-8000-000000000000', field: 'input.personId' });
  });

  it('reads persons with their trainings and an organization with its current positions in one compiled statement', async () => {
    // Only columns the compiler writes: `hours` (a column with a transformer) and `lastTrainedOn` (a resolver) would make the resolvers answer.
    const res = await wenfeng(
      `query($id: UUID!, $org: UUID!) {
        person(id: $id) { id name trainings(first: 5) { totalCount edges { node { topic kind trainedOn person { id name } } } } }
        organization(id: $org) { name positions(first: 50) { totalCount edges { node { personId organizationId title } } } }
      }`,
      { id: WENFENG_PERSON, org: WENFENG },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-read-compiled')).toBe('true');
    expect(res.statements).toBe(1);
    const person = res.body.data!['person'];
    expect(person.trainings.totalCount).toBe(3);
    expect(person.trainings.edges.map((e: any) => e.node.trainedOn)).toEqual([daysAgo(3), daysAgo(10), daysAgo(30)]);
    expect(person.trainings.edges.every((e: any) => e.node.person.id === WENFENG_PERSON && e.node.person.name === person.name)).toBe(true);
    const positions = res.body.data!['organization'].positions;
    expect(positions.totalCount).toBe(positions.edges.length);
    expect(positions.edges.every((e: any) => e.node.organizationId === WENFENG)).toBe(true);
    expect(positions.edges.map((e: any) => e.node.personId)).toContain(WENFENG_PERSON);
  });
});
