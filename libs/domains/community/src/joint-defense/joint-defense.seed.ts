import { SeedRandom, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Person, Persons, Position, Positions, seedId } from '@platform/directory';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Household, JointDefenseGroup, type StoredContact } from './joint-defense.entity';
import { insertSeedRows } from './joint-defense.seed.sql';

/** More organizations or positions than the demo directory has: the seed reads them all. */
const SEED_LIMIT = 10_000;

const SURNAMES = [...'刘刘刘陈陈陈张张张王王李李杨杨黄赵周吴徐胡何罗唐唐冯邓邓曾彭蒋余余谭谭冉冉向向秦秦母甘付雷龚文韦万'];
const MALE_GIVEN = [...'伟刚勇毅俊峰强军平东文辉明永健志兴良海山波贵福龙全学祥才发武新利清富顺昌成康光天达安中茂进林和德盛洪川春云华国忠'];
const FEMALE_GIVEN = [...'秀娟英华慧巧美淑惠翠芝玉萍红玲芬芳燕彩春菊兰凤洁梅素云莲荣霞香月艳琼勤珍桂叶秋琴蓉'];
const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '150', '151', '152', '157', '158', '159', '173', '177', '180', '181', '183', '187', '189', '199'];
/** Streets of the two communities (villages use 组 numbers instead). */
const STREETS: Record<string, readonly string[]> = { 南平社区: ['南平大街', '新街', '河街', '文化路'], 龙门社区: ['龙门路', '滨河路', '龙门街', '工业路'] };
const NOTES = ['行动不便', '长期卧床', '孕妇', '慢性病需定期用药', '听力障碍'];

const chineseName = (r: SeedRandom, male: boolean): string => {
  const given = male ? MALE_GIVEN : FEMALE_GIVEN;
  const first = r.pick(given);
  return r.pick(SURNAMES) + first + (r.chance(0.3) ? '' : r.pick(given.filter((c) => c !== first)));
};
const mobile = (r: SeedRandom): string => r.pick(MOBILE_PREFIXES) + Array.from({ length: 8 }, () => r.int(0, 9)).join('');
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

interface Place {
  id: string;
  name: string;
  kind: string;
}

/**
 * 十户联防 demo data: 2–4 groups in every village and community, placed in its grids, each led by a
 * villager (inserted as a person holding the position 十户联防组长 in the grid, so the grid and village
 * officers can read them), the grid's 网格员 as deputy in every other group, and 8–12 households with
 * about 15% vulnerable ones. Ids come from stable keys and rows that exist are left alone, so
 * seeding twice inserts nothing.
 */
export async function seedJointDefense(ctx: RequestContext): Promise<void> {
  const reason = 'seed: the demo data is not on a caller\'s behalf';
  const organizations = unscoped(ctx, Organizations, reason).where(sql`t.archived_at IS NULL`);
  const villages: Place[] = await organizations.where(sql`t.kind IN ('VILLAGE', 'COMMUNITY')`).list({ keys: [{ column: 't.code', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: SEED_LIMIT });
  const gridRows = await organizations.where(sql`t.kind = 'GRID'`).list({ keys: [{ column: 't.name', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: SEED_LIMIT });
  // Each grid's 网格员: the first current position of that title there, and the person holding it.
  const gridmanPositions = gridRows.length
    ? await unscoped(ctx, Positions, reason)
        .where(sql`t.title = '网格员' AND t.ended_on IS NULL AND t.organization_id = ANY(CAST(${gridRows.map((g) => g.id)} AS uuid[]))`)
        .list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: SEED_LIMIT })
    : [];
  const gridmanOf = new Map<string, string>();
  for (const p of gridmanPositions) if (!gridmanOf.has(p.organizationId)) gridmanOf.set(p.organizationId, p.personId);
  const gridmen = await unscoped(ctx, Persons, reason).many([...new Set(gridmanOf.values())]);
  const gridmanById = new Map(gridmen.filter((p): p is Person => p !== null).map((p) => [p.id, p]));
  const grids = gridRows.map((g) => {
    const gridman = gridmanById.get(gridmanOf.get(g.id) ?? '') ?? null;
    return { id: g.id, name: g.name, kind: g.kind, parent_id: g.parentId, gridman_id: gridman?.id ?? null, gridman_name: gridman?.name ?? null, gridman_phone: gridman?.phone ?? null };
  });
  const persons: Array<Partial<Person>> = [];
  const positions: Array<Partial<Position>> = [];
  const groups: Array<Partial<JointDefenseGroup>> = [];
  const households: Array<Partial<Household>> = [];
  for (const v of villages) {
    const r = SeedRandom.of(`rescue:joint-defense:${v.id}`);
    // 第一网格, 第二网格…: in the order of their numeral (names sort 一, 三, 二).
    const own = grids.filter((g) => g.parent_id === v.id).sort((a, b) => CN.indexOf(a.name.slice(-3, -2)) - CN.indexOf(b.name.slice(-3, -2)));
    const streets = STREETS[v.name];
    const count = r.int(2, 4);
    for (let n = 1; n <= count; n++) {
      const key = `${v.id}:${n}`;
      const gr = SeedRandom.of(`rescue:joint-defense:group:${key}`);
      const grid = own.length ? own[(n - 1) % own.length]! : null;
      const section = streets ? gr.pick(streets) : `${gr.int(1, 8)}组`;
      const leaderId = seedId(`person:rescue-jd-${key}-leader`);
      const male = gr.chance(0.7);
      const leader = { id: leaderId, name: chineseName(gr, male), gender: male ? 'MALE' : 'FEMALE', phone: mobile(gr), idNumber: null, archivedAt: null } as Partial<Person>;
      persons.push(leader);
      positions.push({ id: seedId(`position:rescue-jd-${key}-leader`), personId: leaderId, organizationId: grid?.id ?? v.id, title: '十户联防组长', isLead: false, startedOn: `202${gr.int(2, 4)}-0${gr.int(1, 9)}-1${gr.int(0, 9)}`, endedOn: null });
      const deputy = grid?.gridman_id && n % 2 === 0 ? grid : null;
      const groupId = seedId(`rescue:joint-defense:group:${key}`);
      const contacts: StoredContact[] = [{ name: leader.name!, role: '联防组长', phone: leader.phone! }];
      if (deputy) contacts.push({ name: deputy.gridman_name!, role: '网格员', phone: deputy.gridman_phone ?? mobile(gr) });
      const size = gr.int(8, 12);
      const informant = gr.int(0, size - 1);
      for (let i = 0; i < size; i++) {
        const hr = SeedRandom.of(`rescue:joint-defense:household:${key}:${i}`);
        const headName = chineseName(hr, hr.chance(0.75));
        const phone = hr.chance(0.9) ? mobile(hr) : null;
        const vulnerable = hr.chance(0.15);
        const kind = vulnerable ? hr.int(0, 3) : -1;
        const memberCount = kind === 0 ? 1 : hr.int(2, 6);
        households.push({
          id: seedId(`rescue:joint-defense:household:${key}:${i}`),
          groupId,
          organizationId: grid?.id ?? v.id,
          headName,
          headPersonId: null,
          address: streets ? `${v.name}${section}${hr.int(1, 260)}号` : `${v.name}${section}`,
          phone,
          memberCount,
          elderlyLivingAlone: kind === 0,
          disabledMembers: kind === 1 ? 1 : 0,
          childrenMembers: kind === 2 ? hr.int(1, Math.min(3, memberCount - 1)) : 0,
          vulnerabilityNote: kind === 3 ? hr.pick(NOTES) : null,
          archivedAt: null,
        });
        if (i === informant && phone) contacts.push({ name: headName, role: '信息员', phone });
      }
      groups.push({
        id: groupId,
        organizationId: grid?.id ?? v.id,
        name: `${v.name}${section}第${CN[n]}联防组`,
        area: streets ? `${v.name}${section}片区` : `${v.name}${section}`,
        leaderPersonId: leaderId,
        deputyPersonId: deputy?.gridman_id ?? null,
        contacts,
        archivedAt: null,
      });
    }
  }
  const insert = (entity: EntityTarget<ObjectLiteral>, rows: object[]): Promise<number> => insertSeedRows(ctx, entity, rows);
  let inserted = await insert(Person, persons);
  inserted += await insert(Position, positions);
  inserted += await insert(JointDefenseGroup, groups);
  inserted += await insert(Household, households);
  if (inserted) await audit(ctx, { action: 'rescue.joint-defense.seed', entityType: 'JointDefenseGroup', entityId: null, changes: { inserted } });
}
