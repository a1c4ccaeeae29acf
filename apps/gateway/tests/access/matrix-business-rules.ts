import { NIL, READERS, type MatrixRows } from './matrix-roles';

/**
 * The kernel's versioned business rules: every signed-in role reads the rules and their versions;
 * the town safety office (and the super admin) adds and withdraws versions. The add names a rule no
 * module declares and the withdrawal a missing version, so an allowed caller writes nothing.
 */
export const BUSINESS_RULE_ROWS: MatrixRows = {
  'Query.businessRules': { op: `{ businessRules(first: 1) { totalCount } }`, allowed: READERS },
  'Query.businessRuleVersions': { op: `{ businessRuleVersions(first: 1) { totalCount } }`, allowed: READERS },
  'Query.businessRuleInForce': { op: `{ businessRuleInForce(ruleCode: "kernel.none", on: "2026-01-01") { id } }`, allowed: READERS },
  'Mutation.addBusinessRuleVersion': {
    op: `mutation { addBusinessRuleVersion(input: { ruleCode: "kernel.none", jurisdiction: TOWN, jurisdictionName: "南平镇", documentNumber: "矩阵测试", value: {}, effectiveFrom: "2026-01-01" }) { id } }`,
    allowed: ['admin', 'anban'],
  },
  'Mutation.withdrawBusinessRuleVersion': { op: `mutation { withdrawBusinessRuleVersion(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: ['admin', 'anban'] },
};

/** The indicator registry: every signed-in role lists and evaluates indicators (each figure needs its own permission too). */
export const INDICATOR_ROWS: MatrixRows = {
  'Query.indicators': { op: `{ indicators(first: 1) { totalCount } }`, allowed: READERS },
  'Query.indicatorValues': { op: `{ indicatorValues(organizationId: "${NIL}", from: "2025-01-01", to: "2025-04-01") { totalCount } }`, allowed: READERS },
};
