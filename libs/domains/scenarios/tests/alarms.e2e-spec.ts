import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { PAGE_ARGS, PAGE_VARS, errorOf, expectPagedCompletely, fieldsOf, pause, startTestGateway, subscribe, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { alarmRuleSeedId } from '../src/alarms/public';
import { datastreamSeedId } from '../src/sensors/sensors.seed';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const WENFENG = org('village-wenfeng');
const MINUTE = 60_000;
/** The test readings start at 2026-11-28 12:00 China time, a day before the clock. */
const T0 = new Date('2026-11-28T04:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE).toISOString();

const ALARM = `id version kind status level value peakValue conditionSince triggeredAt conditionEndedAt acknowledgedAt acknowledgementNote convertedTo hazardId warningId clearedAt clearance clearReason organizationId datastreamId ruleId
  rule { code } warningDraft { hazardType eventName level headline targetOrganizationIds source }`;
type Alarm = { id: string; version: number; status: string; [k: string]: any };

/**
 * Alarm rules and alarms: the seeded 暴雨 signal alarms over the demo week; rolling-window sums at the
 * window's edge, hysteresis, minimum duration, maintenance suppression and idempotent evaluation on
 * test datastreams; acknowledgement, conversion into a warning draft and a hazard, clearance; scope,
 * typed errors, the subscription, pagination and statement counts.
 */
describe('alarms (监测报警)', () => {
  // The README's instant: 2026-11-29 10:00 China time.
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let sinopec: GraphQLClient;
  let windowRule: string;
  let levelRule: string;
  let combinedRule: string;
  const ds: Record<string, string> = {};

  const thing = async (name: string, kind: string) =>
    (await mutated(office, 'registerSensorThing', 'RegisterSensorThingInput', { organizationId: WENFENG, name, kind }, 'id')).id as string;
  const stream = async (thingId: string, property: string, unit: string) =>
    (
      await mutated(office, 'registerDatastream', 'RegisterDatastreamInput', {
        thingId,
        observedProperty: property,
        name: `测试${property}`,
        unitName: unit === 'mm' ? 'millimetre' : unit === 'm' ? 'metre' : 'percent of lower explosive limit',
        unitSymbol: unit,
        unitDefinition: `http://unitsofmeasure.org/ucum.html#${unit}`,
        samplingIntervalSeconds: 300,
      }, 'id')
    ).id as string;
  /** Readings every 5 minutes from T0 for `minutes`, `base` except where `values` says (minutes → value). */
  const series = (minutes: number, base: number, values: Record<number, number>) =>
    Array.from({ length: minutes / 5 + 1 }, (_, i) => [at(i * 5), values[i * 5] ?? base]);
  const ingest = (batchKey: string, rows: Record<string, unknown[][]>) =>
    mutated(office, 'ingestObservations', 'IngestObservationsInput', { batchKey, datastreams: Object.entries(rows).map(([datastreamId, dataArray]) => ({ datastreamId, components: ['phenomenonTime', 'result'], dataArray })) }, 'accepted rejected');
  const evaluate = (ruleIds: string[]) =>
    mutated(office, 'evaluateAlarmRules', 'EvaluateAlarmsInput', { from: at(-1), to: at(180), ruleIds }, 'triggered updated cleared');
  const alarmsOf = async (filter: Record<string, unknown>, client = office): Promise<Alarm[]> =>
    (await dataOf(client, `query($f: AlarmFilter) { alarms(first: 100, filter: $f) { edges { node { ${ALARM} } } } }`, { f: filter }))['alarms'].edges.map((e: any) => e.node);
  const one = async (id: string, client = office): Promise<Alarm | null> => (await dataOf(client, `query($id: UUID!) { alarm(id: $id) { ${ALARM} } }`, { id }))['alarm'];

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, shuanghe, sinopec] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('sinopec-nanping')]);
    const rain = await thing('测试雨量站', 'RAIN_GAUGE');
    for (const k of ['A', 'B', 'C']) ds[k] = await stream(rain, 'precipitation', 'mm');
    const level = await thing('测试水位站', 'WATER_LEVEL');
    ds['L'] = await stream(level, 'water_level', 'm');
    const gas = await thing('测试可燃气体探测器组', 'GAS_DETECTOR');
    ds['M1'] = await stream(gas, 'gas_lel', '%LEL');
    ds['M2'] = await stream(gas, 'gas_lel', '%LEL');
    combinedRule = (
      await mutated(office, 'createAlarmRule', 'CreateAlarmRuleInput', {
        code: 'test.gas-combined', name: '测试两台探测器同时≥20%LEL', observedProperty: 'gas_lel', datastreamIds: [ds['M1'], ds['M2']], kind: 'COMBINED', minDatastreams: 2,
        triggerValue: 20, clearValue: 15, level: 'ORANGE', conversionTarget: 'HAZARD', hazardCategory: 'WORK_SAFETY',
      }, 'id')
    ).id;
    windowRule = (
      await mutated(office, 'createAlarmRule', 'CreateAlarmRuleInput', {
        code: 'test.rain-1h', name: '测试1小时雨量≥10毫米', observedProperty: 'precipitation', datastreamIds: [ds['A'], ds['B'], ds['C']], kind: 'WINDOW_SUM', windowHours: 1,
        triggerValue: 10, clearValue: 3, level: 'ORANGE', conversionTarget: 'WARNING', hazardCategory: 'FLOOD', warningHazardType: 'RAINSTORM',
      }, 'id')
    ).id;
    levelRule = (
      await mutated(office, 'createAlarmRule', 'CreateAlarmRuleInput', {
        code: 'test.level-10min', name: '测试水位≥2米持续10分钟', observedProperty: 'water_level', datastreamIds: [ds['L']], kind: 'THRESHOLD',
        triggerValue: 2, clearValue: 1.8, minimumDurationMinutes: 10, level: 'YELLOW', conversionTarget: 'HAZARD', hazardCategory: 'FLOOD',
      }, 'id')
    ).id;
    // The level station is under maintenance from T0+100 to T0+130: its spike there raises nothing.
    await mutated(office, 'recordSensorMaintenanceWindow', 'RecordMaintenanceWindowInput', { thingId: level, startsAt: at(100), endsAt: at(130), reason: '水尺清淤校准' }, 'id');
    await ingest('test-alarms-1', {
      // A: 6 mm at T0 and 4 mm exactly one hour later: the window (t − 1 h, t] never holds both.
      [ds['A']!]: series(120, 0, { 0: 6, 60: 4 }),
      // B and C: 4 mm at T0+55: 10 mm in the hour, the alarm; 4 mm stay in the window until T0+115 (above the clear value 3).
      [ds['B']!]: series(120, 0, { 0: 6, 55: 4 }),
      [ds['C']!]: series(120, 0, { 0: 6, 55: 4 }),
      // L: 2.1 m for 5 minutes (too short), 2.2 m from T0+60 to T0+75 (raised at T0+70), 2.5 m in maintenance.
      // M1 at 25 %LEL from T0+10 to T0+30, M2 at 22 from T0+20 to T0+25: both alarm from T0+20; at T0+30 M2 is back to 0 (past the clear value).
      [ds['M1']!]: series(120, 0, { 10: 25, 15: 25, 20: 25, 25: 25, 30: 25 }),
      [ds['M2']!]: series(120, 0, { 20: 22, 25: 22 }),
      [ds['L']!]: series(120, 1, { 10: 2.1, 15: 2.1, 60: 2.2, 65: 2.2, 70: 2.2, 75: 2.2, 100: 2.5, 105: 2.5, 110: 2.5, 115: 2.5, 120: 2.5 }),
    });
    await evaluate([windowRule, levelRule, combinedRule]);
    // The first file of a run builds the seeded template of every module (waiting for other runs building theirs).
  }, 600_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  it('raises the seeded rainstorm\'s signal alarms over the demo week: orange at 04:30 with 51 mm in 3 hours, no red', async () => {
    const rain = datastreamSeedId('wenfeng-rain-5min');
    const [orange] = await alarmsOf({ ruleId: alarmRuleSeedId('rain.orange-3h'), datastreamId: rain });
    expect(orange).toMatchObject({ kind: 'RULE', level: 'ORANGE', status: 'TRIGGERED', triggeredAt: '2026-11-26T20:30:00.000Z', rule: { code: 'rain.orange-3h' }, organizationId: WENFENG });
    expect(orange!.value).toBeCloseTo(51, 6);
    expect(orange!.conditionEndedAt).not.toBeNull();
    expect(await alarmsOf({ ruleId: alarmRuleSeedId('rain.red-3h') })).toEqual([]);
    const levels = (await alarmsOf({ datastreamId: rain })).map((a) => a.level).sort();
    expect(levels).toEqual(['BLUE', 'ORANGE', 'YELLOW']);
    const rules = (await dataOf(office, `{ alarmRules(first: 100, filter: { observedProperty: "precipitation" }) { totalCount edges { node { code kind windowHours triggerValue clearValue level } } } }`))['alarmRules'];
    expect(rules.edges.map((e: any) => e.node)).toEqual(
      expect.arrayContaining([
        { code: 'rain.blue-12h', kind: 'WINDOW_SUM', windowHours: 12, triggerValue: 50, clearValue: 40, level: 'BLUE' },
        { code: 'rain.red-3h', kind: 'WINDOW_SUM', windowHours: 3, triggerValue: 100, clearValue: 80, level: 'RED' },
      ]),
    );
  });

  it('sums the rolling window (t − 1 h, t]: a reading exactly an hour earlier is outside it, five minutes less inside', async () => {
    expect(await alarmsOf({ datastreamId: ds['A'], kind: 'RULE' })).toEqual([]);
    const [b] = await alarmsOf({ datastreamId: ds['B'], kind: 'RULE' });
    expect(b).toMatchObject({ status: 'TRIGGERED', value: 10, peakValue: 10, conditionSince: at(55), triggeredAt: at(55), ruleId: windowRule });
  });

  it('keeps the condition in the hysteresis band: 4 mm in the window (≥ clear 3) hold it until they leave it at T0+115', async () => {
    const [b] = await alarmsOf({ datastreamId: ds['B'], kind: 'RULE' });
    // At T0+60 the sum fell to 4 (below the trigger, above the clear value): still on.
    expect(b!.conditionEndedAt).toBe(at(115));
    // Nobody acknowledged it: it stays open although the condition ended.
    expect(b!.status).toBe('TRIGGERED');
  });

  it('raises only after the minimum duration and never inside a maintenance window', async () => {
    const alarms = await alarmsOf({ datastreamId: ds['L'], kind: 'RULE' });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ conditionSince: at(60), triggeredAt: at(70), value: 2.2, conditionEndedAt: at(80), level: 'YELLOW' });
  });

  it('alarms when several sensors alarm together (COMBINED), on the rule\'s first datastream', async () => {
    expect(await alarmsOf({ datastreamId: ds['M2'], kind: 'RULE' })).toEqual([]);
    const alarms = await alarmsOf({ ruleId: combinedRule });
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ datastreamId: ds['M1'], conditionSince: at(20), triggeredAt: at(20), value: 2, conditionEndedAt: at(30), level: 'ORANGE' });
  });

  it('is idempotent: evaluating again raises nothing', async () => {
    const again = await evaluate([windowRule, levelRule, combinedRule]);
    expect(again).toEqual({ triggered: [], updated: [], cleared: [] });
    expect(await alarmsOf({ ruleId: windowRule })).toHaveLength(2);
  });

  it('acknowledges, converts into a warning draft and clears when the condition is over', async () => {
    const [b] = await alarmsOf({ datastreamId: ds['B'], kind: 'RULE' });
    const acked = await mutated<Alarm>(wenfeng, 'acknowledgeAlarm', 'AcknowledgeAlarmInput', { id: b!.id, version: b!.version, note: '已电话通知三组组长巡查' }, ALARM);
    expect(acked).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgementNote: '已电话通知三组组长巡查' });
    const converted = await mutated<Alarm>(office, 'convertAlarm', 'ConvertAlarmInput', { id: acked.id, version: acked.version }, ALARM);
    expect(converted).toMatchObject({ status: 'CONVERTED', convertedTo: 'WARNING', warningId: null, hazardId: null });
    expect(converted.warningDraft).toMatchObject({ hazardType: 'RAINSTORM', eventName: '暴雨', level: 'ORANGE', targetOrganizationIds: [WENFENG], source: '南平镇监测预警系统' });
    expect(converted.warningDraft.headline).toMatch(/发布暴雨橙色预警$/);
    // The condition ended at T0+115, before the conversion: the next evaluation clears the converted alarm, as of its conversion.
    // (The catch-up job may get there first: the state is asserted, not this call's answer.)
    await evaluate([windowRule]);
    expect(await one(b!.id)).toMatchObject({ status: 'CLEARED', clearance: 'CONDITION_ENDED', clearedAt: NOW.toISOString(), conditionEndedAt: at(115) });
  });

  it('converts into a hazard of the risk module (source SENSOR) in the same transaction', async () => {
    const [c] = await alarmsOf({ datastreamId: ds['C'], kind: 'RULE' });
    const converted = await mutated<Alarm>(office, 'convertAlarm', 'ConvertAlarmInput', { id: c!.id, version: c!.version, target: 'HAZARD' }, ALARM);
    expect(converted).toMatchObject({ status: 'CONVERTED', convertedTo: 'HAZARD' });
    expect((await dataOf(office, `query($id: UUID!) { alarm(id: $id) { hazard { id } warning { id } } }`, { id: c!.id }))['alarm']).toEqual({ hazard: { id: converted.hazardId }, warning: null });
    const hazard = (await dataOf(office, `query($id: UUID!) { hazard(id: $id) { source category organizationId status } }`, { id: converted.hazardId }))['hazard'];
    expect(hazard).toEqual({ source: 'SENSOR', category: 'FLOOD', organizationId: WENFENG, status: 'REPORTED' });
  });

  it('clears by hand with a reason and refuses a step from the wrong state', async () => {
    const [l] = await alarmsOf({ datastreamId: ds['L'], kind: 'RULE' });
    const cleared = await mutated<Alarm>(office, 'clearAlarm', 'ClearAlarmInput', { id: l!.id, version: l!.version, reason: '现场核实为水尺被漂浮物遮挡' }, ALARM);
    expect(cleared).toMatchObject({ status: 'CLEARED', clearance: 'BY_HAND', clearReason: '现场核实为水尺被漂浮物遮挡' });
    const again = await mutation(office, 'acknowledgeAlarm', 'AcknowledgeAlarmInput', { id: l!.id, version: cleared.version }, 'id');
    expect(errorOf(again)?.['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // A STALE-less rule alarm of a HAZARD rule refuses a warning conversion.
    expect((await one(l!.id))!.status).toBe('CLEARED');
  });

  it('keeps alarms within scope: another village gets null and NOT_FOUND, an enterprise sees only its own', async () => {
    const [orange] = await alarmsOf({ ruleId: alarmRuleSeedId('rain.orange-3h') });
    expect(await one(orange!.id, shuanghe)).toBeNull();
    const res = await mutation(shuanghe, 'acknowledgeAlarm', 'AcknowledgeAlarmInput', { id: orange!.id, version: orange!.version }, 'id');
    expect(errorOf(res)?.['code']).toBe('NOT_FOUND');
    expect((await one(orange!.id))!.status).toBe('TRIGGERED');
    const own = await alarmsOf({}, sinopec);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a) => a.organizationId === org('ent-sinopec-nanping'))).toBe(true);
    expect((await alarmsOf({}, wenfeng)).map((a) => a.id)).toContain(orange!.id);
  });

  it('refuses bad rules with the field and rule', async () => {
    const base = { code: 'test.bad', name: '错误规则', observedProperty: 'precipitation', kind: 'WINDOW_SUM', windowHours: 3, triggerValue: 50, level: 'ORANGE', conversionTarget: 'HAZARD', hazardCategory: 'FLOOD' };
    expect(fieldsOf(await mutation(office, 'createAlarmRule', 'CreateAlarmRuleInput', { ...base, clearValue: 60 }, 'id'))).toEqual([expect.objectContaining({ field: 'input.clearValue', rule: 'hysteresis' })]);
    expect(fieldsOf(await mutation(office, 'createAlarmRule', 'CreateAlarmRuleInput', { ...base, windowHours: 2 }, 'id'))).toEqual([expect.objectContaining({ field: 'input.windowHours', rule: 'windowHours' })]);
    expect(fieldsOf(await mutation(office, 'createAlarmRule', 'CreateAlarmRuleInput', { ...base, code: 'rain.orange-3h' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.code', rule: 'unique' })]);
    expect(fieldsOf(await mutation(office, 'createAlarmRule', 'CreateAlarmRuleInput', { ...base, conversionTarget: 'WARNING' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.warningHazardType', rule: 'conversion' })]);
    // Village officers do not manage rules.
    expect(errorOf(await mutation(wenfeng, 'createAlarmRule', 'CreateAlarmRuleInput', { ...base, clearValue: 40 }, 'id'))?.['code']).toBe('FORBIDDEN');
  });

  it('pages alarms sharing a trigger instant losslessly with page size 1 both ways', async () => {
    const query = `query(${PAGE_VARS}, $f: AlarmFilter) { alarms(${PAGE_ARGS}, filter: $f) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, query, { f: { ruleId: windowRule } }, ['alarms'], 1, 2);
  });

  it('reads alarms with their rules, organizations, datastreams and things in a bounded number of statements', async () => {
    const q = (n: number) => t.gql(`{ alarms(first: ${n}) { edges { node { id datastreamId thingId rule { code organization { id } datastreams { id } } organization { name } datastream { id } thing { id } escalatedTo { id } } } } }`, undefined, { authorization: `Bearer ${token}` });
    const token = await t.token('anban');
    const small = await q(2);
    const large = await q(20);
    expect(large.body.errors).toBeUndefined();
    // Not one statement per alarm: at most one per level. A page without an escalated alarm skips the person
    // loader, and the escalation job may escalate seeded alarms while the test runs, so the pages may differ by it.
    expect(small.statements).toBeLessThanOrEqual(large.statements);
    expect(large.statements).toBeLessThanOrEqual(small.statements + 1);
    expect(large.statements).toBeLessThanOrEqual(3);
    const nodes = large.body.data!['alarms'].edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(2);
    expect(nodes.every((a: any) => a.datastream?.id === a.datastreamId && a.thing?.id === a.thingId)).toBe(true);
  });

  it('pushes new alarms to subscribers in scope only', async () => {
    const mine = subscribe(t, await t.token('wenfeng'), `subscription { alarmTriggered { alarmId level organizationId alarm { ruleId } } }`);
    const other = subscribe(t, await t.token('shuanghe'), `subscription { alarmTriggered { alarmId } }`);
    await pause(300);
    const rain = await thing('测试订阅雨量站', 'RAIN_GAUGE');
    const d = await stream(rain, 'precipitation', 'mm');
    await mutated(office, 'updateAlarmRule', 'UpdateAlarmRuleInput', { id: windowRule, version: (await dataOf(office, `query($id: UUID!) { alarmRule(id: $id) { version } }`, { id: windowRule }))['alarmRule'].version, active: true }, 'id');
    const rule = await mutated(office, 'createAlarmRule', 'CreateAlarmRuleInput', {
      code: 'test.rain-sub', name: '测试订阅', observedProperty: 'precipitation', datastreamIds: [d], kind: 'THRESHOLD', triggerValue: 5, level: 'RED', conversionTarget: 'HAZARD', hazardCategory: 'FLOOD',
    }, 'id');
    await ingest('test-alarms-sub', { [d]: [[at(0), 8]] });
    await evaluate([rule.id]);
    await mine.until(1, 10_000);
    expect(mine.items[0]).toMatchObject({ level: 'RED', organizationId: WENFENG, alarm: { ruleId: rule.id } });
    await pause(300);
    expect(other.items).toEqual([]);
    await mine.stop();
    await other.stop();
  });
});
