import { raw, sql, type RequestContext, type Sql } from '@platform/core';

/*
 * Conditions over the law catalog's own tables (in force on a day, applicable to a matter, a
 * supersession chain) and the one hand-written write of the part: closing a repealed document's
 * articles. Callers read (and lock) the records through `records` before they use these.
 */

/** SQL: the row under `alias` (a document or an article) is in force on `day`: its period contains the day. */
export function inForceSql(alias: string, day: string): Sql {
  const a = raw(alias);
  return sql`(${a}.effective_from <= CAST(${day} AS date) AND (${a}.effective_to IS NULL OR ${a}.effective_to >= CAST(${day} AS date)))`;
}

/**
 * SQL: the article under `alias` is one the matter `topic` applies on `day`: in force on the day, and
 * either listing the topic itself or superseding, by supersessions in effect by the day (directly or
 * down a chain), an article that lists it. A superseded article is out (its period ended the day
 * before its supersession), and the one that took over is in even when it names the matter otherwise.
 */
export function applicableSql(alias: string, topic: string, day: string): Sql {
  const a = raw(alias);
  return sql`(${inForceSql(alias, day)} AND (CAST(${topic} AS text) = ANY(${a}.topics) OR ${a}.id IN (
    WITH RECURSIVE taken_over(id) AS (
      SELECT s.superseding_article_id FROM law_article_supersession s JOIN law_article o ON o.id = s.article_id
       WHERE CAST(${topic} AS text) = ANY(o.topics) AND s.effective_on <= CAST(${day} AS date)
      UNION
      SELECT s.superseding_article_id FROM law_article_supersession s JOIN taken_over c ON s.article_id = c.id
       WHERE s.effective_on <= CAST(${day} AS date)
    ) SELECT id FROM taken_over)))`;
}

/**
 * SQL: the article under `alias` is superseded, directly or down a chain of supersessions, by the
 * article `supersedingId` (whatever the days): making `alias` supersede it would close a loop.
 */
export function supersededBySql(alias: string, supersedingId: string): Sql {
  return sql`CAST(${supersedingId} AS uuid) IN (
    WITH RECURSIVE later(id) AS (
      SELECT s.superseding_article_id FROM law_article_supersession s WHERE s.article_id = ${raw(alias)}.id
      UNION
      SELECT s.superseding_article_id FROM law_article_supersession s JOIN later l ON s.article_id = l.id
    ) SELECT id FROM later)`;
}

/**
 * Ends the articles of a repealed document still in force after `lastDay` on that day (one
 * statement, each article's version moved on); those ended, by id. The caller has locked the
 * document and refused articles that start after the day or are superseded after it.
 */
export async function endDocumentArticles(tx: RequestContext, documentId: string, lastDay: string): Promise<Array<{ id: string; effectiveFrom: string }>> {
  const rows: Array<{ id: string; effectiveFrom: string }> = await tx.manager.query(
    `UPDATE law_article SET effective_to = $2::date, version = version + 1, updated_at = now()
      WHERE document_id = $1 AND (effective_to IS NULL OR effective_to > $2::date)
      RETURNING id, to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"`,
    [documentId, lastDay],
  );
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}
