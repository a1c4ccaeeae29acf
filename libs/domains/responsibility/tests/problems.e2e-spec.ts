import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (slug: string) => seedId(`org:${slug}`);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const TOWN = org('town');
const WENFENG = org('village-wenfeng');
const SHUANGHE = org('village-shuanghe');
const problemId = (key: string) => seedId(`problem:${key}`);
const task = (code: string) => seedId(`key-task:2025:${code}`);

const PROBLEM = 'id version organizationId category title foundOn sourceKind sourceNodeId sourceReference ownerOrganizationId dueOn status closedOn closedByName effectivenessCriteria checkDueOn effectivenessResult checkedOn checkedByName checkNote isRepeat overdue repeatOf { id }';
type Problem = { id: string; version: number; status: string; isRepeat: boolean; repeatOf: { id: string } | null; [k: string]: unknown };

/**
 * The problem list (issue 18, point 三): problems from every source, closure with a separate
 * effectiveness check by an independent reviewer, INEFFECTIVE reopening, repeats at the 12-month
 * boundary, post-event reviews, indicators, scope, validation and lossless lists.
 */
describe('problem list and post-event reviews (问题清单与复盘)', () => {
  // 2026-03-06 (Friday) 10:00 China time: the clock the boundaries below are written against.
  const clock = new ManualClock(new Date('2026-03-06T02:00:00Z'));
  let t: TestGateway;
  let anban: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let jingfa: GraphQLClient;
  let zhifa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [anban, wenfeng, shuanghe, jingfa, zhifa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('jingfa'), t.as('zhifa')]);
  });
  afterAll(() => t?.close());

  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const ok = dataOf;
  const list = async (client: GraphQLClient, filter: string): Promise<Problem[]> => (await ok(client, `{ problems(first: 100, filter: ${filter}) { edges { node { ${PROBLEM} } } } }`))['problems'].edges.map((e: any) => e.node);
  const one = async (id: string): Promise<Problem> => (await ok(anban, `query($id: UUID!) { problem(id: $id) { ${PROBLEM} } }`, { id }))['problem'];
  const mutate = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>) => mutation(client, name, type, input, PROBLEM);
  const done = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>) => mutated<Problem>(client, name, type, input, PROBLEM);
  const record = (client: GraphQLClient, input: Record<string, unknown>) =>
    done(client, 'recordProblem', 'RecordProblemInput', { category: 'OTHER', title: '测试问题', foundOn: '2026-03-02', sourceKind: 'UPSTREAM_INSPECTION', sourceReference: '2026年区安委会考核巡查反馈第1条', dueOn: '2026-04-30', ...input, ownerOrganizationId: input['ownerOrganizationId'] ?? input['organizationId'] });
  const close = (client: GraphQLClient, p: Problem, extra: Record<string, unknown> = {}) =>
    done(client, 'closeProblem', 'CloseProblemInput', { id: p.id, version: p.version, closedOn: '2026-03-05', note: '已整改完毕', effectivenessCriteria: '复查无同类问题', ...extra });
  const verify = (client: GraphQLClient, p: Problem, result: string, extra: Record<string, unknown> = {}) =>
    mutate(client, 'verifyProblemEffectiveness', 'VerifyProblemEffectivenessInput', { id: p.id, version: p.version, result, note: result === 'EFFECTIVE' ? '复查有效' : '复查仍有问题', ...extra });
  const timeline = async (id: string) => (await ok(anban, `query($id: UUID!) { problem(id: $id) { updates { edges { node { status effectivenessResult note actorName problem { id } } } } } }`, { id }))['problem'].updates.edges.map((e: any) => e.node);
  const count = async (table: string) => (await db(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('holds the seeded list in every state, with its sources readable as nodes and the seeded repeats flagged', async () => {
    const all = await list(anban, '{}');
    expect(new Set(all.map((p) => p.status))).toEqual(new Set(['OPEN', 'RECTIFYING', 'CLOSED', 'EFFECTIVE']));
    // 文凤村 and 双河村 found the same kind of problem again within 12 months; 龙山村's came exactly 12 months later: no repeat.
    expect((await one(problemId('wenfeng-broadcast'))).repeatOf).toEqual({ id: problemId('wenfeng-supplies') });
    expect((await one(problemId('shuanghe-cards'))).repeatOf).toEqual({ id: problemId('shuanghe-monitors') });
    expect(await one(problemId('longshan-signs-2025'))).toMatchObject({ foundOn: '2025-10-15', isRepeat: false, repeatOf: null });
    const repeats = await list(anban, '{ repeats: true }');
    expect(repeats.map((p) => p.id).sort()).toEqual([problemId('wenfeng-broadcast'), problemId('shuanghe-cards')].sort());
    expect((await list(anban, '{ repeats: false }')).length).toBe(all.length - 2);
    // Open past its deadline (2025-12-31): overdue, and listed as such.
    expect(await one(problemId('shuanghe-cards'))).toMatchObject({ status: 'OPEN', overdue: true });
    expect((await list(anban, '{ overdue: true }')).map((p) => p.id)).toContain(problemId('shuanghe-cards'));
    expect((await list(anban, '{ overdue: true }')).every((p) => p.overdue && ['OPEN', 'RECTIFYING'].includes(p.status))).toBe(true);
    // The sources of other modules, loaded within the reader's scope.
    const sourced = await ok(anban, `{ a: problem(id: "${problemId('wenfeng-broadcast')}") { source { __typename nodeId } } b: problem(id: "${problemId('shuanghe-monitors')}") { source { __typename } } c: problem(id: "${problemId('economy-insurance')}") { source { ... on KeyTask { code } } } d: problem(id: "${problemId('wenfeng-supplies')}") { source { nodeId } sourceReference } e: problems(filter: { sourceKinds: [HAZARD] }) { totalCount } }`);
    expect(sourced['a'].source.__typename).toBe('Drill');
    expect(sourced['b'].source.__typename).toBe('ConsultationActionItem');
    expect(sourced['c'].source).toEqual({ code: '（二十一）' });
    expect(sourced['d']).toEqual({ source: null, sourceReference: '2025年区安委会考核巡查反馈第3条' });
    expect(sourced['e'].totalCount).toBe(1);
    // The reopened one shows its INEFFECTIVE check and its timeline.
    expect(await one(problemId('enforcement-plan'))).toMatchObject({ status: 'RECTIFYING', effectivenessResult: 'INEFFECTIVE', closedOn: null, checkedByName: '综合执法大队队员' });
    expect((await timeline(problemId('enforcement-plan'))).map((u: any) => [u.status, u.effectivenessResult])).toEqual([['RECTIFYING', null], ['CLOSED', null], ['RECTIFYING', 'INEFFECTIVE']]);
  });

  it('detects a repeat at 12 months − 1 day, but not at exactly 12 months or 12 months + 1 day', async () => {
    // Earlier problems of three villages, then one of the same village and category each, found today (2026-03-06).
    const cases = [
      { village: org('village-qinglong'), earlierOn: '2025-03-07', repeat: true }, // 12 months − 1 day before
      { village: org('village-qingyuan'), earlierOn: '2025-03-06', repeat: false }, // exactly 12 months before
      { village: org('village-mazui'), earlierOn: '2025-03-05', repeat: false }, // 12 months + 1 day before
    ];
    for (const c of cases) {
      const earlier = await record(anban, { organizationId: c.village, category: 'FIRE_SAFETY', title: '消防通道堵塞', foundOn: c.earlierOn, dueOn: '2025-04-30' });
      const later = await record(anban, { organizationId: c.village, category: 'FIRE_SAFETY', title: '消防通道再次堵塞', foundOn: '2026-03-06', dueOn: '2026-04-30' });
      // Another category of the same village is no repeat of either.
      const other = await record(anban, { organizationId: c.village, category: 'NATURAL_DISASTER', title: '转移路线未公示', foundOn: '2026-03-06', dueOn: '2026-04-30' });
      expect({ earlierOn: c.earlierOn, isRepeat: later.isRepeat, repeatOf: later.repeatOf }).toEqual({ earlierOn: c.earlierOn, isRepeat: c.repeat, repeatOf: c.repeat ? { id: earlier.id } : null });
      expect([earlier.isRepeat, other.isRepeat]).toEqual([false, false]);
      expect((await list(anban, `{ withinSubtreeOf: "${c.village}", repeats: true }`)).map((p) => p.id)).toEqual(c.repeat ? [later.id] : []);
    }
    // The figures and the indicator count the same repeats, by organization and category.
    const figures = (await ok(anban, `{ problemRepeatFigures(from: "2026-03-01", to: "2026-03-31", filter: { categories: [FIRE_SAFETY, NATURAL_DISASTER] }) { totalCount edges { node { key organizationId category problemCount repeatCount organization { name } } } } }`))['problemRepeatFigures'];
    const fire = (village: string) => figures.edges.map((e: any) => e.node).find((f: any) => f.organizationId === village && f.category === 'FIRE_SAFETY');
    expect(fire(org('village-qinglong'))).toMatchObject({ problemCount: 1, repeatCount: 1, organization: { name: expect.stringContaining('青龙') } });
    expect(fire(org('village-qingyuan'))).toMatchObject({ problemCount: 1, repeatCount: 0 });
    expect(figures.edges[0].node).toMatchObject({ organizationId: org('village-qinglong'), category: 'FIRE_SAFETY', repeatCount: 1 });
    const [indicator] = (await ok(anban, `{ indicatorValues(organizationId: "${TOWN}", from: "2026-03-01", to: "2026-04-01", filter: { codes: ["responsibility.problem-repeats"] }) { edges { node { numerator value } } } }`))['indicatorValues'].edges.map((e: any) => e.node);
    expect(indicator).toEqual({ numerator: 1, value: 1 });
  });

  it('closes with criteria and a check due in working days, and refuses the effectiveness check by the one who closed it', async () => {
    const mine = await record(wenfeng, { organizationId: WENFENG, category: 'EMERGENCY_PREPAREDNESS', title: '应急队员名单未更新', foundOn: '2026-03-02', sourceKind: 'OTHER', sourceReference: '村级自查' });
    const form = new FormData();
    form.append('file', new Blob([PDF]), '队员名单.pdf');
    const upload = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await t.token('wenfeng')}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as any;
    const rectifying = await done(wenfeng, 'reportProblemRectification', 'ReportProblemRectificationInput', { id: mine.id, version: mine.version, note: '已重新核对队员名单', recordedOn: '2026-03-03', attachmentIds: [upload.id] });
    expect(rectifying.status).toBe('RECTIFYING');
    const evidence = (await ok(anban, `query($id: UUID!) { problem(id: $id) { updates { edges { node { note attachments { fileName } } } } } }`, { id: mine.id }))['problem'].updates.edges.map((e: any) => e.node);
    expect(evidence.at(-1)).toEqual({ note: '已重新核对队员名单', attachments: [{ fileName: '队员名单.pdf' }] });
    const closed = await close(wenfeng, rectifying);
    const closer = (await ok(anban, `query($id: UUID!) { problem(id: $id) { closedBy { ... on User { username } } } }`, { id: mine.id }))['problem'].closedBy;
    expect(closer).toEqual({ username: 'wenfeng' });
    // Default check day: the closure day plus the rule's 20 working days by the calendar.
    const [{ due }] = await db(`SELECT add_working_days(DATE '2026-03-05', 20)::text AS due`);
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2026-03-05', closedByName: '文凤村应急专干', effectivenessCriteria: '复查无同类问题', checkDueOn: due });
    // A village officer may not check effectiveness at all; the office may, as it did not close this one.
    expect(errorOf(await verify(wenfeng, closed, 'EFFECTIVE'))).toMatchObject({ code: 'FORBIDDEN' });
    const checked = await verify(anban, closed, 'EFFECTIVE');
    expect(checked.body.errors).toBeUndefined();
    expect(checked.body.data!['verifyProblemEffectiveness']).toMatchObject({ status: 'EFFECTIVE', effectivenessResult: 'EFFECTIVE', checkedOn: '2026-03-06', checkedByName: '镇安办主任', closedOn: '2026-03-05' });

    // The office closes one itself: its own check is refused and nothing is written; the inspector's is accepted.
    const own = await close(anban, await record(anban, { organizationId: WENFENG, category: 'RESPONSIBILITY', title: '安全例会记录不全' }), { checkDueOn: '2026-03-20' });
    const entries = (await timeline(own.id)).length;
    expect(fieldsOf(await verify(anban, own, 'EFFECTIVE'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'independentReviewer' })]);
    expect(await one(own.id)).toMatchObject({ status: 'CLOSED', version: own.version, effectivenessResult: null, checkDueOn: '2026-03-20' });
    expect(await timeline(own.id)).toHaveLength(entries);
    const inspected = await verify(zhifa, own, 'EFFECTIVE');
    expect(inspected.body.data?.['verifyProblemEffectiveness']).toMatchObject({ status: 'EFFECTIVE', checkedByName: '综合执法大队队员' });
    const audit = await db(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [mine.id]);
    expect(audit.map((a: any) => a.action)).toEqual(['responsibility.problem.record', 'responsibility.problem.rectify', 'responsibility.problem.close', 'responsibility.problem.confirmEffective']);
  });

  it('reopens a problem found INEFFECTIVE to RECTIFYING with a new deadline, and closes it again', async () => {
    const p = await close(anban, await record(anban, { organizationId: SHUANGHE, category: 'HAZARD_CONTROL', title: '隐患点围挡不牢固', dueOn: '2026-03-05' }));
    expect(p.overdue).toBe(false); // closed: not overdue whatever its deadline
    const res = await verify(zhifa, p, 'INEFFECTIVE', { dueOn: '2026-04-15' });
    expect(res.body.errors).toBeUndefined();
    const reopened = res.body.data!['verifyProblemEffectiveness'];
    expect(reopened).toMatchObject({ status: 'RECTIFYING', effectivenessResult: 'INEFFECTIVE', closedOn: null, closedByName: null, effectivenessCriteria: null, checkDueOn: null, dueOn: '2026-04-15', checkNote: '复查仍有问题' });
    // A second check of the reopened problem is refused: it is not CLOSED any more.
    expect(fieldsOf(await verify(zhifa, reopened, 'EFFECTIVE'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // Closed again by the village, then found EFFECTIVE.
    const again = await close(shuanghe, reopened, { closedOn: '2026-03-06', note: '围挡已加固' });
    const effective = await verify(anban, again, 'EFFECTIVE');
    expect(effective.body.data?.['verifyProblemEffectiveness']).toMatchObject({ status: 'EFFECTIVE', closedOn: '2026-03-06', dueOn: '2026-04-15' });
    expect((await timeline(p.id)).map((u: any) => [u.status, u.effectivenessResult])).toEqual([['CLOSED', null], ['RECTIFYING', 'INEFFECTIVE'], ['CLOSED', null], ['EFFECTIVE', 'EFFECTIVE']]);
    // A new deadline goes only with INEFFECTIVE.
    const other = await close(anban, await record(anban, { organizationId: SHUANGHE, category: 'OTHER', title: '台账缺页' }));
    expect(fieldsOf(await verify(zhifa, other, 'EFFECTIVE', { dueOn: '2026-04-30' }))).toEqual([expect.objectContaining({ field: 'input.dueOn', rule: 'exclusive' })]);
  });

  it('answers NOT_FOUND for a source the caller cannot read, and checks the source\'s kind and form', async () => {
    const nodeIdOf = async (id: string) => (await ok(anban, `query($id: UUID!) { keyTask(id: $id) { nodeId } }`, { id }))['keyTask'].nodeId as string;
    const [own, other] = [await nodeIdOf(task('（四）-1')), await nodeIdOf(task('（四）-2'))]; // 文凤村's and 双河村's key tasks
    const before = await count('problem');
    const attempt = (client: GraphQLClient, extra: Record<string, unknown>) =>
      mutate(client, 'recordProblem', 'RecordProblemInput', { organizationId: WENFENG, ownerOrganizationId: WENFENG, category: 'RESPONSIBILITY', title: '村级应急方案未出台', foundOn: '2026-03-02', dueOn: '2026-04-30', sourceKind: 'KEY_TASK', ...extra });
    expect(errorOf(await attempt(wenfeng, { sourceNodeId: other }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.sourceNodeId' });
    expect(fieldsOf(await attempt(wenfeng, { sourceNodeId: 'not-a-global-id' }))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'globalId' })]);
    expect(fieldsOf(await attempt(wenfeng, { sourceKind: 'HAZARD', sourceNodeId: own }))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'sourceKind' })]);
    expect(fieldsOf(await attempt(wenfeng, {}))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'required' })]);
    expect(fieldsOf(await attempt(wenfeng, { sourceKind: 'UPSTREAM_ASSESSMENT' }))).toEqual([expect.objectContaining({ field: 'input.sourceReference', rule: 'required' })]);
    expect(await count('problem')).toBe(before);
    // Its own key task is a source it may name; the office may name the other village's.
    expect((await attempt(wenfeng, { sourceNodeId: own })).body.data?.['recordProblem']).toMatchObject({ sourceKind: 'KEY_TASK', sourceNodeId: own, status: 'OPEN' });
    const office = await mutate(anban, 'recordProblem', 'RecordProblemInput', { organizationId: SHUANGHE, ownerOrganizationId: SHUANGHE, category: 'RESPONSIBILITY', title: '村级应急方案推进滞后', foundOn: '2026-03-02', dueOn: '2026-04-30', sourceKind: 'KEY_TASK', sourceNodeId: other });
    expect(office.body.data?.['recordProblem']).toMatchObject({ sourceNodeId: other });
    // A reader without the source's scope sees the problem but not its source.
    const seen = await ok(anban, `query($id: UUID!) { problem(id: $id) { source { ... on KeyTask { code } } } }`, { id: office.body.data!['recordProblem'].id });
    expect(seen['problem'].source).toEqual({ code: '（四）-2' });
    expect(await count('problem')).toBe(before + 2);
  });

  it('keeps a village officer to its own village: another village\'s problems are NOT_FOUND, exactly like missing ones', async () => {
    const theirs = await one(problemId('shuanghe-cards'));
    const before = await db(`SELECT version, status FROM problem WHERE id = $1`, [theirs.id]);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [theirs.id, missing]) {
      const res = await mutate(wenfeng, 'reportProblemRectification', 'ReportProblemRectificationInput', { id, version: theirs.version, note: '越权整改' });
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', id });
    }
    expect(errorOf(await mutate(wenfeng, 'closeProblem', 'CloseProblemInput', { id: theirs.id, version: theirs.version, closedOn: '2026-03-05', note: '越权销号', effectivenessCriteria: '复查' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db(`SELECT version, status FROM problem WHERE id = $1`, [theirs.id])).toEqual(before);
    // Recording a problem in another village, or linking its problem to a review, is NOT_FOUND on the field.
    expect(errorOf(await mutate(wenfeng, 'recordProblem', 'RecordProblemInput', { organizationId: SHUANGHE, ownerOrganizationId: SHUANGHE, category: 'OTHER', title: '越权登记', foundOn: '2026-03-02', dueOn: '2026-04-30', sourceKind: 'UPSTREAM_INSPECTION', sourceReference: '越权' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    const review = await wenfeng(`mutation($input: RecordProblemReviewInput!) { recordProblemReview(input: $input) { id } }`, { input: { organizationId: WENFENG, title: '越权复盘', heldOn: '2026-03-05', findings: '越权复盘发现', lessons: '越权复盘教训', problemIds: [problemId('wenfeng-tip'), theirs.id] } });
    expect(errorOf(review)).toMatchObject({ code: 'NOT_FOUND', field: 'input.problemIds.1' });
    // Reads: its own village only, and nothing of 双河村 by id.
    const mine = await list(wenfeng, '{}');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((p) => p.organizationId !== WENFENG)).toEqual([]);
    expect((await ok(wenfeng, `query($id: UUID!) { problem(id: $id) { id } }`, { id: theirs.id }))['problem']).toBeNull();
    // A department officer rectifies its own department's problems only.
    const economy = await one(problemId('economy-insurance'));
    expect((await done(jingfa, 'reportProblemRectification', 'ReportProblemRectificationInput', { id: economy.id, version: economy.version, note: '已走访3家企业' })).status).toBe('RECTIFYING');
    const village = await one(problemId('wenfeng-tip'));
    expect(errorOf(await mutate(jingfa, 'reportProblemRectification', 'ReportProblemRectificationInput', { id: village.id, version: village.version, note: '越权' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the field and the rule of bad input, and writes nothing', async () => {
    const p = await record(anban, { organizationId: WENFENG, category: 'OTHER', title: '校验用问题', foundOn: '2026-03-02' });
    const tables = async () => [await count('problem'), await count('problem_update'), await count('problem_review'), await count('audit_log')];
    const before = await tables();
    const refused = async (input: Record<string, unknown>) => fieldsOf(await mutate(anban, 'recordProblem', 'RecordProblemInput', { organizationId: WENFENG, ownerOrganizationId: WENFENG, category: 'OTHER', title: '校验', foundOn: '2026-03-02', dueOn: '2026-04-30', sourceKind: 'OTHER', sourceReference: '自查', ...input }));
    expect(await refused({ title: '校' })).toEqual([expect.objectContaining({ field: 'input.title' })]);
    expect(await refused({ foundOn: '2026-03-07' })).toEqual([expect.objectContaining({ field: 'input.foundOn', rule: 'notFuture' })]);
    expect(await refused({ dueOn: '2026-03-01' })).toEqual([expect.objectContaining({ field: 'input.dueOn', rule: 'notBeforeFrom' })]);
    expect(errorOf(await mutate(anban, 'recordProblem', 'RecordProblemInput', { organizationId: WENFENG, ownerOrganizationId: '00000000-0000-4000-8000-000000000000', category: 'OTHER', title: '校验', foundOn: '2026-03-02', dueOn: '2026-04-30', sourceKind: 'OTHER', sourceReference: '自查' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.ownerOrganizationId' });
    const closing = (extra: Record<string, unknown>) => mutate(anban, 'closeProblem', 'CloseProblemInput', { id: p.id, version: p.version, closedOn: '2026-03-05', note: '完成', effectivenessCriteria: '复查', ...extra });
    expect(fieldsOf(await closing({ closedOn: '2026-03-01' }))).toEqual([expect.objectContaining({ field: 'input.closedOn', rule: 'range' })]);
    expect(fieldsOf(await closing({ closedOn: '2026-03-09' }))).toEqual([expect.objectContaining({ field: 'input.closedOn', rule: 'notFuture' })]);
    expect(fieldsOf(await closing({ checkDueOn: '2026-03-04' }))).toEqual([expect.objectContaining({ field: 'input.checkDueOn', rule: 'notBeforeFrom' })]);
    expect(fieldsOf(await closing({ effectivenessCriteria: '' }))).toEqual([expect.objectContaining({ field: 'input.effectivenessCriteria' })]);
    expect(errorOf(await closing({ version: p.version + 1 }))).toMatchObject({ code: 'CONFLICT' });
    expect(fieldsOf(await verify(zhifa, p, 'EFFECTIVE'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    const reviewing = (extra: Record<string, unknown>) => anban(`mutation($input: RecordProblemReviewInput!) { recordProblemReview(input: $input) { id } }`, { input: { organizationId: TOWN, title: '校验复盘', heldOn: '2026-03-05', findings: '发现', lessons: '教训', ...extra } });
    expect(fieldsOf(await reviewing({ heldOn: '2026-03-07' }))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'notFuture' })]);
    expect(fieldsOf(await reviewing({ subjectNodeId: 'not-a-global-id' }))).toEqual([expect.objectContaining({ field: 'input.subjectNodeId', rule: 'globalId' })]);
    expect(errorOf(await reviewing({ problemIds: ['00000000-0000-4000-8000-000000000000'] }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.problemIds.0' });
    expect(await tables()).toEqual(before);
    expect(await one(p.id)).toMatchObject({ status: 'OPEN', version: p.version });
  });

  it('records a review with its subject and problems, and reads nested problems, repeats and timelines in a bounded number of statements', async () => {
    const meeting = (await ok(anban, `{ consultations(first: 1) { edges { node { id nodeId } } } }`))['consultations'].edges[0].node;
    const raised = [problemId('wenfeng-broadcast'), problemId('shuanghe-cards')];
    const created = await ok(anban, `mutation($input: RecordProblemReviewInput!) { recordProblemReview(input: $input) { id title subject { nodeId } organization { id } problems { totalCount edges { node { id } } } } }`, {
      input: { organizationId: TOWN, title: '2026年春季森林防火复盘', heldOn: '2026-03-05', subjectNodeId: meeting.nodeId, findings: '护林员巡查频次不足', lessons: '清明前加密巡查', problemIds: raised },
    });
    const review = created['recordProblemReview'];
    expect(review).toMatchObject({ title: '2026年春季森林防火复盘', subject: { nodeId: meeting.nodeId }, organization: { id: TOWN }, problems: { totalCount: 2 } });
    expect(review.problems.edges.map((e: any) => e.node.id).sort()).toEqual([...raised].sort());
    // Each problem lists the reviews that raised it.
    const reviews = (await ok(anban, `query($id: UUID!) { problem(id: $id) { reviews { edges { node { title } } } } }`, { id: problemId('wenfeng-broadcast') }))['problem'].reviews.edges.map((e: any) => e.node.title);
    expect(reviews).toEqual(['2026年春季森林防火复盘', '2025年汛期工作复盘']);
    // Both reviews are the town's: out of a village's scope.
    expect((await ok(wenfeng, `{ problemReviews { totalCount } }`))['problemReviews'].totalCount).toBe(0);

    // One statement per level, whatever the page holds.
    const nested = (first: number) => anban(`{ problemReviews(first: ${first}) { edges { node { title organization { name } problems(first: 10) { edges { node { title isRepeat repeatOf { title } organization { name } updates { edges { node { note } } } } } } } } } }`);
    const [few, many] = [await nested(1), await nested(10)];
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    const titles = many.body.data!['problemReviews'].edges.flatMap((e: any) => e.node.problems.edges.map((p: any) => [p.node.title, p.node.repeatOf?.title ?? null]));
    expect(titles).toContainEqual(['转移避险演练中广播预警覆盖不到偏远村民小组', '村应急物资储备清单与实物不符']);
    // The planned read of reviews, organizations, problems and timelines; the problems' repeat ids; the earlier problems.
    expect(few.statements).toBe(3);
    expect(many.statements).toBe(3);
    // The same from the list of repeats: the planned page (with reviews and timelines), the repeat ids, the earlier problems and their organizations, whatever the page holds.
    const page = (first: number) => anban(`{ problems(first: ${first}, filter: { repeats: true }) { edges { node { title isRepeat overdue repeatOf { title organization { name } } reviews { edges { node { title } } } updates { totalCount } } } } }`);
    const [small, large] = [await page(1), await page(50)];
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data!['problems'].edges.length).toBeGreaterThan(2);
    expect(large.body.data!['problems'].edges.every((e: any) => e.node.isRepeat && e.node.repeatOf.organization.name)).toBe(true);
    expect([small.statements, large.statements]).toEqual([4, 4]);
  });

  it('measures effective closure as a registered indicator, equal to counting the problems due in the period', async () => {
    const all = await list(anban, '{}');
    const due = all.filter((p) => (p['dueOn'] as string) >= '2025-01-01' && (p['dueOn'] as string) < '2026-01-01');
    const effective = due.filter((p) => p.status === 'EFFECTIVE' && (p['closedOn'] as string) <= (p['dueOn'] as string));
    const repeats = all.filter((p) => p.isRepeat && (p['foundOn'] as string) >= '2025-01-01' && (p['foundOn'] as string) < '2026-01-01');
    const figures = (await ok(anban, `{ indicatorValues(organizationId: "${TOWN}", from: "2025-01-01", to: "2026-01-01", filter: { codes: ["responsibility.problem-effective-closure", "responsibility.problem-repeats"] }) { edges { node { indicator { code } numerator denominator } } } }`))['indicatorValues'].edges.map((e: any) => ({ code: e.node.indicator.code, numerator: e.node.numerator, denominator: e.node.denominator }));
    expect(figures).toEqual(expect.arrayContaining([
      { code: 'responsibility.problem-effective-closure', numerator: effective.length, denominator: due.length },
      { code: 'responsibility.problem-repeats', numerator: repeats.length, denominator: null },
    ]));
    expect(effective.length).toBeGreaterThan(0);
    expect(effective.length).toBeLessThan(due.length);
    expect(repeats.length).toBe(2);
  });

  it('pages the problems, which share one creation time, and the figures and reviews, one by one in both directions without loss', async () => {
    const total = (await ok(anban, `{ problems { totalCount } }`))['problems'].totalCount;
    expect(total).toBeGreaterThan(8);
    const shared = await db(`SELECT count(*)::int AS n FROM problem GROUP BY created_at ORDER BY n DESC LIMIT 1`);
    expect(shared[0].n).toBeGreaterThan(8); // the seeded ones were written at one instant
    for (const orderBy of ['[{ field: CREATED_AT }]', '[{ field: STATUS, direction: DESC }, { field: FOUND_ON }]', '[]']) {
      await expectPagedCompletely(anban, `query(${PAGE_VARS}) { problems(orderBy: ${orderBy}, ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['problems'], 3, total);
    }
    const figures = (await ok(anban, `{ problemRepeatFigures(from: "2024-01-01", to: "2026-03-06") { totalCount } }`))['problemRepeatFigures'].totalCount;
    expect(figures).toBeGreaterThan(3);
    await expectPagedCompletely(anban, `query(${PAGE_VARS}) { problemRepeatFigures(from: "2024-01-01", to: "2026-03-06", ${PAGE_ARGS}) { ${walkedPage('key')} } }`, {}, ['problemRepeatFigures'], 2, figures);
    const updates = (await ok(anban, `{ problems(filter: { updatedSince: "2000-01-01T00:00:00Z" }) { totalCount } }`))['problems'].totalCount;
    expect(updates).toBe(total);
    // Reviews held on one day: their order falls to the id.
    for (const n of [1, 2, 3, 4, 5]) {
      await ok(anban, `mutation { recordProblemReview(input: { organizationId: "${TOWN}", title: "分页复盘${n}", heldOn: "2026-02-27", findings: "发现${n}", lessons: "教训${n}" }) { id } }`);
    }
    const reviews = (await ok(anban, `{ problemReviews { totalCount } }`))['problemReviews'].totalCount;
    expect(reviews).toBeGreaterThanOrEqual(6);
    await expectPagedCompletely(anban, `query(${PAGE_VARS}) { problemReviews(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['problemReviews'], 2, reviews);
  });
});
