import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { enforcementItemListSeedId, enforcementItemSeedId, inspectionSeedId, lawArticleSeedId, specialOperationCertificateSeedId } from '../src/index';
import { createLogger, runSeeds, selectModules } from '@platform/server';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const ITEM = enforcementItemSeedId('2025-07', 'AQ-JC-001');
const FIRE_ITEM = enforcementItemSeedId('2025-07', 'XF-JC-001');
const OLD_ITEM = enforcementItemSeedId('2025-01', 'AQ-JC-001');
const person = (key: string) => seedId(`person:person-dept-enforcement-${key}`);
const [STAFF1, STAFF2, STAFF3, HEAD] = [person('staff-1'), person('staff-2'), person('staff-3'), person('head')];
const org = (key: string) => seedId(`org:${key}`);
const inspection = inspectionSeedId;
const DUTIES = ['RESPONSIBILITY_SYSTEM', 'RULES_AND_PROCEDURES', 'TRAINING', 'INVESTMENT', 'DUAL_PREVENTION', 'EMERGENCY_PLAN', 'ACCIDENT_REPORTING'];
const CHECKLIST = DUTIES.map((duty) => ({ duty, result: 'COMPLIANT' }));

const FIELDS = 'id version code status plannedOn visitedOn enterpriseClass frequencyCap submittedOn approvedOn approverPersonId rectificationDeadline reinspectionDueOn reinspectedOn rectified forCase forCaseReason reinspectionOverdue closedOn cancelledOn';
type Inspection = { id: string; version: number; code: string; status: string; [k: string]: any };

/**
 * Administrative inspections (issue 19, 行政检查): who may inspect (legal subject, certified
 * inspectors, an item in force, an enterprise), the frequency cap at its boundary, approval by someone
 * else, the visit with findings that raise hazards in the risk module and certificates that become
 * findings, documents, re-inspection due and overdue, scope, statements, paging and the indicators.
 */
describe('inspections (行政检查)', () => {
  // 2026-11-29 (Sunday) 10:00 China time: the README's moment.
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
  const one = async (id: string, client = office, fields = FIELDS): Promise<Inspection | null> => (await ok(client, `query($id: UUID!) { inspection(id: $id) { ${fields} } }`, { id }))['inspection'];
  const plan = (input: Record<string, unknown>, client = zhifa) =>
    mutation(client, 'planInspection', 'PlanInspectionInput', { enforcementItemId: ITEM, legalSubjectId: TOWN, kind: 'ROUTINE', plannedOn: '2026-12-10', inspectorPersonIds: [STAFF1, STAFF2], purpose: '测试检查', ...input }, FIELDS);
  const planned = async (input: Record<string, unknown>, client = zhifa): Promise<Inspection> => {
    const res = await plan(input, client);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['planInspection'];
  };
  /** A step on the inspection as it is now (its current version). */
  const step = async (client: GraphQLClient, name: string, id: string, extra: Record<string, unknown> = {}, type = 'InspectionStepInput') => mutation(client, name, type, { id, version: (await one(id))!.version, ...extra }, FIELDS);
  const stepped = async (client: GraphQLClient, name: string, id: string, extra: Record<string, unknown> = {}, type = 'InspectionStepInput'): Promise<Inspection> => {
    const res = await step(client, name, id, extra, type);
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name];
  };
  const count = async (table: string) => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  /** Plans, submits and approves an inspection (anban approves: not one of the inspectors). */
  const approved = async (input: Record<string, unknown>): Promise<Inspection> => {
    const i = await planned(input);
    await stepped(zhifa, 'submitInspection', i.id);
    return stepped(office, 'approveInspection', i.id);
  };

  it('refuses inspections by one inspector, an uncertified one, a village or a department, under an item not in force, or of what is not an enterprise, writing nothing', async () => {
    const before = await count('inspection');
    const ENTERPRISE = org('ent-jinfo-hotel');
    expect(fieldsOf(await plan({ enterpriseId: ENTERPRISE, inspectorPersonIds: [STAFF1] }))).toEqual([expect.objectContaining({ field: 'input.inspectorPersonIds', rule: 'inspectors' })]);
    expect(fieldsOf(await plan({ enterpriseId: ENTERPRISE, inspectorPersonIds: [STAFF1, STAFF1] }))).toEqual([expect.objectContaining({ field: 'input.inspectorPersonIds', rule: 'inspectors' })]);
    // staff-3's certificate expired on 2026-03-31: refused, naming the person.
    const uncertified = fieldsOf(await plan({ enterpriseId: ENTERPRISE, inspectorPersonIds: [STAFF1, STAFF3] }));
    expect(uncertified).toEqual([expect.objectContaining({ field: 'input.inspectorPersonIds.1', rule: 'certifiedInspectors' })]);
    const staff3 = (await ok(office, `query($id: UUID!) { person(id: $id) { name } }`, { id: STAFF3 }))['person'].name;
    expect(uncertified[0]!.message).toContain(staff3);
    // Certified then: the same inspector on a day within the certificate's period is accepted by the check.
    const village = fieldsOf(await plan({ enterpriseId: ENTERPRISE, legalSubjectId: org('village-wenfeng') }));
    expect(village).toEqual([expect.objectContaining({ field: 'input.legalSubjectId', rule: 'legalSubject' })]);
    expect(village[0]!.message).toMatch(/Patrols.*expert guidance.*safety-committee supervision/);
    expect(fieldsOf(await plan({ enterpriseId: ENTERPRISE, legalSubjectId: org('dept-enforcement') }))).toEqual([expect.objectContaining({ field: 'input.legalSubjectId', rule: 'legalSubject' })]);
    expect(fieldsOf(await plan({ enterpriseId: ENTERPRISE, legalSubjectId: org('dept-economy') }))).toEqual([expect.objectContaining({ field: 'input.legalSubjectId', rule: 'legalSubject' })]);
    // The 2025-01 list ended on 2025-06-30: its item is not in force on the planned day.
    expect(fieldsOf(await plan({ enterpriseId: ENTERPRISE, enforcementItemId: OLD_ITEM }))).toEqual([expect.objectContaining({ field: 'input.enforcementItemId', rule: 'inForce' })]);
    expect(fieldsOf(await plan({ enterpriseId: org('village-wenfeng') }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'enterprise' })]);
    expect(errorOf(await plan({ enterpriseId: seedId('org:no-such-enterprise') }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
    expect(errorOf(await plan({ enterpriseId: ENTERPRISE }, sinopec))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('inspection')).toBe(before);
  });

  it('holds the yearly frequency cap at its boundary: the cap-th inspection is planned (and warned of), the next refused until one is cancelled', async () => {
    // 2027: no approved plan yet, so the class is derived; 香河豆制品 is an ordinary enterprise (cap 2, repeat window 30 days).
    const ENTERPRISE = org('ent-xianghe-tofu');
    const first = await planned({ enterpriseId: ENTERPRISE, plannedOn: '2027-03-01' });
    expect(first).toMatchObject({ status: 'DRAFT', enterpriseClass: 'ORDINARY', frequencyCap: 2, code: 'NPJC-2027-0001' });
    // Under the fire-safety item: the cap counts every inspection of the enterprise, whatever the item or subject.
    const second = await planned({ enterpriseId: ENTERPRISE, plannedOn: '2027-03-15', kind: 'SPECIAL', enforcementItemId: FIRE_ITEM });
    const warnings = async (id: string) => (await ok(office, `query($id: UUID!) { inspection(id: $id) { warnings { kind message relatedInspection { code } } } }`, { id }))['inspection'].warnings;
    expect(await warnings(second.id)).toEqual([
      { kind: 'REPEAT', message: '30日内该企业另有行政检查NPJC-2027-0001（2027-03-01）', relatedInspection: { code: 'NPJC-2027-0001' } },
      { kind: 'NEAR_CAP', message: '本次为该企业2027年第2次行政检查，已达年度频次上限2次', relatedInspection: null },
    ]);
    expect((await warnings(first.id)).map((w: any) => w.kind)).toEqual(['REPEAT']);
    const third = await plan({ enterpriseId: ENTERPRISE, plannedOn: '2027-09-01' });
    expect(fieldsOf(third)).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'frequencyCap' })]);
    expect(fieldsOf(third)[0]!.message).toContain('already has 2 inspection(s) in 2027');
    // A cancelled inspection no longer counts.
    await stepped(zhifa, 'cancelInspection', first.id, { reason: '企业申请合并检查' }, 'InspectionReasonInput');
    expect((await planned({ enterpriseId: ENTERPRISE, plannedOn: '2027-09-01' })).code).toBe('NPJC-2027-0003');
    // The cap counts the whole calendar year: 丰收米业 had three inspections in the first half of 2025, before the cap took effect, so none more in 2025.
    expect(fieldsOf(await plan({ enterpriseId: org('ent-fengshou-rice'), plannedOn: '2025-10-09' }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'frequencyCap' })]);
  });

  it('is approved only by someone holding the permission who is not one of its inspectors', async () => {
    const i = await planned({ enterpriseId: org('ent-jinfo-hotel') });
    expect(errorOf(await step(zhifa, 'approveInspection', i.id))).toMatchObject({ code: 'FORBIDDEN' });
    const submitted = await stepped(zhifa, 'submitInspection', i.id);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedOn: '2026-11-29' });
    // An account of the office linked to staff-2, one of the inspectors.
    const admin = await t.as('admin');
    const user = await mutated(admin, 'createUser', 'CreateUserInput', { username: 'enforcement-approver', password: 'nanping2025', displayName: '执法队员兼审批', personId: STAFF2, organizationId: TOWN }, 'id');
    const role = (await ok(admin, `{ roles(first: 100) { edges { node { id code } } } }`))['roles'].edges.map((e: any) => e.node).find((r: any) => r.code === 'town-safety-office').id;
    await mutated(admin, 'assignRole', 'AssignRoleInput', { principalKind: 'USER', principalId: user.id, roleId: role, organizationId: TOWN }, 'id');
    const colleague = await t.as('enforcement-approver');
    expect(fieldsOf(await step(colleague, 'approveInspection', i.id))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'independentApprover' })]);
    const refused = await stepped(office, 'rejectInspection', i.id, { reason: '请补充检查事项' }, 'InspectionReasonInput');
    expect(refused.status).toBe('DRAFT');
    await stepped(zhifa, 'submitInspection', i.id);
    const ok2 = await stepped(office, 'approveInspection', i.id);
    expect(ok2).toMatchObject({ status: 'APPROVED', approvedOn: '2026-11-29', approverPersonId: seedId('person:person-dept-safety-head') });
    expect((await one(i.id, office, 'approver { name } rejectionReason'))).toMatchObject({ rejectionReason: null });
  });

  it('records a visit whose finding raises a hazard in the risk module and whose expired certificate becomes a finding, then orders rectification, re-inspects and closes, with a document at each step', async () => {
    const ENTERPRISE = org('ent-sinopec-longmen');
    const i = await approved({ enterpriseId: ENTERPRISE, plannedOn: '2026-11-29' });
    const visit = {
      visitTime: '9时00分至10时30分',
      unitSignatoryName: '赵龙门',
      summary: '现场检查发现问题两项。',
      checklist: CHECKLIST.map((c) => (c.duty === 'DUAL_PREVENTION' ? { ...c, result: 'NON_COMPLIANT', note: '隐患排查台账缺11月记录' } : c)),
      certificateChecks: [{ specialOperationCertificateId: specialOperationCertificateSeedId('sinopec-longmen-explosion-proof'), note: '正在检修罩棚照明' }],
      permitChecks: [{ kind: 'HOT_WORK', result: 'MISSING', note: '罩棚检修动火未办理作业票' }],
      findings: [
        { description: '罩棚照明检修动火作业未办理动火作业票', checklistDuty: 'DUAL_PREVENTION', lawArticleIds: [lawArticleSeedId('work-safety-law-2021', 101)], severity: 'GENERAL', rectificationRequired: true, hazardCategory: 'FIRE', caseReason: '危险作业未安排专门人员现场安全管理，涉嫌违反安全生产法第一百零一条' },
      ],
    };
    const recorded = await stepped(zhifa, 'recordInspectionVisit', i.id, visit, 'RecordInspectionVisitInput');
    expect(recorded).toMatchObject({ status: 'RECORDED', visitedOn: '2026-11-29', forCase: true, forCaseReason: '危险作业未安排专门人员现场安全管理，涉嫌违反安全生产法第一百零一条' });
    const nodeId = (await ok(office, `query($id: UUID!) { inspection(id: $id) { nodeId } }`, { id: i.id }))['inspection'].nodeId;
    const detail = (await ok(office, `query($id: UUID!) {
      inspection(id: $id) {
        checklist { totalCount edges { node { position duty result lawArticle { number } } } }
        certificateChecks { edges { node { status valid specialOperationCertificate { number } } } }
        permitChecks { edges { node { kind result permitNumber } } }
        findings { edges { node { position origin description severity rectificationRequired lawArticles { number } certificateCheck { status } hazardId hazard { source status category organizationId origin { nodeId ... on Inspection { code } } } } } }
        documents { edges { node { kind number text } } }
      }
    }`, { id: i.id }))['inspection'];
    expect(detail.checklist.totalCount).toBe(7);
    expect(detail.checklist.edges[4].node).toEqual({ position: 5, duty: 'DUAL_PREVENTION', result: 'NON_COMPLIANT', lawArticle: { number: '第二十一条' } });
    // The explosion-proof electrician's certificate lapsed on 2026-03-01: EXPIRED on the visit day, and a finding citing 第三十条.
    expect(detail.certificateChecks.edges).toEqual([{ node: { status: 'EXPIRED', valid: false, specialOperationCertificate: { number: 'TZ2020000077' } } }]);
    expect(detail.permitChecks.edges).toEqual([{ node: { kind: 'HOT_WORK', result: 'MISSING', permitNumber: null } }]);
    const [fromCertificate, raised] = detail.findings.edges.map((e: any) => e.node);
    expect(fromCertificate).toMatchObject({ position: 1, origin: 'CERTIFICATE_CHECK', severity: 'GENERAL', rectificationRequired: true, lawArticles: [{ number: '第三十条' }], certificateCheck: { status: 'EXPIRED' }, hazard: null });
    expect(fromCertificate.description).toContain('TZ2020000077');
    // The hazard exists in the risk module, reported with source INSPECTION and this inspection as its origin.
    expect(raised).toMatchObject({ position: 2, origin: 'INSPECTOR', hazard: { source: 'INSPECTION', status: 'REPORTED', category: 'FIRE', organizationId: ENTERPRISE, origin: { nodeId, code: i.code } } });
    const inRisk = (await ok(office, `query($id: UUID!) { hazard(id: $id) { source title } }`, { id: raised.hazardId }))['hazard'];
    expect(inRisk).toEqual({ source: 'INSPECTION', title: '罩棚照明检修动火作业未办理动火作业票' });
    // The approval issued the 行政检查审批表 (numbered 检审), the visit the 现场检查记录.
    expect(detail.documents.edges.map((e: any) => e.node.kind)).toEqual(['INSPECTION_APPROVAL', 'FIELD_INSPECTION_RECORD']);
    expect(detail.documents.edges[0].node.text).toContain(`检查编码：${i.code}`);
    expect(detail.documents.edges[0].node.text).toContain('审批意见：同意检查。');
    expect(detail.documents.edges[1].node.text).toContain('赵龙门');

    // Closing now is refused: findings require rectification.
    expect(fieldsOf(await step(zhifa, 'closeInspection', i.id))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'rectification' })]);
    const ordered = await stepped(zhifa, 'orderInspectionRectification', i.id, { deadline: '2026-12-09' }, 'OrderInspectionRectificationInput');
    // 应急管理部令第18号 (from 2026-02-01): re-inspection within 10 days of the deadline.
    expect(ordered).toMatchObject({ status: 'RECTIFICATION_ORDERED', rectificationDeadline: '2026-12-09', reinspectionDueOn: '2026-12-19', reinspectionOverdue: false });
    expect((await one(i.id, office, 'ruleVersion { documentNumber value }'))).toEqual({ ruleVersion: { documentNumber: '应急管理部令第18号', value: { daysAfterDeadline: 10 } } });
    const overdueCodes = async () => (await ok(office, `{ inspections(filter: { reinspectionOverdue: true }) { edges { node { code } } } }`))['inspections'].edges.map((e: any) => e.node.code);
    clock.set(new Date('2026-12-19T02:00:00Z'));
    expect((await one(i.id))!.reinspectionOverdue).toBe(false);
    clock.set(new Date('2026-12-20T02:00:00Z'));
    expect((await one(i.id))!.reinspectionOverdue).toBe(true);
    expect(await overdueCodes()).toEqual(expect.arrayContaining([i.code, 'NPJC-2026-0004']));
    const reinspected = await stepped(zhifa, 'recordInspectionReinspection', i.id, { rectified: true, opinion: '经复查，已补办动火作业票，新取得防爆电气作业操作证，整改到位。' }, 'RecordInspectionReinspectionInput');
    expect(reinspected).toMatchObject({ status: 'REINSPECTED', reinspectedOn: '2026-12-20', rectified: true, reinspectionOverdue: false });
    expect(await overdueCodes()).not.toContain(i.code);
    expect((await stepped(zhifa, 'closeInspection', i.id)).status).toBe('CLOSED');
    const docs = (await ok(office, `query($id: UUID!) { inspection(id: $id) { documents { edges { node { kind text } } } } }`, { id: i.id }))['inspection'].documents.edges.map((e: any) => e.node);
    expect(docs.map((d: any) => d.kind)).toEqual(['INSPECTION_APPROVAL', 'FIELD_INSPECTION_RECORD', 'RECTIFICATION_ORDER', 'REINSPECTION_OPINION']);
    expect(docs[2].text).toContain('2026年12月9日');
    expect(docs[3].text).toMatch(/责改\d+号/);
    const audit = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'enforcement.inspection.%' ORDER BY occurred_at`, [i.id]);
    expect(audit.map((r: any) => r.action)).toEqual([
      'enforcement.inspection.plan', 'enforcement.inspection.submit', 'enforcement.inspection.approve', 'enforcement.inspection.recordVisit',
      'enforcement.inspection.orderRectification', 'enforcement.inspection.recordReinspection', 'enforcement.inspection.close',
    ]);
  });

  it('refuses a visit that breaks a rule, as a whole: no rows, hazard or document written', async () => {
    const i = await approved({ enterpriseId: org('ent-jiarui-construction'), plannedOn: '2026-11-29' });
    const hazards = await count('hazard');
    const documents = await count('enforcement_document');
    const base = { id: i.id, version: i.version, visitTime: '9时至10时', unitSignatoryName: '钱嘉瑞', checklist: CHECKLIST, findings: [{ description: '基坑临边防护缺失', severity: 'GENERAL', rectificationRequired: true, hazardCategory: 'WORK_SAFETY' }] };
    const visit = (extra: Record<string, unknown>) => mutation(zhifa, 'recordInspectionVisit', 'RecordInspectionVisitInput', { ...base, ...extra }, 'id');
    expect(fieldsOf(await visit({ checklist: CHECKLIST.slice(1) }))).toEqual([expect.objectContaining({ field: 'input.checklist', rule: 'checklist' })]);
    expect(fieldsOf(await visit({ permitChecks: [{ kind: 'LIFTING', result: 'VALID' }] }))).toEqual([expect.objectContaining({ field: 'input.permitChecks.0.permitNumber', rule: 'permitNumber' })]);
    // A certificate of another enterprise's worker.
    expect(fieldsOf(await visit({ certificateChecks: [{ specialOperationCertificateId: specialOperationCertificateSeedId('hengtong-scaffolder') }] }))).toEqual([
      expect.objectContaining({ field: 'input.certificateChecks.0.specialOperationCertificateId', rule: 'certificateHolder' }),
    ]);
    // 国务院令第493号 第三十七条 was superseded by 安全生产法 第一百一十四条 on 2021-09-01.
    const stale = await visit({ findings: [{ ...base.findings[0], lawArticleIds: [lawArticleSeedId('order-493', 37)] }] });
    expect(fieldsOf(stale)).toEqual([expect.objectContaining({ field: 'input.findings.0.lawArticleIds.0', rule: 'inForce' })]);
    expect(fieldsOf(await visit({ visitedOn: '2026-11-30' }))).toEqual([expect.objectContaining({ field: 'input.visitedOn', rule: 'notFuture' })]);
    expect(fieldsOf(await visit({ visitedOn: '2026-11-28' }))).toEqual([expect.objectContaining({ field: 'input.visitedOn', rule: 'range' })]);
    expect(errorOf(await visit({ version: i.version + 1 }))).toMatchObject({ code: 'CONFLICT' });
    expect(await one(i.id)).toMatchObject({ status: 'APPROVED', version: i.version });
    expect([await count('hazard'), await count('enforcement_document'), await count(`inspection_finding WHERE inspection_id = '${i.id}'`)]).toEqual([hazards, documents, 0]);
    // Nothing requires rectification: closed right after the visit, and ordering is refused.
    const clean = await stepped(zhifa, 'recordInspectionVisit', i.id, { visitTime: '9时至10时', unitSignatoryName: '钱嘉瑞', checklist: CHECKLIST }, 'RecordInspectionVisitInput');
    expect(fieldsOf(await step(zhifa, 'orderInspectionRectification', clean.id, { deadline: '2026-12-09' }, 'OrderInspectionRectificationInput'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'rectification' })]);
    expect((await stepped(zhifa, 'closeInspection', clean.id)).status).toBe('CLOSED');
  });

  it('changes a draft only, checking the new day and inspectors again, and cancels before the visit only', async () => {
    const i = await planned({ enterpriseId: org('ent-jufu-catering') });
    const update = (extra: Record<string, unknown>) => mutation(zhifa, 'updateInspection', 'UpdateInspectionInput', { id: i.id, version: i.version, ...extra }, FIELDS);
    expect(fieldsOf(await update({ inspectorPersonIds: [STAFF2, STAFF3] }))).toEqual([expect.objectContaining({ field: 'input.inspectorPersonIds.1', rule: 'certifiedInspectors' })]);
    const changed = await mutated<Inspection>(zhifa, 'updateInspection', 'UpdateInspectionInput', { id: i.id, version: i.version, plannedOn: '2026-12-18', inspectorPersonIds: [STAFF2, HEAD] }, FIELDS);
    expect(changed).toMatchObject({ plannedOn: '2026-12-18', version: i.version + 1 });
    expect(errorOf(await update({ purpose: '旧版本的修改' }))).toMatchObject({ code: 'CONFLICT' });
    await stepped(zhifa, 'submitInspection', i.id);
    expect(fieldsOf(await mutation(zhifa, 'updateInspection', 'UpdateInspectionInput', { id: i.id, version: (await one(i.id))!.version, purpose: '提交后修改' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    const cancelled = await stepped(zhifa, 'cancelInspection', i.id, { reason: '企业已停业' }, 'InspectionReasonInput');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledOn: '2026-11-29' });
    expect(fieldsOf(await step(zhifa, 'submitInspection', i.id))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
  });

});

/**
 * The seeded inspections as they are (no test here writes): what the seed holds, scope, statement
 * counts, paging and the indicators, on a gateway of their own.
 */
describe('seeded inspections (行政检查)', () => {
  const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());

  const ok = dataOf;
  const one = async (id: string, client: GraphQLClient, fields: string): Promise<Record<string, any> | null> => (await ok(client, `query($id: UUID!) { inspection(id: $id) { ${fields} } }`, { id }))['inspection'];

  it('seeds the town\'s inspections of 2025 and 2026 in every state, with their documents, one calling for a case and one re-inspection overdue', async () => {
    const all = (await ok(office, `{ inspections(first: 100) { totalCount edges { node { code status legalSubject { name } enforcementItem { code } } } } }`))['inspections'];
    expect(all.totalCount).toBe(19);
    expect(new Set(all.edges.map((e: any) => e.node.status))).toEqual(new Set(['DRAFT', 'SUBMITTED', 'APPROVED', 'RECORDED', 'RECTIFICATION_ORDERED', 'REINSPECTED', 'CLOSED', 'CANCELLED']));
    expect(new Set(all.edges.map((e: any) => e.node.legalSubject.name))).toEqual(new Set(['南平镇人民政府']));
    const overdue = (await ok(office, `{ inspections(filter: { reinspectionOverdue: true }) { edges { node { code reinspectionDueOn reinspectionOverdue enterprise { name } } } } }`))['inspections'].edges.map((e: any) => e.node);
    expect(overdue).toEqual([{ code: 'NPJC-2026-0004', reinspectionDueOn: '2026-10-25', reinspectionOverdue: true, enterprise: { name: '重庆市南川区南平镇大石石材有限公司' } }]);
    const forCase = (await ok(office, `{ inspections(filter: { forCase: true }) { edges { node { code forCaseReason findings { edges { node { forCase caseReason severity hazard { source status } } } } } } } }`))['inspections'].edges.map((e: any) => e.node);
    expect(forCase.map((i: any) => i.code)).toEqual(['NPJC-2025-0006']);
    expect(forCase[0].findings.edges[0].node).toMatchObject({ forCase: true, severity: 'MAJOR', hazard: { source: 'INSPECTION', status: 'REPORTED' } });
    // The first inspection of 2025 (under the 2025-01 item list it was opened under): its three documents, numbered in the order of
    // their days across all inspections (丰收米业's visit of 2025-02-20 took 现检1号).
    const first = (await ok(office, `query($id: UUID!) { inspection(id: $id) { code enforcementItem { code listId } documents { edges { node { kind number issuedOn } } } } }`, { id: inspection('2025-hongfa-routine') }))['inspection'];
    expect(first).toMatchObject({ code: 'NPJC-2025-0001', enforcementItem: { code: 'AQ-JC-001', listId: enforcementItemListSeedId('2025-01') } });
    // (The seed issues a day's documents in one transaction: they share a creation time, so the kinds of one day are listed in id order.)
    const documents = first.documents.edges.map((e: any) => [e.node.kind, e.node.issuedOn, e.node.number.replace(/^.*〔/, '〔')]).sort();
    expect(documents).toEqual([
      ['FIELD_INSPECTION_RECORD', '2025-03-12', '〔2025〕现检2号'],
      ['INSPECTION_APPROVAL', '2025-03-06', '〔2025〕检审2号'],
      ['RECTIFICATION_ORDER', '2025-03-12', '〔2025〕责改1号'],
      ['REINSPECTION_OPINION', '2025-03-28', '〔2025〕复查1号'],
    ]);
  });

  it('shows an enterprise only its own inspections and a village those of its enterprises; the others answer like missing ones', async () => {
    const own = (await ok(sinopec, `{ inspections(first: 100) { totalCount edges { node { code enterprise { name } findings { totalCount } documents { totalCount } } } } }`))['inspections'];
    expect(own.edges.map((e: any) => e.node.code)).toEqual(['NPJC-2026-0006', 'NPJC-2026-0005', 'NPJC-2025-0005']);
    expect(new Set(own.edges.map((e: any) => e.node.enterprise.name))).toEqual(new Set(['中国石化销售股份有限公司重庆南川南平加油站']));
    expect(own.edges.map((e: any) => e.node.documents.totalCount)).toEqual([2, 2, 2]);
    const other = inspection('2026-dashi-routine');
    expect(await one(other, sinopec, 'id')).toBeNull();
    expect((await ok(sinopec, `{ inspectionByCode(code: "NPJC-2026-0004") { id } }`))['inspectionByCode']).toBeNull();
    expect((await ok(office, `{ inspectionByCode(code: "NPJC-2026-0004") { id } }`))['inspectionByCode']).toEqual({ id: other });
    const nodeId = (await ok(office, `query($id: UUID!) { inspection(id: $id) { nodeId } }`, { id: other }))['inspection'].nodeId;
    expect((await ok(sinopec, `query($n: ID!) { node(nodeId: $n) { nodeId } }`, { n: nodeId }))['node']).toBeNull();
    // 文凤村: the liquor works and the bamboo-shoot works are in its grids.
    const village = (await ok(wenfeng, `{ inspections(first: 100) { edges { node { code status } } } }`))['inspections'].edges.map((e: any) => e.node);
    expect(village).toEqual([{ code: 'NPJC-2026-0011', status: 'DRAFT' }, { code: 'NPJC-2026-0010', status: 'SUBMITTED' }]);
    expect(errorOf(await (await t.as('expert'))(`{ inspections(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await mutation(wenfeng, 'cancelInspection', 'InspectionReasonInput', { id: inspection('2026-fengxiang-routine'), version: 1, reason: '越权取消' }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('reads a page of inspections with their inspectors, enterprise, findings and hazards in the same number of statements whatever the page holds', async () => {
    const q = (n: number) => `{ inspections(first: ${n}, orderBy: [{ field: CODE }]) { edges { node { code enterprise { name } inspectors { name } approver { name } findings(first: 5) { totalCount edges { node { description hazard { status } lawArticles { number } } } } warnings { kind } } } } }`;
    const few = await office(q(2));
    const many = await office(q(19));
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data!['inspections'].edges).toHaveLength(19);
    expect(many.statements).toBe(few.statements);
    // Compiled: one statement for the page with its enterprises, approvers and findings (with their hazards and articles), then one
    // for the inspectors and one for the warnings (answered by their resolvers, batched), and the findings' articles.
    expect(many.statements).toBe(4);
    const resolvers = await t.resolvers('anban');
    const [small, large] = [await resolvers(q(2)), await resolvers(q(19))];
    expect(large.body.data).toEqual(many.body.data);
    // Through the resolvers: the page, then one per relation level (enterprises, inspectors, approvers, findings, hazards, articles, warnings) less those merged.
    expect([small.statements, large.statements]).toEqual([7, 7]);
    const hongfa = many.body.data!['inspections'].edges.map((e: any) => e.node).find((n: any) => n.code === 'NPJC-2025-0001');
    expect(hongfa.inspectors.map((p: any) => p.name)).toHaveLength(2);
    expect(hongfa.findings.edges[0].node).toMatchObject({ description: '爆破器材临时存放点未设置警示标志和警戒线', lawArticles: [{ number: '第一百零一条' }], hazard: { status: 'REPORTED' } });
  });

  it('pages the inspections without loss in both directions, in the default order and by code', async () => {
    const total = (await ok(office, `{ inspections { totalCount } }`))['inspections'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { inspections(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['inspections'], 4, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { inspections(orderBy: [{ field: STATUS }, { field: PLANNED_ON, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['inspections'], 5, total);
  });

  it('evaluates the indicators on the seeded inspections (hand-computed)', async () => {
    const values = async (organizationId: string, from: string, to: string) =>
      Object.fromEntries(
        (await ok(office, `query($o: UUID!, $f: LocalDate!, $t: LocalDate!) { indicatorValues(organizationId: $o, from: $f, to: $t, filter: { codes: ["enforcement.plan-execution", "enforcement.enterprises-over-frequency-cap", "enforcement.reinspection-on-time", "enforcement.special-operators-certified"] }) { edges { node { indicator { code } numerator denominator value } } } }`, { o: organizationId, f: from, t: to }))[
          'indicatorValues'
        ].edges.map((e: any) => [e.node.indicator.code, [e.node.numerator, e.node.denominator]]),
      );
    // 2025: re-inspections due 2025-04-05 (宏发), 05-05 (丰收), 10-08 (祥瑞) all on time (恒通's fell due on 2026-01-02);
    // certificates checked: 宏发 2, 南平加油站 2, 恒通 2, all valid; 丰收米业 inspected three times (cap 2 for an ordinary enterprise).
    const y2025 = await values(TOWN, '2025-01-01', '2026-01-01');
    expect(y2025).toMatchObject({ 'enforcement.reinspection-on-time': [3, 3], 'enforcement.special-operators-certified': [6, 6], 'enforcement.enterprises-over-frequency-cap': [1, null] });
    // 2026: due 01-02 (恒通, re-inspected 01-05: late), 04-27 (龙门, 04-20), 07-30 (宏发, 07-28), 10-25 (大石, not yet): 2 of 4.
    // Certificates: 龙门 EXPIRED, 大石 REVOKED, 宏发 REVIEW_OVERDUE + VALID, 鲜达 REVIEW_DUE, 德胜 VALID, 南平加油站 2 VALID: 5 of 8.
    const y2026 = await values(TOWN, '2026-01-01', '2027-01-01');
    expect(y2026).toMatchObject({ 'enforcement.reinspection-on-time': [2, 4], 'enforcement.special-operators-certified': [5, 8], 'enforcement.enterprises-over-frequency-cap': [0, null] });
    // Plan execution: the town's 2026 plan schedules 119 inspections, 8 visits are recorded (宏发's, 龙门's, 德胜's two, 大石's, 南平加油站's two, 鲜达's).
    expect(y2026['enforcement.plan-execution']).toEqual([8, 119]);
    // One enterprise: 宏发采石场's 2026 entry plans months 2, 5, 8 and 11; it was visited once (06-20).
    expect((await values(org('ent-hongfa-quarry'), '2026-01-01', '2027-01-01'))['enforcement.plan-execution']).toEqual([1, 4]);
    expect((await values(org('ent-hongfa-quarry'), '2026-06-01', '2026-09-01'))['enforcement.plan-execution']).toEqual([1, 1]);
    // A village reads its enterprises' inspections but not the plan (inspections are unannounced): it may evaluate
    // the inspection figures, not plan execution, rather than be shown 0 of 0.
    const codes = (await ok(wenfeng, `{ indicators(first: 100) { edges { node { code } } } }`))['indicators'].edges.map((e: any) => e.node.code);
    expect(codes).toEqual(expect.arrayContaining(['enforcement.reinspection-on-time', 'enforcement.special-operators-certified']));
    expect(codes).not.toContain('enforcement.plan-execution');
  });

  it('shows the plan\'s monthly progress by class, planned against visits recorded by its legal subject', async () => {
    const progress = (await ok(office, `{ inspectionPlans(filter: { year: 2026 }) { edges { node { year progress { planned done rate months { month planned done doneKey doneOrdinary cumulativeDone } } } } } }`))['inspectionPlans'].edges[0].node.progress;
    expect(progress).toMatchObject({ planned: 119, done: 8 });
    expect(progress.rate).toBeCloseTo(8 / 119, 10);
    expect(progress.months.map((m: any) => m.done)).toEqual([0, 0, 1, 0, 1, 1, 0, 0, 1, 2, 2, 0]);
    // October: 南平加油站 twice (key); November: 鲜达冷链 (key, moved there by the office) and 德胜混凝土 (ordinary).
    expect(progress.months[9]).toMatchObject({ doneKey: 2, doneOrdinary: 0, cumulativeDone: 6 });
    expect(progress.months[10]).toMatchObject({ doneKey: 1, doneOrdinary: 1, cumulativeDone: 8 });
  });

  it('seeds nothing twice: a second run leaves the inspections, their rows, hazards, documents and code counters as they were', async () => {
    const db = t.gateway.database.dataSource;
    const counts = async () =>
      (await db.query(`SELECT (SELECT count(*)::int FROM inspection) AS inspections, (SELECT count(*)::int FROM inspection_finding) AS findings, (SELECT count(*)::int FROM inspection_checklist_item) AS checklist,
                              (SELECT count(*)::int FROM hazard WHERE source = 'INSPECTION') AS hazards, (SELECT count(*)::int FROM enforcement_document) AS documents,
                              (SELECT json_object_agg(year, last_number) FROM yearly_number WHERE series = 'enforcement.inspection') AS counters`))[0];
    const before = await counts();
    expect(before).toMatchObject({ inspections: 19, counters: { 2025: 8, 2026: 11 } });
    await runSeeds(db, selectModules(MODULES, 'all'), createLogger('silent'), { demoAccounts: true });
    expect(await counts()).toEqual(before);
  });
});
