import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.supply:read: the town offices, departments, village and grid officers, integrations. */
const SUPPLY_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'integration'];
/** rescue.supply:write: the town safety office and village officers (their own village's depots). */
const SUPPLY_WRITERS: Who[] = ['admin', 'anban', 'wenfeng'];
/** The town-wide catalog: rescue.supply:write for the whole town (ALL); a village officer's grant is refused with FORBIDDEN naming the permission. */
const CATALOG_WRITERS: Who[] = ['admin', 'anban'];

/** Rescue module, supplies: every operation with who may call it. */
export const RESCUE_SUPPLY_ROWS: MatrixRows = {
  'Query.supplyDepot': { op: `{ supplyDepot(id: "${NIL}") { id } }`, allowed: SUPPLY_READERS },
  'Query.supplyDepots': { op: `{ supplyDepots(first: 1) { totalCount } }`, allowed: SUPPLY_READERS },
  'Query.supplyItems': { op: `{ supplyItems(first: 1) { totalCount } }`, allowed: SUPPLY_READERS },
  'Query.supplyMovements': { op: `{ supplyMovements(first: 1) { totalCount } }`, allowed: SUPPLY_READERS },
  'Query.supplyStockGaps': { op: `{ supplyStockGaps(first: 1) { totalCount } }`, allowed: SUPPLY_READERS },
  'Query.expiringSupplies': { op: `{ expiringSupplies(first: 1, filter: { withinDays: 30 }) { totalCount } }`, allowed: SUPPLY_READERS },
  'Mutation.createSupplyDepot': { op: `mutation { createSupplyDepot(input: { organizationId: "${NIL}", name: "测试储存点" }) { id } }`, allowed: SUPPLY_WRITERS },
  'Mutation.updateSupplyDepot': { op: `mutation { updateSupplyDepot(input: { id: "${NIL}", version: 1, name: "改名储存点" }) { id } }`, allowed: SUPPLY_WRITERS },
  'Mutation.archiveSupplyDepot': { op: `mutation { archiveSupplyDepot(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: SUPPLY_WRITERS },
  // A valid item: the town-wide check runs after validation (admin creates it, anban then meets the taken code).
  'Mutation.createSupplyItem': { op: `mutation { createSupplyItem(input: { code: "MATRIX-1", name: "矩阵测试品目", category: OTHER, unit: "件" }) { id } }`, allowed: CATALOG_WRITERS },
  'Mutation.updateSupplyItem': { op: `mutation { updateSupplyItem(input: { id: "${NIL}", version: 1, name: "改名品目" }) { id } }`, allowed: CATALOG_WRITERS },
  'Mutation.archiveSupplyItem': { op: `mutation { archiveSupplyItem(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: CATALOG_WRITERS },
  'Mutation.setSupplyMinimum': { op: `mutation { setSupplyMinimum(input: { depotId: "${NIL}", itemId: "${NIL}", minimumQuantity: 10 }) { minimumQuantity } }`, allowed: SUPPLY_WRITERS },
  'Mutation.receiveSupplies': { op: `mutation { receiveSupplies(input: { depotId: "${NIL}", itemId: "${NIL}", quantity: 1 }) { id } }`, allowed: SUPPLY_WRITERS },
  'Mutation.issueSupplies': { op: `mutation { issueSupplies(input: { depotId: "${NIL}", itemId: "${NIL}", quantity: 1, recipient: "受灾群众" }) { id } }`, allowed: SUPPLY_WRITERS },
  'Mutation.transferSupplies': { op: `mutation { transferSupplies(input: { depotId: "${NIL}", toDepotId: "${NIL}", itemId: "${NIL}", quantity: 1 }) { id } }`, allowed: SUPPLY_WRITERS },
  'Mutation.writeOffSupplies': { op: `mutation { writeOffSupplies(input: { depotId: "${NIL}", itemId: "${NIL}", quantity: 1, reason: "过期报废" }) { id } }`, allowed: SUPPLY_WRITERS },
};
