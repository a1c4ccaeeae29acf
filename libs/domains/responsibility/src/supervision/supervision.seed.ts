import { SortDirection, audit, businessRules, sql, unscoped, workingDays, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { HazardGrade, HazardStatus, Hazards } from '@domains/risk';
import { SupervisionKind, SupervisionStatus } from './supervision.enums';
import { SUPERVISION_STEPS, type SupervisionStepName } from './supervision-steps';
import { SUPERVISION_RULES } from './supervision-rules';
import { DEFAULT_ISSUING_BODY } from './supervision.service';
import { insertSeedSupervisionActions, insertSeedSupervisionHazards, insertSeedSupervisionSteps, type SeedSupervisionActionRow, type SeedSupervisionStepRow } from './supervision.seed.sql';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

interface SeedExtension {
  readonly requestedOn: string;
  readonly reason: string;
  readonly decidedOn: string;
  readonly newDeadline: string | null;
}

interface SeedAction {
  readonly key: string;
  readonly kind: SupervisionKind;
  /** `dept-<slug>`, `village-<slug>` or `community-<slug>`. */
  readonly addressee: string;
  readonly title: string;
  readonly matter: string;
  readonly issuedOn: string;
  readonly rectificationDueOn?: string;
  /** The steps taken, with their days (and a note for failures and escalation). */
  readonly steps: ReadonlyArray<readonly [SupervisionStepName, string, string?]>;
  readonly extension?: SeedExtension;
  /** Tie the risk seed's first open MAJOR hazard (by id) to it. */
  readonly hazard?: true;
}

/** The key of a seeded action (also the start of its timeline's and links' keys). */
export const supervisionSeedId = (key: string): string => seedId(`supervision-action:${key}`);

/** The demo actions: every kind, every state, departments, villages and a community, fixed in 2025 (the same on every day). */
export const SEED_SUPERVISION_ACTIONS: readonly SeedAction[] = [
  {
    key: 'notice-shuanghe-duty', kind: SupervisionKind.NOTICE, addressee: 'village-shuanghe', issuedOn: '2025-06-10', rectificationDueOn: '2025-07-31',
    title: '关于双河村汛期值班值守不到位的通报', matter: '6月8日夜间强降雨期间，双河村值班电话两次无人接听，未按要求落实汛期24小时值班和领导带班制度。请立即整改并书面报告。',
    steps: [['acknowledge', '2025-06-11'], ['submitPlan', '2025-06-20'], ['startRectifying', '2025-06-23'], ['requestAcceptance', '2025-07-10'], ['verify', '2025-07-15'], ['close', '2025-07-18']],
  },
  {
    key: 'notice-longshan-drill', kind: SupervisionKind.NOTICE, addressee: 'village-longshan', issuedOn: '2025-11-20', rectificationDueOn: '2025-12-31',
    title: '关于龙山村未按期开展村级应急演练的通报', matter: '龙山村2025年度村级应急演练至今未开展，村级应急处置方案未出台，影响全镇年度重点任务进度。请于年底前完成演练并报送资料。',
    steps: [],
  },
  {
    key: 'notice-community-nanping-fire', kind: SupervisionKind.NOTICE, addressee: 'community-nanping', issuedOn: '2025-12-01', rectificationDueOn: '2026-01-30',
    title: '关于南平社区老旧小区消防通道堵塞问题的通报', matter: '11月消防检查发现南平大街两处老旧小区消防通道长期被占用，微型消防站器材缺失。请限期清理通道、补齐器材。',
    steps: [['acknowledge', '2025-12-02']],
  },
  {
    key: 'urging-economy-insurance', kind: SupervisionKind.URGING_LETTER, addressee: 'dept-economy', issuedOn: '2025-09-01', rectificationDueOn: '2025-10-31',
    title: '关于加快推进高危行业安责险投保工作的督促函', matter: '辖区危险化学品、烟花爆竹经营单位安全生产责任保险投保率偏低，请经发办督促相关企业于10月底前完成投保。',
    steps: [['acknowledge', '2025-09-02'], ['submitPlan', '2025-09-05']],
  },
  {
    key: 'urging-wenfeng-plan', kind: SupervisionKind.URGING_LETTER, addressee: 'village-wenfeng', issuedOn: '2025-05-06', rectificationDueOn: '2025-06-30',
    title: '关于督促文凤村完善村级应急处置方案的函', matter: '文凤村村级应急处置方案未明确转移路线和避险点，应急救援队伍名单未更新。请于汛期前完成修订。',
    steps: [['acknowledge', '2025-05-07'], ['submitPlan', '2025-05-12'], ['startRectifying', '2025-05-13'], ['requestAcceptance', '2025-06-20'], ['verify', '2025-06-25'], ['close', '2025-06-27']],
  },
  {
    key: 'urging-planning-slopes', kind: SupervisionKind.URGING_LETTER, addressee: 'dept-planning', issuedOn: '2025-10-15', rectificationDueOn: '2025-12-15',
    title: '关于督促厘清公路沿线边坡灾害防治责任的函', matter: '南平至龙山公路沿线3处边坡灾害防治责任主体不清，请规建环保办会同相关单位厘清责任并建立台账。',
    steps: [['acknowledge', '2025-10-16']],
  },
  {
    key: 'urging-dashi-quarry', kind: SupervisionKind.URGING_LETTER, addressee: 'village-dashi', issuedOn: '2025-02-10', rectificationDueOn: '2025-03-31',
    title: '关于督促大石村加强采石场周边巡查的函', matter: '大石村辖区采石场周边网格巡查记录缺失，爆破作业警戒范围内仍有村民通行。请加强巡查并设置警示标志。',
    steps: [['acknowledge', '2025-02-11'], ['submitPlan', '2025-02-14'], ['startRectifying', '2025-02-17'], ['requestAcceptance', '2025-04-01'], ['verify', '2025-04-08'], ['close', '2025-04-10']],
  },
  {
    key: 'interview-shuanghe-geohazard', kind: SupervisionKind.INTERVIEW, addressee: 'village-shuanghe', issuedOn: '2025-08-12', rectificationDueOn: '2025-09-30',
    title: '关于双河村地质灾害隐患点监测不到位的警示约谈', matter: '双河村滑坡隐患点监测员连续多日未巡查、未记录，7月强降雨期间未按预案组织转移。约谈村党支部书记，要求限期整改。',
    steps: [['acknowledge', '2025-08-12'], ['submitPlan', '2025-08-18'], ['startRectifying', '2025-08-19']],
  },
  {
    key: 'interview-jinlong-repeat', kind: SupervisionKind.INTERVIEW, addressee: 'village-jinlong', issuedOn: '2025-04-08', rectificationDueOn: '2025-05-30',
    title: '关于金龙村烟花爆竹非法储存问题的警示约谈', matter: '金龙村连续两次检查发现村民自建房内非法储存烟花爆竹，村级排查整治流于形式。约谈村党支部书记。',
    steps: [
      ['acknowledge', '2025-04-08'], ['submitPlan', '2025-04-14'], ['startRectifying', '2025-04-15'],
      ['requestAcceptance', '2025-05-20'], ['failVerification', '2025-05-23', '复查仍发现两户存放烟花爆竹，排查台账不实'],
      ['requestAcceptance', '2025-06-10'], ['failVerification', '2025-06-13', '整改资料与现场不符，问题反弹'],
      ['escalate', '2025-06-20', '两次验收不通过，提请区安委办通报并约谈'],
    ],
  },
  {
    key: 'interview-enforcement-cases', kind: SupervisionKind.INTERVIEW, addressee: 'dept-enforcement', issuedOn: '2025-10-20', rectificationDueOn: '2025-11-28',
    title: '关于综合执法大队执法检查计划执行滞后的约谈', matter: '年度监督检查计划执行率不足六成，“一案双罚”未落实。约谈大队长，要求制定追赶计划。',
    steps: [['acknowledge', '2025-10-20'], ['submitPlan', '2025-10-24'], ['startRectifying', '2025-10-27'], ['requestAcceptance', '2025-11-25']],
  },
  {
    key: 'interview-xinhua-flood', kind: SupervisionKind.INTERVIEW, addressee: 'village-xinhua', issuedOn: '2025-07-01', rectificationDueOn: '2025-08-29',
    title: '关于新华村山洪预警叫应不到位的约谈', matter: '6月山洪预警发布后新华村未在规定时间内叫应，危险区群众转移不及时。约谈村主要负责人。',
    steps: [['acknowledge', '2025-07-01'], ['submitPlan', '2025-07-07'], ['startRectifying', '2025-07-08'], ['requestAcceptance', '2025-08-20'], ['verify', '2025-08-26']],
  },
  {
    key: 'listed-safety-major-hazard', kind: SupervisionKind.LISTED, addressee: 'dept-safety', issuedOn: '2025-09-15', rectificationDueOn: '2025-12-31', hazard: true,
    title: '重大事故隐患挂牌督办（镇安办牵头）', matter: '对辖区企业重大事故隐患实行挂牌督办，由镇安办牵头督促企业落实整改措施、责任、资金、时限和预案，隐患销号后摘牌。',
    steps: [['acknowledge', '2025-09-16'], ['submitPlan', '2025-09-26'], ['startRectifying', '2025-09-29']],
    extension: { requestedOn: '2025-11-05', reason: '整改需更换主要设备，供货周期较长', decidedOn: '2025-11-12', newDeadline: '2026-06-30' },
  },
  {
    key: 'listed-qinglong-slope', kind: SupervisionKind.LISTED, addressee: 'village-qinglong', issuedOn: '2025-03-10', rectificationDueOn: '2025-08-31',
    title: '青龙村采石场后坡崩塌隐患挂牌督办', matter: '青龙村采石场后坡出现裂缝，威胁下方农户。挂牌督办，要求落实监测、排危和避险转移措施。',
    steps: [['acknowledge', '2025-03-11'], ['submitPlan', '2025-03-20'], ['startRectifying', '2025-03-21'], ['requestAcceptance', '2025-08-15'], ['verify', '2025-08-22'], ['close', '2025-08-28']],
  },
  {
    key: 'listed-mazui-bridge', kind: SupervisionKind.LISTED, addressee: 'village-mazui', issuedOn: '2025-11-03', rectificationDueOn: '2026-04-30',
    title: '麻嘴村危桥通行安全挂牌督办', matter: '麻嘴村村道危桥限载标志缺失、护栏损毁，仍有重载车辆通行。挂牌督办，要求设置限载设施并完成加固。',
    steps: [['acknowledge', '2025-11-04']],
    extension: { requestedOn: '2025-12-01', reason: '加固资金尚未到位', decidedOn: '2025-12-10', newDeadline: null },
  },
];

const personOf = (addressee: string): string => (addressee.startsWith('dept-') ? seedId(`person:person-${addressee}-head`) : seedId(`person:person-${addressee}-lead`));

/**
 * The demo supervision actions (`SEED_SUPERVISION_ACTIONS`) with their timelines, deadlines computed
 * from each kind's rule version in force on the issue day, and the listed supervision tied to the risk
 * seed's first open MAJOR hazard (by id). Idempotent: rows that exist are kept.
 */
export async function seedSupervision(ctx: RequestContext): Promise<void> {
  const [hazard] = await unscoped(ctx, Hazards, SEEDING)
    .where(sql`t.grade = ${HazardGrade.MAJOR} AND t.status <> ALL(${[HazardStatus.CLOSED, HazardStatus.REJECTED]})`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
  const actions: SeedSupervisionActionRow[] = [];
  const steps: SeedSupervisionStepRow[] = [];
  const links: Array<{ id: string; supervisionActionId: string; hazardId: string }> = [];
  for (const s of SEED_SUPERVISION_ACTIONS) {
    const id = supervisionSeedId(s.key);
    const rule = await businessRules.inForce(ctx, SUPERVISION_RULES[s.kind], s.issuedOn);
    const responseDueOn = await workingDays.add(ctx, s.issuedOn, rule.value.responseWorkingDays);
    const row = {
      id, kind: s.kind, title: s.title, matter: s.matter, issuedOn: s.issuedOn, issuingBody: DEFAULT_ISSUING_BODY,
      addresseeOrganizationId: seedId(`org:${s.addressee}`), responsiblePersonId: personOf(s.addressee), ruleVersionId: rule.id, responseDueOn,
      publicationDueOn: rule.value.publish ? await workingDays.add(ctx, s.issuedOn, rule.value.publicationWorkingDays) : null,
      rectificationDueOn: s.rectificationDueOn ?? null, dueOn: s.rectificationDueOn ?? responseDueOn,
      status: SupervisionStatus.ISSUED as SupervisionStatus, failureCount: 0,
      acknowledgedOn: null as string | null, planSubmittedOn: null as string | null, acceptanceRequestedOn: null as string | null, acceptanceDueOn: null as string | null,
      verifiedOn: null as string | null, closedOn: null as string | null, escalatedOn: null as string | null,
      extensionRequestedOn: null as string | null, extensionReason: null as string | null, extensionDecisionDueOn: null as string | null, extensionDecidedOn: null as string | null,
      extensionApproved: null as boolean | null, extendedDueOn: null as string | null, note: null as string | null,
    };
    let n = 0;
    const entry = (action: string, recordedOn: string, from: SupervisionStatus | null, to: SupervisionStatus, note: string | null) =>
      steps.push({ id: seedId(`supervision-action-step:${s.key}:${n}`), supervisionActionId: id, action, recordedOn, fromStatus: from, toStatus: to, note, minute: n++ });
    entry('issue', s.issuedOn, null, SupervisionStatus.ISSUED, null);
    for (const [step, day, note] of s.steps) {
      const from = row.status;
      row.status = SUPERVISION_STEPS[step].to;
      if (step === 'acknowledge') row.acknowledgedOn = day;
      if (step === 'submitPlan') row.planSubmittedOn = day;
      if (step === 'requestAcceptance') Object.assign(row, { acceptanceRequestedOn: day, acceptanceDueOn: await workingDays.add(ctx, day, rule.value.acceptanceWorkingDays) });
      if (step === 'verify') row.verifiedOn = day;
      if (step === 'failVerification') Object.assign(row, { failureCount: row.failureCount + 1, acceptanceDueOn: null });
      if (step === 'close') row.closedOn = day;
      if (step === 'escalate') row.escalatedOn = day;
      if (note) row.note = note;
      entry(step, day, from, row.status, note ?? null);
      // The extension comes while the action is being answered, after its acknowledgement.
      if (s.extension && step === 'acknowledge') {
        const x = s.extension;
        Object.assign(row, {
          extensionRequestedOn: x.requestedOn, extensionReason: x.reason, extensionDecisionDueOn: await workingDays.add(ctx, x.requestedOn, rule.value.extensionDecisionWorkingDays),
          extensionDecidedOn: x.decidedOn, extensionApproved: x.newDeadline !== null, extendedDueOn: x.newDeadline, dueOn: x.newDeadline ?? row.dueOn,
        });
      }
    }
    if (s.extension) {
      entry('requestExtension', s.extension.requestedOn, row.status, row.status, s.extension.reason);
      entry('decideExtension', s.extension.decidedOn, row.status, row.status, s.extension.newDeadline ? `批准延期至${s.extension.newDeadline}` : '不予延期');
    }
    actions.push(row);
    if (s.hazard && hazard) links.push({ id: seedId(`supervision-action-hazard:${s.key}:0`), supervisionActionId: id, hazardId: hazard.id });
  }
  const inserted = await insertSeedSupervisionActions(ctx, actions);
  await insertSeedSupervisionSteps(ctx, steps);
  await insertSeedSupervisionHazards(ctx, links);
  if (inserted) await audit(ctx, { action: 'responsibility.supervision-action.seed', entityType: 'SupervisionAction', entityId: null, changes: { inserted } });
}
