import { isObjectType } from 'graphql';
import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../../src/available-modules';
import { CAMPAIGN_WRITERS, DIRECTORY_WRITERS, EVERYONE, EXPERT_VISIT_WRITERS, HAZARD_MANAGERS, NIL, PERSON_READERS, READERS, RECTIFIERS, REGISTER_READERS, ROLES, type MatrixRows, type Who } from './matrix-roles';
import { RESCUE_PLAN_ROWS } from './matrix-preparedness';
import { RESCUE_COMMAND_ROWS } from './matrix-command';
import { RESCUE_DUTY_ROWS } from './matrix-command-duty';
import { RESCUE_CONSULTATION_ROWS } from './matrix-community-consultations';
import { RESCUE_JOINT_DEFENSE_ROWS } from './matrix-community-joint-defense';
import { RESCUE_WARNING_ROWS } from './matrix-warnings';
import { RESCUE_ESCALATION_ROWS } from './matrix-warnings-escalation';
import { RESCUE_CAP_ROWS } from './matrix-warnings-cap';
import { RESCUE_INCIDENT_ROWS } from './matrix-response-incidents';
import { RESCUE_RELIEF_ROWS } from './matrix-response-relief';
import { RESCUE_SUPPLY_ROWS } from './matrix-response-supplies';
import { WEBHOOK_ROWS } from './matrix-webhooks';
import { CALENDAR_ROWS } from './matrix-calendar';
import { BUSINESS_RULE_ROWS, INDICATOR_ROWS } from './matrix-business-rules';
import { RESPONSIBILITY_ROWS } from './matrix-responsibility';
import { RESPONSIBILITY_SUPERVISION_ROWS } from './matrix-responsibility-supervision';
import { RESPONSIBILITY_PROBLEMS_ROWS } from './matrix-responsibility-problems';
import { RESPONSIBILITY_DUTIES_ROWS } from './matrix-responsibility-duties';
import { RESPONSIBILITY_REGISTRIES_ROWS } from './matrix-responsibility-registries';
import { RESPONSIBILITY_CAPACITY_ROWS } from './matrix-responsibility-capacity';
import { ENFORCEMENT_LAWS_ROWS } from './matrix-enforcement-laws';
import { ENFORCEMENT_ITEMS_ROWS } from './matrix-enforcement-items';
import { ENFORCEMENT_CERTIFICATES_ROWS } from './matrix-enforcement-certificates';
import { ENFORCEMENT_PLANS_ROWS } from './matrix-enforcement-plans';
import { ENFORCEMENT_DOCUMENTS_ROWS } from './matrix-enforcement-documents';
import { ENFORCEMENT_INSPECTIONS_ROWS } from './matrix-enforcement-inspections';
import { ENFORCEMENT_ACCIDENTS_ROWS } from './matrix-enforcement-accidents';
import { ENFORCEMENT_CASES_ROWS } from './matrix-enforcement-cases';
import { ENFORCEMENT_PENALTIES_ROWS } from './matrix-enforcement-penalties';
import { ENFORCEMENT_REFERRALS_ROWS } from './matrix-enforcement-referrals';
import { REPORTING_INTAKE_ROWS } from './matrix-reporting-intake';
import { REPORTING_HANDLING_ROWS } from './matrix-reporting-handling';
import { REPORTING_REWARDS_ROWS } from './matrix-reporting-rewards';
import { REPORTING_INSURANCE_ROWS } from './matrix-reporting-insurance';
import { REPORTING_PUBLICITY_ROWS } from './matrix-reporting-publicity';
import { SCENARIOS_ENTERPRISE_PICTURE_ROWS } from './matrix-scenarios-enterprise-picture';
import { SCENARIOS_KNOWLEDGE_ROWS } from './matrix-scenarios-knowledge';
import { SCENARIOS_COMMUNICATIONS_ROWS } from './matrix-scenarios-communications';
import { SCENARIOS_EQUIPMENT_ROWS } from './matrix-scenarios-equipment';
import { SCENARIOS_CLOSED_LOOP_ROWS } from './matrix-scenarios-closed-loop';
import { SCENARIOS_DUTY_LEDGER_ROWS } from './matrix-scenarios-duty-ledger';
import { SCENARIOS_SENSORS_ROWS } from './matrix-scenarios-sensors';
import { SCENARIOS_QR_CODES_ROWS } from './matrix-scenarios-qr-codes';
import { SCENARIOS_ALARMS_ROWS } from './matrix-scenarios-alarms';

/**
 * Who may call what, per seeded role (the demo account holding it), for EVERY operation of the
 * schema: the test fails when an operation is missing here. A refused call answers FORBIDDEN
 * (UNAUTHENTICATED when anonymous) naming the permission; an allowed one may fail later (not found,
 * bad input, wrong password) but never with a permission refusal.
 */
const MATRIX: MatrixRows = {
  ...RESCUE_PLAN_ROWS,
  ...RESCUE_COMMAND_ROWS,
  ...RESCUE_DUTY_ROWS,
  ...RESCUE_CONSULTATION_ROWS,
  ...RESCUE_JOINT_DEFENSE_ROWS,
  ...RESCUE_WARNING_ROWS,
  ...RESCUE_ESCALATION_ROWS,
  ...RESCUE_CAP_ROWS,
  ...RESCUE_INCIDENT_ROWS,
  ...RESCUE_RELIEF_ROWS,
  ...RESCUE_SUPPLY_ROWS,
  ...WEBHOOK_ROWS,
  ...CALENDAR_ROWS,
  ...BUSINESS_RULE_ROWS,
  ...INDICATOR_ROWS,
  ...RESPONSIBILITY_ROWS,
  ...RESPONSIBILITY_SUPERVISION_ROWS,
  ...RESPONSIBILITY_PROBLEMS_ROWS,
  ...RESPONSIBILITY_DUTIES_ROWS,
  ...RESPONSIBILITY_REGISTRIES_ROWS,
  ...RESPONSIBILITY_CAPACITY_ROWS,
  ...ENFORCEMENT_LAWS_ROWS,
  ...ENFORCEMENT_ITEMS_ROWS,
  ...ENFORCEMENT_CERTIFICATES_ROWS,
  ...ENFORCEMENT_PLANS_ROWS,
  ...ENFORCEMENT_DOCUMENTS_ROWS,
  ...ENFORCEMENT_INSPECTIONS_ROWS,
  ...ENFORCEMENT_ACCIDENTS_ROWS,
  ...ENFORCEMENT_CASES_ROWS,
  ...ENFORCEMENT_PENALTIES_ROWS,
  ...ENFORCEMENT_REFERRALS_ROWS,
  ...REPORTING_INTAKE_ROWS,
  ...REPORTING_HANDLING_ROWS,
  ...REPORTING_REWARDS_ROWS,
  ...REPORTING_INSURANCE_ROWS,
  ...REPORTING_PUBLICITY_ROWS,
  ...SCENARIOS_ENTERPRISE_PICTURE_ROWS,
  ...SCENARIOS_CLOSED_LOOP_ROWS,
  ...SCENARIOS_DUTY_LEDGER_ROWS,
  ...SCENARIOS_KNOWLEDGE_ROWS,
  ...SCENARIOS_COMMUNICATIONS_ROWS,
  ...SCENARIOS_EQUIPMENT_ROWS,
  ...SCENARIOS_SENSORS_ROWS,
  ...SCENARIOS_QR_CODES_ROWS,
  ...SCENARIOS_ALARMS_ROWS,
  'Query.viewer': { op: `{ viewer { kind } }`, allowed: EVERYONE },
  'Query.syncPoint': { op: `{ syncPoint }`, allowed: EVERYONE },
  // Public: each record is then checked against its own type's read permission and scope (data-layer.e2e-spec.ts).
  'Query.node': { op: `{ node(nodeId: "U2NvcGVkOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA") { nodeId } }`, allowed: EVERYONE },
  'Query.nodes': { op: `{ nodes(nodeIds: []) { nodeId } }`, allowed: EVERYONE },
  'Query.organization': { op: `{ organization(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.organizations': { op: `{ organizations(first: 1) { totalCount } }`, allowed: READERS },
  'Query.industrySectors': { op: `{ industrySectors(first: 1) { totalCount } }`, allowed: READERS },
  'Query.person': { op: `{ person(id: "${NIL}") { id } }`, allowed: PERSON_READERS },
  'Query.persons': { op: `{ persons(first: 1) { totalCount } }`, allowed: PERSON_READERS },
  'Query.auditLog': { op: `{ auditLog(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.permissions': { op: `{ permissions(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.roles': { op: `{ roles(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.users': { op: `{ users(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.apiClients': { op: `{ apiClients(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.effectivePermissions': { op: `{ effectivePermissions(principalKind: USER, principalId: "${NIL}") { totalCount } }`, allowed: ['admin', 'anban'] },
  'Mutation.createRole': { op: `mutation { createRole(input: { code: "x", nameZh: "x", description: "x" }) { id } }`, allowed: ['admin'] },
  'Mutation.updateRole': { op: `mutation { updateRole(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin'] },
  'Mutation.deleteRole': { op: `mutation { deleteRole(input: { id: "${NIL}", version: 1 }) }`, allowed: ['admin'] },
  'Mutation.grantPermission': { op: `mutation { grantPermission(input: { roleId: "${NIL}", permission: "x.y:z", scope: ALL }) { id } }`, allowed: ['admin'] },
  'Mutation.revokePermission': { op: `mutation { revokePermission(input: { roleId: "${NIL}", permission: "x.y:z" }) { id } }`, allowed: ['admin'] },
  'Mutation.assignRole': { op: `mutation { assignRole(input: { principalKind: USER, principalId: "${NIL}", roleId: "${NIL}", organizationId: "${NIL}" }) { id } }`, allowed: ['admin'] },
  'Mutation.unassignRole': { op: `mutation { unassignRole(id: "${NIL}") }`, allowed: ['admin'] },
  'Mutation.createUser': { op: `mutation { createUser(input: { username: "x", password: "x", displayName: "x" }) { id } }`, allowed: ['admin'] },
  'Mutation.updateUser': { op: `mutation { updateUser(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin'] },
  'Mutation.createApiClient': { op: `mutation { createApiClient(input: { name: "" }) { key } }`, allowed: ['admin'] },
  'Mutation.rotateApiClientKey': { op: `mutation { rotateApiClientKey(input: { id: "${NIL}", version: 1 }) { key } }`, allowed: ['admin'] },
  'Mutation.revokeApiClient': { op: `mutation { revokeApiClient(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin'] },
  'Query.trustedDocuments': { op: `{ trustedDocuments(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Mutation.registerTrustedDocuments': { op: `mutation { registerTrustedDocuments(input: { apiClientId: "${NIL}", documents: ["{ __typename }"] }) { documents { id } } }`, allowed: ['admin'] },
  'Mutation.revokeTrustedDocument': { op: `mutation { revokeTrustedDocument(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin'] },
  'Mutation.setApiClientTrustedDocumentsOnly': { op: `mutation { setApiClientTrustedDocumentsOnly(input: { id: "${NIL}", version: 1, trustedDocumentsOnly: true }) { id } }`, allowed: ['admin'] },
  'Query.hazard': { op: `{ hazard(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.hazards': { op: `{ hazards(first: 1) { totalCount } }`, allowed: READERS },
  'Mutation.reportHazard': {
    op: `mutation { reportHazard(input: { organizationId: "${NIL}", title: "x", category: FIRE, source: SELF_CHECK }) { id } }`,
    allowed: READERS.filter((w) => w !== 'integration'),
  },
  'Mutation.confirmHazard': { op: `mutation { confirmHazard(input: { id: "${NIL}", version: 1, grade: GENERAL }) { id } }`, allowed: HAZARD_MANAGERS },
  'Mutation.rejectHazard': { op: `mutation { rejectHazard(input: { id: "${NIL}", version: 1, reason: DUPLICATE }) { id } }`, allowed: HAZARD_MANAGERS },
  'Mutation.verifyRectification': { op: `mutation { verifyRectification(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: HAZARD_MANAGERS },
  'Mutation.sendBackRectification': { op: `mutation { sendBackRectification(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: HAZARD_MANAGERS },
  'Mutation.closeHazard': { op: `mutation { closeHazard(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: HAZARD_MANAGERS },
  'Mutation.planRectification': {
    op: `mutation { planRectification(input: { id: "${NIL}", version: 1, measures: "xxxxx", responsiblePersonId: "${NIL}", deadline: "2099-01-01" }) { id } }`,
    allowed: RECTIFIERS,
  },
  'Mutation.startRectification': { op: `mutation { startRectification(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RECTIFIERS },
  'Mutation.submitRectification': { op: `mutation { submitRectification(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RECTIFIERS },
  'Query.hazardIndicators': { op: `{ hazardIndicators(from: "2025-01-01", to: "2026-01-01") { found } }`, allowed: READERS },
  'Query.riskPoint': { op: `{ riskPoint(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.riskPoints': { op: `{ riskPoints(first: 1) { totalCount } }`, allowed: READERS },
  'Mutation.createRiskPoint': { op: `mutation { createRiskPoint(input: { organizationId: "${NIL}", name: "xx", category: FIRE, level: BLUE }) { id } }`, allowed: RECTIFIERS },
  'Mutation.updateRiskPoint': { op: `mutation { updateRiskPoint(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RECTIFIERS },
  'Mutation.archiveRiskPoint': { op: `mutation { archiveRiskPoint(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RECTIFIERS },
  'Mutation.recordAccountabilityReview': {
    op: `mutation { recordAccountabilityReview(input: { hazardId: "${NIL}", reason: OVERDUE, findings: "xxxxxxxxxx", responsibleParties: "xx", outcome: "xx", decidedOn: "2025-01-01" }) { id } }`,
    allowed: HAZARD_MANAGERS,
  },
  'Query.shelter': { op: `{ shelter(id: "${NIL}") { id } }`, allowed: REGISTER_READERS },
  'Query.shelters': { op: `{ shelters(first: 1) { totalCount } }`, allowed: REGISTER_READERS },
  'Query.fireFacility': { op: `{ fireFacility(id: "${NIL}") { id } }`, allowed: REGISTER_READERS },
  'Query.fireFacilities': { op: `{ fireFacilities(first: 1) { totalCount } }`, allowed: REGISTER_READERS },
  'Mutation.createShelter': { op: `mutation { createShelter(input: { organizationId: "${NIL}", name: "x", type: OUTDOOR, capacity: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.updateShelter': { op: `mutation { updateShelter(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.archiveShelter': { op: `mutation { archiveShelter(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.recordShelterInspection': {
    op: `mutation { recordShelterInspection(input: { shelterId: "${NIL}", inspectedOn: "2025-01-01", result: PASSED }) { id } }`,
    allowed: DIRECTORY_WRITERS,
  },
  'Mutation.createFireFacility': {
    op: `mutation { createFireFacility(input: { organizationId: "${NIL}", kind: HYDRANT, description: "x", quantity: 1 }) { id } }`,
    allowed: DIRECTORY_WRITERS,
  },
  'Mutation.updateFireFacility': { op: `mutation { updateFireFacility(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.archiveFireFacility': { op: `mutation { archiveFireFacility(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.recordFireFacilityInspection': {
    op: `mutation { recordFireFacilityInspection(input: { id: "${NIL}", version: 1, inspectedOn: "2025-01-01", status: OK }) { id } }`,
    allowed: DIRECTORY_WRITERS,
  },
  'Query.expertVisit': { op: `{ expertVisit(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.expertVisits': { op: `{ expertVisits(first: 1) { totalCount } }`, allowed: READERS },
  'Mutation.recordExpertVisit': {
    op: `mutation { recordExpertVisit(input: { organizationId: "${NIL}", expertName: "xx", visitedOn: "2025-01-01", findings: "xxxxx", hazards: [] }) { id } }`,
    allowed: EXPERT_VISIT_WRITERS,
  },
  'Query.campaign': { op: `{ campaign(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.campaigns': { op: `{ campaigns(first: 1) { totalCount } }`, allowed: READERS },
  'Mutation.createCampaign': { op: `mutation { createCampaign(input: { name: "xx", startsOn: "2025-01-02", endsOn: "2025-01-01" }) { id } }`, allowed: CAMPAIGN_WRITERS },
  'Mutation.updateCampaign': { op: `mutation { updateCampaign(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: CAMPAIGN_WRITERS },
  'Mutation.addCampaignTargets': { op: `mutation { addCampaignTargets(campaignId: "${NIL}", organizationIds: ["${NIL}"]) { id } }`, allowed: CAMPAIGN_WRITERS },
  'Mutation.linkCampaignHazards': { op: `mutation { linkCampaignHazards(campaignId: "${NIL}", hazardIds: ["${NIL}"]) { id } }`, allowed: CAMPAIGN_WRITERS },
  'Mutation.login': { op: `mutation { login(input: { username: "nobody", password: "x" }) { accessToken } }`, allowed: EVERYONE },
  'Mutation.refreshSession': { op: `mutation { refreshSession(refreshToken: "rt_not-a-real-token") { accessToken } }`, allowed: EVERYONE },
  'Mutation.logout': { op: `mutation { logout(refreshToken: "rt_not-a-real-token") }`, allowed: EVERYONE },
  'Mutation.createOrganization': { op: `mutation { createOrganization(input: { kind: GRID, name: "x", parentId: "${NIL}" }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.updateOrganization': { op: `mutation { updateOrganization(input: { id: "${NIL}", version: 1, name: "x" }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.archiveOrganization': { op: `mutation { archiveOrganization(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.createPerson': { op: `mutation { createPerson(input: { name: "" }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.updatePerson': { op: `mutation { updatePerson(input: { id: "${NIL}", version: 1, name: "x" }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.archivePerson': { op: `mutation { archivePerson(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.assignPosition': { op: `mutation { assignPosition(input: { personId: "${NIL}", organizationId: "${NIL}", title: "x" }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.endPosition': { op: `mutation { endPosition(input: { id: "${NIL}", version: 1, endedOn: "2025-01-01" }) { id } }`, allowed: DIRECTORY_WRITERS },
  'Mutation.recordTraining': {
    op: `mutation { recordTraining(input: { personId: "${NIL}", topic: "xx", kind: OTHER, trainedOn: "2025-01-01", hours: 1, provider: "xx" }) { id } }`,
    allowed: DIRECTORY_WRITERS,
  },
  'Query.disasterOfficers': { op: `{ disasterOfficers(first: 1) { totalCount } }`, allowed: REGISTER_READERS },
  'Query.villagesWithoutDisasterOfficer': { op: `{ villagesWithoutDisasterOfficer(first: 1) { totalCount } }`, allowed: REGISTER_READERS },
  'Mutation.appointDisasterOfficer': {
    op: `mutation { appointDisasterOfficer(input: { organizationId: "${NIL}", personId: "${NIL}", role: A, appointedOn: "2025-01-01" }) { id } }`,
    allowed: DIRECTORY_WRITERS,
  },
  'Mutation.endDisasterOfficer': { op: `mutation { endDisasterOfficer(input: { id: "${NIL}", version: 1, endedOn: "2025-01-01" }) { id } }`, allowed: DIRECTORY_WRITERS },
};

/** Subscriptions need a WebSocket; their permission and per-event checks are tested in access/subscriptions and the risk and rescue modules' tests. */
const SUBSCRIPTIONS_TESTED_OVER_WEBSOCKET = ['Subscription.organizationChanged', 'Subscription.hazardChanged', 'Subscription.warningIssued', 'Subscription.deliveryAcknowledged', 'Subscription.alarmTriggered'];

describe('role × operation matrix', () => {
  let t: TestGateway;
  const clients = new Map<Who, GraphQLClient>();
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    const admin = await t.as('admin');
    const roles = (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: any) => e.node);
    const town = (await admin(`{ organizations(first: 1, filter: { kinds: [TOWN_GOVERNMENT] }) { edges { node { id } } } }`)).body.data!['organizations'].edges[0].node.id;
    const integration = roles.find((r: any) => r.code === 'integration-readonly').id;
    const { key } = (await admin(`mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "矩阵测试", roleId: $r, organizationId: $o }) { key } }`, { r: integration, o: town })).body.data![
      'createApiClient'
    ];
    for (const who of ROLES) {
      if (who === 'anonymous') clients.set(who, (q, v) => t.gql(q, v));
      else if (who === 'integration') clients.set(who, (q, v) => t.gql(q, v, { 'x-api-key': key }));
      else clients.set(who, await t.as(who));
    }
  });
  afterAll(() => t?.close());

  it('covers every operation of the schema', () => {
    const fields = [t.gateway.schema.getQueryType(), t.gateway.schema.getMutationType(), t.gateway.schema.getSubscriptionType()].flatMap((type) =>
      type && isObjectType(type) ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : [],
    );
    expect([...Object.keys(MATRIX), ...SUBSCRIPTIONS_TESTED_OVER_WEBSOCKET].sort()).toEqual(fields.sort());
  });

  for (const [field, { op, allowed }] of Object.entries(MATRIX)) {
    it(`${field}: allowed for ${allowed.join(', ')}`, async () => {
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of ROLES) {
        const res = await clients.get(who)!(op);
        const ext = res.body.errors?.[0]?.extensions;
        outcome[who] = (ext?.['code'] === 'FORBIDDEN' || ext?.['code'] === 'UNAUTHENTICATED') && ext?.['permission'] ? 'denied' : 'allowed';
        expected[who] = allowed.includes(who) ? 'allowed' : 'denied';
      }
      expect(outcome).toEqual(expected);
    });
  }
});
