import { todayInChina } from '@platform/core';
import { seedId } from '@platform/directory';
import { PAGE_ARGS, PAGE_VARS, errorOf, expectPagedCompletely, fieldsOf, ok, startTestGateway, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The one list convention (issue 16) on the root lists of the command, warnings and response modules,
 * through the API on the seeded town: every list filters in `filter`, feeds changes since
 * `filter.updatedSince` (nothing from the future; a change made after a recorded `syncPoint` is
 * listed, down to its own `updatedAt` and not a millisecond after; what a list hides by default is
 * listed in the feed as a tombstone), and sorts by each of its `orderBy` fields both ways (values in
 * order, NULLs last ascending) with pages of one that lose, repeat and reorder nothing forward and
 * backward. (The escalation list is covered where escalations happen: warning-escalation.e2e-spec.ts.)
 */

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
/** An enterprise's safety manager: on no seeded duty roster, so the assignments below are the only ones. */
const SAFETY_MANAGER = seedId('person:person-ent-sinopec-nanping-safety');
const FUTURE = '2099-01-01T00:00:00.000Z';
const HOUR = 3_600_000;

type Value = number | string | null;
/** How to read one sort field's value off a node: its selection and the value (numbers compared as numbers, text by the database). */
interface SortField {
  readonly select: string;
  readonly value: (node: any) => Value;
}
/** A root list as the tests below page it. */
interface ListCase {
  readonly list: string;
  readonly filterType: string;
  readonly orderType: string;
  /** The node's unique key (walks alias it to `id`). */
  readonly key?: string;
  readonly fields: Readonly<Record<string, SortField>>;
}

const at = (field: string): SortField => ({ select: field, value: (n) => (n[field] === null ? null : Date.parse(n[field])) });
const text = (field: string): SortField => ({ select: field, value: (n) => n[field] });
const num = (field: string): SortField => ({ select: field, value: (n) => (n[field] === null ? null : Number(n[field])) });
const ranked = (field: string, order: readonly string[]): SortField => ({ select: field, value: (n) => order.indexOf(n[field]) + 1 });
const LEVELS = ['BLUE', 'YELLOW', 'ORANGE', 'RED'];
const days = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the list convention on the command, warnings and response lists', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  beforeAll(async () => {
    // Pages of one, both ways, for every field of every list: far more requests than a client's budget.
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { RATE_LIMIT_POINTS: '0' } });
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  const mutate = async (name: string, inputType: string, input: Record<string, unknown>, fields = 'id version updatedAt') =>
    ok(admin(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input }), name);

  /** One page (at most 100) of a list with a filter and an order, selecting the key as `id` and more. */
  async function page(c: ListCase, filter: Record<string, unknown> | null, orderBy: unknown[] | null, select = ''): Promise<{ totalCount: number; nodes: any[] }> {
    const res = await ok(
      admin(`query($filter: ${c.filterType}, $orderBy: [${c.orderType}!]) { ${c.list}(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id: ${c.key ?? 'id'} ${select} } } } }`, { filter, orderBy }),
      c.list,
    );
    return { totalCount: res.totalCount, nodes: res.edges.map((e: any) => e.node) };
  }

  /** Whether the strings are in ascending order as the database compares text (its collation, not JavaScript's). */
  async function ascendingInDatabase(values: string[]): Promise<boolean> {
    const [row] = await t.gateway.database.dataSource.query(
      `SELECT coalesce(bool_and(a.v <= b.v), true) AS ok FROM unnest($1::text[]) WITH ORDINALITY a(v, i) JOIN unnest($1::text[]) WITH ORDINALITY b(v, i) ON b.i = a.i + 1`,
      [values],
    );
    return row.ok;
  }

  /** The values are in the direction's order, NULLs last ascending and first descending, and not all alike (so the check can fail). */
  async function expectInOrder(label: string, values: Value[], direction: 'ASC' | 'DESC'): Promise<void> {
    const nulls = values.map((v) => v === null);
    expect({ label, direction, nulls }).toEqual({ label, direction, nulls: [...nulls].sort((a, b) => (direction === 'ASC' ? Number(a) - Number(b) : Number(b) - Number(a))) });
    const present = values.filter((v): v is string | number => v !== null);
    const ascending = direction === 'ASC' ? present : [...present].reverse();
    expect({ label, distinct: new Set(values).size > 1 }).toEqual({ label, distinct: true });
    if (typeof ascending[0] === 'string') expect({ label, direction, ordered: await ascendingInDatabase(ascending as string[]) }).toEqual({ label, direction, ordered: true });
    else expect({ label, direction, values: ascending }).toEqual({ label, direction, values: [...(ascending as number[])].sort((a, b) => a - b) });
  }

  /**
   * Each sort field of the list, over the records the filter gives (3 to 100): values in order both
   * ways, and pages of one, forward and backward, that give exactly the list in one page; then two
   * fields at once (the first descending).
   */
  async function expectOrders(c: ListCase, filter: Record<string, unknown> | null): Promise<void> {
    const walk = `query(${PAGE_VARS}, $filter: ${c.filterType}, $orderBy: [${c.orderType}!]) { ${c.list}(${PAGE_ARGS}, filter: $filter, orderBy: $orderBy) { ${walkedPage(c.key ?? 'id')} } }`;
    const fields = Object.keys(c.fields);
    for (const field of fields) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const { nodes } = await page(c, filter, [{ field, direction }], c.fields[field]!.select);
        await expectInOrder(`${c.list} ${field}`, nodes.map(c.fields[field]!.value), direction);
      }
      const { totalCount } = await page(c, filter, null);
      expect({ list: c.list, enough: totalCount >= 3 && totalCount <= 100 }).toEqual({ list: c.list, enough: true });
      await expectPagedCompletely(admin, walk, { filter, orderBy: [{ field }] }, [c.list], 1, totalCount);
    }
    if (fields.length > 1) {
      const { totalCount } = await page(c, filter, null);
      await expectPagedCompletely(admin, walk, { filter, orderBy: [{ field: fields[0], direction: 'DESC' }, { field: fields[1] }] }, [c.list], 1, totalCount);
    }
    const twice = await admin(`query($orderBy: [${c.orderType}!]) { ${c.list}(first: 1, orderBy: $orderBy) { totalCount } }`, { orderBy: [{ field: fields[0] }, { field: fields[0], direction: 'DESC' }] });
    expect(errorOf(twice)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(fieldsOf(twice)).toEqual([expect.objectContaining({ field: 'orderBy' })]);
  }

  interface FeedCheck {
    /** Filter fields that narrow the list (to at most 100 records) besides `updatedSince`. */
    readonly scope?: Record<string, unknown>;
    /** Makes a change and says which record it changed. */
    readonly change: () => Promise<string>;
    /** The record's stamp the feed goes by (default `updatedAt`). */
    readonly stamp?: string;
    /** The list leaves the changed record out by default: it must be in the feed only, marked as `tombstone` says. */
    readonly tombstone?: { readonly select: string; readonly is: (node: any) => boolean };
  }

  /**
   * The change feed: nothing changed in the future; the change made after a `syncPoint` read before
   * it is listed with `updatedSince` at that point and at its own stamp, not a millisecond after;
   * a tombstone only in the feed.
   */
  async function expectChangeFeed(c: ListCase, o: FeedCheck): Promise<void> {
    const stamp = o.stamp ?? 'updatedAt';
    const feed = (since: string | null) => page(c, { ...o.scope, ...(since ? { updatedSince: since } : {}) }, null, `stamp: ${stamp} ${o.tombstone?.select ?? ''}`);
    expect((await feed(FUTURE)).totalCount).toBe(0);
    const syncPoint: string = await ok(admin(`{ syncPoint }`), 'syncPoint');
    const id = await o.change();
    const changed = (await feed(syncPoint)).nodes.find((n) => n.id === id);
    expect({ list: c.list, listed: Boolean(changed) }).toEqual({ list: c.list, listed: true });
    expect(Date.parse(changed.stamp)).toBeGreaterThanOrEqual(Date.parse(syncPoint));
    expect((await feed(changed.stamp)).nodes.map((n) => n.id)).toContain(id);
    expect((await feed(new Date(Date.parse(changed.stamp) + 1).toISOString())).nodes.map((n) => n.id)).not.toContain(id);
    if (o.tombstone) {
      expect({ list: c.list, tombstone: o.tombstone.is(changed) }).toEqual({ list: c.list, tombstone: true });
      const plain = await feed(null);
      expect(plain.totalCount).toBeLessThanOrEqual(100);
      expect(plain.nodes.map((n) => n.id)).not.toContain(id);
    }
  }

  const archivedTombstone = { select: 'archivedAt', is: (n: any) => n.archivedAt !== null };

  describe('command module', () => {
    const COMMAND_BODIES: ListCase = {
      list: 'commandBodies',
      filterType: 'CommandBodyFilter',
      orderType: 'CommandBodyOrder',
      fields: { NAME: text('name'), KIND: text('kind'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const RESCUE_TEAMS: ListCase = {
      list: 'rescueTeams',
      filterType: 'RescueTeamFilter',
      orderType: 'RescueTeamOrder',
      fields: {
        NAME: text('name'),
        KIND: text('kind'),
        READINESS: ranked('readiness', ['READY', 'LIMITED', 'NOT_READY']),
        LAST_PATROL_ON: text('lastPatrolOn'),
        CREATED_AT: at('createdAt'),
        UPDATED_AT: at('updatedAt'),
      },
    };
    const STAFFING_RULES: ListCase = {
      list: 'staffingRules',
      filterType: 'StaffingRuleFilter',
      orderType: 'StaffingRuleOrder',
      fields: { TEAM_KIND: text('teamKind'), PRIORITY: num('priority'), CODE: text('code'), NAME: text('name'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const SHORTFALLS: ListCase = {
      list: 'teamStaffingShortfalls',
      filterType: 'StaffingShortfallFilter',
      orderType: 'StaffingShortfallOrder',
      key: 'teamId',
      fields: {
        TEAM_NAME: { select: 'team { name }', value: (n) => n.team.name },
        TEAM_KIND: { select: 'team { kind }', value: (n) => n.team.kind },
        SHORTFALLS: { select: 'shortfalls { requirement }', value: (n) => n.shortfalls.length },
      },
    };
    const DUTY_SHIFTS: ListCase = {
      list: 'dutyShifts',
      filterType: 'DutyShiftFilter',
      orderType: 'DutyShiftOrder',
      fields: { STARTS_AT: text('startsAt'), NAME: text('name'), DURATION_MINUTES: num('durationMinutes'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const DUTY_ASSIGNMENTS: ListCase = {
      list: 'dutyAssignments',
      filterType: 'DutyAssignmentFilter',
      orderType: 'DutyAssignmentOrder',
      fields: { DAY: text('day'), SHIFT_STARTS_AT: { select: 'shift { startsAt }', value: (n) => n.shift.startsAt }, CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const DUTY_REQUIREMENTS: ListCase = {
      list: 'dutyRequirements',
      filterType: 'DutyRequirementFilter',
      orderType: 'DutyRequirementOrder',
      fields: { CODE: text('code'), NAME: text('name'), PRIORITY: num('priority'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };

    it('commandBodies: dissolved bodies are tombstones of the feed; sorts by name, kind and times', async () => {
      const first = await mutate('createCommandBody', 'CreateCommandBodyInput', { organizationId: WENFENG, kind: 'HEADQUARTERS', name: '文凤村应急指挥部' });
      await mutate('createCommandBody', 'CreateCommandBodyInput', { organizationId: WENFENG, kind: 'JOINT_COMMAND_ROOM', name: '文凤村联合值守室' });
      const last = await mutate('createCommandBody', 'CreateCommandBodyInput', { organizationId: SHUANGHE, kind: 'HEADQUARTERS', name: '双河村应急指挥部' });
      await expectChangeFeed(COMMAND_BODIES, {
        scope: { withinSubtreeOf: TOWN },
        change: async () => (await mutate('archiveCommandBody', 'ArchiveInput', { id: last.id, version: last.version })).id,
        tombstone: archivedTombstone,
      });
      // A filter the client sends still applies in the feed.
      const standing = (await page(COMMAND_BODIES, { updatedSince: first.updatedAt, includeArchived: false }, null)).nodes.map((n) => n.id);
      expect(standing).toContain(first.id);
      expect(standing).not.toContain(last.id);
      await expectOrders(COMMAND_BODIES, { updatedSince: first.updatedAt });
    });

    it('rescueTeams: disbanded teams are tombstones of the feed; sorts by name, kind, readiness, last patrol and times', async () => {
      const team = (name: string, kind: string, readiness: string) => mutate('createRescueTeam', 'CreateRescueTeamInput', { organizationId: WENFENG, name, kind, readiness });
      const a = await team('文凤村志愿者服务队', 'VOLUNTEER', 'LIMITED');
      const b = await team('文凤村卫生院急救队', 'ENTERPRISE', 'READY');
      const c = await team('文凤村青年突击队', 'VOLUNTEER', 'NOT_READY');
      await mutate('recordTeamActivity', 'RecordTeamActivityInput', { id: a.id, version: a.version, kind: 'PATROL', on: days(-3) });
      await mutate('recordTeamActivity', 'RecordTeamActivityInput', { id: b.id, version: b.version, kind: 'PATROL', on: days(-1) });
      await expectChangeFeed(RESCUE_TEAMS, {
        scope: { withinSubtreeOf: WENFENG },
        change: async () => (await mutate('archiveRescueTeam', 'ArchiveInput', { id: c.id, version: c.version })).id,
        tombstone: archivedTombstone,
      });
      await expectOrders(RESCUE_TEAMS, { updatedSince: a.updatedAt });
    });

    it('staffingRules: teamKind and includeArchived in filter; withdrawn rules are tombstones; sorts by kind, priority, code, name and times', async () => {
      const rule = (code: string, teamKind: string, priority: number) => mutate('createStaffingRule', 'CreateStaffingRuleInput', { code, name: `${code} 配备标准`, teamKind, minLeaders: 1, minMembers: 2, priority });
      const first = await rule('LIST_VOLUNTEER', 'VOLUNTEER', 5);
      await rule('LIST_ENTERPRISE', 'ENTERPRISE', -5);
      const last = await rule('LIST_VOLUNTEER_STRICT', 'VOLUNTEER', 50);
      const volunteer = await ok(admin(`{ staffingRules(filter: { teamKind: VOLUNTEER }) { edges { node { code teamKind } } } }`), 'staffingRules');
      expect(volunteer.edges.map((e: any) => e.node)).toEqual([
        { code: 'LIST_VOLUNTEER_STRICT', teamKind: 'VOLUNTEER' },
        { code: 'LIST_VOLUNTEER', teamKind: 'VOLUNTEER' },
      ]);
      await expectChangeFeed(STAFFING_RULES, {
        change: async () => (await mutate('archiveStaffingRule', 'ArchiveInput', { id: last.id, version: last.version })).id,
        tombstone: archivedTombstone,
      });
      const withdrawn = await ok(admin(`{ staffingRules(filter: { teamKind: VOLUNTEER, includeArchived: true }) { totalCount } }`), 'staffingRules');
      expect(withdrawn.totalCount).toBe(2);
      await expectOrders(STAFFING_RULES, { updatedSince: first.updatedAt });
    });

    it('teamStaffingShortfalls (computed, no feed): sorts by team name, team kind and number of shortfalls', async () => {
      await expectOrders(SHORTFALLS, null);
    });

    it('dutyShifts: retired shifts are tombstones of the feed; sorts by start, name, duration and times', async () => {
      const shift = (name: string, startsAt: string, durationMinutes: number) => mutate('createDutyShift', 'CreateDutyShiftInput', { organizationId: WENFENG, name, startsAt, durationMinutes });
      const first = await shift('早班（列表测试）', '06:00', 360);
      await shift('晚班（列表测试）', '18:00', 720);
      const last = await shift('午班（列表测试）', '12:00', 360);
      await expectChangeFeed(DUTY_SHIFTS, {
        scope: { withinSubtreeOf: WENFENG },
        change: async () => (await mutate('archiveDutyShift', 'ArchiveInput', { id: last.id, version: last.version })).id,
        tombstone: archivedTombstone,
      });
      await expectOrders(DUTY_SHIFTS, { updatedSince: first.updatedAt });
    });

    it('dutyAssignments: the feed lists cancelled ones and any day, the list neither; sorts by day, shift start and times', async () => {
      const shift = (name: string, startsAt: string) => mutate('createDutyShift', 'CreateDutyShiftInput', { organizationId: WENFENG, name, startsAt, durationMinutes: 480 });
      const [morning, night] = [await shift('白班（测试）', '08:00'), await shift('夜班（测试）', '20:00')];
      const assign = (shiftId: string, day: string) => mutate('assignDuty', 'AssignDutyInput', { shiftId, day, personId: SAFETY_MANAGER, role: 'STAFF' });
      const first = await assign(night.id, days(0));
      await assign(morning.id, days(1));
      const later = await assign(morning.id, days(40));
      const toCancel = await assign(night.id, days(2));
      const scope = { personId: SAFETY_MANAGER };
      // Day 40 lies beyond the list's default period (today and 30 days on), not beyond the feed.
      expect((await page(DUTY_ASSIGNMENTS, scope, null)).nodes.map((n) => n.id)).not.toContain(later.id);
      expect((await page(DUTY_ASSIGNMENTS, { ...scope, updatedSince: first.updatedAt }, null)).nodes.map((n) => n.id)).toContain(later.id);
      await expectChangeFeed(DUTY_ASSIGNMENTS, {
        scope,
        change: async () => (await mutate('cancelDutyAssignment', 'CancelDutyAssignmentInput', { id: toCancel.id, version: toCancel.version, reason: '调休' })).id,
        tombstone: { select: 'status', is: (n) => n.status === 'CANCELLED' },
      });
      await expectOrders(DUTY_ASSIGNMENTS, { ...scope, updatedSince: first.updatedAt });
    });

    it('dutyRequirements: retired rules are tombstones of the feed; sorts by code, name, priority and times', async () => {
      const requirement = (code: string, name: string, priority: number) =>
        mutate('createDutyRequirement', 'CreateDutyRequirementInput', { code, name, organizationKinds: ['VILLAGE'], season: 'NORMAL', minLeaders: 1, minStaff: 1, priority });
      const first = await requirement('LIST_B', '村级值班（乙）', 3);
      await requirement('LIST_A', '村级值班（甲）', 7);
      const last = await requirement('LIST_C', '村级值班（丙）', -2);
      await expectChangeFeed(DUTY_REQUIREMENTS, {
        change: async () => (await mutate('archiveDutyRequirement', 'ArchiveInput', { id: last.id, version: last.version })).id,
        tombstone: archivedTombstone,
      });
      await expectOrders(DUTY_REQUIREMENTS, { updatedSince: first.updatedAt });
    });
  });

  describe('warnings module', () => {
    const WARNING_FIELDS = {
      SENT_AT: at('sentAt'),
      LEVEL: ranked('level', LEVELS),
      EFFECTIVE_AT: at('effectiveAt'),
      EXPIRES_AT: at('expiresAt'),
      CREATED_AT: at('createdAt'),
      UPDATED_AT: at('updatedAt'),
    };
    const WARNINGS: ListCase = { list: 'warnings', filterType: 'WarningFilter', orderType: 'WarningOrder', fields: WARNING_FIELDS };
    const LIVE: ListCase = { list: 'liveWarnings', filterType: 'LiveWarningFilter', orderType: 'WarningOrder', fields: WARNING_FIELDS };
    const DELIVERIES: ListCase = {
      list: 'warningDeliveries',
      filterType: 'WarningDeliveryFilter',
      orderType: 'WarningDeliveryOrder',
      fields: {
        DELIVERED_AT: at('deliveredAt'),
        ACKNOWLEDGED_AT: at('acknowledgedAt'),
        NEXT_ESCALATION_AT: at('nextEscalationAt'),
        ESCALATION_STEP: num('escalationStep'),
        CREATED_AT: at('createdAt'),
        UPDATED_AT: at('updatedAt'),
      },
    };
    const POLICIES: ListCase = {
      list: 'escalationPolicies',
      filterType: 'EscalationPolicyFilter',
      orderType: 'EscalationPolicyOrder',
      key: 'level',
      fields: { LEVEL: ranked('level', LEVELS), MINUTES: num('minutes'), UPDATED_AT: at('updatedAt') },
    };
    const ESCALATIONS: ListCase = {
      list: 'warningEscalations',
      filterType: 'WarningEscalationFilter',
      orderType: 'WarningEscalationOrder',
      fields: { ESCALATED_AT: at('escalatedAt'), STEP: num('step'), CREATED_AT: at('createdAt') },
    };
    const TEMPLATES: ListCase = {
      list: 'warningResponseTemplates',
      filterType: 'WarningResponseTemplateFilter',
      orderType: 'WarningResponseTemplateOrder',
      fields: { SORT_ORDER: num('sortOrder'), MIN_LEVEL: ranked('minLevel', LEVELS), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };

    /** Issues a rainstorm warning that took effect `minutesAgo` and lasts `hours`; answers it with its deliveries. */
    const issue = (level: string, targets: string[], minutesAgo: number, hours: number) => {
      const effectiveAt = new Date(Date.now() - minutesAgo * 60_000);
      return mutate(
        'issueWarning',
        'IssueWarningInput',
        {
          hazardType: 'RAINSTORM',
          eventName: '暴雨',
          level,
          description: '预计未来24小时南平镇累计雨量可达100毫米以上。',
          instruction: '各村立即叫应，落实防范措施。',
          source: '南川区气象局',
          effectiveAt: effectiveAt.toISOString(),
          expiresAt: new Date(effectiveAt.getTime() + hours * HOUR).toISOString(),
          targetOrganizationIds: targets,
        },
        'id version updatedAt deliveries(first: 10) { edges { node { id version organizationId } } }',
      );
    };
    let issued: any[];
    beforeAll(async () => {
      issued = [await issue('BLUE', [WENFENG], 30, 12), await issue('RED', [WENFENG, SHUANGHE], 10, 48), await issue('ORANGE', [SHUANGHE], 20, 6)];
      const answered = issued[1].deliveries.edges.find((e: any) => e.node.organizationId === WENFENG).node;
      await ok(admin(`mutation($input: AcknowledgeWarningDeliveryInput!) { acknowledgeWarningDelivery(input: $input) { id } }`, { input: { id: answered.id, channel: 'PHONE' } }), 'acknowledgeWarningDelivery');
      // No escalation happens in this test's time: one delivery is given a step, so that the deliveries differ in it.
      await t.gateway.database.dataSource.query(`UPDATE warning_delivery SET escalation_step = 1 WHERE id = $1`, [issued[2].deliveries.edges[0].node.id]);
    });
    const cancel = (w: { id: string; version: number }) => mutate('cancelWarning', 'CancelWarningInput', { id: w.id, version: w.version, reason: '降雨减弱' }, 'id');

    it('warnings: a record issued after the sync point is in the feed; sorts by sent, level, effective, expiry and times', async () => {
      await expectChangeFeed(WARNINGS, { change: async () => (await issue('YELLOW', [WENFENG], 5, 3)).id });
      await expectOrders(WARNINGS, { updatedSince: issued[0].updatedAt });
    });

    it('liveWarnings: a record cancelled after the sync point leaves the wall screen and is a tombstone of the feed; sorts as warnings', async () => {
      await expectOrders(LIVE, null);
      await expectChangeFeed(LIVE, { change: async () => (await cancel(issued[0]), issued[0].id), tombstone: { select: 'status', is: (n) => n.status === 'CANCELLED' } });
    });

    it('warningDeliveries: deliveries cancelled with their record (one UPDATE in SQL) are in the feed; sorts by delivery, acknowledgement, escalation and times', async () => {
      const pending = issued[2].deliveries.edges[0].node;
      await expectChangeFeed(DELIVERIES, { change: async () => (await cancel(issued[2]), pending.id) });
      const cancelled = await ok(admin(`query($id: UUID!) { warningDeliveries(filter: { warningId: $id }) { edges { node { id status } } } }`, { id: issued[2].id }), 'warningDeliveries');
      expect(cancelled.edges.map((e: any) => e.node)).toEqual([{ id: pending.id, status: 'CANCELLED' }]);
      await expectOrders(DELIVERIES, { updatedSince: issued[0].updatedAt });
    });

    it('escalationPolicies: a changed policy is in the feed; sorts by level, minutes and change time (keyed by level)', async () => {
      const blue = (await ok(admin(`{ escalationPolicies { edges { node { level version } } } }`), 'escalationPolicies')).edges.map((e: any) => e.node).find((n: any) => n.level === 'BLUE');
      await expectChangeFeed(POLICIES, {
        change: async () => (await mutate('updateEscalationPolicy', 'UpdateEscalationPolicyInput', { level: 'BLUE', version: blue.version, minutes: 35, maxSteps: 2 }, 'level')).level,
      });
      await expectOrders(POLICIES, null);
    });

    it('warningEscalations: an escalation written after the sync point is in the feed (by when it was written); sorts by escalation time, step and record time', async () => {
      const sql = (text: string, params: unknown[]) => t.gateway.database.dataSource.query(text, params);
      const sweep = () => (t.gateway.services.get('rescue.warningEscalation') as { sweep(): Promise<number> }).sweep();
      const newest = async (deliveryId: string): Promise<{ id: string; step: number; created_at: Date } | undefined> =>
        (await sql(`SELECT id, step, created_at FROM warning_escalation WHERE delivery_id = $1 ORDER BY step DESC LIMIT 1`, [deliveryId]))[0];
      /**
       * The delivery's deadline passes (set in the past, not waited for) and the sweep escalates it: its newest escalation,
       * exactly one step above the one before. The gateway's own periodic tick may take the delivery between the UPDATE and
       * `sweep()` (then `sweep()` finds nothing due), so the test asserts the escalation written, not who wrote it.
       */
      const escalate = async (deliveryId: string): Promise<{ id: string; created_at: Date }> => {
        const before = (await newest(deliveryId))?.step ?? 0;
        await sql(`UPDATE warning_delivery SET next_escalation_at = now() - interval '1 minute' WHERE id = $1`, [deliveryId]);
        await sweep();
        const e = await newest(deliveryId);
        expect(e?.step).toBe(before + 1);
        return e!;
      };
      const red = issued[1].deliveries.edges.find((e: any) => e.node.organizationId === SHUANGHE).node;
      const first = await escalate(red.id);
      await expectChangeFeed(ESCALATIONS, { stamp: 'createdAt', change: async () => (await escalate(red.id)).id });
      const yellow = (await issue('YELLOW', [SHUANGHE], 1, 6)).deliveries.edges[0].node;
      await escalate(yellow.id);
      await expectOrders(ESCALATIONS, { updatedSince: first.created_at.toISOString() });
    });

    it('warningResponseTemplates: retired templates are tombstones of the feed; sorts by sort order, level and times', async () => {
      const template = (action: string, minLevel: string, sortOrder: number) => mutate('createWarningResponseTemplate', 'CreateWarningResponseTemplateInput', { action, minLevel, sortOrder, hazardType: 'RAINSTORM' });
      const first = await template('清理排水沟渠（测试）', 'YELLOW', 70);
      await template('加密巡查频次（测试）', 'BLUE', 80);
      const last = await template('停止户外集会（测试）', 'RED', 75);
      await expectChangeFeed(TEMPLATES, {
        change: async () => (await mutate('archiveWarningResponseTemplate', 'ArchiveInput', { id: last.id, version: last.version })).id,
        tombstone: archivedTombstone,
      });
      await expectOrders(TEMPLATES, { updatedSince: first.updatedAt });
    });
  });

  describe('response module', () => {
    const INCIDENTS: ListCase = {
      list: 'incidents',
      filterType: 'IncidentFilter',
      orderType: 'IncidentOrder',
      fields: { OCCURRED_AT: at('occurredAt'), STATUS: ranked('status', ['OPEN', 'RESPONDING', 'RECOVERING', 'CLOSED']), TITLE: text('title'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const RELIEF_CASES: ListCase = {
      list: 'reliefCases',
      filterType: 'ReliefCaseFilter',
      orderType: 'ReliefCaseOrder',
      fields: {
        CREATED_AT: at('createdAt'),
        DUE_BY: text('dueBy'),
        STATUS: ranked('status', ['APPLIED', 'ASSESSED', 'NOTICE', 'REVIEWED', 'APPROVED', 'PAID', 'REJECTED']),
        REQUESTED_AMOUNT: num('requestedAmountYuan'),
        UPDATED_AT: at('updatedAt'),
      },
    };
    const PAYMENT_CHECK: ListCase = {
      list: 'reliefPaymentCheck',
      filterType: 'ReliefPaymentCheckFilter',
      orderType: 'ReliefPaymentCheckOrder',
      key: 'caseId',
      fields: { DUE_BY: text('dueBy'), APPROVED_AMOUNT: num('approvedAmountYuan'), OUTSTANDING: num('outstandingYuan') },
    };
    const DEPOTS: ListCase = { list: 'supplyDepots', filterType: 'SupplyDepotFilter', orderType: 'SupplyDepotOrder', fields: { NAME: text('name'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') } };
    const ITEMS: ListCase = {
      list: 'supplyItems',
      filterType: 'SupplyItemFilter',
      orderType: 'SupplyItemOrder',
      fields: { CATEGORY: text('category'), CODE: text('code'), NAME: text('name'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const MOVEMENTS: ListCase = {
      list: 'supplyMovements',
      filterType: 'SupplyMovementFilter',
      orderType: 'SupplyMovementOrder',
      fields: { AT: at('at'), QUANTITY: num('quantity'), CREATED_AT: at('createdAt'), UPDATED_AT: at('updatedAt') },
    };
    const GAPS: ListCase = {
      list: 'supplyStockGaps',
      filterType: 'SupplyStockGapFilter',
      orderType: 'SupplyStockGapOrder',
      key: 'itemId',
      fields: { SHORTFALL: num('shortfall'), AVAILABLE: num('available'), MINIMUM: num('minimum') },
    };
    const EXPIRING: ListCase = {
      list: 'expiringSupplies',
      filterType: 'ExpiringSupplyFilter',
      orderType: 'SupplyStockOrder',
      key: 'batch',
      fields: { EXPIRES_ON: text('expiresOn'), QUANTITY: num('quantity'), UPDATED_AT: at('updatedAt') },
    };

    it('incidents: a moved incident is in the feed; sorts by occurrence, status, title and times', async () => {
      const open = (title: string, hoursAgo: number) =>
        mutate('openIncident', 'OpenIncidentInput', { reportingOrganizationId: WENFENG, type: 'FLASH_FLOOD', title, occurredAt: new Date(Date.now() - hoursAgo * HOUR).toISOString(), place: '文凤村一组' });
      const first = await open('文凤村一组山洪', 5);
      const moved = await open('文凤村二组内涝', 9);
      await open('文凤村三组滑坡', 2);
      await expectChangeFeed(INCIDENTS, {
        change: async () => (await mutate('moveIncident', 'MoveIncidentInput', { id: moved.id, version: moved.version, status: 'RESPONDING' })).id,
      });
      await expectOrders(INCIDENTS, { updatedSince: first.updatedAt });
    });

    it('reliefCases: an assessed case is in the feed; sorts by application, deadline, status, amount and change time', async () => {
      const apply = (headName: string, requestedAmountYuan: string, dueIn: number) =>
        mutate('createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, headName, address: '文凤村3组', kind: 'EMERGENCY_PERIOD', basis: '灾情核报、入户调查', requestedAmountYuan, dueBy: days(dueIn) });
      const first = await apply('刘德兴', '1200', 30);
      const assessed = await apply('王秀英', '800.50', 20);
      await apply('陈国平', '2000', 45);
      await expectChangeFeed(RELIEF_CASES, {
        scope: { withinSubtreeOf: WENFENG },
        change: async () => ok(admin(`mutation($input: ReliefStepInput!) { assessReliefCase(input: $input) { id } }`, { input: { id: assessed.id, version: assessed.version } }), 'assessReliefCase').then((c) => c.id),
      });
      await expectOrders(RELIEF_CASES, { updatedSince: first.updatedAt });
    });

    it('reliefPaymentCheck (computed, no feed): sorts by deadline, approved and outstanding amounts', async () => {
      await expectOrders(PAYMENT_CHECK, null);
    });

    describe('supplies', () => {
      let depot: any;
      let items: any[];
      beforeAll(async () => {
        depot = await mutate('createSupplyDepot', 'CreateSupplyDepotInput', { organizationId: WENFENG, name: '文凤村二组储存点' });
        const item = (code: string, name: string, category: string, unit: string) => mutate('createSupplyItem', 'CreateSupplyItemInput', { code, name, category, unit, shelfLifeDays: 365 });
        items = [await item('L-WATER', '瓶装水（测试）', 'WATER', '箱'), await item('L-BREAD', '面包（测试）', 'FOOD', '箱'), await item('L-TENT', '帐篷（测试）', 'SHELTER', '顶')];
      });
      const receive = (itemId: string, batch: string, quantity: number, expiresIn: number, hoursAgo: number) =>
        mutate('receiveSupplies', 'ReceiveSuppliesInput', { depotId: depot.id, itemId, batch, quantity, expiresOn: days(expiresIn), at: new Date(Date.now() - hoursAgo * HOUR).toISOString() }, 'id updatedAt');

      it('supplyDepots: closed depots are tombstones of the feed; sorts by name and times', async () => {
        await mutate('createSupplyDepot', 'CreateSupplyDepotInput', { organizationId: WENFENG, name: '文凤村一组储存点' });
        const last = await mutate('createSupplyDepot', 'CreateSupplyDepotInput', { organizationId: WENFENG, name: '文凤村五组储存点' });
        await expectChangeFeed(DEPOTS, {
          scope: { withinSubtreeOf: WENFENG },
          change: async () => (await mutate('archiveSupplyDepot', 'ArchiveInput', { id: last.id, version: last.version })).id,
          tombstone: archivedTombstone,
        });
        await expectOrders(DEPOTS, { updatedSince: depot.updatedAt });
      });

      it('supplyItems: items taken off the catalog are tombstones of the feed; sorts by category, code, name and times', async () => {
        const extra = await mutate('createSupplyItem', 'CreateSupplyItemInput', { code: 'L-MASK', name: '口罩（测试）', category: 'MEDICAL', unit: '盒' });
        await expectChangeFeed(ITEMS, {
          change: async () => (await mutate('archiveSupplyItem', 'ArchiveInput', { id: extra.id, version: extra.version })).id,
          tombstone: archivedTombstone,
        });
        await expectOrders(ITEMS, { updatedSince: items[0].updatedAt });
      });

      it('supplyMovements: a receipt after the sync point is in the feed; sorts by time, quantity and record times', async () => {
        await receive(items[0]!.id, 'M1', 40, 200, 6);
        await receive(items[1]!.id, 'M2', 15, 100, 30);
        await receive(items[2]!.id, 'M3', 60, 300, 1);
        await expectChangeFeed(MOVEMENTS, { scope: { depotId: depot.id }, change: async () => (await receive(items[0]!.id, 'M4', 5, 150, 2)).id });
        await expectOrders(MOVEMENTS, { depotId: depot.id });
      });

      it('expiringSupplies: withinDays in filter; a batch issued to nothing is a tombstone of the feed; sorts by expiry, quantity and change time', async () => {
        const stamp = (await receive(items[1]!.id, 'E1', 12, 10, 1)).updatedAt;
        await receive(items[1]!.id, 'E2', 30, 3, 1);
        await receive(items[0]!.id, 'E3', 8, 25, 1);
        await receive(items[0]!.id, 'E4', 5, 45, 1);
        const batches = async (filter: Record<string, unknown>) => (await page(EXPIRING, filter, null)).nodes.map((n) => n.id);
        const mine = ['E1', 'E2', 'E3', 'E4'];
        expect((await batches({ withinSubtreeOf: WENFENG })).filter((b) => mine.includes(b)).sort()).toEqual(['E1', 'E2', 'E3']);
        expect((await batches({ withinSubtreeOf: WENFENG, withinDays: 50 })).filter((b) => mine.includes(b)).sort()).toEqual(mine);
        expect((await batches({ withinSubtreeOf: WENFENG, withinDays: 5 })).filter((b) => mine.includes(b))).toEqual(['E2']);
        // The feed lists batches of any expiry day unless withinDays says otherwise.
        expect((await batches({ updatedSince: stamp })).sort()).toEqual(mine);
        await expectChangeFeed(EXPIRING, {
          scope: { withinSubtreeOf: WENFENG },
          change: async () => {
            await ok(admin(`mutation($input: IssueSuppliesInput!) { issueSupplies(input: $input) { id } }`, { input: { depotId: depot.id, itemId: items[1]!.id, batch: 'E1', quantity: 12, recipient: '文凤村3组受灾群众' } }), 'issueSupplies');
            return 'E1';
          },
          tombstone: { select: 'quantity', is: (n) => n.quantity === 0 },
        });
        await expectOrders(EXPIRING, { updatedSince: stamp });
      });

      it('supplyStockGaps (computed, no feed): sorts by shortfall, available and minimum', async () => {
        // 双河村's one depot: its gaps are one per item.
        await expectOrders(GAPS, { withinSubtreeOf: SHUANGHE });
      });
    });
  });
});
