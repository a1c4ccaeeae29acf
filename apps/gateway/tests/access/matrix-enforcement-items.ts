import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.item:read: every officer role, inspectors and read-only integrations. */
const ITEM_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** enforcement.item:manage: the town safety office. */
const ITEM_KEEPERS: Who[] = ['admin', 'anban'];

/** Enforcement module, enforcement items part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_ITEMS_ROWS: MatrixRows = {
  'Query.enforcementItemList': { op: `{ enforcementItemList(id: "${NIL}") { id } }`, allowed: ITEM_READERS },
  'Query.enforcementItemLists': { op: `{ enforcementItemLists(first: 1) { totalCount } }`, allowed: ITEM_READERS },
  'Query.enforcementItem': { op: `{ enforcementItem(id: "${NIL}") { id } }`, allowed: ITEM_READERS },
  'Query.enforcementItems': { op: `{ enforcementItems(first: 1) { totalCount } }`, allowed: ITEM_READERS },
  'Mutation.createEnforcementItemList': {
    op: `mutation { createEnforcementItemList(input: { organizationId: "${NIL}", code: "MATRIX", title: "矩阵测试", effectiveFrom: "2030-01-01" }) { id } }`,
    allowed: ITEM_KEEPERS,
  },
  'Mutation.updateEnforcementItemList': { op: `mutation { updateEnforcementItemList(input: { id: "${NIL}", version: 1, title: "矩阵测试" }) { id } }`, allowed: ITEM_KEEPERS },
  'Mutation.publishEnforcementItemList': { op: `mutation { publishEnforcementItemList(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ITEM_KEEPERS },
  'Mutation.addEnforcementItem': {
    op: `mutation { addEnforcementItem(input: { listId: "${NIL}", code: "MX-JC-001", name: "矩阵测试", kind: STATUTORY, category: INSPECTION, responsibleOrganizationId: "${NIL}", legalBasis: "矩阵测试" }) { id } }`,
    allowed: ITEM_KEEPERS,
  },
  'Mutation.updateEnforcementItem': { op: `mutation { updateEnforcementItem(input: { id: "${NIL}", version: 1, name: "矩阵测试" }) { id } }`, allowed: ITEM_KEEPERS },
  'Mutation.removeEnforcementItem': { op: `mutation { removeEnforcementItem(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ITEM_KEEPERS },
};
