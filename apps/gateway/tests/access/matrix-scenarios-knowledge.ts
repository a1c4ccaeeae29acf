import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.knowledge:search: anyone without an account (the public role) and every staff role; not read-only integrations. */
const SEARCHERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'expert', 'anonymous'];
/** scenarios.knowledge:manage and :read-log: the town safety office. */
const OFFICE: Who[] = ['admin', 'anban'];

/** An entry too short to be taken: an allowed caller is refused by validation, so nothing is written. */
const SHORT = 'kind: GUIDE, title: "矩", body: "矩"';

/** Scenarios module, knowledge part (应急百事通): the public searches and reads; the office manages entries and synonyms and reads the log (the writes fail validation or name a missing record). */
export const SCENARIOS_KNOWLEDGE_ROWS: MatrixRows = {
  'Query.knowledgeSearch': { op: `{ knowledgeSearch(query: "矩阵测试", first: 1) { totalCount } }`, allowed: SEARCHERS },
  'Query.knowledgeEntry': { op: `{ knowledgeEntry(id: "${NIL}") { id } }`, allowed: SEARCHERS },
  'Query.knowledgeEntries': { op: `{ knowledgeEntries(first: 1) { totalCount } }`, allowed: SEARCHERS },
  'Query.knowledgeSynonyms': { op: `{ knowledgeSynonyms(first: 1) { totalCount } }`, allowed: OFFICE },
  'Query.knowledgeZeroResultQueries': { op: `{ knowledgeZeroResultQueries(first: 1) { totalCount } }`, allowed: OFFICE },
  'Mutation.createKnowledgeEntry': { op: `mutation { createKnowledgeEntry(input: { ${SHORT} }) { id } }`, allowed: OFFICE },
  'Mutation.updateKnowledgeEntry': { op: `mutation { updateKnowledgeEntry(input: { id: "${NIL}", version: 1, title: "矩阵测试" }) { id } }`, allowed: OFFICE },
  'Mutation.publishKnowledgeEntry': { op: `mutation { publishKnowledgeEntry(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: OFFICE },
  'Mutation.unpublishKnowledgeEntry': { op: `mutation { unpublishKnowledgeEntry(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: OFFICE },
  'Mutation.createKnowledgeSynonym': { op: `mutation { createKnowledgeSynonym(input: { term: "矩 阵", canonical: "矩阵测试" }) { id } }`, allowed: OFFICE },
  'Mutation.updateKnowledgeSynonym': { op: `mutation { updateKnowledgeSynonym(input: { id: "${NIL}", version: 1, note: "矩阵测试" }) { id } }`, allowed: OFFICE },
  'Mutation.removeKnowledgeSynonym': { op: `mutation { removeKnowledgeSynonym(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: OFFICE },
};
