import pino from 'pino';
import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { ManualClock, isValidIdNumber, todayInChina } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '../src/index';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responseModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const NIL = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;
/** The shortest notice configured for this gateway (RELIEF_NOTICE_DAYS), not the default 5, to show the rule is read from the settings. */
const NOTICE_DAYS = 6;
/** Valid resident ID numbers (GB 11643 check characters). */
const HEAD_ID = '11010519491231002X';
const SPOUSE_ID = '500119198503021234';

const CASE = `id version organizationId householdId headName address kind incidentId basis requestedAmountYuan approvedAmountYuan paidAmountYuan outstandingYuan dueBy status
  noticeStartsOn noticeEndsOn rejectionReason paidInFullOn paidInFull paidOnTime overdue`;
const PAYMENT = `id caseId amountYuan paidOn payeeName payeeRelation payeeIdNumber accountReference method sensitiveMasked case { id status paidAmountYuan }`;

describe('relief to households (救灾救助)', () => {
  let t: TestGateway;
  let clock: ManualClock;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let jingfa: GraphQLClient;
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);
  const today = (offset = 0) => todayInChina(new Date(clock.now().getTime() + offset * DAY));

  beforeAll(async () => {
    clock = new ManualClock();
    t = await startTestGateway(MODULES, { seed: true, clock, env: { RELIEF_NOTICE_DAYS: String(NOTICE_DAYS) } });
    [office, wenfeng, shuanghe, jingfa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = CASE) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const ok = (res: GraphQLResponse, name: string) => {
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name];
  };
  const apply = async (input: Record<string, unknown> = {}, client = wenfeng) =>
    ok(await mutate(client, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, headName: '刘德兴', address: '文凤村3组', kind: 'EMERGENCY_PERIOD', basis: '灾情核报、入户调查', requestedAmountYuan: '1200', dueBy: today(30), ...input }), 'createReliefCase');
  const step = (client: GraphQLClient, name: string, input: Record<string, unknown>, inputType = 'ReliefStepInput') => mutate(client, name, inputType, input);
  const pay = (caseId: string, input: Record<string, unknown> = {}, client = office) =>
    mutate(client, 'recordReliefPayment', 'ReliefPaymentInput', { caseId, amountYuan: '400', paidOn: today(), payeeName: '刘德兴', payeeRelation: '本人', payeeIdNumber: HEAD_ID, accountReference: '6217995300001234567', method: 'BANK_TRANSFER', ...input }, PAYMENT);
  /** Walks new cases of 文凤村 to APPROVED together (one clock advance past the notice). */
  const approvedCases = async (amounts: string[], dueIn = 30, extra: Record<string, unknown> = {}): Promise<any[]> => {
    const cases = [];
    for (const amount of amounts) {
      let c = await apply({ requestedAmountYuan: amount, dueBy: today(dueIn + NOTICE_DAYS), ...extra });
      c = ok(await step(wenfeng, 'assessReliefCase', { id: c.id, version: c.version }), 'assessReliefCase');
      c = ok(await step(wenfeng, 'startReliefNotice', { id: c.id, version: c.version }, 'ReliefNoticeInput'), 'startReliefNotice');
      cases.push(c);
    }
    clock.advance(NOTICE_DAYS * DAY);
    const approved = [];
    for (const [i, c] of cases.entries()) {
      const reviewed = ok(await step(office, 'reviewReliefCase', { id: c.id, version: c.version }), 'reviewReliefCase');
      approved.push(ok(await step(office, 'approveReliefCase', { id: c.id, version: reviewed.version, approvedAmountYuan: amounts[i] }, 'ReliefApproveInput'), 'approveReliefCase'));
    }
    return approved;
  };
  const sensitiveReads = () =>
    sql<{ entity_type: string; entity_id: string | null; changes: any }>(`SELECT entity_type, entity_id, changes FROM audit_log WHERE action = 'kernel.sensitive.read' AND entity_type LIKE 'Relief%' ORDER BY occurred_at, id`);

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds nine cases in 文凤村 and 双河村 across kinds and states, with valid payees, deterministically and once', async () => {
    const rows = await sql<{ organization_id: string; status: string; n: number }>(`SELECT organization_id, status, count(*)::int AS n FROM relief_case GROUP BY 1, 2 ORDER BY 1, 2`);
    const byVillage = (org: string) => Object.fromEntries(rows.filter((r) => r.organization_id === org).map((r) => [r.status, r.n]));
    expect(byVillage(WENFENG)).toEqual({ APPLIED: 1, APPROVED: 2, NOTICE: 1, PAID: 1 });
    expect(byVillage(SHUANGHE)).toEqual({ APPROVED: 1, ASSESSED: 1, REJECTED: 1, REVIEWED: 1 });
    const payees = await sql<{ payee_id_number: string }>(`SELECT payee_id_number FROM relief_payment`);
    expect(payees).toHaveLength(4);
    for (const p of payees) expect(isValidIdNumber(p.payee_id_number)).toBe(true);
    // 文凤村's payment check: one partly paid, one overdue, one paid in full on time.
    const check = await office(`query($w: UUID!) { reliefPaymentCheck(filter: { withinSubtreeOf: $w }) { totalCount edges { node { caseId approvedAmountYuan paidAmountYuan outstandingYuan payments paidInFull paidOnTime overdue } } } }`, { w: WENFENG });
    const nodes = ok(check, 'reliefPaymentCheck').edges.map((e: any) => e.node);
    expect(nodes).toEqual([
      { caseId: seedId('rescue:relief:case:wenfeng-2'), approvedAmountYuan: '3600.00', paidAmountYuan: '3600.00', outstandingYuan: '0.00', payments: 2, paidInFull: true, paidOnTime: true, overdue: false },
      { caseId: seedId('rescue:relief:case:wenfeng-3'), approvedAmountYuan: '8000.00', paidAmountYuan: '5000.00', outstandingYuan: '3000.00', payments: 1, paidInFull: false, paidOnTime: false, overdue: true },
      { caseId: seedId('rescue:relief:case:wenfeng-1'), approvedAmountYuan: '1500.00', paidAmountYuan: '1000.00', outstandingYuan: '500.00', payments: 1, paidInFull: false, paidOnTime: false, overdue: false },
    ]);
    const rejected = ok(await office(`query($id: UUID!) { reliefCase(id: $id) { status rejectionReason steps { totalCount edges { node { action toStatus } } } } }`, { id: seedId('rescue:relief:case:shuanghe-1') }), 'reliefCase');
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.steps.edges.map((e: any) => e.node.action)).toEqual(['APPLY', 'ASSESS', 'START_NOTICE', 'REVIEW', 'REJECT']);

    const count = async () => (await sql<{ n: number }>(`SELECT (SELECT count(*) FROM relief_case) + (SELECT count(*) FROM relief_case_step) + (SELECT count(*) FROM relief_payment) AS n`))[0]!.n;
    const before = await count();
    await runSeeds(t.gateway.database.dataSource, MODULES, pino({ level: 'silent' }));
    expect(await count()).toBe(before);
    // From here on the tests keep cases of their own.
    await sql(`DELETE FROM relief_payment; DELETE FROM relief_case_step; DELETE FROM relief_case`);
  });

  it('enforces the approval path in order, the notice period by the clock, and who may take each step', async () => {
    const steps = ['rescue.relief-case.applied', 'rescue.relief-case.assess', 'rescue.relief-case.startNotice', 'rescue.relief-case.review', 'rescue.relief-case.approve'];
    const events: any[] = [];
    const stops = steps.map((type) => t.gateway.events.subscribe(type, (e) => events.push({ type, ...(e.payload as object) })));
    let c = await apply();
    expect(c).toMatchObject({ version: 1, status: 'APPLIED', organizationId: WENFENG, headName: '刘德兴', requestedAmountYuan: '1200.00', approvedAmountYuan: null, paidAmountYuan: '0.00', outstandingYuan: null, paidInFull: false, overdue: false });
    // Skipping the assessment: refused as the wrong state (the kernel workflow's rule `state`), naming the current and the allowed state.
    const skip = await step(wenfeng, 'startReliefNotice', { id: c.id, version: c.version }, 'ReliefNoticeInput');
    expect(fieldsOf(skip)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state', message: expect.stringMatching(/status is APPLIED \(allowed from ASSESSED\)/) })]);
    expect(fieldsOf(await step(office, 'reviewReliefCase', { id: c.id, version: c.version }))).toEqual([expect.objectContaining({ rule: 'state', message: expect.stringMatching(/status is APPLIED \(allowed from NOTICE\)/) })]);
    c = ok(await step(wenfeng, 'assessReliefCase', { id: c.id, version: c.version, note: '村民代表评议通过' }), 'assessReliefCase');
    expect(c).toMatchObject({ version: 2, status: 'ASSESSED' });
    expect(fieldsOf(await step(wenfeng, 'assessReliefCase', { id: c.id, version: c.version }))).toEqual([expect.objectContaining({ rule: 'state', message: expect.stringMatching(/status is ASSESSED \(allowed from APPLIED\)/) })]);
    // The notice lasts at least RELIEF_NOTICE_DAYS days, counted inclusively.
    const short = await step(wenfeng, 'startReliefNotice', { id: c.id, version: c.version, noticeStartsOn: today(), noticeEndsOn: today(NOTICE_DAYS - 2) }, 'ReliefNoticeInput');
    expect(fieldsOf(short)).toEqual([expect.objectContaining({ field: 'input.noticeEndsOn', rule: 'minimumNoticeDays', message: expect.stringContaining(`${NOTICE_DAYS} days`) })]);
    const past = await step(wenfeng, 'startReliefNotice', { id: c.id, version: c.version, noticeStartsOn: today(-1) }, 'ReliefNoticeInput');
    expect(fieldsOf(past)).toEqual([expect.objectContaining({ field: 'input.noticeStartsOn', rule: 'notPast' })]);
    c = ok(await step(wenfeng, 'startReliefNotice', { id: c.id, version: c.version, note: '村务公开栏' }, 'ReliefNoticeInput'), 'startReliefNotice');
    expect(c).toMatchObject({ version: 3, status: 'NOTICE', noticeStartsOn: today(), noticeEndsOn: today(NOTICE_DAYS - 1) });
    expect(fieldsOf(await step(office, 'approveReliefCase', { id: c.id, version: c.version, approvedAmountYuan: '1000' }, 'ReliefApproveInput'))).toEqual([
      expect.objectContaining({ rule: 'state', message: expect.stringMatching(/status is NOTICE \(allowed from REVIEWED\)/) }),
    ]);
    // The village may not review or decide; the town may not review before the notice ended (China time).
    expect(errorOf(await step(wenfeng, 'reviewReliefCase', { id: c.id, version: c.version }))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.relief:approve' });
    const early = await step(office, 'reviewReliefCase', { id: c.id, version: c.version });
    expect(fieldsOf(early)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'noticeNotEnded', message: expect.stringContaining(today(NOTICE_DAYS - 1)) })]);
    clock.advance((NOTICE_DAYS - 1) * DAY);
    expect(fieldsOf(await step(office, 'reviewReliefCase', { id: c.id, version: c.version }))).toEqual([expect.objectContaining({ rule: 'noticeNotEnded' })]);
    clock.advance(DAY);
    c = ok(await step(office, 'reviewReliefCase', { id: c.id, version: c.version, note: '公示无异议' }), 'reviewReliefCase');
    expect(c).toMatchObject({ version: 4, status: 'REVIEWED' });
    expect(errorOf(await step(wenfeng, 'approveReliefCase', { id: c.id, version: c.version, approvedAmountYuan: '1000' }, 'ReliefApproveInput'))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.relief:approve' });
    expect(errorOf(await step(wenfeng, 'rejectReliefCase', { id: c.id, version: c.version, reason: '不符合条件' }, 'ReliefRejectInput'))).toMatchObject({ code: 'FORBIDDEN' });
    c = ok(await step(office, 'approveReliefCase', { id: c.id, version: c.version, approvedAmountYuan: '1000' }, 'ReliefApproveInput'), 'approveReliefCase');
    expect(c).toMatchObject({ version: 5, status: 'APPROVED', approvedAmountYuan: '1000.00', outstandingYuan: '1000.00' });
    expect(fieldsOf(await step(office, 'rejectReliefCase', { id: c.id, version: c.version, reason: '重复申请' }, 'ReliefRejectInput'))).toEqual([
      expect.objectContaining({ rule: 'state', message: expect.stringMatching(/status is APPROVED \(allowed from REVIEWED\)/) }),
    ]);
    expect(errorOf(await pay(c.id, {}, wenfeng))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.relief:pay' });

    const history = ok(await wenfeng(`query($id: UUID!) { reliefCase(id: $id) { steps { totalCount edges { node { action fromStatus toStatus actorKind actorName note } } } } }`, { id: c.id }), 'reliefCase');
    expect(history.steps.totalCount).toBe(5);
    expect(history.steps.edges.map((e: any) => [e.node.action, e.node.fromStatus, e.node.toStatus])).toEqual([
      ['APPLY', null, 'APPLIED'],
      ['ASSESS', 'APPLIED', 'ASSESSED'],
      ['START_NOTICE', 'ASSESSED', 'NOTICE'],
      ['REVIEW', 'NOTICE', 'REVIEWED'],
      ['APPROVE', 'REVIEWED', 'APPROVED'],
    ]);
    expect(history.steps.edges[1].node).toMatchObject({ actorKind: 'USER', note: '村民代表评议通过' });
    expect(history.steps.edges[3].node.actorName).not.toBe(history.steps.edges[1].node.actorName);
    const audits = await sql(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'rescue.%' ORDER BY occurred_at, id`, [c.id]);
    expect(audits.map((a: any) => a.action)).toEqual(['rescue.relief-case.apply', 'rescue.relief-case.assess', 'rescue.relief-case.startNotice', 'rescue.relief-case.review', 'rescue.relief-case.approve']);
    // Each step announced once, with the state it led to (the refused ones not at all).
    stops.forEach((stop) => stop());
    expect(events).toEqual([
      { type: 'rescue.relief-case.applied', id: c.id, organizationId: WENFENG, kind: 'EMERGENCY_PERIOD' },
      { type: 'rescue.relief-case.assess', id: c.id, organizationId: WENFENG, status: 'ASSESSED' },
      { type: 'rescue.relief-case.startNotice', id: c.id, organizationId: WENFENG, status: 'NOTICE' },
      { type: 'rescue.relief-case.review', id: c.id, organizationId: WENFENG, status: 'REVIEWED' },
      { type: 'rescue.relief-case.approve', id: c.id, organizationId: WENFENG, status: 'APPROVED' },
    ]);

    // A rejection keeps its reason.
    let other = await apply({ kind: 'DROUGHT' });
    other = ok(await step(wenfeng, 'assessReliefCase', { id: other.id, version: other.version }), 'assessReliefCase');
    other = ok(await step(wenfeng, 'startReliefNotice', { id: other.id, version: other.version }, 'ReliefNoticeInput'), 'startReliefNotice');
    clock.advance(NOTICE_DAYS * DAY);
    other = ok(await step(office, 'reviewReliefCase', { id: other.id, version: other.version }), 'reviewReliefCase');
    other = ok(await step(office, 'rejectReliefCase', { id: other.id, version: other.version, reason: '家庭收入高于救助标准' }, 'ReliefRejectInput'), 'rejectReliefCase');
    expect(other).toMatchObject({ status: 'REJECTED', rejectionReason: '家庭收入高于救助标准', approvedAmountYuan: null, overdue: false });
    expect(fieldsOf(await pay(other.id))).toEqual([expect.objectContaining({ field: 'input.caseId', rule: 'state', message: expect.stringMatching(/status is REJECTED \(allowed from APPROVED\)/) })]);
  });

  it('pays in full with two payments, refuses overpaying, and checks paid in full and on time', async () => {
    const [c, late] = await approvedCases(['1000', '500'], 3);
    const events: any[] = [];
    const stops = ['rescue.relief-payment.recorded', 'rescue.relief-case.paid'].map((type) => t.gateway.events.subscribe(type, (e) => events.push({ type, ...(e.payload as object) })));
    const first = ok(await pay(c.id, { amountYuan: '600' }), 'recordReliefPayment');
    expect(first).toMatchObject({ amountYuan: '600.00', paidOn: today(), payeeIdNumber: HEAD_ID, accountReference: '6217995300001234567', sensitiveMasked: false, case: { id: c.id, status: 'APPROVED', paidAmountYuan: '600.00' } });
    const over = await pay(c.id, { amountYuan: '400.01' });
    expect(fieldsOf(over)).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'notAboveOutstanding', message: expect.stringContaining('400.00') })]);
    const second = ok(await pay(c.id, { amountYuan: '400', payeeName: '冉秀英', payeeRelation: '配偶', payeeIdNumber: SPOUSE_ID, accountReference: null, method: 'CASH' }), 'recordReliefPayment');
    expect(second).toMatchObject({ accountReference: null, method: 'CASH', case: { status: 'PAID', paidAmountYuan: '1000.00' } });
    const paid = ok(await wenfeng(`query($id: UUID!) { reliefCase(id: $id) { ${CASE} payments { totalCount edges { node { amountYuan payeeRelation } } } } }`, { id: c.id }), 'reliefCase');
    expect(paid).toMatchObject({ status: 'PAID', paidAmountYuan: '1000.00', outstandingYuan: '0.00', paidInFull: true, paidOnTime: true, paidInFullOn: today(), overdue: false });
    expect(paid.payments.edges.map((e: any) => e.node)).toEqual(expect.arrayContaining([{ amountYuan: '600.00', payeeRelation: '本人' }, { amountYuan: '400.00', payeeRelation: '配偶' }]));
    expect(fieldsOf(await pay(c.id, { amountYuan: '1' }))).toEqual([expect.objectContaining({ rule: 'state', message: expect.stringMatching(/status is PAID \(allowed from APPROVED\)/) })]);
    // Each payment is announced; the one reaching the approved amount also announces the case PAID.
    stops.forEach((stop) => stop());
    expect(events).toEqual([
      { type: 'rescue.relief-payment.recorded', id: first.id, caseId: c.id, organizationId: WENFENG, amountYuan: '600.00' },
      { type: 'rescue.relief-payment.recorded', id: second.id, caseId: c.id, organizationId: WENFENG, amountYuan: '400.00' },
      { type: 'rescue.relief-case.paid', id: c.id, organizationId: WENFENG, paidInFullOn: today() },
    ]);
    const [paidStep] = await sql(`SELECT action, from_status, to_status FROM relief_case_step WHERE case_id = $1 ORDER BY at DESC, id DESC LIMIT 1`, [c.id]);
    expect(paidStep).toEqual({ action: 'pay', from_status: 'APPROVED', to_status: 'PAID' });

    // The other case passes its deadline unpaid: overdue; paid in full afterwards, it is paid in full but not on time.
    clock.advance(4 * DAY);
    const checkOf = async (id: string) => {
      const res = await office(`{ reliefPaymentCheck(first: 100) { totalCount edges { node { caseId status dueBy approvedAmountYuan paidAmountYuan outstandingYuan payments lastPaidOn paidInFull paidOnTime overdue case { id } organization { name } } } } }`);
      return ok(res, 'reliefPaymentCheck').edges.map((e: any) => e.node).find((n: any) => n.caseId === id);
    };
    expect(await checkOf(late.id)).toMatchObject({ status: 'APPROVED', paidAmountYuan: '0.00', outstandingYuan: '500.00', payments: 0, lastPaidOn: null, paidInFull: false, paidOnTime: false, overdue: true, organization: { name: '文凤村' } });
    const overdue = ok(await wenfeng(`{ reliefCases(filter: { overdue: true }) { totalCount edges { node { id overdue } } } }`), 'reliefCases');
    expect(overdue).toEqual({ totalCount: 1, edges: [{ node: { id: late.id, overdue: true } }] });
    ok(await pay(late.id, { amountYuan: '500' }), 'recordReliefPayment');
    expect(await checkOf(late.id)).toMatchObject({ status: 'PAID', paidAmountYuan: '500.00', outstandingYuan: '0.00', payments: 1, lastPaidOn: today(), paidInFull: true, paidOnTime: false, overdue: false });
    expect(await checkOf(c.id)).toMatchObject({ paidInFull: true, paidOnTime: true, payments: 2, case: { id: c.id } });
    const onTime = ok(await office(`{ reliefPaymentCheck(filter: { paidOnTime: true }) { edges { node { caseId } } } }`), 'reliefPaymentCheck');
    expect(onTime.edges.map((e: any) => e.node.caseId)).toEqual([c.id]);
    const full = ok(await wenfeng(`{ reliefCases(filter: { paidInFull: true }) { edges { node { id } } } }`), 'reliefCases');
    expect(full.edges.map((e: any) => e.node.id).sort()).toEqual([c.id, late.id].sort());
  });

  it('lets exactly as many concurrent payments through as the approved amount allows', async () => {
    const [c] = await approvedCases(['1000']);
    const results = await Promise.all(Array.from({ length: 5 }, () => pay(c.id, { amountYuan: '400' })));
    const succeeded = results.filter((r) => !r.body.errors);
    expect(succeeded).toHaveLength(2);
    for (const r of results.filter((x) => x.body.errors)) expect(fieldsOf(r)).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'notAboveOutstanding' })]);
    const [sums] = await sql<{ total: string; paid: string; status: string }>(`SELECT (SELECT sum(amount_yuan) FROM relief_payment WHERE case_id = $1)::text AS total, paid_amount_yuan::text AS paid, status FROM relief_case WHERE id = $1`, [c.id]);
    expect(sums).toEqual({ total: '800.00', paid: '800.00', status: 'APPROVED' });
    const last = ok(await pay(c.id, { amountYuan: '200' }), 'recordReliefPayment');
    expect(last.case).toMatchObject({ status: 'PAID', paidAmountYuan: '1000.00' });
  });

  it('masks the payee\'s ID number and account except for payers, and audits every unmasked read', async () => {
    const [c] = await approvedCases(['300']);
    const payment = ok(await pay(c.id, { amountYuan: '100' }), 'recordReliefPayment');
    const q = `query($id: UUID!) { reliefCase(id: $id) { headName payments { edges { node { id payeeName payeeIdNumber accountReference sensitiveMasked } } } } }`;
    let before = (await sensitiveReads()).length;
    const unmasked = ok(await office(q, { id: c.id }), 'reliefCase');
    expect(unmasked).toEqual({ headName: '刘德兴', payments: { edges: [{ node: { id: payment.id, payeeName: '刘德兴', payeeIdNumber: HEAD_ID, accountReference: '6217995300001234567', sensitiveMasked: false } }] } });
    let reads = (await sensitiveReads()).slice(before);
    expect(reads.find((r) => r.entity_type === 'ReliefPayment')!.changes.records).toEqual({ [payment.id]: ['payeeName', 'payeeIdNumber', 'accountReference'] });
    expect(reads.find((r) => r.entity_type === 'ReliefCase')!.changes.records).toEqual({ [c.id]: ['headName'] });
    for (const client of [wenfeng, jingfa]) {
      before = (await sensitiveReads()).length;
      const masked = ok(await client(q, { id: c.id }), 'reliefCase');
      expect(masked.payments.edges[0].node).toEqual({ id: payment.id, payeeName: '刘德兴', payeeIdNumber: '110105********002X', accountReference: '***************4567', sensitiveMasked: true });
      reads = (await sensitiveReads()).slice(before);
      expect(reads.find((r) => r.entity_type === 'ReliefPayment')!.changes.records).toEqual({ [payment.id]: ['payeeName'] });
    }
    // The audit entry of the payment keeps the ID number masked and not the account.
    const [entry] = await sql(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'rescue.relief-payment.record'`, [payment.id]);
    expect(JSON.stringify(entry.changes)).not.toMatch(/11010519491231002X|6217995300001234567/);
    expect(entry.changes).toMatchObject({ payeeIdNumber: '110105********002X', accountReference: '[recorded]', amountYuan: '100.00' });
  });

  it('keeps other villages out: nothing listed, NOT_FOUND on steps, no application under 文凤村', async () => {
    const c = await apply();
    const theirs = await apply({ organizationId: SHUANGHE, headName: '王永福', address: '双河村2组' }, shuanghe);
    expect(ok(await shuanghe(`query($w: UUID!) { reliefCases(filter: { withinSubtreeOf: $w }) { totalCount } }`, { w: WENFENG }), 'reliefCases').totalCount).toBe(0);
    const all = ok(await shuanghe(`{ reliefCases(first: 100) { totalCount edges { node { id organizationId } } } }`), 'reliefCases');
    expect(all.edges.map((e: any) => e.node.organizationId)).toEqual(all.edges.map(() => SHUANGHE));
    expect(all.edges.map((e: any) => e.node.id)).toContain(theirs.id);
    expect(ok(await shuanghe(`query($id: UUID!) { reliefCase(id: $id) { id } }`, { id: c.id }), 'reliefCase')).toBeNull();
    // By its global id (node) too: 双河村 gets null, as for a case that does not exist.
    const { nodeId } = ok(await wenfeng(`query($id: UUID!) { reliefCase(id: $id) { nodeId } }`, { id: c.id }), 'reliefCase');
    const node = `query($n: ID!) { node(nodeId: $n) { __typename ... on ReliefCase { id status } } }`;
    expect(ok(await wenfeng(node, { n: nodeId }), 'node')).toEqual({ __typename: 'ReliefCase', id: c.id, status: 'APPLIED' });
    expect(ok(await shuanghe(node, { n: nodeId }), 'node')).toBeNull();
    const check = ok(await shuanghe(`{ reliefPaymentCheck(first: 100) { edges { node { organizationId } } } }`), 'reliefPaymentCheck');
    expect(check.edges.filter((e: any) => e.node.organizationId === WENFENG)).toEqual([]);
    expect(errorOf(await step(shuanghe, 'assessReliefCase', { id: c.id, version: c.version }))).toMatchObject({ code: 'NOT_FOUND', entity: 'ReliefCase' });
    expect(errorOf(await step(wenfeng, 'assessReliefCase', { id: theirs.id, version: theirs.version }))).toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await mutate(shuanghe, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, headName: '越权', address: '文凤村1组', kind: 'DROUGHT', basis: '旱情调查', requestedAmountYuan: '100', dueBy: today(10) });
    // An organization beyond the caller's relief scope is answered like a missing one: NOT_FOUND on the field.
    expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
    const town = await mutate(office, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: TOWN, headName: '镇', address: '南平镇', kind: 'DROUGHT', basis: '旱情调查', requestedAmountYuan: '100', dueBy: today(10) });
    expect(fieldsOf(town)).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'kind' })]);
    expect(errorOf(await jingfa(`{ reliefCases(first: 1) { totalCount } }`))).toBeUndefined();
    expect(errorOf(await step(jingfa, 'assessReliefCase', { id: c.id, version: c.version }))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.relief:apply' });
  });

  it('takes the head and address from a household of the joint defense list, within the village', async () => {
    const [h] = await sql<{ id: string; head_name: string; address: string }>(
      `SELECT h.id, h.head_name, h.address FROM joint_defense_household h JOIN organization o ON o.id = h.organization_id JOIN organization v ON v.id = $1 WHERE o.path <@ v.path AND h.archived_at IS NULL ORDER BY h.id LIMIT 1`,
      [WENFENG],
    );
    const c = await apply({ householdId: h!.id, headName: null, address: null });
    expect(c).toMatchObject({ householdId: h!.id, headName: h!.head_name, address: h!.address });
    const read = ok(await wenfeng(`query($id: UUID!) { reliefCase(id: $id) { household { id headName } organization { name } } }`, { id: c.id }), 'reliefCase');
    expect(read).toEqual({ household: { id: h!.id, headName: h!.head_name }, organization: { name: '文凤村' } });
    const [foreign] = await sql<{ id: string }>(`SELECT h.id FROM joint_defense_household h JOIN organization o ON o.id = h.organization_id JOIN organization v ON v.id = $1 WHERE o.path <@ v.path LIMIT 1`, [SHUANGHE]);
    // A household outside the case's village (here also beyond the caller's joint-defense read scope): NOT_FOUND on the field.
    expect(errorOf(await mutate(wenfeng, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, householdId: foreign!.id, kind: 'DROUGHT', basis: '旱情调查', requestedAmountYuan: '100', dueBy: today(10) }))).toEqual({
      code: 'NOT_FOUND',
      entity: 'Household',
      id: foreign!.id,
      field: 'input.householdId',
    });
    // The town office reads every household, but one of 双河村 is not of 文凤村.
    expect(errorOf(await mutate(office, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, householdId: foreign!.id, kind: 'DROUGHT', basis: '旱情调查', requestedAmountYuan: '100', dueBy: today(10) }))).toEqual({
      code: 'NOT_FOUND',
      entity: 'Household',
      id: foreign!.id,
      field: 'input.householdId',
    });
  });

  it('names the field and the rule of invalid input, and refuses a stale version with CONFLICT', async () => {
    const create = (input: Record<string, unknown>) => mutate(wenfeng, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, headName: '刘德兴', address: '文凤村3组', kind: 'EMERGENCY_PERIOD', basis: '灾情核报', requestedAmountYuan: '100', dueBy: today(10), ...input }, 'id');
    expect(fieldsOf(await create({ requestedAmountYuan: '0' }))).toEqual([expect.objectContaining({ field: 'input.requestedAmountYuan', rule: 'isPositive' })]);
    expect(fieldsOf(await create({ requestedAmountYuan: '1000000.01' }))).toEqual([expect.objectContaining({ field: 'input.requestedAmountYuan', rule: 'max' })]);
    // More than two decimals, or a JSON number: not a Decimal, refused while the variable is coerced (400).
    for (const requestedAmountYuan of ['10.005', 10.5]) {
      const res = await create({ requestedAmountYuan });
      expect([res.status, errorOf(res)?.['code'], res.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringMatching(/at "input\.requestedAmountYuan"; Decimal must be a/)]);
    }
    expect(fieldsOf(await create({ dueBy: today(-1) }))).toEqual([expect.objectContaining({ field: 'input.dueBy', rule: 'notPast' })]);
    expect(fieldsOf(await create({ headName: null }))).toEqual([expect.objectContaining({ field: 'input.headName', rule: 'required' })]);
    expect(errorOf(await create({ incidentId: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'Incident', id: NIL, field: 'input.incidentId' });
    // An incident of another village (reported there, not affecting 文凤村) is answered like a missing one; the town office may link it.
    const [foreignIncident] = await sql<{ id: string }>(
      `INSERT INTO incident (reporting_organization_id, type, title, occurred_at, place) VALUES ($1, 'FLASH_FLOOD', '双河村山洪', now() - interval '1 day', '双河村2组') RETURNING id`,
      [SHUANGHE],
    );
    expect(errorOf(await create({ incidentId: foreignIncident!.id }))).toEqual({ code: 'NOT_FOUND', entity: 'Incident', id: foreignIncident!.id, field: 'input.incidentId' });
    const byOffice = await mutate(office, 'createReliefCase', 'ReliefCaseCreateInput', { organizationId: WENFENG, headName: '刘德兴', address: '文凤村3组', kind: 'EMERGENCY_PERIOD', basis: '灾情核报', requestedAmountYuan: '100', dueBy: today(10), incidentId: foreignIncident!.id }, 'incidentId');
    expect(byOffice.body.data!['createReliefCase']).toEqual({ incidentId: foreignIncident!.id });

    const [c] = await approvedCases(['500']);
    expect(fieldsOf(await pay(c.id, { payeeIdNumber: '110105194912310021' }))).toEqual([expect.objectContaining({ field: 'input.payeeIdNumber', rule: 'checkDigit' })]);
    expect(fieldsOf(await pay(c.id, { payeeIdNumber: '1101051949' }))).toEqual([expect.objectContaining({ field: 'input.payeeIdNumber', rule: 'matches' })]);
    expect(fieldsOf(await pay(c.id, { amountYuan: '0' }))).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'isPositive' })]);
    expect(fieldsOf(await pay(c.id, { amountYuan: '-5' }))).toEqual([expect.objectContaining({ field: 'input.amountYuan', rule: 'isPositive' })]);
    expect(fieldsOf(await pay(c.id, { paidOn: today(1) }))).toEqual([expect.objectContaining({ field: 'input.paidOn', rule: 'notFuture' })]);
    expect(fieldsOf(await pay(c.id, { accountReference: null }))).toEqual([expect.objectContaining({ field: 'input.accountReference', rule: 'required' })]);
    expect(errorOf(await pay(NIL))).toMatchObject({ code: 'NOT_FOUND', entity: 'ReliefCase' });
    expect(await sql(`SELECT id FROM relief_payment WHERE case_id = $1`, [c.id])).toEqual([]);

    const fresh = await apply();
    const assessed = ok(await step(wenfeng, 'assessReliefCase', { id: fresh.id, version: 1 }), 'assessReliefCase');
    expect(assessed.version).toBe(2);
    expect(errorOf(await step(wenfeng, 'startReliefNotice', { id: fresh.id, version: 1 }, 'ReliefNoticeInput'))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('loads cases × steps × payments × organization × household in the same number of statements for any page size', async () => {
    // The newest case has every relation: a household, steps and a payment.
    const [h] = await sql<{ id: string }>(`SELECT h.id FROM joint_defense_household h JOIN organization o ON o.id = h.organization_id JOIN organization v ON v.id = $1 WHERE o.path <@ v.path ORDER BY h.id DESC LIMIT 1`, [WENFENG]);
    const [c] = await approvedCases(['800'], 30, { householdId: h!.id });
    ok(await pay(c.id, { amountYuan: '300' }), 'recordReliefPayment');
    const q = (n: number) => `{ reliefCases(first: ${n}) { edges { node { id organization { name } household { id } steps { totalCount edges { node { action } } } payments { edges { node { amountYuan payeeIdNumber case { id } } } } } } } }`;
    const small = await office(q(1));
    const large = await office(q(50));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data!['reliefCases'].edges.length).toBeGreaterThanOrEqual(8);
    expect(large.statements).toBe(small.statements);
  });
});
