import { audit, todayInChina, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyMovement, SupplyStock } from './supply.entity';
import { SupplyCategory as C, SupplyMovementKind } from './supply.enums';

/** A day `n` days before today (China time), YYYY-MM-DD. */
const daysAgo = (n: number): string => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 09:30 China time on a day. */
const morningOf = (day: string): Date => new Date(`${day}T01:30:00Z`);

/** The catalog: code, name, category, unit, shelf life in days (null: non-perishable). */
const ITEMS: ReadonlyArray<readonly [code: string, name: string, category: C, unit: string, shelfLifeDays: number | null]> = [
  ['AZ-ZDC', '折叠床', C.SHELTER, '张', null],
  ['AZ-ZP', '救灾帐篷', C.SHELTER, '顶', null],
  ['BF-MB', '棉被', C.BEDDING, '床', null],
  ['BF-MT', '毛毯', C.BEDDING, '床', null],
  ['YW-YY', '雨衣', C.CLOTHING, '件', null],
  ['SP-FBM', '方便面', C.FOOD, '箱', 180],
  ['SP-YSBG', '压缩饼干', C.FOOD, '箱', 365],
  ['YS-YYS', '饮用水', C.WATER, '箱', 365],
  ['ZM-FDJ', '发电机', C.LIGHTING_POWER, '台', null],
  ['ZM-YJD', '应急照明灯', C.LIGHTING_POWER, '盏', null],
  ['JY-JSY', '救生衣', C.RESCUE_EQUIPMENT, '件', null],
  ['YL-JJB', '急救包', C.MEDICAL, '个', 730],
  ['YL-YP', '常用药品', C.MEDICAL, '盒', 730],
];

/** The depots: key, organization key, name, address, keeper person key. */
const DEPOTS: ReadonlyArray<readonly [key: string, org: string, name: string, address: string, keeper: string]> = [
  ['town', 'org:town', '南平镇救灾物资储备库', '重庆市南川区南平镇南平大街应急管理办公室后院', 'person:person-dept-emergency-head'],
  ['wenfeng', 'org:village-wenfeng', '文凤村村级物资储存点', '重庆市南川区南平镇文凤村村委会一楼', 'person:person-village-wenfeng-emergency'],
  ['shuanghe', 'org:village-shuanghe', '双河村村级物资储存点', '重庆市南川区南平镇双河村村委会', 'person:person-village-shuanghe-emergency'],
  ['longshan', 'org:village-longshan', '龙山村村级物资储存点', '重庆市南川区南平镇龙山村村委会', 'person:person-village-longshan-emergency'],
  ['shixi', 'org:village-shixi', '石溪村村级物资储存点', '重庆市南川区南平镇石溪村村委会', 'person:person-village-shixi-emergency'],
];

/**
 * Receipts: depot, item code, batch suffix, days ago received, quantity; the batch is named after the
 * month received and, for perishables, expires a shelf life later. Chosen so that the town's oldest
 * 方便面 and 饮用水 expire within 30 days, its 常用药品 batch expired ten days ago, and 文凤村's only
 * 方便面 expires soon.
 */
const RECEIPTS: ReadonlyArray<readonly [depot: string, item: string, daysAgo: number, quantity: number]> = [
  ['town', 'AZ-ZDC', 400, 200],
  ['town', 'AZ-ZP', 400, 60],
  ['town', 'BF-MB', 400, 300],
  ['town', 'BF-MT', 200, 150],
  ['town', 'YW-YY', 200, 200],
  ['town', 'SP-FBM', 160, 80],
  ['town', 'SP-FBM', 20, 120],
  ['town', 'SP-YSBG', 90, 60],
  ['town', 'YS-YYS', 350, 100],
  ['town', 'YS-YYS', 30, 150],
  ['town', 'ZM-FDJ', 400, 6],
  ['town', 'ZM-YJD', 200, 80],
  ['town', 'JY-JSY', 400, 120],
  ['town', 'YL-JJB', 300, 50],
  ['town', 'YL-YP', 740, 12],
  ['town', 'YL-YP', 60, 40],
  ['wenfeng', 'AZ-ZDC', 300, 30],
  ['wenfeng', 'BF-MB', 300, 40],
  ['wenfeng', 'SP-FBM', 170, 20],
  ['wenfeng', 'YS-YYS', 100, 30],
  ['wenfeng', 'JY-JSY', 300, 20],
  ['wenfeng', 'ZM-YJD', 300, 10],
  ['shuanghe', 'AZ-ZDC', 250, 12],
  ['shuanghe', 'BF-MB', 250, 30],
  ['shuanghe', 'SP-FBM', 40, 15],
  ['shuanghe', 'YS-YYS', 40, 20],
  ['shuanghe', 'JY-JSY', 250, 4],
  ['longshan', 'AZ-ZDC', 200, 25],
  ['longshan', 'BF-MB', 200, 30],
  ['longshan', 'SP-FBM', 60, 20],
  ['longshan', 'YS-YYS', 60, 30],
  ['longshan', 'YL-JJB', 200, 10],
  ['shixi', 'AZ-ZDC', 150, 20],
  ['shixi', 'BF-MB', 150, 25],
  ['shixi', 'YS-YYS', 350, 12],
  ['shixi', 'JY-JSY', 150, 15],
];

/** Minimums (储备定额) of the village depots and the town's store. */
const MINIMUMS: ReadonlyArray<readonly [depot: string, item: string, minimum: number]> = [
  ['town', 'AZ-ZDC', 150],
  ['town', 'AZ-ZP', 50],
  ['town', 'BF-MB', 200],
  ['town', 'SP-FBM', 150],
  ['town', 'YS-YYS', 200],
  ['town', 'ZM-FDJ', 5],
  ['town', 'JY-JSY', 100],
  ['town', 'YL-YP', 30],
  ...['wenfeng', 'shuanghe', 'longshan', 'shixi'].flatMap((v) => [
    [v, 'AZ-ZDC', 20] as const,
    [v, 'BF-MB', 30] as const,
    [v, 'SP-FBM', 15] as const,
    [v, 'YS-YYS', 20] as const,
    [v, 'JY-JSY', 10] as const,
  ]),
];

/** Issues after the 2025 flood season's heavy rain: depot, item, days ago, quantity, recipient. */
const ISSUES: ReadonlyArray<readonly [depot: string, item: string, daysAgo: number, quantity: number, recipient: string]> = [
  ['town', 'BF-MB', 45, 40, '文凤村3组受灾群众临时安置点'],
  ['town', 'SP-FBM', 15, 20, '文凤村3组受灾群众临时安置点'],
  ['wenfeng', 'YS-YYS', 10, 12, '文凤村受灾户'],
  ['shuanghe', 'BF-MB', 8, 6, '双河村转移安置群众'],
];

/**
 * 救灾物资 demo data: the town's store and four village depots, a catalog of 13 items, receipts
 * building up the stock in batches (some expiring within 30 days, one already expired), minimums
 * leaving gaps in several depots, and a few issues (to seeded incidents when there are any, else to
 * joint-defense households). Ids come from stable keys and rows that exist are left alone, so seeding
 * twice inserts nothing.
 */
export async function seedSupplies(ctx: RequestContext): Promise<void> {
  const m = ctx.manager;
  const orgs: Array<{ id: string; longitude: number | null; latitude: number | null }> = await m.query(
    `SELECT id, longitude, latitude FROM organization WHERE id = ANY($1::uuid[]) AND archived_at IS NULL`,
    [DEPOTS.map((d) => seedId(d[1]))],
  );
  const persons: Array<{ id: string }> = await m.query(`SELECT id FROM person WHERE id = ANY($1::uuid[])`, [DEPOTS.map((d) => seedId(d[4]))]);
  const depots: Array<Partial<SupplyDepot>> = [];
  for (const [key, org, name, address, keeper] of DEPOTS) {
    const o = orgs.find((x) => x.id === seedId(org));
    if (!o) continue;
    depots.push({
      id: seedId(`rescue:supplies:depot:${key}`),
      organizationId: o.id,
      name,
      address,
      longitude: o.longitude,
      latitude: o.latitude,
      keeperPersonId: persons.some((p) => p.id === seedId(keeper)) ? seedId(keeper) : null,
      contactPhone: null,
      archivedAt: null,
    });
  }
  const depotId = (key: string): string | undefined => depots.find((d) => d.id === seedId(`rescue:supplies:depot:${key}`))?.id;
  const itemId = (code: string): string => seedId(`rescue:supplies:item:${code}`);
  const items: Array<Partial<SupplyItem>> = ITEMS.map(([code, name, category, unit, shelfLifeDays]) => ({ id: itemId(code), code, name, category, unit, shelfLifeDays, archivedAt: null }));

  const stock = new Map<string, Partial<SupplyStock>>();
  const movements: Array<Partial<SupplyMovement>> = [];
  RECEIPTS.forEach(([depot, code, ago, quantity], n) => {
    const id = depotId(depot);
    if (!id) return;
    const received = daysAgo(ago);
    const shelfLife = ITEMS.find((i) => i[0] === code)![4];
    const batch = received.slice(0, 7);
    const expiresOn = shelfLife ? addDays(received, shelfLife) : null;
    const key = `${id}|${itemId(code)}|${batch}`;
    const s = stock.get(key);
    if (s) s.quantity! += quantity;
    else stock.set(key, { depotId: id, itemId: itemId(code), batch, expiresOn, quantity });
    movements.push({ id: seedId(`rescue:supplies:receipt:${n}`), kind: SupplyMovementKind.RECEIPT, at: morningOf(received), depotId: id, itemId: itemId(code), batch, quantity, reason: depot === 'town' ? '区应急管理局调拨' : '镇储备库调拨', recordedByUserId: null });
  });

  // Issues go to the seeded incidents if the incidents area left any, else to households of the depot's village.
  const hasIncidents = (await m.query(`SELECT to_regclass('incident') IS NOT NULL AS present`))[0]?.present;
  const incidents: Array<{ id: string }> = hasIncidents ? await m.query(`SELECT id FROM incident ORDER BY id LIMIT 2`) : [];
  ISSUES.forEach(([depot, code, ago, quantity, recipient], n) => {
    const id = depotId(depot);
    if (!id) return;
    const batches = [...stock.values()].filter((s) => s.depotId === id && s.itemId === itemId(code) && s.quantity! >= quantity).sort((a, b) => (a.batch! < b.batch! ? -1 : 1));
    const s = batches[0];
    if (!s) return;
    s.quantity! -= quantity;
    movements.push({
      id: seedId(`rescue:supplies:issue:${n}`),
      kind: SupplyMovementKind.ISSUE,
      at: morningOf(daysAgo(ago)),
      depotId: id,
      itemId: s.itemId!,
      batch: s.batch!,
      quantity,
      incidentId: incidents.length ? incidents[n % incidents.length]!.id : null,
      recipient,
      recordedByUserId: null,
    });
  });
  if (!incidents.length) {
    const households: Array<{ id: string; village: string }> = await m.query(
      `SELECT DISTINCT ON (v.id) h.id, v.id AS village FROM organization v JOIN organization o ON o.path <@ v.path
       JOIN joint_defense_household h ON h.organization_id = o.id AND h.archived_at IS NULL
       WHERE v.id = ANY($1::uuid[]) ORDER BY v.id, h.id`,
      [[seedId('org:village-wenfeng'), seedId('org:village-shuanghe')]],
    );
    const byVillage = (org: string) => households.find((h) => h.village === seedId(org))?.id ?? null;
    for (const mv of movements) {
      if (mv.kind !== SupplyMovementKind.ISSUE) continue;
      mv.householdId = byVillage(mv.recipient!.startsWith('双河村') ? 'org:village-shuanghe' : 'org:village-wenfeng');
    }
  }
  const minimums: Array<Partial<SupplyMinimum>> = MINIMUMS.flatMap(([depot, code, minimumQuantity]) => {
    const id = depotId(depot);
    return id ? [{ depotId: id, itemId: itemId(code), minimumQuantity }] : [];
  });

  const insert = async (entity: EntityTarget<ObjectLiteral>, rows: object[], key: string): Promise<number> => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const res = await m.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 200) as never).orIgnore().returning(key).execute();
      inserted += Array.isArray(res.raw) ? res.raw.length : 0;
    }
    return inserted;
  };
  let inserted = await insert(SupplyDepot, depots, 'id');
  inserted += await insert(SupplyItem, items, 'id');
  inserted += await insert(SupplyStock, [...stock.values()], 'depot_id');
  inserted += await insert(SupplyMinimum, minimums, 'depot_id');
  inserted += await insert(SupplyMovement, movements, 'id');
  if (inserted) await audit(ctx, { action: 'rescue.supplies.seed', entityType: 'SupplyDepot', entityId: null, changes: { inserted } });
}
