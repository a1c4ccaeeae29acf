import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { BLACKOUT_DRILL_SEED_ID, terminalSeedId } from '../src/communications/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const TERMINAL = 'id version organizationId kind identifier model status lastTestedAt lastTestResult ready holder { id name } organization { id name }';
const TEST = 'id terminalId testedAt result note tester { id }';

/**
 * Emergency fallback communication terminals (基层保底通信, 工信部联信管〔2024〕256号): readiness at the
 * N-day boundary (a versioned rule), the latest test driving the terminal, villages without a ready
 * terminal (target 0), 三断 drills raising DRILL hazards, indicators, scope, typed errors, paging.
 */
describe('communications (应急通信保底终端, 三断演练)', () => {
  // Sunday 2026-11-29, 10:00 China time (the README's instant).
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, shuanghe, sinopec] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('sinopec-nanping')]);
    // Seeding every module takes a while on the shared 2-core machine.
  }, 240_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office) => (await ok(client, `query($id: UUID!) { communicationTerminal(id: $id) { ${TERMINAL} } }`, { id }))['communicationTerminal'];
  const register = (input: Record<string, unknown>, client = office) => mutation(client, 'registerCommunicationTerminal', 'RegisterCommunicationTerminalInput', input, TERMINAL);
  const registered = (input: Record<string, unknown>, client = office) => mutated<any>(client, 'registerCommunicationTerminal', 'RegisterCommunicationTerminalInput', input, TERMINAL);
  const test = (input: Record<string, unknown>, client = office) => mutation(client, 'recordTerminalTest', 'RecordTerminalTestInput', input, TEST);
  const tested = (input: Record<string, unknown>, client = office) => mutated<any>(client, 'recordTerminalTest', 'RecordTerminalTestInput', input, TEST);
  const drill = (input: Record<string, unknown>, client = office) => mutation(client, 'recordBlackoutDrill', 'RecordBlackoutDrillInput', input, 'id result problems hazardId hazard { id } terminals { id } organization { id }');
  const withoutFallback = async (client = office) =>
    (await ok(client, `{ villagesWithoutReadyFallback(first: 50) { totalCount edges { node { organizationId organizationName terminalCount readyTerminalCount organization { id } } } } }`))['villagesWithoutReadyFallback'];
  const indicator = async (code: string, organizationId = TOWN, client = office) => {
    const edges = (await ok(client, `query($o: UUID!, $c: String!) { indicatorValues(organizationId: $o, from: "2026-11-01", to: "2026-12-01", filter: { codes: [$c] }) { edges { node { numerator denominator } } } }`, { o: organizationId, c: code }))['indicatorValues'].edges;
    return edges[0]?.node ?? null;
  };
  let serial = 0;
  const newTerminal = (village: string, extra: Record<string, unknown> = {}) => ({ organizationId: org(village), kind: 'SATELLITE_PHONE', identifier: `T-${village}-${++serial}-${Math.random().toString(36).slice(2, 8)}`, model: '天通 T900', ...extra });

  it('shows the seeded terminals: tested monthly, ready; 马嘴村 none ready (failed and stale); one under repair', async () => {
    expect(await one(terminalSeedId('wenfeng-sat'))).toMatchObject({ kind: 'SATELLITE_PHONE', status: 'IN_SERVICE', lastTestResult: 'OK', lastTestedAt: expect.stringMatching(/^2026-11-24T/), ready: true, organization: { id: org('village-wenfeng') }, holder: { id: expect.any(String) } });
    expect(await one(terminalSeedId('mazui-sat'))).toMatchObject({ lastTestResult: 'FAILED', ready: false });
    expect(await one(terminalSeedId('mazui-bds'))).toMatchObject({ lastTestResult: 'OK', lastTestedAt: expect.stringMatching(/^2026-10-23T/), ready: false });
    expect(await one(terminalSeedId('longshan-bds'))).toMatchObject({ status: 'UNDER_REPAIR', lastTestResult: 'OK', ready: false });
    const list = await withoutFallback();
    expect(list).toEqual({ totalCount: 1, edges: [{ node: { organizationId: org('village-mazui'), organizationName: '马嘴村', terminalCount: 2, readyTerminalCount: 0, organization: { id: org('village-mazui') } } }] });
    expect(await indicator('scenarios.villages-without-fallback')).toMatchObject({ numerator: 1 });
    // Readiness filter, field and indicator read the same SQL.
    const all = (await ok(office, `{ communicationTerminals(first: 100) { totalCount edges { node { ready status } } } }`))['communicationTerminals'];
    const ready = (await ok(office, `{ communicationTerminals(first: 100, filter: { ready: true }) { totalCount edges { node { ready } } } }`))['communicationTerminals'];
    const notReady = (await ok(office, `{ communicationTerminals(first: 100, filter: { ready: false }) { totalCount edges { node { ready } } } }`))['communicationTerminals'];
    expect(ready.edges.every((e: any) => e.node.ready)).toBe(true);
    expect(notReady.edges.every((e: any) => !e.node.ready)).toBe(true);
    expect(ready.totalCount + notReady.totalCount).toBe(all.totalCount);
    expect(all.edges.filter((e: any) => e.node.ready).length).toBe(ready.totalCount);
    expect(notReady.totalCount).toBe(3);
    expect(await indicator('scenarios.terminal-readiness')).toEqual({ numerator: ready.totalCount, denominator: all.edges.filter((e: any) => e.node.status !== 'RETIRED').length });
    // The seeded 三断 drill.
    expect((await ok(office, `query($id: UUID!) { blackoutDrill(id: $id) { heldOn result powerCut networkCut roadCut problems terminals { id } } }`, { id: BLACKOUT_DRILL_SEED_ID }))['blackoutDrill']).toMatchObject({
      heldOn: '2026-11-18',
      result: 'PARTIAL',
      powerCut: true,
      networkCut: true,
      roadCut: true,
      terminals: [{ id: terminalSeedId('wenfeng-sat') }, { id: terminalSeedId('wenfeng-bds') }, { id: terminalSeedId('wenfeng-radio') }],
    });
  });

  it('counts a terminal ready when its last OK test is exactly 30 China days old, not 31', async () => {
    const edge = await registered(newTerminal('village-xinhua'));
    expect(edge).toMatchObject({ status: 'IN_SERVICE', ready: false, lastTestedAt: null });
    const before = await registered(newTerminal('village-xinhua', { kind: 'BEIDOU_SHORT_MESSAGE' }));
    // 2026-10-30 00:00 China time is 30 days before 2026-11-29; a minute earlier is 31 days.
    await tested({ terminalId: edge.id, result: 'OK', testedAt: '2026-10-29T16:00:00Z', note: '通话正常' });
    await tested({ terminalId: before.id, result: 'OK', testedAt: '2026-10-29T15:59:00Z' });
    expect(await one(edge.id)).toMatchObject({ lastTestResult: 'OK', lastTestedAt: '2026-10-29T16:00:00.000Z', ready: true });
    expect((await one(before.id)).ready).toBe(false);
    const readyIds = async () => (await ok(office, `{ communicationTerminals(first: 100, filter: { ready: true, organizationId: "${org('village-xinhua')}" }) { edges { node { id } } } }`))['communicationTerminals'].edges.map((e: any) => e.node.id);
    expect(await readyIds()).toContain(edge.id);
    expect(await readyIds()).not.toContain(before.id);
    // The next day the first is 31 days old too.
    clock.set(new Date('2026-11-30T02:00:00Z'));
    expect((await one(edge.id)).ready).toBe(false);
    expect(await readyIds()).not.toContain(edge.id);
    clock.set(NOW);
    // An older test recorded late joins the history but does not replace the last test.
    await tested({ terminalId: edge.id, result: 'FAILED', testedAt: '2026-10-01T02:00:00Z', note: '无信号' });
    expect(await one(edge.id)).toMatchObject({ lastTestResult: 'OK', ready: true });
    // A newer failed test makes it not ready.
    await tested({ terminalId: edge.id, result: 'FAILED', testedAt: '2026-11-29T01:00:00Z', note: '无法入网' });
    expect(await one(edge.id)).toMatchObject({ lastTestResult: 'FAILED', ready: false });
    const tests = (await ok(office, `query($id: UUID!) { communicationTerminal(id: $id) { tests(first: 10) { totalCount edges { node { result testedAt } } } } }`, { id: edge.id }))['communicationTerminal'].tests;
    expect(tests.totalCount).toBe(3);
    expect(tests.edges.map((e: any) => e.node.result)).toEqual(['FAILED', 'OK', 'FAILED']);
    // Under repair: not ready whatever its last test.
    const radio = await registered(newTerminal('village-xinhua', { kind: 'RADIO_370MHZ' }));
    await tested({ terminalId: radio.id, result: 'OK' });
    const current = await one(radio.id);
    expect(current.ready).toBe(true);
    const repaired = await mutated<any>(office, 'updateCommunicationTerminal', 'UpdateCommunicationTerminalInput', { id: radio.id, version: current.version, status: 'UNDER_REPAIR' }, TERMINAL);
    expect(repaired).toMatchObject({ status: 'UNDER_REPAIR', ready: false });
  });

  it('lists a village once its only ready terminals lapse or fail, and drops it when one is tested OK', async () => {
    // 马嘴村's 北斗 terminal tested OK today: it leaves the list, the indicator reaches the target 0.
    const tester = (await one(terminalSeedId('mazui-sat'))).holder?.id;
    await tested({ terminalId: terminalSeedId('mazui-bds'), result: 'OK', ...(tester ? { testerPersonId: tester } : {}) });
    expect((await withoutFallback()).totalCount).toBe(0);
    expect(await indicator('scenarios.villages-without-fallback')).toMatchObject({ numerator: 0 });
    // 石溪村 has one satellite phone: a failed test puts it on the list.
    await tested({ terminalId: terminalSeedId('shixi-sat'), result: 'FAILED', note: '电池无法充电' });
    expect((await withoutFallback()).edges.map((e: any) => e.node.organizationId)).toEqual([org('village-shixi')]);
    // Two months later with no new tests every village is without.
    clock.set(new Date('2027-01-30T02:00:00Z'));
    expect((await withoutFallback()).totalCount).toBe(15);
  });

  it('records 三断 drills and raises the problems as a DRILL hazard', async () => {
    const base = { organizationId: org('village-wenfeng'), heldOn: '2026-11-28', scenario: '模拟山洪致断电断网断路，检验卫星电话报告流程', powerCut: true, networkCut: true, roadCut: true, terminalIds: [terminalSeedId('wenfeng-sat')], result: 'PARTIAL', problems: '卫星电话备用电池电量不足，通话中断一次' };
    const res = await drill({ ...base, raiseHazard: true }, wenfeng);
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!['recordBlackoutDrill'];
    expect(d).toMatchObject({ result: 'PARTIAL', terminals: [{ id: terminalSeedId('wenfeng-sat') }], hazardId: expect.any(String) });
    expect(d.hazard).toEqual({ id: d.hazardId });
    const hazard = (await ok(office, `query($id: UUID!) { hazard(id: $id) { source organizationId title } }`, { id: d.hazardId }))['hazard'];
    expect(hazard).toMatchObject({ source: 'DRILL', organizationId: org('village-wenfeng') });
    const passed = (await drill({ ...base, result: 'PASSED', problems: null, terminalIds: [] }, wenfeng)).body.data!['recordBlackoutDrill'];
    expect(passed).toMatchObject({ result: 'PASSED', hazardId: null, hazard: null, problems: null });
    const listed = (await ok(wenfeng, `{ blackoutDrills(first: 10) { totalCount edges { node { id organizationId } } } }`))['blackoutDrills'];
    expect(listed.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining([d.id, passed.id, BLACKOUT_DRILL_SEED_ID]));
    // Bad input: no cut, no problems for a failed drill, another village's terminal, a future day.
    expect(fieldsOf(await drill({ ...base, powerCut: false, networkCut: false, roadCut: false }, wenfeng))).toEqual([expect.objectContaining({ field: 'input.roadCut', rule: 'required' })]);
    expect(fieldsOf(await drill({ ...base, result: 'FAILED', problems: null }, wenfeng))).toEqual([expect.objectContaining({ field: 'input.problems', rule: 'required' })]);
    expect(fieldsOf(await drill({ ...base, terminalIds: [terminalSeedId('wenfeng-sat'), terminalSeedId('nanping-sat')] }, office))).toEqual([expect.objectContaining({ field: 'input.terminalIds.1', rule: 'sameVillage' })]);
    expect(fieldsOf(await drill({ ...base, heldOn: '2026-11-30' }, wenfeng))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'notFuture' })]);
    // A village's drill cannot use terminals it may not read: NOT_FOUND, nothing written.
    expect(errorOf(await drill({ ...base, terminalIds: [terminalSeedId('shuanghe-sat')] }, wenfeng))).toMatchObject({ code: 'NOT_FOUND', field: 'input.terminalIds.0' });
    expect((await ok(wenfeng, `{ blackoutDrills(first: 10) { totalCount } }`))['blackoutDrills'].totalCount).toBe(listed.totalCount);
  });

  it('answers typed errors naming the field and the rule', async () => {
    expect(fieldsOf(await register(newTerminal('village-xinhua', { identifier: 'x' })))).toEqual([expect.objectContaining({ field: 'input.identifier' })]);
    const seeded = await one(terminalSeedId('wenfeng-sat'));
    expect(fieldsOf(await register(newTerminal('village-xinhua', { identifier: seeded.identifier })))).toEqual([expect.objectContaining({ field: 'input.identifier', rule: 'unique' })]);
    expect(fieldsOf(await register(newTerminal('ent-sinopec-nanping')))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'organizationKind' })]);
    expect(errorOf(await register(newTerminal('no-such-village')))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    expect(fieldsOf(await test({ terminalId: terminalSeedId('xinhua-sat'), result: 'FAILED' }))).toEqual([expect.objectContaining({ field: 'input.note', rule: 'required' })]);
    expect(fieldsOf(await test({ terminalId: terminalSeedId('xinhua-sat'), result: 'OK', testedAt: '2026-11-29T02:00:01Z' }))).toEqual([expect.objectContaining({ field: 'input.testedAt', rule: 'notFuture' })]);
    expect(errorOf(await test({ terminalId: seedId('scenarios:terminal:none'), result: 'OK' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.terminalId' });
    expect(errorOf(await mutation(office, 'updateCommunicationTerminal', 'UpdateCommunicationTerminalInput', { id: seeded.id, version: seeded.version + 5, note: '过期版本' }, 'id'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps terminals within scope: a village its own (and manages them), the office all, enterprises none', async () => {
    const mine = (await ok(wenfeng, `{ communicationTerminals(first: 100) { edges { node { organizationId } } } }`))['communicationTerminals'].edges.map((e: any) => e.node.organizationId);
    expect(new Set(mine)).toEqual(new Set([org('village-wenfeng')]));
    expect(await one(terminalSeedId('shuanghe-sat'), wenfeng)).toBeNull();
    expect(errorOf(await test({ terminalId: terminalSeedId('shuanghe-sat'), result: 'OK' }, wenfeng))).toMatchObject({ code: 'NOT_FOUND', field: 'input.terminalId' });
    expect(errorOf(await register(newTerminal('village-shuanghe'), wenfeng))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    const own = await registered(newTerminal('village-shuanghe', { kind: 'AD_HOC_NETWORK' }), shuanghe);
    expect(own).toMatchObject({ organizationId: org('village-shuanghe'), ready: false });
    expect((await tested({ terminalId: own.id, result: 'OK' }, shuanghe)).result).toBe('OK');
    expect((await withoutFallback(wenfeng)).totalCount).toBe(0);
    expect(await indicator('scenarios.terminal-readiness', org('village-wenfeng'), wenfeng)).toEqual({ numerator: 3, denominator: 3 });
    expect(errorOf(await sinopec(`{ communicationTerminals(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await register(newTerminal('ent-sinopec-nanping'), sinopec))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('loads nested tests, holders and testers without N+1', async () => {
    const q = (n: number) => `{ communicationTerminals(first: ${n}) { edges { node { id ready holder { name } organization { name } tests(first: 2) { totalCount edges { node { result tester { name } } } } } } } }`;
    const small = await office(q(2));
    const large = await office(q(30));
    expect(small.body.errors).toBeUndefined();
    expect((large.body.data as any).communicationTerminals.edges).toHaveLength(30);
    expect(large.statements).toBe(small.statements);
  });

  it('pages losslessly in both directions, also over equal sort keys', async () => {
    const total = (await ok(office, `{ communicationTerminals(first: 1) { totalCount } }`))['communicationTerminals'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { communicationTerminals(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['communicationTerminals'], 1, total);
    // The seeded tests of a month share the same instants per village: by last test, ties by id.
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { communicationTerminals(orderBy: [{ field: LAST_TESTED_AT, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['communicationTerminals'], 1, total);
    // Three tests at the same instant.
    const terminal = await registered(newTerminal('village-qingyuan'));
    for (const result of ['OK', 'OK', 'OK']) await tested({ terminalId: terminal.id, result, testedAt: '2026-11-28T02:00:00Z' });
    await expectPagedCompletely(office, `query($id: UUID!, ${PAGE_VARS}) { communicationTerminal(id: $id) { tests(${PAGE_ARGS}) { ${walkedPage()} } } }`, { id: terminal.id }, ['communicationTerminal', 'tests'], 1, 3);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { villagesWithoutReadyFallback(${PAGE_ARGS}) { ${walkedPage('organizationId')} } }`, {}, ['villagesWithoutReadyFallback'], 1, (await withoutFallback()).totalCount, (n) => n.id);
  });
});
