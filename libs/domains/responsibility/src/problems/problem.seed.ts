import { SortDirection, audit, businessRules, globalIdOf, sql, unscoped, workingDays, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { Drills } from '@domains/preparedness';
import { ConsultationActionItems, Consultations } from '@domains/community';
import { Hazards } from '@domains/risk';
import { KeyTasks } from '../responsibility.entities';
import { PROBLEM_EFFECTIVENESS, PROBLEM_REPEAT } from '../business-rules/problems';
import { EffectivenessResult, ProblemCategory, ProblemSourceKind, ProblemStatus } from './problem.enums';
import { insertSeedProblemUpdates, insertSeedProblems, insertSeedReview, type SeedProblemRow, type SeedProblemUpdateRow } from './problem.seed.sql';

const REASON = 'seed: the demo problem list of the whole town, on no caller\'s behalf';
const orgId = (slug: string) => seedId(`org:${slug}`);
const userOf = (username: string, name: string) => ({ id: seedId(`user:${username}`), name });
const ANBAN = userOf('anban', '镇安办主任');
const ZHIFA = userOf('zhifa', '综合执法大队队员');
const closers = { 'village-wenfeng': userOf('wenfeng', '文凤村应急专干'), 'village-shuanghe': userOf('shuanghe', '双河村应急专干') } as Record<string, { id: string; name: string }>;
const personOf = (slug: string) => (slug.startsWith('dept-') ? seedId(`person:person-${slug}-head`) : slug.startsWith('village-') ? seedId(`person:person-${slug}-emergency`) : null);
export const problemSeedId = (key: string): string => seedId(`problem:${key}`);

interface SeedProblem {
  readonly key: string;
  /** `village-<slug>`, `dept-<slug>`, `community-<slug>`; or an organization id (a hazard's). */
  readonly org: string;
  readonly category: ProblemCategory;
  readonly title: string;
  readonly description?: string;
  readonly foundOn: string;
  readonly source: { readonly kind: ProblemSourceKind; readonly nodeId?: string | null; readonly reference?: string };
  readonly dueOn: string;
  /** How far it went: rectification reported, closed (with the check's result when checked). */
  readonly rectifiedOn?: string;
  readonly closedOn?: string;
  readonly checked?: { readonly on: string; readonly result: EffectivenessResult; readonly note: string };
}

/** The first record of a declared entity (of an organization when given), most recent by `column` first: a source to point at. */
async function firstOf(ctx: RequestContext, def: typeof Drills | typeof ConsultationActionItems | typeof Hazards | typeof Consultations, column: string, where = sql`TRUE`): Promise<{ id: string; organizationId?: string } | null> {
  const [row] = await unscoped(ctx, def as typeof Hazards, REASON)
    .where(where)
    .list({ keys: [{ column, direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1 });
  return row ? { id: row.id, organizationId: (row as { organizationId?: string }).organizationId } : null;
}

/**
 * The demo problem list of 南平镇 (2024–2025) in every state: upstream 考核巡查 and assessment
 * findings, problems from a village drill, a consultation action item, a hazard, a key task and a
 * public tip; repeats (文凤村 and 双河村 within 12 months) and one just outside the window (龙山村,
 * exactly 12 months apart); closures verified EFFECTIVE, one found INEFFECTIVE and reopened, one
 * awaiting its check; and the 2025 flood-season review (复盘) that raised three of them. Days are
 * fixed; the sources of other modules are the records their seeds hold (left out when absent).
 */
export async function seedProblems(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, REASON).exists(orgId('town')))) return;
  const today = ctx.clock.today();
  const [repeat, effectiveness] = await Promise.all([businessRules.inForce(ctx, PROBLEM_REPEAT, today), businessRules.inForce(ctx, PROBLEM_EFFECTIVENESS, today)]);
  const drill = await firstOf(ctx, Drills, 't.held_on', sql`t.organization_id = ${orgId('village-wenfeng')}`);
  const item = await firstOf(ctx, ConsultationActionItems, 't.due_on');
  const hazard = await firstOf(ctx, Hazards, 't.created_at');
  const meeting = await firstOf(ctx, Consultations, 't.held_on', sql`t.organization_id = ${orgId('town')}`);
  const keyTask = (await unscoped(ctx, KeyTasks, REASON).exists(seedId('key-task:2025:（二十一）'))) ? seedId('key-task:2025:（二十一）') : null;

  const problems: SeedProblem[] = [
    { key: 'wenfeng-supplies', org: 'village-wenfeng', category: ProblemCategory.EMERGENCY_PREPAREDNESS, title: '村应急物资储备清单与实物不符', description: '救生衣、手电筒登记数量与库存不符，部分物资过期。', foundOn: '2025-03-12',
      source: { kind: ProblemSourceKind.UPSTREAM_INSPECTION, reference: '2025年区安委会考核巡查反馈第3条' }, dueOn: '2025-04-30', rectifiedOn: '2025-04-02', closedOn: '2025-04-25', checked: { on: '2025-05-20', result: EffectivenessResult.EFFECTIVE, note: '汛前复查，清单与实物一致，过期物资已更换。' } },
    { key: 'wenfeng-broadcast', org: 'village-wenfeng', category: ProblemCategory.EMERGENCY_PREPAREDNESS, title: '转移避险演练中广播预警覆盖不到偏远村民小组', foundOn: '2025-09-02',
      source: drill ? { kind: ProblemSourceKind.DRILL_PROBLEM, nodeId: globalIdOf(Drills, drill.id) } : { kind: ProblemSourceKind.OTHER, reference: '文凤村转移避险演练评估' }, dueOn: '2025-10-31', rectifiedOn: '2025-10-10' },
    { key: 'wenfeng-tip', org: 'village-wenfeng', category: ProblemCategory.FIRE_SAFETY, title: '群众反映农家乐厨房液化气瓶存放不规范', foundOn: '2025-12-05', source: { kind: ProblemSourceKind.OTHER, reference: '12345民呼我为工单' }, dueOn: '2025-12-20' },
    { key: 'shuanghe-monitors', org: 'village-shuanghe', category: ProblemCategory.NATURAL_DISASTER, title: '地灾隐患点监测责任人未及时复核', foundOn: '2025-05-20',
      source: item ? { kind: ProblemSourceKind.CONSULTATION_ACTION_ITEM, nodeId: globalIdOf(ConsultationActionItems, item.id) } : { kind: ProblemSourceKind.UPSTREAM_INSPECTION, reference: '2025年汛前检查反馈第2条' }, dueOn: '2025-06-30', rectifiedOn: '2025-06-10', closedOn: '2025-06-28' },
    { key: 'shuanghe-cards', org: 'village-shuanghe', category: ProblemCategory.NATURAL_DISASTER, title: '受威胁农户避险明白卡未发放到户', foundOn: '2025-11-10', source: { kind: ProblemSourceKind.UPSTREAM_INSPECTION, reference: '2025年区防指督查反馈第4条' }, dueOn: '2025-12-31' },
    { key: 'longshan-signs-2024', org: 'village-longshan', category: ProblemCategory.HAZARD_CONTROL, title: '滑坡隐患点警示标志缺失', foundOn: '2024-10-15',
      source: { kind: ProblemSourceKind.UPSTREAM_ASSESSMENT, reference: '2024年度区安全生产目标考核扣分项第5项' }, dueOn: '2024-11-30', rectifiedOn: '2024-11-01', closedOn: '2024-11-20', checked: { on: '2024-12-10', result: EffectivenessResult.EFFECTIVE, note: '现场核查，警示标志已设置齐全。' } },
    { key: 'longshan-signs-2025', org: 'village-longshan', category: ProblemCategory.HAZARD_CONTROL, title: '滑坡隐患点警示标志损毁未及时修复', foundOn: '2025-10-15', source: { kind: ProblemSourceKind.UPSTREAM_INSPECTION, reference: '2025年区安委会考核巡查反馈第9条' }, dueOn: '2025-11-30', rectifiedOn: '2025-11-12' },
    { key: 'economy-insurance', org: 'dept-economy', category: ProblemCategory.RESPONSIBILITY, title: '高危行业安责险投保推进滞后',
      foundOn: '2025-10-01', source: keyTask ? { kind: ProblemSourceKind.KEY_TASK, nodeId: globalIdOf(KeyTasks, keyTask) } : { kind: ProblemSourceKind.UPSTREAM_ASSESSMENT, reference: '2025年三季度重点任务督查' }, dueOn: '2025-12-31', rectifiedOn: '2025-11-20' },
    { key: 'enforcement-plan', org: 'dept-enforcement', category: ProblemCategory.ENFORCEMENT, title: '年度监督检查计划未按要求公开', foundOn: '2025-06-15', source: { kind: ProblemSourceKind.UPSTREAM_INSPECTION, reference: '2025年区安委会考核巡查反馈第7条' },
      dueOn: '2025-07-31', rectifiedOn: '2025-07-01', closedOn: '2025-07-20', checked: { on: '2025-08-15', result: EffectivenessResult.INEFFECTIVE, note: '计划已公开，但未列明检查频次，需补充后重新公开。' } },
  ];
  if (hazard?.organizationId) {
    problems.push({ key: 'hazard-follow-up', org: hazard.organizationId, category: ProblemCategory.HAZARD_CONTROL, title: '隐患整改后复查发现同类问题', foundOn: '2025-08-20', source: { kind: ProblemSourceKind.HAZARD, nodeId: globalIdOf(Hazards, hazard.id) }, dueOn: '2025-09-30' });
  }

  const rows: SeedProblemRow[] = [];
  const updates: SeedProblemUpdateRow[] = [];
  for (const p of problems) {
    const id = problemSeedId(p.key);
    const organizationId = /^[0-9a-f-]{36}$/.test(p.org) ? p.org : orgId(p.org);
    const closer = closers[p.org] ?? ANBAN;
    const checker = closer === ANBAN ? ZHIFA : ANBAN;
    const reopened = p.checked?.result === EffectivenessResult.INEFFECTIVE;
    const closed = Boolean(p.closedOn) && !reopened;
    const criteria = '复查同类问题不再出现，资料齐全。';
    const status = p.checked?.result === EffectivenessResult.EFFECTIVE ? ProblemStatus.EFFECTIVE : closed ? ProblemStatus.CLOSED : p.rectifiedOn ? ProblemStatus.RECTIFYING : ProblemStatus.OPEN;
    rows.push({
      id,
      organizationId,
      category: p.category,
      title: p.title,
      description: p.description ?? null,
      foundOn: p.foundOn,
      sourceKind: p.source.kind,
      sourceNodeId: p.source.nodeId ?? null,
      sourceReference: p.source.reference ?? null,
      ownerOrganizationId: organizationId,
      ownerPersonId: personOf(p.org),
      dueOn: p.dueOn,
      status,
      closedOn: closed ? p.closedOn! : null,
      closedById: closed ? closer.id : null,
      closedByKind: closed ? 'user' : null,
      closedByName: closed ? closer.name : null,
      effectivenessCriteria: closed ? criteria : null,
      checkDueOn: closed ? await workingDays.add(ctx, p.closedOn!, effectiveness.value.checkAfterWorkingDays) : null,
      effectivenessRuleVersionId: closed ? effectiveness.id : null,
      effectivenessResult: p.checked?.result ?? null,
      checkedOn: p.checked?.on ?? null,
      checkedById: p.checked ? checker.id : null,
      checkedByKind: p.checked ? 'user' : null,
      checkedByName: p.checked ? checker.name : null,
      checkNote: p.checked?.note ?? null,
      repeatRuleVersionId: repeat.id,
    });
    const entry = (n: number, recordedOn: string, s: ProblemStatus, note: string, actor: string, result: EffectivenessResult | null = null) =>
      updates.push({ id: seedId(`problem-update:${p.key}:${n}`), problemId: id, recordedOn, status: s, effectivenessResult: result, note, actorName: actor });
    if (p.rectifiedOn) entry(1, p.rectifiedOn, ProblemStatus.RECTIFYING, `${p.title}：已制定整改方案并落实责任人。`, closer.name);
    if (p.closedOn) entry(2, p.closedOn, ProblemStatus.CLOSED, `整改完成，申请销号（验证标准：${criteria}）`, closer.name);
    if (p.checked) entry(3, p.checked.on, reopened ? ProblemStatus.RECTIFYING : ProblemStatus.EFFECTIVE, p.checked.note, checker.name, p.checked.result);
  }
  const inserted = await insertSeedProblems(ctx, rows);
  await insertSeedProblemUpdates(ctx, updates);
  await insertSeedReview(ctx, {
    id: seedId('problem-review:2025-flood-season'),
    organizationId: orgId('town'),
    title: '2025年汛期工作复盘',
    heldOn: '2025-10-10',
    subjectNodeId: meeting ? globalIdOf(Consultations, meeting.id) : null,
    findings: '汛期预警“叫应”总体顺畅；偏远村民小组广播覆盖不足，部分地灾隐患点监测责任人变动后未及时复核，综合执法检查计划公开不规范。',
    lessons: '预警信息要“到户到人”，监测责任人随人员变动动态调整；典型问题纳入问题清单，整改后由镇安办独立验证成效。',
    problemIds: [problemSeedId('wenfeng-broadcast'), problemSeedId('shuanghe-monitors'), problemSeedId('enforcement-plan')],
  });
  if (inserted) await audit(ctx, { action: 'responsibility.problem.seed', entityType: 'Problem', entityId: null, changes: { inserted } });
}
