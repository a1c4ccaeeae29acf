import {
  ParamNames,
  compile,
  paginateSql,
  records,
  rowReader,
  runSql,
  sql,
  unscoped,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { KnowledgeEntry } from './knowledge-entry.entity';
import { KnowledgeEntries, KnowledgeSynonyms } from './knowledge.entities';
import type { KnowledgeQueryStat } from './knowledge.types';

/** At most this many spellings of one query word (the word and its synonyms). */
const MAX_VARIANTS = 8;

/** A query word's spellings (itself first, then its synonyms) with the tsquery text of each. */
export interface WordVariants {
  readonly variants: string[];
  readonly phrases: string[];
}

/**
 * Each word with its synonyms applied (one statement): where a word contains an active synonym's
 * term or canonical, the spelling with it replaced by the canonical and by the canonical's other
 * terms; each spelling with its tsquery text (`knowledge_phrase`). Words in the order given.
 */
export async function wordVariants(ctx: RequestContext, words: readonly string[]): Promise<WordVariants[]> {
  const members = unscoped(ctx, KnowledgeSynonyms, 'every caller\'s search (the public\'s too) applies every active synonym')
    .as('s')
    .where(sql`s.archived_at IS NULL`)
    .subquery(sql`DISTINCT s.canonical AS grp, unnest(ARRAY[s.term, s.canonical]) AS term`);
  const rows = await runSql<{ ord: string; variant: string; phrase: string | null }>(
    ctx.manager,
    sql`WITH w AS (SELECT word, ord FROM unnest(CAST(${[...words]} AS text[])) WITH ORDINALITY AS w(word, ord)),
         g AS ${members},
         v AS (
           SELECT w.ord, w.word AS variant, 0 AS rank FROM w
           UNION
           SELECT w.ord, replace(w.word, a.term, b.term), 1 FROM w JOIN g a ON strpos(w.word, a.term) > 0 JOIN g b ON b.grp = a.grp AND b.term <> a.term
         )
       SELECT v.ord::text AS ord, v.variant, knowledge_phrase(v.variant) AS phrase FROM v ORDER BY v.ord, v.rank, char_length(v.variant) DESC, v.variant`,
  );
  const out: WordVariants[] = words.map(() => ({ variants: [], phrases: [] }));
  for (const r of rows) {
    const w = out[Number(r.ord) - 1]!;
    if (r.phrase === null || w.variants.length >= MAX_VARIANTS || w.phrases.includes(r.phrase)) continue;
    w.variants.push(r.variant);
    w.phrases.push(r.phrase);
  }
  return out;
}

/** The tsquery text of a search: each word's spellings OR-ed, the words AND-ed. */
export function tsqueryOf(words: readonly WordVariants[]): string {
  return words
    .filter((w) => w.phrases.length)
    .map((w) => `(${w.phrases.map((p) => `(${p})`).join(' | ')})`)
    .join(' & ');
}

/** One hit of a search page as read. */
export interface HitRow {
  readonly entry: KnowledgeEntry;
  readonly rank: number;
  readonly titleMatched: boolean;
}

/**
 * One page of the entries the caller may read (the public: published ones) matching the tsquery, in
 * the order of `keys` over alias `h` (`KnowledgeSearchHitOrder`; by default title matches first, then
 * `ts_rank_cd` with title A, body B, tags C, then id), with the total (one statement: the rank is
 * computed once, in the WITH).
 */
export function searchPage(ctx: RequestContext, tsquery: string, kinds: readonly string[] | null, page: PageRequest, keys: readonly SortKey[]): Promise<ConnectionResult<HitRow>> {
  const q = sql`CAST(${tsquery} AS tsquery)`;
  let entries = records(ctx, KnowledgeEntries).where(sql`t.search_vector @@ ${q}`);
  if (kinds?.length) entries = entries.where(sql`t.kind = ANY(${[...kinds]})`);
  const matched = entries
    .subquery(sql`t.*, ts_rank_cd(t.search_vector, ${q}) AS rank, ts_filter(t.search_vector, '{a}') @@ ${q} AS "titleMatched"`);
  const from = compile(matched, new ParamNames('ks'));
  const reader = rowReader(ctx.manager, KnowledgeEntry, 'h');
  return paginateSql<HitRow>({
    manager: ctx.manager,
    from: `${from.text} h`,
    select: `${reader.select}, h.rank AS "__rank", h."titleMatched" AS "__titleMatched"`,
    where: [],
    params: from.params,
    keys: [...keys],
    page: { ...page, withCount: true },
    withCount: true,
    countInline: true,
    read: (rows) => {
      const entries = reader.read(rows);
      return entries.map((entry, i) => ({ entry, rank: Number(rows[i]!['__rank']), titleMatched: rows[i]!['__titleMatched'] === true }));
    },
  });
}

/** Logs a search: its normalized query, how many entries it found, when, and the kind of caller (no address, no account). */
export async function logSearch(ctx: RequestContext, query: string, resultCount: number): Promise<void> {
  await runSql(
    ctx.manager,
    sql`INSERT INTO knowledge_query_log (query, result_count, searched_at, principal_kind) VALUES (${query}, ${resultCount}, ${ctx.clock.now()}, ${ctx.principal.kind})`,
  );
}

/** The queries that found nothing between `from` and `to` (either open), grouped by query: how often, how often anonymously, the last time; in the order of `keys` over alias `g` (`KnowledgeQueryStatOrder`). */
export function zeroResultPage(ctx: RequestContext, from: Date | null, to: Date | null, page: PageRequest, withCount: boolean, keys: readonly SortKey[]): Promise<ConnectionResult<KnowledgeQueryStat>> {
  const grouped = compile(
    sql`(SELECT l.query, count(*)::int AS searches, count(*) FILTER (WHERE l.principal_kind = 'anonymous')::int AS "anonymousSearches", max(l.searched_at) AS "lastSearchedAt"
          FROM knowledge_query_log l
         WHERE l.result_count = 0 AND (CAST(${from} AS timestamptz) IS NULL OR l.searched_at >= ${from}) AND (CAST(${to} AS timestamptz) IS NULL OR l.searched_at < ${to})
         GROUP BY l.query)`,
    new ParamNames('zq'),
  );
  return paginateSql<KnowledgeQueryStat>({
    manager: ctx.manager,
    from: `${grouped.text} g`,
    select: 'g.query, g.searches, g."anonymousSearches", g."lastSearchedAt"',
    where: [],
    params: grouped.params,
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (rows) =>
      rows.map((r) => ({
        query: r['query'] as string,
        searches: Number(r['searches']),
        anonymousSearches: Number(r['anonymousSearches']),
        lastSearchedAt: new Date(r['lastSearchedAt'] as string | Date),
      })),
  });
}

/** Deletes the log rows older than `before`; how many. */
export async function purgeQueryLog(ctx: RequestContext, before: Date): Promise<number> {
  const rows = await runSql<{ n: number }>(ctx.manager, sql`WITH d AS (DELETE FROM knowledge_query_log WHERE searched_at < ${before} RETURNING 1) SELECT count(*)::int AS n FROM d`);
  return rows[0]?.n ?? 0;
}

/** Serializes synonym writes (the checks for uniqueness and chains read other rows), until the transaction ends. */
export async function lockSynonyms(tx: RequestContext): Promise<void> {
  await runSql(tx.manager, sql`SELECT pg_advisory_xact_lock(hashtext('scenarios.knowledge-synonym'))`);
}
