import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo knowledge base (`seedKnowledge`). Hand-written because seeding is not on
 * a caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO NOTHING`).
 */

/** A demo entry as stored. */
export interface SeedEntryRow {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly sourceType: string | null;
  readonly sourceId: string | null;
  readonly tags: readonly string[];
  readonly publishedAt: string | null;
  readonly createdAt: string;
}

/** Inserts the entries that do not exist yet; the number inserted. */
export async function insertSeedEntries(ctx: RequestContext, rows: readonly SeedEntryRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO knowledge_entry (id, kind, title, body, source_type, source_id, tags, published_at, created_at, updated_at)
     SELECT r."id", r."kind", r."title", r."body", r."sourceType", r."sourceId", ARRAY(SELECT jsonb_array_elements_text(r."tags")), r."publishedAt", r."createdAt", r."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "kind" text, "title" text, "body" text, "sourceType" text, "sourceId" uuid, "tags" jsonb, "publishedAt" timestamptz, "createdAt" timestamptz)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** A demo synonym as stored. */
export interface SeedSynonymRow {
  readonly id: string;
  readonly term: string;
  readonly canonical: string;
  readonly note: string;
  readonly createdAt: string;
}

/** Inserts the synonyms that do not exist yet (nor a synonym of the same term); the number inserted. */
export async function insertSeedSynonyms(ctx: RequestContext, rows: readonly SeedSynonymRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO knowledge_synonym (id, term, canonical, note, created_at, updated_at)
     SELECT r."id", r."term", r."canonical", r."note", r."createdAt", r."createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "term" text, "canonical" text, "note" text, "createdAt" timestamptz)
      WHERE NOT EXISTS (SELECT 1 FROM knowledge_synonym s WHERE s.term = r."term" AND s.archived_at IS NULL)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}
