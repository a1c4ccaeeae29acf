import { SeedRandom, audit, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';

/** A generator per key (see SeedRandom), as a function for this file's many draws. */
function rng(key: string): () => number {
  const r = SeedRandom.of(key);
  return () => r.next();
}
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const HAZARD_TITLES: Record<string, readonly string[]> = {
  WORK_SAFETY: ['安全警示标志缺失', '特种作业人员证书过期', '危险作业未办理审批', '设备防护罩缺失', '安全培训记录不全', '应急预案未演练', '静电接地线松动', '有限空间作业未检测'],
  FIRE: ['灭火器压力不足', '疏散通道堆放杂物', '安全出口指示灯损坏', '消防栓水压不足', '电气线路私拉乱接', '消防控制室无人值守'],
  GEOLOGICAL: ['厂区后坡出现裂缝', '挡墙排水孔堵塞'],
  FLOOD: ['排水沟淤塞', '低洼仓库无防水挡板'],
};
const STATUSES = ['REPORTED', 'CONFIRMED', 'PLANNED', 'RECTIFYING', 'SUBMITTED', 'VERIFIED', 'CLOSED', 'CLOSED', 'CLOSED', 'REJECTED'] as const;
const STEPS: Record<string, readonly string[]> = {
  REPORTED: ['report'],
  REJECTED: ['report', 'reject'],
  CONFIRMED: ['report', 'confirm'],
  PLANNED: ['report', 'confirm', 'planRectification'],
  RECTIFYING: ['report', 'confirm', 'planRectification', 'startRectification'],
  SUBMITTED: ['report', 'confirm', 'planRectification', 'startRectification', 'submitRectification'],
  VERIFIED: ['report', 'confirm', 'planRectification', 'startRectification', 'submitRectification', 'verifyRectification'],
  CLOSED: ['report', 'confirm', 'planRectification', 'startRectification', 'submitRectification', 'verifyRectification', 'close'],
};
const TO: Record<string, string> = {
  report: 'REPORTED', reject: 'REJECTED', confirm: 'CONFIRMED', planRectification: 'PLANNED', startRectification: 'RECTIFYING',
  submitRectification: 'SUBMITTED', verifyRectification: 'VERIFIED', close: 'CLOSED',
};

/**
 * Demo hazards (3–7 per enterprise, every state, some major, some overdue) and risk points (every
 * village and high-risk enterprise, all four colours). Ids come from stable keys and rows that exist
 * are left alone, so seeding twice changes nothing. Dates are relative to the first seeding day.
 */
export async function seedRisk(ctx: RequestContext): Promise<void> {
  const m = ctx.manager;
  const enterprises: Array<{ id: string; high_risk: boolean; safety_manager_id: string | null }> = await m.query(
    `SELECT o.id, p.high_risk, p.safety_manager_id FROM organization o JOIN enterprise_profile p ON p.organization_id = o.id WHERE o.archived_at IS NULL ORDER BY o.code`,
  );
  let inserted = 0;
  for (const e of enterprises) {
    const r = rng(`hazards:${e.id}`);
    const count = 3 + Math.floor(r() * 5);
    for (let i = 0; i < count; i++) {
      const id = seedId(`hazard:${e.id}:${i}`);
      const category = r() < 0.65 ? 'WORK_SAFETY' : r() < 0.8 ? 'FIRE' : pick(r, ['GEOLOGICAL', 'FLOOD']);
      const status = pick(r, STATUSES);
      const major = status !== 'REPORTED' && status !== 'REJECTED' && r() < (e.high_risk ? 0.25 : 0.08);
      const foundDaysAgo = 5 + Math.floor(r() * 300);
      const deadlineOffset = 15 + Math.floor(r() * 45); // days after found
      const planned = !['REPORTED', 'REJECTED', 'CONFIRMED'].includes(status);
      const lateClose = r() < 0.1;
      const rows = await m.query(
        `INSERT INTO hazard (id, organization_id, title, category, source, found_at, status, grade, criteria_reference, measures, responsible_person_id, deadline, listed_supervision, closed_at, emergency_measures)
         VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6::int), $7::text, $8, $9, $10, $11,
                 CASE WHEN $12::boolean THEN (now() - make_interval(days => $6::int))::date + $13::int END, $14,
                 CASE WHEN $7::text = 'CLOSED' THEN now() - make_interval(days => $6::int) + make_interval(days => $13::int + CASE WHEN $15::boolean THEN 3 ELSE -2 END) END,
                 CASE WHEN $8::text = 'MAJOR' AND $12::boolean THEN '设置警戒区，停用相关设备，专人值守至整改完成' END)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          id,
          e.id,
          pick(r, HAZARD_TITLES[category]!),
          category,
          pick(r, ['SELF_CHECK', 'SELF_CHECK', 'INSPECTION', 'GRID_PATROL', 'EXPERT_VISIT', 'PUBLIC_REPORT']),
          foundDaysAgo,
          status,
          status === 'REPORTED' || status === 'REJECTED' ? null : major ? 'MAJOR' : 'GENERAL',
          major ? '重庆市重大事故隐患判定标准（相关行业）' : null,
          planned ? '按整改方案落实人防、物防、技防措施' : null,
          planned ? e.safety_manager_id : null,
          planned,
          deadlineOffset,
          major && r() < 0.5,
          lateClose,
        ],
      );
      if (!rows.length) continue;
      inserted++;
      const steps = STEPS[status]!;
      for (const [n, action] of steps.entries()) {
        await m.query(
          `INSERT INTO hazard_event (hazard_id, action, from_status, to_status, actor_kind, note, at)
           VALUES ($1, $2, $3, $4, 'system', NULL, now() - make_interval(days => $5::int) + make_interval(hours => $6::int))`,
          [id, action, n === 0 ? null : TO[steps[n - 1]!], TO[action], foundDaysAgo, n * 30],
        );
      }
    }
  }
  const villages: Array<{ id: string; name: string }> = await m.query(`SELECT id, name FROM organization WHERE kind IN ('VILLAGE','COMMUNITY') ORDER BY code`);
  const LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const;
  const points = [
    ...villages.map((v, i) => ({ key: `village:${v.id}`, org: v.id, name: `${v.name}${pick(rng(v.id), ['滑坡', '崩塌', '山洪沟'])}隐患点`, category: i % 3 === 0 ? 'FLOOD' : 'GEOLOGICAL', natural: true })),
    ...enterprises.filter((e) => e.high_risk).map((e) => ({ key: `enterprise:${e.id}`, org: e.id, name: '重点作业区域', category: 'WORK_SAFETY', natural: false })),
  ];
  for (const [i, p] of points.entries()) {
    const r = rng(`risk-point:${p.key}`);
    const rows = await m.query(
      `INSERT INTO risk_point (id, organization_id, name, category, level, threatened_households, threatened_people, review_due)
       VALUES ($1, $2, $3, $4, $5, $6, $7, (now() + make_interval(days => $8::int))::date) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [seedId(`risk-point:${p.key}`), p.org, p.name, p.category, LEVELS[i % 4], p.natural ? 3 + Math.floor(r() * 30) : null, p.natural ? 10 + Math.floor(r() * 90) : null, Math.floor(r() * 200) - 30],
    );
    if (!rows.length) continue;
    inserted++;
    await m.query(
      `INSERT INTO risk_control_measure (risk_point_id, kind, description) VALUES ($1, 'PERSONNEL', '专人巡查，汛期加密'), ($1, 'MANAGEMENT', '纳入应急预案并定期演练')`,
      [seedId(`risk-point:${p.key}`)],
    );
  }
  inserted += await seedRegisters(ctx, villages);
  inserted += await seedDisasterOfficers(ctx);
  if (inserted) await audit(ctx, { action: 'risk.seed', entityType: 'Hazard', entityId: null, changes: { inserted } });
}

/** A shelter per village or community (a school or square, some dual-use) and their fire facilities. */
async function seedRegisters(ctx: RequestContext, villages: ReadonlyArray<{ id: string; name: string }>): Promise<number> {
  const m = ctx.manager;
  let inserted = 0;
  for (const v of villages) {
    const r = rng(`registers:${v.id}`);
    const [place] = await m.query(`SELECT longitude, latitude FROM organization WHERE id = $1`, [v.id]);
    const shelter = seedId(`shelter:${v.id}`);
    const type = pick(r, ['OUTDOOR', 'OUTDOOR', 'SCHOOL', 'SPORTS_VENUE', 'INDOOR']);
    const rows = await m.query(
      `INSERT INTO shelter (id, organization_id, name, type, capacity, area_m2, longitude, latitude, dual_use, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [shelter, v.id, `${v.name}${type === 'SCHOOL' ? '学校操场' : type === 'SPORTS_VENUE' ? '文体活动中心' : type === 'INDOOR' ? '村民活动室' : '广场'}避难点`, type,
        100 + Math.floor(r() * 900), 500 + Math.floor(r() * 4000), place?.longitude ?? null, place?.latitude ?? null, r() < 0.4, r() < 0.9 ? 'AVAILABLE' : 'UNDER_REPAIR'],
    );
    if (rows.length) {
      inserted++;
      await m.query(`INSERT INTO shelter_inspection (shelter_id, inspected_on, result, findings) VALUES ($1, (now() - make_interval(days => $2::int))::date, $3, $4)`, [
        shelter,
        10 + Math.floor(r() * 150),
        r() < 0.8 ? 'PASSED' : 'ISSUES_FOUND',
        '标识牌褪色，应急照明待更换',
      ]);
    }
    for (const [i, kind] of (['HYDRANT', 'EXTINGUISHER', 'FIRE_CABINET'] as const).entries()) {
      const facility = await m.query(
        `INSERT INTO fire_facility (id, organization_id, kind, description, quantity, last_inspected_on, inspection_interval_days, status)
         VALUES ($1, $2, $3, $4, $5, (now() - make_interval(days => $6::int))::date, 30, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [seedId(`fire-facility:${v.id}:${i}`), v.id, kind, `${v.name}${['村委会旁市政消火栓', '村委会干粉灭火器', '微型消防站器材柜'][i]}`, kind === 'EXTINGUISHER' ? 4 + Math.floor(r() * 8) : 1,
          Math.floor(r() * 60), r() < 0.9 ? 'OK' : 'FAULTY'],
      );
      inserted += facility.length;
    }
  }
  return inserted;
}

/**
 * The villages' 灾害信息员 positions become A-post officers and their 应急专干 (when another person)
 * the B post, each with the district's yearly training; ids derive from the position ids.
 */
async function seedDisasterOfficers(ctx: RequestContext): Promise<number> {
  const officers = await ctx.manager.query(
    `INSERT INTO disaster_information_officer (id, organization_id, person_id, role, appointed_on)
     SELECT md5('officer:' || pp.id)::uuid, pp.organization_id, pp.person_id,
            CASE WHEN pp.title = '灾害信息员' THEN 'A' ELSE 'B' END, coalesce(pp.started_on, DATE '2023-01-01')
     FROM person_position pp JOIN organization o ON o.id = pp.organization_id
     WHERE o.kind IN ('VILLAGE', 'COMMUNITY') AND pp.ended_on IS NULL
       AND (pp.title = '灾害信息员'
            OR (pp.title = '应急专干' AND NOT EXISTS (SELECT 1 FROM person_position a WHERE a.organization_id = pp.organization_id AND a.person_id = pp.person_id AND a.title = '灾害信息员')))
     ON CONFLICT DO NOTHING RETURNING id`,
  );
  const trainings = await ctx.manager.query(
    `INSERT INTO training_record (id, person_id, topic, kind, trained_on, hours, provider)
     SELECT md5('training:' || d.id)::uuid, d.person_id, '灾害信息员业务能力提升培训', 'DISASTER_INFORMATION', DATE '2025-04-18', 8, '南川区应急管理局'
     FROM disaster_information_officer d
     ON CONFLICT DO NOTHING RETURNING id`,
  );
  return officers.length + trainings.length;
}
