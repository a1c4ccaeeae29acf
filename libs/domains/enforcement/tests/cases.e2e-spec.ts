import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { enforcementItemSeedId, inspectionSeedId, lawArticleSeedId, penaltyCaseSeedId } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const ITEM = enforcementItemSeedId('2025-07', 'YJ-CF-003');
const INSPECTION_ITEM = enforcementItemSeedId('2025-07', 'AQ-JC-001');
const person = (key: string) => seedId(`person:person-dept-enforcement-${key}`);
const [STAFF1, STAFF2, STAFF3, HEAD] = [person('staff-1'), person('staff-2'), person('staff-3'), person('head')];
const SAFETY_HEAD = seedId('person:person-dept-safety-head');
const org = (key: string) => seedId(`org:${key}`);

const FIELDS = 'id version code status filedOn actEndedOn decisionDueOn targetDueOn daysLeft suspended suspendedDays extensionDays decidedOn decision serviceDueOn servedOn paymentDueOn closedOn archivedOn enforcerPersonIds decisionDocumentNumber';
type Case = { id: string; version: number; code: string; status: string; [k: string]: any };

/**
 * Penalty cases (issue 20, 行政处罚案件): filing and its refusals (limitation at the 2/5-year boundary,
 * enforcers), recusal, the procedure with its documents, the legal clocks (decision date across a
 * holiday with a suspension and an extension, working-day service over 国庆 2026), independence of
 * the decider, scope, and lossless paging.
 */
describe('penalty cases (行政处罚案件)', () => {
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office, fields = FIELDS): Promise<Case | null> => (await ok(client, `query($id: UUID!) { penaltyCase(id: $id) { ${fields} } }`, { id }))['penaltyCase'];
  const BASE = { enforcementItemId: ITEM, legalSubjectId: TOWN, cause: '未按规定对从业人员进行安全生产教育和培训', facts: '检查发现该单位3名新入职员工未经安全培训即上岗作业。', enforcerPersonIds: [STAFF1, STAFF2], harmToLifeOrHealth: false, actEndedOn: '2026-11-01' };
  const file = (input: Record<string, unknown>, client = office) => mutation(client, 'filePenaltyCase', 'FilePenaltyCaseInput', { ...BASE, ...input }, FIELDS);
  const filed = async (input: Record<string, unknown>, client = office): Promise<Case> => {
    const res = await file(input, client);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['filePenaltyCase'];
  };
  const step = async (client: GraphQLClient, name: string, id: string, extra: Record<string, unknown> = {}, type = 'PenaltyCaseStepInput') => mutation(client, name, type, { id, version: (await one(id))!.version, ...extra }, FIELDS);
  const stepped = async (client: GraphQLClient, name: string, id: string, extra: Record<string, unknown> = {}, type = 'PenaltyCaseStepInput'): Promise<Case> => {
    const res = await step(client, name, id, extra, type);
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name];
  };
  const count = async (table: string) => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  /** Declares both enforcers free of conflict and starts the investigation with one evidence item. */
  const investigating = async (c: Case, on: string): Promise<Case> => {
    for (const p of c.enforcerPersonIds) await stepped(zhifa, 'declarePenaltyCaseRecusal', c.id, { personId: p, recused: false, on }, 'DeclarePenaltyCaseRecusalInput');
    await stepped(zhifa, 'startPenaltyCaseInvestigation', c.id, { on });
    await mutated(zhifa, 'addPenaltyCaseEvidence', 'AddPenaltyCaseEvidenceInput', { caseId: c.id, kind: 'DOCUMENTARY', title: '员工安全培训档案复印件', collectedOn: on, collectorPersonIds: [STAFF1, STAFF2] }, 'id position');
    return (await one(c.id))!;
  };

  it('files a case with its 立案审批表 (the case code is its number) and refuses what may not be filed, writing nothing', async () => {
    const before = await count('enforcement_case');
    const ENTERPRISE = org('ent-jinfo-hotel');
    expect(fieldsOf(await file({ enterpriseId: ENTERPRISE, enforcerPersonIds: [STAFF1] }))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds', rule: 'enforcers' })]);
    // staff-3's certificate expired on 2026-03-31.
    expect(fieldsOf(await file({ enterpriseId: ENTERPRISE, enforcerPersonIds: [STAFF1, STAFF3] }))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds.1', rule: 'certifiedEnforcers' })]);
    // The filing is approved by the head who files it (立案审批, enforcement.case:decide): an inspector may not file, nor a head who is one of the enforcers.
    expect(errorOf(await file({ enterpriseId: ENTERPRISE }, zhifa))).toMatchObject({ code: 'FORBIDDEN' });
    expect(fieldsOf(await file({ enterpriseId: ENTERPRISE, enforcementItemId: INSPECTION_ITEM }))).toEqual([expect.objectContaining({ field: 'input.enforcementItemId', rule: 'penaltyItem' })]);
    expect(fieldsOf(await file({ enterpriseId: org('village-wenfeng') }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'enterprise' })]);
    expect(errorOf(await file({ enterpriseId: ENTERPRISE }, sinopec))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('enforcement_case')).toBe(before);

    const c = await filed({ enterpriseId: ENTERPRISE, actEndedOn: '2026-11-20' });
    expect(c).toMatchObject({ status: 'FILED', filedOn: '2026-11-29', decisionDueOn: '2027-02-27', targetDueOn: '2027-01-28', daysLeft: 90, suspended: false });
    const docs = (await one(c.id, office, 'documents { edges { node { kind number } } } clockRuleVersion { documentNumber }'))!;
    expect(docs['documents'].edges.map((e: any) => e.node)).toEqual([{ kind: 'CASE_FILING', number: c.code }]);
    expect(c.code).toMatch(/〔2026〕立\d+号$/);
    expect(docs['clockRuleVersion'].documentNumber).toBe('应急管理部令第18号');
  });

  it('refuses filing beyond the limitation: two years, five where life or health was harmed, the anniversary still in time', async () => {
    const ENTERPRISE = org('ent-jinfo-hotel');
    expect((await filed({ enterpriseId: ENTERPRISE, actEndedOn: '2024-11-29' })).status).toBe('FILED');
    const late = fieldsOf(await file({ enterpriseId: ENTERPRISE, actEndedOn: '2024-11-28' }));
    expect(late).toEqual([expect.objectContaining({ field: 'input.actEndedOn', rule: 'limitation' })]);
    expect(late[0]!.message).toContain('more than 2 years');
    expect((await filed({ enterpriseId: ENTERPRISE, actEndedOn: '2021-11-29', harmToLifeOrHealth: true })).status).toBe('FILED');
    expect(fieldsOf(await file({ enterpriseId: ENTERPRISE, actEndedOn: '2021-11-28', harmToLifeOrHealth: true }))).toEqual([expect.objectContaining({ field: 'input.actEndedOn', rule: 'limitation' })]);
  });

  it('opens a case from an inspection marked for a case (of the same enterprise) or linked to an accident investigation', async () => {
    const XIANGRUI = org('ent-xiangrui-fireworks');
    const fromInspection = await filed({ enterpriseId: XIANGRUI, actEndedOn: '2025-09-25', enforcementItemId: enforcementItemSeedId('2025-07', 'YJ-CF-005'), inspectionId: inspectionSeedId('2025-xiangrui-special') });
    expect(await one(fromInspection.id, office, 'origin inspection { code forCase }')).toEqual({ origin: 'INSPECTION', inspection: { code: 'NPJC-2025-0006', forCase: true } });
    expect(fieldsOf(await file({ enterpriseId: XIANGRUI, inspectionId: inspectionSeedId('2026-dashi-routine') }))).toEqual([expect.objectContaining({ field: 'input.inspectionId', rule: 'inspectionForCase' })]);
    expect(errorOf(await file({ enterpriseId: XIANGRUI, accidentInvestigationId: seedId('nothing:here') }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.accidentInvestigationId' });
    const accident = (await ok(office, `{ accidentInvestigations(first: 1) { edges { node { id } } } }`))['accidentInvestigations'].edges[0]?.node;
    expect(accident).toBeDefined();
    const linked = await filed({ enterpriseId: XIANGRUI, accidentInvestigationId: accident.id });
    expect(await one(linked.id, office, 'origin accidentInvestigation { id }')).toEqual({ origin: 'ACCIDENT', accidentInvestigation: { id: accident.id } });
  });

  it('needs every enforcer\'s declaration before the investigation, and a recused one replaced before the next step', async () => {
    const c = await filed({ enterpriseId: org('ent-jinfo-hotel'), actEndedOn: '2026-11-01' });
    expect(fieldsOf(await step(zhifa, 'startPenaltyCaseInvestigation', c.id))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'recusal' })]);
    await stepped(zhifa, 'declarePenaltyCaseRecusal', c.id, { personId: STAFF1, recused: false }, 'DeclarePenaltyCaseRecusalInput');
    await stepped(zhifa, 'declarePenaltyCaseRecusal', c.id, { personId: STAFF2, recused: true, reason: '与当事人主要负责人系近亲属' }, 'DeclarePenaltyCaseRecusalInput');
    expect(fieldsOf(await step(zhifa, 'startPenaltyCaseInvestigation', c.id))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'recusal' })]);
    // Replaced by the squad's head (certified): then the head declares too.
    const replaced = await stepped(zhifa, 'declarePenaltyCaseRecusal', c.id, { personId: STAFF2, recused: true, reason: '与当事人主要负责人系近亲属', replacementPersonId: HEAD }, 'DeclarePenaltyCaseRecusalInput');
    expect(replaced.enforcerPersonIds).toEqual([STAFF1, HEAD]);
    await stepped(zhifa, 'declarePenaltyCaseRecusal', c.id, { personId: HEAD, recused: false }, 'DeclarePenaltyCaseRecusalInput');
    expect((await stepped(zhifa, 'startPenaltyCaseInvestigation', c.id)).status).toBe('INVESTIGATING');
    const recusals = (await one(c.id, office, 'recusals { edges { node { personId recused reason replacedByPersonId } } }'))!['recusals'].edges.map((e: any) => e.node);
    expect(recusals).toEqual(expect.arrayContaining([{ personId: STAFF2, recused: true, reason: '与当事人主要负责人系近亲属', replacedByPersonId: HEAD }]));
  });

  it('computes the legal decision date in calendar days across 国庆 with a suspension and one extension, refusing a second', async () => {
    clock.set(new Date('2026-07-01T02:00:00Z'));
    const c = await filed({ enterpriseId: org('ent-jinfo-hotel'), actEndedOn: '2026-06-20' });
    // 2026-07-01 + 90 days.
    expect(c).toMatchObject({ filedOn: '2026-07-01', decisionDueOn: '2026-09-29', targetDueOn: '2026-08-30' });
    clock.set(new Date('2026-07-10T02:00:00Z'));
    const suspended = await stepped(zhifa, 'suspendPenaltyCase', c.id, { reason: '等待司法鉴定意见' }, 'PenaltyCaseReasonInput');
    expect(suspended).toMatchObject({ suspended: true, suspendedDays: 0, decisionDueOn: '2026-09-29' });
    expect(fieldsOf(await step(zhifa, 'suspendPenaltyCase', c.id, { reason: '再次中止' }, 'PenaltyCaseReasonInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'clock' })]);
    clock.set(new Date('2026-07-15T02:00:00Z'));
    // While suspended the date moves with the days passing: the clock stands still.
    expect(await one(c.id)).toMatchObject({ suspendedDays: 5, decisionDueOn: '2026-10-04', daysLeft: 81 });
    clock.set(new Date('2026-07-24T02:00:00Z'));
    const resumed = await stepped(zhifa, 'resumePenaltyCase', c.id, { reason: '鉴定意见已出具' }, 'PenaltyCaseReasonInput');
    // 14 days suspended (07-10 to 07-24): 2026-10-13, past 国庆 (calendar days count through it).
    expect(resumed).toMatchObject({ suspended: false, suspendedDays: 14, decisionDueOn: '2026-10-13', targetDueOn: '2026-09-13' });
    clock.set(new Date('2026-09-30T02:00:00Z'));
    // The decider must not be an enforcer; the inspector may not extend at all.
    expect(errorOf(await step(zhifa, 'extendPenaltyCase', c.id, { days: 30, reason: '案情复杂' }, 'ExtendPenaltyCaseInput'))).toMatchObject({ code: 'FORBIDDEN' });
    const extended = await stepped(office, 'extendPenaltyCase', c.id, { days: 30, reason: '案情复杂，需补充调查' }, 'ExtendPenaltyCaseInput');
    expect(extended).toMatchObject({ extensionDays: 30, decisionDueOn: '2026-11-12', targetDueOn: '2026-09-13' });
    expect(fieldsOf(await step(office, 'extendPenaltyCase', c.id, { days: 10, reason: '再次延期' }, 'ExtendPenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'clock' })]);
    const suspensions = (await one(c.id, office, 'suspensions { edges { node { suspendedOn resumedOn reason } } }'))!['suspensions'].edges.map((e: any) => e.node);
    expect(suspensions).toEqual([{ suspendedOn: '2026-07-10', resumedOn: '2026-07-24', reason: '等待司法鉴定意见' }]);
    // Past its date undecided: warned, and first in the list by days left.
    clock.set(new Date('2026-11-13T02:00:00Z'));
    expect((await one(c.id, office, 'daysLeft warnings { kind dueOn daysLeft }'))).toEqual({ daysLeft: -1, warnings: [{ kind: 'DECISION_OVERDUE', dueOn: '2026-11-12', daysLeft: -1 }] });
    const byDaysLeft = (await ok(office, `{ penaltyCasesByDaysLeft(first: 1) { edges { node { id daysLeft } } } }`))['penaltyCasesByDaysLeft'].edges.map((e: any) => e.node);
    expect(byDaysLeft).toEqual([{ id: c.id, daysLeft: -1 }]);
  });

  it('decides no penalty by a head who is not an enforcer, serves within working days over 国庆 2026, closes and archives, with a document at each step', async () => {
    clock.set(new Date('2026-09-28T02:00:00Z'));
    const c = await investigating(await filed({ enterpriseId: org('ent-sinopec-nanping'), actEndedOn: '2026-09-01' }), '2026-09-28');
    const ended = await stepped(zhifa, 'endPenaltyCaseInvestigation', c.id, { summary: '违法行为轻微并已及时改正，未造成危害后果。' }, 'EndPenaltyCaseInvestigationInput');
    expect(ended.status).toBe('LEGAL_REVIEW');
    // An account of the office linked to staff-2, one of the enforcers, may not decide.
    const admin = await t.as('admin');
    const user = await mutated(admin, 'createUser', 'CreateUserInput', { username: 'case-decider-enforcer', password: 'nanping2025', displayName: '执法队员兼负责人', personId: STAFF2, organizationId: TOWN }, 'id');
    const role = (await ok(admin, `{ roles(first: 100) { edges { node { id code } } } }`))['roles'].edges.map((e: any) => e.node).find((r: any) => r.code === 'town-safety-office').id;
    await mutated(admin, 'assignRole', 'AssignRoleInput', { principalKind: 'USER', principalId: user.id, roleId: role, organizationId: TOWN }, 'id');
    const colleague = await t.as('case-decider-enforcer');
    // Nor may that head file a case of which the linked person is an enforcer (立案审批 is by someone else).
    expect(fieldsOf(await file({ enterpriseId: org('ent-jinfo-hotel') }, colleague))).toEqual([expect.objectContaining({ field: 'input.enforcerPersonIds', rule: 'independentApprover' })]);
    const decision = { decision: 'NO_PENALTY_MINOR', reason: '违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条第一款）' };
    expect(fieldsOf(await step(colleague, 'decidePenaltyCase', c.id, decision, 'DecidePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'independentApprover' })]);
    expect(errorOf(await step(zhifa, 'decidePenaltyCase', c.id, decision, 'DecidePenaltyCaseInput'))).toMatchObject({ code: 'FORBIDDEN' });
    // A penalty cannot be decided without the notice.
    expect(fieldsOf(await step(office, 'decidePenaltyCase', c.id, { ...decision, decision: 'PENALTY' }, 'DecidePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.decision', rule: 'state' })]);
    const decided = await stepped(office, 'decidePenaltyCase', c.id, decision, 'DecidePenaltyCaseInput');
    // Decided Monday 2026-09-28, seven working days: 09-29, 09-30, 10-08, 10-09, 10-10 (调休), 10-12, 10-13.
    expect(decided).toMatchObject({ status: 'DECIDED', decidedOn: '2026-09-28', decision: 'NO_PENALTY_MINOR', serviceDueOn: '2026-10-13', daysLeft: null });
    expect(decided.decisionDocumentNumber).toMatch(/不罚\d+号$/);
    clock.set(new Date('2026-10-12T02:00:00Z'));
    expect((await one(c.id, office, 'warnings { kind dueOn daysLeft }'))!['warnings']).toEqual([{ kind: 'SERVICE_DUE', dueOn: '2026-10-13', daysLeft: 1 }]);
    const served = await stepped(zhifa, 'servePenaltyCase', c.id, { method: 'DIRECT', recipient: '钱南平' }, 'ServePenaltyCaseInput');
    expect(served).toMatchObject({ status: 'SERVED', servedOn: '2026-10-12', paymentDueOn: null });
    expect(fieldsOf(await step(zhifa, 'executePenaltyCase', c.id))).toEqual([expect.objectContaining({ rule: 'state' })]);
    expect(errorOf(await step(zhifa, 'closePenaltyCase', c.id, { reason: '不予处罚决定已送达' }, 'ClosePenaltyCaseInput'))).toMatchObject({ code: 'FORBIDDEN' });
    const closed = await stepped(office, 'closePenaltyCase', c.id, { reason: '不予处罚决定已送达' }, 'ClosePenaltyCaseInput');
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-10-12' });
    const archived = await stepped(zhifa, 'archivePenaltyCase', c.id);
    expect(archived).toMatchObject({ status: 'ARCHIVED', archivedOn: '2026-10-12' });
    const kinds = (await one(c.id, office, 'documents { edges { node { kind } } }'))!['documents'].edges.map((e: any) => e.node.kind);
    expect(kinds).toEqual(['CASE_FILING', 'NO_PENALTY_DECISION', 'SERVICE_RECEIPT', 'CASE_CLOSURE']);
    // The enterprise sees its own case and its documents.
    expect((await one(c.id, sinopec, 'code status'))).toMatchObject({ status: 'ARCHIVED' });
  });

  it('takes a penalty through notice, a hearing requested and notified in working days over 国庆 2026, review, discussion, a decision no heavier than notified, service, payment and closure', async () => {
    clock.set(new Date('2026-09-29T02:00:00Z'));
    const c = await investigating(await filed({ enterpriseId: org('ent-jinfo-hotel'), actEndedOn: '2026-09-01', cause: '未按规定对从业人员进行安全生产教育和培训（三项）' }), '2026-09-29');
    const bands = (await ok(office, `query($id: UUID!) { enforcementItem(id: $id) { discretionBands(first: 20) { edges { node { id subject level } } } } }`, { id: ITEM }))['enforcementItem'].discretionBands.edges.map((e: any) => e.node);
    const serious = bands.find((b: any) => b.subject === 'UNIT' && b.level === 'SERIOUS').id;
    const line = await mutated(zhifa, 'addPenaltyLine', 'AddPenaltyLineInput', { caseId: c.id, subjectKind: 'UNIT', bandId: serious, amountYuan: '60000', lawArticleIds: [lawArticleSeedId('work-safety-law-2021', 97)], reason: '违法情形三项' }, 'id version');
    await stepped(zhifa, 'endPenaltyCaseInvestigation', c.id, { summary: '查明该单位3名员工未经培训上岗、未建立培训档案、特种作业人员未持证。' }, 'EndPenaltyCaseInvestigationInput');
    const notice = { basis: '《中华人民共和国安全生产法》第九十七条', intendedPenalty: '罚款人民币陆万元' };
    // The fine reaches the hearing threshold: legal review first.
    expect(fieldsOf(await step(zhifa, 'notifyPenaltyCase', c.id, notice, 'NotifyPenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'legalReview' })]);
    expect(errorOf(await step(zhifa, 'reviewPenaltyCase', c.id, { opinion: '事实清楚' }, 'ReviewPenaltyCaseInput'))).toMatchObject({ code: 'FORBIDDEN' });
    await stepped(office, 'reviewPenaltyCase', c.id, { opinion: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当。' }, 'ReviewPenaltyCaseInput');
    const notified = await stepped(zhifa, 'notifyPenaltyCase', c.id, notice, 'NotifyPenaltyCaseInput');
    // Notified Tuesday 2026-09-29: five working days, 09-30, 10-08, 10-09, 10-10 (调休), 10-12.
    expect(notified).toMatchObject({ status: 'NOTIFIED' });
    expect(await one(c.id, office, 'hearingRequired hearingRequestDueOn notifiedFineYuan legalReviewRequired')).toEqual({ hearingRequired: true, hearingRequestDueOn: '2026-10-12', notifiedFineYuan: '60000.00', legalReviewRequired: true });
    await mutated(zhifa, 'recordPenaltyCaseStatement', 'RecordPenaltyCaseStatementInput', { caseId: c.id, madeOn: '2026-09-29', madeBy: '金佛酒店负责人', content: '已组织补训，请求从轻处罚。', accepted: false, response: '补训系事后改正，不足以从轻。' }, 'id position');
    // Deciding before the request period is over is refused.
    expect(fieldsOf(await step(office, 'decidePenaltyCase', c.id, { decision: 'PENALTY', reason: '事实清楚' }, 'DecidePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.on', rule: 'hearingDeadline' })]);
    clock.set(new Date('2026-10-13T02:00:00Z'));
    const hearing = { requestedOn: '2026-10-13', hearingOn: '2026-10-26', place: '南平镇人民政府三楼会议室', chairPersonId: SAFETY_HEAD };
    expect(fieldsOf(await step(zhifa, 'notifyPenaltyCaseHearing', c.id, hearing, 'NotifyPenaltyCaseHearingInput'))).toEqual([expect.objectContaining({ field: 'input.requestedOn', rule: 'hearingDeadline' })]);
    clock.set(new Date('2026-10-09T02:00:00Z'));
    // Notified Friday 2026-10-09: seven working days, 10-10 (调休), 10-12 … 10-16, 10-19.
    const early = fieldsOf(await step(zhifa, 'notifyPenaltyCaseHearing', c.id, { ...hearing, requestedOn: '2026-10-09', hearingOn: '2026-10-16' }, 'NotifyPenaltyCaseHearingInput'));
    expect(early).toEqual([expect.objectContaining({ field: 'input.hearingOn', rule: 'hearingDeadline' })]);
    expect(early[0]!.message).toContain('2026-10-19');
    expect(fieldsOf(await step(zhifa, 'notifyPenaltyCaseHearing', c.id, { ...hearing, requestedOn: '2026-10-09', hearingOn: '2026-10-19', chairPersonId: STAFF1 }, 'NotifyPenaltyCaseHearingInput'))).toEqual([expect.objectContaining({ field: 'input.chairPersonId', rule: 'independentApprover' })]);
    expect((await stepped(zhifa, 'notifyPenaltyCaseHearing', c.id, { ...hearing, requestedOn: '2026-10-09', hearingOn: '2026-10-19' }, 'NotifyPenaltyCaseHearingInput')).status).toBe('HEARING');
    clock.set(new Date('2026-10-20T02:00:00Z'));
    await stepped(zhifa, 'recordPenaltyCaseHearing', c.id, { record: '当事人对违法事实无异议，请求减轻处罚。', on: '2026-10-19' }, 'RecordPenaltyCaseHearingInput');
    const decision = { decision: 'PENALTY', reason: '事实清楚，证据确凿' };
    expect(fieldsOf(await step(office, 'decidePenaltyCase', c.id, decision, 'DecidePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'legalReview' })]);
    await stepped(office, 'recordPenaltyCaseDiscussion', c.id, { participants: ['镇长', '分管副镇长', '安办主任', '综合执法大队队长'], conclusion: '同意罚款人民币陆万元。' }, 'RecordPenaltyCaseDiscussionInput');
    // No heavier penalty than notified.
    const heavier = await mutated(zhifa, 'updatePenaltyLine', 'UpdatePenaltyLineInput', { id: line.id, version: line.version, amountYuan: '70000' }, 'id version');
    expect(fieldsOf(await step(office, 'decidePenaltyCase', c.id, decision, 'DecidePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.decision', rule: 'noHeavierPenalty' })]);
    await mutated(zhifa, 'updatePenaltyLine', 'UpdatePenaltyLineInput', { id: line.id, version: heavier.version, amountYuan: '60000' }, 'id');
    const decided = await stepped(office, 'decidePenaltyCase', c.id, decision, 'DecidePenaltyCaseInput');
    expect(decided).toMatchObject({ status: 'DECIDED', decidedOn: '2026-10-20', serviceDueOn: '2026-10-29' });
    expect(decided.decisionDocumentNumber).toMatch(/罚决\d+号$/);
    clock.set(new Date('2026-10-21T02:00:00Z'));
    const served = await stepped(zhifa, 'servePenaltyCase', c.id, { method: 'DIRECT', recipient: '金佛酒店负责人' }, 'ServePenaltyCaseInput');
    expect(served).toMatchObject({ status: 'SERVED', paymentDueOn: '2026-11-05' });
    await stepped(zhifa, 'executePenaltyCase', c.id);
    expect(fieldsOf(await step(office, 'closePenaltyCase', c.id, { reason: '罚款已缴清' }, 'ClosePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'settled' })]);
    await mutated(zhifa, 'recordPenaltyPayment', 'RecordPenaltyPaymentInput', { caseId: c.id, amountYuan: '60000', paidOn: '2026-10-21', receiptNumber: 'NP-2026-CF-0001' }, 'id');
    expect((await stepped(office, 'closePenaltyCase', c.id, { reason: '罚款已缴清' }, 'ClosePenaltyCaseInput')).status).toBe('CLOSED');
    const kinds = (await one(c.id, office, 'documents { edges { node { kind } } }'))!['documents'].edges.map((e: any) => e.node.kind);
    expect(kinds).toEqual(['CASE_FILING', 'PENALTY_NOTICE', 'HEARING_NOTICE', 'PENALTY_DECISION', 'SERVICE_RECEIPT', 'CASE_CLOSURE']);
  });

  it('flags a criminal referral when indicators are set and when transferred to the judiciary', async () => {
    const c = await investigating(await filed({ enterpriseId: org('ent-jinfo-hotel'), actEndedOn: '2026-11-20' }), '2026-11-29');
    const referrals = async () => (await t.gateway.database.dataSource.query(`SELECT reasons FROM criminal_referral WHERE case_id = $1`, [c.id])) as Array<{ reasons: string[] }>;
    expect(fieldsOf(await step(office, 'decidePenaltyCase', c.id, { decision: 'TRANSFER_TO_JUDICIAL', reason: '涉嫌危险作业罪' }, 'DecidePenaltyCaseInput'))).toEqual([expect.objectContaining({ field: 'input.decision', rule: 'required' })]);
    await stepped(zhifa, 'setPenaltyCaseCriminalIndicators', c.id, { criminalIndicators: ['MONITORING_EQUIPMENT_DISABLED'] }, 'SetPenaltyCaseIndicatorsInput');
    expect(await referrals()).toEqual([{ reasons: ['MONITORING_EQUIPMENT_DISABLED'] }]);
    await stepped(zhifa, 'setPenaltyCaseCriminalIndicators', c.id, { criminalIndicators: ['MONITORING_EQUIPMENT_DISABLED', 'KNOWN_MAJOR_HAZARD_CONTINUED'] }, 'SetPenaltyCaseIndicatorsInput');
    expect((await referrals()).map((r) => [...r.reasons].sort())).toEqual([['KNOWN_MAJOR_HAZARD_CONTINUED', 'MONITORING_EQUIPMENT_DISABLED']]);
    const decided = await stepped(office, 'decidePenaltyCase', c.id, { decision: 'TRANSFER_TO_JUDICIAL', reason: '涉嫌危险作业罪，移送公安机关' }, 'DecidePenaltyCaseInput');
    expect(decided).toMatchObject({ status: 'DECIDED', decision: 'TRANSFER_TO_JUDICIAL', decisionDocumentNumber: null });
    expect(await referrals()).toHaveLength(1);
  });

  it('answers an out-of-scope case like a missing one and lists an enterprise its own cases only', async () => {
    const other = await filed({ enterpriseId: org('ent-jinfo-hotel'), actEndedOn: '2026-11-01' });
    expect(await one(other.id, sinopec, 'id')).toBeNull();
    const listed = (await ok(sinopec, `{ penaltyCases(first: 100) { totalCount edges { node { enterpriseId } } } }`))['penaltyCases'];
    expect(listed.edges.every((e: any) => e.node.enterpriseId === org('ent-sinopec-nanping'))).toBe(true);
    // An enterprise may not step a case, and a case out of its scope answers NOT_FOUND to a step it may take.
    expect(errorOf(await step(sinopec, 'suspendPenaltyCase', other.id, { reason: '测试' }, 'PenaltyCaseReasonInput'))).toMatchObject({ code: 'FORBIDDEN' });
    const village = await t.as('shuanghe');
    expect(await one(other.id, village, 'id')).toBeNull();
  });

  it('pages its lists losslessly, rows sharing one filing day, in both directions', async () => {
    const total = (await ok(office, `{ penaltyCases(first: 1) { totalCount } }`))['penaltyCases'].totalCount as number;
    expect(total).toBeGreaterThan(4);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { penaltyCases(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['penaltyCases'], 1, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { penaltyCases(orderBy: [{ field: STATUS }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['penaltyCases'], 2, total);
    const open = (await ok(office, `{ penaltyCasesByDaysLeft(first: 1) { totalCount } }`))['penaltyCasesByDaysLeft'].totalCount as number;
    expect(open).toBeGreaterThan(2);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { penaltyCasesByDaysLeft(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['penaltyCasesByDaysLeft'], 1, open);
  });
});

/**
 * The seeded cases (one in every step, one suspended, one extended) as of the README's moment, their
 * clocks, the list by days left and the indicators, on a gateway of their own.
 */
describe('seeded penalty cases (行政处罚案件)', () => {
  const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
  let t: TestGateway;
  let office: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    office = await t.as('anban');
  });
  afterAll(() => t?.close());

  it('holds a case in every step with the clocks of its rule version', async () => {
    const cases = (await dataOf(office, `{ penaltyCases(first: 50, orderBy: [{ field: STATUS }]) { totalCount edges { node { id status decisionDueOn daysLeft suspended suspendedDays extensionDays serviceDueOn hearingRequestDueOn documents { totalCount } } } } }`))['penaltyCases'];
    const byId = new Map(cases.edges.map((e: any) => [e.node.id, e.node]));
    expect(cases.edges.map((e: any) => e.node.status)).toEqual(['FILED', 'INVESTIGATING', 'LEGAL_REVIEW', 'NOTIFIED', 'HEARING', 'DECIDED', 'SERVED', 'EXECUTING', 'CLOSED', 'ARCHIVED']);
    // Suspended since 2026-10-08: 52 days so far, the 70 days left stand still.
    expect(byId.get(penaltyCaseSeedId('2026-dashi-electrician'))).toMatchObject({ suspended: true, suspendedDays: 52, decisionDueOn: '2027-02-07', daysLeft: 70 });
    // Filed 2026-08-20: + 90 + 20 days suspended + 30 days extension.
    expect(byId.get(penaltyCaseSeedId('2026-hongfa-blasting'))).toMatchObject({ suspended: false, suspendedDays: 20, extensionDays: 30, decisionDueOn: '2027-01-07', daysLeft: 39 });
    // Notified Tuesday 2026-11-24: five working days to request a hearing.
    expect(byId.get(penaltyCaseSeedId('2026-desheng-training'))).toMatchObject({ hearingRequestDueOn: '2026-12-01', documents: { totalCount: 2 } });
    expect(byId.get(penaltyCaseSeedId('2026-lvyuan-minor'))).toMatchObject({ serviceDueOn: '2026-12-04', daysLeft: null });
    expect(byId.get(penaltyCaseSeedId('2025-xiangrui-storage'))).toMatchObject({ documents: { totalCount: 5 } });
    // Served 2026-10-28, the fine due 15 days later and not paid (the penalties part's seed): overdue.
    const served = (await dataOf(office, `query($id: UUID!) { penaltyCase(id: $id) { paymentDueOn warnings { kind dueOn daysLeft } } }`, { id: penaltyCaseSeedId('2026-fengxiang-training') }))['penaltyCase'];
    expect(served).toEqual({ paymentDueOn: '2026-11-12', warnings: [expect.objectContaining({ kind: 'PAYMENT_OVERDUE', dueOn: '2026-11-12', daysLeft: -17 })] });
    const late = (await dataOf(office, `{ penaltyCases(first: 10, filter: { decisionLate: true }) { edges { node { id } } } }`))['penaltyCases'].edges.map((e: any) => e.node.id);
    expect(late).toEqual([penaltyCaseSeedId('2026-hengtong-unproven')]);
    const open = (await dataOf(office, `{ penaltyCasesByDaysLeft(first: 10) { totalCount edges { node { id daysLeft } } } }`))['penaltyCasesByDaysLeft'];
    expect(open.edges.map((e: any) => e.node.daysLeft)).toEqual([39, 39, 50, 70, 86]);
  });

  it('evaluates the indicators on the seeded cases (hand-computed)', async () => {
    const codes = ['enforcement.cases-by-days-left', 'enforcement.cases-by-days-left.overdue', 'enforcement.cases-by-days-left.within-week', 'enforcement.cases-by-days-left.within-month', 'enforcement.cases-by-days-left.beyond-month', 'enforcement.cases-decided-late'];
    const values = Object.fromEntries(
      (await dataOf(office, `query($o: UUID!, $c: [String!]) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2027-01-01", filter: { codes: $c }) { edges { node { indicator { code } numerator } } } }`, { o: TOWN, c: codes }))['indicatorValues'].edges.map((e: any) => [e.node.indicator.code, e.node.numerator]),
    );
    // Five open cases, all more than 30 days from their date; 恒通's (filed 2026-02-10, due 05-11) decided on 05-25: late.
    expect(values).toEqual({ 'enforcement.cases-by-days-left': 0, 'enforcement.cases-by-days-left.overdue': 0, 'enforcement.cases-by-days-left.within-week': 0, 'enforcement.cases-by-days-left.within-month': 0, 'enforcement.cases-by-days-left.beyond-month': 5, 'enforcement.cases-decided-late': 1 });
  });
});
