import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** responsibility.registry:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const REGISTRY_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** responsibility.supervision-map:manage and responsibility.linear-section:manage: the town safety office. */
const TOWN_OFFICE: Who[] = ['admin', 'anban'];
/** responsibility.key-project:manage: the office, and villages for the projects in them. */
const PROJECT_MANAGERS: Who[] = ['admin', 'anban', 'wenfeng'];
/** responsibility.fire-four-ones:record: the office, and departments for their own. */
const FOUR_ONES_RECORDERS: Who[] = ['admin', 'anban', 'jingfa'];
const LINE = '{ type: "LineString", coordinates: [[107.05, 29.05], [107.06, 29.05]] }';

/** Responsibility module, registries part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const RESPONSIBILITY_REGISTRIES_ROWS: MatrixRows = {
  'Query.supervisionAssignments': { op: `{ supervisionAssignments(first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Query.supervisionGaps': { op: `{ supervisionGaps(first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Query.newBusinessFormats': { op: `{ newBusinessFormats(first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Query.keyProject': { op: `{ keyProject(id: "${NIL}") { id } }`, allowed: REGISTRY_READERS },
  'Query.keyProjects': { op: `{ keyProjects(first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Query.linearFeatureSections': { op: `{ linearFeatureSections(first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Query.fireFourOnesItems': { op: `{ fireFourOnesItems(first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Query.fireFourOnesGaps': { op: `{ fireFourOnesGaps(year: 2025, first: 1) { totalCount } }`, allowed: REGISTRY_READERS },
  'Mutation.createSupervisionAssignment': { op: `mutation { createSupervisionAssignment(input: { departmentId: "${NIL}", sectorCode: "WAREHOUSING", basis: "矩阵测试" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.endSupervisionAssignment': { op: `mutation { endSupervisionAssignment(input: { id: "${NIL}", version: 1, endedOn: "2025-01-02", reason: "矩阵测试" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.registerNewBusinessFormat': { op: `mutation { registerNewBusinessFormat(input: { name: "矩阵测试业态", organizationId: "${NIL}", reportedOn: "2025-01-02" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.assignNewBusinessFormat': { op: `mutation { assignNewBusinessFormat(input: { id: "${NIL}", version: 1, departmentId: "${NIL}", decisionDocument: "矩阵测试", decidedOn: "2025-01-02" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.createKeyProject': { op: `mutation { createKeyProject(input: { name: "矩阵测试", ownerOrganizationId: "${NIL}", builderName: "矩阵测试", supervisingDepartmentId: "${NIL}" }) { id } }`, allowed: PROJECT_MANAGERS },
  'Mutation.updateKeyProject': { op: `mutation { updateKeyProject(input: { id: "${NIL}", version: 1, name: "矩阵测试" }) { id } }`, allowed: PROJECT_MANAGERS },
  'Mutation.recordThreeSimultaneity': { op: `mutation { recordThreeSimultaneity(input: { projectId: "${NIL}", stage: DESIGN, documentNumber: "矩阵测试", approvedOn: "2025-01-02" }) { id } }`, allowed: PROJECT_MANAGERS },
  'Mutation.createLinearFeatureSection': { op: `mutation { createLinearFeatureSection(input: { kind: ROAD, name: "矩阵测试", geometry: ${LINE}, responsibleOrganizationId: "${NIL}" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.updateLinearFeatureSection': { op: `mutation { updateLinearFeatureSection(input: { id: "${NIL}", version: 1, name: "矩阵测试" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.recordFireFourOnesItem': { op: `mutation { recordFireFourOnesItem(input: { departmentId: "${NIL}", year: 2025, kind: MEETING, doneOn: "2025-01-02", note: "矩阵测试" }) { id } }`, allowed: FOUR_ONES_RECORDERS },
};
