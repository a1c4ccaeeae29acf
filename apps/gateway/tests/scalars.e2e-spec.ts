import { startTestGateway, errorOf, ok, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { seedId } from '@platform/directory';
import { todayInChina } from '@platform/core';
import { AVAILABLE_MODULES } from '../src/available-modules';

const WENFENG = seedId('org:village-wenfeng');
const dayFromToday = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Status, code and message of a refused request's first error. */
const refusal = (res: GraphQLResponse) => [res.status, errorOf(res)?.['code'], res.body.errors?.[0]?.message];

/**
 * Schema 2 (issue 16): days (LocalDate), clock times (LocalTime) and money (Decimal) travel as strings
 * of their scalar's form, in and out, on both routes (GRAPHQL_ROUTE=apollo runs this file through
 * Apollo's route: queries as GET); a malformed value is a typed 400 naming where it is, and nothing is
 * written.
 */
describe('LocalDate, LocalTime and Decimal over HTTP', () => {
  let t: TestGateway;
  let wenfeng: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    wenfeng = await t.as('wenfeng');
  });
  afterAll(() => t?.close());
  const sql = <R>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);
  const count = async (table: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  const CASE = 'id requestedAmountYuan approvedAmountYuan paidAmountYuan outstandingYuan dueBy';
  const apply = (input: Record<string, unknown>) =>
    wenfeng(`mutation($input: ReliefCaseCreateInput!) { createReliefCase(input: $input) { ${CASE} } }`, {
      input: { organizationId: WENFENG, headName: '谭光明', address: '文凤村4组', kind: 'EMERGENCY_PERIOD', basis: '入户调查', requestedAmountYuan: '1234.5', dueBy: dayFromToday(20), ...input },
    });
  const SHIFT = 'id startsAt durationMinutes';
  const createShift = (input: Record<string, unknown>) =>
    wenfeng(`mutation($input: CreateDutyShiftInput!) { createDutyShift(input: $input) { ${SHIFT} } }`, { input: { organizationId: WENFENG, name: '早班', startsAt: '06:15', durationMinutes: 480, ...input } });

  it('round-trips a day and an amount through a create and a read, exact and normalized', async () => {
    const due = dayFromToday(20);
    const created = await ok(apply({ dueBy: due }), 'createReliefCase');
    expect(created).toEqual({ id: expect.any(String), requestedAmountYuan: '1234.50', approvedAmountYuan: null, paidAmountYuan: '0.00', outstandingYuan: null, dueBy: due });
    const read = await ok(wenfeng(`query($id: UUID!) { reliefCase(id: $id) { ${CASE} } }`, { id: created.id }), 'reliefCase');
    expect(read).toEqual(created);
    // Stored exactly as numeric and date, never through a float or a local-midnight Date.
    expect(await sql(`SELECT requested_amount_yuan::text AS amount, due_by::text AS due FROM relief_case WHERE id = $1`, [created.id])).toEqual([{ amount: '1234.50', due }]);
    // A literal in the document works the same way.
    const literal = await ok(wenfeng(`mutation { createReliefCase(input: { organizationId: "${WENFENG}", headName: "谭光明", address: "文凤村4组", kind: WINTER_SPRING, basis: "入户调查", requestedAmountYuan: "0.1", dueBy: "${due}" }) { requestedAmountYuan dueBy } }`), 'createReliefCase');
    expect(literal).toEqual({ requestedAmountYuan: '0.10', dueBy: due });
  });

  it('round-trips a clock time to the minute: HH:MM, or HH:MM:00 read back as HH:MM', async () => {
    const created = await ok(createShift({ startsAt: '06:15:00' }), 'createDutyShift');
    expect(created).toEqual({ id: expect.any(String), startsAt: '06:15', durationMinutes: 480 });
    const shifts = await ok(wenfeng(`query($org: UUID) { dutyShifts(first: 100, filter: { withinSubtreeOf: $org }) { edges { node { ${SHIFT} } } } }`, { org: WENFENG }), 'dutyShifts');
    expect(shifts.edges.map((e: { node: unknown }) => e.node)).toContainEqual(created);
    expect(await sql(`SELECT starts_at FROM duty_shift WHERE id = $1`, [created.id])).toEqual([{ starts_at: '06:15' }]);
    // Days in arguments come back as they were sent.
    const coverage = await ok(wenfeng(`query($from: LocalDate!, $to: LocalDate!) { dutyCoverage(from: $from, to: $to) { from to } }`, { from: dayFromToday(1), to: dayFromToday(7) }), 'dutyCoverage');
    expect(coverage).toEqual({ from: dayFromToday(1), to: dayFromToday(7) });
  });

  it('refuses malformed values in variables as 400 BAD_USER_INPUT naming the variable and its path, writing nothing', async () => {
    const [cases, shifts] = [await count('relief_case'), await count('duty_shift')];
    const day = 'LocalDate must be a calendar day YYYY-MM-DD from 1900-01-01 to 2100-12-31';
    const decimal = 'Decimal must be a decimal number with at most 15 digits before the point and 2 after it, such as "1234.50"';
    expect(refusal(await apply({ dueBy: '2026-02-30' }))).toEqual([400, 'BAD_USER_INPUT', `Variable "$input" got invalid value "2026-02-30" at "input.dueBy"; ${day}, got "2026-02-30".`]);
    expect(refusal(await apply({ dueBy: '2101-01-01' }))).toEqual([400, 'BAD_USER_INPUT', `Variable "$input" got invalid value "2101-01-01" at "input.dueBy"; ${day}, got "2101-01-01".`]);
    expect(refusal(await apply({ requestedAmountYuan: '12.345' }))).toEqual([400, 'BAD_USER_INPUT', `Variable "$input" got invalid value "12.345" at "input.requestedAmountYuan"; ${decimal}, got "12.345".`]);
    expect(refusal(await apply({ requestedAmountYuan: 1234.5 }))).toEqual([
      400,
      'BAD_USER_INPUT',
      'Variable "$input" got invalid value 1234.5 at "input.requestedAmountYuan"; Decimal must be a string such as "1234.50" (an amount never travels as a binary floating-point number), got 1234.5.',
    ]);
    expect(refusal(await createShift({ startsAt: '06:15:30' }))).toEqual([
      400,
      'BAD_USER_INPUT',
      'Variable "$input" got invalid value "06:15:30" at "input.startsAt"; LocalTime must be a time of day HH:MM from 00:00 to 23:59 (seconds, if given, :00), got "06:15:30".',
    ]);
    // A top-level argument: the variable itself.
    const list = await wenfeng(`query($from: LocalDate!) { dutyCoverage(from: $from, to: "2026-12-01") { from } }`, { from: '2026-1-5' });
    expect(refusal(list)).toEqual([400, 'BAD_USER_INPUT', `Variable "$from" got invalid value "2026-1-5"; ${day}, got "2026-1-5".`]);
    expect([await count('relief_case'), await count('duty_shift')]).toEqual([cases, shifts]);
  });

  it('refuses malformed literals in the document as 400 GRAPHQL_VALIDATION_FAILED at their location', async () => {
    const document = `mutation { createDutyShift(input: { organizationId: "${WENFENG}", name: "错班", startsAt: "6:15", durationMinutes: 60 }) { id } }`;
    const res = await wenfeng(document);
    expect(refusal(res)).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', 'LocalTime must be a time of day HH:MM from 00:00 to 23:59 (seconds, if given, :00), got "6:15".']);
    expect((res.body.errors![0] as { locations?: unknown }).locations).toEqual([{ line: 1, column: document.indexOf('"6:15"') + 1 }]);
    const amount = await wenfeng(`mutation { createReliefCase(input: { organizationId: "${WENFENG}", headName: "谭", address: "文凤村", kind: DROUGHT, basis: "调查", requestedAmountYuan: 100, dueBy: "${dayFromToday(5)}" }) { id } }`);
    expect(refusal(amount)).toEqual([400, 'GRAPHQL_VALIDATION_FAILED', 'Decimal must be a string such as "1234.50" (an amount never travels as a binary floating-point number), got 100.']);
  });

  it('keeps the rules beyond the form as field-named BAD_USER_INPUT: ranges, periods and deadlines', async () => {
    const positive = await apply({ requestedAmountYuan: '0.00' });
    expect(refusal(positive)[1]).toBe('BAD_USER_INPUT');
    expect(errorOf(positive)?.['fields']).toEqual([{ field: 'input.requestedAmountYuan', rule: 'isPositive', message: 'requestedAmountYuan must be a positive number' }]);
    expect(errorOf(await apply({ dueBy: dayFromToday(-1) }))?.['fields']).toEqual([expect.objectContaining({ field: 'input.dueBy', rule: 'notPast' })]);
    const backwards = await wenfeng(`query($from: LocalDate!, $to: LocalDate!) { dutyCoverage(from: $from, to: $to) { from } }`, { from: dayFromToday(7), to: dayFromToday(1) });
    expect(errorOf(backwards)?.['fields']).toEqual([expect.objectContaining({ field: 'to', rule: 'notBeforeFrom' })]);
  });
});
