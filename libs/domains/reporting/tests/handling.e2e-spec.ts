import { ManualClock, haversineMeters } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { MODULES, dataOf, mutation, mutated } from './support';
import { HANDLING_SEED } from '../src/handling/tip-handling.seed';

const org = (key: string) => seedId(`org:${key}`);
const person = (key: string) => seedId(`person:${key}`);
const [TOWN, WENFENG, DESHENG] = [org('town'), org('village-wenfeng'), org('ent-desheng-concrete')];
const WENFENG_OFFICER = person('person-village-wenfeng-emergency');

const FIELDS = `id version code channel status outcome statusReason receivedAt acceptDueAt handleDueAt extendedDays expectedAt acceptedAt verifiedAt handledAt closedAt
  hazardId duplicateOfId followUpDueAt followUpResult followUpAt reopenCount pastSla slaMet clock { step dueAt overdue } slaRuleVersion { id ruleCode }
  assignedOrganizationId assignedPersonId`;
type TipView = { id: string; version: number; code: string; status: string; [k: string]: any };

/** An instant given in China time. */
const china = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
/** 24:00 of a China day (the end of its last day, as due times are stored). */
const endOf = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

/**
 * Tip handling (issue 21): the SLA clocks of reporting.tip-sla on the working-day calendar (across the
 * 2026 National Day holiday), every workflow step and its refusals, 12345 send-back, the escalation of
 * tips involving deaths, verification into a hazard that closes the tip when the risk module closes it,
 * follow-up and reopening (by the office, by the reporter inside and outside the window), duplicates
 * by distance (49 m / 51 m), enterprise and place, merging, 催办/督办, indicators against the lists,
 * and paging over equal receipt times.
 */
describe('tip handling (举报办理)', () => {
  // 2026-12-01 (Tuesday) 10:00 China time.
  const NOW = china('2026-12-01');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let zhifa: GraphQLClient;
  let sinopec: GraphQLClient;
  let anonymous: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, zhifa, sinopec] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('zhifa'), t.as('sinopec-nanping')]);
    anonymous = (query, variables) => t.gql(query, variables);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const ok = dataOf;
  const one = async (id: string, client = office): Promise<TipView | null> => (await ok(client, `query($id: UUID!) { tip(id: $id) { ${FIELDS} } }`, { id }))['tip'];
  let serial = 0;
  /** A tip recorded by the office (12345 by default), received at `receivedAt` (default an hour ago). */
  const record = async (extra: Record<string, unknown> = {}): Promise<TipView & { secret: string }> => {
    serial += 1;
    const receipt = await mutated(office, 'recordTip', 'RecordTipInput', {
      channel: 'HOTLINE_12345',
      category: 'HAZARD',
      title: `测试举报${serial}`,
      description: '群众反映企业存在安全隐患，请核查处理。',
      reporterKind: 'ANONYMOUS',
      receivedAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
      ...extra,
    }, `secret tip { ${FIELDS} }`);
    return { ...receipt.tip, secret: receipt.secret };
  };
  /** A step on the tip at its current version. */
  const step = async (name: string, type: string, id: string, extra: Record<string, unknown> = {}, client = office): Promise<GraphQLResponse> =>
    mutation(client, name, type, { id, version: (await one(id))!.version, ...extra }, FIELDS);
  const stepped = async (name: string, type: string, id: string, extra: Record<string, unknown> = {}, client = office): Promise<TipView> => {
    const res = await step(name, type, id, extra, client);
    expect(res.body.errors).toBeUndefined();
    return res.body.data![name];
  };
  const accept = (id: string) => stepped('acceptTip', 'TipStepInput', id);
  const assign = (id: string) => stepped('assignTip', 'AssignTipInput', id, { organizationId: WENFENG, personId: WENFENG_OFFICER });
  const startVerifying = (id: string, client = office) => stepped('startVerifyingTip', 'TipStepInput', id, {}, client);
  const verify = (id: string, client = office) => stepped('verifyTip', 'VerifyTipInput', id, { hazardCategory: 'WORK_SAFETY', finding: '现场核查属实：灭火器过期。' }, client);
  const close = (id: string, outcome: string, reason?: string) => stepped('closeTip', 'CloseTipInput', id, { outcome, ...(reason ? { reason } : {}) });
  /** A tip carried to VERIFYING (village wenfeng assigned). */
  const verifying = async (extra: Record<string, unknown> = {}): Promise<TipView & { secret: string }> => {
    const tip = await record(extra);
    await accept(tip.id);
    await assign(tip.id);
    await startVerifying(tip.id);
    return tip;
  };
  const rule = (res: GraphQLResponse) => fieldsOf(res).map((f) => [f.field, f.rule]);

  describe('clocks (reporting.tip-sla on the working-day calendar)', () => {
    it('a 12345 ticket received before the National Day holiday falls due in working days after it; a letter in calendar days', async () => {
      const received = china('2026-09-30', '10:00');
      const hotline = await record({ receivedAt: received.toISOString() });
      // One working day after Wed 09-30: the holiday runs 10-01 to 10-07, so Thu 10-08.
      expect(hotline.acceptDueAt).toBe(endOf('2026-10-08'));
      // Thirteen working days: 10-08, 10-09, Sat 10-10 (调休 working day), 10-12 … 10-23.
      expect(hotline.handleDueAt).toBe(endOf('2026-10-23'));
      const kernel = await ok(office, `{ accept: dueDate(from: "2026-09-30", workingDays: 1) handle: dueDate(from: "2026-09-30", workingDays: 13) }`);
      expect(kernel).toEqual({ accept: '2026-10-08', handle: '2026-10-23' });
      expect(hotline.slaRuleVersion.ruleCode).toBe('reporting.tip-sla');
      const letter = await record({ channel: 'LETTER', receivedAt: received.toISOString() });
      expect(letter.acceptDueAt).toBe(endOf('2026-10-15'));
      expect(letter.handleDueAt).toBe(endOf('2026-11-29'));
      // Both are past their clocks now (received, never accepted); the list's SQL agrees with the field.
      expect([hotline.pastSla, letter.pastSla]).toEqual([true, true]);
      const past = await ok(office, `{ tips(first: 100, filter: { pastSla: true, receivedFrom: "${received.toISOString()}", receivedTo: "${new Date(received.getTime() + 1).toISOString()}" }) { totalCount edges { node { id pastSla } } } }`);
      expect(past['tips'].edges.map((e: any) => e.node.id).sort()).toEqual([hotline.id, letter.id].sort());
    });

    it('the acceptance clock runs while RECEIVED, the handling clock after acceptance; extensions stay within the rule', async () => {
      const tip = await record({ channel: 'LETTER', receivedAt: china('2026-11-30', '09:00').toISOString() });
      expect(tip.clock).toMatchObject({ step: 'ACCEPT', dueAt: endOf('2026-12-15'), overdue: false });
      clock.set(new Date(new Date(endOf('2026-12-15')).getTime() + 1000));
      expect((await one(tip.id))!.pastSla).toBe(true);
      const accepted = await accept(tip.id);
      expect(accepted).toMatchObject({ status: 'ACCEPTED', pastSla: false, clock: { step: 'HANDLE', dueAt: endOf('2027-01-29') } });
      clock.set(NOW);
      const extended = await stepped('extendTip', 'ExtendTipInput', tip.id, { days: 20, reason: '需要协调多个部门联合核查。' });
      expect(extended).toMatchObject({ extendedDays: 20, handleDueAt: endOf('2027-01-29'), expectedAt: endOf('2027-02-18') });
      // 信访: at most 30 days of extension in all.
      const refused = await step('extendTip', 'ExtendTipInput', tip.id, { days: 11, reason: '再次延期。' });
      expect(rule(refused)).toEqual([['input.days', 'maxExtension']]);
      expect(fieldsOf(refused)[0]!.message).toContain('reporting.tip-sla');
      await stepped('extendTip', 'ExtendTipInput', tip.id, { days: 10, reason: '再次延期。' });
      // 12345: extensions on request, no fixed maximum.
      const hotline = await record();
      await accept(hotline.id);
      expect((await stepped('extendTip', 'ExtendTipInput', hotline.id, { days: 60, reason: '申请延期。' })).extendedDays).toBe(60);
      const actions = await ok(office, `query($id: UUID!) { tip(id: $id) { actions(first: 10) { edges { node { kind days note } } } } }`, { id: tip.id });
      expect(actions['tip'].actions.edges.map((e: any) => [e.node.kind, e.node.days])).toEqual([['EXTEND', 20], ['EXTEND', 10]]);
    });
  });

  describe('the workflow', () => {
    it('refuses steps out of state, wrong outcomes, missing reasons, stale versions and callers without the permission', async () => {
      const tip = await record({ channel: 'ONLINE' });
      // 退单 is for 12345 tickets only.
      expect(rule(await step('sendBackTip', 'TipReasonInput', tip.id, { reason: '不属于热线转办。' }))).toEqual([['input.id', 'channel']]);
      expect(rule(await step('startVerifyingTip', 'TipStepInput', tip.id))).toEqual([['input.id', 'state']]);
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'NOT_RESPONSIBLE', reason: '不属本镇职责。' }))).toEqual([['input.id', 'state']]);
      expect(errorOf(await step('acceptTip', 'TipStepInput', tip.id, {}, wenfeng))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await mutation(office, 'acceptTip', 'TipStepInput', { id: tip.id, version: tip.version + 5 }, 'id'))).toMatchObject({ code: 'CONFLICT' });
      await accept(tip.id);
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'DUPLICATE', reason: '重复。' }))).toEqual([['input.outcome', 'outcome']]);
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'FIXED' }))).toEqual([['input.outcome', 'outcome']]);
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'NOT_RESPONSIBLE' }))).toEqual([['input.reason', 'reasonRequired']]);
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'NOT_VERIFIED', reason: '不属实。' }))).toEqual([['input.outcome', 'outcome']]);
      expect(rule(await step('recordTipFollowUp', 'RecordTipFollowUpInput', tip.id, { result: 'SATISFIED' }))).toEqual([['input.id', 'followUp']]);
      const closed = await close(tip.id, 'NOT_RESPONSIBLE', '属市场监管部门职责，已告知举报人。');
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'NOT_RESPONSIBLE', statusReason: '属市场监管部门职责，已告知举报人。', slaMet: true, followUpDueAt: new Date(NOW.getTime() + 7 * 86_400_000).toISOString() });
      expect(rule(await mutation(office, 'urgeTip', 'TipActionInput', { id: tip.id, note: '请尽快办理。' }, 'id'))).toEqual([['input.id', 'notOpen']]);
    });

    it('rejects with the reason, and sends a 12345 ticket back (退单) with a SEND_BACK action', async () => {
      const rejected = await stepped('rejectTip', 'TipReasonInput', (await record({ channel: 'ONLINE' })).id, { reason: '属于110受理范围，已告知举报人。' });
      expect(rejected).toMatchObject({ status: 'REJECTED', outcome: 'REJECTED', statusReason: '属于110受理范围，已告知举报人。', clock: null });
      const ticket = await record({ externalReference: '500119-2026-1201-00001' });
      await accept(ticket.id);
      const sent = await stepped('sendBackTip', 'TipReasonInput', ticket.id, { reason: '不属于本镇管辖，请热线改派。' });
      expect(sent).toMatchObject({ status: 'SENT_BACK', outcome: 'SENT_BACK', statusReason: '不属于本镇管辖，请热线改派。' });
      const actions = await ok(office, `query($id: UUID!) { tip(id: $id) { actions(first: 5) { edges { node { kind note actorKind } } } } }`, { id: ticket.id });
      expect(actions['tip'].actions.edges.map((e: any) => e.node)).toEqual([{ kind: 'SEND_BACK', note: '不属于本镇管辖，请热线改派。', actorKind: 'USER' }]);
    });

    it('escalates a tip involving deaths to the district at intake; it is closed ESCALATED when the district answers', async () => {
      const tip = await record({ channel: 'HOTLINE_12350', category: 'CONCEALED_ACCIDENT', involvesDeaths: true, reportedDeaths: 1, enterpriseId: DESHENG });
      expect(tip).toMatchObject({ status: 'ESCALATED', outcome: null, pastSla: false, clock: null });
      expect(tip.statusReason).toContain('第七十三条');
      expect(rule(await step('acceptTip', 'TipStepInput', tip.id))).toEqual([['input.id', 'state']]);
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'NOT_VERIFIED', reason: '区级核查不属实。' }))).toEqual([['input.outcome', 'outcome']]);
      const closed = await close(tip.id, 'ESCALATED', '区应急管理局已核查并立案调查。');
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'ESCALATED', slaMet: null });
      // Staff may escalate too.
      const other = await record();
      expect(await stepped('escalateTip', 'TipReasonInput', other.id, { reason: '涉及区管企业，报区级处理。' })).toMatchObject({ status: 'ESCALATED', statusReason: '涉及区管企业，报区级处理。' });
    });

    it('urges (催办) and supervises (督办) without changing the state', async () => {
      const tip = await record();
      await accept(tip.id);
      const before = (await one(tip.id))!;
      const urged = await mutated(office, 'urgeTip', 'TipActionInput', { id: tip.id, note: '请在期限内办结。' }, 'kind note tipId');
      expect(urged).toEqual({ kind: 'URGE', note: '请在期限内办结。', tipId: tip.id });
      await mutated(office, 'superviseTip', 'TipActionInput', { id: tip.id, note: '列入安办督办。' }, 'kind');
      expect(errorOf(await mutation(zhifa, 'superviseTip', 'TipActionInput', { id: tip.id, note: '越权督办。' }, 'kind'))).toMatchObject({ code: 'FORBIDDEN' });
      const after = (await one(tip.id))!;
      expect([after.status, after.version]).toEqual([before.status, before.version]);
      const actions = await ok(office, `query($id: UUID!) { tip(id: $id) { actions(first: 5) { totalCount edges { node { kind } } } } }`, { id: tip.id });
      expect(actions['tip'].actions.edges.map((e: any) => e.node.kind)).toEqual(['URGE', 'SUPERVISE']);
    });
  });

  describe('verification into a hazard, closing and follow-up', () => {
    /** The hazard steps of the risk module, by the office (which manages and rectifies hazards town-wide). */
    const hazardStep = async (name: string, type: string, id: string, extra: Record<string, unknown> = {}) => {
      const { hazard } = await ok(office, `query($id: UUID!) { hazard(id: $id) { version } }`, { id });
      return mutated(office, name, type, { id, version: hazard.version, ...extra }, 'id status');
    };

    it('verify raises a PUBLIC_REPORT hazard; closing the hazard closes the tip FIXED; a NOT_FIXED follow-up reopens it', async () => {
      const tip = await verifying({ channel: 'ONLINE', enterpriseId: DESHENG });
      expect(errorOf(await step('verifyTip', 'VerifyTipInput', tip.id, { hazardCategory: 'WORK_SAFETY' }, sinopec))).toMatchObject({ code: 'FORBIDDEN' });
      const verified = await verify(tip.id);
      expect(verified).toMatchObject({ status: 'VERIFIED', verifiedAt: NOW.toISOString() });
      const hazard = (await ok(office, `query($id: UUID!) { tip(id: $id) { hazard { id source status organizationId } } }`, { id: tip.id }))['tip'].hazard;
      expect(hazard).toMatchObject({ id: verified.hazardId, source: 'PUBLIC_REPORT', status: 'REPORTED', organizationId: DESHENG });
      const handled = await stepped('handleTip', 'TipStepInput', tip.id);
      expect(handled.status).toBe('HANDLED');
      // Not FIXED while the hazard is open.
      expect(rule(await step('closeTip', 'CloseTipInput', tip.id, { outcome: 'FIXED' }))).toEqual([['input.outcome', 'outcome']]);
      await hazardStep('confirmHazard', 'ConfirmHazardInput', hazard.id, { grade: 'GENERAL' });
      await hazardStep('planRectification', 'PlanRectificationInput', hazard.id, { measures: '更换过期灭火器并建立检查台账', responsiblePersonId: person('person-ent-desheng-concrete-safety'), deadline: '2026-12-10' });
      await hazardStep('startRectification', 'HazardStepInput', hazard.id);
      await hazardStep('submitRectification', 'HazardStepInput', hazard.id, { note: '已更换。' });
      await hazardStep('verifyRectification', 'HazardStepInput', hazard.id, { note: '验收合格。' });
      await hazardStep('closeHazard', 'HazardStepInput', hazard.id);
      // The tip follows the hazard's close event (after its commit, as the system).
      let closed: TipView | null = null;
      for (let i = 0; i < 50 && closed?.status !== 'CLOSED'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        closed = await one(tip.id);
      }
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'FIXED', statusReason: null, slaMet: true, followUpDueAt: new Date(NOW.getTime() + 7 * 86_400_000).toISOString(), clock: { step: 'FOLLOW_UP' } });
      const reopened = await stepped('recordTipFollowUp', 'RecordTipFollowUpInput', tip.id, { result: 'NOT_FIXED', note: '举报人反映灭火器仍未更换。' });
      expect(reopened).toMatchObject({ status: 'ACCEPTED', outcome: null, closedAt: null, reopenCount: 1, followUpResult: 'NOT_FIXED', statusReason: '举报人反映灭火器仍未更换。', clock: { step: 'HANDLE' } });
      const actions = await ok(office, `query($id: UUID!) { tip(id: $id) { actions(first: 5) { edges { node { kind result } } } } }`, { id: tip.id });
      expect(actions['tip'].actions.edges.map((e: any) => [e.node.kind, e.node.result])).toEqual([['FOLLOW_UP', 'NOT_FIXED'], ['REOPEN', null]]);
    });

    it('the sweep closes a tip whose hazard was closed without an event reaching it (a restart in between), once', async () => {
      const tip = await verifying({ channel: 'ONLINE', enterpriseId: DESHENG });
      const { hazardId } = await verify(tip.id);
      // The hazard closed as if the event was lost: no risk.hazard.close reaches the handling part.
      await t.gateway.database.dataSource.query(`UPDATE hazard SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [hazardId]);
      expect((await one(tip.id))!.status).toBe('VERIFIED');
      const job = t.gateway.jobs.get('reporting.tips-of-closed-hazards')!;
      await job.runNow();
      expect(await one(tip.id)).toMatchObject({ status: 'CLOSED', outcome: 'FIXED', handledAt: NOW.toISOString(), closedAt: NOW.toISOString() });
      await job.runNow();
      const actions = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('reporting.tip.handle', 'reporting.tip.close') ORDER BY action`, [tip.id]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['reporting.tip.close', 'reporting.tip.handle']);
    });

    it('a village officer verifies in its village; not verified closes NOT_VERIFIED or NO_HAZARD_FOUND; a SATISFIED follow-up stays closed', async () => {
      const tip = await verifying({ channel: 'ONLINE', organizationId: WENFENG });
      const notVerified = await stepped('notVerifyTip', 'TipReasonInput', tip.id, { reason: '现场未发现举报所述情况。' }, wenfeng);
      expect(notVerified).toMatchObject({ status: 'NOT_VERIFIED', statusReason: '现场未发现举报所述情况。' });
      const closed = await close(tip.id, 'NO_HAZARD_FOUND', '经核查未发现隐患。');
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'NO_HAZARD_FOUND' });
      const followed = await stepped('recordTipFollowUp', 'RecordTipFollowUpInput', tip.id, { result: 'SATISFIED' }, wenfeng);
      expect(followed).toMatchObject({ status: 'CLOSED', followUpResult: 'SATISFIED', clock: null });
      expect(rule(await step('recordTipFollowUp', 'RecordTipFollowUpInput', tip.id, { result: 'SATISFIED' }))).toEqual([['input.id', 'followUp']]);
    });

    it('the reporter reopens with code and secret inside the window, not after it, and a wrong secret answers NOT_FOUND', async () => {
      const closeOne = async () => {
        const tip = await verifying({ channel: 'ONLINE' });
        await stepped('notVerifyTip', 'TipReasonInput', tip.id, { reason: '不属实。' });
        await close(tip.id, 'NOT_VERIFIED', '经核查举报内容不属实。');
        return tip;
      };
      const reopen = (code: string, secret: string) => mutation(anonymous, 'reopenTipAsReporter', 'ReopenTipAsReporterInput', { code, secret, reason: '问题依然存在，请重新核查。' }, 'code status statusNote');
      const inside = await closeOne();
      clock.set(new Date(NOW.getTime() + 29 * 86_400_000));
      const res = await reopen(inside.code, inside.secret);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!['reopenTipAsReporter']).toMatchObject({ code: inside.code, status: 'ACCEPTED' });
      clock.set(NOW);
      expect((await one(inside.id))!).toMatchObject({ status: 'ACCEPTED', reopenCount: 1, statusReason: '问题依然存在，请重新核查。' });
      const outside = await closeOne();
      clock.set(new Date(NOW.getTime() + 31 * 86_400_000));
      const late = await reopen(outside.code, outside.secret);
      expect(rule(late)).toEqual([['input.code', 'reopenWindow']]);
      expect(fieldsOf(late)[0]!.message).toContain('reporting.tip-sla');
      expect(errorOf(await reopen(outside.code, 'WRONGSECRET00000'))).toMatchObject({ code: 'NOT_FOUND' });
      clock.set(NOW);
      expect((await one(outside.id))!.status).toBe('CLOSED');
    });
  });

  describe('duplicates', () => {
    const BASE = { longitude: 107.031, latitude: 29.051 };
    const north = (meters: number) => ({ longitude: BASE.longitude, latitude: BASE.latitude + meters / 111_194.93 });

    it('suggests open tips within 50 m (49 m yes, 51 m no) or at the same enterprise, nearest first; merging closes the duplicate', async () => {
      expect(Math.round(haversineMeters(BASE, north(49)))).toBe(49);
      expect(Math.round(haversineMeters(BASE, north(51)))).toBe(51);
      const base = await record({ channel: 'ONLINE', location: BASE, receivedAt: new Date(NOW.getTime() - 2 * 86_400_000).toISOString() });
      const near = await record({ channel: 'ONLINE', location: north(49) });
      const far = await record({ channel: 'ONLINE', location: north(51) });
      const sameEnterprise = [await record({ enterpriseId: DESHENG, location: north(5000) }), await record({ enterpriseId: DESHENG })];
      const withEnterprise = await record({ channel: 'ONLINE', enterpriseId: DESHENG, location: north(30) });
      const suggestions = async (id: string) =>
        (await ok(office, `query($id: UUID!) { tip(id: $id) { duplicateSuggestions { tip { id } distanceMeters sameEnterprise samePlace hoursApart } } }`, { id }))['tip'].duplicateSuggestions as any[];
      const ofBase = await suggestions(base.id);
      expect(ofBase.map((s) => s.tip.id)).toEqual([withEnterprise.id, near.id]);
      expect(ofBase.map((s) => s.tip.id)).not.toContain(far.id);
      expect(ofBase[1].distanceMeters).toBeCloseTo(49, 0);
      const ofEnterprise = (await suggestions(withEnterprise.id)).map((s) => s.tip.id);
      // Near it (base at 30 m, near at 19 m) and at the same enterprise (any distance, or none).
      expect(ofEnterprise).toEqual(expect.arrayContaining([base.id, near.id, ...sameEnterprise.map((x) => x.id)]));
      expect(ofEnterprise.indexOf(near.id)).toBeLessThan(ofEnterprise.indexOf(base.id));
      // Merge the one at 49 m into the base (it was RECEIVED: accepted, then closed DUPLICATE).
      const merged = await mutated(office, 'mergeTip', 'MergeTipInput', { duplicateId: near.id, version: (await one(near.id))!.version, intoId: base.id }, FIELDS);
      expect(merged).toMatchObject({ status: 'CLOSED', outcome: 'DUPLICATE', duplicateOfId: base.id, followUpDueAt: null, slaMet: null });
      expect((await suggestions(base.id)).map((s) => s.tip.id)).toEqual([withEnterprise.id]);
      expect(rule(await mutation(office, 'mergeTip', 'MergeTipInput', { duplicateId: base.id, version: (await one(base.id))!.version, intoId: near.id }, 'id'))).toEqual([['input.intoId', 'mergeTarget']]);
      expect(rule(await mutation(office, 'mergeTip', 'MergeTipInput', { duplicateId: base.id, version: (await one(base.id))!.version, intoId: base.id }, 'id'))).toEqual([['input.intoId', 'mergeTarget']]);
      expect(rule(await mutation(office, 'mergeTip', 'MergeTipInput', { duplicateId: base.id, version: (await one(base.id))!.version, intoId: far.id }, 'id'))).toEqual([['input.duplicateId', 'mergeTarget']]);
      expect(errorOf(await mutation(wenfeng, 'mergeTip', 'MergeTipInput', { duplicateId: far.id, version: 1, intoId: base.id }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
      // The same QR place (an enterprise's code), anywhere.
      const { organization } = await ok(office, `query($id: UUID!) { organization(id: $id) { code } }`, { id: org('ent-sinopec-longmen') });
      const scanned = await record({ channel: 'QR_CODE', placeCode: organization.code });
      const again = await record({ channel: 'QR_CODE', placeCode: organization.code, location: north(900) });
      const atPlace = await suggestions(again.id);
      expect(atPlace.find((x) => x.tip.id === scanned.id)).toMatchObject({ samePlace: true, sameEnterprise: true, distanceMeters: null });
      const actions = await ok(office, `query($id: UUID!) { tip(id: $id) { actions(first: 5) { edges { node { kind relatedTipId } } } } }`, { id: base.id });
      expect(actions['tip'].actions.edges.map((e: any) => e.node)).toEqual([{ kind: 'MERGE', relatedTipId: near.id }]);
      // The records next to their ids: the action's tips and actor, the merged tip's earlier tip and organization.
      const related = await ok(office, `query($id: UUID!) { tip(id: $id) { actions(first: 5) { edges { node { tip { id } relatedTip { id } actor { __typename } } } } } }`, { id: base.id });
      expect(related['tip'].actions.edges.map((e: any) => e.node)).toEqual([{ tip: { id: base.id }, relatedTip: { id: near.id }, actor: { __typename: 'User' } }]);
      const mergedTip = await ok(office, `query($id: UUID!) { tip(id: $id) { organizationId organization { id } duplicateOf { id } penaltyCase { id } accidentInvestigation { id } } }`, { id: near.id });
      expect(mergedTip['tip']).toEqual({ organizationId: expect.any(String), organization: { id: mergedTip['tip'].organizationId }, duplicateOf: { id: base.id }, penaltyCase: null, accidentInvestigation: null });
    });
  });

  describe('the seed', () => {
    it('has a tip in every state, by the intake\'s and the handling part\'s keys', async () => {
      const expected: Record<string, [string, string | null]> = {
        'xiangrui-storage': ['CLOSED', 'FIXED'],
        'hongfa-blasting': ['SENT_BACK', 'SENT_BACK'],
        'fengxiang-training': ['HANDLED', null],
        'longmen-grounding': ['VERIFIED', null],
        'longmen-grounding-again': ['CLOSED', 'DUPLICATE'],
        'desheng-employee': ['CLOSED', 'NOT_VERIFIED'],
        'wenfeng-wires': ['VERIFYING', null],
        'jinxing-concealed': ['ESCALATED', null],
        'town-12345': ['ACCEPTED', null],
        'handling-rejected': ['REJECTED', 'REJECTED'],
        'handling-assigned': ['ASSIGNED', null],
        'handling-not-responsible': ['CLOSED', 'NOT_RESPONSIBLE'],
        'handling-no-hazard': ['CLOSED', 'NO_HAZARD_FOUND'],
        'handling-escalated-closed': ['CLOSED', 'ESCALATED'],
        'handling-reopened': ['ACCEPTED', null],
        'handling-received': ['RECEIVED', null],
      };
      const got: Record<string, [string, string | null]> = {};
      for (const key of Object.keys(expected)) {
        const tip = (await ok(office, `query($id: UUID!) { tip(id: $id) { status outcome code reopenCount followUpResult duplicateOfId hazardId } }`, { id: seedId(`tip:${key}`) }))['tip'];
        got[key] = tip ? [tip.status, tip.outcome] : ['missing', null];
      }
      expect(got).toEqual(expected);
      // The codes other parts' seeds and the README name (the intake's first, then the handling part's).
      for (const plan of HANDLING_SEED) expect([plan.key, (await one(seedId(`tip:${plan.key}`)))!.code]).toEqual([plan.key, plan.code]);
      expect((await one(seedId('tip:handling-reopened')))!).toMatchObject({ reopenCount: 1, followUpResult: 'NOT_FIXED' });
      expect((await one(seedId('tip:xiangrui-storage')))!).toMatchObject({ followUpResult: 'SATISFIED', slaMet: true });
      expect((await one(seedId('tip:longmen-grounding-again')))!.duplicateOfId).toBe(seedId('tip:longmen-grounding'));
    });
  });

  describe('lists and indicators', () => {
    it('pages over tips received at the same instant in both directions, by every order', async () => {
      const at = new Date(NOW.getTime() - 5 * 3_600_000).toISOString();
      for (let i = 0; i < 5; i++) await record({ receivedAt: at });
      const filter = `filter: { receivedFrom: "${at}", receivedTo: "${new Date(Date.parse(at) + 1).toISOString()}" }`;
      await expectPagedCompletely(office, `query(${PAGE_VARS}) { tips(${filter}, ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['tips'], 2, 5);
      await expectPagedCompletely(office, `query(${PAGE_VARS}) { tips(${filter}, orderBy: [{ field: RECEIVED_AT, direction: ASC }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['tips'], 2, 5);
      await expectPagedCompletely(office, `query(${PAGE_VARS}) { tips(${filter}, orderBy: [{ field: STATUS }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['tips'], 1, 5);
    });

    it('a village officer lists only tips in its village; an enterprise may not list tips', async () => {
      const mine = await record({ channel: 'ONLINE', organizationId: WENFENG });
      const ids = (await ok(wenfeng, `{ tips(first: 100, filter: { organizationId: "${WENFENG}" }) { edges { node { id organizationId } } } }`))['tips'].edges.map((e: any) => e.node);
      expect(ids.map((n: any) => n.id)).toContain(mine.id);
      const all = (await ok(wenfeng, `{ tips(first: 100) { edges { node { organizationId } } } }`))['tips'].edges.map((e: any) => e.node.organizationId);
      expect(all).not.toContain(TOWN);
      expect(errorOf(await sinopec(`{ tips(first: 5) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('the indicators agree with the lists', async () => {
      const figures = async (codes: string[]) =>
        Object.fromEntries(
          (await ok(office, `query($o: UUID!, $c: [String!]) { indicatorValues(organizationId: $o, from: "2025-01-01", to: "2027-01-01", filter: { codes: $c }) { edges { node { indicator { code } numerator denominator } } } }`, { o: TOWN, c: codes }))['indicatorValues'].edges.map(
            (e: any) => [e.node.indicator.code, [e.node.numerator, e.node.denominator]],
          ),
        );
      const tips: any[] = [];
      let after: string | null = null;
      do {
        const page: any = (await ok(office, `query($after: String) { tips(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { channel status outcome pastSla slaMet closedAt expectedAt hazardId verifiedAt reopenCount receivedAt } } } }`, { after }))['tips'];
        tips.push(...page.edges.map((e: any) => e.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      const inPeriod = (iso: string | null) => iso !== null && iso >= '2024-12-31T16:00:00.000Z' && iso < '2026-12-31T16:00:00.000Z';
      const handling = ['ACCEPTED', 'ASSIGNED', 'VERIFYING', 'VERIFIED', 'NOT_VERIFIED', 'HANDLED'];
      const hotline = tips.filter((x) => x.channel === 'HOTLINE_12345');
      const onTime = [
        hotline.filter((x) => x.slaMet === true && inPeriod(x.closedAt)).length,
        hotline.filter((x) => (x.slaMet !== null && inPeriod(x.closedAt)) || (handling.includes(x.status) && x.pastSla && inPeriod(x.expectedAt))).length,
      ];
      const closed = tips.filter((x) => x.status === 'CLOSED' && x.outcome !== 'DUPLICATE' && inPeriod(x.closedAt));
      const got = await figures(['reporting.tips-past-sla', 'reporting.tips-on-time.hotline-12345', 'reporting.tips-verified-share', 'reporting.tips-reopen-rate']);
      expect(got['reporting.tips-past-sla']).toEqual([tips.filter((x) => x.pastSla).length, null]);
      expect(got['reporting.tips-on-time.hotline-12345']).toEqual(onTime);
      expect(got['reporting.tips-verified-share']).toEqual([closed.filter((x) => x.hazardId).length, closed.length]);
      const everClosed = tips.filter((x) => (x.status === 'CLOSED' || x.reopenCount > 0) && x.outcome !== 'DUPLICATE' && inPeriod(x.receivedAt));
      expect(got['reporting.tips-reopen-rate']).toEqual([everClosed.filter((x) => x.reopenCount > 0).length, everClosed.length]);
      // Every tips indicator evaluates (one per channel among them); the hazards raised are the tips verified in the period.
      const ALL = ['reporting.tips-on-time', 'reporting.tips-on-time.letter', 'reporting.tips-on-time.open311', 'reporting.tips-median-days-to-accept', 'reporting.tips-median-days-to-close', 'reporting.tips-hazards-raised', 'reporting.tips-hazards-closed-on-time', 'reporting.tips-follow-up-satisfaction'];
      const every = await figures(ALL);
      expect(Object.keys(every).sort()).toEqual([...ALL].sort());
      expect(every['reporting.tips-hazards-raised']).toEqual([tips.filter((x) => x.hazardId && inPeriod(x.verifiedAt)).length, null]);
      const closedOnTime = every['reporting.tips-hazards-closed-on-time'];
      expect(closedOnTime[1]).toBe(every['reporting.tips-hazards-raised'][0]);
      expect(closedOnTime[0]).toBeLessThanOrEqual(closedOnTime[1]);
      const pastCount = (await ok(office, `{ tips(filter: { pastSla: true }) { totalCount } }`))['tips'].totalCount;
      expect(got['reporting.tips-past-sla'][0]).toBe(pastCount);
    });
  });
});
