import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { MODULES, dataOf, mutation, mutated } from './support';

const NIL = '00000000-0000-4000-8000-000000000000';
const org = (key: string) => seedId(`org:${key}`);
const person = (key: string) => seedId(`person:${key}`);
const seededList = (year: number, who: string) => seedId(`duty-list:${year}:${who}`);
const seededItem = (year: number, who: string, key: string) => seedId(`duty-item:${year}:${who}:${key}`);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const ALL_FIELDS = ['TEXT', 'LEGAL_BASIS', 'CATEGORY'];

const LIST = 'id version year revision status title positionTitle personId organizationId previousId signedAt signer { id } items(first: 100) { totalCount edges { node { id version key position text legalBasis category } } }';
const REPORT = 'id version status title text periodFrom periodTo actionIds keyTaskIds hazardIds actionCount keyTaskCount hazardCount dueOn late deadlineRuleVersionId submittedAt submittedBy { __typename }';
type Item = { id: string; version: number; key: string; text: string; legalBasis: string; category: string; position: number };
type List = { id: string; version: number; year: number; revision: number; status: string; previousId: string | null; items: { totalCount: number; edges: Array<{ node: Item }> }; [k: string]: unknown };
const itemsOf = (l: List): Item[] => l.items.edges.map((e) => e.node);
const duty = (key: string, text = `职责${key}：每季度至少开展1次安全检查`) => ({ key, text, legalBasis: '《中华人民共和国安全生产法》第九条', category: 'SUPERVISION' });

/**
 * Duty lists and duty reports (issue 18, point 一: 职责清单 and 述职): the seeded lists of the town's
 * officials, signing and immutability, revisions and their differences by item key, duties without
 * action at the period's boundary days, the coverage indicator, report drafts counting the ledger
 * exactly, submission, scope, validation and lossless lists.
 */
describe('duty lists and duty reports (职责清单与述职)', () => {
  // 2026-03-06 (Friday) 10:00 China time.
  const clock = new ManualClock(new Date('2026-03-06T02:00:00Z'));
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let jingfa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, shuanghe, jingfa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());

  const ok = dataOf;
  const mutate = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, fields = LIST) => mutation(client, name, type, input, fields);
  const done = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>, fields = LIST): Promise<any> => mutated(client, name, type, input, fields);
  const list = async (id: string, client = office): Promise<List> => (await ok(client, `query($id: UUID!) { dutyList(id: $id) { ${LIST} } }`, { id }))['dutyList'];
  const create = (client: GraphQLClient, who: string, at: string, year: number, items: Array<Record<string, unknown>>): Promise<List> =>
    done(client, 'createDutyList', 'CreateDutyListInput', { personId: person(who), organizationId: org(at), year, items });
  const sign = (client: GraphQLClient, l: { id: string; version: number }): Promise<List> => done(client, 'signDutyList', 'SignDutyListInput', { id: l.id, version: l.version });
  const act = (client: GraphQLClient, itemId: string, actedOn: string, extra: Record<string, unknown> = {}) =>
    done(client, 'recordDutyAction', 'RecordDutyActionInput', { itemId, actedOn, description: `${actedOn}履职记录`, ...extra }, 'id actedOn linkedNodeId linked { __typename ... on KeyTask { code } } item { key }');
  const diff = async (baseListId: string, listId: string) =>
    (await ok(office, `query($b: UUID!, $l: UUID!) { dutyListDiff(baseListId: $b, listId: $l, first: 100) { totalCount edges { node { key kind changedFields before { text legalBasis } after { text legalBasis } } } } }`, { b: baseListId, l: listId }))[
      'dutyListDiff'
    ].edges.map((e: any) => e.node);
  const gaps = async (who: string, from: string, to: string, client = office): Promise<string[]> =>
    (await ok(client, `query($p: UUID!, $f: LocalDate!, $t: LocalDate!) { dutyItemsWithoutAction(personId: $p, from: $f, to: $t, first: 100) { totalCount edges { node { key } } } }`, { p: person(who), f: from, t: to }))[
      'dutyItemsWithoutAction'
    ].edges.map((e: any) => e.node.key);
  const count = async (table: string): Promise<number> => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('holds the officials\' signed 2025 lists and their 2026 revisions, three signed and three drafts', async () => {
    const lists = async (year: number) =>
      (await ok(office, `{ dutyLists(first: 100, filter: { year: ${year} }) { totalCount edges { node { id personId status revision previousId signer { id } person { name } items { totalCount } } } } }`))['dutyLists'].edges.map((e: any) => e.node);
    const of2025 = await lists(2025);
    const officials = ['person-town-secretary', 'person-town-mayor', 'person-town-deputy-safety', 'person-dept-safety-head', 'person-dept-emergency-head', 'person-village-wenfeng-lead'];
    expect(of2025.map((l: any) => l.personId).sort()).toEqual(officials.map(person).sort());
    for (const l of of2025) {
      expect(l).toMatchObject({ status: 'SIGNED', revision: 1, previousId: null, signer: { id: l.personId } });
      expect(l.items.totalCount).toBeGreaterThanOrEqual(6);
      expect(l.items.totalCount).toBeLessThanOrEqual(10);
    }
    // Other tests draw up 2026 lists for other officials: these six are the seeded ones.
    const of2026 = (await lists(2026)).filter((l: any) => officials.map(person).includes(l.personId));
    expect(of2026.map((l: any) => [l.personId, l.previousId, l.status]).sort()).toEqual(
      officials.map((o, i) => [person(o), seededList(2025, o), i < 3 ? 'SIGNED' : 'DRAFT']).sort(),
    );
  });

  it('compares two years of an official\'s list by item key, exactly', async () => {
    const secretary = await diff(seededList(2025, 'person-town-secretary'), seededList(2026, 'person-town-secretary'));
    expect(secretary.map((c: any) => [c.key, c.kind, c.changedFields])).toEqual([
      ['DIS-01', 'ADDED', ALL_FIELDS],
      ['LEAD-03', 'CHANGED', ['TEXT']],
      ['PUB-01', 'REMOVED', ALL_FIELDS],
      ['SUP-01', 'CHANGED', ['LEGAL_BASIS']],
    ]);
    const lead3 = secretary.find((c: any) => c.key === 'LEAD-03');
    expect(lead3.before.text).toBe('将安全生产工作纳入干部考核和评先评优，落实安全生产“一票否决”');
    expect(lead3.after.text).toBe('将安全生产工作纳入干部考核、评先评优和干部任用，落实安全生产“一票否决”和履职评定');
    expect(secretary.find((c: any) => c.key === 'DIS-01').before).toBeNull();
    // The other way round, added and removed swap; a category change is a change too.
    const back = await diff(seededList(2026, 'person-town-secretary'), seededList(2025, 'person-town-secretary'));
    expect(back.map((c: any) => [c.key, c.kind])).toEqual([['DIS-01', 'REMOVED'], ['LEAD-03', 'CHANGED'], ['PUB-01', 'ADDED'], ['SUP-01', 'CHANGED']]);
    const deputy = await diff(seededList(2025, 'person-town-deputy-safety'), seededList(2026, 'person-town-deputy-safety'));
    expect(deputy.map((c: any) => [c.key, c.kind, c.changedFields])).toEqual([['PUB-02', 'REMOVED', ALL_FIELDS], ['SAF-02', 'CHANGED', ['CATEGORY']], ['SAF-04', 'CHANGED', ['LEGAL_BASIS']]]);
    expect(await diff(seededList(2025, 'person-town-mayor'), seededList(2025, 'person-town-mayor'))).toEqual([]);
    // Lists of two officials are not compared.
    const mixed = await office(`{ dutyListDiff(baseListId: "${seededList(2025, 'person-town-mayor')}", listId: "${seededList(2026, 'person-town-secretary')}") { totalCount } }`);
    expect(fieldsOf(mixed)).toEqual([expect.objectContaining({ field: 'listId', rule: 'sameOfficial' })]);
  });

  it('keeps a draft open to change and makes a signed list immutable, refusing every change with `state`', async () => {
    let draft = await create(office, 'person-village-longshan-lead', 'village-longshan', 2026, [duty('LS-01'), duty('LS-02')]);
    expect(draft).toMatchObject({ status: 'DRAFT', revision: 1, year: 2026, positionTitle: '党支部书记', signedAt: null, signer: null });
    expect(itemsOf(draft).map((i) => [i.key, i.position])).toEqual([['LS-01', 10], ['LS-02', 20]]);
    const added = await done(office, 'addDutyItem', 'AddDutyItemInput', { listId: draft.id, ...duty('LS-03') }, 'id version key position');
    expect(added).toMatchObject({ key: 'LS-03', position: 30 });
    const changed = await done(office, 'updateDutyItem', 'UpdateDutyItemInput', { id: added.id, version: added.version, text: '汛期每周至少巡查1次地质灾害隐患点', category: 'DISASTER_PREVENTION' }, 'id version text category');
    expect(changed).toMatchObject({ version: 2, text: '汛期每周至少巡查1次地质灾害隐患点', category: 'DISASTER_PREVENTION' });
    const ls2 = itemsOf(draft).find((i) => i.key === 'LS-02')!;
    await done(office, 'removeDutyItem', 'RemoveDutyItemInput', { id: ls2.id, version: ls2.version }, 'id');
    draft = await list(draft.id);
    expect(itemsOf(draft).map((i) => i.key)).toEqual(['LS-01', 'LS-03']);

    const signed = await sign(office, draft);
    expect(signed).toMatchObject({ status: 'SIGNED', version: draft.version + 1, signedAt: '2026-03-06T02:00:00.000Z', signer: { id: person('person-dept-safety-head') } });
    const by = (await ok(office, `query($id: UUID!) { dutyList(id: $id) { signedBy { ... on User { displayName } } } }`, { id: signed.id }))['dutyList'];
    expect(by.signedBy).toEqual({ displayName: '镇安办主任' });

    const [ls1, ls3] = itemsOf(signed);
    const refusals = [
      await mutate(office, 'addDutyItem', 'AddDutyItemInput', { listId: signed.id, ...duty('LS-04') }, 'id'),
      await mutate(office, 'updateDutyItem', 'UpdateDutyItemInput', { id: ls1!.id, version: ls1!.version, text: '签订后修改的内容' }, 'id'),
      await mutate(office, 'removeDutyItem', 'RemoveDutyItemInput', { id: ls3!.id, version: ls3!.version }, 'id'),
      await mutate(office, 'signDutyList', 'SignDutyListInput', { id: signed.id, version: signed.version }, 'id'),
    ];
    expect(refusals.map((r) => fieldsOf(r).map((f) => [f.field, f.rule]))).toEqual([[['input.listId', 'state']], [['input.id', 'state']], [['input.id', 'state']], [['input.id', 'state']]]);
    expect(await list(signed.id)).toEqual(signed);
    // By transaction (the list and its first items are written together), then by action.
    const audit = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [signed.id]);
    expect(audit.map((a: any) => a.action)).toEqual([
      'responsibility.duty-item.add',
      'responsibility.duty-item.add',
      'responsibility.duty-list.create',
      'responsibility.duty-item.add',
      'responsibility.duty-item.remove',
      'responsibility.duty-list.sign',
    ]);
  });

  it('revises a signed list into a draft copy once, and compares the revision with it', async () => {
    const source = await sign(office, await create(office, 'person-village-dashi-lead', 'village-dashi', 2026, [duty('DS-01'), duty('DS-02'), duty('DS-03')]));
    const revise = (input: Record<string, unknown>) => mutate(office, 'reviseDutyList', 'ReviseDutyListInput', input);
    expect(fieldsOf(await revise({ id: source.id, year: 2025 }))).toEqual([expect.objectContaining({ field: 'input.year', rule: 'revised' })]);
    const next = (await revise({ id: source.id, year: 2027 })).body.data!['reviseDutyList'] as List;
    expect(next).toMatchObject({ status: 'DRAFT', year: 2027, revision: 1, previousId: source.id, title: (source['title'] as string).replace('2026', '2027') });
    expect(itemsOf(next).map((i) => [i.key, i.text, i.position])).toEqual(itemsOf(source).map((i) => [i.key, i.text, i.position]));
    expect(await diff(source.id, next.id)).toEqual([]);
    expect(fieldsOf(await revise({ id: source.id, year: 2027 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'revised' })]);
    expect(fieldsOf(await revise({ id: next.id, year: 2027 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);

    const [, ds2, ds3] = itemsOf(next);
    await done(office, 'updateDutyItem', 'UpdateDutyItemInput', { id: ds2!.id, version: ds2!.version, text: '每月至少开展1次安全检查' }, 'id');
    await done(office, 'removeDutyItem', 'RemoveDutyItemInput', { id: ds3!.id, version: ds3!.version }, 'id');
    await done(office, 'addDutyItem', 'AddDutyItemInput', { listId: next.id, ...duty('DS-04') }, 'id');
    expect((await diff(source.id, next.id)).map((c: any) => [c.key, c.kind, c.changedFields])).toEqual([['DS-02', 'CHANGED', ['TEXT']], ['DS-03', 'REMOVED', ALL_FIELDS], ['DS-04', 'ADDED', ALL_FIELDS]]);
    // A signed revision is revised again within its year: revision 2.
    const signedNext = await sign(office, await list(next.id));
    const second = (await revise({ id: signedNext.id, year: 2027 })).body.data!['reviseDutyList'];
    expect(second).toMatchObject({ year: 2027, revision: 2, previousId: next.id, status: 'DRAFT' });
  });

  it('lists the duties without action in a period exactly at its boundary days, and measures coverage', async () => {
    const l = await sign(office, await create(office, 'person-village-qinglong-lead', 'village-qinglong', 2026, [duty('K-1'), duty('K-2'), duty('K-3'), duty('K-4')]));
    const [k1, k2, k3] = itemsOf(l);
    const task = seedId('key-task:2025:（一）-1');
    const linked = await act(office, k1!.id, '2026-02-01', { linkedNodeId: globalId('KeyTask', task) });
    expect(linked).toMatchObject({ actedOn: '2026-02-01', item: { key: 'K-1' }, linked: { __typename: 'KeyTask', code: '（一）-1' } });
    await act(office, k2!.id, '2026-02-28');
    await act(office, k3!.id, '2026-01-31');
    const who = 'person-village-qinglong-lead';
    expect(await gaps(who, '2026-02-01', '2026-02-28')).toEqual(['K-3', 'K-4']);
    expect(await gaps(who, '2026-02-02', '2026-02-27')).toEqual(['K-1', 'K-2', 'K-3', 'K-4']);
    expect(await gaps(who, '2026-01-31', '2026-02-01')).toEqual(['K-2', 'K-4']);
    expect(await gaps(who, '2026-03-01', '2026-03-06')).toEqual(['K-1', 'K-2', 'K-3', 'K-4']);
    // The seeded deputy mayor's 2025 duties without action that year, by place in the list.
    expect(await gaps('person-town-deputy-safety', '2025-01-01', '2025-12-31')).toEqual(['SAF-04', 'EMG-01', 'PUB-02']);

    const figure = async (from: string, to: string) =>
      (await ok(office, `{ indicatorValues(organizationId: "${org('village-qinglong')}", from: "${from}", to: "${to}", filter: { codes: ["responsibility.duty-list-coverage"] }) { edges { node { numerator denominator value } } } }`))['indicatorValues'].edges[0].node;
    // February (to is the day after): K-1 on the first day and K-2 on the last count, K-3 on 31 January does not.
    expect(await figure('2026-02-01', '2026-03-01')).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(await figure('2026-01-01', '2026-02-01')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    // No list in force in 2025 there: nothing is due.
    expect(await figure('2025-01-01', '2026-01-01')).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('generates a report draft that counts exactly what the ledger holds in the period, within the caller\'s scope', async () => {
    const who = person('person-village-shuanghe-emergency');
    const SHUANGHE = org('village-shuanghe');
    // The village draws up and signs its own official's list, and records the actions: one the day before the period.
    const l = await sign(shuanghe, await create(shuanghe, 'person-village-shuanghe-emergency', 'village-shuanghe', 2026, [duty('E-1'), duty('E-2')]));
    const [e1, e2] = itemsOf(l);
    await act(shuanghe, e1!.id, '2026-01-14');
    const first = await act(shuanghe, e1!.id, '2026-01-15');
    const last = await act(shuanghe, e2!.id, '2026-03-06');
    // Key tasks the official owns: one completed in the period, one before it.
    const task = async (code: string, completedOn: string) => {
      const created = await done(office, 'createKeyTask', 'CreateKeyTaskInput', { year: 2026, code, title: `双河村任务${code}`, ownerOrganizationId: SHUANGHE, ownerPersonId: who }, 'id version');
      return done(office, 'completeKeyTask', 'CompleteKeyTaskInput', { id: created.id, version: created.version, completedOn, note: '已完成' }, 'id');
    };
    const inPeriod = await task('R1', '2026-03-02');
    await task('R2', '2026-01-10');
    // A hazard in the village's subtree closed today (the period's last day).
    const step = async (name: string, type: string, input: Record<string, unknown>) => done(office, name, type, input, 'id version status');
    let h = await step('reportHazard', 'ReportHazardInput', { organizationId: org('ent-fengshou-rice'), title: '烘干车间配电箱无防护门', category: 'FIRE', source: 'INSPECTION' });
    h = await step('confirmHazard', 'ConfirmHazardInput', { id: h.id, version: h.version, grade: 'GENERAL' });
    h = await step('planRectification', 'PlanRectificationInput', { id: h.id, version: h.version, measures: '加装配电箱防护门并上锁', responsiblePersonId: person('person-ent-fengshou-rice-lead'), deadline: '2026-04-30' });
    for (const name of ['startRectification', 'submitRectification', 'verifyRectification', 'closeHazard']) h = await step(name, 'HazardStepInput', { id: h.id, version: h.version });
    expect(h.status).toBe('CLOSED');
    const closed = (await ok(office, `{ hazards(first: 100, filter: { statuses: [CLOSED], withinSubtreeOf: "${SHUANGHE}" }) { totalCount edges { node { id closedAt } } } }`))['hazards'];
    expect(closed.totalCount).toBeLessThan(100);
    const chinaDay = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
    const expectedHazards = closed.edges.map((e: any) => e.node).filter((n: any) => chinaDay(n.closedAt) >= '2026-01-15' && chinaDay(n.closedAt) <= '2026-03-06').map((n: any) => n.id);
    expect(expectedHazards).toContain(h.id);

    const input = { personId: who, organizationId: SHUANGHE, from: '2026-01-15', to: '2026-03-06' };
    const report = await done(shuanghe, 'generateDutyReportDraft', 'GenerateDutyReportDraftInput', input, REPORT);
    expect(report).toMatchObject({ status: 'DRAFT', periodFrom: '2026-01-15', periodTo: '2026-03-06', actionCount: 2, keyTaskCount: 1, hazardCount: expectedHazards.length, submittedAt: null, submittedBy: null, late: false });
    expect([...report.actionIds].sort()).toEqual([first.id, last.id].sort());
    expect(report.keyTaskIds).toEqual([inPeriod.id]);
    expect([...report.hazardIds].sort()).toEqual([...expectedHazards].sort());
    // 15 working days after Friday 6 March 2026 (the seeded rule): Friday 27 March.
    expect(report.dueOn).toBe('2026-03-27');
    expect(report.text).toContain('期间记录履职2项，涉及职责条目2项');
    expect(report.text).toContain('期间完成本人负责的重点任务1项');
    expect(report.text).toContain(`期间辖区销号隐患${expectedHazards.length}项`);
    // Another village's officer reaches neither the official nor the report.
    expect(errorOf(await mutate(wenfeng, 'generateDutyReportDraft', 'GenerateDutyReportDraftInput', input, 'id'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    expect((await ok(wenfeng, `query($id: UUID!) { dutyReport(id: $id) { id } }`, { id: report.id }))['dutyReport']).toBeNull();
  });

  it('keeps the seeded reports, and refuses any change to a submitted one', async () => {
    const seeded = (await ok(office, `{ dutyReports(first: 100, filter: { personId: "${person('person-town-deputy-safety')}" }) { edges { node { ${REPORT} } } } }`))['dutyReports'].edges.map((e: any) => e.node);
    expect(seeded).toHaveLength(1);
    // The deputy mayor's six actions of 2025 (the one of January 2026 is outside the period).
    expect(seeded[0]).toMatchObject({ status: 'SUBMITTED', periodFrom: '2025-01-01', periodTo: '2025-12-31', actionCount: 6, submittedAt: '2026-01-16T02:00:00.000Z' });
    const draft = (await ok(office, `{ dutyReports(first: 100, filter: { personId: "${person('person-dept-safety-head')}", statuses: [DRAFT] }) { totalCount edges { node { actionCount } } } }`))['dutyReports'];
    expect(draft).toEqual({ totalCount: 1, edges: [{ node: { actionCount: 5 } }] });

    const generated = await done(office, 'generateDutyReportDraft', 'GenerateDutyReportDraftInput', { personId: person('person-dept-emergency-head'), organizationId: org('dept-emergency'), from: '2025-01-01', to: '2025-12-31' }, REPORT);
    expect(generated.actionCount).toBe(4);
    const edited = await done(office, 'updateDutyReport', 'UpdateDutyReportInput', { id: generated.id, version: generated.version, text: `${generated.text}\n五、述职人补充：全年无较大及以上生产安全事故。` }, REPORT);
    expect(edited).toMatchObject({ version: 2, status: 'DRAFT' });
    const submitted = await done(office, 'submitDutyReport', 'SubmitDutyReportInput', { id: edited.id, version: edited.version }, REPORT);
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 3, submittedAt: '2026-03-06T02:00:00.000Z', submittedBy: { __typename: 'User' }, late: true });
    const edit = await mutate(office, 'updateDutyReport', 'UpdateDutyReportInput', { id: submitted.id, version: submitted.version, text: '提交后改写的述职报告正文：已提交的述职报告不可再修改，本次修改应被拒绝。' }, 'id');
    expect(fieldsOf(edit)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    expect(fieldsOf(await mutate(office, 'submitDutyReport', 'SubmitDutyReportInput', { id: submitted.id, version: submitted.version }, 'id'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    const now = (await ok(office, `query($id: UUID!) { dutyReport(id: $id) { ${REPORT} } }`, { id: submitted.id }))['dutyReport'];
    expect(now).toEqual(submitted);
  });

  it('keeps officers to their scope: a village officer neither reads nor signs another village\'s official\'s list', async () => {
    const other = await create(office, 'person-village-jinlong-lead', 'village-jinlong', 2026, [duty('JL-01')]);
    expect((await ok(wenfeng, `query($id: UUID!) { dutyList(id: $id) { id } }`, { id: other.id }))['dutyList']).toBeNull();
    expect(errorOf(await mutate(wenfeng, 'signDutyList', 'SignDutyListInput', { id: other.id, version: other.version }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await mutate(wenfeng, 'addDutyItem', 'AddDutyItemInput', { listId: other.id, ...duty('JL-02') }, 'id'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.listId' });
    expect(errorOf(await mutate(wenfeng, 'createDutyList', 'CreateDutyListInput', { personId: person('person-village-jinlong-lead'), organizationId: org('village-jinlong'), year: 2027 }, 'id'))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.organizationId',
    });
    expect(await list(other.id)).toEqual(other);
    // The village officer sees its own village's lists only, and none of the town leaders' duties.
    const own = (await ok(wenfeng, `{ dutyLists(first: 100) { edges { node { organizationId } } } }`))['dutyLists'].edges.map((e: any) => e.node.organizationId);
    expect(own).toEqual([org('village-wenfeng'), org('village-wenfeng')]);
    expect(await gaps('person-town-secretary', '2025-01-01', '2025-12-31', wenfeng)).toEqual([]);
    // A department officer records for its own department only, and does not draw up lists.
    const secretaryItem = seededItem(2026, 'person-town-secretary', 'LEAD-01');
    expect(errorOf(await mutate(jingfa, 'recordDutyAction', 'RecordDutyActionInput', { itemId: secretaryItem, actedOn: '2026-03-02', description: '越权记录履职' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
    expect(errorOf(await mutate(jingfa, 'createDutyList', 'CreateDutyListInput', { personId: person('person-dept-economy-head'), organizationId: org('dept-economy'), year: 2026 }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names the field and the rule of bad input, and writes nothing', async () => {
    const before = [await count('duty_list'), await count('duty_item'), await count('duty_action'), await count('duty_report')];
    const refused = async (input: Record<string, unknown>) => fieldsOf(await mutate(office, 'createDutyList', 'CreateDutyListInput', { personId: person('person-village-shixi-lead'), organizationId: org('village-shixi'), year: 2026, ...input }, 'id'));
    expect(await refused({ items: [duty('lead-1')] })).toEqual([expect.objectContaining({ field: 'input.items.0.key', rule: 'matches' })]);
    expect(await refused({ items: [duty('SX-01'), { ...duty('SX-02'), text: '短' }] })).toEqual([expect.objectContaining({ field: 'input.items.1.text', rule: 'isLength' })]);
    expect(await refused({ items: [duty('SX-01'), duty('SX-02'), duty('SX-01')] })).toEqual([expect.objectContaining({ field: 'input.items.2.key', rule: 'unique' })]);
    expect(await refused({ personId: person('person-town-mayor') })).toEqual([expect.objectContaining({ field: 'input.personId', rule: 'official' })]);
    expect(await refused({ personId: person('person-town-secretary'), organizationId: org('town'), year: 2025, items: [duty('SX-01')] })).toEqual([expect.objectContaining({ field: 'input.year', rule: 'unique' })]);
    expect(errorOf(await mutate(office, 'createDutyList', 'CreateDutyListInput', { personId: person('person-village-shixi-lead'), organizationId: NIL, year: 2026 }, 'id'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });

    const record = async (itemId: string, input: Record<string, unknown>) => fieldsOf(await mutate(office, 'recordDutyAction', 'RecordDutyActionInput', { itemId, actedOn: '2026-03-02', description: '校验履职记录', ...input }, 'id'));
    const signedItem = seededItem(2026, 'person-town-secretary', 'LEAD-02');
    expect(await record(signedItem, { actedOn: '2026-03-07' })).toEqual([expect.objectContaining({ field: 'input.actedOn', rule: 'notFuture' })]);
    expect(await record(signedItem, { actedOn: '2025-12-31' })).toEqual([expect.objectContaining({ field: 'input.actedOn', rule: 'range' })]);
    expect(await record(signedItem, { linkedNodeId: 'bm90LWEtbm9kZQ' })).toEqual([expect.objectContaining({ field: 'input.linkedNodeId', rule: 'globalId' })]);
    expect(errorOf(await mutate(office, 'recordDutyAction', 'RecordDutyActionInput', { itemId: signedItem, actedOn: '2026-03-02', description: '校验履职记录', linkedNodeId: globalId('KeyTask', NIL) }, 'id'))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.linkedNodeId',
    });
    expect(await record(seededItem(2026, 'person-dept-safety-head', 'OFF-01'), {})).toEqual([expect.objectContaining({ field: 'input.itemId', rule: 'state' })]);

    const period = async (from: string, to: string) => fieldsOf(await office(`{ dutyItemsWithoutAction(personId: "${person('person-town-mayor')}", from: "${from}", to: "${to}") { totalCount } }`));
    expect(await period('2025-06-01', '2025-05-31')).toEqual([expect.objectContaining({ field: 'to', rule: 'notBeforeFrom' })]);
    expect(await period('2025-01-01', '2026-01-03')).toEqual([expect.objectContaining({ field: 'to', rule: 'range' })]);
    const generate = async (input: Record<string, unknown>) =>
      fieldsOf(await mutate(office, 'generateDutyReportDraft', 'GenerateDutyReportDraftInput', { personId: person('person-town-mayor'), organizationId: org('town'), from: '2026-01-01', to: '2026-03-06', ...input }, 'id'));
    expect(await generate({ to: '2026-03-07' })).toEqual([expect.objectContaining({ field: 'input.to', rule: 'notFuture' })]);
    expect(await generate({ from: '2026-03-07' })).toEqual([expect.objectContaining({ field: 'input.to', rule: 'notBeforeFrom' })]);
    expect(await generate({ organizationId: org('dept-safety') })).toEqual([expect.objectContaining({ field: 'input.personId', rule: 'official' })]);
    expect([await count('duty_list'), await count('duty_item'), await count('duty_action'), await count('duty_report')]).toEqual(before);
  });

  it('reads lists with their officials, items and actions in a fixed number of statements, whatever the page holds', async () => {
    const nested = (first: number, extra = '') =>
      `{ dutyLists(first: ${first}, filter: { year: 2025 }) { edges { node { title ${extra} person { name } organization { name } previous { id } items(first: 10) { totalCount edges { node { key actions(first: 3) { totalCount edges { node { actedOn } } } } } } } } } }`;
    const statements = async (query: string) => {
      const res = await office(query);
      expect(res.body.errors).toBeUndefined();
      return { count: res.statements, lists: res.body.data!['dutyLists'].edges.length };
    };
    // Compiled into one statement (the relations are declared), whatever the page size.
    expect(await statements(nested(2))).toEqual({ count: 1, lists: 2 });
    expect(await statements(nested(6))).toEqual({ count: 1, lists: 6 });
    // Fields the compiler leaves to their resolvers (evidence, the linked record): the loaders batch each level. The seeded
    // actions of 28 April to the end of 2025, the earliest first: the first page of 3 and the whole list both hold one linked to a key task.
    const actions = async (first: number) => {
      const res = await office(
        `{ dutyActions(first: ${first}, filter: { from: "2025-04-28", to: "2025-12-31" }, orderBy: [{ field: ACTED_ON, direction: ASC }]) { edges { node { actedOn attachments { fileName } linked { ... on KeyTask { code } } item { key list { title person { name } } } } } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      const nodes = res.body.data!['dutyActions'].edges.map((e: any) => e.node);
      return { count: res.statements, actions: nodes.length, linked: nodes.filter((n: any) => n.linked).map((n: any) => n.linked.code) };
    };
    expect(await actions(3)).toEqual({ count: 3, actions: 3, linked: ['（一）-1'] });
    // The compiled page (with items, lists and officials), the attachments of its actions, and the linked key tasks: three, for 3 actions or 21.
    expect(await actions(100)).toEqual({ count: 3, actions: 21, linked: ['（一）-1', '（五）-1'] });
  });

  it('pages lists that share one creation time, and a diff, one by one in both directions without loss', async () => {
    const lists = `query(${PAGE_VARS}) { dutyLists(filter: { year: 2025 }, orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, lists, {}, ['dutyLists'], 2, 6);
    const changes = `query(${PAGE_VARS}) { dutyListDiff(baseListId: "${seededList(2025, 'person-town-secretary')}", listId: "${seededList(2026, 'person-town-secretary')}", orderBy: [{ field: KIND }], ${PAGE_ARGS}) { ${walkedPage('key')} } }`;
    await expectPagedCompletely(office, changes, {}, ['dutyListDiff'], 1, 4);
    const without = `query(${PAGE_VARS}) { dutyItemsWithoutAction(personId: "${person('person-town-mayor')}", from: "2025-01-01", to: "2025-12-31", orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, without, {}, ['dutyItemsWithoutAction'], 1, 3);
  });
});
