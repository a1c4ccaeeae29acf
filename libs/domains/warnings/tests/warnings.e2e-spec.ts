import pino from 'pino';
import { rawQuery, startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { ManualClock } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';
import { chinaTimestamp, warningIdentifier } from '../src/warnings/warning-identifier';
import { WARNING_ESCALATION_SERVICE, type WarningEscalationService } from '../src/escalation/escalation.sweep';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];

const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const LONGSHAN = seedId('org:village-longshan');
const SHIXI = seedId('org:village-shixi');
const GRID_1 = seedId('org:grid-wenfeng-1');
const lead = (village: string) => seedId(`person:person-village-${village}-lead`);
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const SHUANGHE_EMERGENCY = seedId('person:person-village-shuanghe-emergency');
const ANBAN_PERSON = seedId('person:person-dept-safety-head');

const MINUTE = 60_000;
/** The default 发布单位代码 of 南平镇's records: 南川区 (500119) + DDD 000 + UUU 000 + XX 00 (no WARNING_ISSUER_CODE set). */
const UNIT = '50011900000000';
const WARNING = `id version identifier chainId supersedesId messageType status senderName headline level eventName hazardType sentAt effectiveAt expiresAt note areaPolygon`;
const DELIVERY = `id version warningId organizationId status deliveredAt nextEscalationAt acknowledgedAt ackChannel ackNote escalationStep secondsToAck
  responsiblePerson { id } acknowledgedBy { id } organization { name }`;
const FIGURES = `deliveries acknowledged pending escalated ackRate medianSecondsToAck p90SecondsToAck`;

describe('graded warnings with call-and-response (预警 + 叫应)', () => {
  const start = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock = new ManualClock(start);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  let sinopec: GraphQLClient;
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, shuanghe, grid, sinopec] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('wenfeng-grid1'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());

  const at = (ms: number) => new Date(start.getTime() + ms).toISOString();
  const issueInput = (overrides: Record<string, unknown> = {}) => ({
    hazardType: 'RAINSTORM',
    eventName: '暴雨',
    level: 'BLUE',
    description: '预计未来24小时累计雨量30～50毫米。',
    instruction: '各村（社区）加强值守，注意防范。',
    source: '南川区气象局',
    effectiveAt: at(0),
    expiresAt: at(24 * 60 * MINUTE),
    targetOrganizationIds: [WENFENG, SHUANGHE, LONGSHAN, SHIXI],
    ...overrides,
  });
  const issue = (input: Record<string, unknown>, client = office) => client(`mutation($input: IssueWarningInput!) { issueWarning(input: $input) { ${WARNING} } }`, { input });
  const issueOk = async (input: Record<string, unknown>) => {
    const res = await issue(input);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['issueWarning'];
  };
  const ack = (client: GraphQLClient, id: string, channel = 'PHONE', note?: string) =>
    client(`mutation($input: AcknowledgeWarningDeliveryInput!) { acknowledgeWarningDelivery(input: $input) { ${DELIVERY} } }`, { input: { id, channel, note } });
  const deliveriesOf = async (warningId: string, client = office) => {
    const res = await client(`query($id: UUID!) { warning(id: $id) { deliveries(first: 50) { totalCount edges { node { ${DELIVERY} } } } } }`, { id: warningId });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['warning'].deliveries.edges.map((e: any) => e.node) as any[];
  };
  const byOrg = (list: any[], org: string) => list.find((d) => d.organizationId === org);

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('reads warnings × deliveries × acknowledgements with their organizations in one compiled statement', async () => {
    const res = await office(`{ warnings(first: 10, filter: { statuses: [ACTIVE] }) { edges { node { id headline issuerOrganization { name }
      deliveries(first: 10) { totalCount edges { node { status acknowledgedAt ackChannel escalationStep organization { name } warning { id } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-read-compiled')).toBe('true');
    expect(res.statements).toBe(1);
    const [live] = res.body.data!['warnings'].edges.map((e: any) => e.node);
    expect(live).toMatchObject({ headline: '南平镇人民政府发布暴雨橙色预警', issuerOrganization: { name: '南平镇人民政府' }, deliveries: { totalCount: 4 } });
    const deliveries = live.deliveries.edges.map((e: any) => e.node);
    expect(deliveries.map((d: any) => d.organization.name).sort()).toEqual(['双河村', '文凤村', '石溪村', '龙山村'].sort());
    expect(deliveries.filter((d: any) => d.status === 'ACKNOWLEDGED' && d.acknowledgedAt && d.ackChannel)).toHaveLength(3);
    expect(deliveries.every((d: any) => d.warning.id === live.id)).toBe(true);
  });

  it('compiles the benchmark\'s Q4 (live warnings × deliveries × who acknowledged them) into one statement, byte for byte what the resolvers send', async () => {
    // tools/bench/queries.ts GATEWAY_Q4, and the same with the person who must answer.
    const q4 = `{ warnings(first: 20, filter: { statuses: [ACTIVE] }) { edges { node { id headline level status sentAt
      deliveries(first: 50) { totalCount edges { node { id deliveredAt status acknowledgedAt ackChannel acknowledgedBy { id name } } } } } } } }`;
    const withResponsible = q4.replace('acknowledgedBy { id name }', 'acknowledgedBy { id name } responsiblePerson { id name }');
    // The escalation sweep's start-up tick may still move the pending delivery's responsible person: settled first.
    await (t.gateway.services.get(WARNING_ESCALATION_SERVICE) as WarningEscalationService).sweep();
    const token = await t.token('anban');
    const raw = (query: string, compiled: boolean) => rawQuery(t, query, {}, token, compiled);
    for (const query of [q4, withResponsible]) {
      const on = await raw(query, true);
      const off = await raw(query, false);
      expect([on.status, on.compiled, on.statements]).toEqual([200, 'true', 1]);
      expect(off.compiled).toBeNull();
      // Through the resolvers: warnings, deliveries per warning, persons by id (one level each).
      expect(off.statements).toBeGreaterThan(1);
      expect(on.text).toBe(off.text);
    }
    const body = JSON.parse((await raw(withResponsible, true)).text) as { data: { warnings: { edges: Array<{ node: any }> } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const [live] = body.data.warnings.edges.map((e) => e.node);
    expect(live).toMatchObject({ headline: '南平镇人民政府发布暴雨橙色预警', level: 'ORANGE', status: 'ACTIVE', deliveries: { totalCount: 4 } });
    const deliveries: any[] = live.deliveries.edges.map((e: any) => e.node);
    const acknowledgers = deliveries.filter((d) => d.status === 'ACKNOWLEDGED').map((d) => d.acknowledgedBy.id).sort();
    expect(acknowledgers).toEqual([WENFENG_EMERGENCY, SHUANGHE_EMERGENCY, seedId('person:person-village-longshan-emergency')].sort());
    expect(deliveries.filter((d) => d.status === 'ACKNOWLEDGED').every((d) => typeof d.acknowledgedBy.name === 'string' && d.acknowledgedBy.name.length > 1)).toBe(true);
    // 石溪村 has not answered: nobody acknowledged it; who must answer is the delivery's responsible person (its lead, or whom the sweep escalated to).
    const [shixi] = await sql<{ id: string; responsible: string }>(`SELECT id, responsible_person_id AS responsible FROM warning_delivery WHERE warning_id = $1 AND organization_id = $2`, [live.id, SHIXI]);
    const pending = deliveries.filter((d) => d.status === 'PENDING');
    expect(pending.map((d) => [d.id, d.acknowledgedAt, d.ackChannel, d.acknowledgedBy, d.responsiblePerson?.id])).toEqual([[shixi!.id, null, null, null, shixi!.responsible]]);
    expect(shixi!.responsible).toEqual(expect.any(String));

    // The escalation's persons are declared references too: the sweep's step for 石溪村 reads in one statement.
    const escalations = `{ warningEscalations(first: 10) { edges { node { id step fromPersonId fromPerson { id name } toPersonId toPerson { id name } } } } }`;
    const on = await raw(escalations, true);
    const off = await raw(escalations, false);
    expect([on.status, on.compiled, on.statements]).toEqual([200, 'true', 1]);
    expect(on.text).toBe(off.text);
    const steps = (JSON.parse(on.text) as { data: { warningEscalations: { edges: Array<{ node: any }> } } }).data.warningEscalations.edges.map((e) => e.node);
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect([s.fromPerson?.id ?? null, s.toPerson?.id ?? null]).toEqual([s.fromPersonId, s.toPersonId]);
    expect(steps.some((s) => s.toPerson !== null)).toBe(true);
  });

  it('seeds a live ORANGE rainstorm warning, a past RED geological one fully acknowledged and a cancelled one, once', async () => {
    const records = await sql(`SELECT message_type, status, level, hazard_type, headline, (SELECT count(*)::int FROM warning_delivery d WHERE d.warning_id = w.id) AS deliveries,
      (SELECT count(*)::int FROM warning_delivery d WHERE d.warning_id = w.id AND d.status = 'ACKNOWLEDGED') AS acked FROM warning w ORDER BY sent_at`);
    expect(records).toEqual([
      { message_type: 'ALERT', status: 'EXPIRED', level: 'RED', hazard_type: 'GEOLOGICAL', headline: '南平镇人民政府发布地质灾害红色预警', deliveries: 3, acked: 3 },
      { message_type: 'ALERT', status: 'CANCELLED', level: 'YELLOW', hazard_type: 'FOREST_FIRE', headline: '南平镇人民政府发布森林火险黄色预警', deliveries: 2, acked: 1 },
      { message_type: 'CANCEL', status: 'CANCELLED', level: 'YELLOW', hazard_type: 'FOREST_FIRE', headline: '南平镇人民政府解除森林火险黄色预警', deliveries: 2, acked: 1 },
      { message_type: 'ALERT', status: 'ACTIVE', level: 'ORANGE', hazard_type: 'RAINSTORM', headline: '南平镇人民政府发布暴雨橙色预警', deliveries: 4, acked: 3 },
    ]);
    // Seeded records carry national identifiers too: the default unit code, Beijing time of sending, serial 0.
    const seeded = await sql<{ identifier: string; sent_at: Date }>(`SELECT identifier, sent_at FROM warning ORDER BY sent_at`);
    expect(seeded.map((r) => r.identifier)).toEqual(seeded.map((r) => warningIdentifier(UNIT, r.sent_at, 0)));
    const live = await office(`{ liveWarnings(first: 10) { totalCount edges { node { headline figures { deliveries acknowledged } targets { name } } } } }`);
    expect(live.body.data!['liveWarnings'].totalCount).toBe(1);
    expect(live.body.data!['liveWarnings'].edges[0].node).toEqual({ headline: '南平镇人民政府发布暴雨橙色预警', figures: { deliveries: 4, acknowledged: 3 }, targets: expect.any(Array) });
    expect(live.body.data!['liveWarnings'].edges[0].node.targets.map((o: any) => o.name).sort()).toEqual(['双河村', '文凤村', '石溪村', '龙山村'].sort());
    const before = await sql(`SELECT (SELECT count(*) FROM warning)::int AS w, (SELECT count(*) FROM warning_delivery)::int AS d, (SELECT count(*) FROM warning_target)::int AS t`);
    await runSeeds(t.gateway.database.dataSource, MODULES, pino({ level: 'silent' }));
    expect(await sql(`SELECT (SELECT count(*) FROM warning)::int AS w, (SELECT count(*) FROM warning_delivery)::int AS d, (SELECT count(*) FROM warning_target)::int AS t`)).toEqual(before);
    // From here on the tests keep warnings of their own.
    await sql(`TRUNCATE warning_delivery, warning_target, warning CASCADE`);
  });

  let first: any;

  it('issues a warning with its national identifier and one delivery per target, to the lead, due after the level\'s minutes', async () => {
    first = await issueOk(issueInput());
    expect(first).toMatchObject({
      version: 1,
      identifier: warningIdentifier(UNIT, start, 0),
      chainId: first.id,
      supersedesId: null,
      messageType: 'ALERT',
      status: 'ACTIVE',
      senderName: '南平镇人民政府',
      headline: '南平镇人民政府发布暴雨蓝色预警',
      sentAt: start.toISOString(),
      areaPolygon: null,
    });
    expect(first.identifier).toBe(`50011900000000_${chinaTimestamp(start)}_0`);
    expect(first.identifier).toHaveLength(31);
    const deliveries = await deliveriesOf(first.id);
    expect(deliveries.map((d) => [d.organizationId, d.responsiblePerson.id, d.status, d.deliveredAt, d.nextEscalationAt, d.escalationStep]).sort()).toEqual(
      [
        [WENFENG, lead('wenfeng'), 'PENDING', start.toISOString(), at(30 * MINUTE), 0],
        [SHUANGHE, lead('shuanghe'), 'PENDING', start.toISOString(), at(30 * MINUTE), 0],
        [LONGSHAN, lead('longshan'), 'PENDING', start.toISOString(), at(30 * MINUTE), 0],
        [SHIXI, lead('shixi'), 'PENDING', start.toISOString(), at(30 * MINUTE), 0],
      ].sort(),
    );
    const [audited] = await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rescue.warning.issue' AND entity_id = $1`, [first.id]);
    expect(audited.n).toBe(1);
  });

  it('lets a village officer see the warning and only their own delivery, and acknowledge only it', async () => {
    const own = await wenfeng(`query($id: UUID!) { warning(id: $id) { id targets { id } deliveries { totalCount edges { node { organizationId } } } } }`, { id: first.id });
    expect(own.body.data!['warning']).toEqual({ id: first.id, targets: [{ id: WENFENG }], deliveries: { totalCount: 1, edges: [{ node: { organizationId: WENFENG } }] } });
    const enterprise = await sinopec(`query($id: UUID!) { warning(id: $id) { id } }`, { id: first.id });
    expect(errorOf(enterprise)?.['code']).toBe('FORBIDDEN');
    const deliveries = await deliveriesOf(first.id);
    const wenfengDelivery = byOrg(deliveries, WENFENG);
    const refused = await ack(shuanghe, wenfengDelivery.id);
    expect(errorOf(refused)?.['code']).toBe('NOT_FOUND');
    const list = await shuanghe(`{ warningDeliveries(first: 10) { totalCount edges { node { organizationId } } } }`);
    expect(list.body.data!['warningDeliveries']).toEqual({ totalCount: 1, edges: [{ node: { organizationId: SHUANGHE } }] });
  });

  it('records acknowledgements at the clock\'s time, refuses a second one, and computes the figures in SQL', async () => {
    const deliveries = await deliveriesOf(first.id);
    clock.advance(60_000);
    const a = await ack(wenfeng, byOrg(deliveries, WENFENG).id, 'PHONE', '已通知各组组长');
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data!['acknowledgeWarningDelivery']).toMatchObject({
      status: 'ACKNOWLEDGED', acknowledgedAt: at(60_000), ackChannel: 'PHONE', ackNote: '已通知各组组长', nextEscalationAt: null, secondsToAck: 60, version: 2,
      acknowledgedBy: { id: WENFENG_EMERGENCY }, responsiblePerson: { id: lead('wenfeng') },
    });
    const twice = await ack(wenfeng, byOrg(deliveries, WENFENG).id);
    expect(errorOf(twice)?.['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(twice)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    expect(twice.body.errors![0]!.message).toContain('ACKNOWLEDGED');
    clock.advance(120_000);
    expect((await ack(shuanghe, byOrg(deliveries, SHUANGHE).id, 'APP')).body.data!['acknowledgeWarningDelivery'].acknowledgedBy).toEqual({ id: SHUANGHE_EMERGENCY });
    clock.advance(420_000);
    expect((await ack(office, byOrg(deliveries, LONGSHAN).id, 'RADIO')).body.data!['acknowledgeWarningDelivery']).toMatchObject({ secondsToAck: 600, acknowledgedBy: { id: ANBAN_PERSON } });
    const [event] = await sql(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'rescue.warning.acknowledge'`);
    expect(event.n).toBe(3);

    // 60, 180 and 600 seconds: median 180, p90 = 180 + 0.8 × (600 − 180) = 516.
    const figures = await office(`query($id: UUID!) { warning(id: $id) { figures { ${FIGURES} } } }`, { id: first.id });
    expect(figures.body.data!['warning'].figures).toEqual({ deliveries: 4, acknowledged: 3, pending: 1, escalated: 0, ackRate: 0.75, medianSecondsToAck: 180, p90SecondsToAck: 516 });
    const own = await wenfeng(`query($id: UUID!) { warning(id: $id) { figures { ${FIGURES} } } }`, { id: first.id });
    expect(own.body.data!['warning'].figures).toEqual({ deliveries: 1, acknowledged: 1, pending: 0, escalated: 0, ackRate: 1, medianSecondsToAck: 60, p90SecondsToAck: 60 });

    const period = `query($from: DateTime!, $to: DateTime!, $levels: [WarningLevel!]) { warningFigures(from: $from, to: $to, levels: $levels) { ${FIGURES} warnings neverAcknowledgedCount neverAcknowledged { organizationId organizationName deliveries organization { name } } } }`;
    const res = await office(period, { from: at(-MINUTE), to: at(60 * MINUTE) });
    expect(res.body.data!['warningFigures']).toEqual({
      deliveries: 4, acknowledged: 3, pending: 1, escalated: 0, ackRate: 0.75, medianSecondsToAck: 180, p90SecondsToAck: 516, warnings: 1,
      neverAcknowledgedCount: 1, neverAcknowledged: [{ organizationId: SHIXI, organizationName: '石溪村', deliveries: 1, organization: { name: '石溪村' } }],
    });
    expect((await office(period, { from: at(-MINUTE), to: at(60 * MINUTE), levels: ['RED'] })).body.data!['warningFigures']).toMatchObject({ deliveries: 0, ackRate: null, medianSecondsToAck: null, neverAcknowledged: [] });
    expect((await shuanghe(period, { from: at(-MINUTE), to: at(60 * MINUTE) })).body.data!['warningFigures']).toMatchObject({ deliveries: 1, acknowledged: 1, medianSecondsToAck: 180, neverAcknowledgedCount: 0 });
    const backwards = await office(period, { from: at(MINUTE), to: at(-MINUTE) });
    expect(fieldsOf(backwards)).toEqual([expect.objectContaining({ field: 'to', rule: 'afterFrom' })]);
  });

  let update: any;

  it('updates with a new record delivered afresh; the old one is SUPERSEDED and its pending deliveries CANCELLED', async () => {
    clock.advance(60_000);
    const stale = await office(`mutation($input: UpdateWarningInput!) { updateWarning(input: $input) { id } }`, { input: { id: first.id, version: 7, level: 'ORANGE' } });
    expect(errorOf(stale)?.['code']).toBe('CONFLICT');
    const res = await office(`mutation($input: UpdateWarningInput!) { updateWarning(input: $input) { ${WARNING} chain { id status } supersedes { id status } } }`, {
      input: { id: first.id, version: 1, level: 'ORANGE', targetOrganizationIds: [WENFENG, SHIXI], note: '降雨加强，升级为橙色预警' },
    });
    expect(res.body.errors).toBeUndefined();
    update = res.body.data!['updateWarning'];
    expect(update).toMatchObject({
      messageType: 'UPDATE', status: 'ACTIVE', chainId: first.id, supersedesId: first.id, level: 'ORANGE', headline: '南平镇人民政府发布暴雨橙色预警',
      note: '降雨加强，升级为橙色预警', sentAt: at(11 * MINUTE), identifier: warningIdentifier(UNIT, new Date(start.getTime() + 11 * MINUTE), 0),
      supersedes: { id: first.id, status: 'SUPERSEDED' }, chain: [{ id: first.id, status: 'SUPERSEDED' }, { id: expect.any(String), status: 'ACTIVE' }],
    });
    const old = await deliveriesOf(first.id);
    expect(old.map((d) => [d.organizationId, d.status]).sort()).toEqual([[WENFENG, 'ACKNOWLEDGED'], [SHUANGHE, 'ACKNOWLEDGED'], [LONGSHAN, 'ACKNOWLEDGED'], [SHIXI, 'CANCELLED']].sort());
    expect(byOrg(old, SHIXI).nextEscalationAt).toBeNull();
    const fresh = await deliveriesOf(update.id);
    expect(fresh.map((d) => [d.organizationId, d.status, d.nextEscalationAt]).sort()).toEqual([[WENFENG, 'PENDING', at(21 * MINUTE)], [SHIXI, 'PENDING', at(21 * MINUTE)]].sort());
    const again = await office(`mutation($input: UpdateWarningInput!) { updateWarning(input: $input) { id } }`, { input: { id: first.id, version: 2, level: 'RED' } });
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // 双河村 is no longer a target: its officer does not see the update.
    expect((await shuanghe(`query($id: UUID!) { warning(id: $id) { id } }`, { id: update.id })).body.data!['warning']).toBeNull();
    // The records and their deliveries are nodes: by global id within the reader's scope, null beyond it.
    const ids = await office(`query($id: UUID!) { warning(id: $id) { nodeId deliveries(first: 10) { edges { node { nodeId organizationId } } } } }`, { id: update.id });
    const { nodeId, deliveries } = ids.body.data!['warning'];
    const wenfengDelivery = deliveries.edges.map((e: any) => e.node).find((d: any) => d.organizationId === WENFENG);
    const byNode = `query($ids: [ID!]!) { nodes(nodeIds: $ids) { __typename ... on Warning { id status } ... on WarningDelivery { organizationId } } }`;
    expect((await wenfeng(byNode, { ids: [nodeId, wenfengDelivery.nodeId] })).body.data!['nodes']).toEqual([
      { __typename: 'Warning', id: update.id, status: 'ACTIVE' },
      { __typename: 'WarningDelivery', organizationId: WENFENG },
    ]);
    expect((await shuanghe(byNode, { ids: [nodeId, wenfengDelivery.nodeId] })).body.data!['nodes']).toEqual([null, null]);
  });

  it('lists live warnings most severe first, only those in force now', async () => {
    const red = await issueOk(issueInput({ level: 'RED', hazardType: 'GEOLOGICAL', eventName: '地质灾害', targetOrganizationIds: [LONGSHAN] }));
    await issueOk(issueInput({ level: 'RED', targetOrganizationIds: [LONGSHAN], effectiveAt: at(5 * 60 * MINUTE) }));
    const live = await office(`{ liveWarnings(first: 10) { totalCount edges { node { id level figures { deliveries acknowledged } } } } }`);
    expect(live.body.data!['liveWarnings']).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: red.id, level: 'RED', figures: { deliveries: 1, acknowledged: 0 } } },
        { node: { id: update.id, level: 'ORANGE', figures: { deliveries: 2, acknowledged: 0 } } },
      ],
    });
    const village = await wenfeng(`{ liveWarnings(first: 10) { edges { node { id } } } }`);
    expect(village.body.data!['liveWarnings'].edges).toEqual([{ node: { id: update.id } }]);
    const listed = await wenfeng(`{ warnings(first: 10, filter: { statuses: [SUPERSEDED, ACTIVE] }) { totalCount edges { node { id status } } } }`);
    expect(listed.body.data!['warnings']).toEqual({ totalCount: 2, edges: [{ node: { id: update.id, status: 'ACTIVE' } }, { node: { id: first.id, status: 'SUPERSEDED' } }] });
    const filtered = await office(`query($root: UUID!) { warnings(first: 10, filter: { withinSubtreeOf: $root, levels: [RED], hazardTypes: [GEOLOGICAL] }) { edges { node { id } } } }`, { root: LONGSHAN });
    expect(filtered.body.data!['warnings'].edges).toEqual([{ node: { id: red.id } }]);
  });

  it('cancels with a CANCELLED record delivered to the targets without escalation', async () => {
    clock.advance(60_000);
    const res = await office(`mutation($input: CancelWarningInput!) { cancelWarning(input: $input) { ${WARNING} supersedes { id status } chain { messageType status } } }`, {
      input: { id: update.id, version: 1, reason: '降雨已明显减弱' },
    });
    expect(res.body.errors).toBeUndefined();
    const cancel = res.body.data!['cancelWarning'];
    expect(cancel).toMatchObject({
      messageType: 'CANCEL', status: 'CANCELLED', chainId: first.id, supersedesId: update.id, headline: '南平镇人民政府解除暴雨橙色预警', note: '降雨已明显减弱',
      supersedes: { id: update.id, status: 'CANCELLED' },
      chain: [{ messageType: 'ALERT', status: 'SUPERSEDED' }, { messageType: 'UPDATE', status: 'CANCELLED' }, { messageType: 'CANCEL', status: 'CANCELLED' }],
    });
    expect((await deliveriesOf(update.id)).map((d) => d.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const notices = await deliveriesOf(cancel.id);
    expect(notices.map((d) => [d.organizationId, d.status, d.nextEscalationAt]).sort()).toEqual([[WENFENG, 'PENDING', null], [SHIXI, 'PENDING', null]].sort());
    // The grid worker's scope is the grid, below the village the notice went to.
    expect(errorOf(await ack(grid, byOrg(notices, WENFENG).id, 'APP'))?.['code']).toBe('NOT_FOUND');
    expect((await ack(wenfeng, byOrg(notices, WENFENG).id, 'APP')).body.data!['acknowledgeWarningDelivery'].status).toBe('ACKNOWLEDGED');
    const live = await office(`{ liveWarnings(first: 10) { edges { node { id } } } }`);
    expect(live.body.data!['liveWarnings'].edges.map((e: any) => e.node.id)).not.toContain(update.id);
    const again = await office(`mutation($input: CancelWarningInput!) { cancelWarning(input: $input) { id } }`, { input: { id: update.id, version: 2, reason: '再次解除' } });
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
  });

  it('validates the window, the targets and the area, naming field and rule', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ expiresAt: at(-60 * MINUTE) }, 'input.expiresAt', 'afterEffectiveAt'],
      [{ effectiveAt: at(-120 * MINUTE), expiresAt: at(-60 * MINUTE) }, 'input.expiresAt', 'future'],
      [{ targetOrganizationIds: [] }, 'input.targetOrganizationIds', 'arrayMinSize'],
      [{ targetOrganizationIds: [WENFENG, GRID_1] }, 'input.targetOrganizationIds.1', 'villageOrCommunity'],
      [{ eventName: '' }, 'input.eventName', 'isLength'],
    ];
    for (const [overrides, field, rule] of cases) {
      const res = await issue(issueInput(overrides));
      expect(errorOf(res)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([expect.objectContaining({ field, rule })]);
    }
    // An area that is not a Polygon or MultiPolygon of closed rings: refused by its scalar while the variable is coerced (400).
    for (const areaPolygon of [{ type: 'Polygon', coordinates: [[[107.08, 29.07], [107.09, 29.07], [107.09, 29.08]]] }, { type: 'Point', coordinates: [107.08, 29.07] }]) {
      const res = await issue(issueInput({ areaPolygon }));
      expect([res.status, errorOf(res)?.['code'], res.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringContaining('at "input.areaPolygon"; GeoJSONPolygonOrMultiPolygon must be a GeoJSON Polygon or MultiPolygon geometry (RFC 7946)')]);
    }
    // A target that does not exist, or lies beyond the issuer's scope, is not found (the same answer); an archived one is refused.
    const UNKNOWN = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(await issue(issueInput({ targetOrganizationIds: [WENFENG, UNKNOWN] })))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: UNKNOWN, field: 'input.targetOrganizationIds.1' });
    await sql(`UPDATE organization SET archived_at = now() WHERE id = $1`, [SHIXI]);
    try {
      const archived = await issue(issueInput({ targetOrganizationIds: [WENFENG, SHIXI] }));
      expect(errorOf(archived)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(archived)).toEqual([expect.objectContaining({ field: 'input.targetOrganizationIds.1', rule: 'notArchived' })]);
    } finally {
      await sql(`UPDATE organization SET archived_at = NULL WHERE id = $1`, [SHIXI]);
    }
    const polygon = { type: 'Polygon', coordinates: [[[107.08, 29.07], [107.09, 29.07], [107.09, 29.08], [107.08, 29.07]]] };
    const withArea = await issueOk(issueInput({ areaPolygon: polygon, targetOrganizationIds: [WENFENG], headline: '南平镇防汛抗旱指挥部发布暴雨预警' }));
    expect(withArea).toMatchObject({ areaPolygon: polygon, headline: '南平镇防汛抗旱指挥部发布暴雨预警' });
    expect(errorOf(await issue(issueInput(), wenfeng))?.['code']).toBe('FORBIDDEN');
  });

  it('keeps escalation policies as data, changed with the version read', async () => {
    const list = await office(`{ escalationPolicies(first: 10) { edges { node { level minutes maxSteps version } } } }`);
    expect(list.body.data!['escalationPolicies'].edges.map((e: any) => e.node)).toEqual([
      { level: 'RED', minutes: 5, maxSteps: 2, version: 1 },
      { level: 'ORANGE', minutes: 10, maxSteps: 2, version: 1 },
      { level: 'YELLOW', minutes: 20, maxSteps: 2, version: 1 },
      { level: 'BLUE', minutes: 30, maxSteps: 1, version: 1 },
    ]);
    const change = `mutation($input: UpdateEscalationPolicyInput!) { updateEscalationPolicy(input: $input) { level minutes maxSteps version } }`;
    expect((await office(change, { input: { level: 'BLUE', version: 1, minutes: 45, maxSteps: 2 } })).body.data!['updateEscalationPolicy']).toEqual({ level: 'BLUE', minutes: 45, maxSteps: 2, version: 2 });
    expect(errorOf(await office(change, { input: { level: 'BLUE', version: 1, minutes: 40, maxSteps: 2 } }))?.['code']).toBe('CONFLICT');
    expect(fieldsOf(await office(change, { input: { level: 'BLUE', version: 2, minutes: 0, maxSteps: 2 } }))).toEqual([expect.objectContaining({ field: 'input.minutes', rule: 'min' })]);
    const blue = await issueOk(issueInput({ targetOrganizationIds: [SHUANGHE] }));
    expect((await deliveriesOf(blue.id))[0].nextEscalationAt).toBe(new Date(new Date(blue.sentAt).getTime() + 45 * MINUTE).toISOString());
    expect(errorOf(await wenfeng(change, { input: { level: 'BLUE', version: 2, minutes: 40, maxSteps: 2 } }))?.['code']).toBe('FORBIDDEN');
  });

  it('numbers the records one unit issues within one second _0, _1 … _9, and refuses an 11th in that second', async () => {
    clock.advance(60_000);
    const second = clock.now();
    const one = await issueOk(issueInput({ targetOrganizationIds: [WENFENG] }));
    const two = await issueOk(issueInput({ targetOrganizationIds: [SHUANGHE] }));
    expect([one.identifier, two.identifier]).toEqual([`${UNIT}_${chinaTimestamp(second)}_0`, `${UNIT}_${chinaTimestamp(second)}_1`]);
    expect([one.sentAt, two.sentAt]).toEqual([second.toISOString(), second.toISOString()]);
    for (let n = 2; n < 10; n++) expect((await issueOk(issueInput({ targetOrganizationIds: [LONGSHAN] }))).identifier).toBe(warningIdentifier(UNIT, second, n));
    const [before] = await sql(`SELECT (SELECT count(*) FROM warning)::int AS w, (SELECT count(*) FROM audit_log WHERE action = 'rescue.warning.issue')::int AS a`);
    const eleventh = await issue(issueInput({ targetOrganizationIds: [SHIXI] }));
    expect(errorOf(eleventh)?.['code']).toBe('CONFLICT');
    expect(eleventh.body.errors![0]!.message).toBe(
      `The issuing unit ${UNIT} already issued 10 warning records at ${chinaTimestamp(second)} (Beijing time), the most one second allows (identifier serial 0–9, GB/T 35965.1). Retry in a second.`,
    );
    expect(await sql(`SELECT (SELECT count(*) FROM warning)::int AS w, (SELECT count(*) FROM audit_log WHERE action = 'rescue.warning.issue')::int AS a`)).toEqual([before]);
    clock.advance(1_000);
    expect((await issueOk(issueInput({ targetOrganizationIds: [SHIXI] }))).identifier).toBe(warningIdentifier(UNIT, clock.now(), 0));
  });
});
