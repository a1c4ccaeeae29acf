import pino from 'pino';
import { startTestGateway, errorOf, fieldsOf, ok, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { todayInChina } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '../src/index';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responseModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const SHUANGHE_LEAD = seedId('person:person-village-shuanghe-lead');

const DEPOT = `id version name organizationId address contactPhone archivedAt location { longitude latitude } keeper { id } organization { name }`;
const MOVEMENT = `id kind depotId toDepotId itemId batch quantity incidentId householdId recipient reason recordedByUserId at`;
const STOCK = `depotId itemId batch expiresOn quantity expired daysToExpiry item { code } depot { name }`;
/** A day `n` days from today (China time), YYYY-MM-DD. */
const day = (n: number): string => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('relief supplies (救灾物资)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [office, wenfeng, shuanghe, grid] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('wenfeng-grid1')]);
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = MOVEMENT) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const receive = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'receiveSupplies', 'ReceiveSuppliesInput', input);
  const issue = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'issueSupplies', 'IssueSuppliesInput', { recipient: '文凤村3组受灾群众', ...input });
  const transfer = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'transferSupplies', 'TransferSuppliesInput', input);
  const writeOff = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'writeOffSupplies', 'WriteOffSuppliesInput', input);
  const quantity = async (depotId: string, itemId: string, batch: string): Promise<number | null> =>
    (await sql<{ quantity: number }>(`SELECT quantity FROM supply_stock WHERE depot_id = $1 AND item_id = $2 AND batch = $3`, [depotId, itemId, batch]))[0]?.quantity ?? null;
  const movementCount = async (): Promise<number> => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM supply_movement`))[0]!.n;

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds the town store, four village depots, the catalog, batches, minimums with gaps, expiring stock and issues, once', async () => {
    const depots = await office(`{ supplyDepots(first: 20) { totalCount edges { node { name organization { name } keeper { id } stock(first: 50) { totalCount } } } } }`);
    const list = depots.body.data!['supplyDepots'];
    expect(list.totalCount).toBe(5);
    expect(list.edges.map((e: any) => e.node.name).sort()).toEqual(['南平镇救灾物资储备库', '双河村村级物资储存点', '文凤村村级物资储存点', '石溪村村级物资储存点', '龙山村村级物资储存点'].sort());
    for (const e of list.edges) {
      expect(e.node.keeper).not.toBeNull();
      expect(e.node.stock.totalCount).toBeGreaterThan(0);
    }
    const items = await office(`{ supplyItems(first: 50) { totalCount edges { node { code name unit shelfLifeDays } } } }`);
    expect(items.body.data!['supplyItems'].totalCount).toBe(13);
    expect(items.body.data!['supplyItems'].edges.map((e: any) => e.node)).toContainEqual({ code: 'SP-FBM', name: '方便面', unit: '箱', shelfLifeDays: 180 });

    const gaps = await office(`{ supplyStockGaps(first: 50) { totalCount edges { node { depot { name } item { name } minimum available shortfall } } } }`);
    const gapRows = gaps.body.data!['supplyStockGaps'].edges.map((e: any) => e.node);
    expect(gapRows.length).toBeGreaterThanOrEqual(3);
    for (const g of gapRows) expect(g.shortfall).toBe(g.minimum - g.available);
    // The town's expired 常用药品 batch does not count: 40 of a minimum of 30 is no gap, but 双河村's 4 救生衣 of 10 are.
    expect(gapRows).toContainEqual({ depot: { name: '双河村村级物资储存点' }, item: { name: '救生衣' }, minimum: 10, available: 4, shortfall: 6 });

    const expiring = await office(`{ expiringSupplies(first: 50) { edges { node { ${STOCK} } } } }`);
    const batches = expiring.body.data!['expiringSupplies'].edges.map((e: any) => e.node);
    expect(batches.filter((b: any) => b.expired).map((b: any) => [b.depot.name, b.item.code, b.daysToExpiry])).toEqual([['南平镇救灾物资储备库', 'YL-YP', -10]]);
    expect(batches.filter((b: any) => !b.expired).length).toBeGreaterThanOrEqual(2);

    const issues = await sql<{ n: number; linked: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE incident_id IS NOT NULL OR household_id IS NOT NULL)::int AS linked FROM supply_movement WHERE kind = 'ISSUE'`);
    expect(issues[0]).toEqual({ n: 4, linked: 4 });
    // Stock equals receipts minus issues, batch by batch.
    const [mismatch] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM supply_stock s WHERE s.quantity <> (SELECT coalesce(sum(CASE WHEN m.kind = 'RECEIPT' THEN m.quantity ELSE -m.quantity END), 0) FROM supply_movement m WHERE m.depot_id = s.depot_id AND m.item_id = s.item_id AND m.batch = s.batch)`,
    );
    expect(mismatch!.n).toBe(0);

    const count = async () =>
      (await sql<{ n: number }>(`SELECT (SELECT count(*) FROM supply_depot) + (SELECT count(*) FROM supply_item) + (SELECT count(*) FROM supply_stock) + (SELECT count(*) FROM supply_minimum) + (SELECT count(*) FROM supply_movement) AS n`))[0]!.n;
    const before = await count();
    await runSeeds(t.gateway.database.dataSource, MODULES, pino({ level: 'silent' }));
    expect(await count()).toBe(before);

    // From here on the tests keep depots and items of their own.
    await sql(`DELETE FROM supply_movement; DELETE FROM supply_stock; DELETE FROM supply_minimum; DELETE FROM supply_depot; DELETE FROM supply_item`);
  });

  describe('with depots and items of their own', () => {
    let bed: any;
    let noodle: any;
    let wf1: any;
    let wf2: any;
    let sh: any;
    let town: any;

    it('keeps the catalog (town only) and depots, refusing stale versions', async () => {
      const item = (input: Record<string, unknown>, client = office) => mutate(client, 'createSupplyItem', 'CreateSupplyItemInput', input, 'id version code name category unit shelfLifeDays archivedAt');
      bed = await ok(item({ code: 'T-BED', name: '折叠床', category: 'SHELTER', unit: '张' }), 'createSupplyItem');
      noodle = await ok(item({ code: 'T-NOODLE', name: '方便面', category: 'FOOD', unit: '箱', shelfLifeDays: 180 }), 'createSupplyItem');
      expect(bed).toMatchObject({ version: 1, code: 'T-BED', category: 'SHELTER', unit: '张', shelfLifeDays: null, archivedAt: null });

      // A village officer holds rescue.supply:write only for the village: the town-wide catalog answers FORBIDDEN.
      const village = await item({ code: 'T-TENT', name: '帐篷', category: 'SHELTER', unit: '顶' }, wenfeng);
      expect(errorOf(village)).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.supply:write' });
      expect(errorOf(await mutate(wenfeng, 'updateSupplyItem', 'UpdateSupplyItemInput', { id: bed.id, version: 1, name: '行军床' }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await mutate(wenfeng, 'archiveSupplyItem', 'ArchiveInput', { id: bed.id, version: 1 }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
      expect(fieldsOf(await item({ code: 'T-BED', name: '折叠床', category: 'SHELTER', unit: '张' }))).toEqual([expect.objectContaining({ field: 'input.code', rule: 'unique' })]);
      expect(fieldsOf(await item({ code: 'bad code', name: '折叠床', category: 'SHELTER', unit: '张' }))).toEqual([expect.objectContaining({ field: 'input.code', rule: 'matches' })]);
      expect(fieldsOf(await item({ code: 'T-X', name: '折叠床', category: 'SHELTER', unit: '张', shelfLifeDays: 0 }))).toEqual([expect.objectContaining({ field: 'input.shelfLifeDays', rule: 'min' })]);

      const renamed = await ok(mutate(office, 'updateSupplyItem', 'UpdateSupplyItemInput', { id: bed.id, version: 1, name: '折叠床（单人）' }, 'id version name'), 'updateSupplyItem');
      expect(renamed).toMatchObject({ version: 2, name: '折叠床（单人）' });
      expect(errorOf(await mutate(office, 'updateSupplyItem', 'UpdateSupplyItemInput', { id: bed.id, version: 1, name: '旧版本' }, 'id'))).toMatchObject({ code: 'CONFLICT' });

      const depot = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'createSupplyDepot', 'CreateSupplyDepotInput', input, DEPOT);
      wf1 = await ok(depot(wenfeng, { organizationId: WENFENG, name: '文凤村储存点', address: '文凤村村委会一楼', keeperPersonId: WENFENG_EMERGENCY, contactPhone: '023-71234567', location: { longitude: 107.0868, latitude: 29.0713 } }), 'createSupplyDepot');
      wf2 = await ok(depot(wenfeng, { organizationId: WENFENG, name: '文凤村3组储存点' }), 'createSupplyDepot');
      sh = await ok(depot(shuanghe, { organizationId: SHUANGHE, name: '双河村储存点', keeperPersonId: SHUANGHE_LEAD }), 'createSupplyDepot');
      town = await ok(depot(office, { organizationId: TOWN, name: '南平镇储备库' }), 'createSupplyDepot');
      expect(wf1).toMatchObject({ version: 1, organizationId: WENFENG, keeper: { id: WENFENG_EMERGENCY }, organization: { name: '文凤村' }, contactPhone: '023-71234567', location: { longitude: 107.0868, latitude: 29.0713 } });

      // An organization beyond the caller's supply write scope is answered like a missing one: NOT_FOUND on the field.
      expect(errorOf(await depot(wenfeng, { organizationId: SHUANGHE, name: '越权储存点' }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: SHUANGHE, field: 'input.organizationId' });
      expect(errorOf(await depot(wenfeng, { organizationId: WENFENG, name: '越权保管员', keeperPersonId: SHUANGHE_LEAD }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: SHUANGHE_LEAD, field: 'input.keeperPersonId' });
      expect(fieldsOf(await depot(wenfeng, { organizationId: WENFENG, name: '文凤村储存点' }))).toEqual([expect.objectContaining({ field: 'input.name', rule: 'unique' })]);
      expect(fieldsOf(await depot(wenfeng, { organizationId: WENFENG, name: '文凤村电话', contactPhone: '12345' }))).toEqual([expect.objectContaining({ field: 'input.contactPhone', rule: 'matches' })]);
      expect(fieldsOf(await depot(office, { organizationId: seedId('org:grid-wenfeng-1'), name: '网格储存点' }))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'kind' })]);

      const moved = await ok(mutate(wenfeng, 'updateSupplyDepot', 'UpdateSupplyDepotInput', { id: wf1.id, version: 1, address: '文凤村村委会一楼东侧' }, 'id version address'), 'updateSupplyDepot');
      expect(moved).toEqual({ id: wf1.id, version: 2, address: '文凤村村委会一楼东侧' });
      expect(errorOf(await mutate(wenfeng, 'updateSupplyDepot', 'UpdateSupplyDepotInput', { id: wf1.id, version: 1, address: '旧版本' }, 'id'))).toMatchObject({ code: 'CONFLICT' });
      expect(errorOf(await mutate(shuanghe, 'updateSupplyDepot', 'UpdateSupplyDepotInput', { id: wf1.id, version: 2, address: '越权' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'SupplyDepot' });
    });

    it('receives, issues, transfers and writes off, changing stock exactly and recording each movement with its audit entry', async () => {
      const r = await ok(receive(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 50, reason: '镇储备库调拨' }), 'receiveSupplies');
      expect(r).toMatchObject({ kind: 'RECEIPT', depotId: wf1.id, toDepotId: null, itemId: bed.id, batch: 'B1', quantity: 50, reason: '镇储备库调拨', recordedByUserId: expect.any(String) });
      expect(await quantity(wf1.id, bed.id, 'B1')).toBe(50);
      await ok(receive(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 5 }), 'receiveSupplies');
      expect(await quantity(wf1.id, bed.id, 'B1')).toBe(55);

      const i = await ok(issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 15 }), 'issueSupplies');
      expect(i).toMatchObject({ kind: 'ISSUE', quantity: 15, recipient: '文凤村3组受灾群众', incidentId: null });
      expect(await quantity(wf1.id, bed.id, 'B1')).toBe(40);

      const tr = await ok(transfer(wenfeng, { depotId: wf1.id, toDepotId: wf2.id, itemId: bed.id, batch: 'B1', quantity: 15, reason: '汛前预置' }), 'transferSupplies');
      expect(tr).toMatchObject({ kind: 'TRANSFER', depotId: wf1.id, toDepotId: wf2.id, quantity: 15 });
      expect([await quantity(wf1.id, bed.id, 'B1'), await quantity(wf2.id, bed.id, 'B1')]).toEqual([25, 15]);

      const w = await ok(writeOff(wenfeng, { depotId: wf2.id, itemId: bed.id, batch: 'B1', quantity: 5, reason: '受潮霉变' }), 'writeOffSupplies');
      expect(w).toMatchObject({ kind: 'WRITE_OFF', reason: '受潮霉变', quantity: 5 });
      expect(await quantity(wf2.id, bed.id, 'B1')).toBe(10);

      // A perishable received without an expiry day keeps the shelf life from the day received.
      await ok(receive(wenfeng, { depotId: wf1.id, itemId: noodle.id, batch: 'N1', quantity: 8 }), 'receiveSupplies');
      expect((await sql(`SELECT expires_on::text AS d FROM supply_stock WHERE depot_id = $1 AND item_id = $2`, [wf1.id, noodle.id]))[0].d).toBe(day(180));
      expect(fieldsOf(await receive(wenfeng, { depotId: wf1.id, itemId: noodle.id, batch: 'N1', quantity: 1, expiresOn: day(90) }))).toEqual([expect.objectContaining({ field: 'input.expiresOn', rule: 'sameBatch' })]);

      const stock = await wenfeng(`query($id: UUID!) { supplyDepot(id: $id) { stock { totalCount edges { node { batch quantity expiresOn item { code } } } } } }`, { id: wf1.id });
      expect(stock.body.data!['supplyDepot'].stock.edges.map((e: any) => e.node).sort((a: any, b: any) => a.item.code.localeCompare(b.item.code))).toEqual([
        { batch: 'B1', quantity: 25, expiresOn: null, item: { code: 'T-BED' } },
        { batch: 'N1', quantity: 8, expiresOn: day(180), item: { code: 'T-NOODLE' } },
      ]);

      const list = await wenfeng(`query($d: UUID!) { supplyMovements(filter: { depotId: $d }) { totalCount edges { node { kind quantity depot { name } toDepot { name } item { code } } } } }`, { d: wf2.id });
      expect(list.body.data!['supplyMovements']).toEqual({
        totalCount: 2,
        edges: [
          { node: { kind: 'WRITE_OFF', quantity: 5, depot: { name: '文凤村3组储存点' }, toDepot: null, item: { code: 'T-BED' } } },
          { node: { kind: 'TRANSFER', quantity: 15, depot: { name: '文凤村储存点' }, toDepot: { name: '文凤村3组储存点' }, item: { code: 'T-BED' } } },
        ],
      });
      const kinds = await wenfeng(`{ supplyMovements(filter: { kinds: [RECEIPT, ISSUE] }) { totalCount } }`);
      expect(kinds.body.data!['supplyMovements'].totalCount).toBe(4);
      const audits = await sql<{ action: string; n: number }>(`SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'rescue.supply.%' GROUP BY action ORDER BY action`);
      expect(audits).toEqual([
        { action: 'rescue.supply.issue', n: 1 },
        { action: 'rescue.supply.receive', n: 3 },
        { action: 'rescue.supply.transfer', n: 1 },
        { action: 'rescue.supply.write-off', n: 1 },
      ]);
    });

    it('refuses to issue more than is available, naming input.quantity and rule available, writing nothing', async () => {
      const before = await movementCount();
      const res = await issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 26 });
      expect(errorOf(res)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'available', message: expect.stringContaining('only 25 张') })]);
      expect(fieldsOf(await issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'NOPE', quantity: 1 }))).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'available' })]);
      expect(fieldsOf(await writeOff(wenfeng, { depotId: wf2.id, itemId: bed.id, batch: 'B1', quantity: 11, reason: '过期' }))).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'available' })]);
      expect(fieldsOf(await issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 0 }))).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'min' })]);
      expect(fieldsOf(await writeOff(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1, reason: '坏' }))).toEqual([expect.objectContaining({ field: 'input.reason', rule: 'isLength' })]);
      expect(fieldsOf(await issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1, at: new Date(Date.now() + 3_600_000).toISOString() }))).toEqual([expect.objectContaining({ field: 'input.at', rule: 'notFuture' })]);
      // A household or incident that is missing (or beyond the caller's read scope) is answered NOT_FOUND on the field.
      expect(errorOf(await issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1, householdId: TOWN }))).toEqual({ code: 'NOT_FOUND', entity: 'Household', id: TOWN, field: 'input.householdId' });
      expect(errorOf(await issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1, incidentId: TOWN }))).toEqual({ code: 'NOT_FOUND', entity: 'Incident', id: TOWN, field: 'input.incidentId' });
      expect(errorOf(await issue(wenfeng, { depotId: wf1.id, itemId: TOWN, batch: 'B1', quantity: 1 }))).toEqual({ code: 'NOT_FOUND', entity: 'SupplyItem', id: TOWN, field: 'input.itemId' });
      expect(await quantity(wf1.id, bed.id, 'B1')).toBe(25);
      expect(await movementCount()).toBe(before);
    });

    it('lets exactly as many concurrent issues through as the stock allows, never going negative', async () => {
      const events: any[] = [];
      const stop = t.gateway.events.subscribe('rescue.supply.moved', (e) => events.push(e.payload));
      await ok(receive(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'C1', quantity: 10 }), 'receiveSupplies');
      const results = await Promise.all(Array.from({ length: 8 }, () => issue(wenfeng, { depotId: wf1.id, itemId: bed.id, batch: 'C1', quantity: 3 })));
      const succeeded = results.filter((r) => !r.body.errors);
      const refused = results.filter((r) => r.body.errors);
      expect(succeeded.length).toBe(3);
      expect(refused.map((r) => fieldsOf(r)[0]?.rule)).toEqual(['available', 'available', 'available', 'available', 'available']);
      expect(await quantity(wf1.id, bed.id, 'C1')).toBe(1);
      const [sums] = await sql<{ received: number; issued: number; issues: number }>(
        `SELECT sum(quantity) FILTER (WHERE kind = 'RECEIPT')::int AS received, sum(quantity) FILTER (WHERE kind = 'ISSUE')::int AS issued, count(*) FILTER (WHERE kind = 'ISSUE')::int AS issues
         FROM supply_movement WHERE depot_id = $1 AND item_id = $2 AND batch = 'C1'`,
        [wf1.id, bed.id],
      );
      expect(sums).toEqual({ received: 10, issued: 9, issues: 3 });
      // One event per movement written, none for the refused ones; the remaining quantities end at 1.
      stop();
      expect(events.map((e) => e.kind)).toEqual(['RECEIPT', 'ISSUE', 'ISSUE', 'ISSUE']);
      expect(events[0]).toMatchObject({ depotId: wf1.id, organizationId: WENFENG, itemId: bed.id, batch: 'C1', quantity: 10, remaining: 10 });
      expect(events.slice(1).map((e) => e.remaining).sort()).toEqual([1, 4, 7]);
    });

    it('transfers both sides or neither: an out-of-scope or closed receiving depot is refused with nothing written', async () => {
      const before = await movementCount();
      const foreign = await transfer(wenfeng, { depotId: wf1.id, toDepotId: sh.id, itemId: bed.id, batch: 'B1', quantity: 5 });
      // A receiving depot beyond the caller's supply write scope is answered like a missing one: NOT_FOUND on the field.
      expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'SupplyDepot', id: sh.id, field: 'input.toDepotId' });
      expect(fieldsOf(await transfer(wenfeng, { depotId: wf1.id, toDepotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 5 }))).toEqual([expect.objectContaining({ field: 'input.toDepotId', rule: 'notSameDepot' })]);
      expect(fieldsOf(await transfer(wenfeng, { depotId: wf1.id, toDepotId: wf2.id, itemId: bed.id, batch: 'B1', quantity: 26 }))).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'available' })]);
      expect([await quantity(wf1.id, bed.id, 'B1'), await quantity(wf2.id, bed.id, 'B1'), await quantity(sh.id, bed.id, 'B1')]).toEqual([25, 10, null]);
      expect(await movementCount()).toBe(before);

      // The town office reaches every depot: a transfer from the town store shows in the village's movements too.
      await ok(receive(office, { depotId: town.id, itemId: bed.id, batch: 'T1', quantity: 100 }), 'receiveSupplies');
      await ok(transfer(office, { depotId: town.id, toDepotId: sh.id, itemId: bed.id, batch: 'T1', quantity: 30 }), 'transferSupplies');
      expect([await quantity(town.id, bed.id, 'T1'), await quantity(sh.id, bed.id, 'T1')]).toEqual([70, 30]);
      const seen = await shuanghe(`{ supplyMovements { edges { node { kind depot { name } toDepot { name } } } } }`);
      expect(seen.body.data!['supplyMovements'].edges.map((e: any) => e.node)).toEqual([{ kind: 'TRANSFER', depot: null, toDepot: { name: '双河村储存点' } }]);
    });

    it('finds the gaps exactly (查漏补缺): expired batches do not count, a batch expiring today does', async () => {
      await ok(receive(wenfeng, { depotId: wf1.id, itemId: noodle.id, batch: 'OLD', quantity: 30, expiresOn: day(-1) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: wf1.id, itemId: noodle.id, batch: 'TODAY', quantity: 1, expiresOn: day(0) }), 'receiveSupplies');
      const minimum = (client: GraphQLClient, depotId: string, itemId: string, minimumQuantity: number) =>
        mutate(client, 'setSupplyMinimum', 'SetSupplyMinimumInput', { depotId, itemId, minimumQuantity }, 'depotId itemId minimumQuantity item { code }');
      expect(await ok(minimum(wenfeng, wf1.id, noodle.id, 20), 'setSupplyMinimum')).toEqual({ depotId: wf1.id, itemId: noodle.id, minimumQuantity: 20, item: { code: 'T-NOODLE' } });
      await ok(minimum(wenfeng, wf1.id, bed.id, 20), 'setSupplyMinimum');
      await ok(minimum(wenfeng, wf2.id, bed.id, 30), 'setSupplyMinimum');
      await ok(minimum(shuanghe, sh.id, noodle.id, 5), 'setSupplyMinimum');
      await ok(minimum(shuanghe, sh.id, bed.id, 10), 'setSupplyMinimum');
      expect(errorOf(await minimum(shuanghe, wf1.id, bed.id, 1))).toMatchObject({ code: 'NOT_FOUND' });

      const gaps = async (client: GraphQLClient, root?: string) =>
        (await client(`query($r: UUID) { supplyStockGaps(filter: { withinSubtreeOf: $r }) { totalCount edges { node { depotId itemId minimum available shortfall depot { name } item { code } } } } }`, { r: root })).body.data!['supplyStockGaps'];
      const wf = await gaps(wenfeng);
      expect(wf.totalCount).toBe(2);
      expect(wf.edges.map((e: any) => e.node)).toEqual([
        { depotId: wf2.id, itemId: bed.id, minimum: 30, available: 10, shortfall: 20, depot: { name: '文凤村3组储存点' }, item: { code: 'T-BED' } },
        { depotId: wf1.id, itemId: noodle.id, minimum: 20, available: 9, shortfall: 11, depot: { name: '文凤村储存点' }, item: { code: 'T-NOODLE' } },
      ]);
      // 双河村 holds 30 beds (no gap) and no noodles; it sees only its own depot.
      expect((await gaps(shuanghe)).edges.map((e: any) => [e.node.item.code, e.node.available, e.node.shortfall])).toEqual([['T-NOODLE', 0, 5]]);
      expect((await gaps(office, SHUANGHE)).totalCount).toBe(1);
      expect((await gaps(office)).totalCount).toBe(3);
      // Removing a minimum removes its gap.
      expect((await minimum(shuanghe, sh.id, noodle.id, 0)).body.data!['setSupplyMinimum']).toBeNull();
      expect((await gaps(office)).totalCount).toBe(2);
    });

    it('lists expiring batches exactly: expired ones and today+30 included, today+31 not', async () => {
      await ok(receive(office, { depotId: town.id, itemId: noodle.id, batch: 'D30', quantity: 6, expiresOn: day(30) }), 'receiveSupplies');
      await ok(receive(office, { depotId: town.id, itemId: noodle.id, batch: 'D31', quantity: 6, expiresOn: day(31) }), 'receiveSupplies');
      const expiring = async (client: GraphQLClient, args = '') =>
        (await client(`{ expiringSupplies${args} { totalCount edges { node { batch expiresOn expired daysToExpiry quantity } } } }`)).body.data!['expiringSupplies'];
      const all = await expiring(office);
      expect(all.totalCount).toBe(3);
      expect(all.edges.map((e: any) => e.node)).toEqual([
        { batch: 'OLD', expiresOn: day(-1), expired: true, daysToExpiry: -1, quantity: 30 },
        { batch: 'TODAY', expiresOn: day(0), expired: false, daysToExpiry: 0, quantity: 1 },
        { batch: 'D30', expiresOn: day(30), expired: false, daysToExpiry: 30, quantity: 6 },
      ]);
      expect((await expiring(office, '(filter: { withinDays: 31 })')).totalCount).toBe(4);
      expect((await expiring(office, '(filter: { withinDays: 0 })')).totalCount).toBe(2);
      expect((await expiring(office, `(filter: { withinSubtreeOf: "${TOWN}" }, first: 1)`)).edges.map((e: any) => e.node.batch)).toEqual(['OLD']);
      // A batch written off to zero leaves the list; 双河村 sees none of 文凤村's.
      await ok(writeOff(wenfeng, { depotId: wf1.id, itemId: noodle.id, batch: 'OLD', quantity: 30, reason: '过期报废' }), 'writeOffSupplies');
      expect((await expiring(office)).edges.map((e: any) => e.node.batch)).toEqual(['TODAY', 'D30']);
      expect((await expiring(shuanghe)).totalCount).toBe(0);
      expect(fieldsOf(await office(`{ expiringSupplies(filter: { withinDays: 400 }) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'filter.withinDays', rule: 'max' })]);
    });

    it('keeps other villages out: 双河村 sees only its depot and cannot move 文凤村 stock (NOT_FOUND)', async () => {
      const listed = await shuanghe(`{ supplyDepots { totalCount edges { node { id } } } }`);
      expect(listed.body.data!['supplyDepots']).toEqual({ totalCount: 1, edges: [{ node: { id: sh.id } }] });
      expect((await shuanghe(`query($id: UUID!) { supplyDepot(id: $id) { id } }`, { id: wf1.id })).body.data!['supplyDepot']).toBeNull();
      const before = await movementCount();
      expect(errorOf(await issue(shuanghe, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1 }))).toMatchObject({ code: 'NOT_FOUND', entity: 'SupplyDepot' });
      expect(errorOf(await receive(shuanghe, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await transfer(shuanghe, { depotId: wf1.id, toDepotId: sh.id, itemId: bed.id, batch: 'B1', quantity: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await writeOff(shuanghe, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1, reason: '越权报损' }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await movementCount()).toBe(before);
      // The grid worker's read scope is the grid: the village's depots sit above it; and it may not move stock.
      expect((await grid(`{ supplyDepots { totalCount } }`)).body.data!['supplyDepots'].totalCount).toBe(0);
      expect(errorOf(await issue(grid, { depotId: wf1.id, itemId: bed.id, batch: 'B1', quantity: 1 }))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('closes a depot: it leaves lists, gaps and expiring stock and takes no movements', async () => {
      const closed = await ok(mutate(wenfeng, 'archiveSupplyDepot', 'ArchiveInput', { id: wf2.id, version: 1 }, 'id archivedAt'), 'archiveSupplyDepot');
      expect(closed.archivedAt).not.toBeNull();
      expect((await wenfeng(`{ supplyDepots { totalCount } }`)).body.data!['supplyDepots'].totalCount).toBe(1);
      expect((await wenfeng(`{ supplyDepots(filter: { includeArchived: true }) { totalCount } }`)).body.data!['supplyDepots'].totalCount).toBe(2);
      expect(fieldsOf(await issue(wenfeng, { depotId: wf2.id, itemId: bed.id, batch: 'B1', quantity: 1 }))).toEqual([expect.objectContaining({ field: 'input.depotId', rule: 'notArchived' })]);
      expect(fieldsOf(await transfer(wenfeng, { depotId: wf1.id, toDepotId: wf2.id, itemId: bed.id, batch: 'B1', quantity: 1 }))).toEqual([expect.objectContaining({ field: 'input.toDepotId', rule: 'notArchived' })]);
      expect((await wenfeng(`{ supplyStockGaps { totalCount } }`)).body.data!['supplyStockGaps'].totalCount).toBe(1);
    });

    it('issues from the batch expiring first when no batch is named: expired ones skipped, undated ones last, then the one received first', async () => {
      const store = await ok(mutate(wenfeng, 'createSupplyDepot', 'CreateSupplyDepotInput', { organizationId: WENFENG, name: '文凤村先进先出储存点' }, 'id'), 'createSupplyDepot');
      const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
      // Noodles: one batch expired, one expiring soon, one later; beds: one dated batch, two undated received at different times (labels against the order).
      await ok(receive(wenfeng, { depotId: store.id, itemId: noodle.id, batch: 'GONE', quantity: 4, expiresOn: day(-2) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: store.id, itemId: noodle.id, batch: 'LATE', quantity: 5, expiresOn: day(60) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: store.id, itemId: noodle.id, batch: 'SOON', quantity: 3, expiresOn: day(10) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: store.id, itemId: bed.id, batch: 'A-NEW', quantity: 5, at: hoursAgo(1) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: store.id, itemId: bed.id, batch: 'B-OLD', quantity: 5, at: hoursAgo(5) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: store.id, itemId: bed.id, batch: 'DATED', quantity: 1, expiresOn: day(400) }), 'receiveSupplies');
      const fefo = (itemId: string, n: number) => issue(wenfeng, { depotId: store.id, itemId, quantity: n });

      expect(await ok(fefo(noodle.id, 2), 'issueSupplies')).toMatchObject({ kind: 'ISSUE', batch: 'SOON', quantity: 2 });
      expect(await quantity(store.id, noodle.id, 'SOON')).toBe(1);
      // The batch expiring first holds 1: an issue takes from one batch, so 2 are refused (naming it), nothing written.
      const before = await movementCount();
      const short = await fefo(noodle.id, 2);
      expect(errorOf(short)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(short)).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'available', message: expect.stringContaining(`only 1 箱 of 方便面 in batch "SOON", expiring first on ${day(10)}`) })]);
      expect(await movementCount()).toBe(before);
      expect(await ok(fefo(noodle.id, 1), 'issueSupplies')).toMatchObject({ batch: 'SOON' });
      // SOON is empty now: LATE is next; the expired batch is never taken unless named.
      expect(await ok(fefo(noodle.id, 2), 'issueSupplies')).toMatchObject({ batch: 'LATE' });
      expect(await ok(issue(wenfeng, { depotId: store.id, itemId: noodle.id, batch: 'GONE', quantity: 1 }), 'issueSupplies')).toMatchObject({ batch: 'GONE' });
      expect([await quantity(store.id, noodle.id, 'GONE'), await quantity(store.id, noodle.id, 'SOON'), await quantity(store.id, noodle.id, 'LATE')]).toEqual([3, 0, 3]);

      // Beds: the dated batch first, then the undated one received first (B-OLD), though A-NEW sorts first by label.
      expect(await ok(fefo(bed.id, 1), 'issueSupplies')).toMatchObject({ batch: 'DATED' });
      expect(await ok(fefo(bed.id, 2), 'issueSupplies')).toMatchObject({ batch: 'B-OLD' });
      expect([await quantity(store.id, bed.id, 'A-NEW'), await quantity(store.id, bed.id, 'B-OLD'), await quantity(store.id, bed.id, 'DATED')]).toEqual([5, 3, 0]);
      // The batch taken is the one audited and announced.
      const [entry] = await sql(`SELECT changes FROM audit_log WHERE action = 'rescue.supply.issue' AND entity_id = (SELECT id FROM supply_movement WHERE depot_id = $1 AND item_id = $2 AND batch = 'B-OLD' AND kind = 'ISSUE')`, [store.id, bed.id]);
      expect(entry.changes).toMatchObject({ batch: 'B-OLD', quantity: 2, remaining: 3 });

      // Only expired stock left of an item: refused, saying so; named, it may still be issued.
      const water = await ok(mutate(office, 'createSupplyItem', 'CreateSupplyItemInput', { code: 'T-WATER', name: '饮用水', category: 'WATER', unit: '箱', shelfLifeDays: 365 }, 'id'), 'createSupplyItem');
      await ok(receive(wenfeng, { depotId: store.id, itemId: water.id, batch: 'W1', quantity: 2, expiresOn: day(-1) }), 'receiveSupplies');
      expect(fieldsOf(await fefo(water.id, 1))).toEqual([expect.objectContaining({ field: 'input.quantity', rule: 'available', message: expect.stringContaining('expired') })]);
      // Stock still equals receipts minus issues, batch by batch.
      const [mismatch] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM supply_stock s WHERE s.depot_id = $1 AND s.quantity <> (SELECT coalesce(sum(CASE WHEN m.kind = 'RECEIPT' THEN m.quantity ELSE -m.quantity END), 0) FROM supply_movement m WHERE m.depot_id = s.depot_id AND m.item_id = s.item_id AND m.batch = s.batch)`,
        [store.id],
      );
      expect(mismatch!.n).toBe(0);
    });

    it('lets concurrent issues naming no batch take exactly what the batch expiring first holds', async () => {
      const store = await ok(mutate(wenfeng, 'createSupplyDepot', 'CreateSupplyDepotInput', { organizationId: WENFENG, name: '文凤村并发储存点' }, 'id'), 'createSupplyDepot');
      await ok(receive(wenfeng, { depotId: store.id, itemId: noodle.id, batch: 'FIRST', quantity: 7, expiresOn: day(5) }), 'receiveSupplies');
      await ok(receive(wenfeng, { depotId: store.id, itemId: noodle.id, batch: 'NEXT', quantity: 20, expiresOn: day(50) }), 'receiveSupplies');
      const results = await Promise.all(Array.from({ length: 6 }, () => issue(wenfeng, { depotId: store.id, itemId: noodle.id, quantity: 3 })));
      const taken = results.filter((r) => !r.body.errors).map((r) => r.body.data!['issueSupplies'].batch);
      // FIRST gives 3 and 3, then holds 1 and is still the batch expiring first: the rest are refused, none falls through to NEXT.
      expect(taken).toEqual(['FIRST', 'FIRST']);
      for (const r of results.filter((x) => x.body.errors)) expect(fieldsOf(r)).toEqual([expect.objectContaining({ rule: 'available' })]);
      expect([await quantity(store.id, noodle.id, 'FIRST'), await quantity(store.id, noodle.id, 'NEXT')]).toEqual([1, 20]);
    });

    it('gives an issue its household (SupplyMovement.household): null when you may not read it, all of a page in one statement', async () => {
      const householdOf = async (village: string) =>
        (
          await sql<{ id: string; head_name: string }>(
            `SELECT h.id, h.head_name FROM joint_defense_household h JOIN organization o ON o.id = h.organization_id JOIN organization v ON v.id = $1 WHERE o.path <@ v.path AND h.archived_at IS NULL ORDER BY h.id LIMIT 2`,
            [village],
          )
        );
      const ours = await householdOf(WENFENG);
      const [theirs] = await householdOf(SHUANGHE);
      const store = await ok(mutate(office, 'createSupplyDepot', 'CreateSupplyDepotInput', { organizationId: WENFENG, name: '文凤村住户发放点' }, 'id'), 'createSupplyDepot');
      await ok(receive(office, { depotId: store.id, itemId: bed.id, batch: 'H1', quantity: 10 }), 'receiveSupplies');
      // Issued a minute apart, so the list (newest first) has a fixed order.
      const give = (client: GraphQLClient, householdId: string | null, minutesAgo: number) =>
        issue(client, { depotId: store.id, itemId: bed.id, batch: 'H1', quantity: 1, householdId, recipient: '受灾户', at: new Date(Date.now() - minutesAgo * 60_000).toISOString() });
      await ok(give(wenfeng, null, 4), 'issueSupplies');
      // The town office may hand 文凤村's supplies to a 双河村 household (it reads both); 文凤村's officer may not name it.
      await ok(give(office, theirs!.id, 3), 'issueSupplies');
      expect(errorOf(await give(wenfeng, theirs!.id, 3))).toEqual({ code: 'NOT_FOUND', entity: 'Household', id: theirs!.id, field: 'input.householdId' });
      await ok(give(wenfeng, ours[1]!.id, 2), 'issueSupplies');
      const issued = await ok(give(wenfeng, ours[0]!.id, 1), 'issueSupplies');
      expect(issued).toMatchObject({ householdId: ours[0]!.id });

      const q = (client: GraphQLClient, first: number) =>
        client(`query($d: UUID!) { supplyMovements(first: ${first}, filter: { depotId: $d, kinds: [ISSUE] }) { edges { node { householdId household { id headName } } } } }`, { d: store.id });
      const seen = async (client: GraphQLClient) => (await ok(q(client, 50), 'supplyMovements')).edges.map((e: any) => e.node);
      expect(await seen(wenfeng)).toEqual([
        { householdId: ours[0]!.id, household: { id: ours[0]!.id, headName: ours[0]!.head_name } },
        { householdId: ours[1]!.id, household: { id: ours[1]!.id, headName: ours[1]!.head_name } },
        // 双河村's household is beyond 文凤村's joint-defense read scope: its id stays, the household is null.
        { householdId: theirs!.id, household: null },
        { householdId: null, household: null },
      ]);
      expect((await seen(office))[2]).toEqual({ householdId: theirs!.id, household: { id: theirs!.id, headName: theirs!.head_name } });
      // A movement by its global id (node), with its household: 双河村's officer reads neither 文凤村's depot nor its movements.
      const [{ node: newest }] = (await ok(office(`query($d: UUID!) { supplyMovements(first: 1, filter: { depotId: $d, kinds: [ISSUE] }) { edges { node { nodeId } } } }`, { d: store.id }), 'supplyMovements')).edges;
      const node = `query($n: ID!) { node(nodeId: $n) { __typename ... on SupplyMovement { kind household { id } } } }`;
      expect(await ok(wenfeng(node, { n: newest.nodeId }), 'node')).toEqual({ __typename: 'SupplyMovement', kind: 'ISSUE', household: { id: ours[0]!.id } });
      expect(await ok(shuanghe(node, { n: newest.nodeId }), 'node')).toBeNull();
      // One statement for the households of the whole page, whatever its size.
      const [small, large] = [await q(office, 1), await q(office, 50)];
      expect(small.body.errors).toBeUndefined();
      expect(large.body.data!['supplyMovements'].edges).toHaveLength(4);
      expect(large.statements).toBe(small.statements);
    });
  });
});
