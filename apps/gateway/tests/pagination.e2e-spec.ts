import { getNamedType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { DEFAULT_PAGE_SIZE, todayInChina } from '@platform/core';
import { seedId } from '@platform/directory';
import { PAGE_ARGS, PAGE_VARS, expectPagedCompletely, pageOf, startTestGateway, uniqueName, walkedPage, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * Regression tests for the integration review's §5.2: lists sorted on `timestamptz` keys, with tie
 * groups written by one transaction's `now()` (microseconds), followed page by page through the
 * API until `hasNextPage` is false, return every row exactly once and end; and backward (issue 16):
 * followed with `last`/`before` from the end until `hasPreviousPage` is false, the same rows in
 * reverse, with exact page info at both ends, and a walk that turns around. Every connection of the
 * schema takes `last`/`before`, and every list answers them as its forward pages order it. (No list
 * of the API sorts on a key that may be NULL; NULL keys are paged both ways on PostgreSQL by the
 * kernel's `keyset.e2e-spec.ts`.)
 */

const ENTERPRISE = seedId('org:ent-sinopec-nanping');
const SAFETY_MANAGER = seedId('person:person-ent-sinopec-nanping-safety');
/** Stored times with microseconds, as `DEFAULT now()` writes them: three within one millisecond. */
const TIE = '2026-11-30 09:15:42.123456+08';
const TIE_EARLIER = '2026-11-30 09:15:42.123455+08';
const TIE_LATER = '2026-11-30 09:15:42.123457+08';
/** The connection selection, page variables and page arguments of every paged query below (the walk is the testing library's). */
const PAGE = walkedPage;
const VARS = PAGE_VARS;
const ARGS = PAGE_ARGS;

describe('cursor pagination on timestamp keys with ties (§5.2)', () => {
  let t: TestGateway;
  let anban: GraphQLClient;
  let expert: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    [anban, expert] = await Promise.all([t.as('anban'), t.as('expert')]);
  });
  afterAll(() => t?.close());

  const sql = (query: string, params: unknown[] = []) => t.gateway.database.dataSource.query(query, params);

  it('hazards (newest found first) that share a found time to the microsecond', async () => {
    const tag = uniqueName('分页回归');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await anban(`mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`, {
        input: { organizationId: ENTERPRISE, title: `${tag} 灭火器过期 ${i}`, category: 'FIRE', source: 'INSPECTION' },
      });
      expect(res.body.errors).toBeUndefined();
      ids.push(res.body.data!['reportHazard'].id);
    }
    // Four found at one instant, one a microsecond before and one a microsecond after it (one millisecond in all).
    await sql(`UPDATE hazard SET found_at = CASE WHEN id = $2 THEN $3::timestamptz WHEN id = $4 THEN $5::timestamptz ELSE $6::timestamptz END WHERE id = ANY($1)`, [ids, ids[0], TIE_EARLIER, ids[1], TIE_LATER, TIE]);
    expect(await sql(`SELECT count(DISTINCT found_at)::int AS n FROM hazard WHERE id = ANY($1)`, [ids])).toEqual([{ n: 3 }]);

    const query = `query(${VARS}, $q: String) { hazards(${ARGS}, filter: { search: $q }) { ${PAGE()} } }`;
    await expectPagedCompletely(anban, query, { q: tag }, ['hazards'], 1, 6);

    // The same tie group paged through a link table (records().byLink): a campaign's hazards.
    const campaign = await anban(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: { name: uniqueName('分页回归关联隐患'), startsOn: todayInChina(), endsOn: todayInChina() },
    });
    const campaignId = campaign.body.data!['createCampaign'].id;
    const linked = await anban(`mutation($c: UUID!, $h: [UUID!]!) { linkCampaignHazards(campaignId: $c, hazardIds: $h) { id } }`, { c: campaignId, h: ids });
    expect(linked.body.errors).toBeUndefined();
    const linkedQuery = `query(${VARS}, $id: UUID!) { campaign(id: $id) { hazards(${ARGS}) { ${PAGE()} } } }`;
    await expectPagedCompletely(anban, linkedQuery, { id: campaignId }, ['campaign', 'hazards'], 1, 6);
  });

  it('the audit log (newest first): the entries of one transaction share its time', async () => {
    const [{ since }] = await sql(`SELECT now() AS since`);
    const [{ id: actorId }] = await sql(`SELECT id FROM app_user WHERE username = 'expert'`);
    // One mutation, one transaction: the visit and the hazards it raised are audited at one `now()`.
    const res = await expert(`mutation($input: RecordExpertVisitInput!) { recordExpertVisit(input: $input) { id } }`, {
      input: {
        organizationId: ENTERPRISE,
        expertName: '王建国',
        visitedOn: todayInChina(),
        findings: '分页回归：一次检查发现四处隐患。',
        hazards: [1, 2, 3, 4].map((i) => ({ title: `分页回归隐患 ${i}`, category: 'WORK_SAFETY' })),
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(await sql(`SELECT count(*)::int AS n, count(DISTINCT occurred_at)::int AS times FROM audit_log WHERE actor_id = $1 AND occurred_at >= $2`, [actorId, since])).toEqual([{ n: 5, times: 1 }]);

    const query = `query(${VARS}, $filter: AuditLogFilter) { auditLog(${ARGS}, filter: $filter) { ${PAGE()} } }`;
    await expectPagedCompletely(anban, query, { filter: { actorId, from: (since as Date).toISOString() } }, ['auditLog'], 1, 5);
  });

  it.each(['ASC', 'DESC'])('organizations by creation time %s, several created at one instant', async (direction) => {
    const departments: Array<{ id: string }> = await sql(`SELECT id FROM organization WHERE kind = 'DEPARTMENT' AND archived_at IS NULL ORDER BY id`);
    expect(departments.length).toBeGreaterThanOrEqual(6);
    const ids = departments.map((d) => d.id);
    await sql(`UPDATE organization SET created_at = CASE WHEN id = $2 THEN $3::timestamptz WHEN id = $4 THEN $5::timestamptz ELSE $6::timestamptz END WHERE id = ANY($1)`, [ids, ids[0], TIE_EARLIER, ids[1], TIE_LATER, TIE]);

    const query = `query(${VARS}, $direction: SortDirection!) {
      organizations(${ARGS}, filter: { kinds: [DEPARTMENT] }, orderBy: { field: CREATED_AT, direction: $direction }) { ${PAGE()} } }`;
    await expectPagedCompletely(anban, query, { direction }, ['organizations'], 1, ids.length);
  });

  /** A hazard reported, confirmed, planned and started through the API (four steps, four requests). */
  async function hazardWithFourSteps(): Promise<string> {
    const step = async (mutation: string, inputType: string, input: Record<string, unknown>) => {
      const res = await anban(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id version } }`, { input });
      expect(res.body.errors).toBeUndefined();
      return res.body.data![mutation] as { id: string; version: number };
    };
    let h = await step('reportHazard', 'ReportHazardInput', { organizationId: ENTERPRISE, title: uniqueName('分页回归 配电箱未接地'), category: 'WORK_SAFETY', source: 'INSPECTION' });
    h = await step('confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' });
    h = await step('planRectification', 'PlanRectificationInput', { id: h.id, version: h.version, measures: '更换接地线并检测接地电阻', responsiblePersonId: SAFETY_MANAGER, deadline: todayInChina() });
    h = await step('startRectification', 'HazardStepInput', { id: h.id, version: h.version });
    return h.id;
  }
  const HISTORY = `query(${VARS}, $id: UUID!) { hazard(id: $id) { history(${ARGS}) { ${PAGE()} } } }`;

  it("a hazard's history (oldest first), its steps written through the API, each at its own now()", async () => {
    const id = await hazardWithFourSteps();
    await expectPagedCompletely(anban, HISTORY, { id }, ['hazard', 'history'], 1, 4);
  });

  it("a hazard's history with its steps at one instant", async () => {
    const id = await hazardWithFourSteps();
    await sql(`UPDATE hazard_event SET at = $2 WHERE hazard_id = $1`, [id, TIE]);
    await expectPagedCompletely(anban, HISTORY, { id }, ['hazard', 'history'], 1, 4);
  });

  it("a campaign's targets (in the order added) after adding 12 organizations in one mutation", async () => {
    const orgs = await anban(`{ organizations(first: 12, filter: { kinds: [ENTERPRISE] }) { edges { node { id } } } }`);
    const organizationIds: string[] = orgs.body.data!['organizations'].edges.map((e: any) => e.node.id);
    expect(organizationIds).toHaveLength(12);
    const created = await anban(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: { name: uniqueName('分页回归专项整治'), startsOn: todayInChina(), endsOn: todayInChina() },
    });
    const campaignId = created.body.data!['createCampaign'].id;
    const added = await anban(`mutation($c: UUID!, $o: [UUID!]!) { addCampaignTargets(campaignId: $c, organizationIds: $o) { id } }`, { c: campaignId, o: organizationIds });
    expect(added.body.errors).toBeUndefined();
    expect(await sql(`SELECT count(*)::int AS n, count(DISTINCT added_at)::int AS times FROM campaign_target WHERE campaign_id = $1`, [campaignId])).toEqual([{ n: 12, times: 1 }]);

    const query = `query(${VARS}, $id: UUID!) { campaign(id: $id) { targets(${ARGS}) { ${PAGE('organizationId')} } } }`;
    await expectPagedCompletely(anban, query, { id: campaignId }, ['campaign', 'targets'], 5, 12);
    await expectPagedCompletely(anban, query, { id: campaignId }, ['campaign', 'targets'], 1, 12);
  });

  it('reads cursors only when selected: pages without one, and hands out the same cursors through edges, pageInfo and fragments', async () => {
    const plain = await anban(`{ organizations(first: 3) { edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data!['organizations'].edges).toHaveLength(3);
    const withCursors = await anban(`{ organizations(first: 3) { edges { cursor node { id } } pageInfo { endCursor } } }`);
    const edges = withCursors.body.data!['organizations'].edges;
    expect(withCursors.body.data!['organizations'].pageInfo.endCursor).toBe(edges[2].cursor);
    const viaFragment = await anban(`{ organizations(first: 3) { ...Page } } fragment Page on OrganizationConnection { pageInfo { endCursor } }`);
    expect(viaFragment.body.data!['organizations'].pageInfo.endCursor).toBe(edges[2].cursor);
    // Nested pages too (one statement per level, with or without cursors).
    const nested = await anban(`{ organizations(first: 2, filter: { kinds: [VILLAGE] }) { edges { node { children(first: 2) { edges { cursor node { id } } } } } } }`);
    expect(nested.body.data!['organizations'].edges[0].node.children.edges[0].cursor).toEqual(expect.any(String));
  });

  /** Each error's code and its `fields` as `field/rule`. */
  const refusals = (res: GraphQLResponse) => (res.body.errors ?? []).map((e: any) => ({ code: e.extensions?.code, fields: (e.extensions?.fields ?? []).map((f: any) => `${f.field}/${f.rule}`) }));
  const refused = (...fields: string[]) => [{ code: 'BAD_USER_INPUT', fields }];
  const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

  it('refuses first with last, a size out of range and a cursor it did not hand out, naming the argument and the rule', async () => {
    expect(refusals(await anban(`{ organizations(first: 2, last: 2) { totalCount } }`))).toEqual(refused('last/exclusive'));
    expect(refusals(await anban(`query($f: Int, $l: Int) { organizations(first: $f, last: $l) { totalCount } }`, { f: 2, l: 2 }))).toEqual(refused('last/exclusive'));
    // A nested connection too (the same arguments everywhere).
    expect(refusals(await anban(`{ organizations(first: 1, filter: { kinds: [VILLAGE] }) { edges { node { children(first: 1, last: 1) { totalCount } } } } }`))).toEqual(refused('last/exclusive'));
    expect(refusals(await anban(`{ organizations(last: 101) { totalCount } }`))).toEqual(refused('last/max'));
    expect(refusals(await anban(`query($l: Int) { organizations(last: $l) { totalCount } }`, { l: 101 }))).toEqual(refused('last/max'));
    expect(refusals(await anban(`{ organizations(last: 0) { totalCount } }`))).toEqual(refused('last/min'));
    expect(refusals(await anban(`{ organizations(last: 2, before: "%%%") { totalCount } }`))).toEqual(refused('before/cursor'));
    expect(refusals(await anban(`{ hazards(last: 2, before: "${cursorOf(['x'])}") { totalCount } }`))).toEqual(refused('before/cursor'));
    // Values of the right shape that PostgreSQL cannot read as the keys' types (a time, a uuid): the database is the judge.
    expect(refusals(await anban(`{ hazards(last: 2, before: "${cursorOf(['x', 'y'])}") { edges { cursor } } }`))).toEqual(refused('before/cursor'));
    expect(refusals(await anban(`{ hazards(first: 2, after: "${cursorOf(['x', 'y'])}", before: "${cursorOf(['x', 'y'])}") { edges { cursor } } }`))).toEqual(refused('after/cursor', 'before/cursor'));
    // An explicit null is no value: `first: null` with `last` is the last page.
    const all = await pageOf(anban, `{ organizations(first: 100, filter: { kinds: [VILLAGE, COMMUNITY] }) { edges { cursor } } }`, {}, ['organizations']);
    const tail = await pageOf(anban, `query($f: Int) { organizations(first: $f, last: 2, filter: { kinds: [VILLAGE, COMMUNITY] }) { edges { cursor } } }`, { f: null }, ['organizations']);
    expect(tail.edges).toEqual(all.edges.slice(-2));
  });

  /** The fields of the schema that return a connection (`edges` and `pageInfo`). */
  const connectionFields = (type: GraphQLObjectType) =>
    Object.values(type.getFields()).filter((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) && 'edges' in named.getFields() && 'pageInfo' in named.getFields();
    });

  it('gives every connection of the schema first, after, last and before, and first no default (neither given reads 20)', () => {
    const fields = Object.values(t.gateway.schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) => connectionFields(type).map((f) => ({ coordinate: `${type.name}.${f.name}`, field: f })));
    expect(fields.length).toBeGreaterThanOrEqual(81);
    const signature = (f: GraphQLField<unknown, unknown>) =>
      ['first', 'after', 'last', 'before'].map((name) => {
        const arg = f.args.find((a) => a.name === name);
        return arg ? `${name}: ${String(arg.type)}${arg.defaultValue === undefined ? '' : ` = ${String(arg.defaultValue)}`}` : `no ${name}`;
      });
    expect(fields.map((f) => ({ coordinate: f.coordinate, args: signature(f.field) })).filter((f) => f.args.join(', ') !== 'first: Int, after: String, last: Int, before: String')).toEqual([]);
    expect(DEFAULT_PAGE_SIZE).toBe(20);
  });

  it('answers last and before on every root list (stored, computed and in-memory) as its forward pages order it', async () => {
    const admin = await t.as('admin');
    const [{ id: adminId }] = await sql(`SELECT id FROM app_user WHERE username = 'admin'`);
    /** The arguments of the lists that require some. */
    const given: Record<string, string> = {
      drillCompliance: `year: ${todayInChina().slice(0, 4)}, `,
      effectivePermissions: `principalId: "${adminId}", principalKind: USER, `,
      indicatorValues: `organizationId: "${seedId('org:town')}", from: "2025-01-01", to: "2026-01-01", breakdown: CHILDREN, `,
      keyTasksBehindSchedule: 'year: 2025, ',
      quarterlyRanking: 'year: 2025, quarter: 4, group: VILLAGES, components: [{ indicatorCode: "responsibility.key-task-on-time-completion" }], ',
      problemRepeatFigures: 'from: "2024-01-01", to: "2026-01-01", ',
      dutyListDiff: `baseListId: "${seedId('duty-list:2025:person-town-secretary')}", listId: "${seedId('duty-list:2026:person-town-secretary')}", `,
      dutyItemsWithoutAction: `personId: "${seedId('person:person-town-secretary')}", from: "2025-01-01", to: "2025-12-31", `,
      fireFourOnesGaps: 'year: 2025, ',
      applicableLawArticles: 'topic: "hearing", on: "2026-02-01", ',
      publicityCoverage: 'year: 2026, ',
      knowledgeSearch: 'query: "火", ',
      dutyLedgers: 'filter: { from: "2025-01-01", to: "2025-12-31" }, ',
      closedLoop: 'filter: { from: "2025-12-01", to: "2026-11-29" }, ',
      // A week of 5-minute readings is more than the 2,000 rows paged here: the last two hours of the demo week.
      observations: 'filter: { from: "2026-11-29T08:00:00+08:00", to: "2026-11-29T10:00:00+08:00" }, ',
    };
    const lists = connectionFields(t.gateway.schema.getQueryType()!);
    expect(lists.length).toBeGreaterThanOrEqual(46);
    const unread = lists.filter((f) => f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined) && !given[f.name]).map((f) => f.name);
    expect(unread).toEqual([]);
    const exercised: string[] = [];
    for (const list of lists) {
      const read = (page: string) => pageOf(admin, `{ ${list.name}(${given[list.name] ?? ''}${page}) { totalCount edges { cursor } pageInfo { hasPreviousPage hasNextPage } } }`, {}, [list.name]);
      const c: string[] = [];
      for (let more = true; more && c.length < 2000; ) {
        const page = await read(`first: 100${c.length ? `, after: "${c[c.length - 1]}"` : ''}`);
        c.push(...page.edges.map((e: any) => e.cursor));
        more = page.pageInfo.hasNextPage;
      }
      const n = c.length;
      const expectPage = async (page: string, cursors: string[], flags: boolean[]) => {
        const got = await read(page);
        expect({ list: list.name, page, cursors: got.edges.map((e: any) => e.cursor), flags: [got.pageInfo.hasPreviousPage, got.pageInfo.hasNextPage], total: got.totalCount }).toEqual({ list: list.name, page, cursors, flags, total: n });
      };
      await expectPage('last: 2', c.slice(-2), [n > 2, false]);
      if (n < 3) continue;
      await expectPage(`last: 1, before: "${c[n - 2]}"`, [c[n - 3]!], [n > 3, true]);
      await expectPage(`first: 1, before: "${c[2]}"`, [c[0]!], [false, true]);
      await expectPage(`last: 1, after: "${c[0]}", before: "${c[2]}"`, [c[1]!], [true, true]);
      exercised.push(list.name);
    }
    // The demo town fills most lists with three rows or more (39 of 50): those were paged back from a cursor too.
    expect(exercised.length).toBeGreaterThanOrEqual(30);
  }, 120_000);

  it('answers last on every nested list for each parent of a page (one statement per level, as forward)', async () => {
    const admin = await t.as('admin');
    const query = t.gateway.schema.getQueryType()!;
    const today = todayInChina();
    /** A way to the parents of a type: a root list of them, or the root object itself. */
    const parents = new Map<string, (inner: string) => { source: string; path: string[] }>();
    for (const f of connectionFields(query)) {
      const node = getNamedType((getNamedType(f.type) as GraphQLObjectType).getFields()['edges']!.type) as GraphQLObjectType;
      const type = getNamedType(node.getFields()['node']!.type).name;
      if (!parents.has(type) && !f.args.some((a) => isNonNullType(a.type))) parents.set(type, (inner) => ({ source: `{ p: ${f.name}(first: 20) { edges { node { ${inner} } } } }`, path: ['p', 'edges'] }));
    }
    parents.set('Viewer', (inner) => ({ source: `{ p: viewer { ${inner} } }`, path: ['p'] }));
    // A tip's reporter view, opened with a seeded tip's code and demo secret (tipSeedSecret('fengxiang-training')).
    parents.set('TrackedTip', (inner) => ({ source: `{ p: trackTip(code: "JB-2026-000002", secret: "8SVG8HFPD40J17G3") { ${inner} } }`, path: ['p'] }));
    parents.set('DutyCoverage', (inner) => ({ source: `{ p: dutyCoverage(from: "${today}", to: "${today}") { ${inner} } }`, path: ['p'] }));
    parents.set('EnterprisePicture', (inner) => ({ source: `{ p: enterprisePicture(enterpriseId: "${seedId('org:ent-sinopec-nanping')}") { ${inner} } }`, path: ['p'] }));
    const nested = Object.values(t.gateway.schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && type.name !== 'Query' && !type.name.startsWith('__'))
      .flatMap((type) => connectionFields(type).map((f) => ({ type: type.name, field: f.name })));
    expect(nested.length).toBeGreaterThanOrEqual(35);
    expect(nested.filter((n) => !parents.has(n.type)).map((n) => `${n.type}.${n.field}`)).toEqual([]);
    const withThree: string[] = [];
    for (const { type, field } of nested) {
      const pagesOf = async (page: string) => {
        const { source, path } = parents.get(type)!(`${field}(${page}) { totalCount edges { cursor } pageInfo { hasPreviousPage hasNextPage } }`);
        const at: any = await pageOf(admin, source, {}, path);
        return (Array.isArray(at) ? at.map((e: any) => e.node) : [at]).map((p: any) => p[field]);
      };
      const [all, tails] = [await pagesOf('first: 100'), await pagesOf('last: 2')];
      expect(tails.length).toBe(all.length);
      all.forEach((whole: any, i: number) => {
        if (whole.totalCount > 100) return;
        const c = whole.edges.map((e: any) => e.cursor);
        expect({ at: `${type}.${field} #${i}`, cursors: tails[i].edges.map((e: any) => e.cursor), flags: [tails[i].pageInfo.hasPreviousPage, tails[i].pageInfo.hasNextPage] }).toEqual({
          at: `${type}.${field} #${i}`,
          cursors: c.slice(-2),
          flags: [c.length > 2, false],
        });
      });
      if (all.some((whole: any) => whole.totalCount >= 3 && whole.totalCount <= 100)) withThree.push(`${type}.${field}`);
    }
    // Nearly half the nested lists have a parent with three children or more among the first 20 of the demo town (17 of 37).
    expect(withThree.length).toBeGreaterThanOrEqual(15);
  }, 120_000);
});
