import { addDays, FLOOD_SEASON_FIRST_MONTH, FLOOD_SEASON_LAST_MONTH, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Positions, seedId, type Position } from '@platform/directory';
import { insertSeedActionItem, insertSeedConsultation, insertSeedDepartments } from './consultation.seed.sql';

/** More departments or positions than the demo directory has: the seed reads them all. */
const SEED_LIMIT = 10_000;

interface SeedItem {
  readonly description: string;
  readonly owner: Department | null;
  readonly ownerOrganizationId?: string;
  readonly ownerPersonId?: string | null;
  readonly dueOn: string;
  /** Done on this day (when it is not after today); else the item stays open. */
  readonly doneOn?: string;
  readonly note?: string;
  readonly cancelled?: string;
}

interface SeedMeeting {
  readonly key: string;
  readonly organizationId: string;
  readonly kind: 'REGULAR' | 'SPECIAL' | 'FLOOD_SEASON_MONTHLY' | 'ONE_SEVEN_N';
  readonly heldOn: string;
  readonly title: string;
  readonly topics: readonly string[];
  readonly conclusions: string;
  readonly otherParticipants?: string;
  readonly departments: ReadonlyArray<Department | undefined>;
  readonly items: readonly SeedItem[];
}

interface Department {
  readonly id: string;
  readonly shortName: string;
  readonly headId: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const earlier = (a: string, b: string) => (a < b ? a : b);

/** What each flood-season month's analysis looks at (topics, conclusions). */
const MONTHLY: Record<number, { topics: string[]; conclusions: string; item: string }> = {
  5: {
    topics: ['汛前准备', '强降雨', '地质灾害'],
    conclusions: '全镇5月起进入汛期。落实24小时值班和领导带班，地灾隐患点群测群防员全部到岗，应急物资清点到位。',
    item: '组织各村（社区）复核地灾隐患点监测责任人和转移路线，张贴明白卡',
  },
  6: {
    topics: ['强降雨', '山洪', '地质灾害'],
    conclusions: '入梅后降雨偏多，双河村、龙山村地灾隐患点需加密巡查；山洪沟沿线住户转移预案落实到户到人。',
    item: '加密地灾隐患点巡查，雨前排查、雨中巡查、雨后核查',
  },
  7: {
    topics: ['强降雨', '高温', '地质灾害'],
    conclusions: '主汛期强降雨与高温交替，严格执行“叫应”机制，预警发布后30分钟内完成村组通知。',
    item: '检验镇村两级预警“叫应”流程，抽查各村值班记录',
  },
  8: {
    topics: ['高温干旱', '森林防火', '强对流'],
    conclusions: '持续高温，森林火险等级升高，落实野外用火管控；防范强对流天气引发的局地山洪。',
    item: '在林区入口设置防火检查点，劝导野外用火',
  },
  9: {
    topics: ['秋汛', '地质灾害', '汛期复盘'],
    conclusions: '秋汛期降雨集中，地质灾害风险仍在；对本年汛期工作开展复盘，形成问题清单。',
    item: '形成汛期工作复盘报告和问题整改清单',
  },
};

/**
 * Demo consultations of 南平镇: the flood-season monthly analysis (会商研判) for May, June, July and
 * September of this year (August left missing on purpose) and every flood-season month of last
 * year; a “1+7+N” meeting before the flood season with 7 town departments; a special study of
 * geological hazards after heavy rain; a regular meeting; and one of 文凤村. Action items are owned
 * by the department heads, some done, some open, some open past their due day. Ids come from
 * stable keys and rows that exist are left alone, so seeding twice inserts nothing; days are
 * relative to the first seeding day (China time), and no meeting lies in the future.
 */
export async function seedConsultations(ctx: RequestContext): Promise<void> {
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const reason = 'seed: the demo data is not on a caller\'s behalf';
  const organizations = unscoped(ctx, Organizations, reason).where(sql`t.archived_at IS NULL`);
  const [town] = await organizations.where(sql`t.kind = 'TOWN_GOVERNMENT' AND t.parent_id IS NULL`).list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1 });
  if (!town) return;
  const departments = await organizations.where(sql`t.kind = 'DEPARTMENT' AND t.parent_id = ${town.id}`).list({ keys: [{ column: 't.name', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: SEED_LIMIT });
  const [wenfengVillage] = await organizations.where(sql`t.kind = 'VILLAGE' AND t.name = '文凤村'`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
  // Current positions of those organizations, earliest first: each department's head (its first lead), 文凤村's 应急专干.
  const places = [...departments.map((d) => d.id), ...(wenfengVillage ? [wenfengVillage.id] : [])];
  const positions = places.length
    ? await unscoped(ctx, Positions, reason)
        .where(sql`t.ended_on IS NULL AND t.organization_id = ANY(CAST(${places} AS uuid[]))`)
        .list({ keys: [{ column: 't.started_on', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: SEED_LIMIT })
    : [];
  const firstPerson = (organizationId: string, holds: (p: Position) => boolean): string | null => positions.find((p) => p.organizationId === organizationId && holds(p))?.personId ?? null;
  const depts = new Map(departments.map((o) => [o.shortName ?? o.name, { id: o.id, shortName: o.shortName ?? o.name, headId: firstPerson(o.id, (p) => p.isLead) } as Department]));
  const dept = (shortName: string): Department | null => depts.get(shortName) ?? null;
  const emergency = dept('应急办');
  const wenfeng = wenfengVillage ? { id: wenfengVillage.id, officer_id: firstPerson(wenfengVillage.id, (p) => p.title === '应急专干') } : null;

  const meetings: SeedMeeting[] = [];
  const monthly = (y: number, mo: number): SeedMeeting => {
    const heldOn = earlier(dayOf(y, mo, [0, 0, 0, 0, 0, 9, 6, 8, 7, 5][mo]!), today);
    const spec = MONTHLY[mo]!;
    return {
      key: `monthly:${y}-${pad(mo)}`,
      organizationId: town.id,
      kind: 'FLOOD_SEASON_MONTHLY',
      heldOn,
      title: `${y}年${mo}月汛期自然灾害防治研判分析会`,
      topics: spec.topics,
      conclusions: spec.conclusions,
      otherParticipants: '区气象局南平观测站、区水利局',
      departments: [emergency ?? undefined, dept('规建环保办') ?? undefined, dept('农服中心') ?? undefined],
      items: [{ description: spec.item, owner: emergency, dueOn: addDays(heldOn, 20), doneOn: addDays(heldOn, 15), note: '已按要求落实，资料已归档' }],
    };
  };
  // Last year: every flood-season month held. This year: May, June, July and September so far, August missing.
  for (let mo = FLOOD_SEASON_FIRST_MONTH; mo <= FLOOD_SEASON_LAST_MONTH; mo++) meetings.push(monthly(year - 1, mo));
  for (const mo of [5, 6, 7, 9]) if (mo <= month) meetings.push(monthly(year, mo));

  // “1+7+N” before the flood season (this year's once it is past 22 April, else last year's).
  const y17 = dayOf(year, 4, 22) <= today ? year : year - 1;
  meetings.push({
    key: `one-seven-n:${y17}`,
    organizationId: town.id,
    kind: 'ONE_SEVEN_N',
    heldOn: dayOf(y17, 4, 22),
    title: `${y17}年汛前“1+7+N”自然灾害会商研判会`,
    topics: ['汛前准备', '地质灾害', '山洪', '森林防火'],
    conclusions: '镇应急办牵头，7个成员部门和区气象、水利、规划自然资源部门共同研判：今年汛期降雨偏多的可能性较大，地质灾害和山洪风险突出，汛前排查须于5月中旬前完成。',
    otherParticipants: '区气象局、区水利局、区规划自然资源局南平规划自然资源所、南平派出所、各村（社区）',
    departments: ['应急办', '镇安办', '规建环保办', '农服中心', '社事办', '综合执法大队', '平安办'].map((d) => dept(d) ?? undefined),
    items: [
      { description: '完成全镇地灾隐患点汛前排查，更新监测责任人名单', owner: emergency, dueOn: dayOf(y17, 5, 10), doneOn: dayOf(y17, 5, 8), note: '排查隐患点27处，名单已报区应急局' },
      { description: '检修镇村两级应急物资储备库，补足救生衣和照明设备', owner: dept('社事办'), dueOn: dayOf(y17, 5, 15), doneOn: dayOf(y17, 5, 14), note: '补充救生衣60件、应急照明灯30盏' },
      { description: '组织山洪灾害危险区群众转移避险演练', owner: dept('农服中心'), dueOn: dayOf(y17, 5, 31) },
      { description: '督促在建工地落实防汛措施并建立台账', owner: dept('综合执法大队'), dueOn: dayOf(y17, 6, 15), cancelled: '工地已停工，纳入常规巡查' },
    ],
  });

  // Special study of geological hazards after the July rainstorm (this year's once past, else last year's).
  const ySpecial = dayOf(year, 7, 16) <= today ? year : year - 1;
  meetings.push({
    key: `special-geohazard:${ySpecial}`,
    organizationId: town.id,
    kind: 'SPECIAL',
    heldOn: dayOf(ySpecial, 7, 16),
    title: '强降雨后地质灾害专题研判会',
    topics: ['地质灾害', '强降雨'],
    conclusions: '7月14日至15日全镇普降大暴雨，双河村、龙山村新增裂缝2处。研判认为存在滑坡风险：对受威胁的8户23人实施临时避险转移，委托专业队伍开展应急调查。',
    otherParticipants: '区规划自然资源局、驻镇地质队员',
    departments: [emergency ?? undefined, dept('规建环保办') ?? undefined, dept('社事办') ?? undefined],
    items: [
      { description: '对双河村新增裂缝开展应急调查，设置警示牌和简易监测桩', owner: dept('规建环保办'), dueOn: dayOf(ySpecial, 7, 20), doneOn: dayOf(ySpecial, 7, 19), note: '已设置警示牌2块、监测桩6根' },
      { description: '落实受威胁8户23人临时安置和生活保障', owner: dept('社事办'), dueOn: dayOf(ySpecial, 7, 18), doneOn: dayOf(ySpecial, 7, 17), note: '投亲靠友5户，集中安置3户' },
      { description: '申报地质灾害工程治理项目，争取治理资金', owner: dept('规建环保办'), dueOn: dayOf(ySpecial, 9, 30) },
    ],
  });

  const regular = addDays(today, -20);
  meetings.push({
    key: 'regular:1',
    organizationId: town.id,
    kind: 'REGULAR',
    heldOn: regular,
    title: '安全生产和自然灾害防治形势会商会',
    topics: ['安全生产', '森林防火', '火灾防控'],
    conclusions: '当前重点是森林防火和人员密集场所火灾防控，加油站、燃气经营点纳入本月重点检查。',
    departments: [dept('镇安办') ?? undefined, emergency ?? undefined, dept('综合执法大队') ?? undefined, dept('平安办') ?? undefined],
    items: [
      { description: '开展森林防火宣传进村入户', owner: dept('农服中心'), dueOn: addDays(regular, 30) },
      { description: '排查镇域加油站、燃气经营点安全隐患', owner: dept('镇安办'), dueOn: addDays(regular, 15) },
      { description: '更新镇村两级应急值班表', owner: emergency, dueOn: addDays(regular, 10), doneOn: addDays(regular, 8), note: '值班表已印发' },
    ],
  });

  if (wenfeng) {
    const held = addDays(today, -35);
    meetings.push({
      key: 'village:wenfeng:1',
      organizationId: wenfeng.id,
      kind: 'REGULAR',
      heldOn: held,
      title: '文凤村地灾隐患点群测群防会商会',
      topics: ['地质灾害', '群测群防'],
      conclusions: '村内3处隐患点监测正常；落实监测员每日巡查记录，雨天加密。',
      departments: [],
      items: [
        { description: '落实隐患点监测员每日巡查记录', owner: null, ownerOrganizationId: wenfeng.id, ownerPersonId: wenfeng.officer_id, dueOn: addDays(held, 10), doneOn: addDays(held, 5), note: '巡查记录本已发放' },
        { description: '修缮隐患点周边排水沟', owner: null, ownerOrganizationId: wenfeng.id, ownerPersonId: wenfeng.officer_id, dueOn: addDays(held, 60) },
      ],
    });
  }

  let inserted = 0;
  for (const meeting of meetings) {
    const id = seedId(`rescue:consultations:${meeting.key}`);
    const created = await insertSeedConsultation(ctx, {
      id,
      organizationId: meeting.organizationId,
      kind: meeting.kind,
      heldOn: meeting.heldOn,
      title: meeting.title,
      topics: meeting.topics,
      conclusions: meeting.conclusions,
      otherParticipants: meeting.otherParticipants ?? null,
    });
    if (!created) continue;
    inserted++;
    await insertSeedDepartments(ctx, id, [...new Set(meeting.departments.filter((d): d is Department => Boolean(d)).map((d) => d.id))]);
    for (const [n, item] of meeting.items.entries()) {
      const ownerOrganizationId = item.ownerOrganizationId ?? item.owner?.id ?? null;
      const ownerPersonId = item.ownerPersonId ?? item.owner?.headId ?? null;
      if (!ownerOrganizationId && !ownerPersonId) continue;
      const done = item.doneOn && item.doneOn <= today ? item.doneOn : null;
      const status = item.cancelled ? 'CANCELLED' : done ? 'DONE' : 'OPEN';
      await insertSeedActionItem(ctx, id, {
        id: seedId(`rescue:consultations:${meeting.key}:item:${n}`),
        description: item.description,
        ownerOrganizationId,
        ownerPersonId,
        dueOn: item.dueOn,
        status,
        doneOn: status === 'DONE' ? done : null,
        note: item.cancelled ?? (status === 'DONE' ? (item.note ?? null) : null),
      });
    }
  }
  if (inserted) await audit(ctx, { action: 'rescue.consultation.seed', entityType: 'Consultation', entityId: null, changes: { inserted } });
}
