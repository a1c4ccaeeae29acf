import { SeedRandom, audit, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import {
  insertSeedDisasterOfficers,
  insertSeedFireFacility,
  insertSeedHazard,
  insertSeedHazardStep,
  insertSeedRiskPoint,
  insertSeedShelter,
  insertSeedShelterInspection,
  seedEnterprises,
  seedVillages,
  type SeedVillage,
} from './seed-risk.sql';

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
  const enterprises = await seedEnterprises(ctx);
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
      // The draws below keep their order (title, source, listed supervision): the same seed, the same data.
      const title = pick(r, HAZARD_TITLES[category]!);
      const source = pick(r, ['SELF_CHECK', 'SELF_CHECK', 'INSPECTION', 'GRID_PATROL', 'EXPERT_VISIT', 'PUBLIC_REPORT']);
      const listedSupervision = major && r() < 0.5;
      const isNew = await insertSeedHazard(ctx, {
        id,
        organizationId: e.id,
        title,
        category,
        source,
        foundDaysAgo,
        status,
        grade: status === 'REPORTED' || status === 'REJECTED' ? null : major ? 'MAJOR' : 'GENERAL',
        criteriaReference: major ? '重庆市重大事故隐患判定标准（相关行业）' : null,
        measures: planned ? '按整改方案落实人防、物防、技防措施' : null,
        responsiblePersonId: planned ? e.safety_manager_id : null,
        planned,
        deadlineOffset,
        listedSupervision,
        lateClose,
      });
      if (!isNew) continue;
      inserted++;
      const steps = STEPS[status]!;
      for (const [n, action] of steps.entries()) {
        await insertSeedHazardStep(ctx, id, action, n === 0 ? null : TO[steps[n - 1]!]!, TO[action]!, foundDaysAgo, n * 30);
      }
    }
  }
  const villages = await seedVillages(ctx);
  const LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'] as const;
  const points = [
    ...villages.map((v, i) => ({ key: `village:${v.id}`, org: v.id, name: `${v.name}${pick(rng(v.id), ['滑坡', '崩塌', '山洪沟'])}隐患点`, category: i % 3 === 0 ? 'FLOOD' : 'GEOLOGICAL', natural: true })),
    ...enterprises.filter((e) => e.high_risk).map((e) => ({ key: `enterprise:${e.id}`, org: e.id, name: '重点作业区域', category: 'WORK_SAFETY', natural: false })),
  ];
  for (const [i, p] of points.entries()) {
    const r = rng(`risk-point:${p.key}`);
    const threatenedHouseholds = p.natural ? 3 + Math.floor(r() * 30) : null;
    const threatenedPeople = p.natural ? 10 + Math.floor(r() * 90) : null;
    const reviewInDays = Math.floor(r() * 200) - 30;
    const isNew = await insertSeedRiskPoint(ctx, { id: seedId(`risk-point:${p.key}`), organizationId: p.org, name: p.name, category: p.category, level: LEVELS[i % 4]!, threatenedHouseholds, threatenedPeople, reviewInDays });
    if (isNew) inserted++;
  }
  inserted += await seedRegisters(ctx, villages);
  inserted += await insertSeedDisasterOfficers(ctx);
  if (inserted) await audit(ctx, { action: 'risk.seed', entityType: 'Hazard', entityId: null, changes: { inserted } });
}

/** A shelter per village or community (a school or square, some dual-use) and their fire facilities. */
async function seedRegisters(ctx: RequestContext, villages: readonly SeedVillage[]): Promise<number> {
  let inserted = 0;
  for (const v of villages) {
    const r = rng(`registers:${v.id}`);
    const shelter = seedId(`shelter:${v.id}`);
    const type = pick(r, ['OUTDOOR', 'OUTDOOR', 'SCHOOL', 'SPORTS_VENUE', 'INDOOR']);
    const name = `${v.name}${type === 'SCHOOL' ? '学校操场' : type === 'SPORTS_VENUE' ? '文体活动中心' : type === 'INDOOR' ? '村民活动室' : '广场'}避难点`;
    const capacity = 100 + Math.floor(r() * 900);
    const areaM2 = 500 + Math.floor(r() * 4000);
    const dualUse = r() < 0.4;
    const status = r() < 0.9 ? 'AVAILABLE' : 'UNDER_REPAIR';
    if (await insertSeedShelter(ctx, { id: shelter, organizationId: v.id, name, type, capacity, areaM2, longitude: v.longitude, latitude: v.latitude, dualUse, status })) {
      inserted++;
      const daysAgo = 10 + Math.floor(r() * 150);
      await insertSeedShelterInspection(ctx, shelter, daysAgo, r() < 0.8 ? 'PASSED' : 'ISSUES_FOUND', '标识牌褪色，应急照明待更换');
    }
    for (const [i, kind] of (['HYDRANT', 'EXTINGUISHER', 'FIRE_CABINET'] as const).entries()) {
      const quantity = kind === 'EXTINGUISHER' ? 4 + Math.floor(r() * 8) : 1;
      const inspectedDaysAgo = Math.floor(r() * 60);
      const facilityStatus = r() < 0.9 ? 'OK' : 'FAULTY';
      const isNew = await insertSeedFireFacility(ctx, {
        id: seedId(`fire-facility:${v.id}:${i}`),
        organizationId: v.id,
        kind,
        description: `${v.name}${['村委会旁市政消火栓', '村委会干粉灭火器', '微型消防站器材柜'][i]}`,
        quantity,
        inspectedDaysAgo,
        status: facilityStatus,
      });
      if (isNew) inserted++;
    }
  }
  return inserted;
}
