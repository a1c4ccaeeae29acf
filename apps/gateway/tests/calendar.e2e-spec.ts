import fc from 'fast-check';
import { accessModule } from '@platform/access';
import { directoryModule } from '@platform/directory';
import { CalendarDay, CalendarDayKind, RequestContext, SYSTEM, createRecord } from '@platform/core';
import { errorOf, fieldsOf, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';

/**
 * The working-day calendar (issue 18, kernel): due dates and working-day counts over the State
 * Council's holidays and make-up working days, the same in SQL statements and through the API; the
 * office keeps the entries (others read them); lists page losslessly.
 */
describe('working-day calendar (工作日历)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let village: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule], { seed: true });
    [office, village] = await Promise.all([t.as('anban'), t.as('wenfeng')]);
  });
  afterAll(() => t?.close());

  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params) as Promise<R[]>;
  const due = async (client: GraphQLClient, from: string, workingDays: number) => {
    const res = await client(`query($from: LocalDate!, $n: Int!) { dueDate(from: $from, workingDays: $n) }`, { from, n: workingDays });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['dueDate'] as string;
  };
  const between = async (from: string, to: string) => (await village(`query($from: LocalDate!, $to: LocalDate!) { workingDaysBetween(from: $from, to: $to) }`, { from, to })).body.data!['workingDaysBetween'] as number;

  it('counts working days over the 2025 National Day holiday and its make-up working days', async () => {
    // 2025: 10-01…10-08 off; Sunday 09-28 and Saturday 10-11 are working days (国办发明电〔2024〕12号).
    expect(await due(village, '2025-09-26', 1)).toBe('2025-09-28'); // Friday → the make-up Sunday
    expect(await due(village, '2025-09-30', 1)).toBe('2025-10-09'); // over the eight days off
    expect(await due(village, '2025-09-30', 3)).toBe('2025-10-11'); // the make-up Saturday counts
    expect(await due(village, '2025-10-09', -1)).toBe('2025-09-30');
    expect(await due(village, '2025-10-04', 0)).toBe('2025-10-04');
    // Five working days to answer a notice served on Friday 2025-09-26: 28, 29, 30 Sep, 9, 10 Oct.
    expect(await due(village, '2025-09-26', 5)).toBe('2025-10-10');
    expect(await between('2025-09-26', '2025-10-10')).toBe(5);
    expect(await between('2025-10-10', '2025-09-26')).toBe(-5);
    expect(await between('2025-10-01', '2025-10-08')).toBe(0);
    // 2026 Spring Festival: 02-15…02-23 off, Saturdays 02-14 and 02-28 worked.
    expect(await due(village, '2026-02-13', 1)).toBe('2026-02-14');
    expect(await due(village, '2026-02-14', 1)).toBe('2026-02-24');
    expect(await between('2026-02-01', '2026-02-28')).toBe(16); // 2–6, 9–13, 24–27 and the Saturdays 14 and 28
  });

  it('answers the same in SQL as through the API, and every due date is a working day that many working days on', async () => {
    const day = fc.integer({ min: 0, max: 3 * 365 - 1 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: -40, max: 40 }), async (from, n) => {
        // Forward: n working days after `from` up to the due date. Back: |n| − 1 working days strictly between the due date and `from`.
        const [row] = await sql<{ due: string; working: boolean; count: number }>(
          `SELECT r::text AS due, is_working_day(r) AS working, CASE WHEN $2 >= 0 THEN working_days_between($1::date, r) ELSE working_days_between(r, $1::date - 1) END AS count
             FROM add_working_days($1::date, $2) r`,
          [from, n],
        );
        expect(row!.count).toBe(n >= 0 ? n : -n - 1);
        if (n !== 0) expect(row!.working).toBe(true);
        expect(await due(village, from, n)).toBe(row!.due);
      }),
      { numRuns: 60, seed: 18 },
    );
  });

  it('lets the office enter, change and withdraw a day, and due dates follow; others may only read', async () => {
    const fields = 'id version day kind name source provisional archivedAt';
    // Monday 2025-03-10 becomes a day off: a due date over it moves by one.
    expect(await due(village, '2025-03-07', 1)).toBe('2025-03-10');
    const refused = await village(`mutation($input: CreateCalendarDayInput!) { createCalendarDay(input: $input) { id } }`, { input: { day: '2025-03-10', kind: 'HOLIDAY', name: '测试', source: '测试依据' } });
    expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN' });
    const created = await office(`mutation($input: CreateCalendarDayInput!) { createCalendarDay(input: $input) { ${fields} } }`, { input: { day: '2025-03-10', kind: 'HOLIDAY', name: '临时调整', source: '镇政府通知（测试）' } });
    expect(created.body.errors).toBeUndefined();
    const entry = created.body.data!['createCalendarDay'];
    expect(entry).toMatchObject({ version: 1, day: '2025-03-10', kind: 'HOLIDAY', provisional: false, archivedAt: null });
    expect(await due(village, '2025-03-07', 1)).toBe('2025-03-11');
    const [audit] = await sql(`SELECT action, entity_type FROM audit_log WHERE entity_id = $1`, [entry.id]);
    expect(audit).toEqual({ action: 'kernel.calendar-day.create', entity_type: 'CalendarDay' });

    // One entry in force per day; an existing day named by the field and the rule.
    const twice = await office(`mutation($input: CreateCalendarDayInput!) { createCalendarDay(input: $input) { id } }`, { input: { day: '2025-10-01', kind: 'HOLIDAY', name: '国庆节', source: '重复' } });
    expect(fieldsOf(twice)).toEqual([expect.objectContaining({ field: 'input.day', rule: 'unique' })]);

    const changed = await office(`mutation($input: UpdateCalendarDayInput!) { updateCalendarDay(input: $input) { ${fields} } }`, { input: { id: entry.id, version: 1, kind: 'WORKDAY' } });
    expect(changed.body.data!['updateCalendarDay']).toMatchObject({ version: 2, kind: 'WORKDAY', name: '临时调整' });
    const stale = await office(`mutation($input: UpdateCalendarDayInput!) { updateCalendarDay(input: $input) { id } }`, { input: { id: entry.id, version: 1, name: '旧版本' } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT' });

    const withdrawn = await office(`mutation($input: ArchiveInput!) { archiveCalendarDay(input: $input) { ${fields} } }`, { input: { id: entry.id, version: 2 } });
    expect(withdrawn.body.data!['archiveCalendarDay'].archivedAt).not.toBeNull();
    expect(await due(village, '2025-03-07', 1)).toBe('2025-03-10');
    const again = await office(`mutation($input: ArchiveInput!) { archiveCalendarDay(input: $input) { id } }`, { input: { id: entry.id, version: 3 } });
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
    // The withdrawn entry stays on record; a new one may be entered for the day.
    const listed = await village(`{ calendarDays(filter: { from: "2025-03-10", to: "2025-03-10", includeArchived: true }) { totalCount edges { node { id archivedAt } } } }`);
    expect(listed.body.data!['calendarDays']).toMatchObject({ totalCount: 1, edges: [{ node: { id: entry.id } }] });
    expect((await village(`{ calendarDays(filter: { from: "2025-03-10", to: "2025-03-10" }) { totalCount } }`)).body.data!['calendarDays'].totalCount).toBe(0);
  });

  it('names the field and the rule of a bad question', async () => {
    const far = await village(`{ dueDate(from: "2025-01-01", workingDays: 1001) }`);
    expect(fieldsOf(far)).toEqual([expect.objectContaining({ field: 'workingDays', rule: 'max' })]);
    const wide = await village(`{ workingDaysBetween(from: "2000-01-01", to: "2025-01-01") }`);
    expect(fieldsOf(wide)).toEqual([expect.objectContaining({ field: 'to', rule: 'range' })]);
    const backwards = await village(`{ calendarDays(filter: { from: "2025-10-08", to: "2025-10-01" }) { totalCount } }`);
    expect(fieldsOf(backwards)).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'notBeforeFrom' })]);
    const notADay = await village(`query($from: LocalDate!) { dueDate(from: $from, workingDays: 1) }`, { from: '2025-02-30' });
    expect(errorOf(notADay)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pages the seeded entries, which share one update time, one by one in both directions without loss', async () => {
    const all = (await village(`{ calendarDays(first: 100, filter: { from: "2025-01-01", to: "2025-12-31" }, orderBy: [{ field: UPDATED_AT }]) { edges { node { id day } } } }`)).body.data!['calendarDays'].edges.map((e: any) => e.node) as Array<{ id: string }>;
    expect(all.length).toBe(33); // 2025: 28 days off and 5 make-up working days
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await village(`query($after: String) { calendarDays(first: 1, after: $after, filter: { from: "2025-01-01", to: "2025-12-31" }, orderBy: [{ field: UPDATED_AT }]) { edges { cursor node { id } } pageInfo { hasNextPage } } }`, { after })).body.data!['calendarDays'];
      forward.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.edges[0].cursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await village(`query($before: String) { calendarDays(last: 1, before: $before, filter: { from: "2025-01-01", to: "2025-12-31" }, orderBy: [{ field: UPDATED_AT }]) { edges { cursor node { id } } pageInfo { hasPreviousPage } } }`, { before })).body.data!['calendarDays'];
      backward.unshift(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.edges[0].cursor;
    }
    expect(forward).toEqual(all.map((d) => d.id));
    expect(backward).toEqual(forward);
  });

  it('refuses a one-statement create whose event payload reads a column the database fills in, and writes nothing', async () => {
    const ctx = new RequestContext({ requestId: 'calendar-guard', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: { publish: async () => undefined, subscribe: () => () => undefined }, log: t.gateway.log });
    const values = { day: '2027-12-27', kind: CalendarDayKind.HOLIDAY, name: '守卫测试', source: '测试', provisional: true, archivedAt: null };
    await expect(
      createRecord(ctx, CalendarDay, 'CalendarDay', values, { action: 'kernel.calendar-day.create', event: 'kernel.calendar-day.created', payload: (d: CalendarDay) => ({ id: d.id, at: d.createdAt.toISOString() }) }),
    ).rejects.toThrow(/read `createdAt`, which the database fills in/);
    expect(await sql(`SELECT count(*)::int AS n FROM calendar_day WHERE day = '2027-12-27'`)).toEqual([{ n: 0 }]);
    // The same create with a payload of what it was given: one statement, with its audit entry.
    const created = await createRecord(ctx, CalendarDay, 'CalendarDay', values, { action: 'kernel.calendar-day.create', event: 'kernel.calendar-day.created', payload: (d: CalendarDay) => ({ id: d.id, day: d.day }) });
    expect(created).toMatchObject({ day: '2027-12-27', version: 1, provisional: true });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await sql(`SELECT action, actor_kind FROM audit_log WHERE entity_id = $1`, [created.id])).toEqual([{ action: 'kernel.calendar-day.create', actor_kind: 'system' }]);
    await sql(`DELETE FROM calendar_day WHERE id = $1`, [created.id]);
  });
});
