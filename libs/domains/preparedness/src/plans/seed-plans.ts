import { addDays, SeedRandom, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { EnterpriseProfiles, Organizations, Positions, seedId } from '@platform/directory';
import { insertSeedDrill, insertSeedPlan, insertSeedProblem } from './seed-plans.sql';

const id = (key: string) => seedId(`rescue:plans:${key}`);
const pad = (n: number) => String(n).padStart(2, '0');

interface PlanRow {
  key: string;
  organizationId: string;
  type: string;
  title: string;
  topic: string | null;
  revision?: number;
  supersedes?: string | null;
  chain?: string;
  status: 'EFFECTIVE' | 'SUPERSEDED' | 'DRAFT';
  approvedOn: string | null;
  filedWith?: string | null;
  nextReviewOn: string | null;
}

interface ProblemRow {
  description: string;
  followUp: 'NONE' | 'TASK';
  ownerPersonId?: string | null;
  dueOn?: string;
  doneOn?: string | null;
}

interface DrillRow {
  key: string;
  organizationId: string;
  planKey: string | null;
  heldOn: string | null;
  form: 'TABLETOP' | 'FUNCTIONAL' | 'FULL_SCALE' | 'EVACUATION';
  title: string;
  scenario: string;
  participantCount: number;
  participants: string;
  evaluation: string;
  problems?: ProblemRow[];
}

const VILLAGE_SCENARIOS = [
  { form: 'FULL_SCALE', title: '防汛转移避险综合演练', scenario: '持续强降雨引发山洪，沿河低洼农户需连夜转移至避难点', participants: '村两委、村应急分队、网格员、十户联防户长' },
  { form: 'EVACUATION', title: '地质灾害隐患点避险疏散演练', scenario: '隐患点后坡出现裂缝并扩大，监测员鸣锣示警，组织受威胁群众撤离', participants: '村两委、地灾监测员、网格员、受威胁农户' },
  { form: 'TABLETOP', title: '森林防火桌面推演', scenario: '清明祭扫期间林区起火，推演报警、扑救、群众疏散与信息报送', participants: '村两委、护林员、村应急分队' },
  { form: 'FUNCTIONAL', title: '预警信息传递功能演练', scenario: '接镇防汛抗旱指挥部暴雨红色预警，检验广播、铜锣、电话"叫应"到户', participants: '村两委、网格员、十户联防户长' },
] as const;
const VILLAGE_PROBLEMS = ['广播预警覆盖不到偏远村民小组', '部分独居老人转移需专人背扶，人员未落实', '避难点应急物资清单与实物不符', '铜锣、手摇报警器数量不足'];
const ENTERPRISE_PROBLEMS = ['疏散时部分员工未按指定路线撤离', '应急照明灯两处不亮', '集合点清点人数用时超过5分钟'];

/**
 * Demo plans and drills of 南平镇: the town's overall plan as a version chain (the 2023 revision
 * superseded by one approved this year), three special plans (one overdue for review), a plan per
 * village or community (some overdue), on-site plans of the high-risk enterprises, and drills of this
 * year and last year so that some villages and enterprises fall short this year. Ids come from
 * stable keys and rows that exist are left alone, so seeding twice inserts nothing. Days are
 * relative to today (China time); drills that would lie in the future are not seeded.
 */
export async function seedPlans(ctx: RequestContext): Promise<void> {
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  const past = (day: string): string | null => (day <= today ? day : null);
  const town = seedId('org:town');
  const reason = 'seed: demo plans and drills of the whole town, on no caller\'s behalf';
  if (!(await unscoped(ctx, Organizations, reason).exists(town))) return;
  const byCode = [
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ];
  const villages = await unscoped(ctx, Organizations, reason).where(sql`t.kind IN ('VILLAGE','COMMUNITY') AND t.archived_at IS NULL`).list({ keys: byCode, limit: 10_000, properties: ['name'] });
  const active = await unscoped(ctx, Organizations, reason).where(sql`t.archived_at IS NULL`).list({ keys: byCode, limit: 100_000, properties: ['name'] });
  const profiles = await unscoped(ctx, EnterpriseProfiles, reason).many(active.map((o) => o.id), ['highRisk']);
  const enterprises = active.flatMap((o, i) => (profiles[i] ? [{ id: o.id, name: o.name, high_risk: profiles[i].highRisk }] : []));
  const positions = await unscoped(ctx, Positions, reason)
    .where(sql`t.ended_on IS NULL`)
    .list({
      keys: [
        { column: 't.organization_id', direction: SortDirection.ASC },
        { column: 't.created_at', direction: SortDirection.ASC },
        { column: 't.person_id', direction: SortDirection.ASC },
      ],
      limit: 1_000_000,
      properties: ['organizationId', 'personId', 'createdAt'],
    });
  // Each organization's first current position (as DISTINCT ON over that order).
  const people = positions.filter((p, i) => i === 0 || positions[i - 1]!.organizationId !== p.organizationId).map((p) => ({ organization_id: p.organizationId, person_id: p.personId }));
  const personAt = new Map(people.map((p) => [p.organization_id, p.person_id]));

  const plans: PlanRow[] = [];
  const townApproved = [`${year}-01-01`, addDays(today, -60)].sort()[1]!;
  plans.push(
    { key: 'town-overall:1', organizationId: town, type: 'TOWN_OVERALL', title: '南平镇突发事件总体应急预案', topic: null, status: 'SUPERSEDED', approvedOn: `${year - 3}-03-15`, filedWith: '南川区应急管理局', nextReviewOn: `${year - 1}-03-15` },
    {
      key: 'town-overall:2', organizationId: town, type: 'TOWN_OVERALL', title: `南平镇突发事件总体应急预案（${year}年修订）`, topic: null, revision: 2, supersedes: 'town-overall:1', chain: 'town-overall:1',
      status: 'EFFECTIVE', approvedOn: townApproved, filedWith: '南川区应急管理局', nextReviewOn: addDays(townApproved, 3 * 365),
    },
    { key: 'special:flood', organizationId: town, type: 'SPECIAL', title: '南平镇防汛抗旱应急预案', topic: '防汛抗旱', status: 'EFFECTIVE', approvedOn: `${year - 1}-04-10`, filedWith: '南川区防汛抗旱指挥部办公室', nextReviewOn: addDays(today, 120) },
    { key: 'special:forest-fire', organizationId: town, type: 'SPECIAL', title: '南平镇森林火灾应急预案', topic: '森林防火', status: 'EFFECTIVE', approvedOn: `${year - 3}-11-20`, filedWith: '南川区应急管理局', nextReviewOn: addDays(today, -25) },
    { key: 'special:geological', organizationId: town, type: 'SPECIAL', title: '南平镇地质灾害应急预案', topic: '地质灾害', status: 'EFFECTIVE', approvedOn: `${year - 1}-05-06`, filedWith: '南川区规划和自然资源局', nextReviewOn: addDays(today, 200) },
  );
  villages.forEach((v, i) => {
    plans.push({
      key: `village:${v.id}`, organizationId: v.id, type: 'VILLAGE', title: `${v.name}突发事件应急预案`, topic: '防汛、地质灾害、森林防火、火灾',
      status: 'EFFECTIVE', approvedOn: `${year - 1 - (i % 2)}-${pad(3 + (i % 6))}-${pad(8 + i)}`, filedWith: '南平镇人民政府',
      nextReviewOn: i % 4 === 1 ? addDays(today, -(10 + i)) : addDays(today, 60 + i * 11),
    });
  });
  const highRisk = enterprises.filter((e) => e.high_risk);
  highRisk.forEach((e, j) => {
    plans.push({
      key: `enterprise:${e.id}`, organizationId: e.id, type: 'ENTERPRISE_ON_SITE', title: `${e.name}生产安全事故现场处置方案`, topic: '火灾、泄漏、人员伤害',
      status: 'EFFECTIVE', approvedOn: `${year - 1}-${pad(1 + (j % 12))}-${pad(5 + (j % 20))}`, filedWith: '南平镇安全生产办公室', nextReviewOn: addDays(today, j % 7 === 3 ? -15 : 90 + j * 9),
    });
  });

  let inserted = 0;
  for (const p of plans) {
    const planId = id(`plan:${p.key}`);
    const rows = await insertSeedPlan(ctx, [planId, p.organizationId, p.type, p.title, p.topic, p.revision ?? 1, p.supersedes ? id(`plan:${p.supersedes}`) : null, p.chain ? id(`plan:${p.chain}`) : planId, p.status, p.approvedOn, p.filedWith ?? null, p.nextReviewOn]);
    inserted += rows.length;
  }

  const drills: DrillRow[] = [
    {
      key: `town:${year - 1}:1`, organizationId: town, planKey: 'special:flood', heldOn: `${year - 1}-04-20`, form: 'TABLETOP', title: `${year - 1}年南平镇防汛抗旱桌面推演`,
      scenario: '流域性强降雨，推演会商研判、预警发布、转移避险和物资调度', participantCount: 36, participants: '镇防汛抗旱指挥部成员单位、各村(社区)主任', evaluation: '各环节职责清楚，信息报送时效需提高',
    },
    {
      key: `town:${year - 1}:2`, organizationId: town, planKey: 'special:geological', heldOn: `${year - 1}-09-10`, form: 'FULL_SCALE', title: `${year - 1}年南平镇地质灾害综合应急演练`,
      scenario: '龙山村滑坡隐患点发生滑动，组织群众转移、道路管控和抢险救援', participantCount: 120, participants: '镇应急办、派出所、卫生院、龙山村、镇应急救援队', evaluation: '转移及时有序，演练达到预期效果',
    },
    {
      key: `town:${year}:1`, organizationId: town, planKey: 'special:flood', heldOn: past(`${year}-04-18`), form: 'TABLETOP', title: `${year}年南平镇防汛抗旱桌面推演`,
      scenario: '入汛前暴雨过程，推演"叫应"机制和镇村两级转移避险', participantCount: 42, participants: '镇防汛抗旱指挥部成员单位、各村(社区)', evaluation: '预警叫应流程顺畅',
      problems: [{ description: '部分村(社区)转移人员台账未及时更新', followUp: 'TASK', ownerPersonId: personAt.get(seedId('org:dept-emergency')) ?? null, dueOn: past(`${year}-04-18`) ? addDays(`${year}-04-18`, 20) : undefined, doneOn: past(`${year}-05-06`) }],
    },
    {
      key: `town:${year}:2`, organizationId: town, planKey: 'special:forest-fire', heldOn: past(`${year}-08-22`), form: 'FUNCTIONAL', title: `${year}年南平镇森林防火扑救功能演练`,
      scenario: '林区山火，检验扑火队集结、以水灭火装备和通信保障', participantCount: 60, participants: '镇应急救援队、护林员、综合行政执法大队', evaluation: '集结用时28分钟，符合要求',
    },
  ];
  villages.forEach((v, i) => {
    const last = VILLAGE_SCENARIOS[i % 4]!;
    drills.push({
      key: `village:${v.id}:${year - 1}`, organizationId: v.id, planKey: `village:${v.id}`, heldOn: `${year - 1}-${pad(5 + (i % 4))}-${pad(10 + (i % 15))}`, form: last.form,
      title: `${year - 1}年${v.name}${last.title}`, scenario: last.scenario, participantCount: 30 + SeedRandom.of(`drill:${v.id}:last`).int(0, 80), participants: last.participants, evaluation: '演练组织有序，达到预期目的',
    });
    if (i % 5 === 2) return; // no drill this year: not compliant
    const now = VILLAGE_SCENARIOS[(i + 1) % 4]!;
    const heldOn = past(`${year}-${pad(4 + (i % 5))}-${pad(8 + (i % 18))}`);
    const owner = personAt.get(v.id) ?? null;
    drills.push({
      key: `village:${v.id}:${year}`, organizationId: v.id, planKey: `village:${v.id}`, heldOn, form: now.form,
      title: `${year}年${v.name}${now.title}`, scenario: now.scenario, participantCount: 25 + SeedRandom.of(`drill:${v.id}:now`).int(0, 90), participants: now.participants, evaluation: '整体较好，发现问题已明确整改责任人',
      problems:
        i % 2 === 0 && heldOn && owner
          ? [
              { description: VILLAGE_PROBLEMS[i % 4]!, followUp: 'TASK', ownerPersonId: owner, dueOn: addDays(heldOn, 30), doneOn: i % 4 === 0 && addDays(heldOn, 25) <= today ? addDays(heldOn, 25) : null },
              { description: VILLAGE_PROBLEMS[(i + 1) % 4]!, followUp: 'NONE' },
            ]
          : [],
    });
  });
  highRisk.forEach((e, j) => {
    const plan = `enterprise:${e.id}`;
    const evacuation = (key: string, heldOn: string | null, problems: ProblemRow[] = []): DrillRow => ({
      key, organizationId: e.id, planKey: plan, heldOn, form: 'EVACUATION', title: `${e.name.replace(/^重庆市南川区|^南川区|^重庆/, '')}员工疏散逃生演练`,
      scenario: '作业区域发生火情，员工按疏散路线撤离至集合点并清点人数', participantCount: 8 + (j % 20), participants: '全体员工、义务消防队', evaluation: '疏散有序', problems,
    });
    drills.push(evacuation(`enterprise:${e.id}:${year - 1}:1`, `${year - 1}-${pad(3 + (j % 3))}-${pad(6 + j)}`), evacuation(`enterprise:${e.id}:${year - 1}:2`, `${year - 1}-${pad(9 + (j % 3))}-${pad(6 + j)}`));
    const owner = personAt.get(e.id) ?? null;
    const h1 = past(`${year}-${pad(3 + (j % 3))}-${pad(4 + j)}`);
    drills.push(evacuation(`enterprise:${e.id}:${year}:1`, h1, j % 3 === 0 && h1 && owner ? [{ description: ENTERPRISE_PROBLEMS[j % 3]!, followUp: 'TASK', ownerPersonId: owner, dueOn: addDays(h1, 15), doneOn: j % 2 === 0 ? addDays(h1, 12) : null }] : []));
    if (j % 4 !== 1) drills.push(evacuation(`enterprise:${e.id}:${year}:2`, past(`${year}-${pad(8 + (j % 3))}-${pad(4 + j)}`))); // j % 4 = 1: only H1, short of the half-yearly rule
  });
  enterprises.filter((e) => !e.high_risk).forEach((e, k) => {
    const name = e.name.replace(/^重庆市南川区|^南川区/, '');
    if (k % 4 === 0) {
      drills.push({ key: `enterprise:${e.id}:${year}`, organizationId: e.id, planKey: null, heldOn: past(`${year}-${pad(5 + (k % 5))}-${pad(10 + (k % 15))}`), form: 'EVACUATION', title: `${name}消防疏散逃生演练`,
        scenario: '营业期间发生火灾，引导员工和顾客疏散', participantCount: 5 + (k % 12), participants: '全体员工', evaluation: '疏散路线清楚' });
    } else if (k % 4 === 1) {
      // A tabletop exercise only: does not meet the yearly evacuation drill.
      drills.push({ key: `enterprise:${e.id}:${year}`, organizationId: e.id, planKey: null, heldOn: past(`${year}-${pad(4 + (k % 5))}-${pad(12 + (k % 15))}`), form: 'TABLETOP', title: `${name}应急处置桌面推演`,
        scenario: '推演火灾报警、初期火灾扑救和人员疏散职责', participantCount: 3 + (k % 6), participants: '管理人员', evaluation: '需组织实际疏散演练' });
    } else if (k % 4 === 2) {
      drills.push({ key: `enterprise:${e.id}:${year - 1}`, organizationId: e.id, planKey: null, heldOn: `${year - 1}-${pad(6 + (k % 5))}-${pad(10 + (k % 15))}`, form: 'EVACUATION', title: `${name}消防疏散逃生演练`,
        scenario: '发生火灾，组织员工疏散', participantCount: 4 + (k % 10), participants: '全体员工', evaluation: '基本达到要求' });
    }
  });

  for (const d of drills) {
    if (!d.heldOn) continue;
    const drillId = id(`drill:${d.key}`);
    const rows = await insertSeedDrill(ctx, [drillId, d.organizationId, d.planKey ? id(`plan:${d.planKey}`) : null, d.heldOn, d.form, d.title, d.scenario, d.participantCount, d.participants, d.evaluation]);
    if (!rows.length) continue;
    inserted++;
    for (const [n, p] of (d.problems ?? []).entries()) {
      if (p.followUp === 'TASK' && (!p.ownerPersonId || !p.dueOn)) continue;
      const done = p.followUp === 'TASK' && p.doneOn && p.doneOn <= today ? p.doneOn : null;
      await insertSeedProblem(ctx, [
        id(`drill:${d.key}:problem:${n + 1}`), drillId, n + 1, p.description, p.followUp, p.followUp === 'TASK' ? p.ownerPersonId : null, p.followUp === 'TASK' ? p.dueOn : null,
        p.followUp === 'TASK' ? (done ? 'DONE' : 'OPEN') : null, done,
      ]);
    }
  }
  if (inserted) await audit(ctx, { action: 'rescue.plans.seed', entityType: 'EmergencyPlan', entityId: null, changes: { inserted } });
}
