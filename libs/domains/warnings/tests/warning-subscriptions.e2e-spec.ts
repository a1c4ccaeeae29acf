import { pause, startTestGateway, subscribe, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const HOUR = 3_600_000;

describe('warning subscriptions (预警推送, 叫应推送)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
  });
  afterAll(() => t?.close());

  const subscribeAs = async (username: string, query: string, variables?: Record<string, unknown>) => subscribe(t, await t.token(username), query, variables);
  const issue = async (targets: string[], eventName: string) => {
    const office = await t.as('anban');
    const res = await office(`mutation($input: IssueWarningInput!) { issueWarning(input: $input) { id } }`, {
      input: {
        hazardType: 'RAINSTORM', eventName, level: 'YELLOW', description: '预计有强降雨。', instruction: '加强值守。', source: '南川区气象局',
        effectiveAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 24 * HOUR).toISOString(), targetOrganizationIds: targets,
      },
    });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['issueWarning'].id as string;
  };
  const settle = () => pause(200);

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('tells a village officer about warnings targeting their village only', async () => {
    const village = await subscribeAs('wenfeng', `subscription { warningIssued { action level organizationIds warning { eventName headline } } }`);
    await settle();
    await issue([SHUANGHE], '大风');
    const own = await issue([WENFENG, SHUANGHE], '暴雨');
    await village.until(1);
    expect(village.items).toEqual([{ action: 'ISSUED', level: 'YELLOW', organizationIds: [WENFENG], warning: { eventName: '暴雨', headline: '南平镇人民政府发布暴雨黄色预警' } }]);
    await village.stop();

    // The town office, subscribed within 双河村's subtree, hears of both; the cancellation too.
    const town = await subscribeAs('anban', `subscription($root: UUID) { warningIssued(withinSubtreeOf: $root) { action warningId organizationIds } }`, { root: SHUANGHE });
    await settle();
    const anban = await t.as('anban');
    const cancelled = await anban(`mutation($input: CancelWarningInput!) { cancelWarning(input: $input) { id } }`, { input: { id: own, version: 1, reason: '降雨减弱' } });
    await town.until(1);
    expect(town.items).toEqual([{ action: 'CANCELLED', warningId: cancelled.body.data!['cancelWarning'].id, organizationIds: [SHUANGHE] }]);
    await town.stop();
  });

  it('tells the issuer when a village acknowledges, for the warning asked about', async () => {
    const warningId = await issue([WENFENG], '山洪');
    const other = await issue([WENFENG], '雷电');
    const acks = await subscribeAs('anban', `subscription($id: UUID) { deliveryAcknowledged(warningId: $id) { warningId organizationId delivery { status ackChannel acknowledgedBy { id } } } }`, { id: warningId });
    await settle();
    const wenfeng = await t.as('wenfeng');
    const deliveryOf = async (id: string) =>
      (await wenfeng(`query($id: UUID!) { warning(id: $id) { deliveries { edges { node { id } } } } }`, { id })).body.data!['warning'].deliveries.edges[0].node.id as string;
    const ack = `mutation($input: AcknowledgeWarningDeliveryInput!) { acknowledgeWarningDelivery(input: $input) { id } }`;
    expect((await wenfeng(ack, { input: { id: await deliveryOf(other), channel: 'APP' } })).body.errors).toBeUndefined();
    expect((await wenfeng(ack, { input: { id: await deliveryOf(warningId), channel: 'PHONE' } })).body.errors).toBeUndefined();
    await acks.until(1);
    expect(acks.items).toEqual([{ warningId, organizationId: WENFENG, delivery: { status: 'ACKNOWLEDGED', ackChannel: 'PHONE', acknowledgedBy: { id: WENFENG_EMERGENCY } } }]);
    await acks.stop();
  });

  it('refuses a subscriber without rescue.warning:read', async () => {
    const refused = await subscribeAs('sinopec-nanping', `subscription { warningIssued { warningId } }`);
    await refused.until(1);
    expect(refused.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', permission: 'rescue.warning:read' }) })]);
    await refused.stop();
  });
});
