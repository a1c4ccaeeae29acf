import pino from 'pino';
import { startTestGateway, errorOf, fieldsOf, ok, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { ManualClock, RequestContext, SYSTEM, todayInChina, type DomainModule } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { DutyRole, commandModule, onDutyAt } from '../src/index';
import { seedDuty } from '../src/duty/duty.seed';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule];

const TOWN = seedId('org:town');
const EMERGENCY_OFFICE = seedId('org:dept-emergency');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const person = (key: string) => seedId(`person:${key}`);
const WENFENG_LEAD = person('person-village-wenfeng-lead');
const WENFENG_OFFICER = person('person-village-wenfeng-emergency');
const WENFENG_GRIDMAN = person('person-grid-wenfeng-1-gridman');
const SHUANGHE_OFFICER = person('person-village-shuanghe-emergency');
const EMERGENCY_HEAD = person('person-dept-emergency-head');
const EMERGENCY_STAFF = person('person-dept-emergency-staff-1');
const PEACE_STAFF = person('person-dept-peace-staff-1');

const today = todayInChina();
const dayOf = (base: string, n: number) => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Days of next year: April is outside the flood season, May–September inside. */
const Y = Number(today.slice(0, 4)) + 1;
const APRIL_1 = `${Y}-04-14`;
const APRIL_2 = `${Y}-04-15`;
const MAY = `${Y}-05-10`;
const JUNE = `${Y}-06-16`;

const ASSIGNMENT = `id version day role status shiftId organizationId personId confirmedAt checkedInAt handedOverAt handOverNote startsAt endsAt shift { id name } person { id name } organization { name }`;
const SHIFT = `id version organizationId name startsAt durationMinutes archivedAt organization { name }`;
const COVERAGE = `query($from: LocalDate!, $to: LocalDate!, $org: UUID, $first: Int, $after: String) {
  dutyCoverage(from: $from, to: $to, withinSubtreeOf: $org) {
    from to slotCount gapCount doubleBookingCount unconfirmedCount
    gaps(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { day season missing required assigned shift { id name } } } }
    doubleBookings(first: 100) { totalCount edges { node { overlapMinutes person { id } first { id shift { name } } second { id shift { name } } } } }
    unconfirmed(first: 100) { totalCount edges { node { id day status person { id } } } }
  } }`;

describe('duty rosters (值班值守)', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let anban: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  /** The gateway's clock: the real time, set to an instant by the check-in tests (and back). */
  const clock = new ManualClock();
  /** Runs `work` with the clock at `at`, then puts it back to the real time. */
  const at = async <T>(instant: string, work: () => Promise<T>): Promise<T> => {
    clock.set(new Date(instant));
    try {
      return await work();
    } finally {
      clock.set(new Date());
    }
  };
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [admin, anban, jingfa, wenfeng, shuanghe, grid] = await Promise.all(['admin', 'anban', 'jingfa', 'wenfeng', 'shuanghe', 'wenfeng-grid1'].map((u) => t.as(u)));
  });
  afterAll(() => t?.close());

  const mutate = async (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = ASSIGNMENT) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const createShift = (client: GraphQLClient, input: Record<string, unknown>) => ok(mutate(client, 'createDutyShift', 'CreateDutyShiftInput', input, SHIFT), 'createDutyShift');
  const assign = (client: GraphQLClient, shiftId: string, day: string, personId: string, role = 'STAFF') => ok(mutate(client, 'assignDuty', 'AssignDutyInput', { shiftId, day, personId, role }), 'assignDuty');
  const coverage = async (client: GraphQLClient, from: string, to: string, org?: string, page: { first?: number; after?: string } = {}) => ok(client(COVERAGE, { from, to, org, ...page }), 'dutyCoverage');
  const gapsOf = (c: any) => c.gaps.edges.map((e: any) => [e.node.day, e.node.shift.name, e.node.missing, e.node.required, e.node.assigned]);
  const requirement = async (code: string) => {
    const res = await anban(`{ dutyRequirements(first: 100) { edges { node { id version code minLeaders minStaff season organizationKinds } } } }`);
    return res.body.data!['dutyRequirements'].edges.map((e: any) => e.node).find((r: any) => r.code === code);
  };

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all'))).filter((c) => /duty/i.test(c))).toEqual([]);
  });

  it('seeds a month of rosters idempotently, with its deliberate gaps, one double booking and hand-over notes', async () => {
    const db = t.gateway.database.dataSource;
    const count = async () => (await db.query(`SELECT (SELECT count(*) FROM duty_shift)::int + (SELECT count(*) FROM duty_assignment)::int AS n`))[0].n;
    const before = await count();
    expect(before).toBeGreaterThan(400);
    const area = { name: 'rescue-duty', seed: (ctx: never) => seedDuty(ctx) } as unknown as DomainModule;
    await runSeeds(db, [area], pino({ level: 'silent' }));
    expect(await count()).toBe(before);

    const c = await coverage(anban, dayOf(today, -14), dayOf(today, 16));
    expect(c.slotCount).toBe(7 * 31);
    expect(gapsOf(c)).toEqual([
      [dayOf(today, 5), '联合指挥室白班', 'LEADER', 1, 0],
      [dayOf(today, 7), '村委会24小时值班', 'STAFF', 1, 0],
      [dayOf(today, 9), '联合指挥室夜班', 'STAFF', expect.any(Number), 0],
    ]);
    expect(c.gapCount).toBe(3);
    expect(c.doubleBookingCount).toBe(1);
    expect(c.doubleBookings.edges[0].node).toMatchObject({ overlapMinutes: 900, person: { id: PEACE_STAFF }, first: { shift: { name: '村委会24小时值班' } }, second: { shift: { name: '联合指挥室夜班' } } });
    expect(c.unconfirmedCount).toBeGreaterThan(0);
    expect(c.unconfirmed.edges.every((e: any) => e.node.status === 'ASSIGNED' && e.node.day > today)).toBe(true);

    const past = await ok(anban(`{ dutyAssignments(first: 100, filter: { from: "${dayOf(today, -3)}", to: "${dayOf(today, -3)}" }) { totalCount edges { node { status handOverNote checkedInAt handedOverAt } } } }`), 'dutyAssignments');
    expect(past.totalCount).toBe(17);
    expect(past.edges.every((e: any) => e.node.status === 'HANDED_OVER' && e.node.handOverNote.length > 10 && e.node.checkedInAt && e.node.handedOverAt)).toBe(true);
    const requirements = await ok(anban(`{ dutyRequirements { totalCount edges { node { code season minLeaders minStaff organizationKinds } } } }`), 'dutyRequirements');
    expect(requirements.edges.map((e: any) => e.node)).toEqual([
      { code: 'COMMAND_ROOM_FLOOD', season: 'FLOOD', minLeaders: 1, minStaff: 2, organizationKinds: ['TOWN_GOVERNMENT', 'DEPARTMENT'] },
      { code: 'COMMAND_ROOM_NORMAL', season: 'NORMAL', minLeaders: 1, minStaff: 1, organizationKinds: ['TOWN_GOVERNMENT', 'DEPARTMENT'] },
      { code: 'VILLAGE_FLOOD', season: 'FLOOD', minLeaders: 1, minStaff: 1, organizationKinds: ['VILLAGE', 'COMMUNITY'] },
      { code: 'VILLAGE_NORMAL', season: 'NORMAL', minLeaders: 0, minStaff: 1, organizationKinds: ['VILLAGE', 'COMMUNITY'] },
    ]);
  });

  describe('on rosters of their own (seeded rosters removed)', () => {
    let day: any;
    let night: any;
    beforeAll(async () => {
      await t.gateway.database.dataSource.query(`DELETE FROM duty_assignment; DELETE FROM duty_shift`);
      day = await createShift(wenfeng, { organizationId: WENFENG, name: '测试白班', startsAt: '08:30', durationMinutes: 540 });
      night = await createShift(wenfeng, { organizationId: WENFENG, name: '测试夜班', startsAt: '20:00', durationMinutes: 720 });
    });

    it('finds the gaps of a roster exactly, pages them, and lists the unconfirmed', async () => {
      expect(day).toMatchObject({ version: 1, organizationId: WENFENG, startsAt: '08:30', durationMinutes: 540, archivedAt: null, organization: { name: '文凤村' } });
      const a1 = await assign(wenfeng, day.id, APRIL_1, WENFENG_OFFICER);
      const a2 = await assign(wenfeng, day.id, APRIL_2, WENFENG_LEAD, 'LEADER');
      const a3 = await assign(wenfeng, night.id, APRIL_2, WENFENG_GRIDMAN);
      expect(a1).toMatchObject({ version: 1, status: 'ASSIGNED', day: APRIL_1, role: 'STAFF', organizationId: WENFENG, shift: { id: day.id, name: '测试白班' }, person: { id: WENFENG_OFFICER } });
      expect(a1.startsAt).toBe(new Date(`${APRIL_1}T00:30:00Z`).toISOString());
      expect(a3.endsAt).toBe(new Date(`${dayOf(APRIL_2, 1)}T00:00:00Z`).toISOString());

      const c = await coverage(wenfeng, APRIL_1, APRIL_2, WENFENG);
      expect(c).toMatchObject({ from: APRIL_1, to: APRIL_2, slotCount: 4, gapCount: 2, doubleBookingCount: 0, unconfirmedCount: 3 });
      expect(gapsOf(c)).toEqual([
        [APRIL_1, '测试夜班', 'STAFF', 1, 0],
        [APRIL_2, '测试白班', 'STAFF', 1, 0],
      ]);
      expect(c.gaps.edges.every((e: any) => e.node.season === 'NORMAL')).toBe(true);
      const first = await coverage(wenfeng, APRIL_1, APRIL_2, WENFENG, { first: 1 });
      expect(gapsOf(first)).toEqual([[APRIL_1, '测试夜班', 'STAFF', 1, 0]]);
      expect(first.gaps.pageInfo.hasNextPage).toBe(true);
      const second = await coverage(wenfeng, APRIL_1, APRIL_2, WENFENG, { first: 1, after: first.gaps.pageInfo.endCursor });
      expect(gapsOf(second)).toEqual([[APRIL_2, '测试白班', 'STAFF', 1, 0]]);
      expect(second.gaps.pageInfo.hasNextPage).toBe(false);

      // A cancelled assignment does not count: the day shift of the first day becomes a gap too.
      const cancelled = await ok(mutate(wenfeng, 'cancelDutyAssignment', 'CancelDutyAssignmentInput', { id: a1.id, version: 1, reason: '出差' }), 'cancelDutyAssignment');
      expect(cancelled).toMatchObject({ status: 'CANCELLED', version: 2 });
      expect(gapsOf(await coverage(wenfeng, APRIL_1, APRIL_1, WENFENG))).toEqual([
        [APRIL_1, '测试白班', 'STAFF', 1, 0],
        [APRIL_1, '测试夜班', 'STAFF', 1, 0],
      ]);
      const again = await assign(wenfeng, day.id, APRIL_1, WENFENG_OFFICER);

      const confirmed = await ok(mutate(wenfeng, 'confirmDutyAssignment', 'DutyAssignmentStepInput', { id: again.id, version: 1 }), 'confirmDutyAssignment');
      expect(confirmed).toMatchObject({ status: 'CONFIRMED', version: 2, confirmedAt: expect.any(String) });
      const after = await coverage(wenfeng, APRIL_1, APRIL_2, WENFENG);
      expect(after.unconfirmedCount).toBe(2);
      expect(after.unconfirmed.edges.map((e: any) => e.node.id)).toEqual([a2.id, a3.id]);
      expect(gapsOf(after)).toEqual(gapsOf(c));

      const list = await ok(wenfeng(`{ dutyAssignments(filter: { from: "${APRIL_1}", to: "${APRIL_2}" }) { totalCount edges { node { id } } } }`), 'dutyAssignments');
      expect(list).toEqual({ totalCount: 3, edges: [{ node: { id: again.id } }, { node: { id: a2.id } }, { node: { id: a3.id } }] });
      const withCancelled = await ok(wenfeng(`{ dutyAssignments(filter: { from: "${APRIL_1}", to: "${APRIL_1}", statuses: [CANCELLED] }) { edges { node { id } } } }`), 'dutyAssignments');
      expect(withCancelled.edges).toEqual([{ node: { id: a1.id } }]);
      const leaders = await ok(wenfeng(`{ dutyAssignments(filter: { from: "${APRIL_1}", to: "${APRIL_2}", role: LEADER }) { edges { node { id } } } }`), 'dutyAssignments');
      expect(leaders.edges).toEqual([{ node: { id: a2.id } }]);
      const mine = await ok(wenfeng(`{ dutyAssignments(filter: { from: "${APRIL_1}", to: "${APRIL_2}", personId: "${WENFENG_GRIDMAN}" }) { edges { node { id } } } }`), 'dutyAssignments');
      expect(mine.edges).toEqual([{ node: { id: a3.id } }]);

      const duplicate = await mutate(wenfeng, 'assignDuty', 'AssignDutyInput', { shiftId: night.id, day: APRIL_2, personId: WENFENG_GRIDMAN, role: 'LEADER' });
      expect(errorOf(duplicate)).toMatchObject({ code: 'CONFLICT' });
    });

    it('is stricter in the flood season: the same roster is short of staff in June but not in April', async () => {
      const shift = await createShift(anban, { organizationId: EMERGENCY_OFFICE, name: '测试24小时值班', startsAt: '08:30', durationMinutes: 1440 });
      for (const d of [APRIL_1, JUNE]) {
        await assign(anban, shift.id, d, EMERGENCY_HEAD, 'LEADER');
        await assign(anban, shift.id, d, EMERGENCY_STAFF, 'STAFF');
      }
      const april = await coverage(anban, APRIL_1, APRIL_1, EMERGENCY_OFFICE);
      expect(april).toMatchObject({ slotCount: 1, gapCount: 0 });
      expect(gapsOf(april)).toEqual([]);
      const june = await coverage(anban, JUNE, JUNE, EMERGENCY_OFFICE);
      expect(gapsOf(june)).toEqual([[JUNE, '测试24小时值班', 'STAFF', 2, 1]]);
      expect(june.gaps.edges[0].node.season).toBe('FLOOD');

      // A rule changed by the admin takes effect at once; the village rules are untouched.
      const normal = await requirement('COMMAND_ROOM_NORMAL');
      const denied = await mutate(wenfeng, 'updateDutyRequirement', 'UpdateDutyRequirementInput', { id: normal.id, version: normal.version, minStaff: 2 }, 'id');
      expect(errorOf(denied)).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.rule:manage' });
      const changed = await ok(mutate(admin, 'updateDutyRequirement', 'UpdateDutyRequirementInput', { id: normal.id, version: normal.version, minStaff: 2 }, 'id version minStaff'), 'updateDutyRequirement');
      expect(changed).toEqual({ id: normal.id, version: normal.version + 1, minStaff: 2 });
      expect(gapsOf(await coverage(anban, APRIL_1, APRIL_1, EMERGENCY_OFFICE))).toEqual([[APRIL_1, '测试24小时值班', 'STAFF', 2, 1]]);
      const stale = await mutate(admin, 'updateDutyRequirement', 'UpdateDutyRequirementInput', { id: normal.id, version: normal.version, minStaff: 1 }, 'id');
      expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: normal.version + 1 });

      // A rule of higher priority for departments wins over the default while it is current.
      const strict = await ok(
        mutate(anban, 'createDutyRequirement', 'CreateDutyRequirementInput', { code: 'DEPARTMENT_STRICT', name: '部门加强值班', organizationKinds: ['DEPARTMENT'], season: 'NORMAL', minLeaders: 2, minStaff: 0, priority: 10 }, 'id version'),
        'createDutyRequirement',
      );
      expect(gapsOf(await coverage(anban, APRIL_1, APRIL_1, EMERGENCY_OFFICE))).toEqual([[APRIL_1, '测试24小时值班', 'LEADER', 2, 1]]);
      const dup = await mutate(anban, 'createDutyRequirement', 'CreateDutyRequirementInput', { code: 'DEPARTMENT_STRICT', name: '重复', organizationKinds: ['DEPARTMENT'], season: 'NORMAL', minLeaders: 0, minStaff: 0 }, 'id');
      expect(errorOf(dup)).toMatchObject({ code: 'CONFLICT' });
      await ok(mutate(anban, 'archiveDutyRequirement', 'ArchiveInput', { id: strict.id, version: strict.version }, 'id archivedAt'), 'archiveDutyRequirement');
      await ok(mutate(admin, 'updateDutyRequirement', 'UpdateDutyRequirementInput', { id: normal.id, version: normal.version + 1, minStaff: 1 }, 'id'), 'updateDutyRequirement');
      expect(gapsOf(await coverage(anban, APRIL_1, APRIL_1, EMERGENCY_OFFICE))).toEqual([]);
      const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [normal.id]);
      expect(audits.map((a: any) => a.action)).toEqual(['rescue.duty-requirement.update', 'rescue.duty-requirement.update']);
    });

    it('finds double bookings exactly: a night shift past midnight overlapping the next morning elsewhere, not adjacent shifts', async () => {
      const townNight = await createShift(anban, { organizationId: TOWN, name: '测试夜班', startsAt: '17:30', durationMinutes: 900 });
      const early = await createShift(anban, { organizationId: SHUANGHE, name: '测试早班', startsAt: '07:00', durationMinutes: 240 });
      const next = dayOf(MAY, 1);
      const overlapFirst = await assign(anban, townNight.id, MAY, SHUANGHE_OFFICER);
      const overlapSecond = await assign(anban, early.id, next, SHUANGHE_OFFICER);
      // 17:30–08:30 then 08:30–17:30 at 文凤村: adjacent, not overlapping.
      await assign(anban, townNight.id, MAY, WENFENG_OFFICER);
      await assign(anban, day.id, next, WENFENG_OFFICER);
      // Overlapping, but one of them is cancelled.
      await assign(anban, townNight.id, MAY, WENFENG_GRIDMAN);
      const gone = await assign(anban, early.id, next, WENFENG_GRIDMAN);
      await ok(mutate(anban, 'cancelDutyAssignment', 'CancelDutyAssignmentInput', { id: gone.id, version: 1 }, 'id'), 'cancelDutyAssignment');

      const c = await coverage(anban, MAY, next);
      expect(c.doubleBookingCount).toBe(1);
      expect(c.doubleBookings.edges.map((e: any) => e.node)).toEqual([
        { overlapMinutes: 90, person: { id: SHUANGHE_OFFICER }, first: { id: overlapFirst.id, shift: { name: '测试夜班' } }, second: { id: overlapSecond.id, shift: { name: '测试早班' } } },
      ]);
      // The overlap (07:00–08:30 of the next day) is in a period of the next day alone, not of the first day alone.
      expect((await coverage(anban, next, next)).doubleBookingCount).toBe(1);
      expect((await coverage(anban, MAY, MAY)).doubleBookingCount).toBe(0);
      // Within 双河村's subtree the pair still shows (one side is there); 双河村's officer cannot read the town's side.
      expect((await coverage(anban, MAY, next, SHUANGHE)).doubleBookingCount).toBe(1);
      expect((await coverage(anban, MAY, next, WENFENG)).doubleBookingCount).toBe(0);
      expect((await coverage(shuanghe, MAY, next)).doubleBookingCount).toBe(0);
    });

    it('checks in and hands over in order, only by the person on duty or whoever may arrange duty there', async () => {
      const shift = await createShift(wenfeng, { organizationId: WENFENG, name: '测试签到班', startsAt: '09:00', durationMinutes: 480 });
      const a = await assign(wenfeng, shift.id, JUNE, WENFENG_GRIDMAN);
      const step = (client: GraphQLClient, name: string, version: number, extra: Record<string, unknown> = {}) =>
        mutate(client, name, name === 'handOverDuty' ? 'HandOverDutyInput' : 'DutyAssignmentStepInput', { id: a.id, version, ...extra });

      const early = await step(grid, 'checkInDuty', 1);
      expect(errorOf(early)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(fieldsOf(early)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
      expect(early.body.errors![0]!.message).toContain('ASSIGNED');
      // The grid worker reads the village's assignment only because it is their own.
      const own = await ok(grid(`{ dutyAssignments(filter: { from: "${JUNE}", to: "${JUNE}" }) { edges { node { id } } } }`), 'dutyAssignments');
      expect(own.edges).toEqual([{ node: { id: a.id } }]);

      expect(await ok(step(grid, 'confirmDutyAssignment', 1), 'confirmDutyAssignment')).toMatchObject({ status: 'CONFIRMED', version: 2 });
      expect(errorOf(await step(shuanghe, 'checkInDuty', 2))).toMatchObject({ code: 'NOT_FOUND' });
      const notTheirs = await step(jingfa, 'checkInDuty', 2);
      expect(errorOf(notTheirs)).toMatchObject({ code: 'FORBIDDEN' });
      expect(notTheirs.body.errors![0]!.message).toContain('Only the person on duty');
      expect(errorOf(await step(grid, 'checkInDuty', 1))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      // Check-in opens 60 minutes before the shift (09:00 China time) and closes when it ends (17:00): not months ahead.
      const tooEarly = await step(grid, 'checkInDuty', 2);
      expect(fieldsOf(tooEarly)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'checkInWindow' })]);
      expect(tooEarly.body.errors![0]!.message).toContain(`${JUNE} 08:00 to ${JUNE} 17:00`);
      const checkedIn = await at(`${JUNE}T08:10:00+08:00`, () => ok(step(grid, 'checkInDuty', 2), 'checkInDuty'));
      expect(checkedIn).toMatchObject({ status: 'CHECKED_IN', version: 3, checkedInAt: new Date(`${JUNE}T08:10:00+08:00`).toISOString(), handedOverAt: null });
      const cancel = await mutate(wenfeng, 'cancelDutyAssignment', 'CancelDutyAssignmentInput', { id: a.id, version: 3 });
      expect(fieldsOf(cancel)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
      expect(cancel.body.errors![0]!.message).toContain('CHECKED_IN');
      expect(fieldsOf(await step(wenfeng, 'handOverDuty', 3, { note: '' }))).toEqual([expect.objectContaining({ field: 'input.note', rule: 'isLength' })]);
      // The village officer may arrange duty there, so may hand over for the grid worker.
      const note = '巡查第一网格3次，无异常。待办：明早复查河堤。';
      const handed = await ok(step(wenfeng, 'handOverDuty', 3, { note }), 'handOverDuty');
      expect(handed).toMatchObject({ status: 'HANDED_OVER', version: 4, handOverNote: note, handedOverAt: expect.any(String) });
      expect(fieldsOf(await step(grid, 'handOverDuty', 4, { note }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);

      const audits = await t.gateway.database.dataSource.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [a.id]);
      expect(audits.map((r: any) => r.action)).toEqual(['rescue.duty-assignment.assign', 'rescue.duty-assignment.confirm', 'rescue.duty-assignment.checkIn', 'rescue.duty-assignment.handOver']);
      expect(audits[1].actor_id).toBe(seedId('user:wenfeng-grid1'));
    });

    it('opens check-in by the clock from 60 minutes before a shift until it ends, a night shift across midnight too', async () => {
      // 22:00 to 08:00 the next morning (China time), on the town's roster.
      const night = await createShift(anban, { organizationId: TOWN, name: '测试签到夜班', startsAt: '22:00', durationMinutes: 600 });
      const D = `${Y}-07-20`;
      const next = dayOf(D, 1);
      const leader = await assign(anban, night.id, D, EMERGENCY_HEAD, 'LEADER');
      const staff = await assign(anban, night.id, D, EMERGENCY_STAFF, 'STAFF');
      const confirm = async (a: any) => ok(mutate(anban, 'confirmDutyAssignment', 'DutyAssignmentStepInput', { id: a.id, version: 1 }), 'confirmDutyAssignment');
      await confirm(leader);
      await confirm(staff);
      const checkIn = (a: any) => mutate(anban, 'checkInDuty', 'DutyAssignmentStepInput', { id: a.id, version: 2 });
      const refusal = (res: any) => ({ fields: fieldsOf(res), message: res.body.errors?.[0]?.message as string });

      // A minute before the window opens (20:59) and at its end (08:00 the next day): refused, the window named.
      for (const instant of [`${D}T20:59:00+08:00`, `${next}T08:00:00+08:00`, `${next}T21:30:00+08:00`]) {
        const refused = refusal(await at(instant, () => checkIn(leader)));
        expect(refused.fields).toEqual([expect.objectContaining({ field: 'input.id', rule: 'checkInWindow' })]);
        expect(refused.message).toContain(`${D} 21:00 to ${next} 08:00`);
      }
      // At 21:00 sharp the window is open; after midnight (the next China day) it still is.
      const onTime = await at(`${D}T21:00:00+08:00`, () => ok(checkIn(staff), 'checkInDuty'));
      expect(onTime).toMatchObject({ status: 'CHECKED_IN', version: 3, checkedInAt: new Date(`${D}T21:00:00+08:00`).toISOString() });
      const afterMidnight = await at(`${next}T00:30:00+08:00`, () => ok(checkIn(leader), 'checkInDuty'));
      expect(afterMidnight).toMatchObject({ status: 'CHECKED_IN', version: 3, day: D, checkedInAt: new Date(`${next}T00:30:00+08:00`).toISOString() });
      expect(afterMidnight.endsAt).toBe(new Date(`${next}T08:00:00+08:00`).toISOString());

      // Who is on duty at an instant (the warnings' escalation chain asks this): the shift's interval, half-open, across midnight.
      const system = new RequestContext({ requestId: 'test-on-duty', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: t.gateway.events, log: t.gateway.log });
      const onDuty = async (instant: string, role?: DutyRole) => (await onDutyAt(system, [TOWN, WENFENG], new Date(instant), { role })).filter((o) => o.shiftId === night.id);
      expect(await onDuty(`${D}T21:59:00+08:00`)).toEqual([]);
      const both = await onDuty(`${D}T22:00:00+08:00`);
      expect(both.map((o) => o.assignmentId).sort()).toEqual([leader.id, staff.id].sort());
      expect(both[0]).toMatchObject({ organizationId: TOWN, shiftName: '测试签到夜班', checkedIn: true, startsAt: new Date(`${D}T22:00:00+08:00`), endsAt: new Date(`${next}T08:00:00+08:00`) });
      expect((await onDuty(`${next}T07:59:00+08:00`, DutyRole.LEADER)).map((o) => [o.personId, o.role])).toEqual([[EMERGENCY_HEAD, 'LEADER']]);
      expect(await onDuty(`${next}T08:00:00+08:00`)).toEqual([]);

      const events = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [leader.id]);
      expect(events.map((r: any) => r.action)).toEqual(['rescue.duty-assignment.assign', 'rescue.duty-assignment.confirm', 'rescue.duty-assignment.checkIn']);
    });

    it('keeps 文凤村\'s rosters from 双河村\'s officer', async () => {
      const shifts = await ok(shuanghe(`{ dutyShifts(filter: { withinSubtreeOf: "${WENFENG}" }) { totalCount } }`), 'dutyShifts');
      expect(shifts.totalCount).toBe(0);
      expect((await ok(wenfeng(`{ dutyShifts(filter: { withinSubtreeOf: "${WENFENG}" }) { totalCount } }`), 'dutyShifts')).totalCount).toBe(3);
      const list = await ok(shuanghe(`{ dutyAssignments(filter: { from: "${APRIL_1}", to: "${APRIL_2}" }) { totalCount } }`), 'dutyAssignments');
      expect(list.totalCount).toBe(0);
      const c = await coverage(shuanghe, APRIL_1, APRIL_2, WENFENG);
      expect(c).toMatchObject({ slotCount: 0, gapCount: 0, unconfirmedCount: 0 });
      // References outside the caller's scope are answered like missing ones: NOT_FOUND on the field.
      expect(errorOf(await mutate(shuanghe, 'assignDuty', 'AssignDutyInput', { shiftId: day.id, day: JUNE, personId: SHUANGHE_OFFICER, role: 'STAFF' }))).toEqual({
        code: 'NOT_FOUND',
        entity: 'DutyShift',
        id: day.id,
        field: 'input.shiftId',
      });
      const foreign = await mutate(shuanghe, 'createDutyShift', 'CreateDutyShiftInput', { organizationId: WENFENG, name: '越权', startsAt: '08:00', durationMinutes: 60 }, 'id');
      expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
      expect(errorOf(await mutate(shuanghe, 'updateDutyShift', 'UpdateDutyShiftInput', { id: day.id, version: 1, name: '改名' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'DutyShift' });
      // A person 双河村's officer may not read cannot be put on 双河村's roster either.
      const own = await createShift(shuanghe, { organizationId: SHUANGHE, name: '双河测试班', startsAt: '08:00', durationMinutes: 600 });
      expect(errorOf(await mutate(shuanghe, 'assignDuty', 'AssignDutyInput', { shiftId: own.id, day: JUNE, personId: WENFENG_OFFICER, role: 'STAFF' }))).toEqual({
        code: 'NOT_FOUND',
        entity: 'Person',
        id: WENFENG_OFFICER,
        field: 'input.personId',
      });
    });

    it('names the field and rule of invalid input, refuses stale versions and duplicate names', async () => {
      const range = (from: string, to: string) => wenfeng(`{ dutyCoverage(from: "${from}", to: "${to}") { gapCount } }`);
      expect(fieldsOf(await range(APRIL_2, APRIL_1))).toEqual([expect.objectContaining({ field: 'to', rule: 'notBeforeFrom' })]);
      expect(fieldsOf(await range(APRIL_1, dayOf(APRIL_1, 92)))).toEqual([expect.objectContaining({ field: 'to', rule: 'maxRange' })]);
      expect((await range(APRIL_1, dayOf(APRIL_1, 91))).body.errors).toBeUndefined();
      // A malformed day in the document fails validation against the schema (LocalDate), before anything runs.
      const malformed = await range('2025-02-30', APRIL_1);
      expect([malformed.status, errorOf(malformed)?.['code'], malformed.body.errors![0]!.message]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', expect.stringContaining('LocalDate must be a calendar day YYYY-MM-DD from 1900-01-01 to 2100-12-31, got "2025-02-30"')]);
      const list = await wenfeng(`{ dutyAssignments(filter: { from: "${APRIL_1}", to: "${dayOf(APRIL_1, 100)}" }) { totalCount } }`);
      expect(fieldsOf(list)).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'maxRange' })]);

      const shift = (input: Record<string, unknown>) => mutate(wenfeng, 'createDutyShift', 'CreateDutyShiftInput', { organizationId: WENFENG, name: '校验班', startsAt: '08:00', durationMinutes: 60, ...input }, 'id');
      expect(fieldsOf(await shift({ durationMinutes: 29 }))).toEqual([expect.objectContaining({ field: 'input.durationMinutes', rule: 'min' })]);
      expect(fieldsOf(await shift({ durationMinutes: 1441 }))).toEqual([expect.objectContaining({ field: 'input.durationMinutes', rule: 'max' })]);
      // Times are the LocalTime scalar's, to the minute: anything else is refused while the variable is coerced (400).
      for (const startsAt of ['24:00', '8:30', '08:30:15']) {
        const res = await shift({ startsAt });
        expect([res.status, errorOf(res)?.['code'], res.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringContaining(`at "input.startsAt"; LocalTime must be a time of day HH:MM from 00:00 to 23:59 (seconds, if given, :00), got "${startsAt}".`)]);
      }
      expect(errorOf(await shift({ name: '测试白班' }))).toMatchObject({ code: 'CONFLICT' });
      expect(fieldsOf(await mutate(wenfeng, 'assignDuty', 'AssignDutyInput', { shiftId: day.id, day: dayOf(today, -1), personId: WENFENG_OFFICER, role: 'STAFF' }))).toEqual([
        expect.objectContaining({ field: 'input.day', rule: 'notPast' }),
      ]);

      const updated = await ok(mutate(wenfeng, 'updateDutyShift', 'UpdateDutyShiftInput', { id: night.id, version: 1, startsAt: '19:30', durationMinutes: 780 }, SHIFT), 'updateDutyShift');
      expect(updated).toMatchObject({ version: 2, startsAt: '19:30', durationMinutes: 780, name: '测试夜班' });
      expect(errorOf(await mutate(wenfeng, 'updateDutyShift', 'UpdateDutyShiftInput', { id: night.id, version: 1, name: '旧版本' }, 'id'))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      // Still rostered from today on: cannot be archived until those assignments are cancelled.
      expect(fieldsOf(await mutate(wenfeng, 'archiveDutyShift', 'ArchiveInput', { id: night.id, version: 2 }, 'id'))).toEqual([
        expect.objectContaining({ field: 'input.id', rule: 'noUpcomingAssignments' }),
      ]);
      const spare = await createShift(wenfeng, { organizationId: WENFENG, name: '备用班', startsAt: '12:00', durationMinutes: 30 });
      const archived = await ok(mutate(wenfeng, 'archiveDutyShift', 'ArchiveInput', { id: spare.id, version: 1 }, SHIFT), 'archiveDutyShift');
      expect(archived.archivedAt).not.toBeNull();
      expect((await ok(wenfeng(`{ dutyShifts(filter: { withinSubtreeOf: "${WENFENG}", includeArchived: true }) { totalCount } }`), 'dutyShifts')).totalCount).toBe(4);
      // A retired shift: BAD_USER_INPUT notArchived on the field.
      expect(fieldsOf(await mutate(wenfeng, 'assignDuty', 'AssignDutyInput', { shiftId: spare.id, day: JUNE, personId: WENFENG_OFFICER, role: 'STAFF' }))).toEqual([
        expect.objectContaining({ field: 'input.shiftId', rule: 'notArchived' }),
      ]);
    });

    it('loads a roster page with its shifts, persons and organizations in the same number of statements for any page size', async () => {
      const q = (n: number) => `{ dutyAssignments(first: ${n}, filter: { from: "${APRIL_1}", to: "${JUNE}" }) { edges { node { day startsAt shift { name organization { name } } person { name } organization { name } } } } }`;
      const small = await anban(q(2));
      const large = await anban(q(50));
      expect(small.body.errors).toBeUndefined();
      expect(large.body.data!['dutyAssignments'].edges.length).toBeGreaterThan(8);
      expect(large.statements).toBe(small.statements);
    });
  });
});
