import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned business rules (业务规则版本): `business_rule_version` holds every version of every rule a
 * module declares, added and never changed (a trigger refuses changes to what a version says and any
 * delete; only a withdrawal before it comes into force is recorded). `business_rule_version_at` picks
 * the version that applies on a day, for statements and for the TypeScript side alike.
 */
export class CreateBusinessRules1764403700000 implements MigrationInterface {
  name = 'CreateBusinessRules1764403700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business_rule_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_code text NOT NULL,
        jurisdiction text NOT NULL CHECK (jurisdiction IN ('NATIONAL', 'PROVINCE', 'DISTRICT', 'TOWN')),
        jurisdiction_name text NOT NULL,
        document_number text NOT NULL,
        document_title text,
        article text,
        value jsonb NOT NULL CHECK (jsonb_typeof(value) = 'object'),
        effective_from date NOT NULL,
        effective_to date CHECK (effective_to >= effective_from),
        note text,
        withdrawn_at timestamptz,
        withdrawn_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX business_rule_version_rule_idx ON business_rule_version (rule_code, effective_from DESC) WHERE withdrawn_at IS NULL`);
    await q.query(`COMMENT ON TABLE business_rule_version IS '业务规则版本: every version of every declared business rule (thresholds, deadlines, tiers, rates) with its jurisdiction, document, article and period; insert-only'`);
    // What a version says is never changed and no version is deleted: a record that used it must find it as it was.
    await q.query(`
      CREATE FUNCTION business_rule_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'business rule versions are never deleted (withdraw one not yet in force)'; END IF;
        IF (NEW.rule_code, NEW.jurisdiction, NEW.jurisdiction_name, NEW.document_number, NEW.document_title, NEW.article, NEW.value, NEW.effective_from, NEW.effective_to, NEW.created_at)
           IS DISTINCT FROM (OLD.rule_code, OLD.jurisdiction, OLD.jurisdiction_name, OLD.document_number, OLD.document_title, OLD.article, OLD.value, OLD.effective_from, OLD.effective_to, OLD.created_at) THEN
          RAISE EXCEPTION 'business rule versions are never changed (add a new version)';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER business_rule_version_immutable BEFORE UPDATE OR DELETE ON business_rule_version FOR EACH ROW EXECUTE FUNCTION business_rule_version_immutable()`);
    // The version that applies on a day: not withdrawn, in its period; the most local jurisdiction, then the latest first day, then the latest added.
    await q.query(`
      CREATE FUNCTION business_rule_version_at(code text, d date) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT v.id FROM business_rule_version v
         WHERE v.rule_code = code AND v.withdrawn_at IS NULL AND v.effective_from <= d AND (v.effective_to IS NULL OR v.effective_to >= d)
         ORDER BY CASE v.jurisdiction WHEN 'TOWN' THEN 4 WHEN 'DISTRICT' THEN 3 WHEN 'PROVINCE' THEN 2 ELSE 1 END DESC, v.effective_from DESC, v.created_at DESC, v.id DESC
         LIMIT 1
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION business_rule_version_at(text, date)`);
    await q.query(`DROP TABLE business_rule_version`);
    await q.query(`DROP FUNCTION business_rule_version_immutable()`);
  }
}
