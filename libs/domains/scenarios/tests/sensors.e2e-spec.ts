import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { datastreamSeedId, sensorThingSeedId } from '../src/sensors/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const WENFENG = org('village-wenfeng');
const SHUANGHE = org('village-shuanghe');
const RAIN = datastreamSeedId('wenfeng-rain-5min');
const GNSS = datastreamSeedId('wenfeng-gnss-displacement');
const GAS = datastreamSeedId('sinopec-nanping-gas-lel');

const THING = 'id version name kind status organizationId enterpriseId riskPointId ownerClientId location { longitude latitude }';
const DATASTREAM = 'id version thingId organizationId observedProperty name unitSymbol samplingIntervalSeconds status ownerClientId lastPhenomenonTime lastResult';
const REPORT = 'batchKey replayed accepted duplicates rejected earliest latest rows { datastreamIndex index outcome code field rule }';
const REJECTED_ROWS = 'batchKey replayed accepted duplicates rejected earliest latest rows(outcomes: [REJECTED, DUPLICATE]) { datastreamIndex index outcome code field rule }';

/**
 * Sensors after the OGC SensorThings API: the seeded week (the rainstorm crossing 50 mm in 3 hours at
 * 04:30, the silent GNSS station), device and datastream management with scope, the batched ingestion
 * (idempotent replays and duplicates, late and out-of-order rows, per-row failures, the machine client's
 * own datastreams, the bound on rows), the ingest event, lossless paging and the read-only STA view.
 */
describe('sensors (态势感知)', () => {
  // Sunday 2026-11-29, 10:00 China time (the README's instant).
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  let admin: GraphQLClient;
  let feedKey: string;
  let feedClientId: string;
  let feed: GraphQLClient;
  let ownThing: { id: string; version: number };
  let own: { id: string; version: number };
  let second: { id: string };
  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock, env: { SENSOR_INGEST_MAX_ROWS: '500' } });
    [office, wenfeng, sinopec, admin] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('sinopec-nanping'), t.as('admin')]);
    const roles = (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: any) => e.node);
    const sensorFeed = roles.find((r: { code: string }) => r.code === 'sensor-feed').id;
    const created = (await admin(`mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "文凤村地灾监测平台", roleId: $r, organizationId: $o }) { key apiClient { id } } }`, { r: sensorFeed, o: org('town') })).body.data!['createApiClient'];
    feedKey = created.key;
    feedClientId = created.apiClient.id;
    feed = (query, variables) => t.gql(query, variables, { 'x-api-key': feedKey });
    ownThing = await mutated(office, 'registerSensorThing', 'RegisterSensorThingInput', { organizationId: WENFENG, name: '文凤村测试雨量站', kind: 'RAIN_GAUGE', location: { longitude: 107.0871, latitude: 29.0716 }, ownerClientId: feedClientId }, THING);
    own = await mutated(office, 'registerDatastream', 'RegisterDatastreamInput', datastreamInput(ownThing.id), DATASTREAM);
    second = await mutated(office, 'registerDatastream', 'RegisterDatastreamInput', { ...datastreamInput(ownThing.id), name: '5分钟降雨量（备用）' }, DATASTREAM);
  }, 300_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  function datastreamInput(thingId: string, extra: Record<string, unknown> = {}) {
    return { thingId, observedProperty: 'precipitation', name: '5分钟降雨量', unitName: 'millimetre', unitSymbol: 'mm', unitDefinition: 'http://unitsofmeasure.org/ucum.html#para-30', samplingIntervalSeconds: 300, ...extra };
  }
  const ingest = (client: GraphQLClient, input: Record<string, unknown>, fields = REPORT) => mutation(client, 'ingestObservations', 'IngestObservationsInput', input, fields);
  const ingested = (client: GraphQLClient, input: Record<string, unknown>, fields = REPORT) => mutated(client, 'ingestObservations', 'IngestObservationsInput', input, fields);
  const batch = (batchKey: string, datastreamId: string, dataArray: unknown[][], components = ['phenomenonTime', 'result']) => ({ batchKey, datastreams: [{ datastreamId, components, dataArray }] });
  const stored = async (datastreamId: string) => (await db(`SELECT to_char(phenomenon_time AT TIME ZONE 'Asia/Shanghai', 'MM-DD HH24:MI') AS at, result, batch_key FROM sensor_observation WHERE datastream_id = $1 ORDER BY phenomenon_time`, [datastreamId])) as Array<{ at: string; result: number; batch_key: string }>;
  const sumOf = async (datastreamId: string, from: string, to: string) => {
    const c = (await dataOf(office, `query($id: UUID!, $f: DateTime, $t: DateTime) { datastream(id: $id) { observations(first: 100, filter: { from: $f, to: $t }) { totalCount edges { node { result } } } } }`, { id: datastreamId, f: from, t: to }))['datastream'].observations;
    return { n: c.totalCount, sum: Math.round(c.edges.reduce((s: number, e: any) => s + e.node.result, 0) * 10) / 10 };
  };

  describe('the seeded week', () => {
    it('holds six devices at the risk points and enterprises, each with a week of 5- or 10-minute data', async () => {
      const things = (await dataOf(office, `{ sensorThings(first: 50) { totalCount edges { node { id name kind riskPoint { id } organization { name } datastreams { edges { node { id samplingIntervalSeconds } } } } } } }`))['sensorThings'];
      const seeded = things.edges.map((e: any) => e.node).filter((n: any) => n.name !== '文凤村测试雨量站');
      expect(seeded.map((n: any) => n.kind).sort()).toEqual(['GAS_DETECTOR', 'GAS_DETECTOR', 'GNSS_DISPLACEMENT', 'RAIN_GAUGE', 'SMOKE_DETECTOR', 'WATER_LEVEL']);
      expect(seeded.find((n: any) => n.id === sensorThingSeedId('wenfeng-rain'))).toMatchObject({ organization: { name: '文凤村' }, riskPoint: { id: seedId(`risk-point:village:${WENFENG}`) } });
      const counts = await db(`SELECT datastream_id, count(*)::int AS n, min(phenomenon_time) AS first FROM sensor_observation WHERE datastream_id = ANY($1) GROUP BY datastream_id`, [[RAIN, GNSS, GAS]]);
      const byId = new Map(counts.map((c: any) => [c.datastream_id, c.n]));
      // 2026-11-22 10:00 to 2026-11-29 09:55 every 5 minutes; the GNSS station every 10 minutes until 2026-11-28 06:00.
      expect([byId.get(RAIN), byId.get(GAS), byId.get(GNSS)]).toEqual([2016, 2016, 841]);
      expect((await db(`SELECT max(phenomenon_time) >= '2026-11-29T10:00:00+08:00' AS after FROM sensor_observation`))[0].after).toBe(false);
    });

    it('has one rainstorm whose 3-hour sum reaches 50 mm at 04:30 on 2026-11-27, and a GNSS station silent since 2026-11-28 06:00', async () => {
      // The 3-hour window ending at an instant holds the 5-minute sums after its start up to it.
      expect(await sumOf(RAIN, '2026-11-27T01:25:01+08:00', '2026-11-27T04:25:01+08:00')).toEqual({ n: 36, sum: 48.5 });
      expect(await sumOf(RAIN, '2026-11-27T01:30:01+08:00', '2026-11-27T04:30:01+08:00')).toEqual({ n: 36, sum: 51 });
      const gnss = (await dataOf(office, `query($id: UUID!) { datastream(id: $id) { lastPhenomenonTime observedPropertyInfo { nameZh } unitOfMeasurement { symbol } thing { name } } }`, { id: GNSS }))['datastream'];
      expect(gnss).toEqual({ lastPhenomenonTime: '2026-11-27T22:00:00.000Z', observedPropertyInfo: { nameZh: '累计位移' }, unitOfMeasurement: { symbol: 'mm' }, thing: { name: '文凤村滑坡体GNSS监测站' } });
      const silent = (await dataOf(office, `{ datastreams(first: 20, filter: { silentSince: "2026-11-29T09:00:00+08:00" }) { edges { node { id } } } }`))['datastreams'].edges.map((e: any) => e.node.id);
      expect(silent).toEqual(expect.arrayContaining([GNSS]));
      expect(silent).not.toContain(RAIN);
    });
  });

  describe('devices and datastreams', () => {
    it('registers in the caller\'s scope; another village\'s, out of reach, answers NOT_FOUND', async () => {
      const mine = await mutated(wenfeng, 'registerSensorThing', 'RegisterSensorThingInput', { organizationId: WENFENG, riskPointId: seedId(`risk-point:village:${WENFENG}`), name: '文凤村2组裂缝计', kind: 'GNSS_DISPLACEMENT' }, THING);
      expect(mine).toMatchObject({ organizationId: WENFENG, enterpriseId: null, status: 'ACTIVE', version: 1, location: null });
      const other = await mutation(wenfeng, 'registerSensorThing', 'RegisterSensorThingInput', { organizationId: SHUANGHE, name: '越权设备', kind: 'RAIN_GAUGE' }, THING);
      expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
      // The enterprise sees its own devices only; the village its own and its enterprises'.
      const seen = async (client: GraphQLClient) => (await dataOf(client, `{ sensorThings(first: 50) { edges { node { id } } } }`))['sensorThings'].edges.map((e: any) => e.node.id);
      expect(await seen(sinopec)).toEqual([sensorThingSeedId('sinopec-nanping-gas-1')]);
      expect(await seen(wenfeng)).toEqual(expect.arrayContaining([sensorThingSeedId('wenfeng-rain'), sensorThingSeedId('fengxiang-smoke-1'), mine.id]));
      expect(await seen(wenfeng)).not.toContain(sensorThingSeedId('shuanghe-level'));
      expect((await dataOf(sinopec, `query($id: UUID!) { datastream(id: $id) { id } }`, { id: RAIN }))['datastream']).toBeNull();
    });

    it('refuses a unit that does not suit the property and an unknown feed client, naming the field and rule', async () => {
      const res = await mutation(office, 'registerDatastream', 'RegisterDatastreamInput', datastreamInput(ownThing.id, { unitSymbol: 'm' }), DATASTREAM);
      expect(errorOf(res)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([expect.objectContaining({ field: 'input.unitSymbol', rule: 'unit' })]);
      const client = await mutation(office, 'registerSensorThing', 'RegisterSensorThingInput', { organizationId: WENFENG, name: '无客户端', kind: 'RAIN_GAUGE', ownerClientId: '00000000-0000-4000-8000-000000000000' }, THING);
      expect(fieldsOf(client)).toEqual([expect.objectContaining({ field: 'input.ownerClientId', rule: 'feedClient' })]);
      const stale = await mutation(office, 'updateSensorThing', 'UpdateSensorThingInput', { id: ownThing.id, version: 99, name: 'x' }, THING);
      expect(errorOf(stale)?.['code']).toBe('CONFLICT');
    });

    it('retires a device with its datastreams: their rows are then rejected with rule state', async () => {
      const thing = await mutated(office, 'registerSensorThing', 'RegisterSensorThingInput', { organizationId: SHUANGHE, name: '待拆除水位计', kind: 'WATER_LEVEL' }, THING);
      const stream = await mutated(office, 'registerDatastream', 'RegisterDatastreamInput', datastreamInput(thing.id, { observedProperty: 'water_level', unitSymbol: 'm', unitName: 'metre', samplingIntervalSeconds: 600 }), DATASTREAM);
      const retired = await mutated(office, 'retireSensorThing', 'RetireSensorThingInput', { id: thing.id, version: thing.version, reason: '桥梁改建，设备拆除' }, 'status version');
      expect(retired).toEqual({ status: 'RETIRED', version: 2 });
      expect((await dataOf(office, `query($id: UUID!) { datastream(id: $id) { status } }`, { id: stream.id }))['datastream']).toEqual({ status: 'RETIRED' });
      const report = await ingested(office, batch('retired-1', stream.id, [['2026-11-29T09:00:00+08:00', 1.3]]));
      expect(report.rows).toEqual([{ datastreamIndex: 0, index: 0, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.datastreamId', rule: 'state' }]);
      const again = await mutation(office, 'retireSensorThing', 'RetireSensorThingInput', { id: thing.id, version: 2, reason: '重复' }, 'status');
      expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    });
  });

  describe('ingestion', () => {
    it('accepts out-of-order rows, answers a replayed batch key with the same report and writes nothing; a new key finds duplicates', async () => {
      const rows = [
        ['2026-11-29T08:10:00+08:00', 0.5],
        ['2026-11-29T08:00:00+08:00', 0.0],
        ['2026-11-29T08:05:00+08:00', 1.5],
      ];
      const first = await ingested(feed, batch('feed-0001', own.id, rows));
      expect(first).toEqual({
        batchKey: 'feed-0001',
        replayed: false,
        accepted: 3,
        duplicates: 0,
        rejected: 0,
        earliest: '2026-11-29T00:00:00.000Z',
        latest: '2026-11-29T00:10:00.000Z',
        rows: [0, 1, 2].map((index) => ({ datastreamIndex: 0, index, outcome: 'ACCEPTED', code: null, field: null, rule: null })),
      });
      const replay = await ingested(feed, batch('feed-0001', own.id, [['2026-11-29T08:15:00+08:00', 9]]));
      expect(replay).toEqual({ ...first, replayed: true });
      expect((await stored(own.id)).map((r) => [r.at, r.result])).toEqual([
        ['11-29 08:00', 0],
        ['11-29 08:05', 1.5],
        ['11-29 08:10', 0.5],
      ]);
      const resent = await ingested(feed, batch('feed-0002', own.id, rows), REJECTED_ROWS);
      expect(resent).toMatchObject({ replayed: false, accepted: 0, duplicates: 3, rejected: 0, earliest: null });
      expect(resent.rows.map((r: any) => r.outcome)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
      // The batch key is the client's own: the office's same key is a new batch.
      expect((await ingested(office, batch('feed-0001', own.id, rows))).duplicates).toBe(3);
    });

    it('accepts late data without moving the latest observation back; the stored value of a duplicate stays', async () => {
      await ingested(feed, batch('feed-late-1', own.id, [['2026-11-29T09:00:00+08:00', 2.0]]));
      const late = await ingested(feed, batch('feed-late-2', own.id, [['2026-11-28T20:00:00+08:00', 0.7], ['2026-11-29T09:00:00+08:00', 8.8]]), REJECTED_ROWS);
      expect(late).toMatchObject({ accepted: 1, duplicates: 1, earliest: '2026-11-28T12:00:00.000Z', latest: '2026-11-28T12:00:00.000Z' });
      const d = (await dataOf(office, `query($id: UUID!) { datastream(id: $id) { lastPhenomenonTime lastResult } }`, { id: own.id }))['datastream'];
      expect(d).toEqual({ lastPhenomenonTime: '2026-11-29T01:00:00.000Z', lastResult: 2 });
    });

    it('keeps the good rows of a batch and reports each bad one with its field and rule', async () => {
      const report = await ingested(
        feed,
        {
          batchKey: 'feed-mixed',
          datastreams: [
            {
              datastreamId: own.id,
              components: ['phenomenonTime', 'result', 'resultQuality'],
              dataArray: [
                ['2026-11-29T07:00:00+08:00', 0.2, 'good'],
                ['2026-11-29 07:05', 0.2, null],
                ['2026-11-29T07:10:00+08:00', 'heavy', null],
                ['2026-11-29T07:15:00+08:00', 900, null],
                ['2026-11-29T11:00:00+08:00', 0.1, null],
                ['2026-11-29T07:25:00+08:00', 0.3],
                ['2026-11-29T07:30:00+08:00', null, null],
                ['2026-11-29T07:00:00+08:00', 0.4, null],
                ['2026-11-29T07:35:00+08:00/2026-11-29T07:40:00+08:00', 0.6, 'suspect'],
              ],
            },
            { datastreamId: RAIN, components: ['phenomenonTime', 'result'], dataArray: [['2026-11-29T09:00:00+08:00', 0]] },
          ],
        },
        REJECTED_ROWS,
      );
      expect(report).toMatchObject({ accepted: 2, duplicates: 1, rejected: 7 });
      expect(report.rows).toEqual([
        { datastreamIndex: 0, index: 1, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.dataArray.1.0', rule: 'dateTime' },
        { datastreamIndex: 0, index: 2, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.dataArray.2.1', rule: 'result' },
        { datastreamIndex: 0, index: 3, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.dataArray.3.1', rule: 'range' },
        { datastreamIndex: 0, index: 4, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.dataArray.4.0', rule: 'notFuture' },
        { datastreamIndex: 0, index: 5, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.dataArray.5', rule: 'dataArray' },
        { datastreamIndex: 0, index: 6, outcome: 'REJECTED', code: 'BAD_USER_INPUT', field: 'datastreams.0.dataArray.6.1', rule: 'required' },
        { datastreamIndex: 0, index: 7, outcome: 'DUPLICATE', code: null, field: null, rule: null },
        // The seeded rain gauge is not this client's: it answers like a missing datastream.
        { datastreamIndex: 1, index: 0, outcome: 'REJECTED', code: 'NOT_FOUND', field: 'datastreams.1.datastreamId', rule: 'exists' },
      ]);
      const kept = await db(`SELECT result, result_quality, phenomenon_time_end IS NOT NULL AS interval FROM sensor_observation WHERE datastream_id = $1 AND batch_key = 'feed-mixed' ORDER BY phenomenon_time`, [own.id]);
      expect(kept).toEqual([
        { result: 0.2, result_quality: 'good', interval: false },
        { result: 0.6, result_quality: 'suspect', interval: true },
      ]);
    });

    it('publishes scenarios.observation.ingest after commit with the datastreams and the span, and audits one entry per batch', async () => {
      const events: any[] = [];
      const stop = t.gateway.events.subscribe('scenarios.observation.ingest', (e) => events.push(e.payload));
      try {
        await ingested(feed, {
          batchKey: 'feed-event',
          datastreams: [
            { datastreamId: own.id, components: ['phenomenonTime', 'result'], dataArray: [['2026-11-29T06:00:00+08:00', 0.1], ['2026-11-29T06:05:00+08:00', 0.2]] },
            { datastreamId: second.id, components: ['result', 'phenomenonTime'], dataArray: [[0.3, '2026-11-29T05:55:00+08:00']] },
          ],
        });
        await ingested(feed, batch('feed-event', own.id, [['2026-11-29T06:10:00+08:00', 0.1]]));
        await ingested(feed, batch('feed-nothing-new', own.id, [['2026-11-29T06:00:00+08:00', 0.1]]));
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        stop();
      }
      expect(events).toEqual([{ datastreamIds: expect.arrayContaining([own.id, second.id]), earliest: '2026-11-28T21:55:00.000Z', latest: '2026-11-28T22:05:00.000Z' }]);
      expect(events[0].datastreamIds).toHaveLength(2);
      const audits = await db(`SELECT changes->>'batchKey' AS key, (changes->>'accepted')::int AS accepted FROM audit_log WHERE action = 'scenarios.observation.ingest' AND changes->>'batchKey' LIKE 'feed-%' ORDER BY occurred_at, key`);
      expect(audits.filter((a: any) => a.key === 'feed-event')).toEqual([{ key: 'feed-event', accepted: 3 }]);
    });

    it('bounds the rows per call, checks the components, and is refused to callers without the ingest permission', async () => {
      const many = Array.from({ length: 501 }, (_, i) => [new Date(Date.parse('2026-11-20T00:00:00Z') + i * 60_000).toISOString(), 0]);
      const tooMany = await ingest(feed, batch('feed-big', own.id, many));
      expect(fieldsOf(tooMany)).toEqual([expect.objectContaining({ field: 'input.datastreams', rule: 'batchSize' })]);
      const noResult = await ingest(feed, batch('feed-components', own.id, [['2026-11-29T06:00:00+08:00']], ['phenomenonTime', 'resultTime']));
      expect(fieldsOf(noResult)).toEqual([expect.objectContaining({ field: 'input.datastreams.0.components', rule: 'components' })]);
      const unknown = await ingest(feed, batch('feed-components', own.id, [['2026-11-29T06:00:00+08:00', 1]], ['phenomenonTime', 'value']));
      expect(errorOf(unknown)?.['code']).toBe('BAD_USER_INPUT');
      expect(errorOf(await ingest(wenfeng, batch('village-1', own.id, [['2026-11-29T06:00:00+08:00', 1]])))?.['code']).toBe('FORBIDDEN');
      // Nothing of the refused calls was kept.
      expect((await db(`SELECT count(*)::int AS n FROM sensor_ingest_batch WHERE batch_key IN ('feed-big', 'feed-components', 'village-1')`))[0].n).toBe(0);
    });

    it('ingests 500 rows of two datastreams in a bounded number of statements', async () => {
      const rows = (offset: number) => Array.from({ length: 250 }, (_, i) => [new Date(Date.parse('2026-11-10T00:00:00Z') + (i * 5 + offset) * 60_000).toISOString(), (i % 7) * 0.1]);
      const res = await ingest(feed, { batchKey: 'feed-500', datastreams: [{ datastreamId: own.id, components: ['phenomenonTime', 'result'], dataArray: rows(0) }, { datastreamId: second.id, components: ['phenomenonTime', 'result'], dataArray: rows(1) }] }, 'accepted');
      expect(res.body.data!['ingestObservations']).toEqual({ accepted: 500 });
      // Lock + replay check, the datastreams, the rows, the batch, the audit entry, the outbox (and the transaction's own).
      expect(res.statements).toBeLessThanOrEqual(10);
    });
  });

  describe('reads', () => {
    it('pages observations sharing a timestamp losslessly with page size 1, both directions', async () => {
      const same = [['2026-11-29T05:00:00+08:00', 0.1], ['2026-11-29T05:05:00+08:00', 0.2], ['2026-11-29T05:10:00+08:00', 0.3]];
      await ingested(feed, { batchKey: 'feed-paging', datastreams: [own.id, second.id].map((datastreamId) => ({ datastreamId, components: ['phenomenonTime', 'result'], dataArray: same })) });
      const query = `query($ids: [UUID!], $first: Int, $after: String, $last: Int, $before: String) {
        observations(filter: { datastreamIds: $ids, from: "2026-11-29T05:00:00+08:00", to: "2026-11-29T05:15:00+08:00" }, first: $first, after: $after, last: $last, before: $before) {
          totalCount edges { cursor node { datastreamId phenomenonTime } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const ids = await expectPagedCompletely(office, query, { ids: [own.id, second.id] }, ['observations'], 1, 6, (n) => `${n.datastreamId}@${n.phenomenonTime}`);
      const [a, b] = [own.id, second.id].sort().reverse();
      expect(ids).toEqual(['05:10', '05:05', '05:00'].flatMap((hm) => [a, b].map((id) => `${id}@${new Date(`2026-11-29T${hm}:00+08:00`).toISOString()}`)));
    });

    it('sorts observations by phenomenon time either way, and lists those received since an instant (change feed)', async () => {
      const window = 'from: "2026-11-29T04:00:00+08:00", to: "2026-11-29T04:30:00+08:00"';
      await ingested(feed, batch('feed-sort-early', own.id, [['2026-11-29T04:00:00+08:00', 1], ['2026-11-29T04:10:00+08:00', 2]]));
      clock.set(new Date(NOW.getTime() + 3_600_000));
      await ingested(feed, batch('feed-sort-late', own.id, [['2026-11-29T04:05:00+08:00', 3], ['2026-11-29T04:20:00+08:00', 4]]));
      const list = async (args: string) =>
        (await dataOf(office, `query($ids: [UUID!]) { observations(first: 10, ${args}) { totalCount edges { node { result datastream { id } } } } }`, { ids: [own.id] }))['observations'];
      const ascending = await list(`filter: { datastreamIds: $ids, ${window} }, orderBy: [{ field: PHENOMENON_TIME, direction: ASC }]`);
      expect(ascending.edges.map((e: any) => e.node.result)).toEqual([1, 3, 2, 4]);
      expect(ascending.edges[0].node.datastream).toEqual({ id: own.id });
      expect((await list(`filter: { datastreamIds: $ids, ${window} }`)).edges.map((e: any) => e.node.result)).toEqual([4, 2, 3, 1]);
      const changed = await list(`filter: { datastreamIds: $ids, ${window}, updatedSince: "${new Date(NOW.getTime() + 1_800_000).toISOString()}" }`);
      expect({ total: changed.totalCount, results: changed.edges.map((e: any) => e.node.result) }).toEqual({ total: 2, results: [4, 3] });
    });

    it('pages datastreams sharing a name losslessly with page size 1, both directions (ties by id)', async () => {
      await mutated(office, 'registerDatastream', 'RegisterDatastreamInput', datastreamInput(ownThing.id), DATASTREAM);
      const query = `query($thing: UUID!, $first: Int, $after: String, $last: Int, $before: String) {
        datastreams(filter: { thingId: $thing }, first: $first, after: $after, last: $last, before: $before) {
          totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
      const ids = await expectPagedCompletely(office, query, { thing: ownThing.id }, ['datastreams'], 1, 3);
      expect(ids).toContain(own.id);
    });

    it('loads the nested observations of many datastreams in one statement per level', async () => {
      const resolvers = await t.resolvers('anban');
      const q = (n: number) => `{ datastreams(first: ${n}) { edges { node { id thing { name enterprise { id } ownerClient { id } } organization { id } ownerClient { id } observations(first: 3, filter: { to: "2026-11-29T00:00:00+08:00" }) { edges { node { phenomenonTime result } } } } } } }`;
      // Every datastream of the demo town and the ones made above: the large page holds owned and unowned
      // ones, at enterprises and villages, so each relation's loader runs in both; the count must not grow with the page.
      const all = await resolvers(q(50));
      const six = await resolvers(q(6));
      const two = await resolvers(q(2));
      expect(all.body.errors).toBeUndefined();
      expect(six.body.errors).toBeUndefined();
      expect(two.body.errors).toBeUndefined();
      expect(six.statements).toBeLessThanOrEqual(all.statements);
      expect(two.statements).toBeLessThanOrEqual(six.statements);
      // One statement per level at most: the page, thing, its enterprise and owner client, organization, owner client, observations.
      expect(all.statements).toBeLessThanOrEqual(7);
      expect(six.body.data!['datastreams'].edges.every((e: any) => e.node.observations.edges.length <= 3)).toBe(true);
      const gas = six.body.data!['datastreams'].edges.map((e: any) => e.node).find((d: any) => d.id === GAS);
      expect(gas ? { organization: gas.organization, enterprise: gas.thing.enterprise } : 'gas datastream not in the first six').toEqual({ organization: { id: org('ent-sinopec-nanping') }, enterprise: { id: org('ent-sinopec-nanping') } });
    });
  });

  describe('the SensorThings view (/sta/v1.1)', () => {
    const get = async (path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(path.startsWith('http') ? path : `${t.origin}/sta/v1.1${path}`, { headers });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    let bearer: Record<string, string>;
    beforeAll(async () => {
      bearer = { authorization: `Bearer ${await t.token('anban')}` };
    });

    it('pages a datastream\'s observations with $top, $skip, $filter on phenomenonTime and @iot.nextLink to the end', async () => {
      const filter = encodeURIComponent('phenomenonTime ge 2026-11-27T02:00:00+08:00 and phenomenonTime lt 2026-11-27T03:00:00+08:00');
      const first = await get(`/Datastreams('${RAIN}')/Observations?$top=5&$count=true&$filter=${filter}`, bearer);
      expect(first.status).toBe(200);
      expect(first.body['@iot.count']).toBe(12);
      expect(first.body.value).toHaveLength(5);
      expect(first.body.value[0]).toEqual({
        '@iot.id': `${RAIN}:${Date.parse('2026-11-27T02:00:00+08:00')}`,
        '@iot.selfLink': `${t.origin}/sta/v1.1/Observations('${RAIN}:${Date.parse('2026-11-27T02:00:00+08:00')}')`,
        phenomenonTime: '2026-11-26T18:00:00.000Z',
        resultTime: '2026-11-26T18:00:00.000Z',
        result: 0,
        'Datastream@iot.navigationLink': `${t.origin}/sta/v1.1/Observations('${RAIN}:${Date.parse('2026-11-27T02:00:00+08:00')}')/Datastream`,
      });
      let page = first;
      const results: number[] = [];
      for (let n = 0; n < 5 && page; n++) {
        results.push(...page.body.value.map((o: any) => o.result));
        page = page.body['@iot.nextLink'] ? await get(page.body['@iot.nextLink'], bearer) : (null as never);
      }
      expect(results).toEqual([0, ...Array(11).fill(1.5)]);
      const one = await get(`/Observations('${RAIN}:${Date.parse('2026-11-27T04:30:00+08:00')}')`, bearer);
      expect(one.body).toMatchObject({ result: 2.5, phenomenonTime: '2026-11-26T20:30:00.000Z' });
    });

    it('serves Things and Datastreams within scope, with locations, units and navigation links', async () => {
      const things = await get(`/Things?$top=100`, { authorization: `Bearer ${await t.token('sinopec-nanping')}` });
      expect(things.body.value.map((x: any) => x['@iot.id'])).toEqual([sensorThingSeedId('sinopec-nanping-gas-1')]);
      expect(things.body.value[0]).toMatchObject({ name: '南平加油站卸油区可燃气体探测器', Locations: [{ encodingType: 'application/geo+json', location: { type: 'Point' } }] });
      const stream = await get(`/Datastreams('${GAS}')`, bearer);
      expect(stream.body).toMatchObject({ unitOfMeasurement: { symbol: '%LEL' }, observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', ObservedProperty: { description: '可燃气体浓度' } });
      expect((await get(`/Datastreams('${GAS}')/Thing`, bearer)).body['@iot.id']).toBe(sensorThingSeedId('sinopec-nanping-gas-1'));
      const all = await get(`/Datastreams?$top=2`, bearer);
      expect(all.body.value).toHaveLength(2);
      expect(all.body['@iot.nextLink']).toContain('%24skip=2');
    });

    it('answers STA errors: a bad $filter 400, another\'s datastream 404, no credentials refused', async () => {
      expect(await get(`/Observations?$filter=${encodeURIComponent('result gt 3')}`, bearer)).toMatchObject({ status: 400, body: { code: 400, type: 'error' } });
      expect(await get(`/Observations?$top=5000`, bearer)).toMatchObject({ status: 400 });
      const sinopecBearer = { authorization: `Bearer ${await t.token('sinopec-nanping')}` };
      expect((await get(`/Datastreams('${RAIN}')/Observations`, sinopecBearer)).status).toBe(404);
      expect((await get(`/Things`)).status).toBeGreaterThanOrEqual(401);
    });
  });
});
