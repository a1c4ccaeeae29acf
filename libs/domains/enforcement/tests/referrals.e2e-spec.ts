import fc from 'fast-check';
import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { criminalThresholdReasons, enforcementItemSeedId, ReferralReason, type CriminalThresholds } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const PENALTY_ITEM = enforcementItemSeedId('2025-07', 'YJ-CF-005');
const person = (key: string) => seedId(`person:person-dept-enforcement-${key}`);
const [STAFF1, STAFF2] = [person('staff-1'), person('staff-2')];
const org = (key: string) => seedId(`org:${key}`);
// 绿源方竹笋 lies in 文凤村; 德胜商品混凝土 in 双河村.
const [LVYUAN, DESHENG] = [org('ent-lvyuan-bamboo-shoots'), org('ent-desheng-concrete')];

const FIELDS = `id version code status reasons caseId accidentInvestigationId organizationId flaggedAt reportedAt decisionDueAt decidedAt decision decisionOnTime
  transferDueAt transferredAt transferOnTime answerDueAt answeredAt policeAnswer answerOnTime closedAt dismissedAt dismissReason clockMissed
  clock { step dueAt warnFrom dueSoon overdue } thresholdRuleVersion { id } clockRuleVersion { id }`;
type Referral = { id: string; version: number; code: string; status: string; reasons: string[]; [k: string]: any };

/**
 * Criminal referrals (issue 20, 行刑衔接): the thresholds of 两高 2015 解释 第六条 at their boundaries,
 * flags raised by a case's criminal indicators and by an accident's figures (idempotent, reasons
 * added), the workflow with its clocks met and missed at the boundaries (3 days, 24 hours, 3 days),
 * the agency head's independence, dismissal, documents, scope, paging and the indicator.
 */
describe('criminal referrals (行刑衔接)', () => {
  // 2026-11-29 (Sunday) 10:00 China time.
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('wenfeng'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office): Promise<Referral | null> => (await ok(client, `query($id: UUID!) { criminalReferral(id: $id) { ${FIELDS} } }`, { id }))['criminalReferral'];
  const ofCase = async (caseId: string): Promise<Referral[]> =>
    (await ok(office, `query($c: UUID!) { criminalReferrals(first: 10, filter: { caseId: $c }) { edges { node { ${FIELDS} } } } }`, { c: caseId }))['criminalReferrals'].edges.map((e: any) => e.node);
  const count = async (sql: string, params: unknown[] = []) => (await t.gateway.database.dataSource.query(sql, params))[0].n as number;

  /** Files a case against `enterpriseId` with these criminal indicators (zhifa, approved by the office's head). */
  const fileCase = async (enterpriseId: string, criminalIndicators: string[]): Promise<{ id: string; version: number; code: string }> =>
    mutated(office, 'filePenaltyCase', 'FilePenaltyCaseInput', {
      enforcementItemId: PENALTY_ITEM,
      legalSubjectId: TOWN,
      enterpriseId,
      cause: '涉嫌篡改监控数据',
      facts: '执法人员检查发现企业可燃气体报警装置数据被人为修改。',
      actEndedOn: '2026-11-20',
      enforcerPersonIds: [STAFF1, STAFF2],
      harmToLifeOrHealth: false,
      criminalIndicators,
    }, 'id version code');
  /** A step on the referral at its current version. */
  const step = async (client: GraphQLClient, name: string, type: string, id: string, extra: Record<string, unknown> = {}) => mutation(client, name, type, { id, version: (await one(id))!.version, ...extra }, FIELDS);
  const stepped = async (client: GraphQLClient, name: string, type: string, id: string, extra: Record<string, unknown> = {}): Promise<Referral> => {
    const res = await step(client, name, type, id, extra);
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name];
  };
  const report = (id: string, extra: Record<string, unknown> = {}, client = zhifa) =>
    stepped(client, 'reportCriminalReferral', 'ReportCriminalReferralInput', id, { enforcerPersonIds: [STAFF1, STAFF2], suspectedOffence: '危险作业罪', summary: '企业篡改可燃气体报警数据，涉嫌危险作业罪。', ...extra });
  /** A flagged referral of a new case. */
  const flagged = async (enterpriseId = LVYUAN, indicators = ['MONITORING_DATA_TAMPERED'], flaggedAt?: string): Promise<Referral> => {
    if (flaggedAt) clock.set(new Date(flaggedAt));
    const c = await fileCase(enterpriseId, indicators);
    clock.set(NOW);
    const [r] = await ofCase(c.id);
    return r!;
  };
  const at = (iso: string) => new Date(iso);
  const plus = (iso: string, ms: number) => new Date(at(iso).getTime() + ms).toISOString();
  const HOUR = 3_600_000;

  it('meets the thresholds of 两高 2015 解释 第六条 at their boundaries, with the seeded rule version', async () => {
    const [row] = await t.gateway.database.dataSource.query(`SELECT value FROM business_rule_version WHERE rule_code = 'enforcement.criminal-thresholds' AND effective_to IS NULL`);
    const v = row.value as CriminalThresholds;
    expect(v).toEqual({ deaths: 1, seriouslyInjured: 3, directLossYuan: '1000000' });
    const none = { deaths: 0, seriouslyInjured: 0, directLossYuan: '0' };
    expect(criminalThresholdReasons(none, v)).toEqual([]);
    expect(criminalThresholdReasons({ ...none, deaths: 1 }, v)).toEqual([ReferralReason.DEATHS]);
    expect(criminalThresholdReasons({ ...none, seriouslyInjured: 2 }, v)).toEqual([]);
    expect(criminalThresholdReasons({ ...none, seriouslyInjured: 3 }, v)).toEqual([ReferralReason.SERIOUS_INJURIES]);
    expect(criminalThresholdReasons({ ...none, directLossYuan: '999999.99' }, v)).toEqual([]);
    expect(criminalThresholdReasons({ ...none, directLossYuan: '1000000' }, v)).toEqual([ReferralReason.DIRECT_LOSS]);
    expect(criminalThresholdReasons({ ...none, directLossYuan: '1000000.00' }, v)).toEqual([ReferralReason.DIRECT_LOSS]);
    expect(criminalThresholdReasons({ deaths: 2, seriouslyInjured: 5, directLossYuan: '2500000.5' }, v)).toEqual([ReferralReason.DEATHS, ReferralReason.SERIOUS_INJURIES, ReferralReason.DIRECT_LOSS]);
    // Against an independent oracle in fen, over figures around every boundary.
    const fen = (yuan: string) => Math.round(Number(yuan) * 100);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 99_999_000, max: 100_001_000 }), (deaths, seriouslyInjured, lossFen) => {
        const directLossYuan = (lossFen / 100).toFixed(2);
        const expected = [deaths >= 1 && 'DEATHS', seriouslyInjured >= 3 && 'SERIOUS_INJURIES', fen(directLossYuan) >= 100_000_000 && 'DIRECT_LOSS'].filter(Boolean);
        expect(criminalThresholdReasons({ deaths, seriouslyInjured, directLossYuan }, v)).toEqual(expected);
      }),
    );
    // Another version's value moves the boundary: the function reads no constant.
    expect(criminalThresholdReasons({ ...none, deaths: 1 }, { ...v, deaths: 2 })).toEqual([]);
  });

  it('flags a case whose criminal indicators call for a referral, once per source, adding new reasons only', async () => {
    const c = await fileCase(LVYUAN, ['MONITORING_DATA_TAMPERED']);
    const [r, ...more] = await ofCase(c.id);
    expect(more).toEqual([]);
    expect(r).toMatchObject({ status: 'FLAGGED', reasons: ['MONITORING_DATA_TAMPERED'], caseId: c.id, accidentInvestigationId: null, organizationId: LVYUAN, thresholdRuleVersion: null, clock: null, clockMissed: false });
    expect(r!.code).toMatch(/^NPYS-2026-\d{4}$/);
    const flags = () => count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'enforcement.referral.flagged' AND entity_id = $1`, [r!.id]);
    expect(await flags()).toBe(1);
    // A new indicator adds its reason to the open referral; the same ones again change nothing.
    const set = async (criminalIndicators: string[]) => {
      const current = (await ok(office, `query($id: UUID!) { penaltyCase(id: $id) { version } }`, { id: c.id }))['penaltyCase'];
      return mutated(zhifa, 'setPenaltyCaseCriminalIndicators', 'SetPenaltyCaseIndicatorsInput', { id: c.id, version: current.version, criminalIndicators }, 'id');
    };
    await set(['MONITORING_DATA_TAMPERED', 'REFUSED_SUSPENSION_ORDER']);
    const [added, ...none] = await ofCase(c.id);
    expect(none).toEqual([]);
    expect(added).toMatchObject({ id: r!.id, reasons: ['MONITORING_DATA_TAMPERED', 'REFUSED_SUSPENSION_ORDER'], version: r!.version + 1 });
    expect(await flags()).toBe(2);
    await set(['REFUSED_SUSPENSION_ORDER']);
    await set(['REFUSED_SUSPENSION_ORDER', 'MONITORING_DATA_TAMPERED']);
    expect((await ofCase(c.id)).map((x) => [x.id, x.version])).toEqual([[r!.id, added!.version]]);
    expect(await flags()).toBe(2);
    // The case shows its referrals.
    const viaCase = (await ok(office, `query($id: UUID!) { penaltyCase(id: $id) { referrals(first: 5) { edges { node { id code } } } } }`, { id: c.id }))['penaltyCase'];
    expect(viaCase.referrals.edges.map((e: any) => e.node.id)).toEqual([r!.id]);
  });

  it('flags an accident when a damage report\'s figures meet the thresholds, adding reasons as the figures grow', async () => {
    const MINUTE = 60_000;
    const occurredAt = new Date(NOW.getTime() - 3 * 60 * MINUTE);
    const incident = await mutated<{ id: string }>(office, 'openIncident', 'OpenIncidentInput', {
      reportingOrganizationId: org('village-shixi'),
      type: 'WORK_SAFETY_ACCIDENT',
      title: '金星铸造厂灼烫事故',
      occurredAt: occurredAt.toISOString(),
      place: '石溪村',
      initialReport: { deaths: 1, injured: 2, seriouslyInjured: 2, directEconomicLossYuan: '999999.99', reportedAt: new Date(occurredAt.getTime() + 30 * MINUTE).toISOString() },
    }, 'id');
    const a = await mutated<{ id: string; version: number }>(office, 'openAccidentInvestigation', 'OpenAccidentInvestigationInput', { incidentId: incident.id, kind: 'WORK_SAFETY', enterpriseId: org('ent-jinxing-foundry'), categoryCode: '07' }, 'id version');
    const ofAccident = async () =>
      (await ok(office, `query($a: UUID!) { criminalReferrals(first: 10, filter: { accidentInvestigationId: $a }) { edges { node { ${FIELDS} accidentInvestigation { id } } } } }`, { a: a.id }))['criminalReferrals'].edges.map((e: any) => e.node);
    const [r, ...none] = await ofAccident();
    expect(none).toEqual([]);
    // One death meets 第六条; two seriously injured and ¥999,999.99 do not.
    expect(r).toMatchObject({ status: 'FLAGGED', reasons: ['DEATHS'], caseId: null, accidentInvestigationId: a.id, organizationId: org('ent-jinxing-foundry'), accidentInvestigation: { id: a.id }, thresholdRuleVersion: { id: expect.any(String) } });
    // The verified report: three seriously injured and ¥1,000,000 meet the thresholds; the refreshed figures add the reasons to the same referral.
    await mutated(office, 'addDamageReport', 'AddDamageReportInput', { incidentId: incident.id, kind: 'VERIFIED', deaths: 1, injured: 3, seriouslyInjured: 3, directEconomicLossYuan: '1000000', reportedAt: new Date(NOW.getTime() - 10 * MINUTE).toISOString() }, 'id');
    const version = (await ok(office, `query($id: UUID!) { accidentInvestigation(id: $id) { version } }`, { id: a.id }))['accidentInvestigation'].version;
    await mutated(office, 'refreshAccidentInvestigation', 'RefreshAccidentInvestigationInput', { id: a.id, version }, 'id');
    const [grown, ...still] = await ofAccident();
    expect(still).toEqual([]);
    expect(grown).toMatchObject({ id: r.id, reasons: ['DEATHS', 'SERIOUS_INJURIES', 'DIRECT_LOSS'] });
    const viaAccident = (await ok(office, `query($id: UUID!) { accidentInvestigation(id: $id) { referrals(first: 5) { edges { node { id } } } } }`, { id: a.id }))['accidentInvestigation'];
    expect(viaAccident.referrals.edges.map((e: any) => e.node.id)).toEqual([r.id]);
    // A referral from an accident names the legal subject that refers it.
    expect(fieldsOf(await step(zhifa, 'reportCriminalReferral', 'ReportCriminalReferralInput', r.id, { enforcerPersonIds: [STAFF1, STAFF2], suspectedOffence: '重大责任事故罪', summary: '造成一人死亡。' }))).toEqual([expect.objectContaining({ field: 'input.legalSubjectId', rule: 'required' })]);
    const reported = await report(r.id, { legalSubjectId: TOWN, suspectedOffence: '重大责任事故罪', summary: '造成一人死亡、三人重伤，直接经济损失一百万元。' });
    expect(reported).toMatchObject({ status: 'REPORTED' });
  });

  it('flags a source by hand (a reporting offence found by the investigation), within scope, naming exactly one source', async () => {
    const c = await fileCase(DESHENG, []);
    expect(await ofCase(c.id)).toEqual([]);
    const flag = (input: Record<string, unknown>, client = zhifa) => mutation(client, 'flagCriminalReferral', 'FlagCriminalReferralInput', input, FIELDS);
    const r = (await flag({ caseId: c.id, reasons: ['REPORTING_OFFENCE'] })).body.data!['flagCriminalReferral'];
    expect(r).toMatchObject({ status: 'FLAGGED', reasons: ['REPORTING_OFFENCE'], caseId: c.id, organizationId: DESHENG });
    // Again: nothing new, the same referral answered.
    expect((await flag({ caseId: c.id, reasons: ['REPORTING_OFFENCE'] })).body.data!['flagCriminalReferral']).toMatchObject({ id: r.id, version: r.version });
    expect(fieldsOf(await flag({ reasons: ['REPORTING_OFFENCE'] }))).toEqual([expect.objectContaining({ field: 'input.caseId', rule: 'required' })]);
    expect(errorOf(await flag({ caseId: seedId('case:no-such-case'), reasons: ['REPORTING_OFFENCE'] }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.caseId' });
    expect(errorOf(await flag({ caseId: c.id, reasons: ['REPORTING_OFFENCE'] }, wenfeng))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('runs report → decision → transfer → answer → close, the clocks met exactly at their due times, with its documents', async () => {
    const r = await flagged(LVYUAN, ['MONITORING_DATA_TAMPERED'], '2026-11-26T01:00:00Z');
    // Reported on Friday 2026-11-27 09:00 China time: due three days later to the millisecond.
    const REPORTED = '2026-11-27T01:00:00.000Z';
    const reported = await report(r.id, { reportedAt: REPORTED });
    expect(reported).toMatchObject({ status: 'REPORTED', reportedAt: REPORTED, decisionDueAt: '2026-11-30T01:00:00.000Z', clockRuleVersion: { id: expect.any(String) } });
    // Now (Sunday 10:00) is 15 hours before the due time: not yet warned (12 hours before).
    expect(reported.clock).toEqual({ step: 'DECISION', dueAt: '2026-11-30T01:00:00.000Z', warnFrom: '2026-11-29T13:00:00.000Z', dueSoon: false, overdue: false });
    clock.set(at('2026-11-29T13:00:00Z'));
    expect((await one(r.id))!.clock).toMatchObject({ dueSoon: true, overdue: false });
    // The head decides exactly at the due time: met; the transfer falls due 24 hours later.
    clock.set(at('2026-11-30T01:00:00Z'));
    const decided = await stepped(office, 'decideCriminalReferral', 'DecideCriminalReferralInput', r.id, { decision: 'TRANSFER' });
    expect(decided).toMatchObject({ status: 'DECIDED', decision: 'TRANSFER', decidedAt: '2026-11-30T01:00:00.000Z', decisionOnTime: true, transferDueAt: '2026-12-01T01:00:00.000Z', clockMissed: false, clock: { step: 'TRANSFER', overdue: false } });
    clock.set(at('2026-12-01T01:00:00Z'));
    const transferred = await stepped(zhifa, 'transferCriminalReferral', 'TransferCriminalReferralInput', r.id, { policeOrgan: '重庆市南川区公安局', procuratorate: '重庆市南川区人民检察院' });
    expect(transferred).toMatchObject({ status: 'TRANSFERRED', transferOnTime: true, answerDueAt: '2026-12-04T01:00:00.000Z', clock: { step: 'ANSWER' } });
    clock.set(at('2026-12-04T01:00:00Z'));
    const answered = await stepped(zhifa, 'recordCriminalReferralAnswer', 'RecordCriminalReferralAnswerInput', r.id, { answer: 'FILED', note: '南公（刑）立字〔2026〕118号' });
    expect(answered).toMatchObject({ status: 'ANSWERED', policeAnswer: 'FILED', answerOnTime: true, clock: null, clockMissed: false });
    const closed = await stepped(zhifa, 'closeCriminalReferral', 'CloseCriminalReferralInput', r.id);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: '2026-12-04T01:00:00.000Z' });
    const docs = (await ok(office, `query($id: UUID!) { criminalReferral(id: $id) { documents(first: 5) { edges { node { kind number } } } } }`, { id: r.id }))['criminalReferral'].documents.edges.map((e: any) => e.node);
    expect(docs.map((d: any) => d.kind)).toEqual(['CRIMINAL_REFERRAL_REPORT', 'CRIMINAL_CASE_TRANSFER']);
    expect(docs[0].number).toMatch(/移报/);
    expect(docs[1].number).toMatch(/移送/);
    // Audit entries of every step.
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action LIKE 'enforcement.referral.%'`, [r.id])).toBe(6);
  });

  it('misses each clock one millisecond after its due time, and shows a running clock past due as missed', async () => {
    const r = await flagged(LVYUAN, ['FORCED_RISKY_WORK'], '2026-11-20T00:00:00Z');
    const REPORTED = '2026-11-20T01:00:00.000Z';
    await report(r.id, { reportedAt: REPORTED });
    // Not decided within three days: the running clock is past due.
    expect(await one(r.id)).toMatchObject({ clockMissed: true, clock: { step: 'DECISION', overdue: true } });
    const missedIds = async (missed: boolean) =>
      (await ok(office, `query($m: Boolean!) { criminalReferrals(first: 50, filter: { clockMissed: $m }) { edges { node { id } } } }`, { m: missed }))['criminalReferrals'].edges.map((e: any) => e.node.id);
    expect(await missedIds(true)).toContain(r.id);
    expect(await missedIds(false)).not.toContain(r.id);
    const decided = await stepped(office, 'decideCriminalReferral', 'DecideCriminalReferralInput', r.id, { decision: 'TRANSFER', decidedAt: plus(REPORTED, 72 * HOUR + 1) });
    expect(decided).toMatchObject({ decisionOnTime: false, clockMissed: true });
    const transferred = await stepped(zhifa, 'transferCriminalReferral', 'TransferCriminalReferralInput', r.id, { policeOrgan: '重庆市南川区公安局', procuratorate: '重庆市南川区人民检察院', transferredAt: plus(decided.decidedAt, 24 * HOUR + 1) });
    expect(transferred).toMatchObject({ transferOnTime: false });
    const answered = await stepped(zhifa, 'recordCriminalReferralAnswer', 'RecordCriminalReferralAnswerInput', r.id, { answer: 'NOT_FILED', note: '不符合立案追诉标准', answeredAt: plus(transferred.transferredAt, 72 * HOUR + 1) });
    expect(answered).toMatchObject({ answerOnTime: false, clockMissed: true });
  });

  it('refuses a report by fewer than two enforcers, a decision by one of them or without a person, a NOT_TRANSFER without reasons, a transfer after NOT_TRANSFER, and steps out of order', async () => {
    const r = await flagged(LVYUAN, ['UNLICENSED_HIGH_RISK_WORK']);
    expect(fieldsOf(await step(zhifa, 'reportCriminalReferral', 'ReportCriminalReferralInput', r.id, { enforcerPersonIds: [STAFF1], suspectedOffence: '危险作业罪', summary: '无证作业' }))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds', rule: 'enforcers' })]);
    expect(fieldsOf(await step(zhifa, 'reportCriminalReferral', 'ReportCriminalReferralInput', r.id, { enforcerPersonIds: [STAFF1, STAFF1], suspectedOffence: '危险作业罪', summary: '无证作业' }))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds', rule: 'enforcers' })]);
    expect(fieldsOf(await step(zhifa, 'reportCriminalReferral', 'ReportCriminalReferralInput', r.id, { enforcerPersonIds: [STAFF1, STAFF2], suspectedOffence: '危险作业罪', summary: '无证作业', reportedAt: '2030-01-01T00:00:00Z' }))).toEqual([expect.objectContaining({ field: 'input.reportedAt', rule: 'notFuture' })]);
    expect(fieldsOf(await step(office, 'decideCriminalReferral', 'DecideCriminalReferralInput', r.id, { decision: 'TRANSFER' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // An account of the office linked to staff-2, one of the enforcers: someone else decides.
    await report(r.id);
    const admin = await t.as('admin');
    const user = await mutated(admin, 'createUser', 'CreateUserInput', { username: 'referral-decider', password: 'nanping2025', displayName: '执法队员兼负责人', personId: STAFF2, organizationId: TOWN }, 'id');
    const role = (await ok(admin, `{ roles(first: 100) { edges { node { id code } } } }`))['roles'].edges.map((e: any) => e.node).find((x: any) => x.code === 'town-safety-office').id;
    await mutated(admin, 'assignRole', 'AssignRoleInput', { principalKind: 'USER', principalId: user.id, roleId: role, organizationId: TOWN }, 'id');
    const colleague = await t.as('referral-decider');
    expect(fieldsOf(await step(colleague, 'decideCriminalReferral', 'DecideCriminalReferralInput', r.id, { decision: 'TRANSFER' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'independentDecider' })]);
    // The platform administrator's account is linked to no person.
    expect(fieldsOf(await step(admin, 'decideCriminalReferral', 'DecideCriminalReferralInput', r.id, { decision: 'TRANSFER' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'independentDecider' })]);
    // Inspectors may not decide.
    const other = await flagged(LVYUAN, ['KNOWN_MAJOR_HAZARD_CONTINUED']);
    await report(other.id);
    expect(errorOf(await step(zhifa, 'decideCriminalReferral', 'DecideCriminalReferralInput', other.id, { decision: 'TRANSFER' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(fieldsOf(await step(office, 'decideCriminalReferral', 'DecideCriminalReferralInput', other.id, { decision: 'NOT_TRANSFER' }))).toEqual([expect.objectContaining({ field: 'input.reason', rule: 'reasonRequired' })]);
    const refused = await stepped(office, 'decideCriminalReferral', 'DecideCriminalReferralInput', other.id, { decision: 'NOT_TRANSFER', reason: '情节显著轻微，不构成犯罪' });
    expect(refused).toMatchObject({ status: 'DECIDED', decision: 'NOT_TRANSFER', transferDueAt: null, clock: null, decisionOnTime: true });
    expect(fieldsOf(await step(zhifa, 'transferCriminalReferral', 'TransferCriminalReferralInput', other.id, { policeOrgan: '南川区公安局', procuratorate: '南川区人民检察院' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'decision' })]);
    expect(await stepped(zhifa, 'closeCriminalReferral', 'CloseCriminalReferralInput', other.id)).toMatchObject({ status: 'CLOSED' });
    // A stale version is a conflict.
    expect(errorOf(await mutation(zhifa, 'closeCriminalReferral', 'CloseCriminalReferralInput', { id: other.id, version: 1 }, 'id'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('dismisses a flag with its reason (the head only); the same reasons do not reopen it, a new one opens a new referral', async () => {
    const c = await fileCase(LVYUAN, ['MONITORING_EQUIPMENT_DISABLED']);
    const [r] = await ofCase(c.id);
    expect(errorOf(await step(zhifa, 'dismissCriminalReferral', 'DismissCriminalReferralInput', r!.id, { reason: '设备检修停用，非故意关闭' }))).toMatchObject({ code: 'FORBIDDEN' });
    const dismissed = await stepped(office, 'dismissCriminalReferral', 'DismissCriminalReferralInput', r!.id, { reason: '设备检修停用，非故意关闭' });
    expect(dismissed).toMatchObject({ status: 'DISMISSED', dismissReason: '设备检修停用，非故意关闭', dismissedAt: NOW.toISOString() });
    expect(fieldsOf(await step(zhifa, 'reportCriminalReferral', 'ReportCriminalReferralInput', r!.id, { enforcerPersonIds: [STAFF1, STAFF2], suspectedOffence: '危险作业罪', summary: '再报' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    const set = async (criminalIndicators: string[]) => {
      const current = (await ok(office, `query($id: UUID!) { penaltyCase(id: $id) { version } }`, { id: c.id }))['penaltyCase'];
      return mutated(zhifa, 'setPenaltyCaseCriminalIndicators', 'SetPenaltyCaseIndicatorsInput', { id: c.id, version: current.version, criminalIndicators }, 'id');
    };
    await set([]);
    await set(['MONITORING_EQUIPMENT_DISABLED']);
    expect((await ofCase(c.id)).map((x) => x.status)).toEqual(['DISMISSED']);
    await set(['MONITORING_EQUIPMENT_DISABLED', 'FORCED_RISKY_WORK']);
    const after = await ofCase(c.id);
    // The new referral holds the reason raised anew (the dismissed one keeps its own).
    expect(after.map((x) => [x.status, x.reasons])).toEqual(expect.arrayContaining([['DISMISSED', ['MONITORING_EQUIPMENT_DISABLED']], ['FLAGGED', ['FORCED_RISKY_WORK']]]));
    expect(after).toHaveLength(2);
  });

  it('keeps referrals within scope: a village sees those of its enterprises, an enterprise none, out of scope answers like missing', async () => {
    const mine = await flagged(LVYUAN, ['MONITORING_DATA_TAMPERED']);
    const theirs = await flagged(DESHENG, ['MONITORING_DATA_TAMPERED']);
    const ids = async (client: GraphQLClient) => (await ok(client, `{ criminalReferrals(first: 100) { edges { node { id organizationId } } } }`))['criminalReferrals'].edges.map((e: any) => e.node);
    const seen = await ids(wenfeng);
    expect(seen.map((n: any) => n.id)).toContain(mine.id);
    expect(seen.map((n: any) => n.id)).not.toContain(theirs.id);
    expect(await one(theirs.id, wenfeng)).toBeNull();
    expect(errorOf(await sinopec(`{ criminalReferrals(first: 5) { edges { node { id } } } }`))).toMatchObject({ code: 'FORBIDDEN' });
    // Not even through node(nodeId:).
    const nodeId = (await ok(office, `query($id: UUID!) { criminalReferral(id: $id) { nodeId } }`, { id: theirs.id }))['criminalReferral'].nodeId;
    expect((await ok(wenfeng, `query($n: ID!) { node(nodeId: $n) { ... on CriminalReferral { id } } }`, { n: nodeId }))['node']).toBeNull();
    // A village officer may not report or decide.
    expect(errorOf(await step(wenfeng, 'reportCriminalReferral', 'ReportCriminalReferralInput', mine.id, { enforcerPersonIds: [STAFF1, STAFF2], suspectedOffence: '危险作业罪', summary: '越权' }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('seeds the 金星铸造厂 referral through the whole procedure on time, with its documents; the other accidents over the thresholds stay flagged', async () => {
    const seeded = (await ok(office, `{ criminalReferrals(first: 50, filter: { statuses: [CLOSED] }) { edges { node { ${FIELDS} accidentInvestigation { id } documents(first: 5) { edges { node { kind number } } } } } } }`))['criminalReferrals'].edges
      .map((e: any) => e.node)
      .find((n: any) => n.accidentInvestigation !== null);
    expect(seeded).toMatchObject({
      status: 'CLOSED',
      reasons: ['DEATHS', 'DIRECT_LOSS'],
      reportedAt: '2026-06-08T02:00:00.000Z',
      decisionDueAt: '2026-06-11T02:00:00.000Z',
      decisionOnTime: true,
      transferDueAt: '2026-06-11T01:00:00.000Z',
      transferOnTime: true,
      policeAnswer: 'FILED',
      answerOnTime: true,
      clockMissed: false,
    });
    expect(seeded.documents.edges.map((e: any) => e.node.kind)).toEqual(['CRIMINAL_REFERRAL_REPORT', 'CRIMINAL_CASE_TRANSFER']);
    const flaggedFromAccidents = (await ok(office, `{ criminalReferrals(first: 50, filter: { statuses: [FLAGGED] }) { edges { node { accidentInvestigationId reasons } } } }`))['criminalReferrals'].edges.filter((e: any) => e.node.accidentInvestigationId);
    expect(flaggedFromAccidents.length).toBeGreaterThan(0);
  });

  it('pages losslessly in both directions, in every order', async () => {
    await flagged(LVYUAN, ['MONITORING_DATA_TAMPERED']);
    await flagged(DESHENG, ['MONITORING_DATA_TAMPERED']);
    const total = (await ok(office, `{ criminalReferrals(first: 1) { totalCount } }`))['criminalReferrals'].totalCount;
    expect(total).toBeGreaterThanOrEqual(2);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { criminalReferrals(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['criminalReferrals'], 1, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { criminalReferrals(orderBy: [{ field: STATUS }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['criminalReferrals'], 2, total);
  });

  it('evaluates enforcement.referrals-on-time: referrals meeting every clock reached ÷ those that reached the decision', async () => {
    const value = async () =>
      (await ok(office, `query($o: UUID!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2026-12-31", filter: { codes: ["enforcement.referrals-on-time"] }) { edges { node { numerator denominator } } } }`, { o: org('village-wenfeng') }))[
        'indicatorValues'
      ].edges[0].node;
    const before = await value();
    const a = await flagged(LVYUAN, ['MONITORING_DATA_TAMPERED'], '2026-11-28T00:00:00Z');
    await report(a.id, { reportedAt: '2026-11-28T01:00:00.000Z' });
    // Reported, decision clock still running: not counted yet.
    expect(await value()).toEqual(before);
    await stepped(office, 'decideCriminalReferral', 'DecideCriminalReferralInput', a.id, { decision: 'NOT_TRANSFER', reason: '不构成犯罪' });
    expect(await value()).toEqual({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
    const b = await flagged(LVYUAN, ['FORCED_RISKY_WORK'], '2026-11-20T00:00:00Z');
    await report(b.id, { reportedAt: '2026-11-20T01:00:00.000Z' });
    // Past due without a decision: counted as missed.
    expect(await value()).toEqual({ numerator: before.numerator + 1, denominator: before.denominator + 2 });
  });
});
