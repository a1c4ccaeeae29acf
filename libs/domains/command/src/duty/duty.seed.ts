import { addDays, SeedRandom, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons, Positions, seedId } from '@platform/directory';
import { insertSeedAssignments, insertSeedShift, type SeedAssignment } from './duty-seed.sql';

/** Why the seed reads the directory whatever the scope: seeding is not on a caller's behalf. */
const SEEDING = 'seeding the demo duty rosters (not on a caller\'s behalf)';
const byId = [{ column: 't.id', direction: SortDirection.ASC }];

/** Demo shifts: the joint command room (联合指挥室) at the town government, 应急办, and four villages. */
const SHIFTS = [
  { key: 'town-day', org: 'town', name: '联合指挥室白班', startsAt: '08:30', minutes: 540 },
  { key: 'town-night', org: 'town', name: '联合指挥室夜班', startsAt: '17:30', minutes: 900 },
  { key: 'emergency-24h', org: 'dept-emergency', name: '应急办24小时值班', startsAt: '08:30', minutes: 1440 },
  { key: 'wenfeng-24h', org: 'village-wenfeng', name: '村委会24小时值班', startsAt: '08:30', minutes: 1440 },
  { key: 'shuanghe-24h', org: 'village-shuanghe', name: '村委会24小时值班', startsAt: '08:30', minutes: 1440 },
  { key: 'longshan-24h', org: 'village-longshan', name: '村委会24小时值班', startsAt: '08:30', minutes: 1440 },
  { key: 'shixi-24h', org: 'village-shixi', name: '村委会24小时值班', startsAt: '08:30', minutes: 1440 },
] as const;

const NOTES = [
  '本班接报群众来电2起，均已转相关村处置；龙山村滑坡隐患点巡查无异常。待办：明日复查石溪村排水沟清淤情况。',
  '夜间降雨约15毫米，已通知各村加强地灾隐患点巡查，各村均已回复。待办：关注区气象台暴雨预警更新。',
  '值班期间无突发事件。检查应急物资仓库，冲锋舟油料充足。待办：补充救生衣10件。',
  '协调处置金龙村道路塌方一处，已设置警示标志并安排专人值守。待办：联系交通部门明日清理塌方土石。',
  '收到区应急局防汛工作通知一份，已呈报分管领导。待办：按通知要求周五前上报下周值班表。',
  '村内巡查3次，重点查看独居老人家庭用电和房屋安全，无异常。',
  '接收镇值班室转来的气象预警，已通过村广播和微信群发布。待办：明早复核低洼地带住户转移名单。',
  '处置一起山林烟点报告，经核实为农户焚烧秸秆，已劝导熄灭并宣传森林防火规定。',
];

const ROSTER_FROM = -14;
const ROSTER_TO = 16;

type Pool = readonly string[];

/** The active persons holding a current position (a lead one or not) at the organizations, deduplicated, in a stable order. */
async function activeHolders(ctx: RequestContext, organizationIds: readonly string[], lead: boolean | null): Promise<Pool> {
  let positions = unscoped(ctx, Positions, SEEDING).where(sql`t.ended_on IS NULL AND t.organization_id = ANY(CAST(${organizationIds} AS uuid[]))`);
  if (lead !== null) positions = positions.where(sql`t.is_lead = ${lead}`);
  const personIds = [...new Set((await positions.list({ keys: byId, limit: 10_000 })).map((p) => p.personId))];
  const persons = await unscoped(ctx, Persons, SEEDING).many(personIds, ['archivedAt']);
  return persons.filter((p) => p !== null && !p.archivedAt).map((p) => p!.id).sort();
}

/** Current positions' persons of the organizations (seed keys), leads or not, deduplicated, in a stable order. */
function personsAt(ctx: RequestContext, orgKeys: readonly string[], lead: boolean): Promise<Pool> {
  return activeHolders(ctx, orgKeys.map((k) => seedId(`org:${k}`)), lead);
}

/** Persons of a village: its lead, and as staff its other officers and the grid workers of its grids. */
async function villagePools(ctx: RequestContext, villageKey: string): Promise<{ leaders: Pool; staff: Pool }> {
  const village = seedId(`org:${villageKey}`);
  const grids = await unscoped(ctx, Organizations, SEEDING).where(sql`t.parent_id = ${village} AND t.kind = ${OrganizationKind.GRID} AND t.archived_at IS NULL`).list({ keys: byId, limit: 1000 });
  return { leaders: await personsAt(ctx, [villageKey], true), staff: await activeHolders(ctx, [village, ...grids.map((g) => g.id)], false) };
}

type Row = SeedAssignment;

/**
 * A month of demo rosters (14 days back to 16 days ahead of the seeding day, China time) with
 * deliberate gaps (a command-room day shift without a leader, a night without staff, a village day
 * without staff) and one double booking (an officer of 平安办 on the town night shift and, the same
 * night, on 双河村's 24-hour shift). Past assignments are handed over with notes; future ones are
 * assigned or confirmed. Ids come from the shift, the calendar day and the person, and a slot (shift ×
 * day) that has assignments already is left alone, so seeding again inserts nothing even when positions changed meanwhile.
 */
export async function seedDuty(ctx: RequestContext): Promise<void> {
  const orgs = await unscoped(ctx, Organizations, SEEDING).many(SHIFTS.map((s) => seedId(`org:${s.org}`)), ['id']);
  const present = new Set(orgs.filter((o) => o !== null).map((o) => o!.id));
  const shifts = SHIFTS.filter((s) => present.has(seedId(`org:${s.org}`)));
  let inserted = 0;
  for (const s of shifts) {
    inserted += await insertSeedShift(ctx, { id: seedId(`rescue:duty:shift:${s.key}`), organizationId: seedId(`org:${s.org}`), name: s.name, startsAt: s.startsAt, minutes: s.minutes });
  }

  const pools = new Map<string, { leaders: Pool; staff: Pool }>();
  pools.set('town', { leaders: [...(await personsAt(ctx, ['town'], true)), ...(await personsAt(ctx, ['town'], false)), ...(await personsAt(ctx, ['dept-office', 'dept-safety'], true))], staff: await personsAt(ctx, ['dept-office', 'dept-safety'], false) });
  pools.set('dept-emergency', { leaders: await personsAt(ctx, ['dept-emergency', 'dept-agriculture'], true), staff: await personsAt(ctx, ['dept-emergency', 'dept-agriculture', 'dept-social'], false) });
  for (const s of shifts) if (s.org.startsWith('village-')) pools.set(s.org, await villagePools(ctx, s.org));
  const [doubleBooked] = await personsAt(ctx, ['dept-peace'], false);

  const today = ctx.clock.today();
  const rows: Row[] = [];
  const add = (shiftKey: string, day: string, offset: number, personId: string | undefined, role: Row['role']) => {
    if (!personId) return;
    const id = seedId(`rescue:duty:assignment:${shiftKey}:${day}:${personId}`);
    const r = SeedRandom.of(id);
    const status = offset < 0 ? 'HANDED_OVER' : offset === 0 ? 'CONFIRMED' : r.chance(offset <= 3 ? 0.9 : offset <= 7 ? 0.6 : 0.3) ? 'CONFIRMED' : 'ASSIGNED';
    rows.push({ id, shiftId: seedId(`rescue:duty:shift:${shiftKey}`), day, personId, role, status, note: status === 'HANDED_OVER' ? r.pick(NOTES) : null });
  };
  for (let offset = ROSTER_FROM; offset <= ROSTER_TO; offset++) {
    const day = addDays(today, offset);
    const e = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000); // the calendar day's number: the same day gets the same people whenever seeded
    for (const s of shifts) {
      const pool = pools.get(s.org)!;
      const at = (list: Pool, i: number) => (list.length ? list[((i % list.length) + list.length) % list.length] : undefined);
      const night = s.key === 'town-night' ? 3 : 0;
      const noLeader = s.key === 'town-day' && offset === 5;
      const noStaff = (s.key === 'town-night' && offset === 9) || (s.key === 'wenfeng-24h' && offset === 7);
      if (!noLeader) add(s.key, day, offset, at(pool.leaders, e + night), 'LEADER');
      if (noStaff) continue;
      const first = at(pool.staff, 2 * e + night);
      const second = s.org.startsWith('village-') ? undefined : at(pool.staff, 2 * e + night + 1);
      add(s.key, day, offset, first, 'STAFF');
      if (second !== first) add(s.key, day, offset, second, 'STAFF');
    }
    if (offset === 3 && doubleBooked) {
      add('town-night', day, offset, doubleBooked, 'STAFF');
      add('shuanghe-24h', day, offset, doubleBooked, 'STAFF');
    }
  }

  inserted += await insertSeedAssignments(ctx, rows, ctx.clock.now());
  if (inserted) await audit(ctx, { action: 'rescue.duty.seed', entityType: 'DutyAssignment', entityId: null, changes: { inserted } });
}
