import fc from 'fast-check';
import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AccidentGrade, accidentGradeOf, accidentIncidentSeedId, type AccidentGradeRule } from '../src/index';
import { ACCIDENT_RULE_SEEDS } from '../src/business-rules/accidents';
import { buildGatewaySchema, createLogger, runSeeds, selectModules, undescribed } from '@platform/server';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const SHIXI = org('village-shixi');
const JINXING = org('ent-jinxing-foundry');
const HONGFA = org('ent-hongfa-quarry');
const SINOPEC = org('ent-sinopec-nanping');
const RULE = ACCIDENT_RULE_SEEDS.find((s) => s.rule.code === 'enforcement.accident-grades')!.value as unknown as AccidentGradeRule;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FULL_TEAM = ['GOVERNMENT', 'EMERGENCY_MANAGEMENT', 'INDUSTRY_DEPARTMENT', 'SUPERVISORY_COMMISSION', 'PUBLIC_SECURITY', 'TRADE_UNION'];
const team = (roles: readonly string[]) => roles.map((role, i) => ({ role, name: `成员${i + 1}`, leader: i === 0 }));

const FIELDS = 'id version status kind grade gradeBasis reportsCounted deaths seriouslyInjured directLossYuan reportedLate reportDelayMinutes firstReportedAt reportDueOn replyDueOn pastDue gradeHeld missingTeamRoles organizationId enterpriseId warnings { kind dueOn }';
type Investigation = { id: string; version: number; status: string; grade: string | null; [k: string]: any };

/** The grade by Order 493 art. 3, written out independently of the service: "以上" includes the bound. */
function oracle(deaths: number, seriouslyInjured: number, lossCents: number): AccidentGrade {
  if (deaths >= 30 || seriouslyInjured >= 100 || lossCents >= 100_000_000_00) return AccidentGrade.EXTRAORDINARILY_SERIOUS;
  if (deaths >= 10 || seriouslyInjured >= 50 || lossCents >= 50_000_000_00) return AccidentGrade.SERIOUS;
  if (deaths >= 3 || seriouslyInjured >= 10 || lossCents >= 10_000_000_00) return AccidentGrade.LARGER;
  return AccidentGrade.ORDINARY;
}
const yuan = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/**
 * Accident investigations (issue 20, 国务院令第493号): the grade at every boundary (pure function over
 * the thresholds with fast-check, and a set over HTTP from damage reports with the SQL form agreeing),
 * the re-grading window (30 days; 7 for road traffic and fire), 迟报 at 60/61 minutes, the team's
 * composition, the clocks and one extension, 四不放过 refusing the close, the referral flag, scope,
 * seed, paging and indicators.
 */
describe('accident investigations (生产安全事故调查)', () => {
  // 2026-11-29 (Sunday) 10:00 China time: the README's moment.
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let sinopec: GraphQLClient;
  let wenfeng: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('sinopec-nanping')]);
    wenfeng = await t.as('wenfeng');
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office, fields = FIELDS): Promise<Investigation | null> => (await ok(client, `query($id: UUID!) { accidentInvestigation(id: $id) { ${fields} } }`, { id }))['accidentInvestigation'];
  const db = () => t.gateway.database.dataSource;

  /** An incident (anban reports) with its reports: each `[minutesAfter, kind, deaths, seriouslyInjured, loss]`. */
  async function incident(type: string, occurredAt: Date, reports: ReadonlyArray<readonly [number, string, number, number, string]>): Promise<string> {
    const [first, ...rest] = reports;
    const figures = (r: readonly [number, string, number, number, string]) => ({ deaths: r[2], injured: r[3], seriouslyInjured: r[3], directEconomicLossYuan: r[4] });
    const opened = await mutated<{ id: string }>(office, 'openIncident', 'OpenIncidentInput', {
      reportingOrganizationId: SHIXI,
      type,
      title: '测试事故',
      occurredAt: occurredAt.toISOString(),
      place: '石溪村',
      ...(first ? { initialReport: { ...figures(first), reportedAt: new Date(occurredAt.getTime() + first[0] * MINUTE).toISOString() } } : {}),
    }, 'id');
    for (const r of rest) {
      await mutated(office, 'addDamageReport', 'AddDamageReportInput', { incidentId: opened.id, kind: r[1], ...figures(r), reportedAt: new Date(occurredAt.getTime() + r[0] * MINUTE).toISOString() }, 'id');
    }
    return opened.id;
  }
  const openInvestigation = (incidentId: string, extra: Record<string, unknown> = {}, client = office) =>
    mutation(client, 'openAccidentInvestigation', 'OpenAccidentInvestigationInput', { incidentId, kind: 'WORK_SAFETY', enterpriseId: JINXING, categoryCode: '07', ...extra }, FIELDS);
  const opened = async (incidentId: string, extra: Record<string, unknown> = {}): Promise<Investigation> => {
    const res = await openInvestigation(incidentId, extra);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['openAccidentInvestigation'];
  };
  const refresh = async (a: Investigation, client = office) => mutation(client, 'refreshAccidentInvestigation', 'RefreshAccidentInvestigationInput', { id: a.id, version: (await one(a.id))!.version }, FIELDS);
  const refreshed = async (a: Investigation): Promise<Investigation> => {
    const res = await refresh(a);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['refreshAccidentInvestigation'];
  };
  const step = async (name: string, type: string, a: Investigation, extra: Record<string, unknown> = {}, client = office) =>
    mutation(client, name, type, { id: a.id, version: (await one(a.id))!.version, ...extra }, FIELDS);
  /** The investigation once the refresh that follows a new damage report has counted `reports` of them (the response module's event, after its commit). */
  const settled = async (id: string, reports: number): Promise<Investigation> => {
    const end = Date.now() + 5000;
    for (;;) {
      const a = (await one(id))!;
      if (a['reportsCounted'] >= reports) return a;
      if (Date.now() > end) throw new Error(`investigation ${id} counted ${a['reportsCounted']} reports, not ${reports}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const largerOrWorse = async (from: string, to: string): Promise<number> =>
    (await ok(office, `query($o: UUID!, $f: LocalDate!, $t: LocalDate!) { indicatorValues(organizationId: $o, from: $f, to: $t, filter: { codes: ["enforcement.accidents-by-grade"] }) { edges { node { numerator } } } }`, { o: org('town'), f: from, t: to }))['indicatorValues'].edges[0].node.numerator;

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('grades by Order 493 art. 3 at every threshold ("以上" includes): the pure function against an independent oracle', () => {
    const table: Array<[number, number, string, AccidentGrade]> = [
      [2, 0, '0', AccidentGrade.ORDINARY], [3, 0, '0', AccidentGrade.LARGER],
      [9, 0, '0', AccidentGrade.LARGER], [10, 0, '0', AccidentGrade.SERIOUS],
      [29, 0, '0', AccidentGrade.SERIOUS], [30, 0, '0', AccidentGrade.EXTRAORDINARILY_SERIOUS],
      [0, 9, '0', AccidentGrade.ORDINARY], [0, 10, '0', AccidentGrade.LARGER],
      [0, 49, '0', AccidentGrade.LARGER], [0, 50, '0', AccidentGrade.SERIOUS],
      [0, 99, '0', AccidentGrade.SERIOUS], [0, 100, '0', AccidentGrade.EXTRAORDINARILY_SERIOUS],
      [0, 0, '9999999', AccidentGrade.ORDINARY], [0, 0, '9999999.99', AccidentGrade.ORDINARY], [0, 0, '10000000', AccidentGrade.LARGER],
      [0, 0, '49999999.99', AccidentGrade.LARGER], [0, 0, '50000000.00', AccidentGrade.SERIOUS],
      [0, 0, '99999999.99', AccidentGrade.SERIOUS], [0, 0, '100000000', AccidentGrade.EXTRAORDINARILY_SERIOUS],
    ];
    for (const [deaths, seriouslyInjured, loss, grade] of table) expect([deaths, seriouslyInjured, loss, accidentGradeOf({ deaths, seriouslyInjured, directLossYuan: loss }, RULE)]).toEqual([deaths, seriouslyInjured, loss, grade]);
    const near = (bounds: number[], spread: number) => fc.oneof(fc.constantFrom(...bounds.flatMap((b) => [b - 1, b, b + 1])), fc.integer({ min: 0, max: spread }));
    fc.assert(
      fc.property(near([3, 10, 30], 40), near([10, 50, 100], 120), near([10_000_000_00, 50_000_000_00, 100_000_000_00], 120_000_000_00), (deaths, seriouslyInjured, cents) => {
        expect(accidentGradeOf({ deaths, seriouslyInjured, directLossYuan: yuan(cents) }, RULE)).toBe(oracle(deaths, seriouslyInjured, cents));
      }),
      { numRuns: 2000 },
    );
  });

  it('grades over HTTP from the latest verified report at each boundary, and the SQL form (indicator) agrees', async () => {
    const cases: Array<[number, number, string, AccidentGrade]> = [
      [2, 0, '0', AccidentGrade.ORDINARY], [3, 0, '0', AccidentGrade.LARGER], [9, 0, '0', AccidentGrade.LARGER], [10, 0, '0', AccidentGrade.SERIOUS], [29, 0, '0', AccidentGrade.SERIOUS], [30, 0, '0', AccidentGrade.EXTRAORDINARILY_SERIOUS],
      [0, 9, '0', AccidentGrade.ORDINARY], [0, 10, '0', AccidentGrade.LARGER], [0, 49, '0', AccidentGrade.LARGER], [0, 50, '0', AccidentGrade.SERIOUS], [0, 99, '0', AccidentGrade.SERIOUS], [0, 100, '0', AccidentGrade.EXTRAORDINARILY_SERIOUS],
      [0, 0, '9999999', AccidentGrade.ORDINARY], [0, 0, '10000000', AccidentGrade.LARGER],
    ];
    const before = await largerOrWorse('2026-11-29', '2026-11-30');
    const occurredAt = new Date(NOW.getTime() - 60 * MINUTE);
    const grades: string[] = [];
    for (const [deaths, si, loss, grade] of cases) {
      // An initial report that says otherwise, then the verified figures: the grade follows the verified ones.
      const id = await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[20, 'INITIAL', 0, 0, '0'], [40, 'VERIFIED', deaths, si, loss]]);
      const a = await opened(id);
      expect([deaths, si, loss, a.grade, a.gradeBasis]).toEqual([deaths, si, loss, grade, 'VERIFIED']);
      grades.push(a.grade!);
    }
    expect(await largerOrWorse('2026-11-29', '2026-11-30')).toBe(before + grades.filter((g) => g !== AccidentGrade.ORDINARY).length);
    // Without a verified report the latest one grades, marked PROVISIONAL.
    const provisional = await opened(await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[10, 'INITIAL', 1, 0, '0'], [30, 'CONTINUED', 3, 0, '0']]));
    expect([provisional.grade, provisional.gradeBasis, provisional.deaths]).toEqual(['LARGER', 'PROVISIONAL', 3]);
    // The list filter by grade reads the stored grade.
    const larger = await ok(office, `{ accidentInvestigations(first: 100, filter: { grades: [LARGER], occurredFrom: "2026-11-29" }) { totalCount } }`);
    expect(larger['accidentInvestigations'].totalCount).toBe(grades.filter((g) => g === 'LARGER').length + 1);
  });

  it('re-grades on each new damage report: casualty changes within 30 days, 7 for road traffic and fire; after the window the grade holds', async () => {
    const occurredAt = new Date(NOW.getTime() - 9 * DAY);
    const cases: Array<[string, number, string, number, boolean]> = [
      // type, day of the continued report, grade after, deaths counted, held now
      ['WORK_SAFETY_ACCIDENT', 8, 'LARGER', 3, false],
      ['FIRE', 8, 'ORDINARY', 2, true],
      ['ROAD_TRAFFIC', 8, 'ORDINARY', 2, true],
      ['FIRE', 6, 'LARGER', 3, true],
    ];
    for (const [type, day, grade, deaths, held] of cases) {
      const id = await incident(type, occurredAt, [[30, 'INITIAL', 2, 0, '100000']]);
      const a = await opened(id);
      expect(a.grade).toBe('ORDINARY');
      await mutated(office, 'addDamageReport', 'AddDamageReportInput', { incidentId: id, kind: 'CONTINUED', deaths: 3, injured: 0, directEconomicLossYuan: '200000', reportedAt: new Date(occurredAt.getTime() + day * DAY).toISOString() }, 'id');
      // No refresh asked: the new report's event refreshes the investigation.
      const after = await settled(a.id, 2);
      // The loss always follows the latest report; casualties only within the window.
      expect([type, day, after.grade, after.deaths, after.directLossYuan, after.gradeHeld]).toEqual([type, day, grade, deaths, '200000.00', held]);
    }
    // 30 days: a work-safety accident's casualty change on day 31 does not re-grade.
    const old = new Date(NOW.getTime() - 40 * DAY);
    const id = await incident('WORK_SAFETY_ACCIDENT', old, [[30, 'INITIAL', 2, 0, '0']]);
    const a = await opened(id);
    await mutated(office, 'addDamageReport', 'AddDamageReportInput', { incidentId: id, kind: 'CONTINUED', deaths: 4, reportedAt: new Date(old.getTime() + 31 * DAY).toISOString() }, 'id');
    expect((await settled(a.id, 2)).grade).toBe('ORDINARY');
    const id30 = await incident('WORK_SAFETY_ACCIDENT', old, [[30, 'INITIAL', 2, 0, '0']]);
    const a30 = await opened(id30);
    await mutated(office, 'addDamageReport', 'AddDamageReportInput', { incidentId: id30, kind: 'CONTINUED', deaths: 4, reportedAt: new Date(old.getTime() + 30 * DAY).toISOString() }, 'id');
    expect((await settled(a30.id, 2)).grade).toBe('LARGER');
    // The manual refresh finds nothing new and keeps the grade; the audit trail names what triggered each refresh.
    expect((await refreshed(a30)).grade).toBe('LARGER');
    const trail = await db().query(`SELECT action, actor_kind, changes->>'trigger' AS trigger FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`, [a30.id]);
    expect(trail.map((r: any) => [r.action, r.actor_kind, r.trigger])).toEqual([
      ['enforcement.accident.open', 'user', null],
      ['enforcement.accident.refresh', 'system', 'rescue.incident.damageReported'],
      ['enforcement.accident.refresh', 'user', null],
    ]);
  });

  it('computes the reporting delay: first report at 60 minutes is on time, at 61 minutes 迟报; a recorded unit report counts if earlier', async () => {
    const occurredAt = new Date(NOW.getTime() - 5 * 60 * MINUTE);
    const onTime = await opened(await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[60, 'INITIAL', 0, 0, '0']]));
    expect([onTime.reportDelayMinutes, onTime.reportedLate]).toEqual([60, false]);
    const late = await opened(await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[61, 'INITIAL', 0, 0, '0']]));
    expect([late.reportDelayMinutes, late.reportedLate]).toEqual([61, true]);
    expect(late.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'REPORTED_LATE' })]));
    const byUnit = await opened(await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[90, 'INITIAL', 0, 0, '0']]), { unitReportedAt: new Date(occurredAt.getTime() + 45 * MINUTE).toISOString() });
    expect([byUnit.reportDelayMinutes, byUnit.reportedLate]).toEqual([45, false]);
    // A unit report time before the accident is refused, naming the field.
    expect(fieldsOf(await openInvestigation(await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[10, 'INITIAL', 0, 0, '0']]), { unitReportedAt: new Date(occurredAt.getTime() - MINUTE).toISOString() }))).toEqual([
      expect.objectContaining({ field: 'input.unitReportedAt', rule: 'range' }),
    ]);
    const filtered = await ok(office, `{ accidentInvestigations(first: 100, filter: { reportedLate: true, occurredFrom: "2026-11-29" }) { edges { node { id } } } }`);
    expect(filtered['accidentInvestigations'].edges.map((e: any) => e.node.id)).toContain(late.id);
  });

  it('refuses a second investigation of an incident, a kind that does not fit, and a work-safety accident without an enterprise', async () => {
    const id = await incident('WORK_SAFETY_ACCIDENT', new Date(NOW.getTime() - 3 * 60 * MINUTE), [[10, 'INITIAL', 0, 0, '0']]);
    expect(fieldsOf(await openInvestigation(id, { enterpriseId: undefined }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'required' })]);
    expect(fieldsOf(await openInvestigation(id, { kind: 'NATURAL_DISASTER', enterpriseId: undefined }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'kind' })]);
    expect(fieldsOf(await openInvestigation(id, { enterpriseId: SHIXI }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'enterprise' })]);
    await opened(id);
    expect(fieldsOf(await openInvestigation(id))).toEqual([expect.objectContaining({ field: 'input.incidentId', rule: 'oneInvestigation' })]);
    expect(errorOf(await openInvestigation(id, { categoryCode: '99' }))).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('checks the team\'s composition, runs the clocks with one extension, and refuses closing while a 四不放过 item is open', async () => {
    const occurredAt = new Date(NOW.getTime() - 2 * DAY);
    const a = await opened(await incident('WORK_SAFETY_ACCIDENT', occurredAt, [[30, 'INITIAL', 1, 0, '500000']]));
    expect(a.reportDueOn).toBe('2027-01-26');
    expect(a.missingTeamRoles).toEqual(FULL_TEAM);
    // Two leaders, then a team without the trade union: set, but the report is refused.
    expect(fieldsOf(await step('setAccidentTeam', 'SetAccidentTeamInput', a, { members: team(FULL_TEAM).map((m) => ({ ...m, leader: true })) }))).toEqual([expect.objectContaining({ field: 'input.members', rule: 'teamMembers' })]);
    await step('setAccidentTeam', 'SetAccidentTeamInput', a, { members: team([...FULL_TEAM.filter((r) => r !== 'TRADE_UNION'), 'PROCURATORATE', 'EXPERT']) });
    expect((await one(a.id))!.missingTeamRoles).toEqual(['TRADE_UNION']);
    expect((await one(a.id))!.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'TEAM_INCOMPLETE' })]));
    expect(fieldsOf(await step('submitAccidentReport', 'SubmitAccidentReportInput', a, { summary: '原因已查清。' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'teamComposition' })]);
    await step('setAccidentTeam', 'SetAccidentTeamInput', a, { members: team(FULL_TEAM) });
    expect((await one(a.id))!.missingTeamRoles).toEqual([]);
    // One extension of the report, up to 60 days.
    expect(fieldsOf(await step('extendAccidentInvestigation', 'ExtendAccidentInvestigationInput', a, { days: 61, reason: '技术鉴定' }))).toEqual([expect.objectContaining({ field: 'input.days', rule: 'range' })]);
    const extended = (await step('extendAccidentInvestigation', 'ExtendAccidentInvestigationInput', a, { days: 60, reason: '技术鉴定，经区政府批准' })).body.data!['extendAccidentInvestigation'];
    expect(extended.reportDueOn).toBe('2027-03-27');
    expect(fieldsOf(await step('extendAccidentInvestigation', 'ExtendAccidentInvestigationInput', a, { days: 1, reason: '再次延长' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'oneExtension' })]);
    // The report; the reply is due 15 days later (一般), its extension refused (only 特别重大).
    const reported = (await step('submitAccidentReport', 'SubmitAccidentReportInput', a, { summary: '原因已查清。', on: '2026-11-29' })).body.data!['submitAccidentReport'];
    expect([reported.status, reported.replyDueOn]).toEqual(['REPORTED', '2026-12-14']);
    expect(reported.warnings).toEqual([]);
    clock.set(new Date('2026-12-05T02:00:00Z'));
    expect((await one(a.id))!.warnings).toEqual([expect.objectContaining({ kind: 'REPLY_DUE_SOON', dueOn: '2026-12-14' })]);
    clock.set(new Date('2026-12-15T02:00:00Z'));
    expect((await one(a.id))!).toEqual(expect.objectContaining({ pastDue: true, warnings: [expect.objectContaining({ kind: 'REPLY_OVERDUE' })] }));
    const pastDue = await ok(office, `{ accidentInvestigations(first: 100, filter: { pastDue: true }) { edges { node { id } } } }`);
    expect(pastDue['accidentInvestigations'].edges.map((e: any) => e.node.id)).toContain(a.id);
    expect(fieldsOf(await step('extendAccidentInvestigation', 'ExtendAccidentInvestigationInput', a, { days: 10, reason: '延长批复' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'oneExtension' })]);
    await step('recordAccidentReply', 'RecordAccidentReplyInput', a, { reference: '南川府复〔2026〕99号', on: '2026-12-10' });
    // 四不放过: closing is refused while items are open; DONE needs evidence.
    const closing = await step('closeAccidentInvestigation', 'CloseAccidentInvestigationInput', a);
    expect(fieldsOf(closing)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'fourNotSpared' })]);
    expect(fieldsOf(closing)[0]!.message).toContain('事故原因未查清不放过');
    const items = (await one(a.id, office, 'fourNotSpared { totalCount edges { node { id version item status } } }'))!['fourNotSpared'];
    expect(items.totalCount).toBe(4);
    const [first, ...others] = items.edges.map((e: any) => e.node);
    expect(fieldsOf(await mutation(office, 'updateAccidentFourNotSpared', 'UpdateFourNotSparedInput', { id: first.id, version: first.version, status: 'DONE' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.status', rule: 'evidence' })]);
    const [doc] = (await db().query(`SELECT id FROM enforcement_document ORDER BY number LIMIT 1`)) as Array<{ id: string }>;
    for (const item of [first, ...others.slice(0, 2)]) {
      const done = await mutated(office, 'updateAccidentFourNotSpared', 'UpdateFourNotSparedInput', { id: item.id, version: item.version, status: 'DONE', note: '已落实', evidenceDocumentIds: [doc!.id] }, 'status doneOn evidenceDocuments { id }');
      expect(done).toEqual({ status: 'DONE', doneOn: '2026-12-15', evidenceDocuments: [{ id: doc!.id }] });
    }
    expect(fieldsOf(await step('closeAccidentInvestigation', 'CloseAccidentInvestigationInput', a))[0]!.message).toContain('有关人员未受到教育不放过');
    const last = others[2];
    await mutated(office, 'updateAccidentFourNotSpared', 'UpdateFourNotSparedInput', { id: last.id, version: last.version, status: 'DONE', evidenceDocumentIds: [doc!.id] }, 'id');
    const closed = (await step('closeAccidentInvestigation', 'CloseAccidentInvestigationInput', a)).body.data!['closeAccidentInvestigation'];
    expect([closed.status, closed.pastDue]).toEqual(['CLOSED', false]);
    expect(fieldsOf(await refresh(a))).toEqual([expect.objectContaining({ rule: 'state' })]);
  });

  it('keeps 一案双查 findings and measures (done, then verified)', async () => {
    const a = await opened(await incident('WORK_SAFETY_ACCIDENT', new Date(NOW.getTime() - DAY), [[30, 'INITIAL', 0, 1, '10000']]));
    const NIL = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await mutation(office, 'addAccidentOversightFinding', 'AddAccidentOversightFindingInput', { investigationId: a.id, bodyRole: 'APPROVING', organizationId: org('town'), finding: '审批把关不严', responsibility: '通报批评', penaltyCaseId: NIL }, 'id'))).toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'input.penaltyCaseId' }),
    );
    await mutated(office, 'addAccidentOversightFinding', 'AddAccidentOversightFindingInput', { investigationId: a.id, bodyRole: 'SUPERVISING', organizationId: org('town'), finding: '监管检查流于形式', responsibility: '诫勉谈话' }, 'id');
    const m = await mutated<{ id: string; version: number }>(office, 'addAccidentMeasure', 'AddAccidentMeasureInput', { investigationId: a.id, measure: '加装防护栏', responsibleOrganizationId: JINXING, dueOn: '2026-12-10' }, 'id version status');
    expect(fieldsOf(await mutation(office, 'recordAccidentMeasureProgress', 'RecordAccidentMeasureProgressInput', { id: m.id, version: m.version, verified: true }, 'id'))).toEqual([expect.objectContaining({ field: 'input.verified', rule: 'state' })]);
    const done = await mutated<{ version: number; status: string }>(office, 'recordAccidentMeasureProgress', 'RecordAccidentMeasureProgressInput', { id: m.id, version: m.version }, 'version status doneOn');
    expect(done.status).toBe('DONE');
    const verified = await mutated(office, 'recordAccidentMeasureProgress', 'RecordAccidentMeasureProgressInput', { id: m.id, version: done.version, verified: true }, 'status verifiedOn overdue');
    expect(verified).toEqual({ status: 'VERIFIED', verifiedOn: '2026-11-29', overdue: false });
    const read = (await one(a.id, office, 'oversightFindings { totalCount edges { node { bodyRole organization { id } } } } measures { totalCount edges { node { status responsibleOrganization { id } } } }'))!;
    expect(read['oversightFindings']).toEqual({ totalCount: 1, edges: [{ node: { bodyRole: 'SUPERVISING', organization: { id: org('town') } } }] });
    expect(read['measures']).toEqual({ totalCount: 1, edges: [{ node: { status: 'VERIFIED', responsibleOrganization: { id: JINXING } } }] });
  });

  it('flags an accident whose figures meet the criminal thresholds for referral, once', async () => {
    const a = await opened(await incident('WORK_SAFETY_ACCIDENT', new Date(NOW.getTime() - 2 * 60 * MINUTE), [[30, 'INITIAL', 1, 0, '0']]));
    const referrals = async () => (await db().query(`SELECT reasons FROM criminal_referral WHERE accident_investigation_id = $1`, [a.id])) as Array<{ reasons: string[] }>;
    expect(await referrals()).toEqual([{ reasons: ['DEATHS'] }]);
    await refreshed(a);
    expect(await referrals()).toEqual([{ reasons: ['DEATHS'] }]);
    // A refresh writes nothing of the caller's: an older version is accepted, one the investigation never had is a CONFLICT.
    const again = (v: number) => mutation(office, 'refreshAccidentInvestigation', 'RefreshAccidentInvestigationInput', { id: a.id, version: v }, 'version');
    expect((await again(1)).body.errors).toBeUndefined();
    expect(errorOf(await again(99))).toEqual(expect.objectContaining({ code: 'CONFLICT' }));
    const none = await opened(await incident('WORK_SAFETY_ACCIDENT', new Date(NOW.getTime() - 2 * 60 * MINUTE), [[30, 'INITIAL', 0, 2, '999999.99']]));
    expect(await db().query(`SELECT 1 FROM criminal_referral WHERE accident_investigation_id = $1`, [none.id])).toEqual([]);
  });

  it('answers out-of-scope investigations like missing ones; an enterprise sees its own only, a village those in it', async () => {
    const [jinxing] = (await db().query(`SELECT id FROM accident_investigation WHERE incident_id = $1`, [accidentIncidentSeedId('jinxing-burn')])) as Array<{ id: string }>;
    expect(await one(jinxing!.id, sinopec)).toBeNull();
    expect((await ok(sinopec, `{ accidentInvestigations(first: 10) { totalCount } }`))['accidentInvestigations'].totalCount).toBe(0);
    expect(await one(jinxing!.id, wenfeng)).toBeNull();
    expect((await one(jinxing!.id, zhifa))!.id).toBe(jinxing!.id);
    expect(errorOf(await refresh({ id: jinxing!.id, version: 1, status: '', grade: null }, sinopec))).toEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
    // An enterprise cannot open an investigation of another enterprise's accident: the enterprise is out of scope.
    const id = await incident('WORK_SAFETY_ACCIDENT', new Date(NOW.getTime() - 60 * MINUTE), [[10, 'INITIAL', 0, 0, '0']]);
    expect(errorOf(await openInvestigation(id, { enterpriseId: SINOPEC }, sinopec))).toEqual(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('seeds accidents at the grade boundaries, on their clocks, and pages them losslessly', async () => {
    const seeded = async (key: string) => {
      const [row] = (await db().query(`SELECT id FROM accident_investigation WHERE incident_id = $1`, [accidentIncidentSeedId(key)])) as Array<{ id: string }>;
      return one(row!.id);
    };
    expect(await seeded('hongfa-collapse')).toEqual(expect.objectContaining({ grade: 'ORDINARY', gradeBasis: 'VERIFIED', deaths: 2, seriouslyInjured: 9, directLossYuan: '9999999.99', reportedLate: false, status: 'REPLIED', enterpriseId: HONGFA }));
    expect(await seeded('jinxing-burn')).toEqual(expect.objectContaining({ grade: 'LARGER', deaths: 3, reportedLate: true, reportDelayMinutes: 61, status: 'INVESTIGATING', reportDueOn: '2026-09-03', pastDue: true }));
    expect(await seeded('hengtong-fall')).toEqual(expect.objectContaining({ grade: 'ORDINARY', gradeBasis: 'PROVISIONAL', missingTeamRoles: ['TRADE_UNION'] }));
    expect(await seeded('shunda-road')).toEqual(expect.objectContaining({ grade: 'ORDINARY', deaths: 0, gradeHeld: true }));
    expect(await seeded('xiangrui-fire')).toEqual(expect.objectContaining({ grade: 'LARGER', directLossYuan: '10000000.00', status: 'REPORTED', replyDueOn: '2026-12-05', warnings: [expect.objectContaining({ kind: 'REPLY_DUE_SOON' })] }));
    const [flood] = (await db().query(`SELECT kind, grade FROM accident_investigation WHERE incident_id = $1`, [seedId('rescue:incidents:wenfeng-flash-flood')])) as Array<{ kind: string; grade: string | null }>;
    expect(flood).toEqual({ kind: 'NATURAL_DISASTER', grade: null });
    const total = (await ok(office, `{ accidentInvestigations { totalCount } }`))['accidentInvestigations'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { accidentInvestigations(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['accidentInvestigations'], 4, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { accidentInvestigations(orderBy: [{ field: GRADE }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['accidentInvestigations'], 3, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { accidentCategories(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['accidentCategories'], 6, 20);
    const explosions = await ok(office, `{ accidentCategories(filter: { nameContains: "爆炸" }) { edges { node { code nameZh } } } }`);
    expect(explosions['accidentCategories'].edges.map((e: any) => e.node.nameZh)).toEqual(['火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其他爆炸']);
  });

  it('evaluates the indicators: 较大及以上 this year, investigations past due, 四不放过 open', async () => {
    const values = (await ok(office, `query($o: UUID!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2027-01-01", filter: { codes: ["enforcement.accidents-by-grade", "enforcement.investigations-past-due", "enforcement.four-not-spared-open"] }) { edges { node { indicator { code } numerator } } } }`, { o: org('village-shixi') }))['indicatorValues'];
    const byCode = Object.fromEntries(values.edges.map((e: any) => [e.node.indicator.code, e.node.numerator]));
    // Within 石溪村: the seeded 金兴 burn (较大, past due) and the accidents the tests opened at 金兴 (enterprise in 石溪村).
    expect(byCode['enforcement.accidents-by-grade']).toBeGreaterThanOrEqual(1);
    expect(byCode['enforcement.investigations-past-due']).toBeGreaterThanOrEqual(1);
    expect(byCode['enforcement.four-not-spared-open']).toBeGreaterThanOrEqual(4);
    const town = (await ok(office, `query($o: UUID!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2026-10-01", filter: { codes: ["enforcement.accidents-by-grade"] }) { edges { node { numerator } } } }`, { o: org('town') }))['indicatorValues'];
    // Seeded before October (the tests open theirs later): 金兴 (3 deaths) and 祥瑞 (¥10,000,000) are 较大; 宏发 (2/9/¥9,999,999.99) is not.
    expect(town.edges[0].node.numerator).toBe(2);
    // One figure per grade, in the same statement as the rest; 一般 agrees with the list filtered by grade.
    const grades = ['ordinary', 'larger', 'serious', 'extraordinarily-serious'].map((g) => `enforcement.accidents-by-grade.${g}`);
    const perGrade = (await ok(office, `query($o: UUID!, $c: [String!]!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2026-10-01", filter: { codes: $c }) { edges { node { indicator { code } numerator } } } }`, { o: org('town'), c: grades }))['indicatorValues'];
    const graded = Object.fromEntries(perGrade.edges.map((e: any) => [e.node.indicator.code, e.node.numerator]));
    const ordinary = (await ok(office, `{ accidentInvestigations(filter: { kinds: [WORK_SAFETY], grades: [ORDINARY], occurredFrom: "2026-01-01", occurredTo: "2026-09-30" }) { totalCount } }`))['accidentInvestigations'].totalCount;
    expect(ordinary).toBeGreaterThanOrEqual(1);
    expect(graded).toEqual({ [grades[0]!]: ordinary, [grades[1]!]: 2, [grades[2]!]: 0, [grades[3]!]: 0 });
  });

  it('seeds nothing twice: a second run leaves the investigations, their incidents, reports, items and measures as they were', async () => {
    const counts = async () =>
      (await db().query(`SELECT (SELECT count(*)::int FROM accident_investigation) AS investigations, (SELECT count(*)::int FROM incident) AS incidents, (SELECT count(*)::int FROM incident_damage_report) AS reports,
                                (SELECT count(*)::int FROM accident_four_not_spared) AS items, (SELECT count(*)::int FROM accident_measure) AS measures, (SELECT count(*)::int FROM accident_team_member) AS members`))[0];
    const before = await counts();
    await runSeeds(db(), selectModules(MODULES, 'all'), createLogger('silent'), { demoAccounts: true });
    expect(await counts()).toEqual(before);
  });
});
