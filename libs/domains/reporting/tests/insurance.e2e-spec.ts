import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { liabilityPolicySeedId } from '../src/insurance/public';
import { MODULES, dataOf, mutation, mutated } from './support';


const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');

const POLICY = `id version enterpriseId insurer policyNumber startsOn endsOn perPersonLimitYuan headcountCovered premiumYuan status limitBelowMinimum lapsingWithinDays cancelledOn cancellationReason
  ruleVersion { id documentNumber } enterprise { id name }`;
type Policy = { id: string; version: number; status: string; limitBelowMinimum: boolean; lapsingWithinDays: boolean; [k: string]: any };

/**
 * Work-safety liability insurance (应急〔2025〕27号) and the district's catastrophe insurance
 * (渝府办发〔2017〕121号): the rule's own sector list (not the directory's high-risk flag), coverage at
 * the ¥399,999.99 / ¥400,000 boundary, the lapse window at 30 / 31 days, the cancellation refusal,
 * claims linked to incidents, indicators, permissions and typed errors.
 */
describe('insurance (安责险, 巨灾保险)', () => {
  // Monday 2026-12-07, 10:00 China time.
  const NOW = new Date('2026-12-07T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, jingfa, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('jingfa'), t.as('wenfeng'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office): Promise<Policy | null> => (await ok(client, `query($id: UUID!) { liabilityInsurancePolicy(id: $id) { ${POLICY} } }`, { id }))['liabilityInsurancePolicy'];
  const record = (input: Record<string, unknown>, client = office) => mutation(client, 'recordLiabilityInsurancePolicy', 'RecordLiabilityPolicyInput', input, POLICY);
  const recorded = (input: Record<string, unknown>, client = office): Promise<Policy> => mutated(client, 'recordLiabilityInsurancePolicy', 'RecordLiabilityPolicyInput', input, POLICY);
  const policyInput = (enterprise: string, extra: Record<string, unknown> = {}) => ({
    enterpriseId: org(enterprise),
    insurer: '中国人民财产保险股份有限公司南川支公司',
    policyNumber: `T-${enterprise}-${Math.random().toString(36).slice(2, 10)}`,
    startsOn: '2026-12-01',
    endsOn: '2027-11-30',
    perPersonLimitYuan: '400000',
    headcountCovered: 10,
    ...extra,
  });
  const coverageOf = async (enterprise: string, client = office) =>
    (await ok(client, `{ liabilityInsuranceCoverage(first: 100) { edges { node { enterpriseId enterpriseName sectorCode mandatory covered coveringPolicyId ruleVersionId coveringPolicy { id } } } } }`))['liabilityInsuranceCoverage'].edges
      .map((e: any) => e.node)
      .find((n: any) => n.enterpriseId === org(enterprise));
  const indicator = async (code: string, organizationId = TOWN, client = office) => {
    const edges = (await ok(client, `query($o: UUID!, $c: String!) { indicatorValues(organizationId: $o, from: "2026-01-01", to: "2027-01-01", filter: { codes: [$c] }) { edges { node { numerator denominator } } } }`, { o: organizationId, c: code }))['indicatorValues'].edges;
    return edges[0]?.node ?? null;
  };

  it('keeps its own versioned sector list (not the directory\'s high-risk flag) with the ¥400,000 minimum', async () => {
    const m = (await ok(office, `{ liabilityInsuranceMandate { minPerPersonLimitYuan lapseWarningDays ruleVersion { documentNumber effectiveFrom } sectors { code category inDirectory directoryName } } }`))['liabilityInsuranceMandate'];
    expect(m).toMatchObject({ minPerPersonLimitYuan: '400000.00', lapseWarningDays: 30, ruleVersion: { documentNumber: '应急〔2025〕27号', effectiveFrom: '2025-03-29' } });
    const byCode = new Map(m.sectors.map((s: any) => [s.code, s]));
    expect(byCode.get('HAZARDOUS_CHEMICALS')).toEqual({ code: 'HAZARDOUS_CHEMICALS', category: '危险化学品', inDirectory: true, directoryName: '危险化学品' });
    expect(byCode.get('FISHERY')).toEqual({ code: 'FISHERY', category: '渔业生产', inDirectory: false, directoryName: null });
    // 燃气 and 人员密集场所 are high-risk in the directory but not on the 2025 list.
    expect(byCode.has('GAS')).toBe(false);
    expect(byCode.has('CROWDED_PLACES')).toBe(false);
    expect(new Set(m.sectors.map((s: any) => s.category))).toEqual(new Set(['矿山', '危险化学品', '烟花爆竹', '交通运输', '建筑施工', '民用爆炸物品', '金属冶炼', '渔业生产']));
    // Before the rule took effect no version applies: a typed error naming the argument.
    expect(fieldsOf(await office(`{ liabilityInsuranceMandate(on: "2025-03-28") { lapseWarningDays } }`))).toEqual([expect.objectContaining({ field: 'on', rule: 'exists' })]);
  });

  it('shows the seeded coverage: mandatory sectors only, a limit below the minimum and a lapsed policy not counting', async () => {
    expect(await coverageOf('ent-sinopec-nanping')).toMatchObject({ sectorCode: 'HAZARDOUS_CHEMICALS', mandatory: true, covered: true, coveringPolicyId: liabilityPolicySeedId('sinopec-nanping-2026') });
    expect(await coverageOf('ent-dashi-stone')).toMatchObject({ mandatory: true, covered: false, coveringPolicyId: null });
    expect(await coverageOf('ent-qinglong-quarry')).toMatchObject({ mandatory: true, covered: false });
    // A gas supplier: high-risk in the directory, insured voluntarily, not mandatory.
    expect(await coverageOf('ent-xinyuan-lpg')).toMatchObject({ sectorCode: 'GAS', mandatory: false, covered: true });
    expect((await one(liabilityPolicySeedId('dashi-stone-2026')))!).toMatchObject({ status: 'ACTIVE', limitBelowMinimum: true });
    expect((await one(liabilityPolicySeedId('qinglong-quarry-2025')))!).toMatchObject({ status: 'LAPSED' });
    expect((await one(liabilityPolicySeedId('xintai-aluminium-2026')))!).toMatchObject({ status: 'CANCELLED', cancelledOn: '2026-10-01' });
    const mandatory = (await ok(office, `{ liabilityInsuranceCoverage(first: 100, filter: { mandatoryOnly: true }) { totalCount edges { node { mandatory } } } }`))['liabilityInsuranceCoverage'];
    expect(mandatory.edges.every((e: any) => e.node.mandatory)).toBe(true);
    const uncovered = (await ok(office, `{ liabilityInsuranceCoverage(first: 100, filter: { mandatoryOnly: true, covered: false }) { totalCount edges { node { enterpriseId covered } } } }`))['liabilityInsuranceCoverage'];
    expect(uncovered.edges.map((e: any) => e.node.enterpriseId)).toEqual(expect.arrayContaining([org('ent-dashi-stone'), org('ent-qinglong-quarry'), org('ent-longteng-fireworks')]));
    expect(uncovered.edges.every((e: any) => !e.node.covered)).toBe(true);
    // The indicator is the same count: covered mandatory ÷ mandatory.
    expect(await indicator('reporting.insurance-coverage')).toEqual({ numerator: mandatory.totalCount - uncovered.totalCount, denominator: mandatory.totalCount });
  });

  it('counts coverage from ¥400,000 per person: ¥399,999.99 is flagged and does not cover', async () => {
    const before = await indicator('reporting.insurance-coverage');
    expect(await coverageOf('ent-longteng-fireworks')).toMatchObject({ sectorCode: 'FIREWORKS', mandatory: true, covered: false });
    const low = await recorded(policyInput('ent-longteng-fireworks', { perPersonLimitYuan: '399999.99', premiumYuan: '300' }));
    expect(low).toMatchObject({ status: 'ACTIVE', limitBelowMinimum: true, perPersonLimitYuan: '399999.99', premiumYuan: '300.00', ruleVersion: { documentNumber: '应急〔2025〕27号' } });
    expect(await coverageOf('ent-longteng-fireworks')).toMatchObject({ covered: false });
    expect(await indicator('reporting.insurance-coverage')).toEqual(before);
    const flagged = (await ok(office, `{ liabilityInsurancePolicies(first: 100, filter: { limitBelowMinimum: true }) { edges { node { id } } } }`))['liabilityInsurancePolicies'].edges.map((e: any) => e.node.id);
    expect(flagged).toEqual(expect.arrayContaining([low.id, liabilityPolicySeedId('dashi-stone-2026')]));
    const fixed = await mutated<Policy>(office, 'updateLiabilityInsurancePolicy', 'UpdateLiabilityPolicyInput', { id: low.id, version: low.version, perPersonLimitYuan: '400000.00' }, POLICY);
    expect(fixed).toMatchObject({ limitBelowMinimum: false, perPersonLimitYuan: '400000.00', version: low.version + 1 });
    expect(await coverageOf('ent-longteng-fireworks')).toMatchObject({ covered: true, coveringPolicyId: low.id, coveringPolicy: { id: low.id } });
    expect(await indicator('reporting.insurance-coverage')).toEqual({ numerator: before.numerator + 1, denominator: before.denominator });
    // A policy starting later covers only from its first day.
    clock.set(new Date('2026-11-30T02:00:00Z'));
    expect(await coverageOf('ent-longteng-fireworks')).toMatchObject({ covered: false });
    expect((await one(low.id))!.status).toBe('PENDING');
  });

  it('lists a policy as lapsing 30 days before its last day, not 31, until a renewal follows it', async () => {
    const p = await recorded(policyInput('ent-chuanping-construction', { startsOn: '2026-01-07', endsOn: '2027-01-06', headcountCovered: 55 }));
    const lapsingIds = async () => (await ok(office, `{ liabilityInsurancePolicies(first: 100, filter: { lapsing: true }) { edges { node { id lapsingWithinDays } } } }`))['liabilityInsurancePolicies'].edges.map((e: any) => e.node.id);
    // 2026-12-07 → 2027-01-06 is 30 days: lapsing.
    expect(p.lapsingWithinDays).toBe(true);
    expect(await lapsingIds()).toContain(p.id);
    const count = (await indicator('reporting.insurance-lapsing'))!.numerator;
    // A day earlier it is 31 days away: not yet.
    clock.set(new Date('2026-12-06T02:00:00Z'));
    expect((await one(p.id))!.lapsingWithinDays).toBe(false);
    expect(await lapsingIds()).not.toContain(p.id);
    // On its last day still lapsing; the day after LAPSED.
    clock.set(new Date('2027-01-06T02:00:00Z'));
    expect((await one(p.id))!).toMatchObject({ status: 'ACTIVE', lapsingWithinDays: true });
    clock.set(new Date('2027-01-07T02:00:00Z'));
    expect((await one(p.id))!).toMatchObject({ status: 'LAPSED', lapsingWithinDays: false });
    clock.set(NOW);
    // The seeded policies ending on 2026-12-31 are lapsing; the one followed by a renewal is not.
    expect(await lapsingIds()).toEqual(expect.arrayContaining([liabilityPolicySeedId('jinlong-gas-2026'), liabilityPolicySeedId('nanping-passenger-2026')]));
    expect(await lapsingIds()).not.toContain(liabilityPolicySeedId('fengming-gas-2025'));
    // A renewal from the day after its last day ends the warning.
    const renewal = await recorded(policyInput('ent-chuanping-construction', { startsOn: '2027-01-07', endsOn: '2028-01-06', headcountCovered: 55 }));
    expect(renewal.status).toBe('PENDING');
    expect((await one(p.id))!.lapsingWithinDays).toBe(false);
    expect((await indicator('reporting.insurance-lapsing'))!.numerator).toBe(count - 1);
  });

  it('refuses to cancel a policy of an operating enterprise in a mandatory sector; allows it otherwise', async () => {
    const seeded = (await one(liabilityPolicySeedId('sinopec-longmen-2026')))!;
    const cancel = (id: string, version: number, extra: Record<string, unknown> = {}, client = office) =>
      mutation(client, 'cancelLiabilityInsurancePolicy', 'CancelLiabilityPolicyInput', { id, version, reason: '企业申请退保', ...extra }, POLICY);
    expect(fieldsOf(await cancel(seeded.id, seeded.version))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'mandatoryInsurance' })]);
    expect((await one(seeded.id))!.status).toBe('ACTIVE');
    // Not mandatory (燃气): cancelled from today.
    const gas = (await one(liabilityPolicySeedId('xinyuan-lpg-2026')))!;
    expect(fieldsOf(await cancel(gas.id, gas.version, { cancelledOn: '2026-12-08' }))).toEqual([expect.objectContaining({ field: 'input.cancelledOn', rule: 'notFuture' })]);
    expect(errorOf(await cancel(gas.id, gas.version - 1 || 99))).toMatchObject({ code: 'CONFLICT' });
    const cancelled = (await cancel(gas.id, gas.version)).body.data!['cancelLiabilityInsurancePolicy'];
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledOn: '2026-12-07', cancellationReason: '企业申请退保' });
    expect(fieldsOf(await cancel(gas.id, cancelled.version))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // A closed (archived) enterprise of a mandatory sector may cancel.
    const admin = await t.as('admin');
    const quarry = (await ok(office, `query($id: UUID!) { organization(id: $id) { id version } }`, { id: org('ent-qinglong-quarry') }))['organization'];
    const archived = await mutation(admin, 'archiveOrganization', 'ArchiveInput', { id: quarry.id, version: quarry.version }, 'id archivedAt');
    expect(archived.body.errors).toBeUndefined();
    const lapsed = (await one(liabilityPolicySeedId('qinglong-quarry-2025')))!;
    expect((await cancel(lapsed.id, lapsed.version, { cancelledOn: '2026-01-15', reason: '企业已关闭' })).body.data!['cancelLiabilityInsurancePolicy']).toMatchObject({ status: 'CANCELLED' });
  });

  it('answers typed errors naming the field and the rule', async () => {
    expect(fieldsOf(await record(policyInput('ent-jiarui-construction', { endsOn: '2026-12-01' })))).toEqual([expect.objectContaining({ field: 'input.endsOn', rule: 'afterFrom' })]);
    expect(fieldsOf(await record(policyInput('ent-jiarui-construction', { endsOn: '2032-12-01' })))).toEqual([expect.objectContaining({ field: 'input.endsOn', rule: 'range' })]);
    expect(fieldsOf(await record(policyInput('ent-jiarui-construction', { insurer: '中国人民财产保险股份有限公司南川支公司', policyNumber: 'PZAW202650011900000231' })))).toEqual([expect.objectContaining({ field: 'input.policyNumber', rule: 'unique' })]);
    expect(fieldsOf(await record({ ...policyInput('ent-jiarui-construction'), enterpriseId: org('village-wenfeng') }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'organizationKind' })]);
    expect(fieldsOf(await record(policyInput('ent-jiarui-construction', { perPersonLimitYuan: '0' })))).toEqual([expect.objectContaining({ field: 'input.perPersonLimitYuan' })]);
    expect(fieldsOf(await record(policyInput('ent-jiarui-construction', { startsOn: '2024-01-01', endsOn: '2024-12-31' })))).toEqual([expect.objectContaining({ field: 'input.startsOn', rule: 'exists' })]);
    expect(errorOf(await record(policyInput('ent-jiarui-construction', { enterpriseId: seedId('org:no-such-enterprise') })))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
  });

  it('keeps policies within scope: an enterprise its own (and may record them), a village its enterprises\', departments all (integrations: the access matrix)', async () => {
    const mine = (await ok(sinopec, `{ liabilityInsurancePolicies(first: 100) { edges { node { enterpriseId } } } }`))['liabilityInsurancePolicies'].edges.map((e: any) => e.node.enterpriseId);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine)).toEqual(new Set([org('ent-sinopec-nanping')]));
    const own = await recorded(policyInput('ent-sinopec-nanping', { startsOn: '2027-03-01', endsOn: '2028-02-29' }), sinopec);
    expect(own.enterpriseId).toBe(org('ent-sinopec-nanping'));
    expect(errorOf(await record(policyInput('ent-sinopec-longmen'), sinopec))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
    expect(await one(liabilityPolicySeedId('sinopec-longmen-2026'), sinopec)).toBeNull();
    expect((await coverageOf('ent-sinopec-longmen', sinopec))).toBeUndefined();
    // 文凤村 reads the policies of its enterprises only, and records none.
    const village = (await ok(wenfeng, `{ liabilityInsuranceCoverage(first: 100) { edges { node { enterpriseId } } } }`))['liabilityInsuranceCoverage'].edges.map((e: any) => e.node.enterpriseId);
    expect(village).toContain(org('ent-lvyuan-bamboo-shoots'));
    expect(village).not.toContain(org('ent-sinopec-nanping'));
    expect(errorOf(await record(policyInput('ent-lvyuan-bamboo-shoots'), wenfeng))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await one(liabilityPolicySeedId('hongfa-quarry-2026'), jingfa)).not.toBeNull();
    expect(errorOf(await record(policyInput('ent-hongfa-quarry'), jingfa))).toMatchObject({ code: 'FORBIDDEN' });
    const zhifa = await t.as('zhifa');
    expect(errorOf(await zhifa(`{ liabilityInsurancePolicies(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('records the district catastrophe policy at its minimums and settles a claim linked to an incident', async () => {
    const base = {
      organizationId: TOWN,
      policyholder: '重庆市南川区人民政府',
      insurer: '中国人民财产保险股份有限公司重庆市分公司',
      policyNumber: 'PQDC-TEST-0001',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      perPersonLimitYuan: '100000',
      medicalPerPersonLimitYuan: '10000',
      perEventLimitYuan: '30000000',
      annualLimitYuan: '60000000',
      perils: ['暴雨洪涝', '地质灾害'],
    };
    const FIELDS = 'id version perPersonLimitYuan ruleVersion { documentNumber } claims(first: 5) { totalCount }';
    expect(fieldsOf(await mutation(office, 'recordCatastrophePolicy', 'RecordCatastrophePolicyInput', { ...base, perPersonLimitYuan: '99999.99' }, FIELDS))).toEqual([expect.objectContaining({ field: 'input.perPersonLimitYuan', rule: 'minimumLimit' })]);
    expect(fieldsOf(await mutation(office, 'recordCatastrophePolicy', 'RecordCatastrophePolicyInput', { ...base, annualLimitYuan: '59999999.99' }, FIELDS))).toEqual([expect.objectContaining({ field: 'input.annualLimitYuan', rule: 'minimumLimit' })]);
    const policy = await mutated(office, 'recordCatastrophePolicy', 'RecordCatastrophePolicyInput', base, FIELDS);
    expect(policy).toMatchObject({ perPersonLimitYuan: '100000.00', ruleVersion: { documentNumber: '渝府办发〔2017〕121号' }, claims: { totalCount: 0 } });
    const flood = seedId('rescue:incidents:wenfeng-flash-flood');
    const CLAIM = 'id version status amountClaimedYuan amountPaidYuan rejectionReason incident { id title } policy { id }';
    const claim = (input: Record<string, unknown>) => mutation(office, 'fileCatastropheClaim', 'FileCatastropheClaimInput', { policyId: policy.id, incidentId: flood, organizationId: org('village-wenfeng'), kind: 'MEDICAL', persons: 2, amountClaimedYuan: '20000', ...input }, CLAIM);
    expect(fieldsOf(await claim({ amountClaimedYuan: '20000.01' }))).toEqual([expect.objectContaining({ field: 'input.amountClaimedYuan', rule: 'coverage' })]);
    expect(fieldsOf(await claim({ filedOn: '2026-12-08' }))).toEqual([expect.objectContaining({ field: 'input.filedOn', rule: 'notFuture' })]);
    expect(errorOf(await claim({ incidentId: seedId('rescue:incidents:none') }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.incidentId' });
    const filed = (await claim({})).body.data!['fileCatastropheClaim'];
    expect(filed).toMatchObject({ status: 'FILED', amountClaimedYuan: '20000.00', incident: { id: flood }, policy: { id: policy.id } });
    const pay = (amount: string, version = filed.version) => mutation(office, 'payCatastropheClaim', 'PayCatastropheClaimInput', { id: filed.id, version, amountPaidYuan: amount }, CLAIM);
    expect(fieldsOf(await pay('20000.01'))).toEqual([expect.objectContaining({ field: 'input.amountPaidYuan', rule: 'range' })]);
    const paid = (await pay('18000')).body.data!['payCatastropheClaim'];
    expect(paid).toMatchObject({ status: 'PAID', amountPaidYuan: '18000.00' });
    expect(fieldsOf(await mutation(office, 'rejectCatastropheClaim', 'RejectCatastropheClaimInput', { id: filed.id, version: paid.version, reason: '不在保险责任范围' }, CLAIM))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // The incident shows its claims (the seeded one and this one).
    const viaIncident = (await ok(office, `query($id: UUID!) { incident(id: $id) { catastropheClaims(first: 10) { edges { node { id status } } } } }`, { id: flood }))['incident'].catastropheClaims.edges.map((e: any) => e.node.id);
    expect(viaIncident).toContain(filed.id);
    expect(viaIncident).toContain(seedId('reporting:catastrophe-claim:wenfeng-flash-flood'));
    // An enterprise sees no catastrophe records and may not file.
    expect((await ok(sinopec, `{ catastropheClaims(first: 5) { totalCount } }`))['catastropheClaims'].totalCount).toBe(0);
    expect(errorOf(await mutation(sinopec, 'fileCatastropheClaim', 'FileCatastropheClaimInput', { policyId: policy.id, incidentId: flood, organizationId: org('ent-sinopec-nanping'), kind: 'DEATH', persons: 1, amountClaimedYuan: '1' }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages losslessly in both directions', async () => {
    const total = (await ok(office, `{ liabilityInsurancePolicies(first: 1) { totalCount } }`))['liabilityInsurancePolicies'].totalCount;
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { liabilityInsurancePolicies(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['liabilityInsurancePolicies'], 4, total);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { liabilityInsurancePolicies(orderBy: [{ field: PER_PERSON_LIMIT, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['liabilityInsurancePolicies'], 5, total);
    const enterprises = (await ok(office, `{ liabilityInsuranceCoverage(first: 1) { totalCount } }`))['liabilityInsuranceCoverage'].totalCount;
    expect(enterprises).toBeGreaterThanOrEqual(50);
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { liabilityInsuranceCoverage(${PAGE_ARGS}) { ${walkedPage('enterpriseId')} } }`, {}, ['liabilityInsuranceCoverage'], 17, enterprises);
    // By sector (enterprises without a profile have none: last ascending), then covered first: ties by the enterprise.
    await expectPagedCompletely(office, `query(${PAGE_VARS}) { liabilityInsuranceCoverage(orderBy: [{ field: SECTOR }, { field: COVERED, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage('enterpriseId')} } }`, {}, ['liabilityInsuranceCoverage'], 17, enterprises);
  });
});
