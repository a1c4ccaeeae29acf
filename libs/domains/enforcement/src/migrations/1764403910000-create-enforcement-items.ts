import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { ITEM_RULE_SEEDS } from '../business-rules/items';

/**
 * 执法事项清单 (work-plan point 十七): list versions of a legal subject (one IN_FORCE at a time,
 * published periods never overlapping), their items (statutory, delegated, entrusted) with the
 * catalog articles of their legal basis and the discretion bands of penalties, and the first
 * version of the hearing-threshold rule.
 */
export class CreateEnforcementItems1764403910000 implements MigrationInterface {
  name = 'CreateEnforcementItems1764403910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_item_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,31}$'),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        document_number text,
        effective_from date NOT NULL,
        effective_to date,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_FORCE', 'SUPERSEDED')),
        published_at timestamptz,
        previous_id uuid REFERENCES enforcement_item_list (id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (organization_id, code),
        CHECK ((status = 'DRAFT') = (published_at IS NULL)),
        CHECK ((status = 'SUPERSEDED') = (effective_to IS NOT NULL)),
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    // One list in force per legal subject; published periods of one organization never overlap (publishing closes the previous one).
    await q.query(`CREATE UNIQUE INDEX enforcement_item_list_in_force_idx ON enforcement_item_list (organization_id) WHERE status = 'IN_FORCE'`);
    await q.query(`CREATE INDEX enforcement_item_list_order_idx ON enforcement_item_list (effective_from, id)`);
    await q.query(`COMMENT ON TABLE enforcement_item_list IS '执法事项清单: list versions of a legal subject, drafted, published from a day, superseded by the next'`);
    await q.query(`
      CREATE TABLE enforcement_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES enforcement_item_list (id),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind text NOT NULL CHECK (kind IN ('STATUTORY', 'DELEGATED', 'ENTRUSTED')),
        category text NOT NULL CHECK (category IN ('INSPECTION', 'PENALTY', 'COERCIVE_MEASURE', 'OTHER')),
        scope text,
        responsible_organization_id uuid NOT NULL REFERENCES organization (id),
        source_department text,
        entrusting_body text,
        legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (list_id, code),
        CHECK ((kind = 'DELEGATED') = (source_department IS NOT NULL)),
        CHECK ((kind = 'ENTRUSTED') = (entrusting_body IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX enforcement_item_list_idx ON enforcement_item (list_id, code, id)`);
    await q.query(`CREATE INDEX enforcement_item_code_idx ON enforcement_item (code, id)`);
    await q.query(`COMMENT ON TABLE enforcement_item IS '执法事项: an item of one list version (statutory, delegated, entrusted) with its legal basis'`);
    await q.query(`
      CREATE TABLE enforcement_item_basis (
        item_id uuid NOT NULL REFERENCES enforcement_item (id),
        article_id uuid NOT NULL REFERENCES law_article (id),
        PRIMARY KEY (item_id, article_id)
      )`);
    await q.query(`CREATE INDEX enforcement_item_basis_article_idx ON enforcement_item_basis (article_id, item_id)`);
    await q.query(`COMMENT ON TABLE enforcement_item_basis IS '执法事项依据条文: the catalog articles an item''s legal basis cites'`);
    await q.query(`
      CREATE TABLE enforcement_discretion_band (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES enforcement_item (id),
        subject text NOT NULL CHECK (subject IN ('UNIT', 'PERSON')),
        level text NOT NULL CHECK (level IN ('MINOR', 'GENERAL', 'SERIOUS', 'GRAVE')),
        fine_min_yuan numeric(14, 2) CHECK (fine_min_yuan >= 0),
        fine_max_yuan numeric(14, 2),
        income_percent_min int CHECK (income_percent_min BETWEEN 0 AND 100),
        income_percent_max int CHECK (income_percent_max BETWEEN 0 AND 100),
        condition text NOT NULL CHECK (length(btrim(condition)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((fine_min_yuan IS NULL) = (fine_max_yuan IS NULL) AND (income_percent_min IS NULL) = (income_percent_max IS NULL)),
        CHECK ((fine_min_yuan IS NULL) <> (income_percent_min IS NULL)),
        CHECK (fine_max_yuan >= fine_min_yuan),
        CHECK (income_percent_max >= income_percent_min),
        CHECK (income_percent_min IS NULL OR subject = 'PERSON')
      )`);
    await q.query(`CREATE INDEX enforcement_discretion_band_item_idx ON enforcement_discretion_band (item_id, id)`);
    await q.query(`COMMENT ON TABLE enforcement_discretion_band IS '裁量基准: fine ranges of a penalty item for the unit and for persons'`);
    await insertBusinessRuleVersions(q, ITEM_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE enforcement_discretion_band`);
    await q.query(`DROP TABLE enforcement_item_basis`);
    await q.query(`DROP TABLE enforcement_item`);
    await q.query(`DROP TABLE enforcement_item_list`);
    // The rule's versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
