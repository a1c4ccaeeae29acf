import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { DUTY_RULE_SEEDS } from '../business-rules/duties';

/**
 * 职责清单与述职 (work-plan point 一): officials' duty lists per year with their items (stable keys,
 * legal bases), signing and revision chain, the actions recorded against items, duty reports with the
 * ledger ids they were generated from, and the first version of the report deadline rule.
 */
export class CreateDuties1764403830000 implements MigrationInterface {
  name = 'CreateDuties1764403830000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        position_title text NOT NULL CHECK (length(btrim(position_title)) > 0),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        revision int NOT NULL CHECK (revision BETWEEN 1 AND 100),
        previous_id uuid REFERENCES duty_list (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SIGNED')),
        signed_at timestamptz,
        signed_by_kind text CHECK (signed_by_kind IN ('user', 'api-client', 'system')),
        signed_by_id uuid,
        signed_by_person_id uuid REFERENCES person (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL AND signed_by_kind IS NOT NULL)),
        CHECK (revision = 1 OR previous_id IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX duty_list_official_idx ON duty_list (person_id, organization_id, year, revision)`);
    // A list is revised once: the chain of revisions does not fork.
    await q.query(`CREATE UNIQUE INDEX duty_list_previous_idx ON duty_list (previous_id) WHERE previous_id IS NOT NULL`);
    await q.query(`CREATE INDEX duty_list_organization_idx ON duty_list (organization_id, year, id)`);
    await q.query(`COMMENT ON TABLE duty_list IS '职责清单: an official''s safety duties for a year, drafted, signed (then immutable) and revised'`);
    await q.query(`
      CREATE TABLE duty_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL REFERENCES duty_list (id),
        key text NOT NULL CHECK (key ~ '^[A-Z0-9][A-Z0-9-]{0,29}$'),
        position int NOT NULL CHECK (position BETWEEN 0 AND 1000000),
        text text NOT NULL CHECK (length(btrim(text)) > 0),
        legal_basis text NOT NULL CHECK (length(btrim(legal_basis)) > 0),
        category text NOT NULL CHECK (category IN ('LEADERSHIP', 'SUPERVISION', 'HAZARD_CONTROL', 'EMERGENCY', 'DISASTER_PREVENTION', 'FIRE_SAFETY', 'PUBLICITY_TRAINING')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX duty_item_key_idx ON duty_item (list_id, key)`);
    await q.query(`CREATE INDEX duty_item_position_idx ON duty_item (list_id, position, id)`);
    await q.query(`COMMENT ON TABLE duty_item IS '职责条目: one duty of a list with its legal basis; its key is kept across years'`);
    await q.query(`
      CREATE TABLE duty_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES duty_item (id),
        acted_on date NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        linked_node_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX duty_action_item_idx ON duty_action (item_id, acted_on, id)`);
    await q.query(`COMMENT ON TABLE duty_action IS '履职记录: an action recorded against a duty item on a day, with evidence in attachment'`);
    await q.query(`
      CREATE TABLE duty_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        position_title text NOT NULL CHECK (length(btrim(position_title)) > 0),
        period_from date NOT NULL,
        period_to date NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        text text NOT NULL CHECK (length(btrim(text)) > 0),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SUBMITTED')),
        generated_at timestamptz NOT NULL,
        action_ids uuid[] NOT NULL DEFAULT '{}',
        key_task_ids uuid[] NOT NULL DEFAULT '{}',
        hazard_ids uuid[] NOT NULL DEFAULT '{}',
        due_on date NOT NULL,
        deadline_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        submitted_at timestamptz,
        submitted_by_kind text CHECK (submitted_by_kind IN ('user', 'api-client', 'system')),
        submitted_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (period_from <= period_to),
        CHECK ((status = 'SUBMITTED') = (submitted_at IS NOT NULL AND submitted_by_kind IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX duty_report_official_idx ON duty_report (person_id, period_to, id)`);
    await q.query(`CREATE INDEX duty_report_organization_idx ON duty_report (organization_id, period_to, id)`);
    await q.query(`COMMENT ON TABLE duty_report IS '述职报告: an official''s report over a period, generated from the ledger, edited, submitted (then immutable)'`);
    await insertBusinessRuleVersions(q, DUTY_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_report`);
    await q.query(`DROP TABLE duty_action`);
    await q.query(`DROP TABLE duty_item`);
    await q.query(`DROP TABLE duty_list`);
    // The rule's versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
