import { audit, businessRules, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { KEY_TASK_SCHEDULE } from '../business-rules/key-tasks';
import { KeyTaskStatus } from './key-task.enums';
import { insertSeedKeyTasks, insertSeedKeyTaskUpdates, type SeedKeyTaskRow, type SeedKeyTaskUpdateRow } from './key-task.seed.sql';

/** The plan the seed holds: 2025年南平镇安全生产、防灾减灾救灾和消防工作要点 (南平镇人民政府, 2025-03-25). */
export const SEED_PLAN_YEAR = 2025;
const ISSUED_ON = '2025-03-25';

/** Where a seeded task stands. */
type Standing =
  | { readonly progress: number; readonly reportedOn?: string }
  | { readonly completedOn: string }
  | { readonly cancelled: string }
  | { readonly indicator: string; readonly target: number };

interface SeedTask {
  readonly code: string;
  readonly title: string;
  /** `dept-<slug>`, `village-<slug>`, or `town`. */
  readonly owner: string;
  readonly weight?: number;
  readonly dueOn?: string;
  readonly startsOn?: string;
  readonly standing?: Standing;
  readonly tasks?: readonly SeedTask[];
}

/** The work plan's six sections and 24 points, with the concrete tasks the office broke some points into. */
const PLAN: readonly SeedTask[] = [
  { code: '一', title: '深化安全责任体系，提升综合统筹能力', owner: 'town', tasks: [
    { code: '（一）', title: '强化党政领导干部责任', owner: 'dept-office', weight: 2, tasks: [
      { code: '（一）-1', title: '制定党政领导干部安全生产、防灾减灾救灾工作职责清单和年度重点任务清单', owner: 'dept-safety', dueOn: '2025-04-30', standing: { completedOn: '2025-04-28' } },
      { code: '（一）-2', title: '落实定期述职报告制度', owner: 'dept-office', standing: { progress: 60, reportedOn: '2025-10-15' } },
      { code: '（一）-3', title: '将安全生产、防灾减灾救灾和消防安全监督管理纳入党政领导干部培训内容', owner: 'dept-office', dueOn: '2025-10-31', standing: { completedOn: '2025-11-14' } },
    ] },
    { code: '（二）', title: '强化行业部门监管责任', owner: 'dept-safety', weight: 2, tasks: [
      { code: '（二）-1', title: '开展行业消防安全“四个一”活动', owner: 'dept-safety', dueOn: '2025-09-30', standing: { progress: 40, reportedOn: '2025-08-29' } },
      { code: '（二）-2', title: '动态厘清新兴业态安全监管职责和公路、铁路及库岸沿线灾害防治责任', owner: 'dept-planning', standing: { progress: 20, reportedOn: '2025-09-12' } },
    ] },
    { code: '（三）', title: '提升综合统筹协调能力（通报、督促函、警示约谈、挂牌督办，问题清单与复盘）', owner: 'dept-safety', standing: { progress: 80, reportedOn: '2025-11-28' } },
    { code: '（四）', title: '提升基层应急管理能力', owner: 'dept-emergency', weight: 2, tasks: [
      { code: '（四）-1', title: '文凤村出台村级应急处置方案并组建应急救援队伍', owner: 'village-wenfeng', dueOn: '2025-06-30', standing: { completedOn: '2025-06-20' } },
      { code: '（四）-2', title: '双河村出台村级应急处置方案并组建应急救援队伍', owner: 'village-shuanghe', dueOn: '2025-06-30', standing: { progress: 50, reportedOn: '2025-06-27' } },
      { code: '（四）-3', title: '龙山村出台村级应急处置方案并组建应急救援队伍', owner: 'village-longshan', dueOn: '2025-06-30', standing: { progress: 0 } },
    ] },
  ] },
  { code: '二', title: '深化风险防范体系，提升防范化解能力', owner: 'town', tasks: [
    { code: '（五）', title: '加强安全生产治本攻坚', owner: 'dept-safety', weight: 3, tasks: [
      { code: '（五）-1', title: '完善重大事故隐患“自查自报自改”机制，实现重大事故隐患按期整改率达到100%', owner: 'town', weight: 2, standing: { indicator: 'risk.major-hazard-on-time-rectification', target: 1 } },
      { code: '（五）-2', title: '开展“专家进企业”指导帮扶', owner: 'dept-safety', dueOn: '2025-11-30', standing: { completedOn: '2025-11-28' } },
    ] },
    { code: '（六）', title: '加强防灾减灾救灾固本强基（灾害信息员培训、救灾物资查漏补缺、“平急两用”设施整合）', owner: 'dept-emergency', standing: { progress: 70, reportedOn: '2025-11-20' } },
    { code: '（七）', title: '加强安全韧性城市制度体系建设', owner: 'dept-planning', standing: { progress: 30, reportedOn: '2025-10-10' } },
    { code: '（八）', title: '加强事故灾害风险源头管控（建设项目安全“三同时”、自然灾害综合风险基础数据库）', owner: 'dept-planning', standing: { progress: 50, reportedOn: '2025-11-05' } },
    { code: '（九）', title: '加强城乡火灾防控基础建设（社区和物业小区消防设施）', owner: 'dept-enforcement', standing: { progress: 60, reportedOn: '2025-10-31' } },
    { code: '（十）', title: '完成重点行业领域专项整治和“一件事”全链条安全治理年度工作', owner: 'dept-safety', dueOn: '2025-12-20', standing: { completedOn: '2025-12-19' } },
  ] },
  { code: '三', title: '深化救援救灾体系，提升应对处置能力', owner: 'town', tasks: [
    { code: '（十一）', title: '抓好应急预案修编和演练', owner: 'dept-emergency', weight: 2, tasks: [
      { code: '（十一）-1', title: '修订《南平镇安全生产与自然灾害防治应急预案》', owner: 'dept-emergency', dueOn: '2025-05-31', standing: { completedOn: '2025-05-30' } },
      { code: '（十一）-2', title: '村（居）每年至少组织1次应急演练，企业每年至少1次疏散逃生演练（高危行业每半年至少1次）', owner: 'town', standing: { indicator: 'preparedness.drill-compliance', target: 1 } },
    ] },
    { code: '（十二）', title: '抓好应急指挥部和队伍建设（镇应急指挥部、各村民兵救援队、“一中心四板块”值班值守）', owner: 'dept-emergency', standing: { progress: 90, reportedOn: '2025-12-01' } },
    { code: '（十三）', title: '抓好消防救援体系和力量建设（微型消防站）', owner: 'dept-safety', standing: { progress: 40, reportedOn: '2025-09-30' } },
    { code: '（十四）', title: '抓好会商研判和处置应对', owner: 'dept-emergency', weight: 2, tasks: [
      { code: '（十四）-1', title: '坚持“1+7+N”会商研判和汛期5-9月每月研判分析机制', owner: 'dept-emergency', dueOn: '2025-09-30', standing: { completedOn: '2025-09-29' } },
      { code: '（十四）-2', title: '完善镇、村（居）两级响应指令体系，确保叫应机制直达村（居）', owner: 'town', standing: { indicator: 'warnings.acknowledgement-rate', target: 1 } },
    ] },
    { code: '（十五）', title: '抓好救灾救助和恢复重建，修编救灾物资管理办法', owner: 'dept-social', dueOn: '2025-12-15', standing: { completedOn: '2025-12-12' } },
  ] },
  { code: '四', title: '深化法规制度体系，提升监管执法能力', owner: 'town', tasks: [
    { code: '（十六）', title: '配好做好法律法规标准运用', owner: 'dept-enforcement', standing: { progress: 50, reportedOn: '2025-10-20' } },
    { code: '（十七）', title: '深化行政执法改革，精准编制安全生产和消防安全执法事项清单', owner: 'dept-enforcement', standing: { progress: 70, reportedOn: '2025-11-18' } },
    { code: '（十八）', title: '严格规范精准执法（年度监督检查计划、“一案双罚”“行刑衔接”）', owner: 'dept-enforcement', weight: 2, standing: { progress: 80, reportedOn: '2025-12-05' } },
  ] },
  { code: '五', title: '深化社会共治体系，提升群防群治能力', owner: 'town', tasks: [
    { code: '（十九）', title: '提升全民安全素质（安全宣传“五进”、安全生产月、防灾减灾日、消防宣传月）', owner: 'dept-office', dueOn: '2025-11-30', standing: { completedOn: '2025-11-29' } },
    { code: '（二十）', title: '提升社会公众监督质效（“12350”“12345”举报、企业隐患内部报告奖励）', owner: 'dept-safety', standing: { progress: 60, reportedOn: '2025-10-28' } },
    { code: '（二十一）', title: '提升市场多元共治能力（安责险、巨灾保险、社会力量参与抢险救灾）', owner: 'dept-economy', standing: { progress: 30, reportedOn: '2025-09-26' } },
  ] },
  { code: '六', title: '深化数字应急体系，提升整体智治能力', owner: 'town', tasks: [
    { code: '（二十二）', title: '承接数字应急智能化场景应用（安全履职一本账、企业安全管家、安全隐患码上除）', owner: 'dept-emergency', standing: { progress: 40, reportedOn: '2025-11-11' } },
    { code: '（二十三）', title: '加强应急智慧指挥体系建设（“卫星+370MHZ+自组网”应急通信网络）', owner: 'dept-emergency', standing: { progress: 20, reportedOn: '2025-08-15' } },
    { code: '（二十四）', title: '加强科技基础支撑能力建设', owner: 'dept-economy', tasks: [
      { code: '（二十四）-1', title: '配合推动大规模设备更新和消费品以旧换新', owner: 'dept-economy', standing: { progress: 50, reportedOn: '2025-10-09' } },
      { code: '（二十四）-2', title: '加快化工老旧装置更新改造，淘汰落后工艺及设备', owner: 'dept-economy', standing: { cancelled: '辖区内无化工生产装置，经镇安委会研究不再单列' } },
    ] },
  ] },
];

const orgId = (owner: string) => seedId(`org:${owner}`);
const personId = (owner: string) => (owner === 'town' ? seedId('person:person-town-deputy-safety') : owner.startsWith('dept-') ? seedId(`person:person-${owner}-head`) : seedId(`person:person-${owner}-lead`));
const taskId = (code: string) => seedId(`key-task:${SEED_PLAN_YEAR}:${code}`);

/**
 * The town's 2025 work plan as the key-task tree: its six sections and 24 points owned by the town
 * and its departments, some points broken into tasks for departments and villages, in every state:
 * completed on time and late, in progress (some overdue, some behind schedule), not started,
 * cancelled, and three targets bound to indicators (major-hazard on-time rectification 100 %, drill
 * compliance, warning acknowledgement). Fixed to the plan's year, so the same on every day.
 */
export async function seedKeyTasks(ctx: RequestContext): Promise<void> {
  const rule = await businessRules.inForce(ctx, KEY_TASK_SCHEDULE, ISSUED_ON);
  const tasks: SeedKeyTaskRow[] = [];
  const updates: SeedKeyTaskUpdateRow[] = [];
  let position = 0;
  const walk = (list: readonly SeedTask[], parent: SeedKeyTaskRow | null): void => {
    for (const s of list) {
      const startsOn = s.startsOn ?? parent?.startsOn ?? `${SEED_PLAN_YEAR}-01-01`;
      const dueOn = s.dueOn ?? parent?.dueOn ?? `${SEED_PLAN_YEAR}-12-31`;
      const st = s.standing;
      const completedOn = st && 'completedOn' in st ? st.completedOn : null;
      const progress = st && 'progress' in st ? st.progress : completedOn ? 100 : 0;
      const status = completedOn ? KeyTaskStatus.COMPLETED : st && 'cancelled' in st ? KeyTaskStatus.CANCELLED : progress > 0 || (st && 'indicator' in st) ? KeyTaskStatus.IN_PROGRESS : KeyTaskStatus.PLANNED;
      const row: SeedKeyTaskRow = {
        id: taskId(s.code),
        year: SEED_PLAN_YEAR,
        parentId: parent?.id ?? null,
        depth: (parent?.depth ?? 0) + 1,
        code: s.code,
        position: (position += 10),
        title: s.title,
        description: null,
        ownerOrganizationId: orgId(s.owner),
        ownerPersonId: personId(s.owner),
        weight: s.weight ?? 1,
        startsOn,
        dueOn,
        status,
        reportedProgress: progress,
        completedOn,
        indicatorCode: st && 'indicator' in st ? st.indicator : null,
        indicatorTarget: st && 'indicator' in st ? st.target : null,
        scheduleRuleVersionId: rule.id,
        note: st && 'cancelled' in st ? st.cancelled : null,
      };
      tasks.push(row);
      const entry = (n: number, recordedOn: string, p: number | null, entryStatus: KeyTaskStatus, note: string) =>
        updates.push({ id: seedId(`key-task-update:${SEED_PLAN_YEAR}:${s.code}:${n}`), taskId: row.id, recordedOn, progress: p, status: entryStatus, note });
      if (st && 'progress' in st && st.progress > 0) entry(1, st.reportedOn ?? '2025-09-30', st.progress, KeyTaskStatus.IN_PROGRESS, `${s.title}：已完成约${st.progress}%。`);
      if (completedOn) entry(2, completedOn, 100, KeyTaskStatus.COMPLETED, `${s.title}：已完成，资料已归档。`);
      if (st && 'cancelled' in st) entry(3, '2025-07-15', null, KeyTaskStatus.CANCELLED, st.cancelled);
      if (s.tasks) walk(s.tasks, row);
    }
  };
  walk(PLAN, null);
  // A parent is IN_PROGRESS once work under it has begun (as the report step leaves it).
  const started = (row: SeedKeyTaskRow): boolean => tasks.some((c) => c.parentId === row.id && (c.status === KeyTaskStatus.IN_PROGRESS || c.status === KeyTaskStatus.COMPLETED || started(c)));
  for (const [n, row] of tasks.entries()) if (row.status === KeyTaskStatus.PLANNED && started(row)) tasks[n] = { ...row, status: KeyTaskStatus.IN_PROGRESS };
  const inserted = await insertSeedKeyTasks(ctx, tasks);
  await insertSeedKeyTaskUpdates(ctx, updates);
  if (inserted) await audit(ctx, { action: 'responsibility.key-task.seed', entityType: 'KeyTask', entityId: null, changes: { inserted, year: SEED_PLAN_YEAR } });
}
