// The knowledge part's public face (re-exported by the module's index.ts).
export { KnowledgeEntry } from './knowledge-entry.entity';
export { KnowledgeSynonym } from './knowledge-synonym.entity';
export { KnowledgeEntryKind, KnowledgeSourceType } from './knowledge.enums';
export { KnowledgeEntries, KnowledgeSynonyms } from './knowledge.entities';
export { KnowledgePermission } from './knowledge.permissions';
export { knowledgeEvents, type KnowledgeEvents } from './knowledge.events';
export { knowledgeRules, type KnowledgeRule } from './knowledge.rules';
export { knowledgeSettings } from './knowledge.settings';
export { KNOWLEDGE_LOG_RETENTION_JOB } from './knowledge.start';
export { knowledgeEntrySeedId, knowledgeSynonymSeedId } from './knowledge.seed';
