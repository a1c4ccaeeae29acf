import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * The characters the search indexes, as a regular expression class (PostgreSQL's ARE): CJK ideographs
 * (unified, extension A, compatibility, extension B and beyond, 〇) and kana make overlapping bigrams;
 * ASCII letters and digits make whole words. Everything else (punctuation, spaces) separates runs.
 * Kept equal to `KNOWLEDGE_TOKEN_CLASS` in knowledge.search.ts.
 */
const CJK = `\\u3007\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0002fa1f`;
const RUNS = `'[${CJK}]+|[a-z0-9]+'`;

/**
 * 应急百事通 (issue 22): knowledge entries (Q&A, plan excerpts, law articles, guides) searched through
 * a bigram `tsvector` without any extension: `knowledge_tokens` cuts a text (NFKC, lower-cased) into
 * runs of CJK characters, each giving its overlapping 2-character tokens and its last character alone
 * (so a one-character query `火:*` finds every 火), and ASCII words kept whole; `knowledge_tsvector`
 * puts them at consecutive positions (phrase search with `<->` is then an exact substring match) and
 * `knowledge_phrase` makes the matching `tsquery` of a query word. Synonyms apply at query time;
 * every search is logged (normalized query, result count, principal kind) for the zero-result report.
 */
export class CreateKnowledge1764404250000 implements MigrationInterface {
  name = 'CreateKnowledge1764404250000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION knowledge_tokens(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(g.token ORDER BY r.n, g.i), '{}')
          FROM regexp_matches(lower(normalize(coalesce(input, ''), NFKC)), ${RUNS}, 'g') WITH ORDINALITY AS r(m, n)
          CROSS JOIN LATERAL (
            SELECT i, CASE WHEN r.m[1] ~ '^[a-z0-9]' THEN r.m[1] ELSE substr(r.m[1], i, 2) END AS token
              FROM generate_series(1, CASE WHEN r.m[1] ~ '^[a-z0-9]' THEN 1 ELSE char_length(r.m[1]) END) AS i
          ) g
      $$`);
    await q.query(`COMMENT ON FUNCTION knowledge_tokens(text) IS '应急百事通: the search tokens of a text (NFKC, lower-cased): per CJK run its overlapping bigrams and its last character; ASCII words whole; punctuation dropped'`);
    // The tokens at consecutive positions, built as tsvector text (no parser, so no locale decides what a letter is).
    await q.query(`
      CREATE FUNCTION knowledge_tsvector(input text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg('''' || u.token || ''':' || least(u.n, 16383), ' ')::tsvector, ''::tsvector)
          FROM unnest(knowledge_tokens(input)) WITH ORDINALITY AS u(token, n)
      $$`);
    // Every function inside is IMMUTABLE too (array_to_string is not), so the generated column's expression is honestly immutable.
    await q.query(`
      CREATE FUNCTION knowledge_document(title text, body text, tags text[]) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(knowledge_tsvector(title), 'A') || setweight(knowledge_tsvector(body), 'B') || setweight(knowledge_tsvector((SELECT string_agg(tag, ' ') FROM unnest(tags) AS tag)), 'C')
      $$`);
    // A query word as tsquery text: its tokens joined by <->; a CJK run's last character only where another run follows
    // (the document's run ends there too); a last run of one character as a prefix (火:* finds 火灾 and 起火 alike).
    await q.query(`
      CREATE FUNCTION knowledge_phrase(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH r AS (
          SELECT x.m[1] AS run, x.n, count(*) OVER () AS runs
            FROM regexp_matches(lower(normalize(coalesce(word, ''), NFKC)), ${RUNS}, 'g') WITH ORDINALITY AS x(m, n)
        )
        SELECT string_agg(t.token, ' <-> ' ORDER BY r.n, t.i)
          FROM r CROSS JOIN LATERAL (
            SELECT i, CASE
                WHEN r.run ~ '^[a-z0-9]' THEN '''' || r.run || ''''
                WHEN char_length(r.run) = 1 AND r.n = r.runs THEN '''' || r.run || ''':*'
                ELSE '''' || substr(r.run, i, 2) || '''' END AS token
              FROM generate_series(1, CASE WHEN r.run ~ '^[a-z0-9]' OR char_length(r.run) = 1 THEN 1 WHEN r.n = r.runs THEN char_length(r.run) - 1 ELSE char_length(r.run) END) AS i
          ) t
      $$`);
    await q.query(`COMMENT ON FUNCTION knowledge_phrase(text) IS '应急百事通: a query word as tsquery text matching it as a contiguous substring of an indexed text (bigrams joined by <->; a final single character as a prefix)'`);

    await q.query(`
      CREATE TABLE knowledge_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('QUESTION_ANSWER', 'PLAN_EXCERPT', 'LAW_ARTICLE', 'GUIDE')),
        title text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 2 AND 120),
        body text NOT NULL CHECK (char_length(btrim(body)) BETWEEN 2 AND 4000),
        source_type text CHECK (source_type IN ('EmergencyPlan', 'LawArticle')),
        source_id uuid,
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
        published_at timestamptz,
        search_vector tsvector NOT NULL GENERATED ALWAYS AS (knowledge_document(title, body, tags)) STORED,
        ${AUDIT_COLUMNS},
        CHECK ((source_type IS NULL) = (source_id IS NULL)),
        CHECK (kind <> 'PLAN_EXCERPT' OR source_type = 'EmergencyPlan'),
        CHECK (kind <> 'LAW_ARTICLE' OR source_type = 'LawArticle')
      )`);
    await q.query(`CREATE INDEX knowledge_entry_search_idx ON knowledge_entry USING gin (search_vector)`);
    await q.query(`CREATE INDEX knowledge_entry_kind_idx ON knowledge_entry (kind, id)`);
    await q.query(`CREATE INDEX knowledge_entry_title_idx ON knowledge_entry (title, id)`);
    await q.query(`CREATE INDEX knowledge_entry_source_idx ON knowledge_entry (source_type, source_id) WHERE source_id IS NOT NULL`);
    await q.query(`CREATE INDEX knowledge_entry_published_idx ON knowledge_entry (published_at, id)`);
    await q.query(`CREATE INDEX knowledge_entry_created_idx ON knowledge_entry (created_at, id)`);
    await q.query(`CREATE INDEX knowledge_entry_updated_idx ON knowledge_entry (updated_at, id)`);
    await q.query(`CREATE INDEX knowledge_entry_tags_idx ON knowledge_entry USING gin (tags)`);
    await q.query(`COMMENT ON TABLE knowledge_entry IS '应急百事通: knowledge entries (Q&A, plan excerpts, law articles, guides) with a bigram tsvector (title A, body B, tags C); published ones answer the public search'`);

    await q.query(`
      CREATE TABLE knowledge_synonym (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        term text NOT NULL CHECK (char_length(term) BETWEEN 1 AND 20 AND term = lower(normalize(term, NFKC)) AND term ~ ('^(' || ${RUNS} || ')+$')),
        canonical text NOT NULL CHECK (char_length(canonical) BETWEEN 1 AND 20 AND canonical = lower(normalize(canonical, NFKC)) AND canonical ~ ('^(' || ${RUNS} || ')+$')),
        note text,
        archived_at timestamptz,
        ${AUDIT_COLUMNS},
        CHECK (term <> canonical)
      )`);
    await q.query(`CREATE UNIQUE INDEX knowledge_synonym_term_key ON knowledge_synonym (term) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX knowledge_synonym_canonical_idx ON knowledge_synonym (canonical, id) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX knowledge_synonym_order_idx ON knowledge_synonym (canonical, term, id)`);
    await q.query(`CREATE INDEX knowledge_synonym_updated_idx ON knowledge_synonym (updated_at, id)`);
    await q.query(`COMMENT ON TABLE knowledge_synonym IS '应急百事通 synonyms: a term searched also as its canonical term and the canonical''s other terms (地灾 = 地质灾害), applied at query time'`);

    await q.query(`
      CREATE TABLE knowledge_query_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        query text NOT NULL CHECK (char_length(query) BETWEEN 1 AND 64),
        result_count int NOT NULL CHECK (result_count >= 0),
        searched_at timestamptz NOT NULL,
        principal_kind text NOT NULL CHECK (principal_kind IN ('anonymous', 'user', 'api-client', 'system'))
      )`);
    await q.query(`CREATE INDEX knowledge_query_log_searched_idx ON knowledge_query_log (searched_at)`);
    await q.query(`CREATE INDEX knowledge_query_log_zero_idx ON knowledge_query_log (query, searched_at) WHERE result_count = 0`);
    await q.query(`COMMENT ON TABLE knowledge_query_log IS '应急百事通 query log: each search''s normalized query, result count, time and principal kind (no address, no account), for the zero-result report'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE knowledge_query_log`);
    await q.query(`DROP TABLE knowledge_synonym`);
    await q.query(`DROP TABLE knowledge_entry`);
    await q.query(`DROP FUNCTION knowledge_phrase(text)`);
    await q.query(`DROP FUNCTION knowledge_document(text, text, text[])`);
    await q.query(`DROP FUNCTION knowledge_tsvector(text)`);
    await q.query(`DROP FUNCTION knowledge_tokens(text)`);
  }
}
