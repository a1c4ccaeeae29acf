import { SeedRandom, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { EnterpriseProfiles, OrganizationKind, Organizations, Person, Position, Positions, seedId } from '@platform/directory';
import { insertSeedRows } from '../seed.sql';
import { CommandBody, CommandPosition } from './command-body.entity';
import { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
import { CommandBodyKind, RescueTeamKind, RescueTeamReadiness, TeamEquipmentCategory as C, TeamEquipmentCondition, TeamMemberRole } from './command.enums';

/** A day `n` days before `today` (China time), YYYY-MM-DD. */
const daysBefore = (today: string, n: number): string => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** Why the seed reads the directory whatever the scope: seeding is not on a caller's behalf. */
const SEEDING = 'seeding the demo command bodies and teams (not on a caller\'s behalf)';
const byId = [{ column: 't.id', direction: SortDirection.ASC }];

const SURNAMES = [...'刘刘陈陈张张王李杨黄赵周吴徐胡何罗梁宋谢唐唐冯邓邓曾彭蒋余余杜夏谭谭廖冉冉向向秦熊母甘付雷龚文'];
const GIVEN = [...'伟刚勇毅俊峰强军平东文辉力明永健志兴良海山波宁贵福龙全胜学祥才发武新利清飞彬富顺杰涛昌成康光达安中茂进林坚和博诚庆磊江超浩亮宏鹏泽建德川'];
const GIVEN_FEMALE = [...'秀娟英华慧巧美静淑惠玉萍红玲芬芳燕春菊兰凤梅琳云莲雪霞月艳琼丽'];
const MOBILE = ['133', '135', '137', '138', '139', '150', '151', '152', '158', '159', '173', '177', '180', '182', '187', '189', '199'];

/** A team member of the demo: a new person (`person:rescue-team-…`) unless an existing one leads. */
interface SeedMember {
  readonly personId: string;
  readonly role: TeamMemberRole;
  readonly shift: number | null;
  readonly qualifications: string[];
}

interface SeedTeam {
  readonly key: string;
  readonly organizationId: string;
  readonly kind: RescueTeamKind;
  readonly name: string;
  readonly baseAddress: string | null;
  readonly dutyPhone: string | null;
  readonly shiftCount: number;
  readonly readiness: RescueTeamReadiness;
  /** Existing person leading the team (a village's 应急专干, an enterprise's safety manager), or null for a new one. */
  readonly leaderId: string | null;
  /** Members other than the leader: their shifts (null: not on the rota). */
  readonly shifts: ReadonlyArray<number | null>;
  /** Titles of the directory positions the new members (and a new leader) hold at the organization. */
  readonly positionTitle: string;
  readonly leaderTitle: string;
  readonly qualifications: readonly string[];
  readonly equipment: ReadonlyArray<readonly [name: string, category: C, quantity: number]>;
  /** Equipment names that need repair. */
  readonly broken?: readonly string[];
}

const MILITIA_EQUIPMENT = [
  ['救生衣', C.PROTECTIVE, 20],
  ['救生圈', C.RESCUE_TOOL, 10],
  ['冲锋舟', C.VEHICLE, 1],
  ['对讲机', C.COMMUNICATION, 6],
  ['油锯', C.RESCUE_TOOL, 2],
  ['应急照明灯', C.OTHER, 8],
  ['急救箱', C.MEDICAL, 2],
] as const;
const MICRO_STATION_EQUIPMENT = [
  ['手抬机动消防泵', C.FIRE_FIGHTING, 1],
  ['干粉灭火器(4kg)', C.FIRE_FIGHTING, 12],
  ['消防水带', C.FIRE_FIGHTING, 6],
  ['消防战斗服', C.PROTECTIVE, 6],
  ['对讲机', C.COMMUNICATION, 4],
  ['消防电动巡逻车', C.VEHICLE, 1],
] as const;

/** Persons of the command bodies: who holds which position in the town government and its offices. */
interface Holder {
  person_id: string;
  title: string;
  is_lead: boolean;
  organization_id: string;
  kind: string;
  short_name: string | null;
  phone: string | null;
}

/**
 * Demo command bodies and rescue teams of 南平镇: the 应急指挥部 and the 一中心四板块 joint command room
 * held by the town's officials (looked up in the directory), a militia rescue team per village (some
 * short of the village standard), micro fire stations of 南平社区 (fully staffed) and 龙门社区 (short),
 * the town's full-time fire brigade and an enterprise team at a gas supplier. Ids come from stable
 * keys and existing rows are left alone, so seeding twice inserts nothing.
 */
export async function seedCommand(ctx: RequestContext): Promise<void> {
  const organizations = unscoped(ctx, Organizations, SEEDING);
  const [town] = await organizations
    .where(sql`t.kind = ${OrganizationKind.TOWN_GOVERNMENT} AND t.parent_id IS NULL AND t.archived_at IS NULL`)
    .list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }, ...byId], limit: 1 });
  if (!town) return;
  const today = ctx.clock.today();
  const daysAgo = (n: number) => daysBefore(today, n);
  let inserted = 0;

  // ------------------------------------------------------------ command bodies
  // The current positions at the town government and its departments, oldest first.
  const departments = await organizations.where(sql`t.parent_id = ${town.id} AND t.kind = ${OrganizationKind.DEPARTMENT} AND t.archived_at IS NULL`).list({ keys: byId, limit: 100 });
  const offices = new Map([town, ...departments].map((o) => [o.id, o]));
  const positions = await unscoped(ctx, Positions, SEEDING)
    .where(sql`t.ended_on IS NULL AND t.organization_id = ANY(CAST(${[...offices.keys()]} AS uuid[]))`)
    .list({ keys: [{ column: 't.started_on', direction: SortDirection.ASC }, ...byId], limit: 1000 });
  const holders: Holder[] = positions.map((p) => {
    const o = offices.get(p.organizationId)!;
    return { person_id: p.personId, title: p.title, is_lead: p.isLead, organization_id: o.id, kind: o.kind, short_name: o.shortName, phone: o.contacts?.[0]?.phone ?? null };
  });
  const atTown = (title: string) => holders.find((h) => h.organization_id === town.id && h.title === title);
  const head = (shortName: string) => holders.find((h) => h.short_name === shortName && h.is_lead);
  const staff = (shortName: string) => holders.find((h) => h.short_name === shortName && !h.is_lead);
  const mayor = atTown('镇长');
  const secretary = atTown('党委书记');
  const deputyMayor = atTown('分管安全副镇长');
  const townPhone = (town.contacts ?? []).find((c) => c.name === '值班电话')?.phone ?? null;

  if (mayor && deputyMayor) {
    const hq = seedId('rescue:command:body:headquarters');
    const room = seedId('rescue:command:body:joint-command-room');
    inserted += await insertSeedRows(ctx, CommandBody, [
      { id: hq, organizationId: town.id, kind: CommandBodyKind.HEADQUARTERS, name: '南平镇应急指挥部', address: town.address ? `${town.address}(镇政府三楼应急指挥中心)` : null, dutyPhone: townPhone, archivedAt: null },
      { id: room, organizationId: town.id, kind: CommandBodyKind.JOINT_COMMAND_ROOM, name: '南平镇"一中心四板块"联合指挥室', address: town.address ? `${town.address}(镇政府一楼基层治理指挥中心)` : null, dutyPhone: head('应急办')?.phone ?? townPhone, archivedAt: null },
    ]);
    type P = { key: string; title: string; responsibility: string; holder?: Holder; deputy?: Holder; phone?: string | null };
    const hqPositions: P[] = [
      { key: 'commander', title: '指挥长', responsibility: '全面负责全镇突发事件应急处置的统一领导、统一指挥和组织协调', holder: mayor, deputy: secretary },
      { key: 'deputy-commander', title: '副指挥长', responsibility: '协助指挥长工作,分管安全生产、防汛抗旱、地质灾害防治和森林防灭火', holder: deputyMayor, deputy: head('应急办') },
      { key: 'office-director', title: '办公室主任', responsibility: '负责指挥部日常工作:值班值守、信息报送、预案管理和救援队伍建设', holder: head('应急办'), deputy: head('镇安办') },
      { key: 'member-office', title: '成员', responsibility: '负责综合协调、信息汇总和后勤保障', holder: head('党政办'), deputy: staff('党政办') },
      { key: 'member-safety', title: '成员', responsibility: '负责生产安全事故先期处置和隐患排查', holder: head('镇安办'), deputy: staff('镇安办') },
      { key: 'member-agriculture', title: '成员', responsibility: '负责防汛抗旱、水利设施巡查和农业灾害防治', holder: head('农服中心'), deputy: staff('农服中心') },
      { key: 'member-planning', title: '成员', responsibility: '负责房屋建筑、道路设施排危抢险和地质灾害隐患点监测', holder: head('规建环保办'), deputy: staff('规建环保办') },
      { key: 'member-economy', title: '成员', responsibility: '负责应急物资储备调拨、企业停产撤离和灾后生产恢复', holder: head('经发办'), deputy: staff('经发办') },
      { key: 'member-social', title: '成员', responsibility: '负责受灾群众转移安置、生活救助和医疗卫生保障', holder: head('社事办'), deputy: staff('社事办') },
      { key: 'member-enforcement', title: '成员', responsibility: '负责现场警戒、交通疏导和违法行为查处', holder: head('综合执法大队'), deputy: staff('综合执法大队') },
      { key: 'member-peace', title: '成员', responsibility: '负责维护社会稳定、舆情引导和矛盾纠纷化解', holder: head('平安办'), deputy: staff('平安办') },
    ];
    const roomPositions: P[] = [
      { key: 'centre', title: '基层治理指挥中心', responsibility: '统筹调度四个板块和网格:会商研判、指令分派、督办反馈,24小时值班值守', holder: secretary ?? mayor, deputy: deputyMayor, phone: townPhone },
      { key: 'party', title: '党的建设板块', responsibility: '组织动员党员干部参与应急处置,落实领导带班和干部值班', holder: head('党政办'), deputy: staff('党政办') },
      { key: 'economy', title: '经济发展板块', responsibility: '负责企业安全生产监管、应急物资保障和灾后生产恢复', holder: head('经发办'), deputy: head('农服中心') },
      { key: 'livelihood', title: '民生服务板块', responsibility: '负责群众转移安置、救灾物资发放和医疗救护协调', holder: head('社事办'), deputy: staff('社事办') },
      { key: 'peace', title: '平安法治板块', responsibility: '负责隐患排查、现场警戒、交通管控和社会面稳定', holder: head('平安办'), deputy: head('综合执法大队') },
    ];
    const rows = (bodyId: string, body: string, list: P[]) =>
      list
        .filter((p) => p.holder)
        .map((p, i) => ({
          id: seedId(`rescue:command:position:${body}:${p.key}`),
          bodyId,
          title: p.title,
          responsibility: p.responsibility,
          holderPersonId: p.holder!.person_id,
          deputyPersonId: p.deputy && p.deputy.person_id !== p.holder!.person_id ? p.deputy.person_id : null,
          sortOrder: (i + 1) * 10,
          contactPhone: p.phone ?? (p.holder!.kind === 'DEPARTMENT' ? p.holder!.phone : null),
        }));
    inserted += await insertSeedRows(ctx, CommandPosition, [...rows(hq, 'headquarters', hqPositions), ...rows(room, 'joint-command-room', roomPositions)]);
  }

  // ------------------------------------------------------------ rescue teams
  // The villages and communities by code, each with its phone and its 应急专干 (the first current one by id).
  const villages = await organizations
    .where(sql`t.parent_id = ${town.id} AND t.kind = ANY(CAST(${[OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY]} AS text[])) AND t.archived_at IS NULL`)
    .list({ keys: [{ column: 't.code', direction: SortDirection.ASC }, ...byId], limit: 1000 });
  const officers = await unscoped(ctx, Positions, SEEDING)
    .where(sql`t.title = '应急专干' AND t.ended_on IS NULL AND t.organization_id = ANY(CAST(${villages.map((v) => v.id)} AS uuid[]))`)
    .list({ keys: byId, limit: 1000 });
  const areas = villages.map((o) => ({
    id: o.id,
    name: o.name,
    kind: o.kind as string,
    code: o.code ?? '',
    address: o.address,
    phone: o.contacts?.[0]?.phone ?? null,
    emergency: officers.find((p) => p.organizationId === o.id)?.personId ?? null,
  }));
  const teams: SeedTeam[] = [];
  for (const a of areas.filter((x) => x.kind === 'VILLAGE')) {
    const r = SeedRandom.of(`rescue:command:militia:${a.code}`);
    // The village standard is a leader and at least 10 members; about a third of the villages fall short.
    const size = r.chance(0.35) ? r.int(6, 9) : r.int(10, 13);
    teams.push({
      key: `militia-${a.code}`,
      organizationId: a.id,
      kind: RescueTeamKind.MILITIA,
      name: `${a.name}民兵应急救援队`,
      baseAddress: a.address ? `${a.address}(村委会)` : null,
      dutyPhone: a.phone,
      shiftCount: 1,
      readiness: size < 10 ? RescueTeamReadiness.LIMITED : RescueTeamReadiness.READY,
      leaderId: a.emergency,
      shifts: Array.from({ length: size }, () => null),
      positionTitle: '民兵应急救援队队员',
      leaderTitle: '民兵应急救援队队长',
      qualifications: ['民兵军事训练合格', '急救员证', '救生员证', '驾驶证(B2)'],
      equipment: MILITIA_EQUIPMENT.filter(() => r.chance(0.8)),
      broken: MILITIA_EQUIPMENT.filter(() => r.chance(0.15)).map((e) => e[0]),
    });
  }
  const community = (code: string) => areas.find((x) => x.kind === 'COMMUNITY' && x.code?.endsWith(code));
  const nanping = community('001');
  const longmen = community('002');
  const station = (a: typeof nanping, slug: string, shifts: number[], readiness: RescueTeamReadiness, broken: string[]): SeedTeam | null =>
    a
      ? {
          key: `micro-station-${slug}`,
          organizationId: a.id,
          kind: RescueTeamKind.MICRO_FIRE_STATION,
          name: `${a.name}微型消防站`,
          baseAddress: a.address,
          dutyPhone: a.phone,
          shiftCount: 2,
          readiness,
          leaderId: a.emergency,
          shifts,
          positionTitle: '微型消防站队员',
          leaderTitle: '微型消防站站长',
          qualifications: ['消防设施操作员', '急救员证'],
          equipment: MICRO_STATION_EQUIPMENT,
          broken,
        }
      : null;
  // 南平社区: the leader and 6 members, 4 and 3 on the two shifts; 龙门社区: 4 members, only 2 on the second shift.
  for (const s of [station(nanping, 'nanping', [1, 1, 1, 2, 2, 2], RescueTeamReadiness.READY, []), station(longmen, 'longmen', [1, 1, 2, 2], RescueTeamReadiness.LIMITED, ['手抬机动消防泵'])]) {
    if (s) teams.push(s);
  }
  teams.push({
    key: 'full-time-fire',
    organizationId: town.id,
    kind: RescueTeamKind.FULL_TIME_FIRE,
    name: '南平镇专职消防队',
    baseAddress: '重庆市南川区南平镇南平大街消防站',
    dutyPhone: townPhone,
    shiftCount: 3,
    readiness: RescueTeamReadiness.READY,
    leaderId: null,
    shifts: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3],
    positionTitle: '专职消防员',
    leaderTitle: '专职消防队队长',
    qualifications: ['消防员国家职业资格', '消防设施操作员', '驾驶证(A2)', '急救员证'],
    equipment: [
      ['水罐消防车', C.VEHICLE, 1],
      ['抢险救援车', C.VEHICLE, 1],
      ['正压式空气呼吸器', C.PROTECTIVE, 8],
      ['液压破拆工具组', C.RESCUE_TOOL, 1],
      ['消防战斗服', C.PROTECTIVE, 13],
      ['车载电台', C.COMMUNICATION, 2],
    ],
    broken: ['液压破拆工具组'],
  });
  const gasOrganization = await organizations.where(sql`t.archived_at IS NULL`).one(seedId('org:ent-shunan-gas'));
  const gasProfile = gasOrganization ? await unscoped(ctx, EnterpriseProfiles, SEEDING).one(gasOrganization.id) : null;
  const gas = gasOrganization && gasProfile?.highRisk ? { id: gasOrganization.id, address: gasOrganization.address, safety_manager_id: gasProfile.safetyManagerId } : null;
  if (gas) {
    teams.push({
      key: 'enterprise-shunan-gas',
      organizationId: gas.id,
      kind: RescueTeamKind.ENTERPRISE,
      name: '顺安燃气南平供气站应急抢险队',
      baseAddress: gas.address,
      dutyPhone: null,
      shiftCount: 1,
      readiness: RescueTeamReadiness.READY,
      leaderId: gas.safety_manager_id,
      shifts: [1, 1, 1, 1, 1],
      positionTitle: '应急抢险队员',
      leaderTitle: '应急抢险队队长',
      qualifications: ['燃气经营企业从业人员专业培训合格', '特种作业操作证(压力容器)'],
      equipment: [
        ['可燃气体检测仪', C.OTHER, 2],
        ['管道带压堵漏工具', C.RESCUE_TOOL, 1],
        ['正压式空气呼吸器', C.PROTECTIVE, 2],
        ['推车式干粉灭火器', C.FIRE_FIGHTING, 2],
      ],
      broken: ['可燃气体检测仪'],
    });
  }

  for (const team of teams) inserted += await seedTeam(ctx, team, daysAgo);
  if (inserted > 0) await audit(ctx, { action: 'rescue.command.seed', entityType: 'RescueTeam', entityId: null, changes: { inserted } });
}

/** One team with its new persons (and their directory positions), members and equipment; answers the rows inserted. */
async function seedTeam(ctx: RequestContext, t: SeedTeam, daysAgo: (n: number) => string): Promise<number> {
  const r = SeedRandom.of(`rescue:command:team:${t.key}`);
  const teamId = seedId(`rescue:command:team:${t.key}`);
  let inserted = 0;
  inserted += await insertSeedRows(ctx, RescueTeam, [
    {
      id: teamId,
      organizationId: t.organizationId,
      kind: t.kind,
      name: t.name,
      baseAddress: t.baseAddress,
      dutyPhone: t.dutyPhone,
      shiftCount: t.shiftCount,
      readiness: t.readiness,
      lastPatrolOn: daysAgo(r.int(1, 30)),
      lastDrillOn: daysAgo(r.int(20, 200)),
      archivedAt: null,
    },
  ]);

  // New persons: the leader (when no existing one leads) and the members.
  const persons: Array<Pick<Person, 'id' | 'name' | 'gender' | 'phone' | 'idNumber' | 'archivedAt'>> = [];
  const newPerson = (key: string, maleShare: number) => {
    const pr = SeedRandom.of(`person:rescue-team-${key}`);
    const male = pr.chance(maleShare);
    const first = pr.pick(male ? GIVEN : GIVEN_FEMALE);
    const name = pr.pick(SURNAMES) + first + (pr.chance(0.3) ? '' : pr.pick((male ? GIVEN : GIVEN_FEMALE).filter((c) => c !== first)));
    const phone = pr.pick(MOBILE) + String(pr.int(0, 99_999_999)).padStart(8, '0');
    const id = seedId(`person:rescue-team-${key}`);
    persons.push({ id, name, gender: (male ? 'MALE' : 'FEMALE') as Person['gender'], phone, idNumber: null, archivedAt: null });
    return id;
  };
  const maleShare = t.kind === RescueTeamKind.MILITIA || t.kind === RescueTeamKind.FULL_TIME_FIRE ? 0.9 : 0.7;
  const leaderId = t.leaderId ?? newPerson(`${t.key}-leader`, 0.95);
  const members: SeedMember[] = [{ personId: leaderId, role: TeamMemberRole.LEADER, shift: t.shiftCount > 1 || t.shifts.some((s) => s != null) ? 1 : null, qualifications: t.qualifications.slice(0, 2) }];
  t.shifts.forEach((shift, i) => {
    const role = i === 0 ? TeamMemberRole.DEPUTY_LEADER : i === 1 ? TeamMemberRole.DRIVER : i === 2 && t.shifts.length > 4 ? TeamMemberRole.MEDIC : TeamMemberRole.MEMBER;
    const qualifications = t.qualifications.filter(() => r.chance(0.4));
    if (role === TeamMemberRole.MEDIC && !qualifications.includes('急救员证')) qualifications.push('急救员证');
    members.push({ personId: newPerson(`${t.key}-${i + 1}`, maleShare), role, shift, qualifications });
  });
  inserted += await insertSeedRows(ctx, Person, persons);

  const joined = members.map(() => daysAgo(r.int(60, 1500)));
  // The new persons hold a position at the team's organization, so its officers may read them.
  const positions = persons.map((p) => ({ id: seedId(`rescue:command:position-of:${p.id}`), personId: p.id, organizationId: t.organizationId, title: p.id === leaderId ? t.leaderTitle : t.positionTitle, isLead: false, startedOn: joined[members.findIndex((x) => x.personId === p.id)] }));
  inserted += await insertSeedRows(ctx, Position, positions);

  inserted += await insertSeedRows(
    ctx,
    TeamMember,
    members.map((mm, i) => ({ id: seedId(`rescue:command:member:${t.key}:${i}`), teamId, personId: mm.personId, role: mm.role, qualifications: mm.qualifications, shift: mm.shift, joinedOn: joined[i]!, leftOn: null })),
  );
  inserted += await insertSeedRows(
    ctx,
    TeamEquipment,
    t.equipment.map(([name, category, quantity]) => ({
      id: seedId(`rescue:command:equipment:${t.key}:${name}`),
      teamId,
      name,
      category,
      quantity,
      condition: t.broken?.includes(name) ? TeamEquipmentCondition.NEEDS_REPAIR : TeamEquipmentCondition.GOOD,
      checkedOn: daysAgo(r.int(3, 120)),
    })),
  );
  return inserted;
}
