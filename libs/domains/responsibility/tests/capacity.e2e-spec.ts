import { todayInChina } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { MODULES, dataOf } from './support';

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const SAFETY = seedId('org:dept-safety');
const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const QUARTER = Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) + 1;

const CAPACITY = 'organizationId organizationName respondersOnCall teams readyTeams latestDrillOn arrivalMinutes readiness shortfalls ruleVersionId commitment { id version arrivalMinutes assemblyPoint }';

/**
 * Village emergency capacity and the quarterly ranking (issue 18, point 四 and 晾晒): capacity read
 * live from the rescue libraries' public readers against the rule in force, commitments kept by the
 * villages, and a ranking whose every component is the registered indicator's figure.
 */
describe('village capacity and the quarterly ranking (村级应急能力、季度晾晒)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [office, wenfeng] = await Promise.all([t.as('anban'), t.as('wenfeng')]);
  });
  afterAll(() => t?.close());

  const ok = dataOf;
  const capacities = async (client: GraphQLClient) => (await ok(client, `{ villageCapacities(first: 100) { totalCount edges { node { ${CAPACITY} } } } }`))['villageCapacities'].edges.map((e: any) => e.node);
  const capacityOf = async (client: GraphQLClient, id: string) => (await capacities(client)).find((c: any) => c.organizationId === id);

  it('reads each village\'s responders, teams and latest drill from the rescue libraries, equal to their own lists', async () => {
    const res = await office(`{ villageCapacities(first: 100) { totalCount edges { node { ${CAPACITY} } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBeLessThanOrEqual(3); // the villages with their figures, the rule in force, the commitments
    const all = res.body.data!['villageCapacities'].edges.map((e: any) => e.node);
    expect(all.length).toBe(15); // 13 villages and 2 communities
    const mine = all.find((c: any) => c.organizationId === WENFENG);
    const teams = (await ok(office, `query($org: UUID!) { rescueTeams(first: 100, filter: { withinSubtreeOf: $org }) { edges { node { readiness members(first: 100) { edges { node { shift leftOn } } } } } } }`, { org: WENFENG }))['rescueTeams'].edges.map((e: any) => e.node);
    const onCall = teams.flatMap((x: any) => x.members.edges.map((e: any) => e.node)).filter((m: any) => m.leftOn === null).length;
    const drills = (await ok(office, `query($org: UUID!) { drills(first: 100, filter: { withinSubtreeOf: $org }) { edges { node { heldOn } } } }`, { org: WENFENG }))['drills'].edges.map((e: any) => e.node.heldOn).sort();
    expect(mine).toMatchObject({ organizationName: '文凤村', respondersOnCall: onCall, teams: teams.length, readyTeams: teams.filter((x: any) => x.readiness === 'READY').length, latestDrillOn: drills.at(-1) ?? null, arrivalMinutes: 20 });
    expect(onCall).toBeGreaterThan(0);
    // 双河村 committed 45 minutes, over the rule's 30.
    expect(all.find((c: any) => c.organizationId === SHUANGHE).shortfalls).toContain('SLOW_ARRIVAL');
    // A village without a commitment says so.
    expect(all.filter((c: any) => c.commitment === null).every((c: any) => c.shortfalls.includes('NO_COMMITMENT'))).toBe(true);
    expect(all.some((c: any) => c.commitment === null)).toBe(true);
  });

  it('judges arrival exactly at the rule\'s limit, and follows a new version of the rule at once', async () => {
    const before = await capacityOf(office, WENFENG);
    const update = (minutes: number, version: number) => ok(office, `mutation($input: UpdateVillageCommitmentInput!) { updateVillageEmergencyCommitment(input: $input) { version arrivalMinutes } }`, { input: { id: before.commitment.id, version, arrivalMinutes: minutes } });
    await update(30, before.commitment.version);
    expect((await capacityOf(office, WENFENG)).shortfalls).not.toContain('SLOW_ARRIVAL'); // 30 = the limit
    await update(31, before.commitment.version + 1);
    expect((await capacityOf(office, WENFENG)).shortfalls).toContain('SLOW_ARRIVAL');
    // The office allows 40 minutes from today: the capacity is computed with the version in force.
    const rule = await ok(office, `mutation($on: LocalDate!) { addBusinessRuleVersion(input: { ruleCode: "responsibility.village-capacity", jurisdiction: TOWN, jurisdictionName: "南平镇", documentNumber: "南平安委〔2026〕5号", value: { minRespondersOnCall: 6, maxArrivalMinutes: 40, drillWithinDays: 365, minReadyTeams: 1 }, effectiveFrom: $on }) { id } }`, { on: TODAY });
    const after = await capacityOf(office, WENFENG);
    expect(after.shortfalls).not.toContain('SLOW_ARRIVAL');
    expect(after.ruleVersionId).toBe(rule['addBusinessRuleVersion'].id);
    await update(20, before.commitment.version + 2);
  });

  it('keeps villages to their own: a village reads and commits for itself only; a department has no commitment', async () => {
    const mine = await capacities(wenfeng);
    expect(mine.map((c: any) => c.organizationId)).toEqual([WENFENG]);
    const other = await wenfeng(`mutation { recordVillageEmergencyCommitment(input: { organizationId: "${SHUANGHE}", arrivalMinutes: 10 }) { id } }`);
    expect(errorOf(other)).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
    const before = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM village_emergency_commitment`);
    expect(fieldsOf(await office(`mutation { recordVillageEmergencyCommitment(input: { organizationId: "${SAFETY}", arrivalMinutes: 10 }) { id } }`))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'villageOnly' })]);
    expect(fieldsOf(await office(`mutation { recordVillageEmergencyCommitment(input: { organizationId: "${WENFENG}", arrivalMinutes: 10 }) { id } }`))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'unique' })]);
    expect(fieldsOf(await office(`mutation { recordVillageEmergencyCommitment(input: { organizationId: "${WENFENG}", arrivalMinutes: 0 }) { id } }`))).toEqual([expect.objectContaining({ field: 'input.arrivalMinutes', rule: 'min' })]);
    expect(await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM village_emergency_commitment`)).toEqual(before);
  });

  it('ranks the villages for the quarter, each component the registered indicator\'s figure, in a bounded number of statements', async () => {
    const components = [{ indicatorCode: 'preparedness.drill-compliance', weight: 2 }, { indicatorCode: 'warnings.acknowledgement-rate', weight: 1 }];
    const res = await office(`query($year: Int!, $q: Int!, $c: [RankingComponentInput!]!) { quarterlyRanking(year: $year, quarter: $q, group: VILLAGES, components: $c, first: 100) { totalCount edges { node { rank organizationId organizationName score formula components { indicator { code } weight value numerator denominator score } } } } }`, { year: YEAR, q: QUARTER, c: components });
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBeLessThanOrEqual(2); // the villages, then every figure in one statement
    const entries = res.body.data!['quarterlyRanking'].edges.map((e: any) => e.node);
    expect(entries).toHaveLength(15);
    const from = `${YEAR}-${String((QUARTER - 1) * 3 + 1).padStart(2, '0')}-01`;
    const to = QUARTER === 4 ? `${YEAR + 1}-01-01` : `${YEAR}-${String(QUARTER * 3 + 1).padStart(2, '0')}-01`;
    const own = (await ok(office, `query($from: LocalDate!, $to: LocalDate!) { indicatorValues(organizationId: "${TOWN}", from: $from, to: $to, breakdown: CHILDREN, filter: { codes: ["preparedness.drill-compliance", "warnings.acknowledgement-rate"] }, first: 100) { edges { node { indicator { code } organizationId value numerator } } } }`, { from, to }))['indicatorValues'].edges.map((e: any) => e.node);
    for (const e of entries) {
      for (const c of e.components) {
        const figure = own.find((f: any) => f.indicator.code === c.indicator.code && f.organizationId === e.organizationId);
        expect({ value: c.value, numerator: c.numerator }).toEqual({ value: figure.value, numerator: figure.numerator });
        expect(c.score).toBe(c.value === null ? null : 100 * c.value);
      }
      const scored = e.components.filter((c: any) => c.score !== null);
      const expected = scored.length ? Math.round((scored.reduce((n: number, c: any) => n + c.weight * c.score, 0) / scored.reduce((n: number, c: any) => n + c.weight, 0)) * 100) / 100 : null;
      expect(e.score).toBe(expected);
      expect(e.formula).toMatch(/Σ\(weight × component score\)/);
    }
    // Places by score, ties sharing one: each place is 1 + the number of higher scores; the list is in place order, unranked last.
    for (const e of entries) if (e.score !== null) expect(e.rank).toBe(1 + entries.filter((x: any) => x.score !== null && x.score > e.score).length);
    const ranks = entries.map((e: any) => e.rank ?? Infinity);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('names the component that is wrong', async () => {
    const ask = (c: unknown) => office(`query($c: [RankingComponentInput!]!) { quarterlyRanking(year: 2026, quarter: 1, group: VILLAGES, components: $c) { totalCount } }`, { c });
    expect(fieldsOf(await ask([{ indicatorCode: 'risk.no-such-figure' }]))).toEqual([expect.objectContaining({ field: 'components.0.indicatorCode', rule: 'exists' })]);
    expect(fieldsOf(await ask([{ indicatorCode: 'warnings.acknowledgement-rate' }, { indicatorCode: 'warnings.acknowledgement-rate' }]))).toEqual([expect.objectContaining({ field: 'components.1.indicatorCode', rule: 'distinct' })]);
    expect(fieldsOf(await office(`{ quarterlyRanking(year: 2026, quarter: 5, group: VILLAGES, components: [{ indicatorCode: "warnings.acknowledgement-rate" }]) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'quarter', rule: 'max' })]);
  });

  it('pages the capacities and the ranking one by one in both directions without loss', async () => {
    const capacity = `query(${PAGE_VARS}) { villageCapacities(orderBy: [{ field: READINESS }], ${PAGE_ARGS}) { ${walkedPage('organizationId')} } }`;
    await expectPagedCompletely(office, capacity, {}, ['villageCapacities'], 1, 15);
    const ranking = `query(${PAGE_VARS}) { quarterlyRanking(year: ${YEAR}, quarter: ${QUARTER}, group: VILLAGES, components: [{ indicatorCode: "warnings.acknowledgement-rate" }], ${PAGE_ARGS}) { ${walkedPage('organizationId')} } }`;
    await expectPagedCompletely(office, ranking, {}, ['quarterlyRanking'], 2, 15);
  });
});
