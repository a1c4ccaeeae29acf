import { seedId } from '@platform/directory';
import { ok, startTestGateway, subscribe, until, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * Issue 16, "ids and records side by side": the records behind reference ids (`responsiblePerson`,
 * `monitorPerson`, `incident`, `actor`, an audit entry's `entity`…) resolve to the record the id names,
 * within the reader's scope (out of scope answers null, like a missing one), through DataLoaders: a
 * page of 100 rows with the relation selected runs one statement more, not one per row.
 */

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_LEAD = seedId('person:person-village-wenfeng-lead');
const SHUANGHE_LEAD = seedId('person:person-village-shuanghe-lead');
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

const REPORT = `mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id version } }`;
const CONFIRM = `mutation($input: ConfirmHazardInput!) { confirmHazard(input: $input) { id version } }`;
/** A hazard's steps with who took each, as a union member. */
const HISTORY = `query($id: UUID!) { hazard(id: $id) { history(first: 20) { edges { node {
  action actorKind actorId actor { __typename ... on User { id username } ... on ApiClient { id name } } hazard { id } } } } } }`;
/** The audit entries of one record, oldest first, with the actor and the record as they are now. */
const AUDIT = `query($id: UUID!) { auditLog(first: 20, filter: { entityType: "Hazard", entityId: $id }) { edges { node {
  action actorKind actorId actor { __typename ... on User { id username } } entity { __typename nodeId ... on Hazard { id title } } } } } }`;

describe('related records next to their ids (issue 16)', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let anban: GraphQLClient;
  let wenfeng: GraphQLClient;
  let zhifa: GraphQLClient;
  let anbanId: string;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    // No sweep may run a statement while a request's statements are counted.
    await t.gateway.jobs.stop();
    [admin, anban, wenfeng, zhifa] = await Promise.all([t.as('admin'), t.as('anban'), t.as('wenfeng'), t.as('zhifa')]);
    anbanId = (await ok(anban(`{ viewer { id } }`), 'viewer')).id;
  });
  afterAll(() => t?.close());

  const nodes = (connection: { edges: Array<{ node: any }> }): any[] => connection.edges.map((e) => e.node);

  /**
   * Every `xId` (or `xPersonId`, `xIds`) of the answer next to its record `x` (`xs`): the record's id
   * is the id, and the record is null exactly where the id is. Counts the records found per relation
   * name in `found`; returns how many pairs were compared.
   */
  function expectRecordsMatchIds(value: unknown, found: Map<string, number>, path = 'data'): number {
    if (Array.isArray(value)) return value.reduce((n: number, v, i) => n + expectRecordsMatchIds(v, found, `${path}.${i}`), 0);
    if (!value || typeof value !== 'object') return 0;
    const o = value as Record<string, unknown>;
    let compared = 0;
    for (const [key, id] of Object.entries(o)) {
      const match = /^(.+?)(Person)?(Id|Ids)$/.exec(key);
      if (!match || key === 'nodeId') continue;
      const relation = [match[1]! + (match[2] ?? ''), match[1]!].map((n) => (match[3] === 'Ids' ? `${n}s` : n)).find((n) => n in o);
      if (!relation) continue;
      const record = o[relation] as { id?: string } | Array<{ id: string }> | null;
      const actual = Array.isArray(record) ? record.map((r) => r.id) : (record?.id ?? null);
      expect([`${path}.${relation}`, actual]).toEqual([`${path}.${relation}`, id]);
      if (id) found.set(relation, (found.get(relation) ?? 0) + 1);
      compared++;
    }
    return compared + Object.entries(o).reduce((n: number, [key, v]) => n + expectRecordsMatchIds(v, found, `${path}.${key}`), 0);
  }

  it('answers every other relation with the record its id names, for the super admin', async () => {
    const user = '... on User { id } ... on ApiClient { id }';
    const queries = [
      `{ campaigns(first: 5) { edges { node { targets(first: 5) { edges { node { campaignId campaign { id } organizationId organization { id } } } } } } } }`,
      `{ hazards(first: 20) { edges { node { id accountabilityReviews { hazardId hazard { id } } history(first: 5) { edges { node { hazardId hazard { id } actorId actor { ${user} } } } } } } } }`,
      `{ commandBodies(first: 5) { edges { node { positions(first: 10) { edges { node { bodyId body { id } holderPersonId holder { id } deputyPersonId deputy { id } } } } } } } }`,
      `{ rescueTeams(first: 5) { edges { node { members(first: 5) { edges { node { teamId team { id } } } } equipment(first: 5) { edges { node { teamId team { id } } } } } } } }`,
      `{ drills(first: 10) { edges { node { problems(first: 5) { edges { node { drillId drill { id } ownerPersonId owner { id } } } } } } } }`,
      `{ warnings(first: 10) { edges { node { issuerOrganizationId issuerOrganization { id } sentByUserId sentByUser { id } } } } }`,
      `{ warningDeliveries(first: 20) { edges { node { acknowledgedByUserId acknowledgedByUser { id } acknowledgedByPersonId acknowledgedBy { id }
          escalations { deliveryId delivery { id } warningId warning { id } }
          responseActions { deliveryId delivery { id } organizationId organization { id } templateId template { id } completedByPersonId completedBy { id }
            householdsToEvacuate { vulnerable { householdId household { id } groupId group { id } leaderPersonId leader { id } } } } } } } }`,
      `{ incidents(first: 5) { edges { node { warnings(first: 5) { edges { node { warningId warning { id } } } } reports(first: 5) { edges { node { incidentId incident { id } reportedByUserId reportedByUser { id } } } } } } } }`,
      `{ reliefCases(first: 10) { edges { node { incidentId incident { id } steps(first: 10) { edges { node { caseId case { id } actorId actor { ${user} } actorPersonId actorPerson { id } } } }
          payments(first: 5) { edges { node { organizationId organization { id } recordedById recordedBy { ${user} } } } } } } } }`,
      `{ supplyMovements(first: 20) { edges { node { recordedByUserId recordedByUser { id } } } } }`,
      `{ organizations(first: 20, filter: { kinds: [ENTERPRISE] }) { edges { node { enterprise { organizationId organization { id } } } } } }`,
      `{ apiClients(first: 5) { edges { node { organizationId organization { id } } } } users(first: 20) { edges { node { organizationId organization { id } personId person { id } } } }
          viewer { permissions(first: 5) { edges { node { organizationId organization { id } } } } } }`,
    ];
    let compared = 0;
    const found = new Map<string, number>();
    for (const query of queries) {
      const res = await admin(query);
      expect([query, res.body.errors]).toEqual([query, undefined]);
      compared += expectRecordsMatchIds(res.body.data, found);
    }
    expect(compared).toBeGreaterThan(200);
    // Not vacuous: the demo town has records behind these relations (the user-written ones are covered above).
    const seeded = ['hazard', 'body', 'team', 'issuerOrganization', 'acknowledgedByUser', 'delivery', 'template', 'organization', 'incident', 'case', 'person'];
    expect(seeded.filter((name) => !found.get(name))).toEqual([]);
  });

  it('answers Hazard.responsiblePerson with the person of responsiblePersonId, masked, in one statement for a page of 100', async () => {
    const list = (relation: string) => `{ hazards(first: 100) { edges { node { id responsiblePersonId ${relation} } } } }`;
    const plain = await zhifa(list(''));
    const related = await zhifa(list('responsiblePerson { id name phone }'));
    expect(related.body.errors).toBeUndefined();
    const hazards = nodes(related.body.data!['hazards']);
    expect(hazards.length).toBeGreaterThanOrEqual(50);
    const named = hazards.filter((h) => h.responsiblePersonId);
    expect(named.length).toBeGreaterThan(0);
    expect(hazards.map((h) => h.responsiblePerson?.id ?? null)).toEqual(hazards.map((h) => h.responsiblePersonId));
    // An inspector may read every person, masked (no directory.person:read-sensitive).
    for (const h of named) expect(h.responsiblePerson.phone).toMatch(MASKED_PHONE);
    // Compiled (the read compiler): the page with its persons is one statement (a declared reference);
    // through the resolvers, the persons of all 100 rows in one statement more.
    expect([plain.statements, related.statements]).toEqual([1, 1]);
    const resolvers = await t.resolvers('zhifa');
    expect((await resolvers(list('responsiblePerson { id name phone }'))).statements).toBe((await resolvers(list(''))).statements + 1);
  });

  it('answers ReliefCase.incident with the incident of incidentId, in one statement for the page', async () => {
    const list = (relation: string) => `{ reliefCases(first: 100) { edges { node { id incidentId ${relation} } } } }`;
    const plain = await anban(list(''));
    const related = await anban(list('incident { id title }'));
    expect(related.body.errors).toBeUndefined();
    const cases = nodes(related.body.data!['reliefCases']);
    expect(cases.filter((c) => c.incidentId).length).toBeGreaterThan(0);
    expect(cases.map((c) => c.incident?.id ?? null)).toEqual(cases.map((c) => c.incidentId));
    // Compiled (the read compiler): the page with its incidents is one statement; through the resolvers, the page plus one.
    expect([plain.statements, related.statements]).toEqual([1, 1]);
    const resolvers = await t.resolvers('anban');
    expect((await resolvers(list('incident { id title }'))).statements).toBe((await resolvers(list(''))).statements + 1);
  });

  it('answers RiskPoint.monitorPerson and ControlMeasure.owner within the reader\'s person scope, null beyond it', async () => {
    const create = (name: string, monitorPersonId: string) =>
      ok(
        anban(`mutation($input: CreateRiskPointInput!) { createRiskPoint(input: $input) { id } }`, {
          input: { organizationId: WENFENG, name, category: 'GEOLOGICAL', level: 'YELLOW', monitorPersonId, measures: [{ kind: 'PERSONNEL', description: '汛期每日巡查', ownerPersonId: monitorPersonId }] },
        }),
        'createRiskPoint',
      );
    const own = (await create('文凤村4组滑坡隐患点', WENFENG_LEAD)).id;
    // A monitor from the neighbouring village: 文凤村's officer reads the point but not that person.
    const neighbour = (await create('文凤村与双河村交界崩塌点', SHUANGHE_LEAD)).id;
    const read = (client: GraphQLClient, id: string) => ok(client(`query($id: UUID!) { riskPoint(id: $id) { monitorPersonId monitorPerson { id name } measures { ownerPersonId owner { id } } } }`, { id }), 'riskPoint');
    expect(await read(wenfeng, own)).toEqual({
      monitorPersonId: WENFENG_LEAD,
      monitorPerson: { id: WENFENG_LEAD, name: expect.any(String) },
      measures: [{ ownerPersonId: WENFENG_LEAD, owner: { id: WENFENG_LEAD } }],
    });
    expect(await read(wenfeng, neighbour)).toEqual({ monitorPersonId: SHUANGHE_LEAD, monitorPerson: null, measures: [{ ownerPersonId: SHUANGHE_LEAD, owner: null }] });
    expect((await read(anban, neighbour)).monitorPerson).toEqual({ id: SHUANGHE_LEAD, name: expect.any(String) });
  });

  describe('actors and audited records, for a reader scoped to 文凤村', () => {
    let reporterId: string;
    let auditor: GraphQLClient;
    let wenfengHazard: string;
    let shuangheHazard: string;
    beforeAll(async () => {
      const role = async (code: string, grants: Record<string, string>) => {
        const id = (await ok(admin(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`, { input: { code, nameZh: code, description: code } }), 'createRole')).id;
        for (const [permission, scope] of Object.entries(grants)) {
          await ok(admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: id, permission, scope } }), 'grantPermission');
        }
        return id as string;
      };
      const account = async (username: string, roleId: string) => {
        const id = (await ok(admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username, password: 'Start12345', displayName: username, organizationId: WENFENG } }), 'createUser')).id;
        await ok(admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: id, roleId, organizationId: WENFENG } }), 'assignRole');
        return id as string;
      };
      const reporting = { 'risk.hazard:report': 'ORG_SUBTREE', 'risk.hazard:read': 'ORG_SUBTREE' };
      reporterId = await account('wf-reporter', await role('wf-reporter', reporting));
      // Reads accounts within its reach (the reporter's, not the town office's) and the audit log.
      await account('wf-auditor', await role('wf-auditor', { ...reporting, 'access.user:read': 'ORG_SUBTREE', 'kernel.audit:read': 'ORG_SUBTREE' }));
      auditor = await t.as('wf-auditor', 'Start12345');
      const reporter = await t.as('wf-reporter', 'Start12345');
      const reported = await ok(reporter(REPORT, { input: { organizationId: WENFENG, title: '村道边坡落石', category: 'GEOLOGICAL', source: 'GRID_PATROL' } }), 'reportHazard');
      wenfengHazard = reported.id;
      await ok(anban(CONFIRM, { input: { id: wenfengHazard, version: reported.version, grade: 'GENERAL' } }), 'confirmHazard');
      shuangheHazard = (await ok(anban(REPORT, { input: { organizationId: SHUANGHE, title: '双河村配电箱未接地', category: 'FIRE', source: 'INSPECTION' } }), 'reportHazard')).id;
    });

    it('answers HazardEvent.actor with the user who took the step, within the reader\'s administering reach', async () => {
      const steps = async (client: GraphQLClient) => nodes((await ok(client(HISTORY, { id: wenfengHazard }), 'hazard')).history);
      const byTown = await steps(anban);
      expect(byTown.map((s) => [s.action, s.actorKind, s.actorId, s.actor, s.hazard.id])).toEqual([
        ['REPORT', 'USER', reporterId, { __typename: 'User', id: reporterId, username: 'wf-reporter' }, wenfengHazard],
        ['CONFIRM', 'USER', anbanId, { __typename: 'User', id: anbanId, username: 'anban' }, wenfengHazard],
      ]);
      // The auditor of 文凤村 reaches the reporter's account, not the town office's.
      expect((await steps(auditor)).map((s) => s.actor)).toEqual([{ __typename: 'User', id: reporterId, username: 'wf-reporter' }, null]);
      // The village officer reads the hazard and its steps but no accounts at all (no access.user:read).
      expect((await steps(wenfeng)).map((s) => [s.actorId, s.actor])).toEqual([
        [reporterId, null],
        [anbanId, null],
      ]);
    });

    it('answers AuditEntry.actor and AuditEntry.entity within the reader\'s reach and scope', async () => {
      const entries = async (client: GraphQLClient, id: string) => nodes(await ok(client(AUDIT, { id }), 'auditLog'));
      const hazard = { __typename: 'Hazard', nodeId: expect.any(String), id: wenfengHazard, title: '村道边坡落石' };
      // Newest first: the confirmation by the town office, then the report.
      expect((await entries(anban, wenfengHazard)).map((e) => [e.action, e.actorId, e.actor, e.entity])).toEqual([
        ['risk.hazard.confirm', anbanId, { __typename: 'User', id: anbanId, username: 'anban' }, hazard],
        ['risk.hazard.report', reporterId, { __typename: 'User', id: reporterId, username: 'wf-reporter' }, hazard],
      ]);
      expect((await entries(auditor, wenfengHazard)).map((e) => [e.action, e.actor, e.entity])).toEqual([
        ['risk.hazard.confirm', null, hazard],
        ['risk.hazard.report', { __typename: 'User', id: reporterId, username: 'wf-reporter' }, hazard],
      ]);
      // 双河村's hazard is beyond the auditor's hazard scope and its reporter beyond its reach: both null, like missing ones.
      const other = await entries(auditor, shuangheHazard);
      expect(other.map((e) => [e.action, e.actorId, e.actor, e.entity])).toEqual([['risk.hazard.report', anbanId, null, null]]);
      expect((await entries(anban, shuangheHazard))[0].entity).toMatchObject({ __typename: 'Hazard', id: shuangheHazard });
    });

    it('loads the actors of a page of audit entries in one statement', async () => {
      const list = (relation: string) => `{ auditLog(first: 100) { edges { node { id actorKind actorId ${relation} } } } }`;
      // The super admin reaches every account.
      const plain = await admin(list(''));
      const related = await admin(list('actor { ... on User { id } }'));
      expect(related.body.errors).toBeUndefined();
      const entries = nodes(related.body.data!['auditLog']);
      const byUsers = entries.filter((e) => e.actorKind === 'USER');
      expect(byUsers.length).toBeGreaterThan(5);
      expect(byUsers.map((e) => e.actor?.id)).toEqual(byUsers.map((e) => e.actorId));
      // The system's entries (seeds) name no actor.
      expect(entries.filter((e) => e.actorKind === 'SYSTEM').map((e) => e.actor)).toEqual(entries.filter((e) => e.actorKind === 'SYSTEM').map(() => null));
      expect(related.statements).toBe(plain.statements + 1);
    });
  });

  it('answers the records of subscription events and the accounts that sent and acknowledged a warning', async () => {
    // Subscribed once the gateway's streams are on the event bus (no pause): the spy sees them attach.
    const attached = jest.spyOn(t.gateway.events, 'subscribe');
    const token = await t.token('anban');
    const notices = subscribe(t, token, `subscription { warningIssued { warningId organizationIds organizations { id } } }`);
    const acks = subscribe(t, token, `subscription { deliveryAcknowledged { warningId warning { id } organizationId organization { id } } }`);
    try {
      await until(() => ['rescue.warning.issued', 'rescue.warning.acknowledged'].every((type) => attached.mock.calls.some(([name]) => name === type)));
      attached.mockRestore();
      const hour = 3_600_000;
      const issued = await ok(
        anban(`mutation($input: IssueWarningInput!) { issueWarning(input: $input) { id } }`, {
          input: {
            hazardType: 'RAINSTORM', eventName: '暴雨', level: 'YELLOW', description: '预计有强降雨。', instruction: '加强值守。', source: '南川区气象局',
            effectiveAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 24 * hour).toISOString(), targetOrganizationIds: [WENFENG],
          },
        }),
        'issueWarning',
      );
      await notices.until(1);
      expect(notices.items).toEqual([{ warningId: issued.id, organizationIds: [WENFENG], organizations: [{ id: WENFENG }] }]);
      const deliveryId = nodes((await ok(wenfeng(`query($id: UUID!) { warning(id: $id) { deliveries { edges { node { id } } } } }`, { id: issued.id }), 'warning')).deliveries)[0].id;
      await ok(wenfeng(`mutation($input: AcknowledgeWarningDeliveryInput!) { acknowledgeWarningDelivery(input: $input) { id } }`, { input: { id: deliveryId, channel: 'APP' } }), 'acknowledgeWarningDelivery');
      await acks.until(1);
      expect(acks.items).toEqual([{ warningId: issued.id, warning: { id: issued.id }, organizationId: WENFENG, organization: { id: WENFENG } }]);
      const wenfengId = (await ok(wenfeng(`{ viewer { id } }`), 'viewer')).id;
      const warning = await ok(anban(`query($id: UUID!) { warning(id: $id) { sentByUser { id username } deliveries { edges { node { acknowledgedByUser { id username } } } } } }`, { id: issued.id }), 'warning');
      expect([warning.sentByUser, nodes(warning.deliveries)]).toEqual([{ id: anbanId, username: 'anban' }, [{ acknowledgedByUser: { id: wenfengId, username: 'wenfeng' } }]]);
    } finally {
      attached.mockRestore();
      await Promise.all([notices.stop(), acks.stop()]);
    }
  });

  it('answers an account\'s home organization and its role assignments\' principal and organization', async () => {
    const users = await ok(
      admin(`{ users(first: 5, filter: { search: "anban" }) { edges { node { id organization { id } assignments(first: 5) { edges { node { principal { __typename ... on User { id } } organization { id } } } } } } } }`),
      'users',
    );
    expect(nodes(users).map((u) => [u.id, u.organization, nodes(u.assignments)])).toEqual([[anbanId, { id: TOWN }, [{ principal: { __typename: 'User', id: anbanId }, organization: { id: TOWN } }]]]);
  });
});
