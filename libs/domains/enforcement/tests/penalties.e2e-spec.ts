import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { accidentIncidentSeedId, enforcementItemSeedId, inspectionSeedId, lawArticleSeedId, penaltyCaseSeedId } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const item = (code: string) => enforcementItemSeedId('2025-07', code);
const [TRAINING, INSURANCE, FLIGHT] = [item('YJ-CF-003'), item('YJ-CF-006'), item('YJ-CF-008')];
const person = (key: string) => seedId(`person:${key}`);
const [STAFF1, STAFF2, STAFF3] = ['staff-1', 'staff-2', 'staff-3'].map((k) => person(`person-dept-enforcement-${k}`));
const SAFETY_HEAD = person('person-dept-safety-head');
const org = (key: string) => seedId(`org:${key}`);
const lead = (enterprise: string) => person(`person-${enterprise}-lead`);
const WSL = (n: number) => lawArticleSeedId('work-safety-law-2021', n);

const LINE = 'id version position subjectKind personId personRole amountYuan incomePercent incomeYuan incomeEvidence personIdNumber reason';
type Band = { id: string; subject: string; level: string };

/**
 * Penalty lines, on-the-spot penalties and payments (issue 20): band bounds, income-based amounts to
 * the fen, the 一案双罚 warning on and off, 首违不罚, 一事不再罚 within a case and across cases of the
 * same act, the hearing threshold, the late-payment surcharge capped at the fine, on-the-spot limits
 * at their boundaries, masking of personal income with an audited read, and enterprise scope.
 * Decided and served states are set in SQL (the cases part's workflow is tested in cases.e2e-spec.ts).
 */
describe('penalties (一案双罚, 当场处罚, 罚款缴纳)', () => {
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let sinopec: GraphQLClient;
  const bands = new Map<string, Band[]>();
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('sinopec-nanping')]);
    for (const id of [TRAINING, INSURANCE, FLIGHT]) {
      const data = await dataOf(office, `query($id: UUID!) { enforcementItem(id: $id) { discretionBands(first: 20) { edges { node { id subject level } } } } }`, { id });
      bands.set(id, data['enforcementItem'].discretionBands.edges.map((e: any) => e.node));
    }
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const band = (itemId: string, subject: string, level: string): string => bands.get(itemId)!.find((b) => b.subject === subject && b.level === level)!.id;
  const CASE = { legalSubjectId: TOWN, cause: '未按规定对从业人员进行安全生产教育和培训', facts: '检查发现该单位3名新入职员工未经安全培训即上岗作业。', enforcerPersonIds: [STAFF1, STAFF2], harmToLifeOrHealth: false, actEndedOn: '2026-11-01' };
  const filed = async (enterprise: string, itemId = TRAINING, extra: Record<string, unknown> = {}): Promise<{ id: string; code: string }> =>
    mutated(office, 'filePenaltyCase', 'FilePenaltyCaseInput', { ...CASE, enforcementItemId: itemId, enterpriseId: org(enterprise), ...extra }, 'id code');
  const add = (input: Record<string, unknown>, client = zhifa) => mutation(client, 'addPenaltyLine', 'AddPenaltyLineInput', { lawArticleIds: [WSL(97)], reason: '裁量测试', ...input }, LINE);
  const added = async (input: Record<string, unknown>, client = zhifa) => {
    const res = await add(input, client);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['addPenaltyLine'];
  };
  const unitLine = (caseId: string, amountYuan: string, level = 'MINOR', itemId = TRAINING) => ({ caseId, subjectKind: 'UNIT', bandId: band(itemId, 'UNIT', level), amountYuan });
  const caseFields = async (id: string, fields: string, client = office) => (await dataOf(client, `query($id: UUID!) { penaltyCase(id: $id) { ${fields} } }`, { id }))['penaltyCase'];
  /** Sets a case decided with a penalty (and served, with the payment due day) in SQL. */
  const decide = (id: string, on: string) => db(`UPDATE enforcement_case SET status = 'DECIDED', decided_on = $2, decision = 'PENALTY', decider_person_id = $3, service_due_on = $2 WHERE id = $1`, [id, on, SAFETY_HEAD]);
  const serve = (id: string, on: string, dueOn: string) => db(`UPDATE enforcement_case SET status = 'SERVED', served_on = $2, service_method = 'DIRECT', payment_due_on = $3 WHERE id = $1`, [id, on, dueOn]);

  it('holds a line within its band (both ends), to the case\'s item and the line\'s subject, writing nothing when refused', async () => {
    const c = await filed('ent-jinfo-hotel');
    const refused = async (input: Record<string, unknown>) => fieldsOf(await add(input));
    expect(await refused(unitLine(c.id, '20000.01'))).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'amountInBand' })]);
    expect(await refused({ ...unitLine(c.id, '100000.00'), bandId: band(INSURANCE, 'UNIT', 'GENERAL') })).toEqual([expect.objectContaining({ field: 'input.bandId', rule: 'band' })]);
    expect(await refused({ caseId: c.id, subjectKind: 'UNIT', bandId: band(TRAINING, 'PERSON', 'GRAVE'), amountYuan: '20000' })).toEqual([expect.objectContaining({ field: 'input.bandId', rule: 'band' })]);
    expect(await refused({ ...unitLine(c.id, '1000'), personId: lead('ent-jinfo-hotel') })).toEqual([expect.objectContaining({ field: 'input.personId', rule: 'party' })]);
    expect(await refused({ caseId: c.id, subjectKind: 'UNIT', bandId: band(TRAINING, 'UNIT', 'MINOR') })).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'required' })]);
    expect((await db(`SELECT count(*)::int AS n FROM enforcement_penalty_line WHERE case_id = $1`, [c.id]))[0].n).toBe(0);
    expect(await added(unitLine(c.id, '20000.00'))).toMatchObject({ position: 1, subjectKind: 'UNIT', amountYuan: '20000.00', personId: null, incomeYuan: null });
    // Changing the band to GENERAL keeps 20000.00 (its lower end); 50000.01 is above it.
    const [line] = (await caseFields(c.id, `penaltyLines { edges { node { ${LINE} } } }`)).penaltyLines.edges.map((e: any) => e.node);
    const changed = await mutated(zhifa, 'updatePenaltyLine', 'UpdatePenaltyLineInput', { id: line.id, version: line.version, bandId: band(TRAINING, 'UNIT', 'GENERAL'), amountYuan: '20000' }, LINE);
    expect(changed).toMatchObject({ amountYuan: '20000.00', version: 2 });
    expect(fieldsOf(await mutation(zhifa, 'updatePenaltyLine', 'UpdatePenaltyLineInput', { id: line.id, version: 2, amountYuan: '50000.01' }, LINE))).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'amountInBand' })]);
    // Removed before the decision: gone, audited under the case; a second removal finds nothing.
    expect(await mutated(zhifa, 'removePenaltyLine', 'RemovePenaltyLineInput', { id: line.id, version: 2 }, 'id amountYuan')).toEqual({ id: line.id, amountYuan: '20000.00' });
    expect((await caseFields(c.id, 'penaltyLines { totalCount }')).penaltyLines.totalCount).toBe(0);
    expect(errorOf(await mutation(zhifa, 'removePenaltyLine', 'RemovePenaltyLineInput', { id: line.id, version: 2 }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
    const audited = await db(`SELECT action, entity_type AS "type" FROM audit_log WHERE action LIKE 'enforcement.penalty-line.%' AND entity_id = ANY($1) ORDER BY occurred_at, action`, [[c.id, line.id]]);
    expect(audited).toEqual([
      { action: 'enforcement.penalty-line.add', type: 'PenaltyCase' },
      { action: 'enforcement.penalty-line.update', type: 'PenaltyLine' },
      { action: 'enforcement.penalty-line.remove', type: 'PenaltyCase' },
    ]);
  });

  it('computes an income-based amount exactly and requires the income, its evidence and a percentage within the band', async () => {
    const c = await filed('ent-jinxing-foundry', FLIGHT, { cause: '事故迟报', facts: '主要负责人迟报事故。' });
    const base = { caseId: c.id, subjectKind: 'PERSON', personId: lead('ent-jinxing-foundry'), personRole: 'PRINCIPAL', bandId: band(FLIGHT, 'PERSON', 'GENERAL'), lawArticleIds: [WSL(110)] };
    expect(fieldsOf(await add({ ...base, incomeYuan: '123456.78', incomePercent: 60 }))).toEqual([expect.objectContaining({ field: 'input.incomeEvidence', rule: 'incomeBasis' })]);
    expect(fieldsOf(await add({ ...base, incomeYuan: '123456.78', incomeEvidence: '2025年度个人所得税纳税记录', incomePercent: 59 }))).toEqual([expect.objectContaining({ field: 'input.incomePercent', rule: 'amountInBand' })]);
    expect(fieldsOf(await add({ ...base, amountYuan: '70000', incomeYuan: '123456.78', incomeEvidence: '纳税记录', incomePercent: 60 }))).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'incomeBasis' })]);
    const line = await added({ ...base, incomeYuan: '123456.78', incomeEvidence: '2025年度个人所得税纳税记录', incomePercent: 60 });
    expect(line).toMatchObject({ amountYuan: '74074.07', incomePercent: 60 });
    const upper = await mutated(zhifa, 'updatePenaltyLine', 'UpdatePenaltyLineInput', { id: line.id, version: line.version, incomePercent: 80 }, LINE);
    expect(upper.amountYuan).toBe('98765.42');
    // A second line on the same person is refused (一事不再罚 within the case).
    expect(fieldsOf(await add({ ...base, incomeYuan: '1000', incomeEvidence: '纳税记录', incomePercent: 60 }))).toEqual([expect.objectContaining({ field: 'input.personId', rule: 'sameSubject' })]);
  });

  it('takes a band naming an accident grade only for a case linked to an accident of that grade', async () => {
    // Bands of 安全生产法 第九十五条 by grade (the seeded list has none): 一般 40 %, 较大 60 %.
    const [{ id: ordinary }] = await db(`INSERT INTO enforcement_discretion_band (item_id, subject, level, income_percent_min, income_percent_max, condition) VALUES ($1, 'PERSON', 'MINOR', 40, 40, '导致发生一般事故的') RETURNING id`, [FLIGHT]);
    const [{ id: larger }] = await db(`INSERT INTO enforcement_discretion_band (item_id, subject, level, income_percent_min, income_percent_max, condition) VALUES ($1, 'PERSON', 'SERIOUS', 60, 60, '导致发生较大事故的') RETURNING id`, [FLIGHT]);
    const [accident] = await db(`SELECT a.id, a.grade FROM accident_investigation a WHERE a.incident_id = $1`, [accidentIncidentSeedId('jinxing-burn')]);
    expect(accident.grade).toBe('LARGER');
    const c = await filed('ent-jinxing-foundry', FLIGHT, { cause: '主要负责人未履行职责导致事故', facts: '熔炼车间灼烫事故。' });
    await db(`UPDATE enforcement_case SET accident_investigation_id = $2 WHERE id = $1`, [c.id, accident.id]);
    const base = { caseId: c.id, subjectKind: 'PERSON', personId: lead('ent-jinxing-foundry'), personRole: 'PRINCIPAL', lawArticleIds: [WSL(95)], incomeYuan: '300000', incomeEvidence: '2025年度工资薪金个人所得税完税证明' };
    expect(fieldsOf(await add({ ...base, bandId: ordinary, incomePercent: 40 }))).toEqual([expect.objectContaining({ field: 'input.bandId', rule: 'accidentGrade' })]);
    const line = await added({ ...base, bandId: larger, incomePercent: 60 });
    expect(line.amountYuan).toBe('180000.00');
    expect((await caseFields(c.id, 'penaltyLines { edges { node { accidentGrade } } }')).penaltyLines.edges[0].node.accidentGrade).toBe('LARGER');
  });

  it('masks income, its evidence and the ID number without read-personal and audits the read with it', async () => {
    const c = await filed('ent-xintai-aluminium', FLIGHT, { cause: '事故迟报', facts: '主要负责人迟报事故。' });
    const line = await added({ caseId: c.id, subjectKind: 'PERSON', personId: lead('ent-xintai-aluminium'), personRole: 'PRINCIPAL', bandId: band(FLIGHT, 'PERSON', 'GRAVE'), lawArticleIds: [WSL(110)], incomeYuan: '200000', incomeEvidence: '单位工资发放记录', incomePercent: 100 });
    // The inspector (enforcement.case:read, not read-personal) sees the amount, not the income.
    const asInspector = (await caseFields(c.id, `penaltyLines { edges { node { amountYuan incomeYuan incomeEvidence personIdNumber } } }`, zhifa)).penaltyLines.edges[0].node;
    expect(asInspector).toEqual({ amountYuan: '200000.00', incomeYuan: null, incomeEvidence: null, personIdNumber: null });
    const audited = async () => (await db(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'kernel.sensitive.read' AND entity_type = 'PenaltyLine' AND entity_id = $1`, [line.id]))[0].n as number;
    expect(await audited()).toBe(0);
    const asOffice = (await caseFields(c.id, `penaltyLines { edges { node { incomeYuan incomeEvidence personIdNumber } } }`)).penaltyLines.edges[0].node;
    expect(asOffice).toMatchObject({ incomeYuan: '200000.00', incomeEvidence: '单位工资发放记录' });
    expect(asOffice.personIdNumber).toMatch(/^\d{17}[\dX]$/);
    expect(await audited()).toBe(1);
  });

  it('warns of 一案双罚 while a unit line has no person line where the item provides one, and not otherwise', async () => {
    const c = await filed('ent-hongfa-quarry');
    const warnings = async (id: string) => (await caseFields(id, 'penaltyWarnings { kind message }')).penaltyWarnings;
    expect(await warnings(c.id)).toEqual([]);
    await added(unitLine(c.id, '150000', 'GRAVE'));
    expect(await warnings(c.id)).toEqual([expect.objectContaining({ kind: 'PERSON_LINE_MISSING' })]);
    await added({ caseId: c.id, subjectKind: 'PERSON', personId: lead('ent-hongfa-quarry'), personRole: 'RESPONSIBLE_SUPERVISOR', bandId: band(TRAINING, 'PERSON', 'GRAVE'), amountYuan: '20000' });
    expect(await warnings(c.id)).toEqual([]);
    expect(fieldsOf(await add(unitLine(c.id, '150000', 'GRAVE')))).toEqual([expect.objectContaining({ field: 'input.subjectKind', rule: 'sameSubject' })]);
    // The item of 安责险 (安全生产法 第一百零九条) has no person band: no warning.
    const insurance = await filed('ent-dashi-stone', INSURANCE, { cause: '未投保安全生产责任保险', facts: '未投保。' });
    await added({ ...unitLine(insurance.id, '60000', 'GENERAL', INSURANCE), lawArticleIds: [WSL(97)] });
    expect(await warnings(insurance.id)).toEqual([]);
    // The summary: two lines, the person's 20000 reaches the person threshold (≥ 20,000): a hearing is offered.
    const summary = (await caseFields(c.id, 'penaltySummary { lineCount unitLines personLines totalFineYuan hearingRequired problems { field rule } }')).penaltySummary;
    expect(summary).toEqual({ lineCount: 2, unitLines: 1, personLines: 1, totalFineYuan: '170000.00', hearingRequired: true, problems: [] });
    expect((await caseFields(insurance.id, 'penaltySummary { hearingRequired }')).penaltySummary.hearingRequired).toBe(true);
  });

  it('offers a hearing from 50,000 yuan on a unit, not below', async () => {
    const c = await filed('ent-fengxiang-liquor');
    await added(unitLine(c.id, '49999.99', 'GENERAL'));
    expect((await caseFields(c.id, 'penaltySummary { hearingRequired totalFineYuan }')).penaltySummary).toEqual({ hearingRequired: false, totalFineYuan: '49999.99' });
    const [line] = (await caseFields(c.id, 'penaltyLines { edges { node { id version } } }')).penaltyLines.edges.map((e: any) => e.node);
    await mutated(zhifa, 'updatePenaltyLine', 'UpdatePenaltyLineInput', { id: line.id, version: line.version, amountYuan: '50000' }, 'id');
    expect((await caseFields(c.id, 'penaltySummary { hearingRequired }')).penaltySummary.hearingRequired).toBe(true);
  });

  it('tells a first offence of the item, until an earlier penalty on the party for that item lies within the period', async () => {
    const c = await filed('ent-lisheng-cement');
    const first = async () => (await caseFields(c.id, 'firstOffence { firstOffence since priorCaseCode priorOnTheSpotNumber }')).firstOffence;
    expect(await first()).toEqual({ firstOffence: true, since: '2024-11-29', priorCaseCode: null, priorOnTheSpotNumber: null });
    const earlier = await filed('ent-lisheng-cement', TRAINING, { actEndedOn: '2026-10-01', filedOn: '2026-10-10' });
    await added(unitLine(earlier.id, '10000'));
    await decide(earlier.id, '2026-11-10');
    expect(await first()).toMatchObject({ firstOffence: false, priorCaseCode: earlier.code });
    // An on-the-spot penalty on the organization for an item of the same code counts too (the seeded one of 2026-11-02).
    const grocery = await filed('ent-shunfa-grocery', item('YJ-CF-005'), { cause: '未消除事故隐患', facts: '电动自行车违规充电。', actEndedOn: '2026-11-20' });
    expect((await caseFields(grocery.id, 'firstOffence { firstOffence priorCaseCode priorOnTheSpotNumber }')).firstOffence).toMatchObject({ firstOffence: false, priorCaseCode: null, priorOnTheSpotNumber: expect.stringMatching(/简罚\d+号$/) });
  });

  it('evaluates the 一案双罚 rate over cases decided with a penalty whose item provides a person line', async () => {
    const c = await filed('ent-fengshou-rice');
    await added(unitLine(c.id, '30000', 'GENERAL'));
    await added({ caseId: c.id, subjectKind: 'PERSON', personId: lead('ent-fengshou-rice'), personRole: 'RESPONSIBLE_SUPERVISOR', bandId: band(TRAINING, 'PERSON', 'GRAVE'), amountYuan: '20000' });
    await decide(c.id, '2026-11-27');
    const rate = async (enterprise: string) =>
      (await dataOf(office, `query($o: UUID!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2026-12-31", filter: { codes: ["enforcement.dual-penalty-rate"] }) { edges { node { numerator denominator } } } }`, { o: org(enterprise) }))[
        'indicatorValues'
      ].edges.map((e: any) => e.node);
    expect(await rate('ent-fengshou-rice')).toEqual([{ numerator: 1, denominator: 1 }]);
    // The seeded served case of 第九十七条 fined the unit only.
    expect(await rate('ent-fengxiang-liquor')).toEqual([{ numerator: 0, denominator: 1 }]);
  });

  it('refuses a fine on the same party for the same act once another case decided one (一事不再罚), and freezes lines from the decision', async () => {
    const inspection = inspectionSeedId('2025-sinopec-nanping-routine');
    const one = await filed('ent-sinopec-nanping');
    const two = await filed('ent-sinopec-nanping');
    await db(`UPDATE enforcement_case SET inspection_id = $2 WHERE id = ANY($1)`, [[one.id, two.id], inspection]);
    await added(unitLine(one.id, '10000'));
    await decide(one.id, '2026-11-20');
    expect(fieldsOf(await add(unitLine(two.id, '10000')))).toEqual([expect.objectContaining({ field: 'input.subjectKind', rule: 'sameActFined' })]);
    // A person not fined in the other case may still be.
    await added({ caseId: two.id, subjectKind: 'PERSON', personId: lead('ent-sinopec-nanping'), personRole: 'RESPONSIBLE_SUPERVISOR', bandId: band(TRAINING, 'PERSON', 'GRAVE'), amountYuan: '20000' });
    expect(fieldsOf(await add({ caseId: one.id, subjectKind: 'PERSON', personId: lead('ent-sinopec-nanping'), personRole: 'PRINCIPAL', bandId: band(TRAINING, 'PERSON', 'GRAVE'), amountYuan: '20000' }))).toEqual([
      expect.objectContaining({ field: 'input.caseId', rule: 'caseState' }),
    ]);
    // The enterprise sees its own case's lines, but may not change them; another enterprise's case is not there for it.
    expect((await caseFields(one.id, 'penaltyLines { edges { node { amountYuan incomeYuan } } }', sinopec)).penaltyLines.edges).toEqual([{ node: { amountYuan: '10000.00', incomeYuan: null } }]);
    expect(errorOf(await add(unitLine(two.id, '10000'), sinopec))).toMatchObject({ code: 'FORBIDDEN' });
    const other = await filed('ent-jinlong-gas-station');
    expect(await caseFields(other.id, 'id', sinopec)).toBeNull();
  });

  it('accrues the late-payment surcharge at 3 % a day of the unpaid fine from the day after the due day, capped at the fine', async () => {
    const c = await filed('ent-desheng-concrete');
    await added(unitLine(c.id, '10000'));
    await decide(c.id, '2026-09-01');
    await serve(c.id, '2026-09-02', '2026-09-17');
    const state = async (asOf: string) => (await dataOf(office, `query($id: UUID!, $asOf: LocalDate) { penaltyCase(id: $id) { paymentState(asOf: $asOf) { paymentDueOn fineYuan surchargeYuan surchargeDays dueYuan paidYuan outstandingYuan settled } } }`, { id: c.id, asOf }))['penaltyCase'].paymentState;
    expect(await state('2026-09-17')).toMatchObject({ paymentDueOn: '2026-09-17', fineYuan: '10000.00', surchargeYuan: '0.00', settled: false });
    expect(await state('2026-09-18')).toMatchObject({ surchargeYuan: '300.00', surchargeDays: 1 });
    // 40 days late: 12,000 by the rate, capped at the fine.
    expect(await state('2026-10-27')).toMatchObject({ surchargeYuan: '10000.00', dueYuan: '20000.00', surchargeDays: 40 });
    // Paid in full 20 days late: 20 days × 300 = 6,000, and nothing more accrues afterwards.
    const pay = (amountYuan: string, paidOn: string, receiptNumber: string) => mutation(zhifa, 'recordPenaltyPayment', 'RecordPenaltyPaymentInput', { caseId: c.id, amountYuan, paidOn, receiptNumber }, 'id amountYuan paidOn');
    expect(fieldsOf(await pay('16000.01', '2026-10-07', 'NS-2026-0001'))).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'overpaid' })]);
    expect((await pay('10000', '2026-10-07', 'NS-2026-0001')).body.errors).toBeUndefined();
    expect(fieldsOf(await pay('100', '2026-10-08', 'NS-2026-0001'))).toEqual([expect.objectContaining({ field: 'input.receiptNumber', rule: 'unique' })]);
    expect(await state('2026-11-29')).toMatchObject({ surchargeYuan: '6000.00', surchargeDays: 20, dueYuan: '16000.00', paidYuan: '10000.00', outstandingYuan: '6000.00', settled: false });
    expect((await pay('6000', '2026-11-20', 'NS-2026-0002')).body.errors).toBeUndefined();
    expect(await state('2026-11-29')).toMatchObject({ outstandingYuan: '0.00', settled: true });
    const audit = await db(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'enforcement.penalty-payment.record' AND entity_type = 'PenaltyCase' AND entity_id = $1`, [c.id]);
    expect(audit[0].n).toBe(2);
  });

  it('seeds the cases\' unit lines and payments: an overdue fine accruing, a late payment with its surcharge capped, a missing person line warned of', async () => {
    const seeded = (key: string) => penaltyCaseSeedId(key);
    const state = async (key: string) => (await caseFields(seeded(key), 'paymentState { paymentDueOn fineYuan surchargeYuan paidYuan outstandingYuan settled }')).paymentState;
    expect(await state('2026-fengxiang-training')).toEqual({ paymentDueOn: '2026-11-12', fineYuan: '10000.00', surchargeYuan: '5100.00', paidYuan: '0.00', outstandingYuan: '15100.00', settled: false });
    expect(await state('2026-longmen-hazard')).toMatchObject({ fineYuan: '15000.00', surchargeYuan: '15000.00', paidYuan: '15000.00', outstandingYuan: '15000.00', settled: false });
    expect(await state('2025-xiangrui-storage')).toMatchObject({ fineYuan: '50000.00', surchargeYuan: '0.00', settled: true });
    expect((await caseFields(seeded('2026-desheng-training'), 'penaltyWarnings { kind }')).penaltyWarnings).toEqual([{ kind: 'PERSON_LINE_MISSING' }]);
    expect((await caseFields(seeded('2026-desheng-training'), 'penaltySummary { lineCount totalFineYuan hearingRequired problems { field } }')).penaltySummary).toEqual({ lineCount: 1, totalFineYuan: '20000.00', hearingRequired: false, problems: [] });
    const spot = (await dataOf(office, `{ onTheSpotPenalties(first: 10, filter: { filedLate: true }) { edges { node { number partyName filedOn } } } }`))['onTheSpotPenalties'].edges.map((e: any) => e.node);
    expect(spot.map((n: any) => n.partyName)).toEqual(expect.arrayContaining(['南川区南平镇顺发便利店', '南川区南平镇香河豆制品加工坊']));
  });

  it('pages lines, payments and on-the-spot penalties losslessly, rows sharing one day, in both directions', async () => {
    const c = await filed('ent-yongxing-sand');
    await added(unitLine(c.id, '150000', 'GRAVE'));
    for (const who of ['ent-yongxing-sand', 'ent-hongsheng-brick', 'ent-fumin-brick']) {
      await added({ caseId: c.id, subjectKind: 'PERSON', personId: lead(who), personRole: 'OTHER_DIRECTLY_RESPONSIBLE', bandId: band(TRAINING, 'PERSON', 'GRAVE'), amountYuan: '20000' });
    }
    await decide(c.id, '2026-10-01');
    await serve(c.id, '2026-10-02', '2026-10-17');
    for (const n of [1, 2, 3]) await mutated(zhifa, 'recordPenaltyPayment', 'RecordPenaltyPaymentInput', { caseId: c.id, amountYuan: '1000', paidOn: '2026-10-10', receiptNumber: `PAGE-${n}` }, 'id');
    for (const list of ['penaltyLines', 'penaltyPayments']) {
      await expectPagedCompletely(office, `query($id: UUID!, ${PAGE_VARS}) { penaltyCase(id: $id) { ${list}(${PAGE_ARGS}) { ${walkedPage()} } } }`, { id: c.id }, ['penaltyCase', list], 1, list === 'penaltyLines' ? 4 : 3);
    }
    const total = (await dataOf(office, `{ onTheSpotPenalties(first: 1) { totalCount } }`))['onTheSpotPenalties'].totalCount as number;
    expect(total).toBeGreaterThan(2);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { onTheSpotPenalties(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['onTheSpotPenalties'], 1, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { onTheSpotPenalties(orderBy: [{ field: NUMBER }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['onTheSpotPenalties'], 2, total);
  });

  describe('on-the-spot penalties (当场处罚)', () => {
    const BASE = { legalSubjectId: TOWN, enforcementItemId: item('YJ-CF-005'), enterpriseId: org('ent-sinopec-nanping'), partyName: '张某', place: '加油站加油区', facts: '在加油区吸烟', lawArticleIds: [WSL(102)], enforcerPersonIds: [STAFF1, STAFF2] };
    const FIELDS = 'id version number kind fineYuan partyKind decidedOn filingDueOn filedOn filedLate document { kind number }';
    const impose = (input: Record<string, unknown>, client = zhifa) => mutation(client, 'imposeOnTheSpotPenalty', 'ImposeOnTheSpotPenaltyInput', { ...BASE, ...input }, FIELDS);

    it('holds fines to 200 yuan on a citizen and 3,000 on an organization, with two certified enforcers, and issues the numbered decision', async () => {
      expect(fieldsOf(await impose({ partyKind: 'CITIZEN', kind: 'FINE', fineYuan: '200.01' }))).toEqual([expect.objectContaining({ field: 'input.fineYuan', rule: 'onTheSpotLimit' })]);
      expect(fieldsOf(await impose({ partyKind: 'CITIZEN', kind: 'FINE', fineYuan: '201' }))).toEqual([expect.objectContaining({ field: 'input.fineYuan', rule: 'onTheSpotLimit' })]);
      expect(fieldsOf(await impose({ partyKind: 'ORGANIZATION', partyName: '加油站', kind: 'FINE', fineYuan: '3001' }))).toEqual([expect.objectContaining({ field: 'input.fineYuan', rule: 'onTheSpotLimit' })]);
      expect(fieldsOf(await impose({ partyKind: 'CITIZEN', kind: 'WARNING', fineYuan: '50' }))).toEqual([expect.objectContaining({ field: 'input.fineYuan', rule: 'onTheSpotLimit' })]);
      expect(fieldsOf(await impose({ partyKind: 'CITIZEN', kind: 'FINE', fineYuan: '200', enforcerPersonIds: [STAFF1] }))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds', rule: 'enforcers' })]);
      expect(fieldsOf(await impose({ partyKind: 'CITIZEN', kind: 'FINE', fineYuan: '200', enforcerPersonIds: [STAFF1, STAFF3] }))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds.1', rule: 'enforcers' })]);
      const citizen = (await impose({ partyKind: 'CITIZEN', kind: 'FINE', fineYuan: '200' })).body.data!['imposeOnTheSpotPenalty'];
      expect(citizen).toMatchObject({ fineYuan: '200.00', decidedOn: '2026-11-29', filingDueOn: '2026-12-04', filedOn: null, filedLate: false, document: { kind: 'ON_THE_SPOT_DECISION' } });
      expect(citizen.number).toMatch(/〔2026〕简罚\d+号$/);
      expect(citizen.document.number).toBe(citizen.number);
      const organization = (await impose({ partyKind: 'ORGANIZATION', partyName: '加油站', kind: 'FINE', fineYuan: '3000' })).body.data!['imposeOnTheSpotPenalty'];
      expect(organization.fineYuan).toBe('3000.00');
      // Filed late: after the due day.
      clock.set(new Date('2026-12-06T02:00:00Z'));
      expect((await dataOf(office, `query($id: UUID!) { onTheSpotPenalty(id: $id) { filedLate } }`, { id: citizen.id }))['onTheSpotPenalty'].filedLate).toBe(true);
      const filed = await mutated(zhifa, 'fileOnTheSpotPenalty', 'FileOnTheSpotPenaltyInput', { id: organization.id, version: organization.version, on: '2026-12-03' }, FIELDS);
      expect(filed).toMatchObject({ filedOn: '2026-12-03', filedLate: false });
      expect(fieldsOf(await mutation(zhifa, 'fileOnTheSpotPenalty', 'FileOnTheSpotPenaltyInput', { id: organization.id, version: filed.version }, FIELDS))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    });

    it('shows an enterprise its own on-the-spot penalties only and lets it decide none', async () => {
      const own = (await impose({ partyKind: 'ORGANIZATION', partyName: '加油站', kind: 'WARNING' })).body.data!['imposeOnTheSpotPenalty'];
      const other = (await impose({ partyKind: 'ORGANIZATION', partyName: '金龙加油站', kind: 'WARNING', enterpriseId: org('ent-jinlong-gas-station') })).body.data!['imposeOnTheSpotPenalty'];
      const q = `query($id: UUID!) { onTheSpotPenalty(id: $id) { id } }`;
      expect((await dataOf(sinopec, q, { id: own.id }))['onTheSpotPenalty']).toEqual({ id: own.id });
      expect((await dataOf(sinopec, q, { id: other.id }))['onTheSpotPenalty']).toBeNull();
      const listed = (await dataOf(sinopec, `{ onTheSpotPenalties(first: 50) { edges { node { id } } } }`))['onTheSpotPenalties'].edges.map((e: any) => e.node.id);
      expect(listed).toContain(own.id);
      expect(listed).not.toContain(other.id);
      expect(errorOf(await impose({ partyKind: 'ORGANIZATION', partyName: '加油站', kind: 'WARNING' }, sinopec))).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
