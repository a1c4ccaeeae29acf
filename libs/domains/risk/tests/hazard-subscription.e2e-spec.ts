import { pause, startTestGateway, subscribe, type TestGateway } from '@platform/testing';
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
    const hazards = subscribe(t, await t.token('sinopec-nanping'), `subscription { hazardChanged { action status hazard { title } } }`);
    await pause(200);
    const office = await t.as('anban');
    const report = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`;
    await office(report, { input: { organizationId: seedId('org:ent-sinopec-longmen'), title: '别家的隐患', category: 'FIRE', source: 'INSPECTION' } });
    await office(report, { input: { organizationId: seedId('org:ent-sinopec-nanping'), title: '自家的隐患', category: 'FIRE', source: 'INSPECTION' } });
    await hazards.until(1);
    expect(hazards.items).toEqual([{ action: 'REPORT', status: 'REPORTED', hazard: { title: '自家的隐患' } }]);
    expect(hazards.errors).toEqual([]);
    await hazards.stop();
  });
});
