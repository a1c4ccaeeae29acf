import fc from 'fast-check';
import { checkedErrors, startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * Limits and bad input answered as typed 4xx, alike on the fast path (a JSON POST) and on Apollo's
 * route (GET, or a POST the fast path leaves to Apollo): the cost limit with page sizes in variables,
 * bounded metric labels and a guarded /metrics, text PostgreSQL cannot store, ill-typed cursors,
 * unknown operation names, the token limit, persisted-query refusals, hidden suggestions.
 */

interface Reply {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
}

const MAX_OPERATIONS = 5;
const cursor = (values: unknown): string => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const REVIEW_D5 = `query($f: Int) { organizations(first: $f) { edges { node { descendants(first: $f) { edges { node {
  hazards(first: $f) { edges { node { id title description } } } } } } } } } }`;

let t: TestGateway;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { METRICS_MAX_OPERATIONS: String(MAX_OPERATIONS), RATE_LIMIT_POINTS: '0' } });
  auth = { authorization: `Bearer ${await t.token('anban')}` };
});
afterAll(() => t?.close());

// Errors carry the response's request id (checked, then dropped: it differs per request).
const read = async (res: Response): Promise<Reply> => ({ status: res.status, body: checkedErrors((await res.json()) as Reply['body'], res.headers) as Reply['body'] });

/** The fast path: a plain JSON POST. */
async function viaFastPath(query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}, origin = t.origin): Promise<Reply> {
  const res = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables, ...extra }) });
  return read(res);
}

/**
 * Apollo's route: a GET for queries; for mutations a POST asking for `application/graphql-response+json`,
 * which the fast path leaves to Apollo. JSON.stringify writes lone surrogates as `\ud800` escapes, so
 * the URL can carry them.
 */
async function viaApollo(query: string, variables?: Record<string, unknown>, origin = t.origin): Promise<Reply> {
  if (/^\s*mutation/.test(query)) {
    const res = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...auth },
      body: JSON.stringify({ query, variables }),
    });
    return read(res);
  }
  const params = `query=${encodeURIComponent(query)}${variables ? `&variables=${encodeURIComponent(JSON.stringify(variables))}` : ''}`;
  return read(await fetch(`${origin}/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true', ...auth } }));
}

/** Both routes; expects them to answer alike and returns the answer. */
async function onBothRoutes(query: string, variables?: Record<string, unknown>): Promise<Reply> {
  const fast = await viaFastPath(query, variables);
  const apollo = await viaApollo(query, variables);
  expect(apollo).toEqual(fast);
  return fast;
}

const refusedForCost = (r: Reply): boolean => r.status === 400 && r.body.errors?.[0]?.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED' && /^Query cost limit of 3000000 exceeded: found \d+\.$/.test(r.body.errors[0]!.message);

describe('D5: the cost limit counts page sizes given in variables', () => {
  it("refuses the review's organizations → descendants → hazards query with f = 100 on both routes and runs it with f = 5", async () => {
    const refused = await onBothRoutes(REVIEW_D5, { f: 100 });
    expect(refused.body).toEqual({ errors: [{ message: 'Query cost limit of 3000000 exceeded: found 223862591.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
    expect(refused.status).toBe(400);
    // The same figure as with the sizes written out.
    const literal = await viaFastPath(REVIEW_D5.replace('($f: Int)', '').replaceAll('$f', '100'));
    expect(literal.body).toEqual(refused.body);
    const runs = await onBothRoutes(REVIEW_D5, { f: 5 });
    expect(runs.status).toBe(200);
    expect(runs.body.errors).toBeUndefined();
    expect(runs.body.data!['organizations'].edges.length).toBeGreaterThan(0);
    // Omitted sizes count as their default (20): 20 × 20 × 20 is under the limit, so it runs.
    const defaults = await viaFastPath(REVIEW_D5.replace('($f: Int)', '').replaceAll('(first: $f)', ''));
    expect(defaults.body.errors).toBeUndefined();
  });

  it('decides alike for random page sizes given in variables and written as literals', async () => {
    const query = `query($a: Int, $b: Int, $c: Int) { organizations(first: $a) { edges { node { descendants(first: $b) { edges { node {
      hazards(first: $c) { totalCount edges { node { id } } } } } } } } } }`;
    const size = fc.integer({ min: 1, max: 100 });
    let refusals = 0;
    await fc.assert(
      fc.asyncProperty(size, size, size, async (a, b, c) => {
        const withVariables = await viaFastPath(query, { a, b, c });
        const withLiterals = await viaFastPath(query.replace(/^query\([^)]*\)/, 'query').replace('$a', String(a)).replace('$b', String(b)).replace('$c', String(c)));
        if (refusedForCost(withLiterals)) refusals++;
        expect(refusedForCost(withVariables)).toBe(refusedForCost(withLiterals));
        expect(withVariables.status).toBe(withLiterals.status);
        if (!refusedForCost(withLiterals)) expect(withVariables.body.errors).toBeUndefined();
      }),
      { numRuns: 25, examples: [[100, 100, 100], [5, 5, 5], [100, 100, 1]] },
    );
    expect(refusals).toBeGreaterThan(0);
  });
});

describe('D6: metric labels are bounded and /metrics is guarded', () => {
  const labels = (metrics: string): Set<string> => new Set([...metrics.matchAll(/^graphql_request[^{]*\{[^}]*operation="([^"]*)"/gm)].map((m) => m[1]!));

  it(`keeps at most ${MAX_OPERATIONS} operation names (+ other, anonymous) after 300 distinct names`, async () => {
    for (let batch = 0; batch < 15; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const res = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query Op_${batch}_${i} { __typename }` }) });
          expect(res.status).toBe(200);
        }),
      );
    }
    await viaFastPath(`{ __typename }`);
    await viaFastPath(`query ${'N'.repeat(70)} { __typename }`);
    const metrics = await (await fetch(`${t.origin}/metrics`)).text();
    const seen = labels(metrics);
    expect(seen.size).toBeLessThanOrEqual(MAX_OPERATIONS + 2);
    expect([...seen]).toEqual(expect.arrayContaining(['other', 'anonymous']));
    expect([...seen].some((l) => l.startsWith('NNNN'))).toBe(false);
    // Every request is still counted: 300 named + 1 anonymous + 1 malformed at least.
    const total = [...metrics.matchAll(/^graphql_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(total).toBeGreaterThanOrEqual(302);
  });

  it('answers loopback callers by default', async () => {
    const res = await fetch(`${t.origin}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/graphql_requests_total/);
  });

  it('with METRICS_TOKEN answers 401 without the token or with a wrong one, 200 with it', async () => {
    const token = 'metrics-token-0123456789abcdef';
    const guarded = await startTestGateway(AVAILABLE_MODULES, { database: t.database, env: { METRICS_TOKEN: token } });
    try {
      const none = await fetch(`${guarded.origin}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(await none.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
      const wrong = await fetch(`${guarded.origin}/metrics`, { headers: { authorization: `Bearer ${token.slice(0, -1)}x` } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${guarded.origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(right.status).toBe(200);
      expect(await right.text()).toMatch(/process_resident_memory_bytes/);
    } finally {
      await guarded.close();
    }
  });

  it('with METRICS_PORT serves /metrics on that port only, to every caller, and not on the API\'s', async () => {
    const separate = await startTestGateway(AVAILABLE_MODULES, { database: t.database, env: { METRICS_PORT: '0' } });
    try {
      const url = new URL(separate.gateway.metricsUrl);
      expect(url.port).not.toBe(new URL(separate.origin).port);
      const scraped = await fetch(url);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/graphql_requests_total|process_resident_memory_bytes/);
      const notHere = await fetch(`${separate.origin}/metrics`);
      expect(notHere.status).toBe(404);
      expect(await notHere.json()).toEqual({ errors: [{ message: 'Nothing is served at GET /metrics.', extensions: { code: 'NOT_FOUND' } }] });
      const other = await fetch(`${url.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(other.status).toBe(404);
    } finally {
      await separate.close();
    }
  });
});

describe('D13: bad client input answers a typed 4xx', () => {
  const expectText = (r: Reply, field: string, problem: RegExp) => {
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field, rule: 'text', message: expect.stringMatching(problem) }] });
  };

  it('refuses a NUL byte or a lone surrogate in a filter variable, naming it, on both routes', async () => {
    const query = `query($s: String, $filter: HazardFilter) { hazards(first: 1, filter: $filter) { totalCount } organizations(first: 1, filter: { search: $s }) { totalCount } }`;
    expectText(await onBothRoutes(query, { s: 'a\u0000b' }), 'variables.s', /NUL/);
    expectText(await onBothRoutes(query, { s: 'x\ud800' }), 'variables.s', /surrogate/);
    expectText(await onBothRoutes(query, { filter: { search: '\udc00', statuses: ['REPORTED'] } }), 'variables.filter.search', /surrogate/);
    // A proper pair (an emoji) is fine.
    const emoji = await onBothRoutes(query, { s: '隐患😀', filter: { search: '😀' } });
    expect(emoji.body.errors).toBeUndefined();
  });

  it('refuses a NUL byte written in the document, naming the argument', async () => {
    const r = await onBothRoutes(`{ hazards(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }`);
    expectText(r, 'hazards.filter.search', /NUL/);
  });

  it('refuses a NUL byte or a lone surrogate in a mutation input, on both routes, before anything is written', async () => {
    const orgs = await viaFastPath(`{ organizations(first: 1, filter: { kinds: [VILLAGE] }) { edges { node { id } } } }`);
    const organizationId = orgs.body.data!['organizations'].edges[0].node.id as string;
    const mutation = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`;
    const input = { organizationId, category: 'FIRE', source: 'SELF_CHECK', title: '灭火器过期' };
    const before = (await viaFastPath(`{ hazards(first: 1) { totalCount } }`)).body.data!['hazards'].totalCount as number;
    expectText(await viaFastPath(mutation, { input: { ...input, title: 'a\u0000b' } }), 'variables.input.title', /NUL/);
    expectText(await viaApollo(mutation, { input: { ...input, title: 'a\u0000b' } }), 'variables.input.title', /NUL/);
    expectText(await viaFastPath(mutation, { input: { ...input, description: 'd\ud83d' } }), 'variables.input.description', /surrogate/);
    expectText(await viaApollo(mutation, { input: { ...input, description: 'd\ud83d' } }), 'variables.input.description', /surrogate/);
    expect((await viaFastPath(`{ hazards(first: 1) { totalCount } }`)).body.data!['hazards'].totalCount).toBe(before);
  });

  it('answers BAD_USER_INPUT on `after` for cursors that decode but carry ill-typed values, for every pagination helper', async () => {
    const refusesCursor = async (query: string, values: unknown) => {
      const r = await onBothRoutes(query, { c: cursor(values) });
      expect(r.status).toBe(200);
      expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'after', rule: 'cursor', message: expect.any(String) }] });
    };
    // paginateRows / paginateSql: hazards (foundAt, id), organizations by name (name, id).
    const hazards = `query($c: String) { hazards(first: 2, after: $c) { totalCount edges { node { id } } } }`;
    for (const values of [[1, { a: 1 }], ['x', 'not-a-uuid'], [true, null], [[1], 'x'], ["' OR 1=1", '00000000-0000-4000-8000-000000000000'], [1e308, 'x']]) await refusesCursor(hazards, values);
    const byName = `query($c: String) { organizations(first: 2, after: $c, orderBy: { field: NAME }) { edges { node { id } } } }`;
    for (const values of [['', ''], ['x', 'not-a-uuid'], [1, 2], [{}, []]]) await refusesCursor(byName, values);
    // pagesByParent: children of every organization, by name.
    await refusesCursor(`query($c: String) { organizations(first: 2) { edges { node { children(first: 2, after: $c) { edges { node { id } } } } } } }`, ['x', 'not-a-uuid']);
    // paginate (query builder): sectors by an integer sort order.
    await refusesCursor(`query($c: String) { industrySectors(first: 2, after: $c) { edges { node { code } } } }`, ['x']);
    // paginateList: the permission catalog (string keys).
    await refusesCursor(`query($c: String) { permissions(first: 2, after: $c) { edges { node { code } } } }`, [7]);
    // A cursor the list handed out still works.
    const first = await viaFastPath(`{ organizations(first: 2, orderBy: { field: NAME }) { pageInfo { endCursor } } }`);
    const next = await onBothRoutes(byName, { c: first.body.data!['organizations'].pageInfo.endCursor });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!['organizations'].edges).toHaveLength(2);
  });

  it('answers 400 for an operationName the document does not have', async () => {
    for (const route of [viaFastPath, viaApollo]) {
      const r = route === viaFastPath ? await viaFastPath('query A { __typename }', undefined, { operationName: 'Z' }) : await read(await fetch(`${t.origin}/graphql?query=${encodeURIComponent('query A { __typename }')}&operationName=Z`, { headers: { 'apollo-require-preflight': 'true' } }));
      expect(r).toEqual({ status: 400, body: { errors: [{ message: 'Unknown operation named "Z".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] } });
    }
    const two = await viaFastPath('query A { __typename } query B { __typename }');
    expect(two.status).toBe(400);
    expect(two.body.errors?.[0]?.message).toBe('Must provide operation name if query contains multiple operations.');
  });

  it('answers 400 over the token limit', async () => {
    // Short tokens, so the GET's URL stays within node's header size.
    const r = await onBothRoutes(`{ ${'a '.repeat(2100)}}`);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/more th.. 2000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  });

  it('answers persisted-query refusals with 400 and a code of their own, never INTERNAL_SERVER_ERROR', async () => {
    const mismatch = await viaFastPath('{ __typename }', undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    expect(mismatch).toEqual({ status: 400, body: { errors: [{ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } }] } });
    const version = await viaFastPath('{ __typename }', undefined, { extensions: { persistedQuery: { version: 2, sha256Hash: 'ab'.repeat(32) } } });
    expect(version).toEqual({ status: 400, body: { errors: [{ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } }] } });
  });
});

describe('D14: no "Did you mean" with introspection off', () => {
  const typo = `{ hazards(filter: { statuses: [REPORTD] }) { totalCount } }`;
  const typoInVariables = `query($s: [HazardStatus!]) { hazards(filter: { statuses: $s }) { totalCount } }`;

  it('suggests enum values while introspection is on (what the closed gateway must hide)', async () => {
    expect((await viaFastPath(typo)).body.errors?.[0]?.message).toMatch(/Did you mean the enum value "REPORTED"\?/);
  });

  it('hides enum-value, field and argument suggestions on both routes', async () => {
    const closed = await startTestGateway(AVAILABLE_MODULES, { database: t.database, env: { INTROSPECTION: 'false' } });
    try {
      // [query, variables, whether graphql would suggest something there]: graphql-jit's variable coercion does not.
      for (const [query, variables, suggests] of [
        [typo, undefined, true],
        [typoInVariables, { s: ['CLOSD'] }, false],
        [`{ organisations { totalCount } }`, undefined, true],
        [`{ hazards(firts: 1) { totalCount } }`, undefined, true],
      ] as const) {
        for (const reply of [await viaFastPath(query, variables, {}, closed.origin), await viaApollo(query, variables, closed.origin)]) {
          expect(reply.status).toBe(400);
          const messages = reply.body.errors!.map((e) => e.message).join('\n');
          expect(messages).not.toMatch(/Did you mean/);
          if (suggests) expect(messages).toContain('[Suggestion hidden]');
        }
      }
    } finally {
      await closed.close();
    }
  });
});
