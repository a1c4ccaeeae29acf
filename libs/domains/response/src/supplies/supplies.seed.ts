import { addDays, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree, seedId } from '@platform/directory';
import { Households } from '@domains/community';
import { Incidents } from '../response.entities';
import { insertSeedRows } from '../shared/seed-rows.sql';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyMovement, SupplyStock } from './supply.entity';
import { SupplyCategory as C, SupplyMovementKind } from './supply.enums';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';
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
  const today = ctx.clock.today();
  /** A day `n` days before today (China time), YYYY-MM-DD. */
  const daysAgo = (n: number): string => addDays(today, -n);
  const orgs = (
    await unscoped(ctx, Organizations, SEEDING)
      .where(sql`t.archived_at IS NULL`)
      .many(
        DEPOTS.map((d) => seedId(d[1])),
        ['longitude', 'latitude'],
      )
  ).flatMap((o) => (o ? [o] : []));
  const persons = (
    await unscoped(ctx, Persons, SEEDING).many(
      DEPOTS.map((d) => seedId(d[4])),
      ['id'],
    )
  ).flatMap((p) => (p ? [p] : []));
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
  const incidents = await unscoped(ctx, Incidents, SEEDING).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 2, properties: ['id'] });
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
    // The first listed household of each village (by id).
    const households = new Map<string, string | null>();
    for (const village of ['org:village-wenfeng', 'org:village-shuanghe']) {
      const [first] = await unscoped(ctx, Households, SEEDING)
        .where(organizationIdWithinSubtree('t.organization_id', seedId(village)))
        .where(sql`t.archived_at IS NULL`)
        .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
      households.set(village, first?.id ?? null);
    }
    const byVillage = (org: string) => households.get(org) ?? null;
    for (const mv of movements) {
      if (mv.kind !== SupplyMovementKind.ISSUE) continue;
      mv.householdId = byVillage(mv.recipient!.startsWith('双河村') ? 'org:village-shuanghe' : 'org:village-wenfeng');
    }
  }
  const minimums: Array<Partial<SupplyMinimum>> = MINIMUMS.flatMap(([depot, code, minimumQuantity]) => {
    const id = depotId(depot);
    return id ? [{ depotId: id, itemId: itemId(code), minimumQuantity }] : [];
  });

  let inserted = await insertSeedRows(ctx, SupplyDepot, depots);
  inserted += await insertSeedRows(ctx, SupplyItem, items);
  inserted += await insertSeedRows(ctx, SupplyStock, [...stock.values()], 'depot_id');
  inserted += await insertSeedRows(ctx, SupplyMinimum, minimums, 'depot_id');
  inserted += await insertSeedRows(ctx, SupplyMovement, movements);
  if (inserted) await audit(ctx, { action: 'rescue.supplies.seed', entityType: 'SupplyDepot', entityId: null, changes: { inserted } });
}
