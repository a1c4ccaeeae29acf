import { Webhook } from 'standardwebhooks';
import { errorOf, fieldsOf, ok, startTestGateway, until, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { undescribed } from '@platform/server';
import { PRUNE_JOB, RELAY_JOB, webhooksModule } from '@platform/webhooks';
import { FAST_WEBHOOKS, Receiver, eventually } from './receiver';

const MODULES = [directoryModule, accessModule, webhooksModule, riskModule];
const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WAIT_MS = 30_000;
// Retries wait their backoff (seconds): room for them on a loaded machine.
jest.setTimeout(60_000);

const DELIVERY = `id status attemptCount eventType lastStatusCode lastError deliveredAt
  attempts(first: 10) { totalCount edges { node { attempt statusCode error durationMs responseBody } } }`;

/**
 * Webhooks end to end, against a receiver on 127.0.0.1: a hazard reported by a user reaches the
 * subscribed API client's receiver once, signed per Standard Webhooks; the client's own scope and the
 * subscription's subtree decide who gets what; failures are retried with backoff, logged, and end DEAD
 * after the last attempt; redelivery, pausing and two gateways on one database.
 */
describe('webhooks', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  const receiver = new Receiver();
  const roleIds = new Map<string, string>();

  /** An API client with a system role at an organization. */
  const apiClient = async (name: string, role: string | null, organizationId: string): Promise<string> => {
    const input = { name, organizationId, ...(role ? { roleId: roleIds.get(role) } : {}) };
    return (await ok(admin(`mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id } } }`, { input }), 'createApiClient')).apiClient.id;
  };
  const subscribe = async (as: GraphQLClient, input: Record<string, unknown>): Promise<{ id: string; version: number; secret: string }> => {
    const created = await ok(as(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id version } } }`, { input }), 'createWebhookSubscription');
    return { ...created.subscription, secret: created.secret };
  };
  const reportHazard = async (as: GraphQLClient, organizationId: string, title: string): Promise<string> =>
    (await ok(as(`mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`, { input: { organizationId, title, category: 'FIRE', source: 'SELF_CHECK' } }), 'reportHazard')).id;
  const deliveries = async (filter: Record<string, unknown>) =>
    (await ok(admin(`query($filter: WebhookDeliveryFilter) { webhookDeliveries(first: 50, filter: $filter) { totalCount edges { node { ${DELIVERY} } } } }`, { filter }), 'webhookDeliveries')).edges.map((e: any) => e.node);
  const deliveryRows = (subscriptionId: string) =>
    t.gateway.database.dataSource.query(`SELECT id, status, attempt_count, data FROM webhook_delivery WHERE subscription_id = $1 ORDER BY created_at`, [subscriptionId]) as Promise<Array<{ id: string; status: string; attempt_count: number; data: any }>>;
  /** Waits until the subscription has `count` deliveries, all settled (DELIVERED or DEAD, or the states given), and answers them. */
  const settled = async (subscriptionId: string, count: number, states = ['DELIVERED', 'DEAD']) => {
    let rows: Awaited<ReturnType<typeof deliveryRows>> = [];
    await eventually(async () => {
      rows = await deliveryRows(subscriptionId);
      return rows.length === count && rows.every((r) => states.includes(r.status));
    }, () => `deliveries of ${subscriptionId}: ${JSON.stringify(rows.map((r) => [r.status, r.attempt_count]))}`);
    return rows;
  };

  beforeAll(async () => {
    await receiver.start();
    t = await startTestGateway(MODULES, { seed: true, env: FAST_WEBHOOKS });
    admin = await t.as('admin');
    wenfeng = await t.as('wenfeng');
    shuanghe = await t.as('shuanghe');
    for (const e of (await ok(admin(`{ roles(first: 100) { edges { node { id code } } } }`), 'roles')).edges) roleIds.set(e.node.code, e.node.id);
  });
  // Each test's subscriptions end with it (their deliveries too): no test receives another's events.
  afterEach(() => t.gateway.database.dataSource.query(`DELETE FROM webhook_subscription`));
  afterAll(async () => {
    await t?.close();
    await receiver.close();
  });

  it('offers the event types whose catalogs declare a subject, with the subject\'s type', async () => {
    const types = await ok(admin(`{ webhookEventTypes(first: 100) { totalCount edges { node { name module subjectType subjectDescription } } } }`), 'webhookEventTypes');
    const byName = new Map(types.edges.map((e: any) => [e.node.name, e.node]));
    expect(byName.get('risk.hazard.reported')).toEqual({ name: 'risk.hazard.reported', module: 'risk', subjectType: 'Hazard', subjectDescription: expect.stringMatching(/^隐患/) });
    expect(byName.get('directory.organization.created')).toMatchObject({ module: 'directory', subjectType: 'Organization' });
    // Only the enabled modules' (and the kernel's modules'): none of the rescue modules here.
    expect([...byName.keys()].filter((name) => (name as string).startsWith('rescue.'))).toEqual([]);
    expect(byName.get('webhooks.subscription.created')).toMatchObject({ module: 'webhooks', subjectType: 'WebhookSubscription' });
    // No subject, not offered: the access module's change notice.
    expect(byName.has('access.changed')).toBe(false);
    expect(types.totalCount).toBe(types.edges.length);
    // Every type, field, argument and enum value of the module described in Chinese and English.
    const ours = undescribed(t.gateway.schema).filter((c) => /Webhook/.test(c));
    expect(ours).toEqual([]);
    expect(Object.keys(t.gateway.schema.getTypeMap()).filter((n) => n.startsWith('Webhook')).length).toBeGreaterThan(10);
  });

  it('delivers a hazard a user reports to the subscribed client\'s receiver once, signed (Standard Webhooks) and logged', async () => {
    const client = await apiClient('区应急管理局隐患系统', 'integration-readonly', TOWN);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/district'), eventTypes: ['risk.hazard.reported'], description: '区应急局隐患台账同步' });
    expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const before = Math.floor(Date.now() / 1000);
    const hazardId = await reportHazard(wenfeng, WENFENG, '文凤村加油站灭火器过期');
    await until(() => receiver.on('/district').length === 1, WAIT_MS);
    const [message] = receiver.on('/district');
    // Signed: the reference library verifies it with the secret (and refuses a tampered body or another secret).
    const verified = new Webhook(sub.secret).verify(message!.body, message!.headers) as any;
    expect(() => new Webhook(sub.secret).verify(message!.body.replace('REPORTED', 'CLOSED'), message!.headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(message!.body, message!.headers)).toThrow();
    expect(verified).toEqual({
      type: 'risk.hazard.reported',
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      data: { id: hazardId, organizationId: WENFENG, status: 'REPORTED', subject: { type: 'Hazard', id: hazardId, nodeId: expect.any(String) } },
    });
    expect(message!.headers['content-type']).toBe('application/json');
    expect(Number(message!.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(message!.headers['webhook-timestamp'])).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(message!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const [delivery] = await settled(sub.id, 1);
    expect(message!.headers['webhook-id']).toBe(delivery!.id);
    // Once: the relay finds nothing more, and the delivery is settled.
    expect(await t.gateway.jobs.get(RELAY_JOB)!.runNow()).toEqual({ dispatched: expect.any(Number), queued: 0 });
    expect(receiver.on('/district')).toHaveLength(1);
    const [logged] = await deliveries({ subscriptionId: sub.id });
    expect(logged).toEqual({
      id: delivery!.id,
      status: 'DELIVERED',
      attemptCount: 1,
      eventType: 'risk.hazard.reported',
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: expect.any(String),
      attempts: { totalCount: 1, edges: [{ node: { attempt: 1, statusCode: 200, error: null, durationMs: expect.any(Number), responseBody: 'ok' } }] },
    });
    // The subject as it is now, within the reader's scope.
    const subject = await ok(admin(`query($id: UUID!) { webhookDeliveries(first: 1, filter: { subscriptionId: $id }) { edges { node { subject { __typename ... on Hazard { id title } } subscription { id apiClient { name } } } } } }`, { id: sub.id }), 'webhookDeliveries');
    expect(subject.edges[0].node).toEqual({ subject: { __typename: 'Hazard', id: hazardId, title: '文凤村加油站灭火器过期' }, subscription: { id: sub.id, apiClient: { name: '区应急管理局隐患系统' } } });
    // Audited, without the secret.
    const audit = await ok(admin(`query($id: UUID!) { auditLog(filter: { entityId: $id }) { edges { node { action changes } } } }`, { id: sub.id }), 'auditLog');
    expect(audit.edges.map((e: any) => e.node.action)).toEqual(['webhooks.subscription.create']);
    expect(JSON.stringify(audit.edges)).not.toContain(sub.secret.slice(6, 20));
  });

  it('delivers only what the client may read: its own scope, narrowed to the subscription\'s subtree', async () => {
    const village = await apiClient('双河村网格系统', 'village-officer', SHUANGHE);
    const district = await apiClient('区应急局双河村专线', 'integration-readonly', TOWN);
    const byScope = await subscribe(admin, { apiClientId: village, url: receiver.url('/village'), eventTypes: ['risk.hazard.reported'], description: '双河村自己的隐患' });
    const bySubtree = await subscribe(admin, { apiClientId: district, url: receiver.url('/subtree'), eventTypes: ['risk.hazard.reported'], withinSubtreeOf: SHUANGHE, description: '只要双河村的隐患' });
    const elsewhere = await reportHazard(wenfeng, WENFENG, '文凤村桥梁护栏缺失');
    const here = await reportHazard(shuanghe, SHUANGHE, '双河村仓库电线老化');
    await until(() => receiver.on('/village').length === 1 && receiver.on('/subtree').length === 1, WAIT_MS);
    for (const [path, sub] of [['/village', byScope], ['/subtree', bySubtree]] as const) {
      expect((JSON.parse(receiver.on(path)[0]!.body) as any).data.id).toBe(here);
      // The 文凤村 hazard was relayed before (the outbox in order) and left out: no delivery at all.
      const rows = await settled(sub.id, 1);
      expect(rows.map((r) => r.data.id)).toEqual([here]);
    }
    expect(await t.gateway.jobs.get(RELAY_JOB)!.runNow()).toMatchObject({ queued: 0 });
    expect(receiver.on('/village').map((r) => JSON.parse(r.body).data.id)).not.toContain(elsewhere);
  });

  it('retries a failing receiver with exponential backoff until it recovers, logging every attempt', async () => {
    const client = await apiClient('重试测试', 'integration-readonly', TOWN);
    receiver.answer('/flaky', 500, 502, 200);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/flaky'), eventTypes: ['risk.hazard.reported'], description: '先失败后恢复' });
    await reportHazard(wenfeng, WENFENG, '文凤村配电房积水');
    const [row] = await settled(sub.id, 1);
    expect(row!.status).toBe('DELIVERED');
    const attempts = receiver.on('/flaky');
    expect(attempts.map((a) => a.answered)).toEqual([500, 502, 200]);
    // The same message each time (webhook-id), the backoff growing: 1–2 s, then 2–4 s (WEBHOOK_RETRY_DELAY_S=1, with jitter).
    expect(new Set(attempts.map((a) => a.headers['webhook-id']))).toEqual(new Set([row!.id]));
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2000);
    const [logged] = await deliveries({ subscriptionId: sub.id });
    expect(logged.attempts.edges.map((e: any) => [e.node.attempt, e.node.statusCode, e.node.error])).toEqual([
      [1, 500, 'HTTP_STATUS'],
      [2, 502, 'HTTP_STATUS'],
      [3, 200, null],
    ]);
    expect(logged.attempts.edges[0].node.responseBody).toBe('refused with 500');
    expect(logged).toMatchObject({ status: 'DELIVERED', attemptCount: 3, lastStatusCode: 200, lastError: null });
  });

  it('retries a receiver that does not answer within WEBHOOK_TIMEOUT_MS', async () => {
    const client = await apiClient('超时测试', 'integration-readonly', TOWN);
    receiver.answer('/slow', 'hang', 204);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/slow'), eventTypes: ['risk.hazard.reported'], description: '先超时后恢复' });
    await reportHazard(wenfeng, WENFENG, '文凤村山体裂缝');
    await settled(sub.id, 1);
    const [logged] = await deliveries({ subscriptionId: sub.id });
    expect(logged.attempts.edges.map((e: any) => [e.node.attempt, e.node.statusCode, e.node.error])).toEqual([
      [1, null, 'TIMEOUT'],
      [2, 204, null],
    ]);
    expect(logged.attempts.edges[0].node.durationMs).toBeGreaterThanOrEqual(1000);
    expect(logged.status).toBe('DELIVERED');
  });

  it('marks a delivery DEAD after WEBHOOK_MAX_ATTEMPTS failures; redeliverWebhookDelivery sends it again, with the same webhook-id', async () => {
    const client = await apiClient('死信测试', 'integration-readonly', TOWN);
    receiver.answer('/down', 503);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/down'), eventTypes: ['risk.hazard.reported'], description: '一直失败' });
    await reportHazard(wenfeng, WENFENG, '文凤村消防通道堵塞');
    const [dead] = await settled(sub.id, 1);
    expect(dead!.status).toBe('DEAD');
    expect(receiver.on('/down').map((r) => r.answered)).toEqual([503, 503, 503]);
    const listed = await deliveries({ subscriptionId: sub.id, statuses: ['DEAD'] });
    expect(listed.map((d: any) => [d.status, d.attemptCount, d.lastStatusCode, d.lastError])).toEqual([['DEAD', 3, 503, 'HTTP_STATUS']]);

    receiver.answer('/down', 200);
    const again = await ok(admin(`mutation($id: UUID!) { redeliverWebhookDelivery(input: { id: $id }) { id status attemptCount } }`, { id: dead!.id }), 'redeliverWebhookDelivery');
    expect(again).toEqual({ id: dead!.id, status: 'PENDING', attemptCount: 3 });
    const [delivered] = await settled(sub.id, 1, ['DELIVERED']);
    expect(delivered).toMatchObject({ id: dead!.id, attempt_count: 4 });
    expect(receiver.on('/down').map((r) => [r.answered, r.headers['webhook-id']])).toEqual([
      [503, dead!.id],
      [503, dead!.id],
      [503, dead!.id],
      [200, dead!.id],
    ]);
    // A delivered one may be sent again too; one on its way (the receiver holds the attempt open) is refused.
    receiver.answer('/down', 'hang', 200);
    await ok(admin(`mutation($id: UUID!) { redeliverWebhookDelivery(input: { id: $id }) { id } }`, { id: dead!.id }), 'redeliverWebhookDelivery');
    const twice = await admin(`mutation($id: UUID!) { redeliverWebhookDelivery(input: { id: $id }) { id } }`, { id: dead!.id });
    expect(fieldsOf(twice)).toEqual([{ field: 'input.id', rule: 'state', message: expect.stringMatching(/the delivery is (PENDING|RETRYING), on its way already/) }]);
    await until(() => receiver.delivered('/down').length === 2, WAIT_MS);
    await settled(sub.id, 1, ['DELIVERED']);
    const audit = await ok(admin(`query($id: UUID!) { auditLog(filter: { entityId: $id }) { edges { node { action } } } }`, { id: dead!.id }), 'auditLog');
    expect(audit.edges.map((e: any) => e.node.action)).toEqual(['webhooks.delivery.redeliver', 'webhooks.delivery.redeliver']);
  });

  it('holds a paused subscription\'s queued deliveries and sends them on resume; events committed while paused are not delivered', async () => {
    const client = await apiClient('暂停测试', 'integration-readonly', TOWN);
    receiver.answer('/paused', 500, 200);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/paused'), eventTypes: ['risk.hazard.reported'], description: '暂停与恢复' });
    const first = await reportHazard(wenfeng, WENFENG, '文凤村水塘无护栏');
    await until(() => receiver.on('/paused').length === 1, WAIT_MS);
    const paused = await ok(admin(`mutation($input: ArchiveInput!) { pauseWebhookSubscription(input: $input) { status version } }`, { input: { id: sub.id, version: sub.version } }), 'pauseWebhookSubscription');
    expect(paused.status).toBe('PAUSED');
    // The retry finds the subscription paused: the delivery waits.
    await settled(sub.id, 1, ['HELD']);
    await reportHazard(wenfeng, WENFENG, '暂停期间上报的隐患');
    await t.gateway.jobs.get(RELAY_JOB)!.runNow();
    expect(await deliveryRows(sub.id)).toHaveLength(1);
    const again = await admin(`mutation($input: ArchiveInput!) { pauseWebhookSubscription(input: $input) { status } }`, { input: { id: sub.id, version: paused.version } });
    expect(fieldsOf(again)).toEqual([{ field: 'input.id', rule: 'state', message: 'the subscription is PAUSED; this needs it ACTIVE.' }]);

    const resumed = await ok(admin(`mutation($input: ArchiveInput!) { resumeWebhookSubscription(input: $input) { status } }`, { input: { id: sub.id, version: paused.version } }), 'resumeWebhookSubscription');
    expect(resumed.status).toBe('ACTIVE');
    const [held] = await settled(sub.id, 1, ['DELIVERED']);
    expect(held!.data.id).toBe(first);
    expect(receiver.on('/paused').map((r) => r.answered)).toEqual([500, 200]);
    const after = await reportHazard(wenfeng, WENFENG, '恢复后上报的隐患');
    const rows = await settled(sub.id, 2, ['DELIVERED']);
    expect(rows.map((r) => r.data.id)).toEqual([first, after]);
  });

  it('refuses a destination that is not https or is on a private network, an event type not offered, and stale versions', async () => {
    const client = await apiClient('校验测试', 'integration-readonly', TOWN);
    const create = (input: Record<string, unknown>) =>
      admin(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`, { input: { apiClientId: client, url: 'https://receiver.example.gov.cn/hooks', eventTypes: ['risk.hazard.reported'], description: '校验', ...input } });
    for (const url of ['http://receiver.example.gov.cn/hooks', 'https://10.0.0.5/hooks', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://localhost/x', 'https://user:pw@receiver.example.gov.cn/', 'ftp://receiver.example.gov.cn/', 'not a url']) {
      expect({ url, fields: fieldsOf(await create({ url })).map((f) => [f.field, f.rule]) }).toEqual({ url, fields: [['input.url', 'destination']] });
    }
    expect(fieldsOf(await create({ eventTypes: ['risk.hazard.reported', 'access.changed'] }))).toEqual([{ field: 'input.eventTypes.1', rule: 'exists', message: expect.stringContaining('access.changed') }]);
    expect(fieldsOf(await create({ eventTypes: ['risk.hazard.nothing'] })).map((f) => [f.field, f.rule])).toEqual([['input.eventTypes.0', 'exists']]);
    expect(fieldsOf(await create({ eventTypes: [] })).map((f) => f.rule)).toEqual(['arrayMinSize']);
    expect(errorOf(await create({ apiClientId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'ApiClient', field: 'input.apiClientId' });
    const created = await ok(create({}), 'createWebhookSubscription');
    expect(created.secret).toMatch(/^whsec_/);
    // The secret is never readable afterwards: the type has no such field.
    expect(errorOf(await admin(`{ webhookSubscriptions(first: 1) { edges { node { secret } } } }`))?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    const [sub] = (await ok(admin(`query($c: UUID!) { webhookSubscriptions(filter: { apiClientId: $c }) { edges { node { id version } } } }`, { c: client }), 'webhookSubscriptions')).edges.map((e: any) => e.node);
    const stale = await admin(`mutation($input: ArchiveInput!) { pauseWebhookSubscription(input: $input) { id } }`, { input: { id: sub.id, version: sub.version + 1 } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: sub.version });
    expect(await ok(admin(`mutation($input: ArchiveInput!) { deleteWebhookSubscription(input: $input) }`, { input: sub }), 'deleteWebhookSubscription')).toBe(true);
    expect(await ok(admin(`query($id: UUID!) { webhookSubscription(id: $id) { id } }`, { id: sub.id }), 'webhookSubscription')).toBeNull();
  });

  it('signs with a rotated secret from then on, and sends test messages', async () => {
    const client = await apiClient('密钥轮换测试', 'integration-readonly', TOWN);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/rotated'), eventTypes: ['risk.hazard.reported'], description: '密钥轮换' });
    const test = await ok(admin(`mutation($id: UUID!) { sendTestWebhook(input: { subscriptionId: $id }) { id eventType status } }`, { id: sub.id }), 'sendTestWebhook');
    expect(test).toEqual({ id: expect.any(String), eventType: 'webhook.test', status: 'PENDING' });
    await until(() => receiver.on('/rotated').length === 1, WAIT_MS);
    const first = receiver.on('/rotated')[0]!;
    expect(new Webhook(sub.secret).verify(first.body, first.headers)).toMatchObject({ type: 'webhook.test', data: { subscriptionId: sub.id, apiClientId: client } });
    const rotated = await ok(admin(`mutation($input: ArchiveInput!) { rotateWebhookSecret(input: $input) { secret subscription { version } } }`, { input: { id: sub.id, version: sub.version } }), 'rotateWebhookSecret');
    expect(rotated.secret).not.toBe(sub.secret);
    await ok(admin(`mutation($id: UUID!) { sendTestWebhook(input: { subscriptionId: $id }) { id } }`, { id: sub.id }), 'sendTestWebhook');
    await until(() => receiver.on('/rotated').length === 2, WAIT_MS);
    const second = receiver.on('/rotated')[1]!;
    expect(new Webhook(rotated.secret).verify(second.body, second.headers)).toMatchObject({ type: 'webhook.test' });
    expect(() => new Webhook(sub.secret).verify(second.body, second.headers)).toThrow();
    const audit = await ok(admin(`query($id: UUID!) { auditLog(filter: { entityId: $id }) { edges { node { action changes } } } }`, { id: sub.id }), 'auditLog');
    expect(audit.edges.map((e: any) => e.node.action)).toEqual(['webhooks.subscription.test', 'webhooks.subscription.rotate-secret', 'webhooks.subscription.test', 'webhooks.subscription.create']);
    expect(JSON.stringify(audit.edges)).not.toContain(rotated.secret.slice(6, 20));
  });

  it('lets an administrator manage only the subscriptions of API clients within its reach: out of reach answers like missing', async () => {
    // A webhook administrator for 文凤村 only.
    const role = (await ok(admin(`mutation { createRole(input: { code: "village-webhooks", nameZh: "村事件推送管理", description: "webhooks of one village" }) { id } }`), 'createRole')).id;
    for (const permission of ['webhooks.subscription:read', 'webhooks.subscription:write']) {
      await ok(admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role, permission, scope: 'ORG_SUBTREE' } }), 'grantPermission');
    }
    const userId = (await ok(admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: 'vhooks', password: 'Start12345', displayName: '村推送管理员', organizationId: WENFENG } }), 'createUser')).id;
    await ok(admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: userId, roleId: role, organizationId: WENFENG } }), 'assignRole');
    const vhooks = await t.as('vhooks', 'Start12345');

    // The town's integration client (reads every hazard) is out of reach: creating its subscription answers like a missing client.
    const townClient = await apiClient('区级平台', 'integration-readonly', TOWN);
    const escalate = await vhooks(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`, {
      input: { apiClientId: townClient, url: receiver.url('/escalated'), eventTypes: ['risk.hazard.reported'], description: '越权订阅' },
    });
    expect(errorOf(escalate)).toMatchObject({ code: 'NOT_FOUND', entity: 'ApiClient', id: townClient, field: 'input.apiClientId' });
    // So is a client of 文凤村 holding a role whose grants the administrator does not hold there.
    const officerClient = await apiClient('文凤村专干系统', 'village-officer', WENFENG);
    expect(errorOf(await vhooks(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`, { input: { apiClientId: officerClient, url: receiver.url('/escalated'), eventTypes: ['risk.hazard.reported'], description: '越权' } }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.apiClientId' });
    expect(await ok(admin(`{ webhookSubscriptions(first: 100, filter: { apiClientId: "${townClient}" }) { totalCount } }`), 'webhookSubscriptions')).toEqual({ totalCount: 0 });

    // A client of 文凤村 without roles is within reach; a subtree beyond it is not.
    const ownClient = await apiClient('文凤村自建系统', null, WENFENG);
    const beyond = await vhooks(`mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`, {
      input: { apiClientId: ownClient, url: receiver.url('/own'), eventTypes: ['risk.hazard.reported'], withinSubtreeOf: SHUANGHE, description: '越界子树' },
    });
    expect(errorOf(beyond)).toMatchObject({ code: 'NOT_FOUND', entity: 'Organization', field: 'input.withinSubtreeOf' });
    const own = await subscribe(vhooks, { apiClientId: ownClient, url: receiver.url('/own'), eventTypes: ['risk.hazard.reported'], withinSubtreeOf: WENFENG, description: '本村' });

    // The town client's subscription and delivery, made by the super admin: invisible and untouchable for the village administrator.
    const townSub = await subscribe(admin, { apiClientId: townClient, url: receiver.url('/town'), eventTypes: ['risk.hazard.reported'], description: '区级' });
    await reportHazard(wenfeng, WENFENG, '越权测试隐患');
    const [townDelivery] = await settled(townSub.id, 1);
    const listed = await ok(vhooks(`{ webhookSubscriptions(first: 100) { totalCount edges { node { id } } } }`), 'webhookSubscriptions');
    expect(listed).toEqual({ totalCount: 1, edges: [{ node: { id: own.id } }] });
    expect(await ok(vhooks(`query($id: UUID!) { webhookSubscription(id: $id) { id } }`, { id: townSub.id }), 'webhookSubscription')).toBeNull();
    expect((await ok(vhooks(`{ webhookDeliveries(first: 100) { edges { node { id } } } }`), 'webhookDeliveries')).edges.map((e: any) => e.node.id)).not.toContain(townDelivery!.id);
    for (const op of ['pauseWebhookSubscription', 'rotateWebhookSecret', 'deleteWebhookSubscription']) {
      const res = await vhooks(`mutation($input: ArchiveInput!) { ${op}(input: $input) { __typename } }`.replace(' { __typename }', op === 'deleteWebhookSubscription' ? '' : op === 'rotateWebhookSecret' ? ' { secret }' : ' { id }'), { input: { id: townSub.id, version: townSub.version } });
      expect({ op, error: errorOf(res) }).toEqual({ op, error: expect.objectContaining({ code: 'NOT_FOUND', entity: 'WebhookSubscription', id: townSub.id }) });
    }
    expect(errorOf(await vhooks(`mutation($id: UUID!) { redeliverWebhookDelivery(input: { id: $id }) { id } }`, { id: townDelivery!.id }))).toMatchObject({ code: 'NOT_FOUND', entity: 'WebhookDelivery' });
    expect(errorOf(await vhooks(`mutation($id: UUID!) { sendTestWebhook(input: { subscriptionId: $id }) { id } }`, { id: townSub.id }))).toMatchObject({ code: 'NOT_FOUND', entity: 'WebhookSubscription', field: 'input.subscriptionId' });
    // Untouched.
    expect(await ok(admin(`query($id: UUID!) { webhookSubscription(id: $id) { status version } }`, { id: townSub.id }), 'webhookSubscription')).toEqual({ status: 'ACTIVE', version: townSub.version });
  });

  it('keeps settled deliveries and their attempts WEBHOOK_LOG_RETENTION_DAYS (30), then prunes them; those under way stay', async () => {
    const client = await apiClient('保留期测试', 'integration-readonly', TOWN);
    receiver.answer('/retention', 200);
    const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/retention'), eventTypes: ['risk.hazard.reported'], description: '保留期' });
    await reportHazard(wenfeng, WENFENG, '保留期测试隐患一');
    await reportHazard(wenfeng, WENFENG, '保留期测试隐患二');
    const [old, recent] = await settled(sub.id, 2, ['DELIVERED']);
    const ds = t.gateway.database.dataSource;
    await ds.query(`UPDATE webhook_delivery SET created_at = now() - interval '31 days' WHERE id = $1`, [old!.id]);
    // One under way (RETRYING) as old: kept.
    await ds.query(`UPDATE webhook_delivery SET created_at = now() - interval '31 days', status = 'RETRYING' WHERE id = $1`, [recent!.id]);
    expect(await t.gateway.jobs.get(PRUNE_JOB)!.runNow()).toBe(1);
    expect((await deliveryRows(sub.id)).map((r) => r.id)).toEqual([recent!.id]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM webhook_attempt WHERE delivery_id = $1`, [old!.id])).toEqual([{ n: 0 }]);
  });

  it('delivers each event exactly once per subscription with two gateways on one database', async () => {
    const second = await startTestGateway(MODULES, { database: t.database, env: FAST_WEBHOOKS });
    try {
      const client = await apiClient('双网关测试', 'integration-readonly', TOWN);
      const sub = await subscribe(admin, { apiClientId: client, url: receiver.url('/replicas'), eventTypes: ['risk.hazard.reported', 'risk.hazard.close'], description: '两个网关' });
      const wenfengOnSecond = await second.as('wenfeng');
      const reported = await Promise.all(Array.from({ length: 12 }, (_, i) => reportHazard(i % 2 ? wenfeng : wenfengOnSecond, WENFENG, `双网关隐患${i + 1}号`)));
      const rows = await settled(sub.id, 12, ['DELIVERED']);
      expect(rows.map((r) => r.data.id).sort()).toEqual([...reported].sort());
      const ids = receiver.on('/replicas').map((r) => r.headers['webhook-id']);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect(new Set(receiver.on('/replicas').map((r) => JSON.parse(r.body).data.id))).toEqual(new Set(reported));

      // A backlog both relays take at once (as after an outage): 240 events (of a type only this subscription takes), each relayed by one of them only.
      await t.gateway.database.dataSource.query(
        `INSERT INTO event_outbox (type, payload, occurred_at, request_id, actor_kind)
         SELECT 'risk.hazard.close', jsonb_build_object('id', h, 'organizationId', $2::text, 'status', 'CLOSED'), now(), 'backlog', 'system'
           FROM unnest($1::uuid[]) AS h, generate_series(1, 20)`,
        [reported, WENFENG],
      );
      const runs = (await Promise.all([t.gateway.jobs.get(RELAY_JOB)!.runNow(), second.gateway.jobs.get(RELAY_JOB)!.runNow()])) as Array<{ dispatched: number; queued: number }>;
      // Between them (and the relays their polls ran meanwhile), never more than the backlog.
      expect(runs[0]!.queued + runs[1]!.queued).toBeLessThanOrEqual(240);
      await settled(sub.id, 12 + 240, ['DELIVERED']);
      const all = receiver.on('/replicas').map((r) => r.headers['webhook-id']);
      expect(all).toHaveLength(252);
      expect(new Set(all).size).toBe(252);
    } finally {
      await second.close();
    }
  });
});
