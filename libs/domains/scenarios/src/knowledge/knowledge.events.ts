import { defineEvents, payload } from '@platform/core';
import { KnowledgeEntries, KnowledgeSynonyms } from './knowledge.entities';

/** What an entry's events carry. */
export type KnowledgeEntryPayload = { id: string; kind: string; published: boolean };

/** Every event of the knowledge part. */
export const knowledgeEvents = defineEvents({
  'scenarios.knowledge-entry.created': payload<KnowledgeEntryPayload>(KnowledgeEntries),
  'scenarios.knowledge-entry.updated': payload<KnowledgeEntryPayload>(KnowledgeEntries),
  'scenarios.knowledge-entry.published': payload<KnowledgeEntryPayload>(KnowledgeEntries),
  'scenarios.knowledge-entry.unpublished': payload<KnowledgeEntryPayload>(KnowledgeEntries),
  'scenarios.knowledge-synonym.changed': payload<{ id: string; term: string; canonical: string }>(KnowledgeSynonyms),
});

export type KnowledgeEvents = typeof knowledgeEvents;
