import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const SAFETY = seedId('org:dept-safety');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const task = (code: string) => seedId(`key-task:2025:${code}`);

const TASK = 'id version year code depth position title status weight startsOn dueOn reportedProgress completedOn progress elapsedShare behindSchedule overdue scheduleTolerancePercent indicatorCode indicatorTarget indicatorValue parentId ownerOrganizationId';
type Task = { id: string; version: number; code: string; status: string; weight: number; progress: number; reportedProgress: number; behindSchedule: boolean; parentId: string | null; [k: string]: unknown };

/**
 * Annual key tasks (issue 18, points 一 and 二): the town's 2025 plan as a tree, progress rolled up by
 * weight and live from indicators, behind schedule against the elapsed share and the tolerance of the
 * rule version each task keeps, the workflow with its timeline and evidence, scope, and lossless lists.
 */
describe('annual key tasks (年度重点任务)', () => {
  // 2026-03-06 (Friday) 10:00 China time: the clock the boundaries below are written against.
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
  const all = async (client: GraphQLClient, filter: string): Promise<Task[]> => (await ok(client, `{ keyTasks(first: 100, filter: ${filter}) { totalCount edges { node { ${TASK} } } } }`))['keyTasks'].edges.map((e: any) => e.node);
  const mutate = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>) => mutation(client, name, type, input, TASK);
  const done = (client: GraphQLClient, name: string, type: string, input: Record<string, unknown>) => mutated<Task>(client, name, type, input, TASK);
  const create = (input: Record<string, unknown>) => done(office, 'createKeyTask', 'CreateKeyTaskInput', { year: 2026, ownerOrganizationId: SAFETY, ...input });
  const report = (client: GraphQLClient, t0: Task, progress: number, extra: Record<string, unknown> = {}) => done(client, 'recordKeyTaskProgress', 'RecordKeyTaskProgressInput', { id: t0.id, version: t0.version, progress, note: `进度${progress}%`, ...extra });
  const one = async (id: string): Promise<Task> => (await ok(office, `query($id: UUID!) { keyTask(id: $id) { ${TASK} } }`, { id }))['keyTask'];

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('holds the 2025 plan: six sections, 24 points, tasks under some; each parent\'s progress is its children\'s weighted by weight', async () => {
    const tasks = await all(office, '{ year: 2025 }');
    expect(tasks.filter((x) => x.depth === 1).map((x) => x.code)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(tasks.filter((x) => x.depth === 2)).toHaveLength(24);
    expect(tasks.filter((x) => x.depth === 2).map((x) => x.code).slice(0, 3)).toEqual(['（一）', '（二）', '（三）']);
    // Sections are under way once work under them has begun.
    expect(tasks.filter((x) => x.depth === 1).map((x) => x.status)).toEqual(Array(6).fill('IN_PROGRESS'));
    // The roll-up, computed here from the tasks themselves: leaves as they stand, parents by weight over their open or completed children.
    const byParent = new Map<string | null, Task[]>();
    for (const x of tasks) byParent.set(x.parentId, [...(byParent.get(x.parentId) ?? []), x]);
    const expected = (x: Task): number => {
      const children = (byParent.get(x.id) ?? []).filter((c) => c.status !== 'CANCELLED');
      if (!children.length) return x.status === 'COMPLETED' ? 100 : x.indicatorCode ? x.progress : x.reportedProgress;
      const weight = children.reduce((n, c) => n + c.weight, 0);
      return children.reduce((n, c) => n + (expected(c) * c.weight) / weight, 0);
    };
    for (const x of tasks) expect(x.progress).toBeCloseTo(expected(x), 0);
    // A point broken into tasks: （一） = (100 + 60 + 100) / 3.
    expect(tasks.find((x) => x.code === '（一）')!.progress).toBeCloseTo(86.7, 1);
    // A cancelled task leaves its parent's progress: （二十四） is its one remaining task's 50 %.
    expect(tasks.find((x) => x.code === '（二十四）')!.progress).toBe(50);
  });

  it('reads progress for a page of tasks in a bounded number of statements, whatever the page holds', async () => {
    const few = await office(`{ keyTasks(first: 3, filter: { year: 2025 }) { edges { node { code progress behindSchedule } } } }`);
    const many = await office(`{ keyTasks(first: 50, filter: { year: 2025 }) { edges { node { code progress behindSchedule } } } }`);
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    // The page, the subtrees' leaves, the tasks' rule versions, and one indicator evaluation once the page holds a bound target (the first three hold none).
    expect(few.statements).toBe(3);
    expect(many.statements).toBe(4);
  });

  it('measures a target bound to an indicator by the indicator\'s live value for its owner', async () => {
    const bound = await one(task('（五）-1'));
    const [figure] = (await ok(office, `{ indicatorValues(organizationId: "${TOWN}", from: "2025-01-01", to: "2026-01-01", filter: { codes: ["risk.major-hazard-on-time-rectification"] }) { edges { node { value } } } }`))['indicatorValues'].edges.map((e: any) => e.node);
    expect(bound.indicatorValue).toBe(figure.value);
    expect(bound.progress).toBeCloseTo(Math.min(100, (figure.value / 1) * 100), 1);
    // The drill target too, and its value is not the reported progress (0).
    const drills = await one(task('（十一）-2'));
    expect(drills.indicatorValue).not.toBeNull();
    expect(drills.progress).toBeCloseTo(drills.indicatorValue as number * 100, 1);
  });

  it('rolls progress up through weights, cancellation and completion at every level', async () => {
    const root = await create({ code: 'T1', title: '测试任务一', dueOn: '2026-12-31' });
    const a = await create({ code: 'T1-1', title: '子任务甲', parentId: root.id, weight: 1 });
    const b = await create({ code: 'T1-2', title: '子任务乙', parentId: root.id, weight: 3 });
    const b1 = await create({ code: 'T1-2-1', title: '孙任务一', parentId: b.id, weight: 1 });
    const b2 = await create({ code: 'T1-2-2', title: '孙任务二', parentId: b.id, weight: 1 });
    expect([a.depth, b1.depth, b1.dueOn, b1.startsOn]).toEqual([2, 3, '2026-12-31', '2026-01-01']);
    expect((await one(root.id)).status).toBe('PLANNED');
    await report(office, a, 40);
    // Work under the root has begun: it moved to IN_PROGRESS with the report, audited; b has not begun yet.
    expect((await one(root.id)).status).toBe('IN_PROGRESS');
    expect((await one(b.id)).status).toBe('PLANNED');
    expect(await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'responsibility.key-task.start'`, [root.id])).toEqual([{ action: 'responsibility.key-task.start' }]);
    await report(office, b1, 100);
    expect((await one(b.id)).status).toBe('IN_PROGRESS');
    await report(office, b2, 60);
    // b = (100 + 60) / 2 = 80; root = (40 × 1 + 80 × 3) / 4 = 70.
    expect((await one(b.id)).progress).toBe(80);
    expect((await one(root.id)).progress).toBe(70);
    // Cancelling b2 leaves b at b1's 100 and the root at (40 + 300) / 4 = 85.
    const b2now = await one(b2.id);
    await done(office, 'cancelKeyTask', 'KeyTaskReasonInput', { id: b2.id, version: b2now.version, reason: '合并到孙任务一' });
    expect((await one(b.id)).progress).toBe(100);
    expect((await one(root.id)).progress).toBe(85);
    // A parent's progress is rolled up: reporting on it is refused, and completing it waits for its open children.
    const bNow = await one(b.id);
    expect(fieldsOf(await mutate(office, 'recordKeyTaskProgress', 'RecordKeyTaskProgressInput', { id: b.id, version: bNow.version, progress: 10, note: '父任务填报' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'leaf' })]);
    const rootNow = await one(root.id);
    expect(fieldsOf(await mutate(office, 'completeKeyTask', 'CompleteKeyTaskInput', { id: root.id, version: rootNow.version, completedOn: '2026-03-06', note: '完成' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'childrenOpen' })]);
    // Completing the rest completes the tree: 100 at every level.
    for (const id of [b1.id, b.id, a.id, root.id]) {
      const now = await one(id);
      await done(office, 'completeKeyTask', 'CompleteKeyTaskInput', { id, version: now.version, completedOn: '2026-03-05', note: '已完成' });
    }
    expect((await one(root.id)).progress).toBe(100);
    expect(await one(root.id)).toMatchObject({ status: 'COMPLETED', completedOn: '2026-03-05', behindSchedule: false });
  });

  it('flags behind schedule against the elapsed share, exactly at the tolerance of the rule version each task keeps', async () => {
    // 2026-03-01 … 2026-03-11: on 2026-03-06 half the period is gone (50 %); the seeded tolerance is 10 points.
    const on = await create({ code: 'S1', title: '进度边界甲', startsOn: '2026-03-01', dueOn: '2026-03-11' });
    const behind = await create({ code: 'S2', title: '进度边界乙', startsOn: '2026-03-01', dueOn: '2026-03-11' });
    expect(on).toMatchObject({ elapsedShare: 0.5, scheduleTolerancePercent: 10, behindSchedule: true });
    expect((await report(office, on, 40)).behindSchedule).toBe(false); // 40 = 50 − 10: on schedule
    expect((await report(office, behind, 39)).behindSchedule).toBe(true); // 39 < 40
    const listed = (await ok(office, `{ keyTasksBehindSchedule(year: 2026) { edges { node { code } } } }`))['keyTasksBehindSchedule'].edges.map((e: any) => e.node.code);
    expect(listed).toContain('S2');
    expect(listed).not.toContain('S1');

    // The office widens the tolerance to 30 from today: a task created now keeps 30, the earlier ones keep 10.
    const added = await office(`mutation { addBusinessRuleVersion(input: { ruleCode: "responsibility.key-task.schedule", jurisdiction: TOWN, jurisdictionName: "南平镇", documentNumber: "南平安委〔2026〕2号", value: { tolerancePercent: 30 }, effectiveFrom: "2026-03-06" }) { id } }`);
    expect(added.body.errors).toBeUndefined();
    const later = await create({ code: 'S3', title: '进度边界丙', startsOn: '2026-03-01', dueOn: '2026-03-11' });
    expect((await report(office, later, 21)).behindSchedule).toBe(false); // 21 ≥ 50 − 30
    expect(await one(behind.id)).toMatchObject({ scheduleTolerancePercent: 10, behindSchedule: true });
    // On the due day the whole period is gone; before the first day none is.
    expect((await create({ code: 'S4', title: '未开始任务', startsOn: '2026-04-01', dueOn: '2026-04-30' }))).toMatchObject({ elapsedShare: 0, behindSchedule: false });
    expect((await create({ code: 'S5', title: '今日到期任务', startsOn: '2026-03-01', dueOn: '2026-03-06' }))).toMatchObject({ elapsedShare: 1, behindSchedule: true, overdue: false });
  });

  it('keeps a timeline of reports with their evidence, audited with the change', async () => {
    const target = await create({ code: 'E1', title: '佐证测试任务' });
    const form = new FormData();
    form.append('file', new Blob([PDF]), '会议纪要.pdf');
    const upload = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${await t.token('anban')}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as any;
    const reported = await report(office, target, 30, { recordedOn: '2026-03-05', attachmentIds: [upload.id] });
    expect(reported).toMatchObject({ status: 'IN_PROGRESS', reportedProgress: 30, version: 2 });
    const timeline = (await ok(office, `query($id: UUID!) { keyTask(id: $id) { updates { edges { node { recordedOn progress status note attachments { fileName } task { code } } } } } }`, { id: target.id }))['keyTask'].updates.edges.map((e: any) => e.node);
    expect(timeline).toEqual([{ recordedOn: '2026-03-05', progress: 30, status: 'IN_PROGRESS', note: '进度30%', attachments: [{ fileName: '会议纪要.pdf' }], task: { code: 'E1' } }]);
    const audit = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [target.id]);
    expect(audit.map((a: any) => a.action)).toEqual(['responsibility.key-task.create', 'responsibility.key-task.report']);
    // A future day is refused and nothing is written.
    expect(fieldsOf(await mutate(office, 'recordKeyTaskProgress', 'RecordKeyTaskProgressInput', { id: target.id, version: 2, progress: 50, note: '明天', recordedOn: '2026-03-07' }))).toEqual([expect.objectContaining({ field: 'input.recordedOn', rule: 'notFuture' })]);
    expect((await one(target.id)).reportedProgress).toBe(30);
  });

  it('names the field and the rule of a bad task, and writes nothing', async () => {
    const parent = await create({ code: 'V1', title: '校验父任务', startsOn: '2026-02-01', dueOn: '2026-06-30' });
    const before = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM key_task`);
    const refused = async (input: Record<string, unknown>) => fieldsOf(await mutate(office, 'createKeyTask', 'CreateKeyTaskInput', { year: 2026, ownerOrganizationId: SAFETY, title: '校验任务', code: 'V9', dueOn: '2026-05-01', ...input }));
    expect(await refused({ dueOn: '2027-01-01' })).toEqual([expect.objectContaining({ field: 'input.dueOn', rule: 'range' })]);
    expect(await refused({ parentId: parent.id, dueOn: '2026-07-01' })).toEqual([expect.objectContaining({ field: 'input.dueOn', rule: 'withinParent' })]);
    expect(await refused({ parentId: parent.id, startsOn: '2026-01-15' })).toEqual([expect.objectContaining({ field: 'input.startsOn', rule: 'withinParent' })]);
    expect(await refused({ parentId: parent.id, year: 2025, dueOn: '2025-05-01' })).toEqual([expect.objectContaining({ field: 'input.parentId', rule: 'parent' })]);
    expect(await refused({ code: 'V1' })).toEqual([expect.objectContaining({ field: 'input.code', rule: 'unique' })]);
    expect(await refused({ indicatorCode: 'risk.no-such-indicator', indicatorTarget: 1 })).toEqual([expect.objectContaining({ field: 'input.indicatorCode', rule: 'exists' })]);
    expect(await refused({ indicatorTarget: 1 })).toEqual([expect.objectContaining({ field: 'input.indicatorCode', rule: 'indicatorTarget' })]);
    expect(await refused({ startsOn: '2026-05-02' })).toEqual([expect.objectContaining({ field: 'input.dueOn', rule: 'notBeforeFrom' })]);
    expect(await refused({ weight: 0 })).toEqual([expect.objectContaining({ field: 'input.weight', rule: 'min' })]);
    const missing = await mutate(office, 'createKeyTask', 'CreateKeyTaskInput', { year: 2026, ownerOrganizationId: SAFETY, title: '校验任务', code: 'V9', dueOn: '2026-05-01', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(errorOf(missing)).toMatchObject({ code: 'NOT_FOUND', field: 'input.parentId' });
    expect(await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM key_task`)).toEqual(before);
  });

  it('keeps each official to their scope: a village sees and reports on its own tasks only; planning is the office\'s', async () => {
    const mine = await all(wenfeng, '{ year: 2025 }');
    expect(mine.map((x) => x.code)).toEqual(['（四）-1']);
    const shuanghe = await one(task('（四）-2'));
    const reach = await mutate(wenfeng, 'recordKeyTaskProgress', 'RecordKeyTaskProgressInput', { id: shuanghe.id, version: shuanghe.version, progress: 90, note: '越权填报' });
    expect(errorOf(reach)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await one(shuanghe.id)).reportedProgress).toBe(50);
    const planning = await mutate(wenfeng, 'createKeyTask', 'CreateKeyTaskInput', { year: 2026, ownerOrganizationId: WENFENG, code: 'W1', title: '村自定任务', dueOn: '2026-05-01' });
    expect(errorOf(planning)).toMatchObject({ code: 'FORBIDDEN' });
    // A department officer reads every task but reports only on its own department's: 经发办 owns （二十一）, not （二十）.
    const own = await one(task('（二十一）'));
    expect((await report(jingfa, own, 35)).reportedProgress).toBe(35);
    const other = await one(task('（二十）'));
    expect(errorOf(await mutate(jingfa, 'recordKeyTaskProgress', 'RecordKeyTaskProgressInput', { id: other.id, version: other.version, progress: 70, note: '越权' }))).toMatchObject({ code: 'NOT_FOUND' });
    // The village's own task: its subtree filter and its report.
    const village = await all(office, `{ year: 2025, withinSubtreeOf: "${SHUANGHE}" }`);
    expect(village.map((x) => x.code)).toEqual(['（四）-2']);
  });

  it('measures on-time completion as a registered indicator, equal to counting the plan\'s tasks', async () => {
    const tasks = await all(office, '{ year: 2025 }');
    const parents = new Set(tasks.filter((x) => x.status !== 'CANCELLED').map((x) => x.parentId));
    const due = tasks.filter((x) => x.status !== 'CANCELLED' && !parents.has(x.id));
    const onTime = due.filter((x) => x.status === 'COMPLETED' && (x.completedOn as string) <= (x.dueOn as string));
    const [figure] = (await ok(office, `{ indicatorValues(organizationId: "${TOWN}", from: "2025-01-01", to: "2026-01-01", filter: { codes: ["responsibility.key-task-on-time-completion"] }) { edges { node { numerator denominator } } } }`))['indicatorValues'].edges.map((e: any) => e.node);
    expect(figure).toEqual({ numerator: onTime.length, denominator: due.length });
    expect(onTime.length).toBeGreaterThan(0);
    expect(onTime.length).toBeLessThan(due.length);
  });

  it('pages the plan\'s tasks, which share one creation time, one by one in both directions without loss', async () => {
    const query = `query(${PAGE_VARS}) { keyTasks(filter: { year: 2025 }, orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    const total = (await ok(office, `{ keyTasks(filter: { year: 2025 }) { totalCount } }`))['keyTasks'].totalCount;
    expect(total).toBeGreaterThan(40);
    await expectPagedCompletely(office, query, {}, ['keyTasks'], 7, total);
    const behind = `query(${PAGE_VARS}) { keyTasksBehindSchedule(year: 2025, ${PAGE_ARGS}) { ${walkedPage()} } }`;
    const lagging = (await ok(office, `{ keyTasksBehindSchedule(year: 2025, first: 100) { totalCount } }`))['keyTasksBehindSchedule'].totalCount;
    expect(lagging).toBeGreaterThan(3);
    await expectPagedCompletely(office, behind, {}, ['keyTasksBehindSchedule'], 1, lagging);
  });
});
