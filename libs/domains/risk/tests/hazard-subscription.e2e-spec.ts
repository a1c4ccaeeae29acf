import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO_PASSWORD, startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';

describe('hazardChanged subscription', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
  });
  afterAll(() => t?.close());

  it('tells an enterprise about its own hazards only', async () => {
    const login = await t.gql(`mutation { login(input: { username: "sinopec-nanping", password: "${DEMO_PASSWORD}" }) { accessToken } }`);
    const client = createClient({ url: `${t.origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${login.body.data!['login'].accessToken}` }, retryAttempts: 0 });
    try {
      const events = client.iterate({ query: `subscription { hazardChanged { action status hazard { title } } }` });
      const first = events.next();
      await new Promise((r) => setTimeout(r, 200));
      const office = await t.as('anban');
      const report = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`;
      await office(report, { input: { organizationId: seedId('org:ent-sinopec-longmen'), title: '别家的隐患', category: 'FIRE', source: 'INSPECTION' } });
      await office(report, { input: { organizationId: seedId('org:ent-sinopec-nanping'), title: '自家的隐患', category: 'FIRE', source: 'INSPECTION' } });
      expect((await first).value).toEqual({ data: { hazardChanged: { action: 'report', status: 'REPORTED', hazard: { title: '自家的隐患' } } } });
      await events.return?.();
    } finally {
      await client.dispose();
    }
  });
});
