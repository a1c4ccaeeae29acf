import type { ScenariosPart } from '../scenarios.part';
import { CreateKnowledge1764404250000 } from '../migrations/1764404250000-create-knowledge';
import { KnowledgeEntry } from './knowledge-entry.entity';
import { KnowledgeSynonym } from './knowledge-synonym.entity';
import { knowledgeNodeEntities } from './knowledge.entities';
import { knowledgeEvents } from './knowledge.events';
import { knowledgePermissions } from './knowledge.permissions';
import { KnowledgeEntryResolver, KnowledgeSynonymResolver } from './knowledge.resolver';
import { seedKnowledge } from './knowledge.seed';
import { knowledgeSettings } from './knowledge.settings';
import { startKnowledge } from './knowledge.start';

/**
 * 应急百事通 (point 二十二): the emergency knowledge base — Q&A, plan excerpts, law articles and guides
 * searched through a bigram tsvector (phrase semantics, ranking, one-character fallback, synonyms,
 * highlighted snippets) by the public and staff, managed by the office; a query log with the
 * zero-result report.
 */
export const knowledgePart: ScenariosPart = {
  entities: [KnowledgeEntry, KnowledgeSynonym],
  resolvers: [KnowledgeEntryResolver, KnowledgeSynonymResolver],
  migrations: [CreateKnowledge1764404250000],
  permissions: knowledgePermissions,
  scopedEntities: knowledgeNodeEntities,
  events: [knowledgeEvents],
  businessRules: [],
  indicators: [],
  seed: seedKnowledge,
  settings: knowledgeSettings.shape,
  startPart: startKnowledge,
};
