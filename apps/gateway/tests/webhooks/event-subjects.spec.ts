import { selectModules } from '@platform/server';
import { WebhookEventCatalog } from '@platform/webhooks';
import { AVAILABLE_MODULES } from '../../src/available-modules';

/** Which events of all the modules webhooks carry: those whose catalog names the record they are about. */
describe('event subjects of every module', () => {
  const modules = selectModules(AVAILABLE_MODULES, 'all');
  const catalog = new WebhookEventCatalog(modules);

  it('offers every declared event but the three that are about no record', () => {
    // scenarios.observation.ingest is about a batch of several datastreams (the alarms' signal), not one record.
    expect(catalog.withoutSubject).toEqual(['access.changed', 'rescue.warning.escalationPolicyUpdated', 'scenarios.observation.ingest']);
    const declared = modules.flatMap((m) => (m.events ?? []).flatMap((c) => Object.keys(c)));
    expect(catalog.list()).toHaveLength(declared.length - 3);
    // Every module with events lists its catalog.
    expect(modules.filter((m) => m.name !== 'kernel' && !m.events?.length).map((m) => m.name)).toEqual([]);
  });

  it('names subjects that node(nodeId:) reaches, so a message\'s subject.nodeId resolves', () => {
    const reachable = new Set(modules.flatMap((m) => m.scopedEntities ?? []));
    expect(catalog.list().filter((t) => !reachable.has(t.subject.entity)).map((t) => `${t.name} → ${t.subject.entity.typeName}`)).toEqual([]);
  });

  it('names the parent of a record that is deleted', () => {
    expect(Object.fromEntries(['rescue.command-position.removed', 'rescue.team.equipmentRemoved', 'rescue.supply-minimum.set', 'webhooks.subscription.deleted'].map((n) => [n, catalog.offered(n)?.subject.entity.typeName]))).toEqual({
      'rescue.command-position.removed': 'CommandBody',
      'rescue.team.equipmentRemoved': 'RescueTeam',
      'rescue.supply-minimum.set': 'SupplyDepot',
      'webhooks.subscription.deleted': 'ApiClient',
    });
  });
});
