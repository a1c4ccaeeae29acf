import { ALL_ROWS, defineScopedEntity, raw, scopeOf } from '@platform/core';
import { KnowledgeEntry } from './knowledge-entry.entity';
import { KnowledgeSynonym } from './knowledge-synonym.entity';
import { KnowledgePermission } from './knowledge.permissions';

/**
 * Entries are town-wide: a manager reaches every one; anyone else (the public included) only the
 * published ones, so an unpublished entry answers like a missing one.
 */
export const KnowledgeEntries = defineScopedEntity(KnowledgeEntry, {
  table: 'knowledge_entry',
  scope: { custom: (principal, _permission, alias) => (scopeOf(principal, KnowledgePermission.Manage) ? ALL_ROWS : raw(`${alias}.published_at IS NOT NULL`)) },
  read: KnowledgePermission.Search,
  write: KnowledgePermission.Manage,
});

/** Synonyms are town-wide, read and changed by managers. */
export const KnowledgeSynonyms = defineScopedEntity(KnowledgeSynonym, {
  table: 'knowledge_synonym',
  scope: { custom: () => ALL_ROWS },
  read: KnowledgePermission.Manage,
  write: KnowledgePermission.Manage,
});

export const knowledgeNodeEntities = [KnowledgeEntries, KnowledgeSynonyms];
