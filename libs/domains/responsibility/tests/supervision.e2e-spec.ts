import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const ECONOMY = seedId('org:dept-economy');
const ENTERPRISE = seedId('org:ent-sinopec-nanping');
const action = (key: string) => seedId(`supervision-action:${key}`);

const ACTION = 'id version kind status issuedOn responseDueOn publicationDueOn rectificationDueOn dueOn failureCount acknowledgedOn acceptanceRequestedOn acceptanceDueOn verifiedOn closedOn escalatedOn extensionStatus extensionDecisionDueOn extendedDueOn overdue addresseeOrganizationId rule { ruleCode responseWorkingDays acceptanceWorkingDays }';
type Action = { id: string; version: number; kind: string; status: string; [k: string]: any };

/**
 * Supervision actions (issue 18, 督办): the four kinds with their rule versions, deadlines in working
 * days by the kernel calendar, the workflow to closing (摘牌) or escalation, the one extension, listed
 * supervision tied to risk-module hazards, scope, validation, figures, the indicator and lossless lists.
 */
describe('supervision actions (督办)', () => {
  // 2026-03-06 (Friday) 10:00 China time.
  const clock = new ManualClock(new Date('2026-03-06T02:00:00Z'));
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let jingfa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, jingfa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());

  const ok = dataOf;
  const mutate = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>) => mutation(client, name, type, input, ACTION);
  const done = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>) => mutated<Action>(client, name, type, input, ACTION);
  const one = async (id: string, client = office): Promise<Action> => (await ok(client, `query($id: UUID!) { supervisionAction(id: $id) { ${ACTION} } }`, { id }))['supervisionAction'];
  const issue = (input: Record<string, unknown>) => done(office, 'issueSupervisionAction', 'IssueSupervisionActionInput', { kind: 'INTERVIEW', title: '测试约谈', matter: '测试督办事由', addresseeOrganizationId: WENFENG, ...input });
  /** Takes a step on the action as it is now (its current version). */
  const step = async (client: GraphQLClient, name: string, id: string, extra: Record<string, unknown> = {}, type = 'SupervisionStepInput') => done(client, name, type, { id, version: (await one(id)).version, ...extra });
  const timeline = async (id: string) => (await ok(office, `query($id: UUID!) { supervisionAction(id: $id) { timeline(first: 50) { edges { node { action recordedOn fromStatus toStatus note } } } } }`, { id }))['supervisionAction'].timeline.edges.map((e: any) => e.node);
  const count = async (table: string) => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('seeds every kind in every state across departments, villages and a community, with a listed supervision on an open major hazard and an escalated interview', async () => {
    const all = (await ok(office, `{ supervisionActions(first: 100, filter: { issuedTo: "2025-12-31" }) { totalCount edges { node { kind status addresseeOrganization { kind } } } } }`))['supervisionActions'];
    const nodes = all.edges.map((e: any) => e.node);
    expect(all.totalCount).toBe(14);
    expect(new Set(nodes.map((n: any) => n.kind))).toEqual(new Set(['NOTICE', 'URGING_LETTER', 'INTERVIEW', 'LISTED']));
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(new Set(['ISSUED', 'ACKNOWLEDGED', 'PLAN_SUBMITTED', 'RECTIFYING', 'ACCEPTANCE_REQUESTED', 'VERIFIED', 'CLOSED', 'ESCALATED']));
    expect(new Set(nodes.map((n: any) => n.addresseeOrganization.kind))).toEqual(new Set(['DEPARTMENT', 'VILLAGE', 'COMMUNITY']));
    const listed = (await ok(office, `query($id: UUID!) { supervisionAction(id: $id) { kind status dueOn extendedDueOn extensionStatus publicationDueOn hazards { totalCount edges { node { hazard { grade status } } } } } }`, { id: action('listed-safety-major-hazard') }))['supervisionAction'];
    expect(listed).toMatchObject({ kind: 'LISTED', status: 'RECTIFYING', dueOn: '2026-06-30', extendedDueOn: '2026-06-30', extensionStatus: 'APPROVED', publicationDueOn: '2025-09-22' });
    expect(listed.hazards.totalCount).toBe(1);
    expect(listed.hazards.edges[0].node.hazard.grade).toBe('MAJOR');
    expect(listed.hazards.edges[0].node.hazard.status).not.toBe('CLOSED');
    const escalated = await one(action('interview-jinlong-repeat'));
    expect(escalated).toMatchObject({ status: 'ESCALATED', failureCount: 2, escalatedOn: '2025-06-20' });
    expect((await timeline(escalated.id)).map((s: any) => s.action)).toEqual([
      'ISSUE', 'ACKNOWLEDGE', 'SUBMIT_PLAN', 'START_RECTIFYING', 'REQUEST_ACCEPTANCE', 'FAIL_VERIFICATION', 'REQUEST_ACCEPTANCE', 'FAIL_VERIFICATION', 'ESCALATE',
    ]);
  });

  it('counts deadlines in working days across a holiday with a make-up day (2026 春节: 2-15 … 2-23 off, 2-14 and 2-28 worked)', async () => {
    // Issued Thursday 2026-02-12: 5 working days are 2-13 (Fri), 2-14 (Sat, make-up), 2-24, 2-25, 2-26.
    const interview = await issue({ issuedOn: '2026-02-12', rectificationDueOn: '2026-04-30' });
    expect(interview).toMatchObject({ status: 'ISSUED', issuedOn: '2026-02-12', responseDueOn: '2026-02-26', publicationDueOn: null, dueOn: '2026-04-30', rule: { ruleCode: 'responsibility.supervision.interview', responseWorkingDays: 5 } });
    // Listed: published within 5 working days (the same 2-26), plan within 10: 2-27, 2-28 (Sat, make-up), 3-2, 3-3, 3-4.
    const listed = await issue({ kind: 'LISTED', issuedOn: '2026-02-12', rectificationDueOn: '2026-08-31' });
    expect(listed).toMatchObject({ responseDueOn: '2026-03-04', publicationDueOn: '2026-02-26', dueOn: '2026-08-31' });
    // The acceptance window (10 working days) from Friday 2026-02-13: 2-14 (make-up), 2-24 … 2-27, 2-28 (make-up), 3-2 … 3-5 → 2026-03-05.
    await step(wenfeng, 'acknowledgeSupervisionAction', interview.id, { on: '2026-02-13' });
    await step(wenfeng, 'submitSupervisionPlan', interview.id, { on: '2026-02-13' });
    await step(wenfeng, 'startSupervisionRectification', interview.id, { on: '2026-02-13' });
    expect(await step(wenfeng, 'requestSupervisionAcceptance', interview.id, { on: '2026-02-13' })).toMatchObject({ status: 'ACCEPTANCE_REQUESTED', acceptanceRequestedOn: '2026-02-13', acceptanceDueOn: '2026-03-05' });
  });

  it('refuses to delist a listed supervision while its hazard is open, and delists it once the risk module has verified and closed the hazard', async () => {
    const id = action('listed-safety-major-hazard');
    const hazardId = (await ok(office, `query($id: UUID!) { supervisionAction(id: $id) { hazards { edges { node { hazardId } } } } }`, { id }))['supervisionAction'].hazards.edges[0].node.hazardId;
    const openListed = async () => (await ok(office, `{ supervisionActions(first: 100, filter: { listedWithOpenHazards: true }) { edges { node { id } } } }`))['supervisionActions'].edges.map((e: any) => e.node.id);
    expect(await openListed()).toEqual([id]);
    await step(office, 'requestSupervisionAcceptance', id);
    const verified = await step(office, 'verifySupervisionAction', id);
    expect(verified.status).toBe('VERIFIED');
    const refused = await mutate(office, 'closeSupervisionAction', 'SupervisionStepInput', { id, version: verified.version });
    expect(fieldsOf(refused)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'hazardsOpen' })]);
    expect(await one(id)).toMatchObject({ status: 'VERIFIED', version: verified.version, closedOn: null });

    // The risk module's own mutations take the hazard to CLOSED, from wherever the seed left it.
    const hazard = async () => (await ok(office, `query($id: UUID!) { hazard(id: $id) { id version status } }`, { id: hazardId }))['hazard'];
    const hazardStep = async (name: string, type: string, extra: Record<string, unknown> = {}) => {
      const h = await hazard();
      const res = await office(`mutation($input: ${type}!) { ${name}(input: $input) { status } }`, { input: { id: h.id, version: h.version, ...extra } });
      expect(res.body.errors).toBeUndefined();
    };
    const plan = { measures: '更换设备并完成检测', responsiblePersonId: seedId('person:person-dept-safety-head'), deadline: '2026-06-30', emergencyMeasures: '设置警戒区，停用相关设备，专人值守' };
    const path: Record<string, () => Promise<void>> = {
      CONFIRMED: () => hazardStep('planRectification', 'PlanRectificationInput', plan),
      PLANNED: () => hazardStep('startRectification', 'HazardStepInput'),
      RECTIFYING: () => hazardStep('submitRectification', 'HazardStepInput'),
      SUBMITTED: () => hazardStep('verifyRectification', 'HazardStepInput'),
      VERIFIED: () => hazardStep('closeHazard', 'HazardStepInput'),
    };
    for (let status = (await hazard()).status; status !== 'CLOSED'; status = (await hazard()).status) await path[status]!();
    expect(await openListed()).toEqual([]);

    const closed = await step(office, 'closeSupervisionAction', id, { note: '隐患已销号，予以摘牌' });
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-03-06', overdue: false });
    expect((await timeline(id)).slice(-3).map((s: any) => [s.action, s.toStatus])).toEqual([['REQUEST_ACCEPTANCE', 'ACCEPTANCE_REQUESTED'], ['VERIFY', 'VERIFIED'], ['CLOSE', 'CLOSED']]);
  });

  it('escalates only after the repeat failure its rule asks for, with the timeline and audit of each step', async () => {
    const a = await issue({ issuedOn: '2026-03-02', rectificationDueOn: '2026-04-30', title: '关于文凤村网格巡查不到位的约谈' });
    for (const name of ['acknowledgeSupervisionAction', 'submitSupervisionPlan', 'startSupervisionRectification', 'requestSupervisionAcceptance']) await step(wenfeng, name, a.id);
    // The village answers; acceptance is the office's.
    expect(errorOf(await mutate(wenfeng, 'verifySupervisionAction', 'SupervisionStepInput', { id: a.id, version: (await one(a.id)).version }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await step(office, 'failSupervisionVerification', a.id, { note: '巡查记录仍不完整' }, 'SupervisionReasonInput')).toMatchObject({ status: 'RECTIFYING', failureCount: 1 });
    const early = await mutate(office, 'escalateSupervisionAction', 'SupervisionReasonInput', { id: a.id, version: (await one(a.id)).version, note: '提请升级' });
    expect(fieldsOf(early)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'repeatFailure' })]);
    await step(wenfeng, 'requestSupervisionAcceptance', a.id);
    await step(office, 'failSupervisionVerification', a.id, { note: '问题反弹' }, 'SupervisionReasonInput');
    const escalated = await step(office, 'escalateSupervisionAction', a.id, { note: '两次验收不通过，提请区安委办通报' }, 'SupervisionReasonInput');
    expect(escalated).toMatchObject({ status: 'ESCALATED', failureCount: 2, escalatedOn: '2026-03-06', overdue: false });
    expect((await timeline(a.id)).map((s: any) => s.action)).toEqual([
      'ISSUE', 'ACKNOWLEDGE', 'SUBMIT_PLAN', 'START_RECTIFYING', 'REQUEST_ACCEPTANCE', 'FAIL_VERIFICATION', 'REQUEST_ACCEPTANCE', 'FAIL_VERIFICATION', 'ESCALATE',
    ]);
    const audit = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'responsibility.supervision-action.%' ORDER BY occurred_at`, [a.id]);
    expect(audit.map((r: any) => r.action)).toEqual([
      'responsibility.supervision-action.issue', 'responsibility.supervision-action.acknowledge', 'responsibility.supervision-action.submitPlan', 'responsibility.supervision-action.startRectifying',
      'responsibility.supervision-action.requestAcceptance', 'responsibility.supervision-action.failVerification', 'responsibility.supervision-action.requestAcceptance',
      'responsibility.supervision-action.failVerification', 'responsibility.supervision-action.escalate',
    ]);
    // Final: no step starts from ESCALATED.
    expect(fieldsOf(await mutate(office, 'closeSupervisionAction', 'SupervisionStepInput', { id: a.id, version: escalated.version }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
  });

  it('keeps the evidence of a step with its timeline entry, readable where the action is', async () => {
    const a = await issue({ title: '佐证测试约谈', issuedOn: '2026-03-02' });
    const form = new FormData();
    form.append('file', new Blob([PDF]), '整改方案.pdf');
    const upload = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await t.token('wenfeng')}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as any;
    await step(wenfeng, 'acknowledgeSupervisionAction', a.id, { on: '2026-03-03', note: '已收到约谈通知', attachmentIds: [upload.id] });
    const timeline = (await ok(wenfeng, `query($id: UUID!) { supervisionAction(id: $id) { timeline { edges { node { action note attachments { fileName } } } } } }`, { id: a.id }))['supervisionAction'].timeline.edges.map((e: any) => e.node);
    expect(timeline.at(-1)).toEqual({ action: 'ACKNOWLEDGE', note: '已收到约谈通知', attachments: [{ fileName: '整改方案.pdf' }] });
    // An upload claimed once cannot be claimed again, and nothing of the refused step is written.
    const before = (await one(a.id)).version;
    expect(fieldsOf(await mutate(wenfeng, 'submitSupervisionPlan', 'SupervisionStepInput', { id: a.id, version: before, attachmentIds: [upload.id] }))).toEqual([expect.objectContaining({ field: 'input.attachmentIds' })]);
    expect((await one(a.id)).version).toBe(before);
  });

  it('allows one extension, only where the kind\'s rule does, requested by its lead time and decided within its clock', async () => {
    const interview = await issue({ issuedOn: '2026-03-02', rectificationDueOn: '2026-06-30' });
    const reason = { reason: '需协调资金' };
    expect(fieldsOf(await mutate(wenfeng, 'requestSupervisionExtension', 'RequestSupervisionExtensionInput', { id: interview.id, version: interview.version, ...reason }))).toEqual([expect.objectContaining({ rule: 'extension' })]);
    // Listed: 20 working days' lead. 2026-03-06 → 2026-03-20 is 10.
    const soon = await issue({ kind: 'LISTED', issuedOn: '2026-03-02', rectificationDueOn: '2026-03-20' });
    expect(fieldsOf(await mutate(wenfeng, 'requestSupervisionExtension', 'RequestSupervisionExtensionInput', { id: soon.id, version: soon.version, ...reason }))).toEqual([expect.objectContaining({ field: 'input.requestedOn', rule: 'extensionLead' })]);
    const later = await issue({ kind: 'LISTED', issuedOn: '2026-03-02', rectificationDueOn: '2026-06-30' });
    const requested = await done(wenfeng, 'requestSupervisionExtension', 'RequestSupervisionExtensionInput', { id: later.id, version: later.version, ...reason });
    // Decision due 10 working days after 2026-03-06.
    expect(requested).toMatchObject({ status: 'ISSUED', extensionStatus: 'PENDING', extensionDecisionDueOn: '2026-03-20', dueOn: '2026-06-30' });
    expect(fieldsOf(await mutate(wenfeng, 'requestSupervisionExtension', 'RequestSupervisionExtensionInput', { id: later.id, version: requested.version, ...reason }))).toEqual([expect.objectContaining({ rule: 'extension' })]);
    expect(fieldsOf(await mutate(office, 'decideSupervisionExtension', 'DecideSupervisionExtensionInput', { id: later.id, version: requested.version, approved: true }))).toEqual([expect.objectContaining({ field: 'input.newDeadline', rule: 'required' })]);
    const approved = await done(office, 'decideSupervisionExtension', 'DecideSupervisionExtensionInput', { id: later.id, version: requested.version, approved: true, newDeadline: '2026-08-31' });
    expect(approved).toMatchObject({ extensionStatus: 'APPROVED', extendedDueOn: '2026-08-31', dueOn: '2026-08-31', rectificationDueOn: '2026-06-30' });

    // Requested on 2026-02-02: decision due 10 working days later, counting the make-up Saturday 2-14; deciding now is too late.
    const lapsed = await issue({ kind: 'LISTED', issuedOn: '2026-01-20', rectificationDueOn: '2026-06-30' });
    const asked = await done(wenfeng, 'requestSupervisionExtension', 'RequestSupervisionExtensionInput', { id: lapsed.id, version: lapsed.version, requestedOn: '2026-02-02', ...reason });
    expect(asked).toMatchObject({ extensionDecisionDueOn: '2026-02-14', extensionStatus: 'LAPSED' });
    expect(fieldsOf(await mutate(office, 'decideSupervisionExtension', 'DecideSupervisionExtensionInput', { id: lapsed.id, version: asked.version, approved: true, newDeadline: '2026-09-30' }))).toEqual([
      expect.objectContaining({ field: 'input.decidedOn', rule: 'decisionClock' }),
    ]);
    expect(await one(lapsed.id)).toMatchObject({ dueOn: '2026-06-30', extensionStatus: 'LAPSED', version: asked.version });
  });

  it('keeps each official to their scope: a village officer cannot act on another village\'s action, which answers like a missing one', async () => {
    const theirs = await one(action('interview-shuanghe-geohazard'));
    expect(theirs.status).toBe('RECTIFYING');
    expect(await one(theirs.id, wenfeng)).toBeNull();
    const reach = await mutate(wenfeng, 'requestSupervisionAcceptance', 'SupervisionStepInput', { id: theirs.id, version: theirs.version });
    const missing = await mutate(wenfeng, 'requestSupervisionAcceptance', 'SupervisionStepInput', { id: '00000000-0000-4000-8000-000000000000', version: 1 });
    expect(errorOf(reach)).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(missing)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await one(theirs.id)).toMatchObject({ status: 'RECTIFYING', version: theirs.version });
    // Lists: a village sees its own, a department its own.
    const mine = (await ok(wenfeng, `{ supervisionActions(first: 100, filter: { issuedTo: "2025-12-31" }) { edges { node { id addresseeOrganizationId } } } }`))['supervisionActions'].edges.map((e: any) => e.node);
    expect(mine.map((n: any) => n.id)).toEqual([action('urging-wenfeng-plan')]);
    const economy = (await ok(jingfa, `{ supervisionActions(first: 100) { edges { node { id addresseeOrganizationId } } } }`))['supervisionActions'].edges.map((e: any) => e.node);
    expect(economy).toEqual([{ id: action('urging-economy-insurance'), addresseeOrganizationId: ECONOMY }]);
    // Issuing is the office's.
    expect(errorOf(await mutate(wenfeng, 'issueSupervisionAction', 'IssueSupervisionActionInput', { kind: 'NOTICE', title: '越权下发', matter: '越权下发', addresseeOrganizationId: WENFENG }))).toMatchObject({ code: 'FORBIDDEN' });
    const shuanghe = (await ok(office, `{ supervisionActions(first: 100, filter: { withinSubtreeOf: "${SHUANGHE}", issuedTo: "2025-12-31" }) { totalCount } }`))['supervisionActions'];
    expect(shuanghe.totalCount).toBe(2);
  });

  it('names the field and the rule of a bad action, and writes nothing', async () => {
    const before = [await count('supervision_action'), await count('supervision_action_step'), await count('supervision_action_hazard')];
    const refused = async (input: Record<string, unknown>) => fieldsOf(await mutate(office, 'issueSupervisionAction', 'IssueSupervisionActionInput', { kind: 'NOTICE', title: '校验通报', matter: '校验事由', addresseeOrganizationId: WENFENG, ...input }));
    expect(await refused({ addresseeOrganizationId: ENTERPRISE })).toEqual([expect.objectContaining({ field: 'input.addresseeOrganizationId', rule: 'addressee' })]);
    expect(await refused({ kind: 'LISTED' })).toEqual([expect.objectContaining({ field: 'input.rectificationDueOn', rule: 'required' })]);
    expect(await refused({ issuedOn: '2026-03-07' })).toEqual([expect.objectContaining({ field: 'input.issuedOn', rule: 'notFuture' })]);
    expect(await refused({ issuedOn: '2026-03-02', rectificationDueOn: '2026-03-02' })).toEqual([expect.objectContaining({ field: 'input.rectificationDueOn', rule: 'afterFrom' })]);
    expect(await refused({ title: '短' })).toEqual([expect.objectContaining({ field: 'input.title' })]);
    // Hazards: LISTED only, and MAJOR only (a GENERAL hazard of the seed).
    const general = (await ok(office, `{ hazards(first: 1, filter: { grade: GENERAL }) { edges { node { id grade } } } }`))['hazards'].edges[0].node;
    expect(general.grade).toBe('GENERAL');
    expect(await refused({ hazardIds: [general.id] })).toEqual([expect.objectContaining({ field: 'input.hazardIds', rule: 'majorHazard' })]);
    expect(await refused({ kind: 'LISTED', rectificationDueOn: '2026-09-30', hazardIds: [general.id] })).toEqual([expect.objectContaining({ field: 'input.hazardIds.0', rule: 'majorHazard' })]);
    const missing = await mutate(office, 'issueSupervisionAction', 'IssueSupervisionActionInput', { kind: 'NOTICE', title: '校验通报', matter: '校验事由', addresseeOrganizationId: '00000000-0000-4000-8000-000000000000' });
    expect(errorOf(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'input.addresseeOrganizationId' });
    // A step on a day before the issue, or in the future.
    const seeded = await one(action('notice-longshan-drill'));
    expect(fieldsOf(await mutate(office, 'acknowledgeSupervisionAction', 'SupervisionStepInput', { id: seeded.id, version: seeded.version, on: '2025-11-19' }))).toEqual([expect.objectContaining({ field: 'input.on', rule: 'range' })]);
    expect(fieldsOf(await mutate(office, 'acknowledgeSupervisionAction', 'SupervisionStepInput', { id: seeded.id, version: seeded.version, on: '2026-03-07' }))).toEqual([expect.objectContaining({ field: 'input.on', rule: 'notFuture' })]);
    expect(errorOf(await mutate(office, 'acknowledgeSupervisionAction', 'SupervisionStepInput', { id: seeded.id, version: seeded.version + 1 }))).toMatchObject({ code: 'CONFLICT' });
    expect([await count('supervision_action'), await count('supervision_action_step'), await count('supervision_action_hazard')]).toEqual(before);
    expect(await one(seeded.id)).toMatchObject({ status: 'ISSUED', version: seeded.version });
  });

  it('counts figures per kind and the on-time closure indicator, equal to counting the seeded actions', async () => {
    const figures = (await ok(office, `{ supervisionFigures(from: "2025-01-01", to: "2026-01-01") { kinds { kind due closedOnTime onTimeRate openPastDeadline closed medianWorkingDaysToClose } } }`))['supervisionFigures'].kinds;
    const [[shuangheDays], [wenfengDays], [dashiDays], [qinglongDays]] = await Promise.all(
      [['2025-06-10', '2025-07-18'], ['2025-05-06', '2025-06-27'], ['2025-02-10', '2025-04-10'], ['2025-03-10', '2025-08-28']].map(([a, b]) => t.gateway.database.dataSource.query(`SELECT working_days_between($1, $2) AS n`, [a, b]).then((r: any) => [r[0].n])),
    );
    expect(figures).toEqual([
      // 通报: 双河 (due 7-31, closed 7-18), 龙山 (due 12-31, open); 南平社区's falls due in 2026.
      { kind: 'NOTICE', due: 2, closedOnTime: 1, onTimeRate: 0.5, openPastDeadline: 1, closed: 1, medianWorkingDaysToClose: shuangheDays },
      // 督促函: 经发办 and 规建环保办 open past due, 文凤 on time, 大石 late.
      { kind: 'URGING_LETTER', due: 4, closedOnTime: 1, onTimeRate: 0.25, openPastDeadline: 2, closed: 2, medianWorkingDaysToClose: (wenfengDays + dashiDays) / 2 },
      // 约谈: four due, none closed; the escalated one is not open.
      { kind: 'INTERVIEW', due: 4, closedOnTime: 0, onTimeRate: 0, openPastDeadline: 3, closed: 0, medianWorkingDaysToClose: null },
      // 挂牌督办: 青龙 closed on time; the other two were extended or fall due in 2026.
      { kind: 'LISTED', due: 1, closedOnTime: 1, onTimeRate: 1, openPastDeadline: 0, closed: 1, medianWorkingDaysToClose: qinglongDays },
    ]);
    const [indicator] = (await ok(office, `{ indicatorValues(organizationId: "${TOWN}", from: "2025-01-01", to: "2026-01-01", filter: { codes: ["responsibility.supervision-on-time-closure"] }) { edges { node { numerator denominator } } } }`))['indicatorValues'].edges.map((e: any) => e.node);
    expect(indicator).toEqual({ numerator: 3, denominator: 11 });
    expect(fieldsOf(await office(`{ supervisionFigures(from: "2025-06-01", to: "2025-06-01") { from } }`))).toEqual([expect.objectContaining({ field: 'to', rule: 'afterFrom' })]);
  });

  it('reads a page of actions with their addressee, timeline and hazards in the same number of statements whatever the page holds', async () => {
    const q = (n: number) => `{ supervisionActions(first: ${n}, filter: { issuedTo: "2025-12-31" }) { edges { node { title addresseeOrganization { name } responsiblePerson { name } timeline(first: 3) { totalCount edges { node { action } } } hazards(first: 3) { edges { node { hazard { status } } } } } } } }`;
    const few = await office(q(2));
    const many = await office(q(14));
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data!['supervisionActions'].edges).toHaveLength(14);
    expect(many.statements).toBe(few.statements);
    // One statement, compiled (the read compiler); through the resolvers: the page, then one per relation
    // (addressee, responsible person, timeline, hazard links, hazards), whatever the page size.
    expect(many.statements).toBe(1);
    const resolvers = await t.resolvers('anban');
    const [small, large] = [await resolvers(q(2)), await resolvers(q(14))];
    expect(large.body.data).toEqual(many.body.data);
    // The first two (the newest) tie no hazard, so the small page reads no hazards: 5.
    expect([small.statements, large.statements]).toEqual([5, 6]);
  });

  it('pages the seeded actions, which share one creation time, one by one in both directions without loss', async () => {
    const query = `query(${PAGE_VARS}) { supervisionActions(filter: { issuedTo: "2025-12-31" }, orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    const shared = await t.gateway.database.dataSource.query(`SELECT count(DISTINCT created_at)::int AS n FROM supervision_action WHERE issued_on <= '2025-12-31'`);
    expect(shared).toEqual([{ n: 1 }]);
    await expectPagedCompletely(office, query, {}, ['supervisionActions'], 3, 14);
    const byDue = `query(${PAGE_VARS}) { supervisionActions(orderBy: [{ field: KIND }, { field: DUE_ON, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    const total = (await ok(office, `{ supervisionActions { totalCount } }`))['supervisionActions'].totalCount;
    await expectPagedCompletely(office, byDue, {}, ['supervisionActions'], 4, total);
  });

  it('keeps the deadline of an action opened before its rule changed', async () => {
    const before = await issue({ issuedOn: '2026-03-05', rectificationDueOn: '2026-05-29' });
    expect(before).toMatchObject({ responseDueOn: '2026-03-12', rule: { responseWorkingDays: 5 } });
    const added = await office(`mutation { addBusinessRuleVersion(input: { ruleCode: "responsibility.supervision.interview", jurisdiction: TOWN, jurisdictionName: "南平镇", documentNumber: "南平安委〔2026〕3号", value: { responseWorkingDays: 3, publish: false, publicationWorkingDays: 0, extensionAllowed: false, extensionRequestLeadWorkingDays: 0, extensionDecisionWorkingDays: 10, acceptanceWorkingDays: 5, escalateAfterFailures: 2 }, effectiveFrom: "2026-03-06" }) { id } }`);
    expect(added.body.errors).toBeUndefined();
    const after = await issue({ issuedOn: '2026-03-06', rectificationDueOn: '2026-05-29' });
    expect(after).toMatchObject({ responseDueOn: '2026-03-11', rule: { responseWorkingDays: 3, acceptanceWorkingDays: 5 } });
    // The earlier action keeps its version: its deadline, and the acceptance window it will use.
    expect(await one(before.id)).toMatchObject({ responseDueOn: '2026-03-12', rule: { responseWorkingDays: 5, acceptanceWorkingDays: 10 } });
    for (const name of ['acknowledgeSupervisionAction', 'submitSupervisionPlan', 'startSupervisionRectification']) await step(wenfeng, name, before.id);
    expect(await step(wenfeng, 'requestSupervisionAcceptance', before.id)).toMatchObject({ acceptanceDueOn: '2026-03-20' });
  });
});
