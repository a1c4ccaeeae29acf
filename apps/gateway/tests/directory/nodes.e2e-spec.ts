import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { todayInChina } from '@platform/core';
import { AVAILABLE_MODULES } from '../../src/available-modules';

const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_LEAD = seedId('person:person-village-wenfeng-lead');
const SHUANGHE_LEAD = seedId('person:person-village-shuanghe-lead');

/** The directory's declared entities through `node(nodeId:)`: each by its own declaration's scope. */
describe('directory records by global id', () => {
  let t: TestGateway;
  let anban: GraphQLClient;
  /** Global ids of one record of each type in 文凤村 and one in 双河村, as the town office sees them. */
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    anban = await t.as('anban');
    for (const [key, personId] of Object.entries({ wf: WENFENG_LEAD, sh: SHUANGHE_LEAD })) {
      const training = await anban(`mutation($input: RecordTrainingInput!) { recordTraining(input: $input) { nodeId } }`, {
        input: { personId, topic: '安全生产培训', kind: 'WORK_SAFETY', trainedOn: todayInChina(), hours: 2, provider: '南平镇安办' },
      });
      expect(training.body.errors).toBeUndefined();
      ids[`${key}Training`] = training.body.data!['recordTraining'].nodeId;
      const person = (await anban(`query($id: UUID!) { person(id: $id) { nodeId positions(first: 1) { edges { node { nodeId } } } } }`, { id: personId })).body.data!['person'];
      ids[`${key}Person`] = person.nodeId;
      ids[`${key}Position`] = person.positions.edges[0].node.nodeId;
    }
    const orgs = (await anban(`query($wf: UUID!, $sh: UUID!) { wf: organization(id: $wf) { nodeId } sh: organization(id: $sh) { nodeId } }`, { wf: WENFENG, sh: SHUANGHE })).body.data!;
    ids['wfOrganization'] = orgs['wf'].nodeId;
    ids['shOrganization'] = orgs['sh'].nodeId;
  });
  afterAll(() => t?.close());

  const NODES = `query($ids: [ID!]!) { nodes(nodeIds: $ids) {
    __typename nodeId
    ... on Organization { id name }
    ... on Person { id name }
    ... on Position { personId organizationId }
    ... on TrainingRecord { personId topic }
  } }`;
  const order = ['Organization', 'Person', 'Position', 'Training'];

  it('answers a village officer for records of the own village and null for those of another, one statement per type', async () => {
    const wenfeng = await t.as('wenfeng');
    const res = await wenfeng(NODES, { ids: order.flatMap((type) => [ids[`wf${type}`], ids[`sh${type}`]]) });
    expect(res.body.errors).toBeUndefined();
    const [org, otherOrg, person, otherPerson, position, otherPosition, training, otherTraining] = res.body.data!['nodes'];
    expect(org).toEqual({ __typename: 'Organization', nodeId: ids['wfOrganization'], id: WENFENG, name: expect.stringContaining('文凤村') });
    expect(person).toMatchObject({ __typename: 'Person', nodeId: ids['wfPerson'], id: WENFENG_LEAD });
    expect(position).toMatchObject({ __typename: 'Position', nodeId: ids['wfPosition'], personId: WENFENG_LEAD });
    expect(training).toEqual({ __typename: 'TrainingRecord', nodeId: ids['wfTraining'], personId: WENFENG_LEAD, topic: '安全生产培训' });
    expect([otherOrg, otherPerson, otherPosition, otherTraining]).toEqual([null, null, null, null]);
    // Compiled: one statement for all eight. The resolvers: organizations, persons, positions, trainings, one statement each.
    expect(res.statements).toBe(1);
    const off = await (await t.resolvers('wenfeng'))(NODES, { ids: order.flatMap((type) => [ids[`wf${type}`], ids[`sh${type}`]]) });
    expect(off.body).toEqual(res.body);
    expect(off.statements).toBe(4);
  });

  it('answers the town office for all of them, with the ids the types give out', async () => {
    const res = await anban(NODES, { ids: order.map((type) => ids[`sh${type}`]) });
    expect(res.body.data!['nodes'].map((n: any) => [n.__typename, n.nodeId])).toEqual([
      ['Organization', ids['shOrganization']],
      ['Person', ids['shPerson']],
      ['Position', ids['shPosition']],
      ['TrainingRecord', ids['shTraining']],
    ]);
  });

  it('keeps a grid worker, who may not read persons of the village level, from persons and their trainings', async () => {
    const grid = await t.as('wenfeng-grid1');
    const res = await grid(NODES, { ids: [ids['wfPerson'], ids['wfTraining']] });
    expect(res.body.data!['nodes']).toEqual([null, null]);
  });
});
