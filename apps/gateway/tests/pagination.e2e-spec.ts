import { todayInChina } from '@platform/core';
import { seedId } from '@platform/directory';
import { startTestGateway, uniqueName, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * Regression tests for the integration review's §5.2: lists sorted on `timestamptz` keys, with tie
 * groups written by one transaction's `now()` (microseconds), followed page by page through the
 * API until `hasNextPage` is false, return every row exactly once and end.
 */

const ENTERPRISE = seedId('org:ent-sinopec-nanping');
const SAFETY_MANAGER = seedId('person:person-ent-sinopec-nanping-safety');
/** Stored times with microseconds, as `DEFAULT now()` writes them: three within one millisecond. */
const TIE = '2026-11-30 09:15:42.123456+08';
const TIE_EARLIER = '2026-11-30 09:15:42.123455+08';
const TIE_LATER = '2026-11-30 09:15:42.123457+08';
/** The connection selection every list below is paged with (the node's key aliased to `id`). */
const PAGE = (id = 'id') => `totalCount edges { node { id: ${id} } } pageInfo { hasNextPage endCursor }`;

interface Followed {
  readonly ids: string[];
  readonly totals: number[];
  readonly ended: boolean;
}

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

  /** Follows `endCursor` with `first` until `hasNextPage` is false, or gives up after `cap` pages. `query` takes `$first` and `$after`. */
  async function follow(client: GraphQLClient, query: string, variables: Record<string, unknown>, path: readonly string[], first: number, cap: number): Promise<Followed> {
    const ids: string[] = [];
    const totals: number[] = [];
    let after: string | null = null;
    for (let n = 1; n <= cap; n++) {
      const res: GraphQLResponse = await client(query, { ...variables, first, after });
      expect(res.body.errors).toBeUndefined();
      const c: any = path.reduce((o: any, k) => o?.[k], res.body.data);
      ids.push(...c.edges.map((e: any) => e.node.id));
      totals.push(c.totalCount);
      if (!c.pageInfo.hasNextPage) return { ids, totals, ended: true };
      after = c.pageInfo.endCursor;
    }
    return { ids, totals, ended: false };
  }

  /**
   * The list paged with `first` (and a page cap) returns exactly the list fetched as one large page,
   * each row once, in the same order, and ends; `totalCount` is the same on every page.
   */
  async function expectPagedCompletely(client: GraphQLClient, query: string, variables: Record<string, unknown>, path: readonly string[], first: number, size: number): Promise<void> {
    const all = await follow(client, query, variables, path, 100, 1);
    expect(all).toEqual({ ids: expect.any(Array), totals: [size], ended: true });
    expect(all.ids).toHaveLength(size);
    const paged = await follow(client, query, variables, path, first, Math.ceil(size / first) + 3);
    const seen = new Set(paged.ids);
    // Stated in the terms of the defect first (rows lost, rows repeated, no end), then exactly.
    expect({ lost: all.ids.filter((id) => !seen.has(id)).length, repeated: paged.ids.length - seen.size, ended: paged.ended }).toEqual({ lost: 0, repeated: 0, ended: true });
    expect(paged.ids).toEqual(all.ids);
    expect(paged.totals.filter((n) => n !== size)).toEqual([]);
  }

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

    const query = `query($first: Int, $after: String, $q: String) { hazards(first: $first, after: $after, filter: { search: $q }) { ${PAGE()} } }`;
    await expectPagedCompletely(anban, query, { q: tag }, ['hazards'], 1, 6);

    // The same tie group paged through a link table (records().byLink): a campaign's hazards.
    const campaign = await anban(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: { name: uniqueName('分页回归关联隐患'), startsOn: todayInChina(), endsOn: todayInChina() },
    });
    const campaignId = campaign.body.data!['createCampaign'].id;
    const linked = await anban(`mutation($c: UUID!, $h: [UUID!]!) { linkCampaignHazards(campaignId: $c, hazardIds: $h) { id } }`, { c: campaignId, h: ids });
    expect(linked.body.errors).toBeUndefined();
    const linkedQuery = `query($first: Int, $after: String, $id: UUID!) { campaign(id: $id) { hazards(first: $first, after: $after) { ${PAGE()} } } }`;
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

    const query = `query($first: Int, $after: String, $filter: AuditLogFilter) { auditLog(first: $first, after: $after, filter: $filter) { ${PAGE()} } }`;
    await expectPagedCompletely(anban, query, { filter: { actorId, from: (since as Date).toISOString() } }, ['auditLog'], 1, 5);
  });

  it.each(['ASC', 'DESC'])('organizations by creation time %s, several created at one instant', async (direction) => {
    const departments: Array<{ id: string }> = await sql(`SELECT id FROM organization WHERE kind = 'DEPARTMENT' AND archived_at IS NULL ORDER BY id`);
    expect(departments.length).toBeGreaterThanOrEqual(6);
    const ids = departments.map((d) => d.id);
    await sql(`UPDATE organization SET created_at = CASE WHEN id = $2 THEN $3::timestamptz WHEN id = $4 THEN $5::timestamptz ELSE $6::timestamptz END WHERE id = ANY($1)`, [ids, ids[0], TIE_EARLIER, ids[1], TIE_LATER, TIE]);

    const query = `query($first: Int, $after: String, $direction: SortDirection!) {
      organizations(first: $first, after: $after, filter: { kinds: [DEPARTMENT] }, orderBy: { field: CREATED_AT, direction: $direction }) { ${PAGE()} } }`;
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
  const HISTORY = `query($first: Int, $after: String, $id: UUID!) { hazard(id: $id) { history(first: $first, after: $after) { ${PAGE()} } } }`;

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

    const query = `query($first: Int, $after: String, $id: UUID!) { campaign(id: $id) { targets(first: $first, after: $after) { ${PAGE('organizationId')} } } }`;
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
});
