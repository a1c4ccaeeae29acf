import { randomBytes } from 'node:crypto';
import { createTestDatabase, pause, startTestGateway, subscribe, type TestDatabase, type TestGateway } from '@platform/testing';
import { RedisEventBus, selectModules } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];
const WENFENG = seedId('org:village-wenfeng');
const HOUR = 3_600_000;
const ISSUED = `subscription { warningIssued { action warningId organizationIds warning { eventName level } } }`;

type Issued = { action: string; warningId: string; organizationIds: string[]; warning: { eventName: string; level: string } | null };
type Acked = { warningId: string; organizationId: string };

/**
 * Warnings are the most time-critical events: a village officer connected to one gateway replica
 * must hear of a warning issued through another, and the issuer of an acknowledgement made
 * elsewhere. With REDIS_URL the gateways share events through Redis pub/sub.
 */
describe('warnings across gateway processes (Redis)', () => {
  let database: TestDatabase;
  let signIn: TestGateway;
  let a: TestGateway;
  let b: TestGateway;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    database = await createTestDatabase(selectModules(MODULES, 'all'), { seed: true });
    // Sign-ins through a gateway without Redis: with REDIS_URL the sign-in limit is counted in Redis for every run on the machine.
    signIn = await startTestGateway(MODULES, { database });
    for (const username of ['anban', 'wenfeng', 'shuanghe']) tokens.set(username, await signIn.token(username));
    const env = { REDIS_URL, EVENTS_CHANNEL: `town-safety:test:warnings:${randomBytes(4).toString('hex')}`, WARNING_ESCALATION_INTERVAL_MS: '3600000' };
    a = await startTestGateway(MODULES, { database, env });
    b = await startTestGateway(MODULES, { database, env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await signIn?.close();
    await database?.drop();
  });

  const call = (t: TestGateway, username: string, query: string, variables?: Record<string, unknown>) => t.gql(query, variables, { authorization: `Bearer ${tokens.get(username)}` });

  it('runs both gateways on the Redis bus', () => {
    expect(a.gateway.events).toBeInstanceOf(RedisEventBus);
    expect(b.gateway.events).toBeInstanceOf(RedisEventBus);
  });

  it("brings a warning issued through B to A's village subscriber once, to nobody out of scope, and B's acknowledgement back to the issuer on A", async () => {
    const wenfengOnA = subscribe<Issued>(a, tokens.get('wenfeng')!, ISSUED);
    const shuangheOnA = subscribe<Issued>(a, tokens.get('shuanghe')!, ISSUED);
    await pause(300);

    const issued = await call(b, 'anban', `mutation($input: IssueWarningInput!) { issueWarning(input: $input) { id } }`, {
      input: {
        hazardType: 'RAINSTORM', eventName: '暴雨', level: 'ORANGE', description: '预计未来6小时文凤村将出现50毫米以上降雨。', instruction: '转移低洼地带群众。',
        source: '南川区气象局', effectiveAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 12 * HOUR).toISOString(), targetOrganizationIds: [WENFENG],
      },
    });
    expect(issued.body.errors).toBeUndefined();
    const warningId = issued.body.data!['issueWarning'].id as string;

    await wenfengOnA.until(1);
    await pause(500); // room for a duplicate or a stray delivery to show up
    expect(wenfengOnA.items).toEqual([{ action: 'ISSUED', warningId, organizationIds: [WENFENG], warning: { eventName: '暴雨', level: 'ORANGE' } }]);
    expect(shuangheOnA.items).toEqual([]);
    expect([...wenfengOnA.errors, ...shuangheOnA.errors]).toEqual([]);

    // The issuer watches acknowledgements on A; the village officer acknowledges through B.
    const ackOnA = subscribe<Acked>(a, tokens.get('anban')!, `subscription($id: UUID!) { deliveryAcknowledged(warningId: $id) { warningId organizationId } }`, { id: warningId });
    await pause(300);
    const delivery = await call(b, 'wenfeng', `query($id: UUID!) { warning(id: $id) { deliveries { edges { node { id } } } } }`, { id: warningId });
    const deliveryId = delivery.body.data!['warning'].deliveries.edges[0].node.id as string;
    const acked = await call(b, 'wenfeng', `mutation($input: AcknowledgeWarningDeliveryInput!) { acknowledgeWarningDelivery(input: $input) { status } }`, { input: { id: deliveryId, channel: 'APP' } });
    expect(acked.body.data!['acknowledgeWarningDelivery']).toEqual({ status: 'ACKNOWLEDGED' });
    await ackOnA.until(1);
    await pause(300);
    expect(ackOnA.items).toEqual([{ warningId, organizationId: WENFENG }]);
    await Promise.all([wenfengOnA.stop(), shuangheOnA.stop(), ackOnA.stop()]);
  });
});
