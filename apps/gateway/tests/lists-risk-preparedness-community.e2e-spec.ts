import { todayInChina } from '@platform/core';
import { seedId } from '@platform/directory';
import { selectModules } from '@platform/server';
import { PAGE_ARGS, PAGE_VARS, enterpriseInput, errorOf, expectPagedCompletely, fieldsOf, pageOf, startTestGateway, uniqueName, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The list convention (issue 16) on the root lists of the risk, preparedness and community modules,
 * through the API on the demo town: every order field sorts (values in order, both directions) and
 * pages losslessly one item at a time forward and backward; `filter.updatedSince` lists what changed
 * since a `syncPoint` read before the change, with what a list hides by default (archived, ended,
 * superseded records) as tombstones, and nothing after a future instant; the arguments moved into
 * `filter` work there; a field named twice in `orderBy` is refused. Each test keeps to organizations
 * of its own (a village created for it), so that its lists hold exactly its records.
 */

const MODULES = selectModules(AVAILABLE_MODULES, ['directory', 'access', 'risk', 'preparedness', 'community']);
const TOWN = seedId('org:town');
const WENFENG_LEAD = seedId('person:person-village-wenfeng-lead');
const WENFENG_DISASTER = seedId('person:person-village-wenfeng-disaster');
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const LONGSHAN_DISASTER = seedId('person:person-village-longshan-disaster');
const TODAY = todayInChina();
const LAST_YEAR = Number(TODAY.slice(0, 4)) - 1;
/** A day `n` days before today in China (after it when negative), YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** An instant `n` days ago. */
const instantDaysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
/** Tomorrow: no record has changed after it. */
const FUTURE = () => new Date(Date.now() + 86_400_000).toISOString();

type Value = string | number | boolean | null;
/** Sort value of an enum field by its meaning order (1 for the first), as the list's rank. */
const rank = (order: readonly string[]) => (value: string | null): number | null => (value === null ? null : order.indexOf(value) + 1);
const CREATED_UPDATED = { CREATED_AT: (n: any) => n.createdAt, UPDATED_AT: (n: any) => n.updatedAt };

/** A root list as the tests page it: its name, filter and order input types, the node fields read, and arguments besides the convention's. */
interface List {
  readonly name: string;
  readonly filter: string;
  readonly order: string;
  readonly select: string;
  /** The node's key, aliased to `id` (default `id`). */
  readonly key?: string;
  /** Arguments that say which list, e.g. `year: 2025, `. */
  readonly args?: string;
}

const HAZARDS: List = { name: 'hazards', filter: 'HazardFilter', order: 'HazardOrder', select: 'foundAt title status grade deadline createdAt updatedAt' };
const RISK_POINTS: List = { name: 'riskPoints', filter: 'RiskPointFilter', order: 'RiskPointOrder', select: 'name level reviewDue archivedAt createdAt updatedAt' };
const SHELTERS: List = { name: 'shelters', filter: 'ShelterFilter', order: 'ShelterOrder', select: 'name capacity archivedAt createdAt updatedAt' };
const FIRE_FACILITIES: List = {
  name: 'fireFacilities',
  filter: 'FireFacilityFilter',
  order: 'FireFacilityOrder',
  select: 'kind description lastInspectedOn inspectionIntervalDays archivedAt createdAt updatedAt',
};
const EXPERT_VISITS: List = { name: 'expertVisits', filter: 'ExpertVisitFilter', order: 'ExpertVisitOrder', select: 'visitedOn expertName createdAt updatedAt' };
const CAMPAIGNS: List = { name: 'campaigns', filter: 'CampaignFilter', order: 'CampaignOrder', select: 'name startsOn endsOn createdAt updatedAt' };
const OFFICERS: List = { name: 'disasterOfficers', filter: 'DisasterOfficerFilter', order: 'DisasterOfficerOrder', select: 'role appointedOn endedOn createdAt updatedAt' };
const VILLAGES_WITHOUT_OFFICER: List = { name: 'villagesWithoutDisasterOfficer', filter: 'VillagesWithoutDisasterOfficerFilter', order: 'OrganizationOrder', select: 'name createdAt updatedAt' };
const PLANS: List = { name: 'emergencyPlans', filter: 'EmergencyPlanFilter', order: 'EmergencyPlanOrder', select: 'title revision status approvedOn nextReviewOn createdAt updatedAt' };
const DRILLS: List = { name: 'drills', filter: 'DrillFilter', order: 'DrillOrder', select: 'heldOn title participantCount createdAt updatedAt' };
const DRILL_RULES: List = { name: 'drillRules', filter: 'DrillRuleFilter', order: 'DrillRuleOrder', select: 'priority code name archivedAt createdAt updatedAt' };
const COMPLIANCE: List = {
  name: 'drillCompliance',
  filter: 'DrillComplianceFilter',
  order: 'DrillComplianceOrder',
  select: 'organization { name } met lastQualifyingDrillOn',
  key: 'organizationId',
  args: `year: ${LAST_YEAR}, `,
};
const CONSULTATIONS: List = { name: 'consultations', filter: 'ConsultationFilter', order: 'ConsultationOrder', select: 'heldOn title archivedAt createdAt updatedAt' };
const ACTION_ITEMS: List = { name: 'consultationActionItems', filter: 'ConsultationActionItemFilter', order: 'ConsultationActionItemOrder', select: 'dueOn status doneOn createdAt updatedAt' };
const GROUPS: List = { name: 'jointDefenseGroups', filter: 'JointDefenseGroupFilter', order: 'JointDefenseGroupOrder', select: 'name archivedAt createdAt updatedAt' };
const VULNERABLE: List = {
  name: 'vulnerableHouseholds',
  filter: 'VulnerableHouseholdFilter',
  order: 'VulnerableHouseholdOrder',
  select: 'groupId headName address memberCount hasVulnerableMembers archivedAt createdAt updatedAt',
};

/** The list's query with the page variables, `$filter` and `$orderBy`. */
const listQuery = (l: List) =>
  `query($filter: ${l.filter}, $orderBy: [${l.order}!], ${PAGE_VARS}) { ${l.name}(${l.args ?? ''}filter: $filter, orderBy: $orderBy, ${PAGE_ARGS}) {
     totalCount edges { cursor node { id: ${l.key ?? 'id'} ${l.select} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** A change a test makes for the change feed: the records it lists (the changed ones, or the ones a changed parent takes along) and when it was made. */
interface Change {
  readonly ids: string[];
  /** The change's `updatedAt`: the start of its transaction. */
  readonly at: string;
  /** Those of `ids` the change takes out of the list's default view (archived, ended, superseded…): the feed's tombstones. */
  readonly hidden: string[];
}

describe('the list convention on the risk, preparedness and community lists', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  beforeAll(async () => {
    // Every order is walked one item at a time: more requests than a client's default budget allows.
    t = await startTestGateway(MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '0' } });
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  const sql = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);

  /** Runs a mutation taking `input` as admin and gives its result (`fields`: what to read back). */
  const mutate = async (name: string, inputType: string, input: Record<string, unknown>, fields = 'id version updatedAt'): Promise<any> => {
    const res = await admin(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name];
  };
  /** A village of the test's own under the town (its name starting with `tag`). */
  const village = async (tag: string): Promise<string> => (await mutate('createOrganization', 'CreateOrganizationInput', { kind: 'VILLAGE', name: `${tag}村`, parentId: TOWN }, 'id')).id;
  const enterprise = async (parentId: string, name: string): Promise<string> => (await mutate('createOrganization', 'CreateOrganizationInput', enterpriseInput(parentId, { name }), 'id')).id;

  /** The values in the list's order for `direction`: NULLs last ascending and first descending; text in the database's collation. */
  async function inOrder(values: Value[], direction: string): Promise<Value[]> {
    const present = values.filter((v) => v !== null);
    const nulls = values.filter((v) => v === null);
    const ascending = present.every((v) => typeof v === 'string')
      ? (((await sql(`SELECT array_agg(v ORDER BY v) AS a FROM unnest($1::text[]) v`, [present]))[0].a as string[] | null) ?? [])
      : [...present].sort((a, b) => (a! < b! ? -1 : a! > b! ? 1 : 0));
    return direction === 'ASC' ? [...ascending, ...nulls] : [...nulls, ...ascending.reverse()];
  }

  /**
   * For each order field and both directions: the list (narrowed by `filter` to at least three
   * records) comes in the field's order, its values not all equal, and pages one item at a time
   * forward and backward lose, repeat and reorder nothing.
   */
  async function expectEveryOrder(l: List, filter: Record<string, unknown>, fields: Record<string, (node: any) => Value>): Promise<void> {
    const query = listQuery(l);
    const count = (await pageOf(admin, query, { filter, first: 100 }, [l.name])).totalCount as number;
    expect(count).toBeGreaterThanOrEqual(3);
    for (const [field, value] of Object.entries(fields)) {
      for (const direction of ['ASC', 'DESC']) {
        const variables = { filter, orderBy: [{ field, direction }] };
        const ids = await expectPagedCompletely(admin, query, variables, [l.name], 1, count);
        const page = await pageOf(admin, query, { ...variables, first: 100 }, [l.name]);
        expect(page.edges.map((e: any) => e.node.id)).toEqual(ids);
        const values: Value[] = page.edges.map((e: any) => value(e.node));
        expect({ field, direction, values }).toEqual({ field, direction, values: await inOrder(values, direction) });
        // Values that differ, so that the order is seen at work.
        expect({ field, distinct: new Set(values.map((v) => JSON.stringify(v))).size > 1 }).toEqual({ field, distinct: true });
      }
    }
  }

  /** The keys of the list's records under `filter` (first 100). */
  async function keysOf(l: List, filter: Record<string, unknown>): Promise<string[]> {
    return (await pageOf(admin, listQuery(l), { filter, first: 100 }, [l.name])).edges.map((e: any) => e.node.id);
  }

  /**
   * The change feed of a list narrowed by `narrow`: nothing changed after a future instant; the
   * records of a change made after a sync point read before it are listed from that sync point, and
   * exactly they from the change's own instant (the test's other records changed before); records
   * the change hides from the default view are tombstones, listed only in the feed.
   */
  async function expectChangeFeed(l: List, narrow: Record<string, unknown>, change: () => Promise<Change>): Promise<void> {
    expect(await keysOf(l, { ...narrow, updatedSince: FUTURE() })).toEqual([]);
    const point = (await admin(`{ syncPoint }`)).body.data!['syncPoint'] as string;
    const changed = await change();
    expect(await keysOf(l, { ...narrow, updatedSince: point })).toEqual(expect.arrayContaining(changed.ids));
    expect((await keysOf(l, { ...narrow, updatedSince: changed.at })).sort()).toEqual([...changed.ids].sort());
    const listed = await keysOf(l, narrow);
    expect(listed.filter((id) => changed.hidden.includes(id))).toEqual([]);
    expect(listed).toEqual(expect.arrayContaining(changed.ids.filter((id) => !changed.hidden.includes(id))));
  }

  it('hazards: every order; the feed lists a step taken after the sync point', async () => {
    const tag = uniqueName('隐患排序');
    const v = await village(tag);
    const report = (n: string, found: number) =>
      mutate('reportHazard', 'ReportHazardInput', { organizationId: v, title: `${tag} ${n}`, category: 'FIRE', source: 'INSPECTION', foundAt: instantDaysAgo(found) });
    const [h1, h2, h3] = [await report('2', 3), await report('1', 1), await report('3', 2)];
    const major = await mutate('confirmHazard', 'ConfirmHazardInput', { id: h1.id, version: h1.version, grade: 'MAJOR', criteriaReference: '重大隐患判定标准 第3条' });
    await mutate('planRectification', 'PlanRectificationInput', {
      id: h1.id,
      version: major.version,
      measures: '更换线路并加装漏电保护',
      emergencyMeasures: '停用该区域用电，设置警戒区',
      responsiblePersonId: WENFENG_LEAD,
      deadline: daysAgo(-10),
    });
    const general = await mutate('confirmHazard', 'ConfirmHazardInput', { id: h2.id, version: h2.version, grade: 'GENERAL' });
    await mutate('rejectHazard', 'RejectHazardInput', { id: h3.id, version: h3.version, reason: 'DUPLICATE' });

    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(HAZARDS, filter, {
      FOUND_AT: (n) => n.foundAt,
      TITLE: (n) => n.title,
      STATUS: (n) => rank(['REPORTED', 'CONFIRMED', 'PLANNED', 'RECTIFYING', 'SUBMITTED', 'VERIFIED', 'CLOSED', 'REJECTED'])(n.status),
      GRADE: (n) => rank(['GENERAL', 'MAJOR'])(n.grade),
      DEADLINE: (n) => n.deadline,
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(HAZARDS, filter, async () => {
      const planned = await mutate('planRectification', 'PlanRectificationInput', { id: h2.id, version: general.version, measures: '清理消防通道杂物', responsiblePersonId: WENFENG_LEAD, deadline: daysAgo(-5) });
      return { ids: [h2.id], at: planned.updatedAt, hidden: [] };
    });
  });

  it('risk points: every order; an archived point is a tombstone of the feed', async () => {
    const tag = uniqueName('风险点排序');
    const v = await village(tag);
    const create = (n: string, level: string, reviewDue: string | null) =>
      mutate('createRiskPoint', 'CreateRiskPointInput', { organizationId: v, name: `${tag} ${n}`, category: 'FIRE', level, reviewDue });
    const points = [await create('2', 'RED', daysAgo(-30)), await create('1', 'BLUE', null), await create('3', 'ORANGE', daysAgo(-10))];
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(RISK_POINTS, filter, {
      LEVEL: (n) => rank(['BLUE', 'YELLOW', 'ORANGE', 'RED'])(n.level),
      NAME: (n) => n.name,
      REVIEW_DUE: (n) => n.reviewDue,
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(RISK_POINTS, filter, async () => {
      const archived = await mutate('archiveRiskPoint', 'ArchiveInput', { id: points[1].id, version: points[1].version }, 'id updatedAt archivedAt');
      expect(archived.archivedAt).not.toBeNull();
      return { ids: [points[1].id], at: archived.updatedAt, hidden: [points[1].id] };
    });
  });

  it('shelters: every order; an archived shelter is a tombstone of the feed', async () => {
    const tag = uniqueName('避难场所排序');
    const v = await village(tag);
    const create = (n: string, capacity: number) => mutate('createShelter', 'CreateShelterInput', { organizationId: v, name: `${tag} ${n}`, type: 'OUTDOOR', capacity });
    const shelters = [await create('2', 300), await create('1', 100), await create('3', 200)];
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(SHELTERS, filter, { NAME: (n) => n.name, CAPACITY: (n) => n.capacity, ...CREATED_UPDATED });
    await expectChangeFeed(SHELTERS, filter, async () => {
      const archived = await mutate('archiveShelter', 'ArchiveInput', { id: shelters[2].id, version: shelters[2].version });
      return { ids: [shelters[2].id], at: archived.updatedAt, hidden: [shelters[2].id] };
    });
  });

  it('fire facilities: every order, the next inspection day among them; an archived facility is a tombstone of the feed', async () => {
    const tag = uniqueName('消防设施排序');
    const v = await village(tag);
    const create = (n: string, kind: string, lastInspectedOn: string | null, inspectionIntervalDays: number) =>
      mutate('createFireFacility', 'CreateFireFacilityInput', { organizationId: v, kind, description: `${tag} ${n}`, quantity: 2, lastInspectedOn, inspectionIntervalDays });
    const facilities = [await create('2', 'EXTINGUISHER', daysAgo(3), 30), await create('1', 'HYDRANT', null, 30), await create('3', 'ALARM', daysAgo(10), 7)];
    const plus = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(FIRE_FACILITIES, filter, {
      KIND: (n) => n.kind,
      DESCRIPTION: (n) => n.description,
      LAST_INSPECTED_ON: (n) => n.lastInspectedOn,
      INSPECTION_DUE_ON: (n) => (n.lastInspectedOn ? plus(n.lastInspectedOn, n.inspectionIntervalDays) : null),
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(FIRE_FACILITIES, filter, async () => {
      const archived = await mutate('archiveFireFacility', 'ArchiveInput', { id: facilities[0].id, version: facilities[0].version });
      return { ids: [facilities[0].id], at: archived.updatedAt, hidden: [facilities[0].id] };
    });
  });

  it('expert visits: every order; the feed lists a visit recorded after the sync point', async () => {
    const tag = uniqueName('专家指导排序');
    const v = await village(tag);
    const e = await enterprise(v, `${tag}企业`);
    const record = (n: string, visitedOn: string) =>
      mutate('recordExpertVisit', 'RecordExpertVisitInput', { organizationId: e, expertName: `${tag} ${n}`, visitedOn, findings: '现场指导，未发现隐患。', hazards: [] });
    await record('2', daysAgo(3));
    await record('1', daysAgo(1));
    await record('3', daysAgo(2));
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(EXPERT_VISITS, filter, { VISITED_ON: (n) => n.visitedOn, EXPERT_NAME: (n) => n.expertName, ...CREATED_UPDATED });
    await expectChangeFeed(EXPERT_VISITS, filter, async () => {
      const visit = await record('4', daysAgo(0));
      return { ids: [visit.id], at: visit.updatedAt, hidden: [] };
    });
  });

  it('campaigns: every order; the feed lists a campaign changed after the sync point', async () => {
    const tag = uniqueName('专项整治排序');
    const create = (n: string, startsOn: string, endsOn: string) => mutate('createCampaign', 'CreateCampaignInput', { name: `${tag} ${n}`, startsOn, endsOn });
    const campaigns = [await create('2', '2001-01-10', '2001-12-31'), await create('1', '2001-03-01', '2001-06-30'), await create('3', '2001-02-01', '2001-09-30')];
    // Running on a day no other campaign runs on.
    const filter = { activeOn: '2001-05-01' };
    await expectEveryOrder(CAMPAIGNS, filter, { STARTS_ON: (n) => n.startsOn, ENDS_ON: (n) => n.endsOn, NAME: (n) => n.name, ...CREATED_UPDATED });
    await expectChangeFeed(CAMPAIGNS, filter, async () => {
      const updated = await mutate('updateCampaign', 'UpdateCampaignInput', { id: campaigns[1].id, version: campaigns[1].version, description: '延续上年整治' });
      return { ids: [campaigns[1].id], at: updated.updatedAt, hidden: [] };
    });
  });

  it('disaster officers: every order over ended ones too; an ended appointment is a tombstone of the feed', async () => {
    const tag = uniqueName('信息员排序');
    const v = await village(tag);
    const appoint = (personId: string, role: string, appointedOn: string) => mutate('appointDisasterOfficer', 'AppointDisasterOfficerInput', { organizationId: v, personId, role, appointedOn });
    const a = await appoint(WENFENG_DISASTER, 'A', daysAgo(100));
    const b = await appoint(WENFENG_EMERGENCY, 'B', daysAgo(50));
    const c = await appoint(LONGSHAN_DISASTER, 'B', daysAgo(70));
    await mutate('endDisasterOfficer', 'EndDisasterOfficerInput', { id: c.id, version: c.version, endedOn: daysAgo(5) });
    expect((await keysOf(OFFICERS, { withinSubtreeOf: v })).sort()).toEqual([a.id, b.id].sort());
    await expectEveryOrder(OFFICERS, { withinSubtreeOf: v, includeEnded: true }, {
      APPOINTED_ON: (n) => n.appointedOn,
      ENDED_ON: (n) => n.endedOn,
      ROLE: (n) => n.role,
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(OFFICERS, { withinSubtreeOf: v }, async () => {
      const ended = await mutate('endDisasterOfficer', 'EndDisasterOfficerInput', { id: b.id, version: b.version, endedOn: daysAgo(1) });
      return { ids: [b.id], at: ended.updatedAt, hidden: [b.id] };
    });
  });

  it('villages without an officer (computed): within a subtree, and every order of organizations', async () => {
    const tag = uniqueName('缺信息员排序');
    const villages = [await village(`${tag} 2`), await village(`${tag} 1`), await village(`${tag} 3`)];
    expect(await keysOf(VILLAGES_WITHOUT_OFFICER, { withinSubtreeOf: villages[1] })).toEqual([villages[1]]);
    expect(await keysOf(VILLAGES_WITHOUT_OFFICER, { withinSubtreeOf: TOWN })).toEqual(expect.arrayContaining(villages));
    await expectEveryOrder(VILLAGES_WITHOUT_OFFICER, { withinSubtreeOf: TOWN }, { NAME: (n) => n.name, ...CREATED_UPDATED });
  });

  it('emergency plans: every order; a revision superseded by an approval is a tombstone of the feed', async () => {
    const tag = uniqueName('预案排序');
    const v = await village(tag);
    const create = (n: string) => mutate('createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: v, type: 'VILLAGE', title: `${tag} ${n}` });
    const approve = (p: { id: string; version: number }, approvedOn: string, nextReviewOn: string) =>
      mutate('approveEmergencyPlan', 'ApproveEmergencyPlanInput', { id: p.id, version: p.version, approvedOn, nextReviewOn });
    const first = await approve(await create('2'), daysAgo(5), daysAgo(-300));
    await create('1');
    const withdrawn = await approve(await create('3'), daysAgo(20), daysAgo(-100));
    await mutate('archiveEmergencyPlan', 'ArchiveInput', { id: withdrawn.id, version: withdrawn.version });
    const draft = await mutate('reviseEmergencyPlan', 'ReviseEmergencyPlanInput', { id: first.id, version: first.version });
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(PLANS, filter, {
      TITLE: (n) => n.title,
      REVISION: (n) => n.revision,
      STATUS: (n) => rank(['DRAFT', 'EFFECTIVE', 'SUPERSEDED', 'ARCHIVED'])(n.status),
      APPROVED_ON: (n) => n.approvedOn,
      NEXT_REVIEW_ON: (n) => n.nextReviewOn,
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(PLANS, filter, async () => {
      // One transaction approves the draft and supersedes the revision in force: both changed then.
      const approved = await approve(draft, daysAgo(0), daysAgo(-365));
      return { ids: [draft.id, first.id], at: approved.updatedAt, hidden: [first.id] };
    });
    expect(await keysOf(PLANS, { ...filter, includeSuperseded: true })).toContain(first.id);
  });

  it('drills: every order; the feed lists a drill changed after the sync point', async () => {
    const tag = uniqueName('演练排序');
    const v = await village(tag);
    const record = (n: string, heldOn: string, participantCount: number) =>
      mutate('recordDrill', 'RecordDrillInput', { organizationId: v, heldOn, form: 'TABLETOP', title: `${tag} ${n}`, participantCount });
    const drills = [await record('2', daysAgo(3), 30), await record('1', daysAgo(1), 10), await record('3', daysAgo(2), 20)];
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(DRILLS, filter, { HELD_ON: (n) => n.heldOn, TITLE: (n) => n.title, PARTICIPANT_COUNT: (n) => n.participantCount, ...CREATED_UPDATED });
    await expectChangeFeed(DRILLS, filter, async () => {
      const updated = await mutate('updateDrill', 'UpdateDrillInput', { id: drills[2].id, version: drills[2].version, evaluation: '转移路线清楚，广播覆盖不足' });
      return { ids: [drills[2].id], at: updated.updatedAt, hidden: [] };
    });
  });

  it('drill compliance (computed): subtree and non-compliance in `filter`, and every order of the entries', async () => {
    const tag = uniqueName('演练达标排序');
    const v = await village(`${tag} 2`);
    const [e1, e2] = [await enterprise(v, `${tag} 1`), await enterprise(v, `${tag} 3`)];
    const record = (organizationId: string, heldOn: string, form: string) =>
      mutate('recordDrill', 'RecordDrillInput', { organizationId, heldOn, form, title: `${tag} 演练`, participantCount: 12 });
    await record(v, `${LAST_YEAR}-04-15`, 'TABLETOP');
    await record(e1, `${LAST_YEAR}-05-20`, 'EVACUATION');
    const entries = await pageOf(admin, listQuery(COMPLIANCE), { filter: { withinSubtreeOf: v }, first: 100 }, [COMPLIANCE.name]);
    expect(entries.edges.map((e: any) => e.node.id).sort()).toEqual([v, e1, e2].sort());
    const unmet = entries.edges.filter((e: any) => !e.node.met).map((e: any) => e.node.id);
    expect(unmet).toContain(e2);
    expect((await keysOf(COMPLIANCE, { withinSubtreeOf: v, onlyNonCompliant: true })).sort()).toEqual(unmet.sort());
    await expectEveryOrder(COMPLIANCE, { withinSubtreeOf: v }, {
      ORGANIZATION_NAME: (n) => n.organization.name,
      MET: (n) => n.met,
      LAST_QUALIFYING_DRILL_ON: (n) => n.lastQualifyingDrillOn,
    });
  });

  it('drill rules: `includeArchived` in `filter`, every order; an archived rule is a tombstone of the feed', async () => {
    const tag = uniqueName('规则排序');
    const code = (n: string) => `LIST_${tag.replace(/\D/g, '_')}_${n}`;
    const since = new Date((await sql(`SELECT clock_timestamp() AS at`))[0].at).toISOString();
    // Below VILLAGE_YEARLY (priority 10): they never apply, so no compliance changes.
    const create = (n: string, priority: number) =>
      mutate('createDrillRule', 'CreateDrillRuleInput', { code: code(n), name: `${tag} ${n}`, organizationKinds: ['VILLAGE'], period: 'YEAR', minDrills: 1, qualifyingForms: [], priority });
    const rules = [await create('2', -800), await create('1', -900), await create('3', -850)];
    await mutate('archiveDrillRule', 'ArchiveInput', { id: rules[2].id, version: rules[2].version });
    expect(await keysOf(DRILL_RULES, {})).not.toContain(rules[2].id);
    expect(await keysOf(DRILL_RULES, { includeArchived: true })).toContain(rules[2].id);
    // The rules changed since the test began (a change feed: the archived one too).
    await expectEveryOrder(DRILL_RULES, { updatedSince: since }, { PRIORITY: (n) => n.priority, CODE: (n) => n.code, NAME: (n) => n.name, ...CREATED_UPDATED });
    await expectChangeFeed(DRILL_RULES, {}, async () => {
      const gone = await mutate('archiveDrillRule', 'ArchiveInput', { id: rules[0].id, version: rules[0].version });
      return { ids: [rules[0].id], at: gone.updatedAt, hidden: [rules[0].id] };
    });
  });

  it('consultations: every order; an archived meeting is a tombstone of the feed', async () => {
    const tag = uniqueName('会商排序');
    const v = await village(tag);
    const record = (n: string, heldOn: string) => mutate('recordConsultation', 'RecordConsultationInput', { organizationId: v, kind: 'REGULAR', heldOn, title: `${tag} ${n}` });
    const meetings = [await record('2', daysAgo(3)), await record('1', daysAgo(1)), await record('3', daysAgo(2))];
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(CONSULTATIONS, filter, { HELD_ON: (n) => n.heldOn, TITLE: (n) => n.title, ...CREATED_UPDATED });
    await expectChangeFeed(CONSULTATIONS, filter, async () => {
      const archived = await mutate('archiveConsultation', 'ArchiveInput', { id: meetings[0].id, version: meetings[0].version });
      return { ids: [meetings[0].id], at: archived.updatedAt, hidden: [meetings[0].id] };
    });
  });

  it('consultation action items: every order; archiving their meeting lists them as tombstones of the feed', async () => {
    const tag = uniqueName('会商任务排序');
    const v = await village(tag);
    const meeting = await mutate('recordConsultation', 'RecordConsultationInput', { organizationId: v, kind: 'REGULAR', heldOn: daysAgo(1), title: `${tag} 会商` });
    const add = (n: string, dueOn: string) =>
      mutate('addConsultationActionItem', 'AddConsultationActionItemInput', { consultationId: meeting.id, description: `${tag} ${n}`, dueOn, ownerOrganizationId: v });
    const items = [await add('2', daysAgo(-10)), await add('1', daysAgo(-5)), await add('3', daysAgo(-20))];
    await mutate('completeConsultationActionItem', 'CompleteConsultationActionItemInput', { id: items[0].id, version: items[0].version, doneOn: TODAY });
    await mutate('cancelConsultationActionItem', 'CancelConsultationActionItemInput', { id: items[2].id, version: items[2].version, reason: '并入专项整治' });
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(ACTION_ITEMS, filter, {
      DUE_ON: (n) => n.dueOn,
      STATUS: (n) => rank(['OPEN', 'DONE', 'CANCELLED'])(n.status),
      DONE_ON: (n) => n.doneOn,
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(ACTION_ITEMS, filter, async () => {
      const latest = (await admin(`query($id: UUID!) { consultation(id: $id) { version } }`, { id: meeting.id })).body.data!['consultation'];
      const archived = await mutate('archiveConsultation', 'ArchiveInput', { id: meeting.id, version: latest.version });
      // The items themselves did not change: their meeting's archiving is what the feed reports.
      return { ids: items.map((i) => i.id), at: archived.updatedAt, hidden: items.map((i) => i.id) };
    });
  });

  it('joint defense groups: every order; a dissolved group is a tombstone of the feed', async () => {
    const tag = uniqueName('联防组排序');
    const v = await village(tag);
    const create = (n: string) => mutate('createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: v, name: `${tag} ${n}`, leaderPersonId: WENFENG_LEAD });
    const groups = [await create('2'), await create('1'), await create('3')];
    const filter = { withinSubtreeOf: v };
    await expectEveryOrder(GROUPS, filter, { NAME: (n) => n.name, ...CREATED_UPDATED });
    await expectChangeFeed(GROUPS, filter, async () => {
      const archived = await mutate('archiveJointDefenseGroup', 'ArchiveInput', { id: groups[1].id, version: groups[1].version });
      return { ids: [groups[1].id], at: archived.updatedAt, hidden: [groups[1].id] };
    });
  });

  it('vulnerable households: `withinSubtreeOf` in `filter`, every order; one no longer vulnerable and those of a dissolved group are tombstones of the feed', async () => {
    const tag = uniqueName('重点户排序');
    const v = await village(tag);
    const group = (n: string) => mutate('createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: v, name: `${tag} ${n}`, leaderPersonId: WENFENG_LEAD });
    const [ga, gb] = [await group('甲'), await group('乙')];
    const add = (groupId: string, n: string, address: string, memberCount: number, flags: Record<string, unknown>) =>
      mutate('addHousehold', 'AddHouseholdInput', { groupId, headName: `${tag} ${n}`, address: `${tag}${address}`, memberCount, ...flags }, 'id version updatedAt hasVulnerableMembers');
    const alone = await add(ga.id, '2', '3组', 3, { elderlyLivingAlone: true });
    const children = await add(ga.id, '1', '1组', 5, { childrenMembers: 1 });
    const frail = await add(gb.id, '3', '2组', 1, { vulnerabilityNote: '行动不便' });
    const plain = await add(ga.id, '4', '4组', 2, {});
    const filter = { withinSubtreeOf: v };
    expect((await keysOf(VULNERABLE, filter)).sort()).toEqual([alone.id, children.id, frail.id].sort());
    await expectEveryOrder(VULNERABLE, filter, {
      GROUP: (n) => n.groupId,
      HEAD_NAME: (n) => n.headName,
      ADDRESS: (n) => n.address,
      MEMBER_COUNT: (n) => n.memberCount,
      ...CREATED_UPDATED,
    });
    await expectChangeFeed(VULNERABLE, filter, async () => {
      const updated = await mutate('updateHousehold', 'UpdateHouseholdInput', { id: alone.id, version: alone.version, elderlyLivingAlone: false }, 'id version updatedAt hasVulnerableMembers');
      expect(updated.hasVulnerableMembers).toBe(false);
      return { ids: [alone.id], at: updated.updatedAt, hidden: [alone.id] };
    });
    await expectChangeFeed(VULNERABLE, filter, async () => {
      // Dissolving the group leaves its households unchanged: the group's change is what the feed reports.
      const dissolved = await mutate('archiveJointDefenseGroup', 'ArchiveInput', { id: gb.id, version: gb.version });
      return { ids: [frail.id], at: dissolved.updatedAt, hidden: [frail.id] };
    });
    expect(await keysOf(VULNERABLE, filter)).toEqual([children.id]);
    expect(plain.hasVulnerableMembers).toBe(false);
  });

  it('refuses a field named twice in `orderBy` on every list, naming `orderBy`', async () => {
    const twice: Array<[List, string]> = [
      [HAZARDS, 'TITLE'],
      [RISK_POINTS, 'NAME'],
      [SHELTERS, 'NAME'],
      [FIRE_FACILITIES, 'KIND'],
      [EXPERT_VISITS, 'VISITED_ON'],
      [CAMPAIGNS, 'NAME'],
      [OFFICERS, 'ROLE'],
      [VILLAGES_WITHOUT_OFFICER, 'NAME'],
      [PLANS, 'TITLE'],
      [DRILLS, 'HELD_ON'],
      [DRILL_RULES, 'CODE'],
      [COMPLIANCE, 'MET'],
      [CONSULTATIONS, 'TITLE'],
      [ACTION_ITEMS, 'DUE_ON'],
      [GROUPS, 'NAME'],
      [VULNERABLE, 'HEAD_NAME'],
    ];
    for (const [l, field] of twice) {
      const res = await admin(listQuery(l), { orderBy: [{ field, direction: 'ASC' }, { field, direction: 'DESC' }] });
      expect({ list: l.name, code: errorOf(res)?.['code'], fields: fieldsOf(res).map((f) => [f.field, f.rule]) }).toEqual({ list: l.name, code: 'BAD_USER_INPUT', fields: [['orderBy', 'arrayUnique']] });
    }
  });
});
