import fc from 'fast-check';
import { InProcessEventBus, ManualClock, RequestContext, SYSTEM } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, fieldsOf, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { accidentIncidentSeedId, penaltyCaseSeedId } from '@domains/enforcement';
import { seedRewards } from '../src/rewards/reward.seed';
import { accidentReward, fineReward, type RewardTiers } from '../src/rewards/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const [XIANGRUI, LONGMEN, SINOPEC] = [org('ent-xiangrui-fireworks'), org('ent-sinopec-longmen'), org('ent-sinopec-nanping')];
/** Decided (EXECUTING, ¥15,000) and not decided (NOTIFIED) seeded cases. */
const [DECIDED_CASE, NOTIFIED_CASE] = [penaltyCaseSeedId('2026-longmen-hazard'), penaltyCaseSeedId('2026-desheng-training')];

const CODES = ['reporting.rewards-due', 'reporting.rewards-approved', 'reporting.rewards-paid', 'reporting.rewards-paid-amount', 'reporting.rewards-days-to-pay', 'reporting.rewards-unclaimed'];
const FIELDS = `id version tipId status basis fineYuan accidentGrade verifiedDeaths amountYuan computedAt approvedAt approvedBy claimDueOn unclaimed
  paidAmountYuan paidAt paymentMethod voucherNumber paymentRecordedBy penaltyCase { id } accidentInvestigation { id } ruleVersion { id documentNumber jurisdiction }`;
type Reward = { id: string; version: number; status: string; amountYuan: string; [k: string]: any };

/**
 * Tip rewards (issue 21, 安监总财〔2018〕19号): the national tiers at their minimum and maximum boundaries
 * (rounded to the fen half-up), the concealed-accident tier per death by grade with its cap, the first
 * valid reporter of merged duplicates, the final fine (a case not decided is refused), identity
 * before payment, the claim deadline and the unclaimed ledger, permissions and typed errors; the
 * enterprises' internal reward mechanisms (安委〔2024〕7号) and the indicators.
 */
describe('tip rewards (举报奖励)', () => {
  // 2026-11-29 (Sunday) 10:00 China time.
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  let accidentId: string;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('wenfeng'), t.as('sinopec-nanping')]);
    [{ id: accidentId }] = await db().query(`SELECT id FROM accident_investigation WHERE incident_id = $1`, [accidentIncidentSeedId('jinxing-burn')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const db = () => t.gateway.database.dataSource;
  let n = 0;
  /**
   * A tip inserted as the intake and handling parts would leave it (test setup only: those parts are
   * built alongside): CLOSED as FIXED unless told otherwise, received on 2026-11-01.
   */
  const insertTip = async (o: { code?: string; category?: string; status?: string; outcome?: string | null; reporterKind?: string; disclosed?: boolean; receivedAt?: string; duplicateOfId?: string | null; organizationId?: string } = {}): Promise<{ id: string; code: string }> => {
    n += 1;
    const status = o.status ?? 'CLOSED';
    const closes = ['CLOSED', 'REJECTED', 'SENT_BACK'].includes(status);
    const kind = o.reporterKind ?? 'NAMED';
    const named = kind !== 'ANONYMOUS' || o.disclosed;
    const receivedAt = o.receivedAt ?? '2026-11-01T02:00:00Z';
    const [row] = await db().query(
      `INSERT INTO tip (code, secret_hash, channel, category, title, description, organization_id, enterprise_id, reporter_kind, reporter_name, reporter_phone, identity_disclosed_at,
                        reporter_access_expires_at, received_at, status, outcome, closed_at, duplicate_of_id)
       VALUES ($1, repeat('a', 64), 'HOTLINE_12350', $2, '测试举报', '企业在未经许可的场所储存危险物品。', $3, $3, $4, $5, $6, $7, $8::timestamptz + interval '90 days', $8::timestamptz, $9, $10, $11, $12)
       RETURNING id, code`,
      [o.code ?? `JB-2099-${String(n).padStart(6, '0')}`, o.category ?? 'MAJOR_HAZARD', o.organizationId ?? LONGMEN, kind, named ? '张三' : null, named ? '13800000000' : null, kind === 'ANONYMOUS' && o.disclosed ? receivedAt : null,
        receivedAt, status, closes ? (o.outcome === undefined ? 'FIXED' : o.outcome) : null, closes ? new Date(Date.parse(receivedAt) + 10 * 86_400_000).toISOString() : null, o.duplicateOfId ?? null],
    );
    return row;
  };
  const setFine = (yuan: string) => db().query(`UPDATE enforcement_case SET decided_fine_yuan = $2 WHERE id = $1`, [DECIDED_CASE, yuan]);
  const link = (tipId: string, extra: Record<string, unknown>, client = office) => mutation(client, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId, ...extra }, 'id penaltyCaseId accidentInvestigationId');
  const compute = (tipId: string, client = office) => mutation(client, 'computeTipReward', 'ComputeTipRewardInput', { tipId }, FIELDS);
  const computed = async (tipId: string): Promise<Reward> => mutated(office, 'computeTipReward', 'ComputeTipRewardInput', { tipId }, FIELDS);
  const one = async (id: string, client = office): Promise<Reward | null> => (await dataOf(client, `query($id: UUID!) { tipReward(id: $id) { ${FIELDS} } }`, { id }))['tipReward'];
  const approve = async (r: Reward, client = office) => mutation(client, 'approveTipReward', 'ApproveTipRewardInput', { id: r.id, version: (await one(r.id))!.version }, FIELDS);
  const pay = async (r: Reward, extra: Record<string, unknown> = {}, client = office) =>
    mutation(client, 'recordTipRewardPayment', 'RecordTipRewardPaymentInput', { id: r.id, version: (await one(r.id))!.version, amountPaidYuan: r.amountYuan, method: 'BANK_TRANSFER', voucherNumber: `测试凭证${r.id.slice(0, 6)}`, ...extra }, FIELDS);
  /** A rewarded fine tip: inserted, linked to the decided case at `fine`, computed. */
  const fineTip = async (fine: string, o: Parameters<typeof insertTip>[0] = {}): Promise<Reward> => {
    await setFine(fine);
    const tip = await insertTip(o);
    await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: tip.id, penaltyCaseId: DECIDED_CASE }, 'id');
    return computed(tip.id);
  };
  const rule = async (): Promise<RewardTiers> => (await db().query(`SELECT value FROM business_rule_version WHERE rule_code = 'reporting.reward-tiers' AND jurisdiction = 'NATIONAL'`))[0].value;

  it('seeds the national 2018 tiers and computes them in fen, half-up, within the minimum and the maximum', async () => {
    const v = await rule();
    const tier = v.tiers.MAJOR_HAZARD!;
    expect(tier).toEqual({ basis: 'FINE', percent: '15', minYuan: '3000', maxYuan: '300000' });
    expect(v.tiers.ILLEGAL_OPERATION).toEqual(tier);
    expect(v.tiers.HAZARD).toBeNull();
    expect(v.claimDays).toBe(90);
    if (tier.basis !== 'FINE') throw new Error('fine tier expected');
    expect(fineReward(tier, '19999.99')).toBe('3000.00');
    expect(fineReward(tier, '20000')).toBe('3000.00');
    expect(fineReward(tier, '20000.01')).toBe('3000.00'); // 3,000.0015 → 3,000.00
    expect(fineReward(tier, '20000.04')).toBe('3000.01'); // 3,000.006 → 3,000.01
    expect(fineReward(tier, '20000.03')).toBe('3000.00'); // 3,000.0045 → 3,000.00 (half-up at the fen, not before)
    expect(fineReward(tier, '33333.30')).toBe('5000.00'); // 4,999.995 → 5,000.00 (a half rounds up)
    expect(fineReward(tier, '2000000')).toBe('300000.00');
    expect(fineReward(tier, '2000000.01')).toBe('300000.00');
    expect(fineReward(tier, '100')).toBe('3000.00');
    // Against an oracle in fen over fines around both boundaries.
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 2_100_000 }), fc.integer({ min: 199_990_000, max: 200_010_000 })), (fineFen) => {
        const fine = (BigInt(fineFen) * 15n * 100n + 5000n) / 10000n;
        const expected = fine < 300_000n ? 300_000n : fine > 30_000_000n ? 30_000_000n : fine;
        expect(fineReward(tier, (fineFen / 100).toFixed(2))).toBe((Number(expected) / 100).toFixed(2));
      }),
    );
    const accident = v.tiers.CONCEALED_ACCIDENT!;
    if (accident.basis !== 'ACCIDENT_GRADE') throw new Error('accident tier expected');
    expect(accidentReward(accident, 'ORDINARY', 1)).toBe('30000.00');
    expect(accidentReward(accident, 'LARGER', 3)).toBe('120000.00');
    expect(accidentReward(accident, 'SERIOUS', 6)).toBe('300000.00');
    expect(accidentReward(accident, 'EXTRAORDINARILY_SERIOUS', 5)).toBe('300000.00');
    expect(accidentReward(accident, 'EXTRAORDINARILY_SERIOUS', 6)).toBe('300000.00');
    expect(accidentReward(accident, 'EXTRAORDINARILY_SERIOUS', 4)).toBe('240000.00');
  });

  it('computes a fine reward over HTTP at the minimum and maximum boundaries, storing the fine, the rule version and the basis', async () => {
    for (const [fine, amount] of [
      ['19999.99', '3000.00'],
      ['20000.00', '3000.00'],
      ['20000.01', '3000.00'],
      ['50000.00', '7500.00'],
      ['2000000.00', '300000.00'],
      ['2000000.01', '300000.00'],
    ] as const) {
      const r = await fineTip(fine);
      expect(r).toMatchObject({ status: 'COMPUTED', basis: 'FINE', fineYuan: fine, amountYuan: amount, accidentGrade: null, verifiedDeaths: null, unclaimed: false, penaltyCase: { id: DECIDED_CASE } });
      expect(r.ruleVersion).toMatchObject({ documentNumber: '安监总财〔2018〕19号', jurisdiction: 'NATIONAL' });
    }
    await setFine('15000.00');
    const audits = await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reporting.reward.compute'`);
    expect(audits[0].n).toBeGreaterThanOrEqual(6);
  });

  it('computes a concealed-accident reward per verified death by the final grade, capped, and refuses a provisional grade', async () => {
    const [before] = await db().query(`SELECT grade, deaths, grade_basis FROM accident_investigation WHERE id = $1`, [accidentId]);
    expect(before).toMatchObject({ grade: 'LARGER', deaths: 3, grade_basis: 'VERIFIED' });
    const accidentTip = async () => {
      const tip = await insertTip({ category: 'CONCEALED_ACCIDENT', organizationId: org('ent-jinxing-foundry') });
      await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: tip.id, accidentInvestigationId: accidentId }, 'id');
      return tip;
    };
    try {
      expect(await computed((await accidentTip()).id)).toMatchObject({ basis: 'ACCIDENT_GRADE', accidentGrade: 'LARGER', verifiedDeaths: 3, amountYuan: '120000.00', fineYuan: null, accidentInvestigation: { id: accidentId } });
      for (const [grade, deaths, amount] of [
        ['ORDINARY', 2, '60000.00'],
        ['SERIOUS', 6, '300000.00'],
        ['EXTRAORDINARILY_SERIOUS', 5, '300000.00'],
        ['EXTRAORDINARILY_SERIOUS', 30, '300000.00'],
      ] as const) {
        await db().query(`UPDATE accident_investigation SET grade = $2, deaths = $3 WHERE id = $1`, [accidentId, grade, deaths]);
        expect(await computed((await accidentTip()).id)).toMatchObject({ accidentGrade: grade, verifiedDeaths: deaths, amountYuan: amount });
      }
      await db().query(`UPDATE accident_investigation SET grade_basis = 'PROVISIONAL' WHERE id = $1`, [accidentId]);
      const provisional = await compute((await accidentTip()).id);
      expect(fieldsOf(provisional)).toEqual([expect.objectContaining({ field: 'input.tipId', rule: 'notFinal' })]);
    } finally {
      await db().query(`UPDATE accident_investigation SET grade = $2, deaths = $3, grade_basis = $4 WHERE id = $1`, [accidentId, before.grade, before.deaths, before.grade_basis]);
    }
  });

  it('rewards only the first valid reporter of merged duplicates, whichever tip carries the outcome', async () => {
    await setFine('40000.00');
    // The earliest tip was merged into a later one that was handled and linked.
    const handled = await insertTip({ receivedAt: '2026-11-03T02:00:00Z' });
    const first = await insertTip({ receivedAt: '2026-11-02T02:00:00Z', outcome: 'DUPLICATE', duplicateOfId: handled.id });
    const later = await insertTip({ receivedAt: '2026-11-04T02:00:00Z', outcome: 'DUPLICATE', duplicateOfId: handled.id });
    // An even earlier report of the group that was rejected is not a valid one.
    await insertTip({ receivedAt: '2026-11-01T01:00:00Z', status: 'REJECTED', outcome: 'REJECTED', duplicateOfId: handled.id });
    await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: handled.id, penaltyCaseId: DECIDED_CASE }, 'id');
    for (const id of [handled.id, later.id]) {
      const refused = await compute(id);
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(fieldsOf(refused)).toEqual([expect.objectContaining({ field: 'input.tipId', rule: 'firstValidReporter' })]);
      expect(fieldsOf(refused)[0]!.message).toContain(first.code);
    }
    const r = await computed(first.id);
    expect(r).toMatchObject({ tipId: first.id, amountYuan: '6000.00', fineYuan: '40000.00' });
    // Once per group, and the group's outcome is kept.
    expect(fieldsOf(await compute(first.id))).toEqual([expect.objectContaining({ rule: 'unique' })]);
    expect(fieldsOf(await link(handled.id, { penaltyCaseId: NOTIFIED_CASE }))).toEqual([expect.objectContaining({ field: 'input.tipId', rule: 'state' })]);
    // The tip shows its reward (Tip.reward), the others none.
    const viaTip = await dataOf(office, `query($id: UUID!) { tipReward(id: $id) { tip { id code reward { id amountYuan } } } }`, { id: r.id });
    expect(viaTip['tipReward'].tip).toEqual({ id: first.id, code: first.code, reward: { id: r.id, amountYuan: '6000.00' } });
  });

  it('reads the final fine: a case not decided, a decision without a fine, a missing outcome and an unrewarded category are typed errors', async () => {
    const open = await insertTip();
    await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: open.id, penaltyCaseId: NOTIFIED_CASE }, 'id');
    const notFinal = await compute(open.id);
    expect(fieldsOf(notFinal)).toEqual([expect.objectContaining({ field: 'input.tipId', rule: 'notFinal' })]);
    expect(fieldsOf(notFinal)[0]!.message).toContain('not decided');
    const bare = await insertTip();
    expect(fieldsOf(await compute(bare.id))).toEqual([expect.objectContaining({ rule: 'outcomeRequired' })]);
    const general = await insertTip({ category: 'HAZARD' });
    await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: general.id, penaltyCaseId: DECIDED_CASE }, 'id');
    expect(fieldsOf(await compute(general.id))).toEqual([expect.objectContaining({ rule: 'noTier' })]);
    const noFine = await insertTip();
    await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: noFine.id, penaltyCaseId: penaltyCaseSeedId('2026-lvyuan-minor') }, 'id');
    expect(fieldsOf(await compute(noFine.id))).toEqual([expect.objectContaining({ rule: 'nothingToReward' })]);
  });

  it('links an outcome only to a tip verified or closed as fixed, with a case the caller may read', async () => {
    const notVerified = await insertTip({ status: 'CLOSED', outcome: 'NOT_VERIFIED' });
    expect(fieldsOf(await link(notVerified.id, { penaltyCaseId: DECIDED_CASE }))).toEqual([expect.objectContaining({ field: 'input.tipId', rule: 'tipState' })]);
    const tip = await insertTip();
    expect(fieldsOf(await link(tip.id, {}))).toEqual([expect.objectContaining({ field: 'input.penaltyCaseId', rule: 'required' })]);
    expect(errorOf(await link(tip.id, { penaltyCaseId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await link(tip.id, { penaltyCaseId: DECIDED_CASE }, zhifa))).toMatchObject({ code: 'FORBIDDEN' });
    const linked = await mutated(office, 'linkTipOutcome', 'LinkTipOutcomeInput', { tipId: tip.id, penaltyCaseId: DECIDED_CASE }, 'id penaltyCaseId accidentInvestigationId');
    expect(linked).toEqual({ id: tip.id, penaltyCaseId: DECIDED_CASE, accidentInvestigationId: null });
    const [audit] = await db().query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'reporting.tip.outcome-linked' AND entity_id = $1`, [tip.id]);
    expect(audit.n).toBe(1);
  });

  it('pays an anonymous tip\'s reward only after its reporter disclosed identity, at most the amount computed', async () => {
    const r = await fineTip('30000.00', { reporterKind: 'ANONYMOUS' });
    expect(r.amountYuan).toBe('4500.00');
    const approved = await approve(r);
    expect(approved.body.errors).toBeUndefined();
    expect(approved.body.data!['approveTipReward']).toMatchObject({ status: 'APPROVED', approvedBy: expect.any(String), claimDueOn: '2027-02-27', unclaimed: false });
    const refused = await pay(r);
    expect(fieldsOf(refused)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'identityRequired' })]);
    await db().query(`UPDATE tip SET identity_disclosed_at = $2, reporter_name = '李四', reporter_phone = '13900000000' WHERE id = $1`, [r['tipId'], NOW.toISOString()]);
    expect(fieldsOf(await pay(r, { amountPaidYuan: '4500.01' }))).toEqual([expect.objectContaining({ field: 'input.amountPaidYuan', rule: 'amount' })]);
    expect(fieldsOf(await pay(r, { paidAt: '2026-11-29T03:00:00Z' }))).toEqual([expect.objectContaining({ field: 'input.paidAt', rule: 'notFuture' })]);
    const paid = await pay(r);
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data!['recordTipRewardPayment']).toMatchObject({ status: 'PAID', paidAmountYuan: '4500.00', paymentMethod: 'BANK_TRANSFER', paidAt: NOW.toISOString(), paymentRecordedBy: expect.any(String) });
    // A step from the wrong state is refused with the kernel's rule.
    expect(fieldsOf(await approve(r))).toEqual([expect.objectContaining({ rule: 'state' })]);
  });

  it('leaves an approved reward unclaimed after its claim deadline: in the ledger, not payable, counted', async () => {
    const r = await fineTip('25000.00');
    expect(r.amountYuan).toBe('3750.00');
    await approve(r);
    const ledger = async () =>
      (await dataOf(office, `{ tipRewards(first: 50, filter: { unclaimed: true }) { totalCount edges { node { id unclaimed } } } }`))['tipRewards'].edges.map((e: any) => e.node.id);
    // On the last day to claim it is still claimable.
    clock.set(new Date('2027-02-27T15:59:59Z'));
    expect(await one(r.id)).toMatchObject({ claimDueOn: '2027-02-27', unclaimed: false });
    expect(await ledger()).not.toContain(r.id);
    clock.set(new Date('2027-02-27T16:00:00Z')); // 2027-02-28 00:00 China time
    expect(await one(r.id)).toMatchObject({ status: 'APPROVED', unclaimed: true });
    expect(await ledger()).toContain(r.id);
    const unclaimedNow = await dataOf(office, `{ tipRewards(first: 50, filter: { unclaimed: false, statuses: [APPROVED] }) { edges { node { id } } } }`);
    expect(unclaimedNow['tipRewards'].edges.map((e: any) => e.node.id)).not.toContain(r.id);
    expect(fieldsOf(await pay(r))).toEqual([expect.objectContaining({ field: 'input.paidAt', rule: 'claimDeadline' })]);
    // A payment made on the last day and recorded later is accepted.
    const late = await pay(r, { paidAt: '2027-02-27T08:00:00Z' });
    expect(late.body.errors).toBeUndefined();
    expect(late.body.data!['recordTipRewardPayment']).toMatchObject({ status: 'PAID', unclaimed: false });
  });

  it('refuses callers without the permissions, and lets read-only integrations read', async () => {
    const r = await fineTip('21000.00');
    expect(errorOf(await compute(r['tipId'], zhifa))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await approve(r, wenfeng))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await pay(r, {}, sinopec))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await wenfeng(`{ tipRewards(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    const admin = await t.as('admin');
    const roles = (await dataOf(admin, `{ roles(first: 100) { edges { node { id code } } } }`))['roles'].edges.map((e: any) => e.node);
    const integrationRole = roles.find((x: any) => x.code === 'integration-readonly');
    const { key } = (await dataOf(admin, `mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "奖励测试", roleId: $r, organizationId: $o }) { key } }`, { r: integrationRole.id, o: org('town') }))['createApiClient'];
    const res = await t.gql(`query($id: UUID!) { tipReward(id: $id) { id amountYuan } }`, { id: r.id }, { 'x-api-key': key });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['tipReward']).toEqual({ id: r.id, amountYuan: '3150.00' });
    expect(errorOf(await t.gql(`mutation($id: UUID!) { computeTipReward(input: { tipId: $id }) { id } }`, { id: r['tipId'] }, { 'x-api-key': key }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('counts rewards due, approved, paid (count and amount), days to pay and unclaimed in the indicators', async () => {
    const a = await fineTip('60000.00'); // 9,000
    const b = await fineTip('80000.00'); // 12,000
    await approve(a);
    await approve(b);
    const figures = async (from: string, to: string): Promise<Record<string, number | null>> => {
      // The figures are read with today's clock: unclaimed is as of today.
      const res = await dataOf(office, `query($o: UUID!, $f: LocalDate!, $t: LocalDate!) { indicatorValues(organizationId: $o, from: $f, to: $t, filter: { codes: ${JSON.stringify(CODES)} }) { edges { node { indicator { code } value } } } }`, { o: org('town'), f: from, t: to });
      return Object.fromEntries(res['indicatorValues'].edges.map((e: any) => [e.node.indicator.code, e.node.value]));
    };
    const before = await figures('2026-12-01', '2027-01-01');
    clock.set(new Date('2026-12-03T02:00:00Z'));
    expect((await pay(a)).body.errors).toBeUndefined();
    const december = await figures('2026-12-01', '2027-01-01');
    expect(december['reporting.rewards-paid']).toBe((before['reporting.rewards-paid'] ?? 0) + 1);
    expect(december['reporting.rewards-paid-amount']).toBe((before['reporting.rewards-paid-amount'] ?? 0) + 9000);
    if (!before['reporting.rewards-paid']) expect(december['reporting.rewards-days-to-pay']).toBeCloseTo(4, 5);
    const november = await figures('2026-11-01', '2026-12-01');
    expect(november['reporting.rewards-approved']).toBeGreaterThanOrEqual(2);
    expect(november['reporting.rewards-due']).toBeGreaterThanOrEqual(1);
    clock.set(new Date('2027-03-05T02:00:00Z'));
    const march = await figures('2027-03-01', '2027-04-01');
    // b (approved 2026-11-29, due 2027-02-27) is unclaimed, but its deadline fell in February.
    expect(march['reporting.rewards-unclaimed']).toBe(0);
    expect((await figures('2027-02-01', '2027-03-01'))['reporting.rewards-unclaimed']).toBeGreaterThanOrEqual(1);
  });

  it('seeds a paid, an approved and a computed reward on the seeded tips once they are rewardable, idempotently', async () => {
    const seed = async () => {
      const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined, child: () => log };
      const ctx = new RequestContext({ requestId: 'seed-rewards-test', principal: SYSTEM, dataSource: db(), events: new InProcessEventBus(), log: log as never, clock });
      await seedRewards(ctx);
    };
    const codes = ['JB-2025-000001', 'JB-2026-000002', 'JB-2026-000007'];
    const byCode = async (): Promise<Map<string, string>> => new Map((await db().query(`SELECT code, id FROM tip WHERE code = ANY($1)`, [codes])).map((r: any) => [r.code, r.id]));
    let tips = await byCode();
    // The intake part's seed files these tips and the handling part's closes some; without them (a module
    // started without those parts) the test files them as the handling part leaves them.
    if (!tips.has('JB-2025-000001')) await insertTip({ code: 'JB-2025-000001', organizationId: XIANGRUI, receivedAt: '2025-09-20T02:15:00Z' });
    if (!tips.has('JB-2026-000002')) await insertTip({ code: 'JB-2026-000002', category: 'ILLEGAL_OPERATION', organizationId: org('ent-fengxiang-liquor'), receivedAt: '2026-08-28T02:00:00Z' });
    if (!tips.has('JB-2026-000007')) await insertTip({ code: 'JB-2026-000007', category: 'CONCEALED_ACCIDENT', organizationId: org('ent-jinxing-foundry'), reporterKind: 'ANONYMOUS', status: 'ESCALATED', receivedAt: '2026-11-25T02:00:00Z' });
    tips = await byCode();
    // A tip escalated for deaths is not rewardable until it is verified or closed as fixed: make it so here.
    await db().query(`UPDATE tip SET status = 'CLOSED', outcome = 'FIXED', closed_at = received_at + interval '2 days' WHERE code = 'JB-2026-000007' AND status NOT IN ('VERIFIED', 'HANDLED', 'CLOSED')`);
    await seed();
    await seed();
    const rewards = await db().query(`SELECT tip_id, status, amount_yuan, paid_amount_yuan, claim_due_on IS NOT NULL AS due FROM tip_reward WHERE tip_id = ANY($1) ORDER BY computed_at`, [[...tips.values()]]);
    expect(rewards).toEqual([
      { tip_id: tips.get('JB-2025-000001'), status: 'PAID', amount_yuan: '7500.00', paid_amount_yuan: '7500.00', due: true },
      { tip_id: tips.get('JB-2026-000002'), status: 'APPROVED', amount_yuan: '3000.00', paid_amount_yuan: null, due: true },
      { tip_id: tips.get('JB-2026-000007'), status: 'COMPUTED', amount_yuan: '120000.00', paid_amount_yuan: null, due: false },
    ]);
    const links = await db().query(`SELECT code, penalty_case_id, accident_investigation_id FROM tip WHERE code = ANY($1) ORDER BY code`, [codes]);
    expect(links).toEqual([
      { code: 'JB-2025-000001', penalty_case_id: penaltyCaseSeedId('2025-xiangrui-storage'), accident_investigation_id: null },
      { code: 'JB-2026-000002', penalty_case_id: penaltyCaseSeedId('2026-fengxiang-training'), accident_investigation_id: null },
      { code: 'JB-2026-000007', penalty_case_id: null, accident_investigation_id: accidentId },
    ]);
  });

  describe('internal hazard-report reward mechanisms (安委〔2024〕7号)', () => {
    const record = (input: Record<string, unknown>, client = office) => mutation(client, 'recordInternalRewardMechanism', 'RecordInternalRewardMechanismInput', input, 'id version enterpriseId inPlace since channels funding enterprise { id }');
    /** Every enterprise without a mechanism in the caller's scope, page by page. */
    const without = async (client = office): Promise<string[]> => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (await dataOf(client, `query($a: String) { enterprisesWithoutInternalRewardMechanism(first: 100, after: $a) { edges { node { id kind } } pageInfo { hasNextPage endCursor } } }`, { a: after }))['enterprisesWithoutInternalRewardMechanism'];
        for (const e of page.edges) {
          expect(e.node.kind).toBe('ENTERPRISE');
          ids.push(e.node.id);
        }
        if (!page.pageInfo.hasNextPage) return ids;
        after = page.pageInfo.endCursor;
      }
    };

    it('records, updates and lists mechanisms; enterprises without one are listed for the enforcement plan', async () => {
      // The seed: 龙门加油站 has one in place, 金星铸造厂 is recorded without one, 祥瑞 is not recorded.
      const before = await without();
      expect(before).toEqual(expect.arrayContaining([XIANGRUI, org('ent-jinxing-foundry')]));
      expect(before).not.toContain(LONGMEN);
      // Filtered by subtree (at or below an organization) and by sector.
      const filtered = async (filter: string): Promise<string[]> =>
        (await dataOf(office, `{ enterprisesWithoutInternalRewardMechanism(first: 100, filter: ${filter}) { edges { node { id } } } }`))['enterprisesWithoutInternalRewardMechanism'].edges.map((e: any) => e.node.id);
      expect(await filtered(`{ organizationId: "${XIANGRUI}" }`)).toEqual([XIANGRUI]);
      const sector = (await dataOf(office, `query($id: UUID!) { organization(id: $id) { enterprise { sectorCode } } }`, { id: XIANGRUI }))['organization'].enterprise?.sectorCode;
      if (sector) expect(await filtered(`{ sectorCodes: ["${sector}"] }`)).toContain(XIANGRUI);
      expect(await filtered(`{ sectorCodes: ["NO_SUCH_SECTOR"] }`)).toEqual([]);
      const seeded = await dataOf(office, `query($e: UUID!) { internalRewardMechanism(enterpriseId: $e) { inPlace since channels ledger(first: 5) { edges { node { year reportsReceived reportsRewarded amountPaidYuan } } } } }`, { e: LONGMEN });
      expect(seeded['internalRewardMechanism']).toEqual({ inPlace: true, since: '2024-09-01', channels: ['HOTLINE', 'APP'], ledger: { edges: [{ node: { year: 2025, reportsReceived: 12, reportsRewarded: 5, amountPaidYuan: '2500.00' } }] } });
      const created = await record({ enterpriseId: XIANGRUI, inPlace: true, since: '2025-03-01', channels: ['HOTLINE', 'WECHAT'], funding: '安全生产费用' });
      expect(created.body.errors).toBeUndefined();
      const m = created.body.data!['recordInternalRewardMechanism'];
      expect(m).toMatchObject({ enterpriseId: XIANGRUI, inPlace: true, since: '2025-03-01', channels: ['HOTLINE', 'WECHAT'], enterprise: { id: XIANGRUI } });
      expect(await without()).not.toContain(XIANGRUI);
      const viaOrganization = await dataOf(office, `query($id: UUID!) { organization(id: $id) { internalRewardMechanism { id inPlace } } }`, { id: XIANGRUI });
      expect(viaOrganization['organization'].internalRewardMechanism).toEqual({ id: m.id, inPlace: true });
      // A second record needs the version; an update to "not in place" lists it again.
      expect(fieldsOf(await record({ enterpriseId: XIANGRUI, inPlace: true, channels: [] }))).toEqual([expect.objectContaining({ field: 'input.version', rule: 'required' })]);
      expect(fieldsOf(await record({ enterpriseId: XIANGRUI, inPlace: false, since: '2025-03-01', channels: [], version: m.version }))).toEqual([expect.objectContaining({ field: 'input.since', rule: 'state' })]);
      expect(errorOf(await record({ enterpriseId: XIANGRUI, inPlace: false, channels: [], version: m.version + 5 }))).toMatchObject({ code: 'CONFLICT' });
      const off = await mutated(office, 'recordInternalRewardMechanism', 'RecordInternalRewardMechanismInput', { enterpriseId: XIANGRUI, inPlace: false, channels: [], version: m.version }, 'inPlace since version');
      expect(off).toEqual({ inPlace: false, since: null, version: m.version + 1 });
      expect(await without()).toContain(XIANGRUI);
      // A village is not an enterprise.
      expect(fieldsOf(await record({ enterpriseId: org('village-wenfeng'), inPlace: true, channels: [] }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'exists' })]);
    });

    it('lets an enterprise safety manager record its own mechanism and ledger only', async () => {
      const own = await record({ enterpriseId: SINOPEC, inPlace: true, since: '2024-09-01', channels: ['APP'] }, sinopec);
      expect(own.body.errors).toBeUndefined();
      expect(errorOf(await record({ enterpriseId: LONGMEN, inPlace: true, channels: ['APP'] }, sinopec))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await record({ enterpriseId: SINOPEC, inPlace: true, channels: [] }, zhifa))).toMatchObject({ code: 'FORBIDDEN' });
      const year = (input: Record<string, unknown>, client = sinopec) => mutation(client, 'recordInternalRewardLedgerYear', 'RecordInternalRewardLedgerYearInput', { enterpriseId: SINOPEC, year: 2025, reportsReceived: 12, reportsRewarded: 5, amountPaidYuan: '2500.00', ...input }, 'id year reportsReceived reportsRewarded amountPaidYuan');
      expect((await year({})).body.errors).toBeUndefined();
      expect((await year({ reportsReceived: 14, amountPaidYuan: '3000' })).body.data!['recordInternalRewardLedgerYear']).toMatchObject({ year: 2025, reportsReceived: 14, amountPaidYuan: '3000.00' });
      expect(fieldsOf(await year({ reportsRewarded: 15 }))).toEqual([expect.objectContaining({ field: 'input.reportsRewarded', rule: 'range' })]);
      expect(fieldsOf(await year({ year: 2027 }))).toEqual([expect.objectContaining({ field: 'input.year', rule: 'notFuture' })]);
      expect(errorOf(await year({ enterpriseId: LONGMEN }))).toMatchObject({ code: 'NOT_FOUND' });
      const mine = await dataOf(sinopec, `query($e: UUID!) { internalRewardMechanism(enterpriseId: $e) { inPlace ledger(first: 5) { edges { node { year reportsReceived reportsRewarded amountPaidYuan } } } } }`, { e: SINOPEC });
      expect(mine['internalRewardMechanism']).toEqual({ inPlace: true, ledger: { edges: [{ node: { year: 2025, reportsReceived: 14, reportsRewarded: 5, amountPaidYuan: '3000.00' } }] } });
      const ledgerOf = await dataOf(sinopec, `query($e: UUID!) { internalRewardMechanism(enterpriseId: $e) { ledger(first: 5) { edges { node { enterpriseId enterprise { id } } } } } }`, { e: SINOPEC });
      expect(ledgerOf['internalRewardMechanism'].ledger.edges).toEqual([{ node: { enterpriseId: SINOPEC, enterprise: { id: SINOPEC } } }]);
      // The manager sees only its own enterprise among those without a mechanism (it has one: none).
      expect(await without(sinopec)).toEqual([]);
      const list = await dataOf(sinopec, `{ internalRewardMechanisms(first: 10) { edges { node { enterpriseId } } } }`);
      expect(list['internalRewardMechanisms'].edges.map((e: any) => e.node.enterpriseId)).toEqual([SINOPEC]);
    });
  });
});
