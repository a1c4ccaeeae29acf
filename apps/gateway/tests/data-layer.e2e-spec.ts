import { startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { scopedProbeModule } from './scoped-probe.module';

const WENFENG = seedId('org:village-wenfeng');
const WENFENG_GRID = seedId('org:grid-wenfeng-1');
const SHUANGHE = seedId('org:village-shuanghe');
const TOWN = seedId('org:town');

/**
 * An entity with no hand-written scope code (scoped-probe.module.ts declares its scope once and
 * reads only through `records()`): a village officer sees its own subtree and nothing else on every path.
 */
describe('kernel data layer: scope declared once, applied by the kernel', () => {
  let t: TestGateway;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, scopedProbeModule], { seed: true });
    const ds = t.gateway.database.dataSource;
    for (const [key, org] of Object.entries({ wf: WENFENG, grid: WENFENG_GRID, sh: SHUANGHE, town: TOWN })) {
      const [{ id }] = await ds.query(`INSERT INTO scoped_probe (organization_id, title) VALUES ($1, $2) RETURNING id`, [org, `检查-${key}`]);
      ids[key] = id;
      const [{ id: note }] = await ds.query(`INSERT INTO scoped_probe_note (probe_id, text) VALUES ($1, $2) RETURNING id`, [id, `备注-${key}`]);
      ids[`${key}Note`] = note;
    }
  });
  afterAll(() => t?.close());

  it('lists, counts, filters, looks up and nests only within the village officer\'s subtree', async () => {
    const wenfeng = await t.as('wenfeng');
    const list = await wenfeng(`{ scopedProbes(first: 10) { totalCount edges { node { title notes(first: 5) { totalCount edges { node { text } } } } } } scopedProbeCount }`);
    expect(list.body.data).toEqual({
      scopedProbes: {
        totalCount: 2,
        edges: [
          { node: { title: '检查-grid', notes: { totalCount: 1, edges: [{ node: { text: '备注-grid' } }] } } },
          { node: { title: '检查-wf', notes: { totalCount: 1, edges: [{ node: { text: '备注-wf' } }] } } },
        ],
      },
      scopedProbeCount: 2,
    });
    // Filters narrow, never widen.
    expect((await wenfeng(`{ scopedProbes(search: "sh") { totalCount } }`)).body.data!['scopedProbes'].totalCount).toBe(0);
    // By id: out of scope answers like missing, for the record and for a record reached through its parent.
    const byId = await wenfeng(`query($sh: UUID!, $wf: UUID!, $shNote: ID!, $wfNote: ID!) { sh: scopedProbe(id: $sh) { title } wf: scopedProbe(id: $wf) { title } shNote: scopedProbeNote(id: $shNote) { text } wfNote: scopedProbeNote(id: $wfNote) { text } }`, {
      sh: ids['sh'],
      wf: ids['wf'],
      shNote: ids['shNote'],
      wfNote: ids['wfNote'],
    });
    expect(byId.body.data).toEqual({ sh: null, wf: { title: '检查-wf' }, shNote: null, wfNote: { text: '备注-wf' } });
  });

  it('answers node(nodeId:) and nodes(nodeIds:) within scope, null beyond it, as for a missing record', async () => {
    const anban = await t.as('anban');
    const wenfeng = await t.as('wenfeng');
    const all = await anban(`{ scopedProbes { edges { node { id title nodeId notes { edges { node { nodeId text } } } } } } }`);
    const byTitle = new Map<string, any>(all.body.data!['scopedProbes'].edges.map((e: any) => [e.node.title, e.node]));
    const wf = byTitle.get('检查-wf');
    const sh = byTitle.get('检查-sh');
    expect(wf.nodeId).not.toContain(wf.id);
    const query = `query($ids: [ID!]!) { nodes(nodeIds: $ids) { __typename nodeId ... on ScopedProbe { title } ... on ScopedProbeNote { text } } }`;
    const ids = [wf.nodeId, sh.nodeId, wf.notes.edges[0].node.nodeId, sh.notes.edges[0].node.nodeId];
    expect((await anban(query, { ids })).body.data!['nodes']).toEqual([
      { __typename: 'ScopedProbe', nodeId: wf.nodeId, title: '检查-wf' },
      { __typename: 'ScopedProbe', nodeId: sh.nodeId, title: '检查-sh' },
      { __typename: 'ScopedProbeNote', nodeId: wf.notes.edges[0].node.nodeId, text: '备注-wf' },
      { __typename: 'ScopedProbeNote', nodeId: sh.notes.edges[0].node.nodeId, text: '备注-sh' },
    ]);
    expect((await wenfeng(query, { ids })).body.data!['nodes']).toEqual([
      { __typename: 'ScopedProbe', nodeId: wf.nodeId, title: '检查-wf' },
      null,
      { __typename: 'ScopedProbeNote', nodeId: wf.notes.edges[0].node.nodeId, text: '备注-wf' },
      null,
    ]);
    expect((await wenfeng(`query($id: ID!) { node(nodeId: $id) { nodeId } }`, { id: sh.nodeId })).body.data!['node']).toBeNull();
    // Anonymous callers and unknown types get null; strings that are not global ids are refused.
    expect((await t.gql(`query($id: ID!) { node(nodeId: $id) { nodeId } }`, { id: wf.nodeId })).body.data!['node']).toBeNull();
    expect((await anban(`query($id: ID!) { node(nodeId: $id) { nodeId } }`, { id: Buffer.from(`Nothing:${wf.id}`).toString('base64url') })).body.data!['node']).toBeNull();
    expect((await anban(`{ node(nodeId: "not-an-id") { nodeId } }`)).body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('applies both scopes in the escape hatch: a subquery spliced into a condition and an aggregate', async () => {
    const ds = t.gateway.database.dataSource;
    // A second note on 双河村's record, so that its tally differs from the others.
    await ds.query(`INSERT INTO scoped_probe_note (probe_id, text) VALUES ($1, '备注-sh-2')`, [ids['sh']]);
    const query = `{ withNote: scopedProbeTitlesWithNote(text: "备注") shOnly: scopedProbeTitlesWithNote(text: "sh") tallies: scopedProbeTallies { organizationId records notes } }`;
    const wenfeng = await t.as('wenfeng');
    const sorted = (rows: any[]) => [...rows].sort((a, b) => a.organizationId.localeCompare(b.organizationId));
    const seen = (await wenfeng(query)).body.data!;
    expect(seen['withNote']).toEqual(['检查-grid', '检查-wf']);
    expect(seen['shOnly']).toEqual([]);
    expect(sorted(seen['tallies'])).toEqual(sorted([{ organizationId: WENFENG, records: 1, notes: 1 }, { organizationId: WENFENG_GRID, records: 1, notes: 1 }]));
    const all = (await (await t.as('anban'))(query)).body.data!;
    expect(all['withNote']).toEqual(['检查-grid', '检查-sh', '检查-town', '检查-wf']);
    expect(all['shOnly']).toEqual(['检查-sh']);
    expect(all['tallies'].find((r: any) => r.organizationId === SHUANGHE)).toEqual({ organizationId: SHUANGHE, records: 1, notes: 2 });
    expect(all['tallies']).toHaveLength(4);
  });

  it('shows the town office every record, and an account without the permission nothing', async () => {
    const anban = await t.as('anban');
    expect((await anban(`{ scopedProbes { totalCount } scopedProbeCount }`)).body.data).toEqual({ scopedProbes: { totalCount: 4 }, scopedProbeCount: 4 });
    const expert = await t.as('expert');
    expect((await expert(`{ scopedProbeCount }`)).body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'probe.scoped:read' });
  });
});
