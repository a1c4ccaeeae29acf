import { audit, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { Incidents } from '@domains/response';
import { insertSeedIncident } from './accident.seed.sql';
import { AccidentInvestigationKind, AccidentTeamRole, type AccidentTeamRole as Role } from './accident.enums';
import { AccidentInvestigations, AccidentMeasures } from './accidents.entities';
import { AccidentService } from './accident.service';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded investigation's incident, by its key (e.g. `jinxing-burn`). */
export const accidentIncidentSeedId = (key: string): string => seedId(`accident-incident:${key}`);

/** An instant of a China day. */
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

interface SeedReport {
  readonly kind: 'INITIAL' | 'CONTINUED' | 'VERIFIED';
  readonly at: Date;
  readonly deaths: number;
  readonly injured: number;
  readonly seriouslyInjured: number;
  readonly lossYuan: string;
  readonly note: string;
}

interface SeedAccident {
  readonly key: string;
  readonly enterprise: string;
  readonly village: string;
  readonly type: 'WORK_SAFETY_ACCIDENT' | 'ROAD_TRAFFIC' | 'FIRE';
  readonly category: string;
  readonly title: string;
  readonly place: string;
  readonly occurredAt: Date;
  readonly description: string;
  readonly reports: readonly SeedReport[];
  /** Team roles set (each a member), when set. */
  readonly team?: readonly Role[];
  readonly extension?: readonly [days: number, reason: string];
  readonly report?: readonly [on: string, summary: string];
  readonly reply?: readonly [on: string, reference: string];
  readonly measures?: ReadonlyArray<readonly [measure: string, dueOn: string, doneOn?: string, verifiedOn?: string]>;
  readonly oversight?: readonly [role: 'APPROVING' | 'SUPERVISING', organizationKey: string, finding: string, responsibility: string];
}

const FULL_TEAM: readonly Role[] = [
  AccidentTeamRole.GOVERNMENT,
  AccidentTeamRole.EMERGENCY_MANAGEMENT,
  AccidentTeamRole.INDUSTRY_DEPARTMENT,
  AccidentTeamRole.SUPERVISORY_COMMISSION,
  AccidentTeamRole.PUBLIC_SECURITY,
  AccidentTeamRole.TRADE_UNION,
  AccidentTeamRole.EXPERT,
];
const MEMBER_NAMES: Readonly<Record<Role, string>> = {
  GOVERNMENT: '南平镇人民政府 副镇长 周德明',
  EMERGENCY_MANAGEMENT: '南川区应急管理局 执法大队 刘永红',
  INDUSTRY_DEPARTMENT: '南川区行业主管部门 王建国',
  SUPERVISORY_COMMISSION: '南川区监察委员会 派驻南平镇监察室 陈静',
  PUBLIC_SECURITY: '南川区公安局南平派出所 李勇',
  TRADE_UNION: '南平镇总工会 张秀英',
  PROCURATORATE: '南川区人民检察院 赵立',
  EXPERT: '重庆市安全生产专家 吴国庆',
};

/**
 * The demo accidents (2026), each at a grade boundary or showing one rule: 2 deaths, 9 seriously
 * injured and ¥9,999,999.99 (一般, just below 较大 on every figure; replied, measures under way); 3 deaths
 * reported 61 minutes after (较大, 迟报; report extended and past due; flagged for referral); a fall with
 * one death (provisional 一般, team lacking the trade union); a road accident whose death was reported
 * after the 7-day window (the grade holds at 一般); a fire with exactly ¥10,000,000 loss (较大; report extended, reported,
 * reply due soon). The town's flash flood (response seed) gets a natural-disaster record.
 */
const SEED_ACCIDENTS: readonly SeedAccident[] = [
  {
    key: 'hongfa-collapse',
    enterprise: 'ent-hongfa-quarry',
    village: 'village-longshan',
    type: 'WORK_SAFETY_ACCIDENT',
    category: '10',
    title: '宏发采石场边坡坍塌事故',
    place: '龙山村宏发采石场二号作业平台',
    occurredAt: at('2026-03-18', '09:40'),
    description: '二号平台边坡局部坍塌，掩埋两台挖掘机及作业人员。',
    reports: [
      { kind: 'INITIAL', at: at('2026-03-18', '10:40'), deaths: 1, injured: 12, seriouslyInjured: 6, lossYuan: '6000000', note: '单位负责人电话报告镇应急办。' },
      { kind: 'CONTINUED', at: at('2026-03-20', '17:00'), deaths: 2, injured: 12, seriouslyInjured: 9, lossYuan: '9200000', note: '一名重伤人员经抢救无效死亡。' },
      { kind: 'VERIFIED', at: at('2026-04-10', '10:00'), deaths: 2, injured: 12, seriouslyInjured: 9, lossYuan: '9999999.99', note: '经区应急管理局核定。' },
    ],
    team: FULL_TEAM,
    report: ['2026-05-12', '边坡开采未按设计自上而下分台阶进行，坡面形成伞檐；企业未落实边坡监测。属生产安全责任事故。'],
    reply: ['2026-05-22', '南川府复〔2026〕31号'],
    measures: [
      ['按设计重新分台阶开采并委托第三方边坡监测', '2026-07-31', '2026-07-20', '2026-08-05'],
      ['全员安全再培训并考核', '2026-12-31'],
    ],
    oversight: ['SUPERVISING', 'org:town', '镇安办对采石场边坡隐患复查流于形式。', '建议对分管负责同志进行诫勉谈话。'],
  },
  {
    key: 'jinxing-burn',
    enterprise: 'ent-jinxing-foundry',
    village: 'village-shixi',
    type: 'WORK_SAFETY_ACCIDENT',
    category: '07',
    title: '金兴铸造铁水外溢灼烫事故',
    place: '石溪村金兴铸造熔炼车间',
    occurredAt: at('2026-06-05', '14:20'),
    description: '中频炉倾炉时铁水外溢，造成现场作业人员灼烫。',
    reports: [
      { kind: 'INITIAL', at: at('2026-06-05', '15:21'), deaths: 2, injured: 4, seriouslyInjured: 2, lossYuan: '3000000', note: '企业于事故发生61分钟后报告。' },
      { kind: 'VERIFIED', at: at('2026-07-01', '09:30'), deaths: 3, injured: 4, seriouslyInjured: 1, lossYuan: '4200000', note: '一名重伤人员于6月9日死亡，经核定。' },
    ],
    team: FULL_TEAM,
    extension: [30, '需进行炉体结构技术鉴定，经区人民政府批准延长30日。'],
  },
  {
    key: 'hengtong-fall',
    enterprise: 'ent-hengtong-construction',
    village: 'community-nanping',
    type: 'WORK_SAFETY_ACCIDENT',
    category: '09',
    title: '恒通建筑高处坠落事故',
    place: '南平社区安置房项目3号楼',
    occurredAt: at('2026-10-20', '08:15'),
    description: '外脚手架作业人员未系安全带坠落。',
    reports: [{ kind: 'INITIAL', at: at('2026-10-20', '08:50'), deaths: 1, injured: 0, seriouslyInjured: 0, lossYuan: '850000', note: '项目部报告。' }],
    team: FULL_TEAM.filter((r) => r !== AccidentTeamRole.TRADE_UNION),
  },
  {
    key: 'shunda-road',
    enterprise: 'ent-shunda-transport',
    village: 'community-longmen',
    type: 'ROAD_TRAFFIC',
    category: '02',
    title: '顺达运输货车侧翻事故',
    place: '南平镇龙门村G65连接线',
    occurredAt: at('2026-11-02', '07:30'),
    description: '重型货车下坡侧翻，驾驶员及押运员受伤。',
    reports: [
      { kind: 'INITIAL', at: at('2026-11-02', '08:10'), deaths: 0, injured: 2, seriouslyInjured: 2, lossYuan: '320000', note: '交警大队通报。' },
      { kind: 'CONTINUED', at: at('2026-11-12', '10:00'), deaths: 1, injured: 2, seriouslyInjured: 1, lossYuan: '320000', note: '押运员于11月11日经抢救无效死亡（事故发生7日后）。' },
    ],
  },
  {
    key: 'xiangrui-fire',
    enterprise: 'ent-xiangrui-fireworks',
    village: 'community-nanping',
    type: 'FIRE',
    category: '08',
    title: '祥瑞烟花爆竹经营部仓库火灾',
    place: '南平社区祥瑞烟花爆竹经营部仓库',
    occurredAt: at('2026-08-15', '21:05'),
    description: '仓库电气线路短路引燃库存，火灾蔓延至相邻商铺。',
    reports: [
      { kind: 'INITIAL', at: at('2026-08-15', '21:40'), deaths: 0, injured: 3, seriouslyInjured: 0, lossYuan: '6000000', note: '消防救援站报告。' },
      { kind: 'VERIFIED', at: at('2026-08-20', '16:00'), deaths: 0, injured: 3, seriouslyInjured: 0, lossYuan: '10000000', note: '经核定直接经济损失1000万元。' },
    ],
    team: FULL_TEAM,
    extension: [60, '需对起火原因进行技术鉴定，经区人民政府批准延长60日。'],
    report: ['2026-11-20', '仓库内私拉电线、超量储存，企业主要负责人未履行安全生产职责。'],
  },
];

/**
 * The demo accidents (`SEED_ACCIDENTS`): their incidents and damage reports written through the
 * response module's declarations (its entities, fixed ids, kept when they exist), then each
 * investigation through the service as an investigator would (opened and graded, team, extension,
 * report, reply, measures, findings), and a natural-disaster record over the town's seeded flash
 * flood. Idempotent: an incident that has an investigation is left alone.
 */
export async function seedAccidents(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  const service = new AccidentService();
  let opened = 0;
  for (const s of SEED_ACCIDENTS) {
    const incidentId = accidentIncidentSeedId(s.key);
    if (await unscoped(ctx, AccidentInvestigations, SEEDING).where(sql`t.incident_id = ${incidentId}`).count()) continue;
    await insertSeedIncident(
      ctx,
      { id: incidentId, reportingOrganizationId: seedId(`org:${s.village}`), type: s.type, title: s.title, occurredAt: s.occurredAt, place: s.place, status: 'RESPONDING', description: s.description },
      s.reports.map((r, i) => ({
        id: seedId(`accident-incident:${s.key}:report:${i + 1}`),
        incidentId,
        kind: r.kind,
        sequence: i + 1,
        reportedAt: r.at,
        deaths: r.deaths,
        injured: r.injured,
        seriouslyInjured: r.seriouslyInjured,
        directEconomicLossYuan: r.lossYuan,
        note: r.note,
      })),
    );
    let a = await service.open(ctx, { incidentId, kind: AccidentInvestigationKind.WORK_SAFETY, enterpriseId: seedId(`org:${s.enterprise}`), categoryCode: s.category });
    opened++;
    if (s.team) {
      a = await service.setTeam(ctx, { id: a.id, version: a.version, members: s.team.map((role, i) => ({ role, name: MEMBER_NAMES[role], leader: i === 0 })) });
    }
    if (s.extension) a = await service.extend(ctx, { id: a.id, version: a.version, days: s.extension[0], reason: s.extension[1] });
    if (s.report) a = await service.submitReport(ctx, { id: a.id, version: a.version, on: s.report[0], summary: s.report[1] });
    if (s.reply) a = await service.recordReply(ctx, { id: a.id, version: a.version, on: s.reply[0], reference: s.reply[1] });
    for (const [measure, dueOn, doneOn, verifiedOn] of s.measures ?? []) {
      let m = await service.addMeasure(ctx, { investigationId: a.id, measure, responsibleOrganizationId: seedId(`org:${s.enterprise}`), dueOn });
      if (doneOn) m = await service.recordMeasureProgress(ctx, { id: m.id, version: m.version, on: doneOn });
      if (verifiedOn) m = await service.recordMeasureProgress(ctx, { id: m.id, version: m.version, on: verifiedOn, verified: true });
    }
    if (s.oversight) {
      const [bodyRole, org, finding, responsibility] = s.oversight;
      await service.addOversightFinding(ctx, { investigationId: a.id, bodyRole: bodyRole as never, organizationId: seedId(org), finding, responsibility });
    }
  }
  const flood = seedId('rescue:incidents:wenfeng-flash-flood');
  if ((await unscoped(ctx, Incidents, SEEDING).exists(flood)) && !(await unscoped(ctx, AccidentInvestigations, SEEDING).where(sql`t.incident_id = ${flood}`).count())) {
    await service.open(ctx, { incidentId: flood, kind: AccidentInvestigationKind.NATURAL_DISASTER });
    opened++;
  }
  if (opened) await audit(ctx, { action: 'enforcement.accident.seed', entityType: 'AccidentInvestigation', entityId: null, changes: { opened, measures: await unscoped(ctx, AccidentMeasures, SEEDING).count() } });
}
