import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { PAGE_ARGS, PAGE_VARS, errorOf, expectPagedCompletely, fieldsOf, startTestGateway, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { datastreamSeedId } from '../src/sensors/sensors.seed';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const GNSS = datastreamSeedId('wenfeng-gnss-displacement');
const RAIN = datastreamSeedId('wenfeng-rain-5min');
const GAS = datastreamSeedId('sinopec-nanping-gas-lel');
/** The seeded week's last 5-minute readings: 2026-11-29 09:55 China time. */
const LAST_5MIN = new Date('2026-11-29T01:55:00Z');
const after = (minutes: number, seconds = 0) => new Date(LAST_5MIN.getTime() + minutes * 60_000 + seconds * 1000);

const GAP = `id datastreamId enterpriseId startedAt endedAt samplingIntervalSeconds missedReadings`;
const LEAD = `id version kind status organizationId datastreamId startedAt endedAt evidence basis reviewNote organization { id } datastream { id } thing { id } gap { id }`;
const ALARM = `id version kind status level conditionSince triggeredAt conditionEndedAt clearance ruleId`;

/**
 * Data health: the seeded device that stopped reporting (its gap and STALE alarm), staleness exactly at
 * k × the sampling interval, data resuming, enforcement leads of an operating enterprise's gap and
 * tamper signal with the inspector's review, scope, the indicator and pagination.
 */
describe('data health (数据健康)', () => {
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('wenfeng'), t.as('sinopec-nanping')]);
    // The first file of a run builds the seeded template of every module (waiting for other runs building theirs).
  }, 600_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const evaluate = (at: Date, client = office) => mutated(client, 'evaluateDataHealth', 'EvaluateDataHealthInput', { at: at.toISOString() }, 'gapsFound gapsChanged staleAlarmsRaised staleAlarmsChanged leadsFound');
  const gaps = async (filter: Record<string, unknown>, client = office) =>
    (await dataOf(client, `query($f: DataGapFilter) { sensorDataGaps(first: 100, filter: $f) { totalCount edges { node { ${GAP} } } } }`, { f: filter }))['sensorDataGaps'];
  const leads = async (filter: Record<string, unknown>, client = office) =>
    (await dataOf(client, `query($f: MonitoringLeadFilter) { monitoringEnforcementLeads(first: 100, filter: $f) { edges { node { ${LEAD} } } } }`, { f: filter }))['monitoringEnforcementLeads'].edges.map((e: any) => e.node);
  const staleAlarms = async (datastreamId: string) =>
    (await dataOf(office, `query($d: UUID!) { alarms(first: 10, filter: { kind: STALE, datastreamId: $d }) { edges { node { ${ALARM} } } } }`, { d: datastreamId }))['alarms'].edges.map((e: any) => e.node);
  const indicator = async (code: string) =>
    (await dataOf(office, `query($o: UUID!, $c: String!) { indicatorValues(organizationId: $o, from: "2026-11-01", to: "2026-12-01", filter: { codes: [$c] }) { edges { node { numerator denominator } } } }`, { o: TOWN, c: code }))['indicatorValues'].edges[0]?.node;

  it('counts the datastreams reporting within k × their interval: the silent GNSS station is not', async () => {
    const v = await indicator('scenarios.sensors-reporting');
    expect(v).toEqual({ numerator: v.denominator - 1, denominator: v.denominator });
    expect(v.denominator).toBeGreaterThanOrEqual(6);
  });

  it('reports the seeded GNSS station\'s ongoing gap and STALE alarm (silent from 2026-11-28 06:00, stale 30 minutes later)', async () => {
    const g = await gaps({ datastreamId: GNSS });
    expect(g.edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ startedAt: '2026-11-27T22:00:00.000Z', endedAt: null, samplingIntervalSeconds: 600, enterpriseId: null, missedReadings: 167 }),
    ]);
    expect(await staleAlarms(GNSS)).toEqual([expect.objectContaining({ kind: 'STALE', status: 'TRIGGERED', level: 'YELLOW', conditionSince: '2026-11-27T22:00:00.000Z', triggeredAt: '2026-11-27T22:30:00.000Z', ruleId: null })]);
    // A village's device: no enforcement lead.
    expect(await leads({})).toEqual([]);
    // Idempotent: the same instant again changes nothing.
    expect(await evaluate(NOW)).toEqual({ gapsFound: 0, gapsChanged: 0, staleAlarmsRaised: [], staleAlarmsChanged: [], leadsFound: 0 });
  });

  it('judges staleness after k × the interval, not at it: 15 minutes after a 5-minute reading is not stale, a second more is', async () => {
    clock.set(after(15, 1));
    expect((await evaluate(after(15))).staleAlarmsRaised).toEqual([]);
    expect((await gaps({ datastreamId: RAIN })).totalCount).toBe(0);
    // (The data-health job may run at the same clock: the outcome is read from the state, not from this call's answer.)
    await evaluate(after(15, 1));
    expect((await gaps({ datastreamId: RAIN, ongoing: true })).edges.map((e: any) => e.node.startedAt)).toEqual([LAST_5MIN.toISOString()]);
    const [stale] = await staleAlarms(RAIN);
    expect(stale).toMatchObject({ status: 'TRIGGERED', triggeredAt: after(15).toISOString(), conditionEndedAt: null });
  });

  it('records the end when data resumes and clears an acknowledged STALE alarm', async () => {
    clock.set(after(25));
    await mutated(office, 'ingestObservations', 'IngestObservationsInput', { batchKey: 'test-health-resume', datastreams: [{ datastreamId: RAIN, components: ['phenomenonTime', 'result'], dataArray: [[after(20).toISOString(), 0]] }] }, 'accepted');
    await evaluate(after(25));
    const [gap] = (await gaps({ datastreamId: RAIN })).edges.map((e: any) => e.node);
    expect(gap).toMatchObject({ startedAt: LAST_5MIN.toISOString(), endedAt: after(20).toISOString(), missedReadings: 3 });
    let [stale] = await staleAlarms(RAIN);
    expect(stale).toMatchObject({ status: 'TRIGGERED', conditionEndedAt: after(20).toISOString() });
    await mutated(wenfeng, 'acknowledgeAlarm', 'AcknowledgeAlarmInput', { id: stale.id, version: stale.version }, 'id');
    await evaluate(after(25));
    [stale] = await staleAlarms(RAIN);
    expect(stale).toMatchObject({ status: 'CLEARED', clearance: 'DATA_RESUMED' });
  });

  it('flags an operating enterprise\'s gap of an hour or more as an enforcement lead (刑法 第一百三十四条之一), not 59 minutes', async () => {
    clock.set(after(60));
    await evaluate(after(59));
    expect(await leads({ organizationId: org('ent-sinopec-nanping') })).toEqual([]);
    await evaluate(after(60));
    const [lead] = await leads({ organizationId: org('ent-sinopec-nanping') }, zhifa);
    expect(lead).toMatchObject({ kind: 'GAP', status: 'OPEN', datastreamId: GAS, startedAt: LAST_5MIN.toISOString(), endedAt: null, organization: { id: org('ent-sinopec-nanping') }, datastream: { id: GAS }, gap: { id: expect.any(String) } });
    expect(lead.evidence).toContain('数据中断60分钟');
    expect(lead.basis).toContain('第一百三十四条之一');
    // The enterprise itself does not read leads.
    expect(errorOf(await sinopec(`{ monitoringEnforcementLeads(first: 1) { totalCount } }`))?.['code']).toBe('FORBIDDEN');
  });

  it('flags readings marked as tampered, and an inspector reviews the lead once', async () => {
    clock.set(after(70));
    await mutated(office, 'ingestObservations', 'IngestObservationsInput', {
      batchKey: 'test-health-tamper',
      datastreams: [{ datastreamId: GAS, components: ['phenomenonTime', 'result', 'resultQuality'], dataArray: [[after(65).toISOString(), 0, 'tampered: calibration offset forced']] }],
    }, 'accepted');
    await evaluate(after(70));
    const [tamper] = await leads({ kind: 'TAMPER' }, zhifa);
    expect(tamper).toMatchObject({ kind: 'TAMPER', status: 'OPEN', datastreamId: GAS, startedAt: after(65).toISOString() });
    expect(tamper.evidence).toContain('1条读数标记为篡改');
    const reviewed = await mutated(zhifa, 'reviewMonitoringLead', 'ReviewMonitoringLeadInput', { id: tamper.id, version: tamper.version, note: '现场核查：探测器被人为调零，已立案调查' }, LEAD);
    expect(reviewed).toMatchObject({ status: 'REVIEWED', reviewNote: '现场核查：探测器被人为调零，已立案调查' });
    const again = await mutation(zhifa, 'reviewMonitoringLead', 'ReviewMonitoringLeadInput', { id: tamper.id, version: reviewed.version, note: '再次核查' }, 'id');
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // Out of reach answers like a missing record.
    expect(errorOf(await mutation(wenfeng, 'reviewMonitoringLead', 'ReviewMonitoringLeadInput', { id: tamper.id, version: reviewed.version, note: '越权' }, 'id'))?.['code']).toBe('FORBIDDEN');
  });

  it('refuses an evaluation instant in the future', async () => {
    expect(fieldsOf(await mutation(office, 'evaluateDataHealth', 'EvaluateDataHealthInput', { at: '2026-11-30T00:00:00Z' }, 'gapsFound'))).toEqual([expect.objectContaining({ field: 'input.at', rule: 'notFuture' })]);
  });

  it('pages gaps sharing a start losslessly with page size 1 both ways', async () => {
    clock.set(after(90));
    await evaluate(after(90));
    const shared = (await gaps({ ongoing: true })).edges.map((e: any) => e.node).filter((g: any) => g.startedAt === LAST_5MIN.toISOString());
    expect(shared.length).toBeGreaterThanOrEqual(2);
    const all = (await gaps({})).totalCount;
    const query = `query(${PAGE_VARS}) { sensorDataGaps(${PAGE_ARGS}) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, query, {}, ['sensorDataGaps'], 1, all);
  });
});
