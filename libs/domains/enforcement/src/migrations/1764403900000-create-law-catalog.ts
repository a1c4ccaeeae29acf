import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertLawCatalog } from './law-catalog.insert';

/**
 * 法律法规库 (work-plan point 十六): documents (laws, regulations, rules, standards, normative
 * documents), their articles with effective periods and topics, and the supersession links between
 * articles; and the catalog every installation starts with (`insertLawCatalog`: 安全生产法 2021,
 * 行政处罚法 2021, 国务院令第493号, 总局令第77号 and 应急管理部令第18号 with the supersessions between them).
 */
export class CreateLawCatalog1764403900000 implements MigrationInterface {
  name = 'CreateLawCatalog1764403900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE law_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
        kind text NOT NULL CHECK (kind IN ('LAW', 'ADMINISTRATIVE_REGULATION', 'DEPARTMENT_RULE', 'LOCAL_REGULATION', 'LOCAL_RULE', 'NATIONAL_STANDARD', 'INDUSTRY_STANDARD', 'NORMATIVE_DOCUMENT')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        document_number text CHECK (document_number IS NULL OR length(btrim(document_number)) > 0),
        issuing_body text NOT NULL CHECK (length(btrim(issuing_body)) > 0),
        adopted_on date,
        promulgated_on date,
        effective_from date NOT NULL,
        effective_to date,
        source text,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (effective_to IS NULL OR effective_to >= effective_from),
        CHECK (promulgated_on IS NULL OR adopted_on IS NULL OR promulgated_on >= adopted_on)
      )`);
    await q.query(`CREATE INDEX law_document_effective_idx ON law_document (effective_from, id)`);
    await q.query(`COMMENT ON TABLE law_document IS '法律法规库: laws, regulations, rules, standards and normative documents with their days in force'`);
    await q.query(`
      CREATE TABLE law_article (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES law_document (id),
        number text NOT NULL CHECK (length(btrim(number)) > 0),
        ordinal int NOT NULL CHECK (ordinal > 0),
        caption text,
        summary text NOT NULL CHECK (length(btrim(summary)) > 0),
        topics text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 20),
        evidence text NOT NULL CHECK (evidence IN ('VERIFIED', 'SECONDARY', 'UNVERIFIED')),
        source text,
        note text,
        effective_from date NOT NULL,
        effective_to date,
        superseded_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (document_id, ordinal),
        CHECK (effective_to IS NULL OR effective_to >= effective_from),
        CHECK (superseded_on IS NULL OR (superseded_on > effective_from AND effective_to = superseded_on - 1))
      )`);
    await q.query(`CREATE INDEX law_article_order_idx ON law_article (document_id, ordinal, id)`);
    await q.query(`CREATE INDEX law_article_topics_idx ON law_article USING gin (topics)`);
    await q.query(`COMMENT ON TABLE law_article IS '法律条文: articles with a summary, the matters (topics) they apply to, their period and the day they were superseded'`);
    await q.query(`
      CREATE TABLE law_article_supersession (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL REFERENCES law_article (id),
        superseding_article_id uuid NOT NULL REFERENCES law_article (id),
        effective_on date NOT NULL,
        note text NOT NULL CHECK (length(btrim(note)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (article_id, superseding_article_id),
        CHECK (article_id <> superseding_article_id)
      )`);
    await q.query(`CREATE INDEX law_article_supersession_article_idx ON law_article_supersession (article_id, effective_on, id)`);
    await q.query(`CREATE INDEX law_article_supersession_superseding_idx ON law_article_supersession (superseding_article_id, effective_on, id)`);
    await q.query(`COMMENT ON TABLE law_article_supersession IS '条文取代关系: from a day on, a later or higher article applies instead of an earlier one'`);
    await insertLawCatalog(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE law_article_supersession`);
    await q.query(`DROP TABLE law_article`);
    await q.query(`DROP TABLE law_document`);
  }
}
