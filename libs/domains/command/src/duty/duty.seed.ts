import { SeedRandom, audit, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { addDays } from './duty.sql';

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

/** Current positions' persons of the organizations (seed keys), leads or not, deduplicated, in a stable order. */
async function personsAt(ctx: RequestContext, orgKeys: readonly string[], lead: boolean): Promise<Pool> {
  const rows: Array<{ person_id: string }> = await ctx.manager.query(
    `SELECT DISTINCT ON (pp.person_id) pp.person_id, o.code, pp.title, p.name
       FROM person_position pp JOIN person p ON p.id = pp.person_id JOIN organization o ON o.id = pp.organization_id
      WHERE pp.organization_id = ANY($1::uuid[]) AND pp.ended_on IS NULL AND p.archived_at IS NULL AND pp.is_lead = $2
      ORDER BY pp.person_id`,
    [orgKeys.map((k) => seedId(`org:${k}`)), lead],
  );
  return rows.map((r) => r.person_id).sort();
}

/** Persons of a village: its lead, and as staff its other officers and the grid workers of its grids. */
async function villagePools(ctx: RequestContext, villageKey: string): Promise<{ leaders: Pool; staff: Pool }> {
  const grids: Array<{ id: string }> = await ctx.manager.query(`SELECT id FROM organization WHERE parent_id = $1 AND kind = 'GRID' AND archived_at IS NULL`, [seedId(`org:${villageKey}`)]);
  const staffRows: Array<{ person_id: string }> = await ctx.manager.query(
    `SELECT DISTINCT pp.person_id FROM person_position pp JOIN person p ON p.id = pp.person_id
      WHERE pp.ended_on IS NULL AND p.archived_at IS NULL AND NOT pp.is_lead AND (pp.organization_id = $1 OR pp.organization_id = ANY($2::uuid[]))`,
    [seedId(`org:${villageKey}`), grids.map((g) => g.id)],
  );
  return { leaders: await personsAt(ctx, [villageKey], true), staff: staffRows.map((r) => r.person_id).sort() };
}

interface Row {
  id: string;
  shiftId: string;
  day: string;
  personId: string;
  role: 'LEADER' | 'STAFF';
  status: string;
  note: string | null;
}

/**
 * A month of demo rosters (14 days back to 16 days ahead of the seeding day, China time) with
 * deliberate gaps (a command-room day shift without a leader, a night without staff, a village day
 * without staff) and one double booking (an officer of 平安办 on the town night shift and, the same
 * night, on 双河村's 24-hour shift). Past assignments are handed over with notes; future ones are
 * assigned or confirmed. Ids come from the shift, the calendar day and the person, and a slot (shift ×
 * day) that has assignments already is left alone, so seeding again inserts nothing even when positions changed meanwhile.
 */
export async function seedDuty(ctx: RequestContext): Promise<void> {
  const m = ctx.manager;
  const orgs: Array<{ id: string }> = await m.query(`SELECT id FROM organization WHERE id = ANY($1::uuid[])`, [SHIFTS.map((s) => seedId(`org:${s.org}`))]);
  const present = new Set(orgs.map((o) => o.id));
  const shifts = SHIFTS.filter((s) => present.has(seedId(`org:${s.org}`)));
  let inserted = 0;
  for (const s of shifts) {
    const rows = await m.query(
      `INSERT INTO duty_shift (id, organization_id, name, starts_at, duration_minutes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [seedId(`rescue:duty:shift:${s.key}`), seedId(`org:${s.org}`), s.name, s.startsAt, s.minutes],
    );
    inserted += rows.length;
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

  if (rows.length) {
    const result = await m.query(
      `INSERT INTO duty_assignment (id, shift_id, organization_id, day, person_id, role, status, confirmed_at, checked_in_at, handed_over_at, hand_over_note)
       SELECT v.id, s.id, s.organization_id, v.day, v.person_id, v.role, v.status,
              CASE WHEN v.status <> 'ASSIGNED' THEN LEAST(now() - interval '1 hour', t.start - interval '1 day') END,
              CASE WHEN v.status IN ('CHECKED_IN','HANDED_OVER') THEN t.start + interval '3 minutes' END,
              CASE WHEN v.status = 'HANDED_OVER' THEN t.start + make_interval(mins => s.duration_minutes) END,
              v.note
         FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::uuid[], $5::text[], $6::text[], $7::text[]) AS v(id, shift_id, day, person_id, role, status, note)
         JOIN duty_shift s ON s.id = v.shift_id AND s.archived_at IS NULL
         CROSS JOIN LATERAL (SELECT (v.day + CAST(s.starts_at AS time)) AT TIME ZONE 'Asia/Shanghai' AS start) t
        WHERE NOT EXISTS (SELECT 1 FROM duty_assignment x WHERE x.shift_id = v.shift_id AND x.day = v.day)
       ON CONFLICT DO NOTHING RETURNING id`,
      [rows.map((r) => r.id), rows.map((r) => r.shiftId), rows.map((r) => r.day), rows.map((r) => r.personId), rows.map((r) => r.role), rows.map((r) => r.status), rows.map((r) => r.note)],
    );
    inserted += result.length;
  }
  if (inserted) await audit(ctx, { action: 'rescue.duty.seed', entityType: 'DutyAssignment', entityId: null, changes: { inserted } });
}
