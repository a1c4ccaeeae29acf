import { audit, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { insertSeedEquipment, insertSeedPlans, type SeedEquipmentRow, type SeedPlanRow } from './equipment.seed.sql';

const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded piece of equipment, by its key (e.g. `jinxing-furnace-old`). */
export const equipmentSeedId = (key: string): string => seedId(`scenarios:equipment:${key}`);
/** The id of a seeded renewal plan, by its key. */
export const renewalPlanSeedId = (key: string): string => seedId(`scenarios:renewal-plan:${key}`);

/**
 * The office's catalogue note for the foundry's furnace. The national catalogue of eliminated
 * processes and equipment was not researched for this demo: the text is what an office would write,
 * marked for checking, not a citation.
 */
const FURNACE_REFERENCE = '《产业结构调整指导目录》淘汰类 落后生产工艺装备（无芯工频感应电炉；具体条目由镇安办核对后填写）';

/** [key, enterprise key, name, kind, model, installed year, catalogue reference (eliminated), retired on]. */
type SeedEquipment = readonly [string, string, string, string, string | null, number, string | null, string | null];

const EQUIPMENT: readonly SeedEquipment[] = [
  ['sinopec-dispenser-1', 'ent-sinopec-nanping', '1号潜油泵加油机', 'PRODUCTION', '税控燃油加油机 4枪', 2015, null, null],
  ['sinopec-vapour-recovery', 'ent-sinopec-nanping', '油气回收在线监测系统', 'SAFETY_FACILITY', null, 2019, null, null],
  ['sinopec-tank-gauge-2009', 'ent-sinopec-nanping', '储罐液位仪（磁致伸缩）', 'SAFETY_FACILITY', 'LT-200', 2009, null, '2026-10-15'],
  ['sinopec-tank-gauge-2026', 'ent-sinopec-nanping', '储罐液位仪（带高低液位报警）', 'SAFETY_FACILITY', 'LT-500', 2026, null, null],
  ['jinxing-furnace-old', 'ent-jinxing-foundry', '无芯工频感应电炉', 'PRODUCTION', 'GW-1.5t', 2006, FURNACE_REFERENCE, null],
  ['jinxing-crane', 'ent-jinxing-foundry', '铸造车间桥式起重机', 'SPECIAL_EQUIPMENT', 'QD 10t-16.5m', 2010, null, null],
  ['jinxing-dust', 'ent-jinxing-foundry', '布袋除尘器', 'SAFETY_FACILITY', 'DMC-96', 2018, null, null],
  ['hongfa-crusher', 'ent-hongfa-quarry', '颚式破碎机', 'PRODUCTION', 'PE-600×900', 2011, null, null],
  ['hongfa-compressor', 'ent-hongfa-quarry', '螺杆空气压缩机', 'PRODUCTION', 'LG-10/8', 2015, null, null],
  ['lvyuan-boiler', 'ent-lvyuan-bamboo-shoots', '燃煤蒸汽锅炉', 'SPECIAL_EQUIPMENT', 'DZL2-1.25', 2008, null, null],
  ['lvyuan-sterilizer', 'ent-lvyuan-bamboo-shoots', '卧式杀菌锅（压力容器）', 'SPECIAL_EQUIPMENT', 'SQ-1200', 2016, null, null],
];

/** [key, equipment key, action, description, due, done on, evidence]. */
type SeedPlan = readonly [string, string, string, string, string, string | null, string | null];

const PLANS: readonly SeedPlan[] = [
  ['sinopec-tank-gauge', 'sinopec-tank-gauge-2009', 'REPLACE', '更换为带高低液位报警和联锁的液位仪', '2026-10-31', '2026-10-15', '供货及安装验收单 NP-2026-118，高低液位报警联调记录'],
  ['jinxing-furnace', 'jinxing-furnace-old', 'REPLACE', '淘汰工频感应电炉，更换为中频感应电炉并加装冷却水断水报警', '2026-09-30', null, null],
  ['jinxing-crane', 'jinxing-crane', 'RETROFIT', '起重机加装起重量限制器和超速保护', '2027-06-30', null, null],
  ['hongfa-crusher', 'hongfa-crusher', 'RETROFIT', '破碎机加装防护罩和急停装置', '2026-12-31', null, null],
  ['lvyuan-boiler', 'lvyuan-boiler', 'REPLACE', '燃煤锅炉改为燃气蒸汽发生器', '2027-03-31', null, null],
];

/**
 * The demo equipment of a few enterprises (deterministic): the gas station's replaced tank gauge
 * (a plan done with evidence), the foundry's eliminated line-frequency furnace still in service with
 * an overdue replacement plan, a quarry's crusher retrofit due at the year's end, a food works' coal
 * boiler to replace. Idempotent; nothing when the directory holds no town.
 */
export async function seedEquipment(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  const present = new Set((await unscoped(ctx, Organizations, SEEDING).many([...new Set(EQUIPMENT.map((e) => seedId(`org:${e[1]}`)))], ['id'])).filter((o) => o !== null).map((o) => o!.id));
  const rows: SeedEquipmentRow[] = EQUIPMENT.filter((e) => present.has(seedId(`org:${e[1]}`))).map(([key, enterprise, name, kind, model, installedYear, catalogueReference, retiredOn]) => ({
    id: equipmentSeedId(key),
    enterpriseId: seedId(`org:${enterprise}`),
    name,
    kind,
    model,
    installedYear,
    catalogueReference,
    retiredOn,
  }));
  const plans: SeedPlanRow[] = PLANS.map(([key, equipment, action, description, dueOn, doneOn, evidenceNote]) => ({ id: renewalPlanSeedId(key), equipmentId: equipmentSeedId(equipment), action, description, dueOn, doneOn, evidenceNote }));
  const inserted = await insertSeedEquipment(ctx, rows);
  const planned = await insertSeedPlans(ctx, plans);
  if (inserted + planned) {
    await audit(ctx, { action: 'scenarios.equipment.seed', entityType: 'EnterpriseEquipment', entityId: null, changes: { equipment: inserted, renewalPlans: planned } });
  }
}
