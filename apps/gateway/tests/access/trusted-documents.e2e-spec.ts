import { createHash } from 'node:crypto';
import type { Client as WsClient } from 'graphql-ws';
import { seedId } from '@platform/directory';
import { checkedBody, connect, errorOf, fieldsOf, ok, startTestGateway, until, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { undescribed } from '@platform/server';
import { AVAILABLE_MODULES } from '../../src/available-modules';

/**
 * Trusted documents (issue 16): documents an administrator registers for an API client, which the
 * client then sends by `documentId` over the fast path, Apollo's route and WebSocket; a client
 * locked to them runs nothing else, whatever way in and whether it sends the text, the id or an
 * automatic persisted query's hash; administrators act only on clients within their reach.
 */

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const ACCESS_ADMIN = ['access.user:read', 'access.user:write', 'access.role:read', 'access.role:write', 'access.role:assign', 'access.api-client:read', 'access.api-client:write'];

const VIEWER = 'query Viewer { viewer { kind displayName } }';
const TOWN_COUNT = 'query TownCount($first: Int) { organizations(first: $first, filter: { kinds: [TOWN_GOVERNMENT] }) { totalCount } }';
const TYPENAME = 'query Typename { __typename }';
const ORG_CHANGED = 'subscription OrgChanged { organizationChanged { kind organizationId } }';
const UNREGISTERED = '{ viewer { kind } }';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const idOf = (text: string): string => `sha256:${sha256(text)}`;

interface Reply {
  status: number;
  body: GraphQLResponse['body'];
}

describe('trusted documents', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let integrationRole: string;
  let names = 0;

  /** A new API client of the town holding integration-readonly, with its key. */
  async function newClient(organizationId = TOWN, as: GraphQLClient = admin, roleId: string | null = integrationRole): Promise<{ id: string; version: number; key: string }> {
    const created = await ok(
      as(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { key apiClient { id version } } }`, { input: { name: `可信文档测试${++names}`, organizationId, roleId: roleId ?? undefined } }),
      'createApiClient',
    );
    return { id: created.apiClient.id, version: created.apiClient.version, key: created.key };
  }
  const register = (apiClientId: string, documents: string[], as: GraphQLClient = admin) =>
    as(
      `mutation($input: RegisterTrustedDocumentsInput!) { registerTrustedDocuments(input: $input) { documents { id version documentId apiClientId operations { name type } registeredByKind registeredByName revokedAt } } }`,
      { input: { apiClientId, documents } },
    );
  const lock = (id: string, version: number, on = true, as: GraphQLClient = admin) =>
    as(`mutation($input: SetApiClientTrustedDocumentsOnlyInput!) { setApiClientTrustedDocumentsOnly(input: $input) { id version trustedDocumentsOnly } }`, {
      input: { id, version, trustedDocumentsOnly: on },
    });
  const revoke = (id: string, version: number, as: GraphQLClient = admin) => as(`mutation($input: ArchiveInput!) { revokeTrustedDocument(input: $input) { id version revokedAt } }`, { input: { id, version } });

  // The three ways in, called directly (not through t.gql, which picks one by GRAPHQL_ROUTE).
  const reply = async (res: Response): Promise<Reply> => ({ status: res.status, body: await checkedBody(res) });
  /** The fast path: a JSON POST. */
  const fast = async (key: string | null, body: Record<string, unknown>, origin = t.origin): Promise<Reply> =>
    reply(await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) }, body: JSON.stringify(body) }));
  /** Apollo's route by GET (parameters in the URL, with the CSRF preflight header). */
  const get = async (key: string | null, params: Record<string, string>): Promise<Reply> =>
    reply(await fetch(`${t.origin}/graphql?${new URLSearchParams(params)}`, { headers: { 'apollo-require-preflight': 'true', ...(key ? { 'x-api-key': key } : {}) } }));
  /** Apollo's route by POST: asking for application/graphql-response+json, which the fast path leaves to Apollo. */
  const post = async (key: string | null, body: Record<string, unknown>): Promise<Reply> =>
    reply(
      await fetch(`${t.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(key ? { 'x-api-key': key } : {}) },
        body: JSON.stringify(body),
      }),
    );
  /** One result (or the refusal) of an operation over graphql-ws; the subscribe payload may carry `documentId` beside an empty `query`. */
  async function overWs(client: WsClient, payload: Record<string, unknown>): Promise<{ data?: Record<string, any> | null; errors?: Array<Record<string, any>> }> {
    try {
      for await (const result of client.iterate(payload as never)) return result as never;
      return {};
    } catch (errors) {
      // Refusals carry the subscribe's request id, like every error over HTTP (checked, then dropped to compare).
      return {
        errors: (errors as Array<{ message: string; extensions: Record<string, unknown> }>).map(({ message, extensions: { requestId, ...extensions } }) => {
          expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
          return { message, extensions };
        }),
      };
    }
  }
  /** Waits until `check` holds, polling every 10 ms for up to 5 s (a request is counted as its response closes, a subscription as it is set up). */
  async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  /** Requests by way in so far (the metrics' counter), to tell which route served a request. */
  const served = async (transport: string): Promise<number> =>
    (await t.gateway.metrics.requests.get()).values.filter((v) => v.labels['transport'] === transport).reduce((sum, v) => sum + v.value, 0);
  /** Subscriptions delivering events now (the metrics' gauge). */
  const activeSubscriptions = async (): Promise<number> => (await t.gateway.metrics.subscriptions.get()).values[0]?.value ?? 0;
  /** SQL statements the whole gateway sent while `work` ran (principal and document lookups included). */
  async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
    const before = (await t.gateway.metrics.statements.get()).values[0]?.value ?? 0;
    await work();
    return ((await t.gateway.metrics.statements.get()).values[0]?.value ?? 0) - before;
  }

  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    // No sweep or relay of this file's needs: stopped, they send no statement while one is counted.
    await t.gateway.jobs.stop();
    admin = await t.as('admin');
    const roles = await ok(admin(`{ roles(first: 100) { edges { node { id code } } } }`), 'roles');
    integrationRole = roles.edges.find((e: any) => e.node.code === 'integration-readonly').node.id;
  });
  afterAll(() => t?.close());

  it('registers documents idempotently with their ids, operations and who registered them, each audited', async () => {
    const client = await newClient();
    const first = (await ok(register(client.id, [VIEWER, TOWN_COUNT]), 'registerTrustedDocuments')).documents;
    expect(first).toEqual([
      { id: expect.any(String), version: 1, documentId: idOf(VIEWER), apiClientId: client.id, operations: [{ name: 'Viewer', type: 'QUERY' }], registeredByKind: 'USER', registeredByName: expect.any(String), revokedAt: null },
      { id: expect.any(String), version: 1, documentId: idOf(TOWN_COUNT), apiClientId: client.id, operations: [{ name: 'TownCount', type: 'QUERY' }], registeredByKind: 'USER', registeredByName: expect.any(String), revokedAt: null },
    ]);
    // Again, and twice in one call: the same records, unchanged; one new one.
    const again = (await ok(register(client.id, [TOWN_COUNT, ORG_CHANGED, VIEWER, VIEWER]), 'registerTrustedDocuments')).documents;
    expect(again.map((d: any) => [d.id, d.version])).toEqual([
      [first[1].id, 1],
      [expect.any(String), 1],
      [first[0].id, 1],
      [first[0].id, 1],
    ]);
    expect(again[1]).toMatchObject({ documentId: idOf(ORG_CHANGED), operations: [{ name: 'OrgChanged', type: 'SUBSCRIPTION' }] });
    const rows = await t.gateway.database.dataSource.query(`SELECT document_id, document FROM trusted_document WHERE api_client_id = $1 ORDER BY created_at`, [client.id]);
    expect(rows).toHaveLength(3);
    expect(rows.find((r: any) => r.document_id === idOf(VIEWER)).document).toBe(VIEWER);
    const audited = await ok(admin(`{ auditLog(first: 10, filter: { entityType: "TrustedDocument", actionPrefix: "access.trusted-document" }) { edges { node { action entityId } } } }`), 'auditLog');
    const mine = audited.edges.filter((e: any) => [first[0].id, first[1].id, again[1].id].includes(e.node.entityId));
    expect(mine.map((e: any) => e.node.action)).toEqual(['access.trusted-document.register', 'access.trusted-document.register', 'access.trusted-document.register']);
  });

  it('describes every type, field and value it adds in Chinese and English, and each document names its client and who registered it', async () => {
    expect(undescribed(t.gateway.schema).filter((c) => /TrustedDocument|GraphQLOperationType|PERSISTED_DOCUMENT/.test(c))).toEqual([]);
    const client = await newClient();
    await ok(register(client.id, [TYPENAME]), 'registerTrustedDocuments');
    const listed = await ok(
      admin(`query($ids: [UUID!]) { trustedDocuments(first: 1, filter: { apiClientIds: $ids }) { edges { node { apiClient { id } registeredBy { __typename ... on User { username } } } } } }`, { ids: [client.id] }),
      'trustedDocuments',
    );
    expect(listed.edges).toEqual([{ node: { apiClient: { id: client.id }, registeredBy: { __typename: 'User', username: 'admin' } } }]);
  });

  it('keeps a text exactly as sent: surrounding spaces are part of its id', async () => {
    const client = await newClient();
    const spaced = `\n  ${TYPENAME}\n`;
    const [doc] = (await ok(register(client.id, [spaced]), 'registerTrustedDocuments')).documents;
    expect(doc.documentId).toBe(idOf(spaced));
    expect((await fast(client.key, { documentId: idOf(spaced) })).body).toEqual({ data: { __typename: 'Query' } });
    expect((await fast(client.key, { documentId: idOf(TYPENAME) })).status).toBe(404);
  });

  it('runs a registered document by id over the fast path, with no statement once it is looked up', async () => {
    const client = await newClient();
    await ok(register(client.id, [VIEWER, TOWN_COUNT, TYPENAME]), 'registerTrustedDocuments');
    const before = await served('http');
    expect(await fast(client.key, { documentId: idOf(VIEWER) })).toEqual({ status: 200, body: { data: { viewer: { kind: 'API_CLIENT', displayName: expect.stringMatching(/^可信文档测试/) } } } });
    expect(await fast(client.key, { documentId: idOf(TOWN_COUNT), operationName: 'TownCount', variables: { first: 1 } })).toEqual({ status: 200, body: { data: { organizations: { totalCount: 1 } } } });
    await eventually(async () => (await served('http')) >= before + 2, 'both requests counted on the fast path');
    expect(await served('http')).toBe(before + 2);
    // `{ __typename }` runs no SQL: the first request looks the document up (one statement), the next ones find it kept.
    expect(await statementsDuring(() => fast(client.key, { documentId: idOf(TYPENAME) }))).toBe(1);
    expect(await statementsDuring(() => fast(client.key, { documentId: idOf(TYPENAME) }))).toBe(0);
  });

  it("runs it over Apollo's route: GET ?documentId= and a POST asking for application/graphql-response+json", async () => {
    const client = await newClient();
    await ok(register(client.id, [VIEWER, TOWN_COUNT]), 'registerTrustedDocuments');
    const before = await served('apollo');
    expect(await get(client.key, { documentId: idOf(TOWN_COUNT), variables: JSON.stringify({ first: 1 }) })).toEqual({ status: 200, body: { data: { organizations: { totalCount: 1 } } } });
    expect(await post(client.key, { documentId: idOf(VIEWER) })).toEqual({ status: 200, body: { data: { viewer: { kind: 'API_CLIENT', displayName: expect.any(String) } } } });
    await eventually(async () => (await served('apollo')) >= before + 2, "both requests counted on Apollo's route");
    expect(await served('apollo')).toBe(before + 2);
    // A registered mutation by GET: 405, as the persisted documents appendix requires, and nothing runs.
    const mutation = 'mutation MakeRole { createRole(input: { code: "td-by-get", nameZh: "x", description: "x" }) { id } }';
    await ok(register(client.id, [mutation]), 'registerTrustedDocuments');
    const refused = await get(client.key, { documentId: idOf(mutation) });
    expect(refused.status).toBe(405);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM role WHERE code = 'td-by-get'`)).toEqual([{ n: 0 }]);
  });

  it('runs a registered subscription and query by id over WebSocket', async () => {
    const client = await newClient();
    await ok(register(client.id, [ORG_CHANGED, VIEWER]), 'registerTrustedDocuments');
    const ws = connect(t, { 'x-api-key': client.key });
    const events: unknown[] = [];
    const errors: unknown[] = [];
    const active = await activeSubscriptions();
    const stop = ws.subscribe({ query: '', documentId: idOf(ORG_CHANGED) } as never, { next: (r) => events.push(r.data), error: (e) => errors.push(e), complete: () => undefined });
    // Subscribed once the server counts it; then a change it must hear of.
    await eventually(async () => (await activeSubscriptions()) > active, 'the subscription');
    const created = await ok(admin(`mutation($p: UUID!) { createOrganization(input: { kind: GRID, name: "可信文档网格", parentId: $p }) { id } }`, { p: WENFENG }), 'createOrganization');
    await until(() => events.length > 0);
    expect(errors).toEqual([]);
    expect(events[0]).toEqual({ organizationChanged: { kind: 'CREATED', organizationId: created.id } });
    stop();
    expect(await overWs(ws, { query: '', documentId: idOf(VIEWER) })).toEqual({ data: { viewer: { kind: 'API_CLIENT', displayName: expect.any(String) } } });
  });

  it("refuses unknown, revoked, malformed and other clients' ids alike on every way in", async () => {
    const client = await newClient();
    const other = await newClient();
    const [viewer] = (await ok(register(client.id, [VIEWER]), 'registerTrustedDocuments')).documents;
    const unknown = idOf('query Unknown { __typename }');
    const notFound = (id: string) => [{ message: `No trusted document ${id} is registered for you (unknown or revoked).`, extensions: { code: 'PERSISTED_DOCUMENT_NOT_FOUND', documentId: id } }];
    const ws = connect(t, { 'x-api-key': client.key });
    for (const [key, id] of [
      [client.key, unknown],
      [other.key, idOf(VIEWER)],
    ] as const) {
      expect(await fast(key, { documentId: id })).toEqual({ status: 404, body: { errors: notFound(id) } });
      expect(await get(key, { documentId: id })).toEqual({ status: 404, body: { errors: notFound(id) } });
      expect(await post(key, { documentId: id })).toEqual({ status: 404, body: { errors: notFound(id) } });
    }
    expect(await overWs(ws, { query: '', documentId: unknown })).toEqual({ errors: notFound(unknown) });
    // Users and anonymous callers have no trusted documents.
    const anban = await t.token('anban');
    const asUser = await fetch(`${t.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${anban}` }, body: JSON.stringify({ documentId: idOf(VIEWER) }) });
    expect({ status: asUser.status, body: await checkedBody(asUser) }).toEqual({ status: 404, body: { errors: notFound(idOf(VIEWER)) } });
    expect((await fast(null, { documentId: idOf(VIEWER) })).status).toBe(404);
    // Malformed, or sent with a text: the request itself is wrong.
    for (const documentId of ['sha256:ABC', `md5:${'a'.repeat(32)}`, 42]) {
      const bad = { status: 400, body: { errors: [{ message: expect.stringMatching(/^`documentId` must be "sha256:"/), extensions: { code: 'BAD_REQUEST' } }] } };
      expect(await fast(client.key, { documentId })).toEqual(bad);
      expect(await post(client.key, { documentId })).toEqual(bad);
    }
    const both = { status: 400, body: { errors: [{ message: 'Send either `query` or `documentId`, not both.', extensions: { code: 'BAD_REQUEST' } }] } };
    expect(await fast(client.key, { query: VIEWER, documentId: idOf(VIEWER) })).toEqual(both);
    expect(await get(client.key, { query: VIEWER, documentId: idOf(VIEWER) })).toEqual(both);
    // Revoked: refused from the next request on, by id (and the list hides it unless asked).
    expect((await fast(client.key, { documentId: idOf(VIEWER) })).status).toBe(200);
    const revoked = await ok(revoke(viewer.id, viewer.version), 'revokeTrustedDocument');
    expect(revoked).toMatchObject({ id: viewer.id, version: 2, revokedAt: expect.any(String) });
    expect(await fast(client.key, { documentId: idOf(VIEWER) })).toEqual({ status: 404, body: { errors: notFound(idOf(VIEWER)) } });
    expect(await overWs(ws, { query: '', documentId: idOf(VIEWER) })).toEqual({ errors: notFound(idOf(VIEWER)) });
    expect(fieldsOf(await revoke(viewer.id, 2))).toEqual([{ field: 'input.id', rule: 'state', message: expect.stringMatching(/^the document was revoked at /) }]);
    expect(errorOf(await revoke(viewer.id, 1))?.['code']).toBe('CONFLICT');
    // Registering the text again puts the same record in force again.
    const [back] = (await ok(register(client.id, [VIEWER]), 'registerTrustedDocuments')).documents;
    expect(back).toMatchObject({ id: viewer.id, version: 3, revokedAt: null });
    expect((await fast(client.key, { documentId: idOf(VIEWER) })).status).toBe(200);
  });

  it('locks a client to its documents on every way in: other texts refused with PERSISTED_DOCUMENT_REQUIRED, registered texts and ids run', async () => {
    const client = await newClient();
    await ok(register(client.id, [VIEWER, TOWN_COUNT, ORG_CHANGED]), 'registerTrustedDocuments');
    // A connection made before the lock: its next subscribe is checked against the client as it is then.
    const earlier = connect(t, { 'x-api-key': client.key });
    expect(await overWs(earlier, { query: UNREGISTERED })).toEqual({ data: { viewer: { kind: 'API_CLIENT' } } });
    const locked = await ok(lock(client.id, client.version), 'setApiClientTrustedDocumentsOnly');
    expect(locked).toEqual({ id: client.id, version: client.version + 1, trustedDocumentsOnly: true });

    const required = (text: string) => [
      {
        message: `This API client may run only its trusted documents, and ${idOf(text)} is not one of them: send the documentId of a registered document, or ask an administrator to register this one.`,
        extensions: { code: 'PERSISTED_DOCUMENT_REQUIRED', documentId: idOf(text) },
      },
    ];
    expect(await fast(client.key, { query: UNREGISTERED })).toEqual({ status: 403, body: { errors: required(UNREGISTERED) } });
    expect(await get(client.key, { query: UNREGISTERED })).toEqual({ status: 403, body: { errors: required(UNREGISTERED) } });
    expect(await post(client.key, { query: UNREGISTERED })).toEqual({ status: 403, body: { errors: required(UNREGISTERED) } });
    expect(await overWs(earlier, { query: UNREGISTERED })).toEqual({ errors: required(UNREGISTERED) });
    expect(await overWs(connect(t, { 'x-api-key': client.key }), { query: 'subscription { organizationChanged { kind } }' })).toEqual({ errors: required('subscription { organizationChanged { kind } }') });
    // A mutation too: refused before it runs (nothing created).
    const mutation = 'mutation { createOrganization(input: { kind: GRID, name: "锁定客户端网格", parentId: "00000000-0000-4000-8000-000000000000" }) { id } }';
    expect((await fast(client.key, { query: mutation })).body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_DOCUMENT_REQUIRED');

    // The registered text exactly as registered, or its id: as before, on every way in.
    const town = { data: { organizations: { totalCount: 1 } } };
    expect(await fast(client.key, { query: TOWN_COUNT, variables: { first: 1 } })).toEqual({ status: 200, body: town });
    expect(await get(client.key, { query: TOWN_COUNT, variables: JSON.stringify({ first: 1 }) })).toEqual({ status: 200, body: town });
    expect(await post(client.key, { documentId: idOf(TOWN_COUNT), variables: { first: 1 } })).toEqual({ status: 200, body: town });
    expect(await overWs(earlier, { query: '', documentId: idOf(VIEWER) })).toEqual({ data: { viewer: { kind: 'API_CLIENT', displayName: expect.any(String) } } });
    // The same operation with other whitespace is another document.
    expect((await fast(client.key, { query: `${TOWN_COUNT} ` })).status).toBe(403);

    // An unlocked client and a user are not affected.
    const free = await newClient();
    expect(await fast(free.key, { query: UNREGISTERED })).toEqual({ status: 200, body: { data: { viewer: { kind: 'API_CLIENT' } } } });
    const anban = await t.as('anban');
    expect((await anban(UNREGISTERED)).body).toEqual({ data: { viewer: { kind: 'USER' } } });

    // Unlocked again: any text runs.
    expect((await ok(lock(client.id, locked.version, false), 'setApiClientTrustedDocumentsOnly')).trustedDocumentsOnly).toBe(false);
    expect((await fast(client.key, { query: UNREGISTERED })).status).toBe(200);
  });

  it('lets no automatic persisted query run an unapproved text for a locked client', async () => {
    const client = await newClient();
    await ok(register(client.id, [VIEWER]), 'registerTrustedDocuments');
    const { version } = await ok(lock(client.id, client.version), 'setApiClientTrustedDocumentsOnly');
    expect(version).toBe(client.version + 1);
    const apq = (text: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });
    // An unlocked client puts a text into Apollo's APQ cache; the locked one may not run it by its hash, nor send it with its hash.
    const free = await newClient();
    expect((await fast(free.key, { query: UNREGISTERED, extensions: apq(UNREGISTERED) })).body).toEqual({ data: { viewer: { kind: 'API_CLIENT' } } });
    expect((await fast(free.key, { extensions: apq(UNREGISTERED) })).body).toEqual({ data: { viewer: { kind: 'API_CLIENT' } } });
    const refused = { code: 'PERSISTED_DOCUMENT_REQUIRED', documentId: idOf(UNREGISTERED) };
    for (const body of [{ extensions: apq(UNREGISTERED) }, { query: UNREGISTERED, extensions: apq(UNREGISTERED) }]) {
      const r = await fast(client.key, body);
      expect(r.status).toBe(403);
      expect(r.body.errors?.[0]?.extensions).toEqual(refused);
      const g = await get(client.key, { extensions: JSON.stringify(body.extensions), ...(body.query ? { query: body.query } : {}) });
      expect(g.status).toBe(403);
      expect(g.body.errors?.[0]?.extensions).toEqual(refused);
    }
    // A registered document's hash alone runs it, also never sent before: the trusted text stands in.
    expect(await fast(client.key, { extensions: apq(VIEWER) })).toEqual({ status: 200, body: { data: { viewer: { kind: 'API_CLIENT', displayName: expect.any(String) } } } });
    expect(await get(client.key, { extensions: JSON.stringify(apq(VIEWER)) })).toEqual({ status: 200, body: { data: { viewer: { kind: 'API_CLIENT', displayName: expect.any(String) } } } });
    // A hash that does not match the text sent is Apollo's refusal, as for anyone.
    expect((await fast(client.key, { query: VIEWER, extensions: apq(UNREGISTERED) })).body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('applies a revocation and a lock to the next request on another gateway over the same database', async () => {
    const client = await newClient();
    const [doc] = (await ok(register(client.id, [TYPENAME]), 'registerTrustedDocuments')).documents;
    const replica = await startTestGateway(AVAILABLE_MODULES, { database: t.database });
    try {
      // The replica keeps the client and its document looked up (warm), then each change made through this gateway applies to its next request.
      for (let i = 0; i < 2; i++) expect((await fast(client.key, { documentId: idOf(TYPENAME) }, replica.origin)).status).toBe(200);
      expect((await fast(client.key, { query: UNREGISTERED }, replica.origin)).status).toBe(200);
      await ok(revoke(doc.id, doc.version), 'revokeTrustedDocument');
      expect((await fast(client.key, { documentId: idOf(TYPENAME) }, replica.origin)).body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
      await ok(lock(client.id, client.version), 'setApiClientTrustedDocumentsOnly');
      expect((await fast(client.key, { query: UNREGISTERED }, replica.origin)).body.errors?.[0]?.extensions?.['code']).toBe('PERSISTED_DOCUMENT_REQUIRED');
      await ok(register(client.id, [UNREGISTERED]), 'registerTrustedDocuments');
      expect((await fast(client.key, { query: UNREGISTERED }, replica.origin)).status).toBe(200);
    } finally {
      await replica.close();
    }
  });

  it('refuses documents that do not parse or validate, naming each, and registers none of the call', async () => {
    const client = await newClient();
    const res = await register(client.id, [VIEWER, '{ nope }', 'query {', 'query A { viewer { kind } } query A { viewer { id } }']);
    expect(errorOf(res)?.['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual([
      { field: 'input.documents.1', rule: 'graphqlValidation', message: 'Cannot query field "nope" on type "Query". Did you mean "node" or "nodes"? (1:3)' },
      { field: 'input.documents.2', rule: 'graphqlSyntax', message: 'Syntax Error: Expected Name, found <EOF>. (1:8)' },
      { field: 'input.documents.3', rule: 'graphqlValidation', message: 'There can be only one operation named "A". (1:7, 1:35)' },
    ]);
    expect(await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM trusted_document WHERE api_client_id = $1`, [client.id])).toEqual([{ n: 0 }]);
    expect(fieldsOf(await register(client.id, []))).toEqual([{ field: 'input.documents', rule: 'arrayMinSize', message: expect.any(String) }]);
    expect(fieldsOf(await register(client.id, Array.from({ length: 101 }, (_, i) => `query Q${i} { __typename }`)))).toEqual([{ field: 'input.documents', rule: 'arrayMaxSize', message: expect.any(String) }]);
    expect(errorOf(await register('00000000-0000-4000-8000-000000000000', [VIEWER]))).toMatchObject({ code: 'NOT_FOUND', entity: 'ApiClient', field: 'input.apiClientId' });
  });

  it('lets an administrator act only on clients within their reach: beyond it a client answers like a missing one', async () => {
    // A village administrator holding every access permission at 文凤村 (the escalation tests' setup).
    const role = (await ok(admin(`mutation { createRole(input: { code: "trusted-docs-village-admin", nameZh: "村管理员", description: "x" }) { id } }`), 'createRole')).id;
    for (const permission of ACCESS_ADMIN) await ok(admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role, permission, scope: 'ORG_SUBTREE' } }), 'grantPermission');
    const user = await ok(admin(`mutation { createUser(input: { username: "td-vadmin", password: "Start12345", displayName: "村管理员", organizationId: "${WENFENG}" }) { id } }`), 'createUser');
    await ok(admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: user.id, roleId: role, organizationId: WENFENG } }), 'assignRole');
    const vadmin = await t.as('td-vadmin', 'Start12345');

    const town = await newClient();
    const [doc] = (await ok(register(town.id, [VIEWER]), 'registerTrustedDocuments')).documents;
    const count = async () => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM trusted_document WHERE api_client_id = $1`, [town.id]))[0].n;

    expect(errorOf(await register(town.id, [UNREGISTERED], vadmin))).toEqual({ code: 'NOT_FOUND', entity: 'ApiClient', id: town.id, field: 'input.apiClientId' });
    expect(errorOf(await lock(town.id, town.version, true, vadmin))).toEqual({ code: 'NOT_FOUND', entity: 'ApiClient', id: town.id });
    expect(errorOf(await revoke(doc.id, doc.version, vadmin))).toEqual({ code: 'NOT_FOUND', entity: 'TrustedDocument', id: doc.id });
    // The same answers as for ids that do not exist.
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await register(missing, [UNREGISTERED], vadmin))).toEqual({ code: 'NOT_FOUND', entity: 'ApiClient', id: missing, field: 'input.apiClientId' });
    expect(errorOf(await revoke(missing, 1, vadmin))).toEqual({ code: 'NOT_FOUND', entity: 'TrustedDocument', id: missing });
    // Nothing changed: the town's client is unlocked and runs any text, its document is in force.
    expect(await count()).toBe(1);
    expect((await fast(town.key, { query: UNREGISTERED })).status).toBe(200);
    expect((await fast(town.key, { documentId: idOf(VIEWER) })).status).toBe(200);
    // Nor does it see them.
    const listed = await ok(vadmin(`query($ids: [UUID!]) { trustedDocuments(first: 100, filter: { apiClientIds: $ids, includeRevoked: true }) { totalCount edges { node { id } } } }`, { ids: [town.id] }), 'trustedDocuments');
    expect(listed).toEqual({ totalCount: 0, edges: [] });

    // Within its reach (a client of 文凤村 without roles), all of it works.
    const own = await newClient(WENFENG, vadmin, null);
    const [ownDoc] = (await ok(register(own.id, [VIEWER], vadmin), 'registerTrustedDocuments')).documents;
    expect(ownDoc).toMatchObject({ apiClientId: own.id, registeredByName: '村管理员' });
    expect((await ok(lock(own.id, own.version, true, vadmin), 'setApiClientTrustedDocumentsOnly')).trustedDocumentsOnly).toBe(true);
    expect((await fast(own.key, { query: UNREGISTERED })).status).toBe(403);
    expect((await ok(revoke(ownDoc.id, ownDoc.version, vadmin), 'revokeTrustedDocument')).revokedAt).not.toBeNull();
  });

  it('lists documents as bounded cursor connections, on the client and at the root', async () => {
    const client = await newClient();
    const texts = Array.from({ length: 5 }, (_, i) => `query Page${i} { __typename }`);
    for (const text of texts) await ok(register(client.id, [text]), 'registerTrustedDocuments');
    const [last] = (await ok(register(client.id, [texts[4]!]), 'registerTrustedDocuments')).documents;
    await ok(revoke(last.id, last.version), 'revokeTrustedDocument');
    const page = `query($first: Int, $after: String, $all: Boolean) { apiClients(first: 100) { edges { node { id trustedDocumentsOnly
      trustedDocuments(first: $first, after: $after, includeRevoked: $all) { totalCount pageInfo { hasNextPage endCursor } edges { node { documentId revokedAt } } } } } } }`;
    const documentsOf = async (variables: Record<string, unknown>) => (await ok(admin(page, variables), 'apiClients')).edges.find((e: any) => e.node.id === client.id).node;
    const first = await documentsOf({ first: 2 });
    expect(first.trustedDocumentsOnly).toBe(false);
    expect(first.trustedDocuments.totalCount).toBe(4);
    expect(first.trustedDocuments.edges.map((e: any) => e.node.documentId)).toEqual([idOf(texts[3]!), idOf(texts[2]!)]);
    expect(first.trustedDocuments.pageInfo.hasNextPage).toBe(true);
    const rest = await documentsOf({ first: 2, after: first.trustedDocuments.pageInfo.endCursor });
    expect(rest.trustedDocuments.edges.map((e: any) => e.node.documentId)).toEqual([idOf(texts[1]!), idOf(texts[0]!)]);
    expect(rest.trustedDocuments.pageInfo.hasNextPage).toBe(false);
    expect((await documentsOf({ first: 10, all: true })).trustedDocuments.edges[0].node).toEqual({ documentId: idOf(texts[4]!), revokedAt: expect.any(String) });
    expect(errorOf(await admin(page, { first: 101 }))?.['code']).toBe('BAD_USER_INPUT');

    const root = await ok(admin(`query($ids: [UUID!], $d: String) { trustedDocuments(first: 100, filter: { apiClientIds: $ids, documentId: $d }) { totalCount edges { node { documentId document } } } }`, { ids: [client.id], d: idOf(texts[0]!) }), 'trustedDocuments');
    expect(root).toEqual({ totalCount: 1, edges: [{ node: { documentId: idOf(texts[0]!), document: texts[0] } }] });
  });

  it('feeds changes since a sync point, a revoked document as a tombstone, and sorts by the orderBy keys', async () => {
    const client = await newClient();
    const [a, b] = (await ok(register(client.id, ['query FeedA { __typename }', 'query FeedB { __typename }']), 'registerTrustedDocuments')).documents;
    const since = await ok(admin(`{ syncPoint }`), 'syncPoint');
    await ok(revoke(a.id, a.version), 'revokeTrustedDocument');
    const list = `query($f: TrustedDocumentFilter, $o: [TrustedDocumentOrder!]) { trustedDocuments(first: 100, filter: $f, orderBy: $o) { edges { node { documentId revokedAt } } } }`;
    const feed = await ok(admin(list, { f: { apiClientIds: [client.id], updatedSince: since } }), 'trustedDocuments');
    // The sync point is whole seconds rounded down: b, registered just before it, may come again (never too few).
    expect(feed.edges.map((e: any) => e.node)).toContainEqual({ documentId: a.documentId, revokedAt: expect.any(String) });
    // Outside a feed the revoked one stays hidden; asked not to, the feed hides it too.
    expect((await ok(admin(list, { f: { apiClientIds: [client.id] } }), 'trustedDocuments')).edges.map((e: any) => e.node.documentId)).toEqual([b.documentId]);
    expect((await ok(admin(list, { f: { apiClientIds: [client.id], updatedSince: since, includeRevoked: false } }), 'trustedDocuments')).edges.map((e: any) => e.node.documentId)).not.toContain(a.documentId);
    const byId = await ok(admin(list, { f: { apiClientIds: [client.id], includeRevoked: true }, o: [{ field: 'DOCUMENT_ID', direction: 'ASC' }] }), 'trustedDocuments');
    expect(byId.edges.map((e: any) => e.node.documentId)).toEqual([a.documentId, b.documentId].sort());
  });
});
