import { addDays, audit, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { Warnings } from '@domains/warnings';
import { PublicityKind as K, PublicityTarget as T } from './publicity.enums';
import { insertSeedActivities, insertSeedCommendation, insertSocialRescueTeam } from './publicity.seed.sql';

const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded activity, by its key below. */
export const publicityActivitySeedId = (key: string): string => seedId(`reporting:publicity-activity:${key}`);
/** The id of the seeded social rescue team (社会应急力量). */
export const socialRescueTeamSeedId = (key: string): string => seedId(`reporting:social-rescue-team:${key}`);

/** [key, organization key, kind, title, day, target, audience, summary]. */
type SeedActivity = readonly [string, string, K, string, string, T | null, number, string];

/**
 * 南平镇's 2026 publicity (deterministic): 文凤村 and 南平社区 reached all five 五进 targets, most
 * villages some, 马嘴村 none (a gap row of the matrix); the three campaigns in their periods.
 */
const ACTIVITIES: readonly SeedActivity[] = [
  ['2026-dpd-town', 'community-nanping', K.DISASTER_PREVENTION_DAY, '2026年"5·12"防灾减灾日集中宣传活动', '2026-05-12', T.COMMUNITY, 420, '南平大街设咨询台，发放《家庭应急避险手册》1200册，演示灭火器使用。'],
  ['2026-dpd-school', 'community-longmen', K.DISASTER_PREVENTION_DAY, '南平镇中心小学防灾减灾主题班会暨应急疏散演练', '2026-05-13', T.SCHOOL, 860, '全校学生3分40秒完成疏散。'],
  ['2026-sm-launch', 'community-nanping', K.SAFETY_MONTH, '2026年安全生产月"人人讲安全、个个会应急"启动仪式', '2026-06-03', T.ENTERPRISE, 260, '镇属重点企业负责人、安全管理人员参加。'],
  ['2026-sm-sinopec', 'ent-sinopec-nanping', K.SAFETY_MONTH, '加油站安全生产月开放日', '2026-06-12', T.ENTERPRISE, 45, '讲解加油站防火防爆知识。'],
  ['2026-sm-consult', 'community-nanping', K.SAFETY_MONTH, '安全宣传咨询日', '2026-06-16', T.FAMILY, 380, '发放燃气安全、用电安全宣传单2000份。'],
  ['2026-sm-wenfeng', 'village-wenfeng', K.SAFETY_MONTH, '文凤村安全生产月院坝会', '2026-06-20', T.VILLAGE, 96, '讲解农村自建房、农机安全。'],
  ['2026-sm-lvyuan', 'ent-lvyuan-bamboo-shoots', K.SAFETY_MONTH, '绿源方竹笋厂有限空间作业安全培训', '2026-06-24', T.ENTERPRISE, 52, '有限空间"先通风、再检测、后作业"。'],
  ['2026-5in-wenfeng-school', 'village-wenfeng', K.FIVE_INTO, '安全知识进文凤村小', '2026-04-09', T.SCHOOL, 130, '防溺水、防山洪安全课。'],
  ['2026-5in-wenfeng-family', 'village-wenfeng', K.FIVE_INTO, '汛前入户宣传（三组沿沟住户）', '2026-05-20', T.FAMILY, 74, '入户发放避险明白卡28户。'],
  ['2026-5in-wenfeng-community', 'village-wenfeng', K.FIVE_INTO, '文凤村集中安置点消防安全宣传', '2026-09-18', T.COMMUNITY, 88, '检查安置点楼道堆放杂物，讲解电动自行车充电安全。'],
  ['2026-5in-nanping-village', 'community-nanping', K.FIVE_INTO, '南平社区城郊农户用火用电安全宣传', '2026-03-15', T.VILLAGE, 65, '春耕期间野外用火管控宣传。'],
  ['2026-5in-nanping-school', 'community-nanping', K.FIVE_INTO, '安全知识进南平中学', '2026-10-22', T.SCHOOL, 1150, '消防、交通安全专题讲座。'],
  ['2026-5in-longmen-ent', 'ent-jiarui-construction', K.FIVE_INTO, '建筑工地安全宣传', '2026-08-06', T.ENTERPRISE, 70, '高处坠落、防暑降温。'],
  ['2026-5in-longmen-family', 'community-longmen', K.FIVE_INTO, '龙门社区燃气安全入户宣传', '2026-09-10', T.FAMILY, 210, '入户检查燃气软管96户。'],
  ['2026-5in-shuanghe-village', 'village-shuanghe', K.FIVE_INTO, '双河村地质灾害防治知识院坝会', '2026-04-28', T.VILLAGE, 110, '讲解滑坡前兆与撤离路线。'],
  ['2026-5in-shuanghe-ent', 'ent-desheng-concrete', K.FIVE_INTO, '德胜商混搅拌站安全宣讲', '2026-07-15', T.ENTERPRISE, 38, '车辆伤害、机械伤害防范。'],
  ['2026-5in-longshan-family', 'village-longshan', K.FIVE_INTO, '龙山村森林防火入户宣传', '2026-02-20', T.FAMILY, 140, '清明前野外用火"十不准"。'],
  ['2026-5in-longshan-ent', 'ent-hongfa-quarry', K.FIVE_INTO, '宏发采石场爆破作业安全宣讲', '2026-03-26', T.ENTERPRISE, 41, '爆破警戒、哑炮处理。'],
  ['2026-5in-shixi-ent', 'ent-jinxing-foundry', K.FIVE_INTO, '金兴铸造熔炼作业安全警示教育', '2026-07-02', T.ENTERPRISE, 58, '以6月5日钢水喷溅事故为警示。'],
  ['2026-5in-shixi-village', 'village-shixi', K.FIVE_INTO, '石溪村汛期安全院坝会', '2026-05-26', T.VILLAGE, 85, '山洪避险。'],
  ['2026-5in-jinlong-village', 'village-jinlong', K.FIVE_INTO, '金龙村农机安全宣传', '2026-03-05', T.VILLAGE, 60, '拖拉机、微耕机安全操作。'],
  ['2026-5in-xinhua-family', 'village-xinhua', K.FIVE_INTO, '新华村独居老人用电安全入户', '2026-11-12', T.FAMILY, 33, '更换老化插座19处。'],
  ['2026-5in-fushou-village', 'village-fushou', K.FIVE_INTO, '福寿村烟花爆竹安全燃放宣传', '2026-01-25', T.VILLAGE, 92, '春节前禁限放宣传。'],
  ['2026-5in-yonglong-school', 'village-yonglong', K.FIVE_INTO, '永隆村小防溺水安全教育', '2026-06-30', T.SCHOOL, 75, '暑假前"六不"教育。'],
  ['2026-5in-dashi-ent', 'ent-dashi-stone', K.FIVE_INTO, '大石石材粉尘防爆宣讲', '2026-08-19', T.ENTERPRISE, 24, '粉尘清扫与防静电。'],
  ['2026-5in-baiguo-village', 'village-baiguo', K.FIVE_INTO, '白果村乡村旅游安全宣传', '2026-04-30', T.VILLAGE, 68, '"五一"前农家乐消防检查与宣传。'],
  ['2026-5in-qinglong-family', 'village-qinglong', K.FIVE_INTO, '青龙村森林防火入户', '2026-10-15', T.FAMILY, 120, '秋冬森林防火。'],
  ['2026-5in-qingyuan-village', 'village-qingyuan', K.FIVE_INTO, '庆元村交通安全劝导', '2026-09-29', T.VILLAGE, 55, '国庆前农村道路交通安全。'],
  ['2026-fire-town', 'community-longmen', K.FIRE_SAFETY_MONTH, '"119"消防宣传月主题活动', '2026-11-09', T.COMMUNITY, 530, '消防车辆装备展示、逃生体验。'],
  ['2026-fire-market', 'ent-nanping-market', K.FIRE_SAFETY_MONTH, '农贸市场消防安全检查与宣传', '2026-11-18', T.ENTERPRISE, 86, '检查商户电气线路，发放宣传册。'],
  ['2026-other-broadcast', 'town', K.OTHER, '"村村响"安全生产广播专栏（全年）', '2026-01-05', null, 0, '每周一期，15个村社区同步播放。'],
];

/**
 * The demo publicity of 南平镇: the activities above, a commendation of 双河村 for the evacuation
 * before the seeded red geological-hazard warning (12 households, 38 people), and the social rescue
 * force (社会应急力量) 南川区蓝天救援队南平镇分队 as a command rescue team of kind SOCIAL. Idempotent;
 * nothing when the directory holds no town.
 */
export async function seedPublicity(ctx: RequestContext): Promise<void> {
  const town = seedId('org:town');
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(town))) return;
  const rows = ACTIVITIES.map(([key, org, kind, title, heldOn, target, audience, summary]) => ({
    id: publicityActivitySeedId(key),
    organizationId: seedId(`org:${org}`),
    kind,
    title,
    heldOn,
    target,
    audienceCount: audience,
    summary,
  }));
  const activities = await insertSeedActivities(ctx, rows);

  let commendations = 0;
  const warningId = seedId('rescue:warnings:geo-past');
  const [warning] = await unscoped(ctx, Warnings, SEEDING).many([warningId], ['id', 'sentAt']);
  if (warning) {
    const commendedOn = [addDays(todayInChina(warning.sentAt), 5), ctx.clock.today()].sort()[0]!;
    commendations = await insertSeedCommendation(ctx, { id: seedId('reporting:evacuation-commendation:shuanghe-geo'), warningId: warning.id, organizationId: seedId('org:village-shuanghe'), commendedOn });
  }

  const teams = await insertSocialRescueTeam(ctx, { id: socialRescueTeamSeedId('lantian-nanping'), organizationId: town, name: '南川区蓝天救援队南平镇分队', baseAddress: '南平镇南平大街88号', dutyPhone: '023-71234567' });

  const added = activities + commendations + teams;
  if (added) await audit(ctx, { action: 'reporting.publicity.seed', entityType: 'PublicityActivity', entityId: null, changes: { activities, commendations, socialRescueTeams: teams } });
}
