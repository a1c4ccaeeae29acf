import { rawQuery, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The read compiler (core/src/read-compiler): a query of columns and declared relations is ONE
 * statement whose JSON text is the response's data, byte for byte what the resolvers send. Each
 * query here runs both ways (`x-read-compiler: off` turns it off for a request) and the raw bodies
 * are compared as text.
 */
describe('read compiler', () => {
  let t: TestGateway;
  let anban: GraphQLClient;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { READ_COMPILER: 'true', READ_COMPILER_HEADER: 'true', RATE_LIMIT_POINTS: '0' } });
    tokens = { anban: await t.token('anban'), wenfeng: await t.token('wenfeng') };
    anban = await t.as('anban');
  });
  afterAll(() => t?.close());

  /** The raw response of a query, compiled or not. */
  const raw = (query: string, variables: Record<string, unknown> = {}, as = 'anban', compiled = true) => rawQuery(t, query, variables, tokens[as]!, compiled);

  /** Runs a query both ways: the compiled one must be compiled, one statement, and the same bytes. */
  const both = async (query: string, variables: Record<string, unknown> = {}, as = 'anban') => {
    const on = await raw(query, variables, as);
    const off = await raw(query, variables, as, false);
    expect(off.compiled).toBeNull();
    expect(on.text).toBe(off.text);
    expect(on.status).toBe(off.status);
    return { on, off, body: JSON.parse(on.text) as { data: Record<string, any>; errors?: unknown[] } };
  };

  it('answers a flat list, a nested list and a lookup by id in one statement each, with the same bytes', async () => {
    const flat = await both('{ hazards(first: 100) { edges { node { id title status category foundAt } } } }');
    expect(flat.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(flat.body.data['hazards'].edges.length).toBeGreaterThan(5);

    const nested = await both(`{
      organizations(first: 20) { edges { node {
        id name
        hazards(first: 20) { edges { node {
          id title status foundAt
          history(first: 20) { edges { node { id action toStatus at } } }
        } } }
      } } }
    }`);
    expect(nested.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(nested.off.statements).toBe(3);
    const withHistory = nested.body.data['organizations'].edges.flatMap((o: any) => o.node.hazards.edges).filter((h: any) => h.node.history.edges.length);
    expect(withHistory.length).toBeGreaterThan(0);

    const someId = flat.body.data['hazards'].edges[0].node.id;
    const byId = await both('query($id: UUID!) { hazard(id: $id) { id title status category foundAt deadline } }', { id: someId });
    expect(byId.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(byId.body.data['hazard'].id).toBe(someId);
  });

  it('writes every part of a connection as the resolvers do: counts, cursors, page info, aliases, __typename, computed fields', async () => {
    const query = `query($first: Int, $after: String, $last: Int, $before: String) {
      __typename
      list: hazards(first: $first, after: $after, last: $last, before: $before) {
        __typename totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
        edges { cursor __typename node { __typename nodeId id overdue deadline funds grade listedSupervision closedAt organization { id name code parent { name } } } }
      }
    }`;
    const first = await both(query, { first: 3 });
    expect(first.on).toMatchObject({ compiled: 'true', statements: 1 });
    const page = first.body.data['list'];
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await both(query, { first: 3, after: page.pageInfo.endCursor });
    expect(second.body.data['list'].pageInfo.hasPreviousPage).toBe(true);
    const back = await both(query, { last: 2, before: second.body.data['list'].pageInfo.startCursor });
    expect(back.body.data['list'].edges.map((e: any) => e.node.id)).toEqual(page.edges.slice(1).map((e: any) => e.node.id));
    expect(back.body.data['list'].pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const end = await both(query, { last: 1 });
    expect(end.body.data['list'].pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages losslessly with page size 1 both ways over rows sharing one timestamp, compiled as the resolvers page', async () => {
    // Half the hazards found at the very same instant: only the id orders them.
    await t.gateway.database.dataSource.query(`UPDATE hazard SET found_at = '2025-06-01 08:00:00.123456+08' WHERE id IN (SELECT id FROM hazard ORDER BY id LIMIT (SELECT count(*) / 2 FROM hazard))`);
    const query = `query($first: Int, $after: String, $last: Int, $before: String) {
      hazards(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } }
    }`;
    const walk = async (forward: boolean) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const { on, body } = await both(query, forward ? { first: 1, after: cursor } : { last: 1, before: cursor });
        expect(on.compiled).toBe('true');
        const page = body.data['hazards'];
        ids.push(...page.edges.map((e: any) => e.node.id));
        if (!(forward ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage)) return { ids, total: page.totalCount as number };
        cursor = forward ? page.pageInfo.endCursor : page.pageInfo.startCursor;
      }
    };
    const forward = await walk(true);
    const backward = await walk(false);
    expect(forward.ids.length).toBe(forward.total);
    expect(new Set(forward.ids).size).toBe(forward.total);
    expect(backward.ids.reverse()).toEqual(forward.ids);
    // Every page of the seeded hazards (310) both ways, each through the compiler and the resolvers: about 1,240
    // requests, 20-30 s alone and over 60 s on a loaded 2-core machine (the clean-clone CI beside browser tests).
  }, 240_000);

  it('applies the row scope of every level: a village official sees only their village', async () => {
    const query = `{ organizations(first: 50) { totalCount edges { node { id name children(first: 5) { totalCount edges { node { name } } } hazards(first: 5) { totalCount edges { node { title history(last: 2) { edges { node { action } } } } } } } } } }`;
    const wenfeng = await both(query, {}, 'wenfeng');
    expect(wenfeng.on).toMatchObject({ compiled: 'true', statements: 1 });
    const all = await both(query, {}, 'anban');
    expect(wenfeng.body.data['organizations'].totalCount).toBeLessThan(all.body.data['organizations'].totalCount);
  });

  it('answers Apollo\'s route from the same statement (parsed there: Apollo serializes results itself)', async () => {
    const query = '{ organizations(first: 3) { edges { cursor node { id name kind parent { name } children(first: 2) { totalCount } } } } }';
    const get = async (compiled: boolean) => {
      const res = await fetch(`${t.origin}/graphql?query=${encodeURIComponent(query)}`, {
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${tokens['anban']}`, ...(compiled ? {} : { 'x-read-compiler': 'off' }) },
      });
      return { text: await res.text(), compiled: res.headers.get('x-read-compiled'), statements: res.headers.get('x-sql-statements') };
    };
    const [on, off] = [await get(true), await get(false)];
    expect(on).toMatchObject({ compiled: 'true', statements: '1' });
    expect(on.text).toBe(off.text);
    // Apollo ends its body with a newline; the data are the same bytes.
    expect(on.text.trimEnd()).toBe((await both(query)).on.text);
  });

  it('leaves to the resolvers what it does not compile, and errors: they answer as before', async () => {
    const typename = await both('{ __typename }');
    expect(typename.on).toMatchObject({ compiled: 'false', statements: 0 });
    const invalid = await both('{ hazards(first: 500) { edges { node { id } } } }');
    expect(invalid.on.compiled).toBe('false');
    expect(invalid.body.errors).toBeDefined();
    const badCursor = await both('{ hazards(first: 2, after: "WyJub3QgYSBkYXRlIiwibm90IGEgdXVpZCJd") { edges { node { id } } } }');
    expect(badCursor.on.compiled).toBe('false');
    expect(JSON.parse(badCursor.on.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const nestedInvalid = await both('{ hazards(first: 2) { edges { node { history(first: 0) { totalCount } } } } }');
    expect(nestedInvalid.on.compiled).toBe('false');
    expect(await anban('{ hazards(first: 1) { totalCount } }')).toMatchObject({ status: 200 });
  });

  it('leaves a subtree it does not compile to its resolvers, for that subtree only: the rest is still one statement', async () => {
    // A field computed in Node (location) on nodes of two levels and on a reference: its resolver answers it from the row the statement carries.
    const nested = await both(`{
      organizations(first: 5) { edges { node {
        id name location { longitude latitude }
        hazards(first: 3) { edges { node { id title location { longitude } organization { name location { latitude } } } } }
      } } }
    }`);
    expect(nested.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(nested.off.statements).toBe(3);
    const hazards = nested.body.data['organizations'].edges.flatMap((o: any) => o.node.hazards.edges);
    expect(hazards.length).toBeGreaterThan(0);
    expect(JSON.stringify(nested.body.data)).toMatch(/"location":\{"longitude":\d/);

    // Root fields that are not records (the viewer, a scalar) are answered by their resolvers beside the compiled read.
    const mixed = await both('{ viewer { displayName kind } syncPoint: __typename hazards(first: 2) { totalCount edges { node { id } } } }');
    expect(mixed.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(mixed.body.data['viewer'].displayName).toBeTruthy();

    // A deferred subtree that answers with an error: the whole request goes to the resolvers, errors and paths as ever.
    const failing = await both('{ hazards(first: 2) { edges { node { id } } } drillCompliance(year: 2025, first: 500) { totalCount } }');
    expect(failing.on.compiled).toBe('false');
    expect(failing.body.errors).toHaveLength(1);
    expect(failing.body.data).toBeNull();
  });

  it('answers node(nodeId:) and nodes(nodeIds:) in one statement, each record in its own type\'s shape, null where missing or out of reach', async () => {
    const page = await both('{ hazards(first: 2) { edges { node { nodeId } } } organizations(first: 1) { edges { node { nodeId } } } }');
    const [h1, h2] = page.body.data['hazards'].edges.map((e: any) => e.node.nodeId);
    const org = page.body.data['organizations'].edges[0].node.nodeId;
    const selection = `__typename nodeId ... on Hazard { id title foundAt organization { name } } ... on Organization { name kind parent { name } }`;
    const one = await both(`query($id: ID!) { node(nodeId: $id) { ${selection} } }`, { id: h1 });
    expect(one.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(one.body.data['node']).toMatchObject({ __typename: 'Hazard', nodeId: h1 });
    // A record of another type, a missing one (a well-formed id of nothing) and a repeated one, in order.
    const missing = Buffer.from('Hazard:00000000-0000-4000-8000-000000000000').toString('base64url');
    const many = await both(`query($ids: [ID!]!) { nodes(nodeIds: $ids) { ${selection} } }`, { ids: [org, h2, missing, h1] });
    expect(many.on).toMatchObject({ compiled: 'true', statements: 1 });
    expect(many.body.data['nodes'].map((n: any) => n?.__typename ?? null)).toEqual(['Organization', 'Hazard', null, 'Hazard']);
    expect((await both('{ nodes(nodeIds: []) { nodeId } }')).body.data['nodes']).toEqual([]);
    // Out of a village official's reach: null, as for a record that does not exist.
    const other = await both('{ organizations(first: 50, filter: { kinds: [VILLAGE] }) { edges { node { nodeId name } } } }');
    const villages = other.body.data['organizations'].edges.map((e: any) => e.node);
    const notWenfeng = villages.find((v: any) => !v.name.includes('文峰'));
    const fromWenfeng = await both(`query($id: ID!) { node(nodeId: $id) { nodeId } }`, { id: notWenfeng.nodeId }, 'wenfeng');
    expect(fromWenfeng.on.compiled).toBe('true');
    expect(fromWenfeng.body.data['node']).toBeNull();
    // Not a global id: the resolvers answer with their error.
    const invalid = await both('{ node(nodeId: "nonsense") { nodeId } }');
    expect(invalid.on.compiled).toBe('false');
    expect(invalid.body.errors).toHaveLength(1);
  });

  it('writes the audit entry of a sensitive field it leaves to the resolvers, once, for exactly the records sent', async () => {
    const audited = async () =>
      (await t.gateway.database.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'kernel.sensitive.read' AND entity_type = 'Person' ORDER BY occurred_at`)) as Array<{ changes: { records: Record<string, string[]> } }>;
    const query = '{ persons(first: 4) { edges { node { id name phone idNumber } } } }';
    const before = (await audited()).length;
    const on = await raw(query);
    expect(on).toMatchObject({ compiled: 'true', status: 200 });
    const afterOn = await audited();
    const off = await raw(query, {}, 'anban', false);
    const afterOff = await audited();
    expect(on.text).toBe(off.text);
    // One entry per request, naming the same persons and fields either way.
    expect(afterOn.length).toBe(before + 1);
    expect(afterOff.length).toBe(before + 2);
    const ids = JSON.parse(on.text).data.persons.edges.map((e: any) => e.node.id).sort();
    expect(Object.keys(afterOn[before]!.changes.records).sort()).toEqual(ids);
    expect(afterOn[before]!.changes).toEqual(afterOff[before + 1]!.changes);
  });
});
