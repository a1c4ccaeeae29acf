import { NIL, READERS, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.law:manage: the town safety office. */
const LAW_KEEPERS: Who[] = ['admin', 'anban'];

/**
 * Enforcement module, law catalog part: every operation with who may call it (the writes name a
 * missing record, or a period ending before it starts, so an allowed caller writes nothing). Every
 * signed-in role and integrations read the catalog (enforcement.law:read).
 */
export const ENFORCEMENT_LAWS_ROWS: MatrixRows = {
  'Query.lawDocument': { op: `{ lawDocument(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.lawDocuments': { op: `{ lawDocuments(first: 1) { totalCount } }`, allowed: READERS },
  'Query.lawArticle': { op: `{ lawArticle(id: "${NIL}") { id } }`, allowed: READERS },
  'Query.lawArticles': { op: `{ lawArticles(first: 1) { totalCount } }`, allowed: READERS },
  'Query.applicableLawArticles': { op: `{ applicableLawArticles(topic: "hearing", on: "2026-02-01", first: 1) { totalCount } }`, allowed: READERS },
  'Mutation.addLawDocument': {
    op: `mutation { addLawDocument(input: { code: "matrix-test", kind: LAW, title: "矩阵测试", issuingBody: "矩阵测试", effectiveFrom: "2025-01-02", effectiveTo: "2025-01-01" }) { id } }`,
    allowed: LAW_KEEPERS,
  },
  'Mutation.repealLawDocument': { op: `mutation { repealLawDocument(input: { id: "${NIL}", version: 1, effectiveTo: "2025-01-01" }) { id } }`, allowed: LAW_KEEPERS },
  'Mutation.addLawArticle': {
    op: `mutation { addLawArticle(input: { documentId: "${NIL}", number: "第一条", ordinal: 1, summary: "矩阵测试", topics: [], evidence: UNVERIFIED }) { id } }`,
    allowed: LAW_KEEPERS,
  },
  'Mutation.updateLawArticle': { op: `mutation { updateLawArticle(input: { id: "${NIL}", version: 1, summary: "矩阵测试" }) { id } }`, allowed: LAW_KEEPERS },
  'Mutation.supersedeLawArticle': {
    op: `mutation { supersedeLawArticle(input: { id: "${NIL}", version: 1, supersedingArticleIds: ["${NIL}"], effectiveOn: "2025-01-01", note: "矩阵测试" }) { id } }`,
    allowed: LAW_KEEPERS,
  },
  'Mutation.repealLawArticle': { op: `mutation { repealLawArticle(input: { id: "${NIL}", version: 1, effectiveTo: "2025-01-01" }) { id } }`, allowed: LAW_KEEPERS },
};
