import { createTestDatabase, startTestGateway, errorOf, fieldsOf, ok, type GraphQLClient, type TestGateway } from '@platform/testing';
import pino from 'pino';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { ManualClock, todayInChina } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';
import { warningInput } from './support/warning-input';
import { WARNING_ESCALATION_SERVICE, type WarningEscalationService } from '../src/escalation/escalation.sweep';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];
/** No background tick during the test: the sweep runs at start and when the test calls it. */
const ENV = { WARNING_ESCALATION_INTERVAL_MS: '3600000' };

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const person = (key: string) => seedId(`person:${key}`);
const SHUANGHE_LEAD = person('person-village-shuanghe-lead');
const WENFENG_OFFICER = person('person-village-wenfeng-emergency');
const DEPUTY_SAFETY = person('person-town-deputy-safety');
const EMERGENCY_HEAD = person('person-dept-emergency-head');
const TOWN_LEADS = [person('person-town-secretary'), person('person-town-mayor')];
const TOWN_DAY_SHIFT = seedId('rescue:duty:shift:town-day');

const MINUTE = 60_000;
const today = todayInChina();
/** 10:00 China time today: inside the joint command room's day shift (08:30–17:30). */
const T0 = new Date(`${today}T10:00:00+08:00`);

const DELIVERY = `id version warningId organizationId status escalationStep nextEscalationAt responsiblePerson { id }
  escalations { id step escalatedAt fromPersonId toPersonId reason organization { name } toPerson { id } }`;
const ACTION = `id version sortOrder action evacuation completedAt note completedBy { id }
  householdsToEvacuate { households people vulnerable { householdId headName elderlyLivingAlone disabledMembers childrenMembers } }`;
const TEMPLATE = `id version hazardType minLevel sortOrder action evacuation archivedAt`;
const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields: string) =>
  client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });

/** Issues a warning as of the clock's now (valid for a day) and returns its deliveries by organization. */
async function issue(client: GraphQLClient, clock: ManualClock, level: string, hazardType: string, targets: string[]): Promise<Record<string, any>> {
  const now = clock.now();
  const warning = await ok(
    mutate(
      client,
      'issueWarning',
      'IssueWarningInput',
      warningInput(now, level, hazardType, targets),
      `id deliveries(first: 50) { edges { node { ${DELIVERY} } } }`,
    ),
    'issueWarning',
  );
  return Object.fromEntries(warning.deliveries.edges.map((e: any) => [e.node.organizationId, e.node]));
}

describe('warning escalation and response actions (预警叫应升级与分级响应)', () => {
  let t: TestGateway;
  let clock: ManualClock;
  let anban: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let sweep: () => Promise<number>;
  const sql = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  /** Deliveries' warning ids, to find a delivery among the many seeded ones. */
  const warningOf = new Map<string, string>();
  const delivery = async (client: GraphQLClient, id: string, fields = DELIVERY) => {
    const res = await ok(client(`query($f: WarningDeliveryFilter) { warningDeliveries(first: 50, filter: $f) { edges { node { id ${fields} } } } }`, { f: { warningId: warningOf.get(id) } }), 'warningDeliveries');
    return res.edges.map((e: any) => e.node).find((d: any) => d.id === id) ?? null;
  };
  const issueHere = async (level: string, hazardType: string, targets: string[]) => {
    const d = await issue(anban, clock, level, hazardType, targets);
    for (const node of Object.values(d)) warningOf.set(node.id, node.warningId);
    return d;
  };
  const acknowledge = (client: GraphQLClient, id: string) => ok(mutate(client, 'acknowledgeWarningDelivery', 'AcknowledgeWarningDeliveryInput', { id, channel: 'APP', note: '收到，已部署' }, 'id status'), 'acknowledgeWarningDelivery');

  beforeAll(async () => {
    clock = new ManualClock(T0);
    t = await startTestGateway(MODULES, { seed: true, clock, env: ENV });
    const service = t.gateway.services.get(WARNING_ESCALATION_SERVICE) as WarningEscalationService;
    sweep = () => service.sweep();
    // The seeded warnings' deliveries stay out of the way; the town's leader on duty this morning is the deputy mayor for safety.
    await sweep();
    await sql(`UPDATE warning_delivery SET next_escalation_at = NULL`);
    await sql(`UPDATE duty_assignment SET status = 'CANCELLED', cancelled_at = now() WHERE organization_id = $1 AND role = 'LEADER' AND status <> 'CANCELLED'`, [TOWN]);
    await sql(`INSERT INTO duty_assignment (shift_id, organization_id, day, person_id, role, status, confirmed_at) VALUES ($1, $2, $3, $4, 'LEADER', 'CONFIRMED', now())`, [TOWN_DAY_SHIFT, TOWN, today, DEPUTY_SAFETY]);
    [anban, jingfa, wenfeng, shuanghe] = await Promise.all(['anban', 'jingfa', 'wenfeng', 'shuanghe'].map((u) => t.as(u)));
  });
  afterAll(() => t?.close());

  it('describes every schema element in Chinese and English', async () => {
    const schema = await buildGatewaySchema(selectModules(MODULES, 'all'));
    expect(undescribed(schema).filter((c) => /Escalation|ResponseAction|ResponseTemplate|Evacuation|WarningDelivery\.(escalations|responseActions)/.test(c))).toEqual([]);
  });

  let redShuanghe: string;
  let redWenfeng: string;

  it('escalates the unanswered delivery step by step up the chain, once per deadline, up to the level\'s max steps', async () => {
    const events: unknown[] = [];
    const unsubscribe = t.gateway.events.subscribe('rescue.warning.escalated', (e) => events.push(e.payload));
    const d = await issueHere('RED', 'GEOLOGICAL', [WENFENG, SHUANGHE]);
    redWenfeng = d[WENFENG].id;
    redShuanghe = d[SHUANGHE].id;
    expect(d[SHUANGHE]).toMatchObject({ status: 'PENDING', escalationStep: 0, nextEscalationAt: new Date(T0.getTime() + 5 * MINUTE).toISOString(), responsiblePerson: { id: SHUANGHE_LEAD }, escalations: [] });

    // 文凤村 answers within 5 minutes; 双河村 does not.
    clock.advance(2 * MINUTE);
    await acknowledge(wenfeng, redWenfeng);
    clock.advance(4 * MINUTE);
    expect(await sweep()).toBe(1);
    const at1 = new Date(T0.getTime() + 6 * MINUTE).toISOString();
    let s = await delivery(anban, redShuanghe);
    expect(s).toMatchObject({ status: 'PENDING', escalationStep: 1, version: 2, nextEscalationAt: new Date(T0.getTime() + 11 * MINUTE).toISOString(), responsiblePerson: { id: DEPUTY_SAFETY } });
    expect(s.escalations).toEqual([
      expect.objectContaining({ step: 1, escalatedAt: at1, fromPersonId: SHUANGHE_LEAD, toPersonId: DEPUTY_SAFETY, reason: '红色预警5分钟内未叫应，第1次升级至镇带班领导（联合指挥室白班）', organization: { name: '双河村' }, toPerson: { id: DEPUTY_SAFETY } }),
    ]);
    expect((await delivery(anban, redWenfeng)).escalations).toEqual([]);
    expect(events).toEqual([{ deliveryId: redShuanghe, warningId: d[SHUANGHE].warningId, organizationId: SHUANGHE, step: 1, toPersonId: DEPUTY_SAFETY }]);

    // Idempotent: nothing is due until the next deadline.
    expect(await sweep()).toBe(0);
    clock.advance(4 * MINUTE);
    expect(await sweep()).toBe(0);

    clock.advance(2 * MINUTE);
    expect(await sweep()).toBe(1);
    s = await delivery(anban, redShuanghe);
    expect(s).toMatchObject({ escalationStep: 2, nextEscalationAt: null, responsiblePerson: { id: EMERGENCY_HEAD } });
    expect(s.escalations.map((e: any) => [e.step, e.fromPersonId, e.toPersonId])).toEqual([
      [1, SHUANGHE_LEAD, DEPUTY_SAFETY],
      [2, DEPUTY_SAFETY, EMERGENCY_HEAD],
    ]);
    expect(s.escalations[1].reason).toBe('红色预警5分钟内未叫应，第2次升级至应急办主任');

    // RED has 2 steps: no third one, however long nobody answers.
    clock.advance(60 * MINUTE);
    expect(await sweep()).toBe(0);
    expect((await delivery(anban, redShuanghe)).escalations).toHaveLength(2);
    expect(events.map((e: any) => [e.step, e.toPersonId])).toEqual([
      [1, DEPUTY_SAFETY],
      [2, EMERGENCY_HEAD],
    ]);
    unsubscribe();

    // Audited as the system, once per step.
    const audits = await sql(`SELECT actor_kind AS "actorKind", changes->>'step' AS step FROM audit_log WHERE action = 'rescue.warning-delivery.escalate' AND entity_id = $1 ORDER BY changes->>'step'`, [redShuanghe]);
    expect(audits).toEqual([
      { actorKind: 'system', step: '1' },
      { actorKind: 'system', step: '2' },
    ]);
  });

  it('lists escalations in scope, newest first, by period and subtree', async () => {
    const q = `query($filter: WarningEscalationFilter) { warningEscalations(first: 10, filter: $filter) { totalCount edges { node { step deliveryId organizationId } } } }`;
    const from = T0.toISOString();
    const list = await ok(anban(q, { filter: { from, withinSubtreeOf: SHUANGHE } }), 'warningEscalations');
    expect(list.totalCount).toBe(2);
    expect(list.edges.map((e: any) => [e.node.step, e.node.deliveryId])).toEqual([
      [2, redShuanghe],
      [1, redShuanghe],
    ]);
    // Within 双河村: the start's sweep may have escalated a seeded delivery elsewhere at T0 (seeded relative to the real time of day).
    const firstOnly = await ok(anban(q, { filter: { from, to: new Date(T0.getTime() + 7 * MINUTE).toISOString(), withinSubtreeOf: SHUANGHE } }), 'warningEscalations');
    expect(firstOnly.edges.map((e: any) => e.node.step)).toEqual([1]);
    expect((await ok(anban(q, { filter: { from, withinSubtreeOf: WENFENG } }), 'warningEscalations')).totalCount).toBe(0);
    // 文凤村's officer does not see 双河村's escalations.
    expect((await ok(wenfeng(q, { filter: { from } }), 'warningEscalations')).totalCount).toBe(0);
    expect((await ok(shuanghe(q, { filter: { from } }), 'warningEscalations')).totalCount).toBe(2);
    const bad = await anban(q, { filter: { from, to: from } });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(fieldsOf(bad)).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'afterFrom' })]);
  });

  it('stops escalating once acknowledged; without a leader on duty, step 1 goes to the head of the parent organization', async () => {
    await sql(`UPDATE duty_assignment SET status = 'CANCELLED', cancelled_at = now() WHERE organization_id = $1 AND role = 'LEADER' AND status <> 'CANCELLED'`, [TOWN]);
    const d = await issueHere('ORANGE', 'FLOOD', [SHUANGHE]);
    const id = d[SHUANGHE].id;
    clock.advance(11 * MINUTE);
    expect(await sweep()).toBe(1);
    let s = await delivery(shuanghe, id);
    expect(s.escalationStep).toBe(1);
    expect(TOWN_LEADS).toContain(s.escalations[0].toPersonId);
    expect(s.escalations[0].reason).toMatch(/^橙色预警10分钟内未叫应，第1次升级至上级单位负责人（南平镇(党委书记|镇长)）$/);

    await acknowledge(shuanghe, id);
    s = await delivery(shuanghe, id);
    expect(s).toMatchObject({ status: 'ACKNOWLEDGED', escalationStep: 1, nextEscalationAt: null });
    clock.advance(30 * MINUTE);
    expect(await sweep()).toBe(0);
    expect((await delivery(shuanghe, id)).escalations).toHaveLength(1);
  });

  it('fires a pending deadline from the database after a restart', async () => {
    const database = await createTestDatabase(selectModules(MODULES, 'all'), { seed: true });
    const restartClock = new ManualClock(T0);
    try {
      const first = await startTestGateway(MODULES, { database, clock: restartClock, env: ENV });
      let id: string;
      try {
        await first.gateway.database.dataSource.query(`UPDATE warning_delivery SET next_escalation_at = NULL`);
        const d = await issue(await first.as('anban'), restartClock, 'YELLOW', 'RAINSTORM', [SHUANGHE]);
        id = d[SHUANGHE].id;
        expect(d[SHUANGHE].nextEscalationAt).toBe(new Date(T0.getTime() + 20 * MINUTE).toISOString());
      } finally {
        await first.close();
      }
      restartClock.advance(21 * MINUTE);
      // The new gateway sweeps at start: the deadline kept in the row fires.
      const second = await startTestGateway(MODULES, { database, clock: restartClock, env: ENV });
      try {
        await (second.gateway.services.get(WARNING_ESCALATION_SERVICE) as WarningEscalationService).sweep();
        const rows = await second.gateway.database.dataSource.query(`SELECT step, escalated_at AS "escalatedAt" FROM warning_escalation WHERE delivery_id = $1`, [id]);
        expect(rows).toEqual([{ step: 1, escalatedAt: new Date(T0.getTime() + 21 * MINUTE) }]);
        const [row] = await second.gateway.database.dataSource.query(`SELECT escalation_step AS step, next_escalation_at AS "next" FROM warning_delivery WHERE id = $1`, [id]);
        expect(row).toEqual({ step: 1, next: new Date(T0.getTime() + 41 * MINUTE) });
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('gives each delivery the response actions of its level and hazard type, evacuations with the households to move', async () => {
    const actionsOf = async (client: GraphQLClient, id: string) => (await delivery(client, id, `responseActions { ${ACTION} }`)).responseActions;
    // RED 地质灾害: every template for any hazard and for geological hazards, blue to red (made by the sweep).
    const red = await actionsOf(wenfeng, redWenfeng);
    expect(red.map((a: any) => [a.sortOrder, a.action, a.evacuation])).toEqual([
      [10, '通知网格员和十户联防组长，逐户传达预警信息', false],
      [20, '组织巡查隐患点和危险区域，发现险情立即报告', false],
      [25, '地质灾害隐患点监测员加密监测，每2小时报告一次', false],
      [30, '村(居)干部进岗到位，实行24小时值守', false],
      [40, '启动村级应急预案，抢险救援队伍集结待命', false],
      [50, '转移受威胁群众至避难场所', true],
    ]);
    expect(red.slice(0, 5).every((a: any) => a.householdsToEvacuate === null)).toBe(true);
    const [expected] = await sql(
      `SELECT count(*)::int AS households, sum(h.member_count)::int AS people,
              (count(*) FILTER (WHERE h.elderly_living_alone OR h.disabled_members > 0 OR h.children_members > 0 OR h.vulnerability_note IS NOT NULL))::int AS vulnerable
         FROM joint_defense_household h JOIN joint_defense_group g ON g.id = h.group_id AND g.archived_at IS NULL
        JOIN organization o ON o.id = h.organization_id WHERE h.archived_at IS NULL AND o.path <@ (SELECT path FROM organization WHERE id = $1)`,
      [WENFENG],
    );
    const evacuation = red[5].householdsToEvacuate;
    expect(evacuation).toMatchObject({ households: expected.households, people: expected.people });
    expect(expected.households).toBeGreaterThan(0);
    expect(expected.vulnerable).toBeGreaterThan(0);
    expect(evacuation.vulnerable).toHaveLength(expected.vulnerable);
    // Elderly people living alone first, then by the number of vulnerable members.
    const rank = (v: any) => [v.elderlyLivingAlone ? 1 : 0, v.disabledMembers + v.childrenMembers];
    const ranks = evacuation.vulnerable.map(rank);
    expect(ranks).toEqual([...ranks].sort((a: number[], b: number[]) => b[0]! - a[0]! || b[1]! - a[1]!));
    // A department officer reads warnings and households but not the vulnerable flags.
    const forJingfa = (await actionsOf(jingfa, redWenfeng))[5].householdsToEvacuate;
    expect(forJingfa).toMatchObject({ households: expected.households, vulnerable: [] });

    // BLUE: only blue's actions, made with the delivery when the warning is issued (once; reads add none).
    const blue = await issueHere('BLUE', 'GEOLOGICAL', [WENFENG]);
    const blueId = blue[WENFENG].id;
    expect(await sql(`SELECT count(*)::int AS n FROM warning_response_action WHERE delivery_id = $1`, [blueId])).toEqual([{ n: 1 }]);
    const first = await actionsOf(wenfeng, blueId);
    expect(first.map((a: any) => a.action)).toEqual(['通知网格员和十户联防组长，逐户传达预警信息']);
    expect((await actionsOf(anban, blueId)).map((a: any) => a.id)).toEqual([first[0].id]);
    expect(await sql(`SELECT count(*)::int AS n FROM warning_response_action WHERE delivery_id = $1`, [blueId])).toEqual([{ n: 1 }]);
  });

  it('completes a response action of one\'s own village only, once, against the version read', async () => {
    const actions = (await delivery(wenfeng, redWenfeng, `responseActions { ${ACTION} }`)).responseActions;
    const [notify, patrol] = actions;
    const complete = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'completeWarningResponseAction', 'CompleteWarningResponseActionInput', input, ACTION);

    expect(errorOf(await complete(shuanghe, { id: notify.id, version: notify.version, note: '越权' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'WarningResponseAction' });
    expect(errorOf(await complete(jingfa, { id: notify.id, version: notify.version }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(fieldsOf(await complete(wenfeng, { id: notify.id, version: notify.version, note: '' }))).toEqual([expect.objectContaining({ field: 'input.note' })]);

    const done = await ok(complete(wenfeng, { id: notify.id, version: notify.version, note: ' 已通过广播和微信群通知到户 ' }), 'completeWarningResponseAction');
    expect(done).toMatchObject({ version: 2, completedAt: clock.now().toISOString(), note: '已通过广播和微信群通知到户', completedBy: { id: WENFENG_OFFICER } });
    const again = await complete(wenfeng, { id: notify.id, version: 2 });
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notCompleted' })]);
    expect(errorOf(await complete(wenfeng, { id: patrol.id, version: patrol.version + 1 }))).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    const [entry] = await sql(`SELECT actor_kind AS "actorKind" FROM audit_log WHERE action = 'rescue.warning-response-action.complete' AND entity_id = $1`, [notify.id]);
    expect(entry).toEqual({ actorKind: 'user' });
  });

  it('seeds the live warnings\' response actions, some done, and seeding again changes nothing', async () => {
    // The template database was seeded before any sweep ran: the actions of warnings this test did not issue are the seed's.
    const mine = [...new Set(warningOf.values())];
    const count = () =>
      sql(`SELECT count(*)::int AS n, (count(*) FILTER (WHERE completed_at IS NOT NULL))::int AS done FROM warning_response_action a JOIN warning_delivery d ON d.id = a.delivery_id WHERE d.warning_id <> ALL($1::uuid[])`, [mine]);
    const [before] = await count();
    expect(before.n).toBeGreaterThan(0);
    expect(before.done).toBeGreaterThan(0);
    await runSeeds(t.gateway.database.dataSource, selectModules(MODULES, 'all'), pino({ level: 'silent' }), { demoAccounts: true });
    expect((await count())[0]).toEqual(before);
  });

  it('keeps the response templates as data: list by hazard and level, create, update, archive (rule managers only)', async () => {
    const list = async (filter: Record<string, unknown>) => ok(jingfa(`query($filter: WarningResponseTemplateFilter) { warningResponseTemplates(first: 100, filter: $filter) { totalCount edges { node { ${TEMPLATE} } } } }`, { filter }), 'warningResponseTemplates');
    expect((await list({ hazardType: 'GEOLOGICAL', level: 'RED' })).totalCount).toBe(6);
    expect((await list({ hazardType: 'GEOLOGICAL', level: 'BLUE' })).edges.map((e: any) => e.node.action)).toEqual(['通知网格员和十户联防组长，逐户传达预警信息']);
    expect((await list({})).totalCount).toBe(18);

    const input = { hazardType: 'GEOLOGICAL', minLevel: 'ORANGE', sortOrder: 45, action: '排查受威胁群众转移路线和避难场所' };
    expect(errorOf(await mutate(wenfeng, 'createWarningResponseTemplate', 'CreateWarningResponseTemplateInput', input, TEMPLATE))).toMatchObject({ code: 'FORBIDDEN' });
    expect(fieldsOf(await mutate(anban, 'createWarningResponseTemplate', 'CreateWarningResponseTemplateInput', { ...input, sortOrder: 1000 }, TEMPLATE))).toEqual([expect.objectContaining({ field: 'input.sortOrder' })]);
    const created = await ok(mutate(anban, 'createWarningResponseTemplate', 'CreateWarningResponseTemplateInput', input, TEMPLATE), 'createWarningResponseTemplate');
    expect(created).toMatchObject({ ...input, version: 1, evacuation: false, archivedAt: null });
    expect(errorOf(await mutate(anban, 'createWarningResponseTemplate', 'CreateWarningResponseTemplateInput', input, TEMPLATE))).toMatchObject({ code: 'CONFLICT' });
    expect((await list({ hazardType: 'GEOLOGICAL', level: 'ORANGE' })).edges.map((e: any) => e.node.sortOrder)).toEqual([10, 20, 25, 30, 45]);

    const updated = await ok(mutate(anban, 'updateWarningResponseTemplate', 'UpdateWarningResponseTemplateInput', { id: created.id, version: 1, minLevel: 'RED', evacuation: true }, TEMPLATE), 'updateWarningResponseTemplate');
    expect(updated).toMatchObject({ version: 2, minLevel: 'RED', evacuation: true, action: input.action });
    expect(errorOf(await mutate(anban, 'updateWarningResponseTemplate', 'UpdateWarningResponseTemplateInput', { id: created.id, version: 1, sortOrder: 46 }, TEMPLATE))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    await ok(mutate(anban, 'archiveWarningResponseTemplate', 'ArchiveInput', { id: created.id, version: 2 }, TEMPLATE), 'archiveWarningResponseTemplate');
    expect((await list({})).totalCount).toBe(18);
    expect((await list({ includeArchived: true })).totalCount).toBe(19);
    expect(errorOf(await mutate(anban, 'archiveWarningResponseTemplate', 'ArchiveInput', { id: created.id, version: 3 }, TEMPLATE))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('marks warnings past their expiry EXPIRED at the next sweep, with an audit entry and an event, and escalates them no more', async () => {
    const d = await issueHere('RED', 'FLOOD', [SHUANGHE]);
    const warningId = d[SHUANGHE].warningId;
    const expired: string[] = [];
    const off = t.gateway.events.subscribe('rescue.warning.expired', (e) => expired.push((e.payload as { id: string }).id));
    try {
      clock.advance(24 * 60 * MINUTE + 1000);
      await sweep();
      expect(await sql(`SELECT status FROM warning WHERE id = $1`, [warningId])).toEqual([{ status: 'EXPIRED' }]);
      expect(await sql(`SELECT next_escalation_at FROM warning_delivery WHERE warning_id = $1`, [warningId])).toEqual([{ next_escalation_at: null }]);
      expect(await sql(`SELECT count(*)::int AS n FROM warning_escalation WHERE warning_id = $1`, [warningId])).toEqual([{ n: 0 }]);
      expect(expired).toContain(warningId);
      expect(await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rescue.warning.expire' AND entity_id = $1`, [warningId])).toEqual([{ n: 1 }]);
      const live = await ok(anban(`{ liveWarnings(first: 50) { edges { node { id } } } }`), 'liveWarnings');
      expect(live.edges.map((e: any) => e.node.id)).not.toContain(warningId);
      expect(await sweep()).toBe(0);
    } finally {
      off();
    }
  });
});
