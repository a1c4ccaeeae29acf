import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { PUBLICITY_RULE_SEEDS } from '../business-rules/publicity';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const TARGETS = `('ENTERPRISE', 'VILLAGE', 'COMMUNITY', 'SCHOOL', 'FAMILY')`;

/**
 * Publicity (issue 21, point 二十一): safety publicity activities with their 宣传五进 target and
 * audience (the rule `reporting.publicity-calendar`), and commendations for successful early-warning
 * evacuations linked to warnings.
 */
export class CreatePublicity1764404140000 implements MigrationInterface {
  name = 'CreatePublicity1764404140000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE publicity_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SAFETY_MONTH', 'DISASTER_PREVENTION_DAY', 'FIRE_SAFETY_MONTH', 'FIVE_INTO', 'OTHER')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        held_on date NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization (id),
        target text CHECK (target IN ${TARGETS}),
        audience_count int NOT NULL CHECK (audience_count >= 0),
        summary text,
        archived_at timestamptz,
        ${AUDIT_COLUMNS},
        CHECK (kind <> 'FIVE_INTO' OR target IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX publicity_activity_held_idx ON publicity_activity (held_on, id)`);
    await q.query(`CREATE INDEX publicity_activity_organization_idx ON publicity_activity (organization_id, held_on, id)`);
    await q.query(`CREATE INDEX publicity_activity_created_idx ON publicity_activity (created_at, id)`);
    await q.query(`CREATE INDEX publicity_activity_updated_idx ON publicity_activity (updated_at, id)`);
    await q.query(`COMMENT ON TABLE publicity_activity IS '安全宣传活动: 安全生产月, 防灾减灾日, 消防宣传月, 宣传五进 and other activities with their target and audience; the 五进 matrix counts them for the village or community they lie in'`);

    await q.query(`
      CREATE TABLE evacuation_commendation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        warning_id uuid NOT NULL REFERENCES warning (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        person_id uuid REFERENCES person (id),
        commended_name text NOT NULL CHECK (length(btrim(commended_name)) > 0),
        evacuated_count int NOT NULL CHECK (evacuated_count > 0),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        commended_on date NOT NULL,
        document_number text,
        ${AUDIT_COLUMNS}
      )`);
    await q.query(`CREATE INDEX evacuation_commendation_day_idx ON evacuation_commendation (commended_on, id)`);
    await q.query(`CREATE INDEX evacuation_commendation_warning_idx ON evacuation_commendation (warning_id, commended_on, id)`);
    await q.query(`CREATE INDEX evacuation_commendation_organization_idx ON evacuation_commendation (organization_id, commended_on, id)`);
    await q.query(`CREATE INDEX evacuation_commendation_created_idx ON evacuation_commendation (created_at, id)`);
    await q.query(`CREATE INDEX evacuation_commendation_updated_idx ON evacuation_commendation (updated_at, id)`);
    await q.query(`COMMENT ON TABLE evacuation_commendation IS '预警转移表扬: commendations of organizations or persons for successful early-warning evacuations, linked to the warning'`);
    await insertBusinessRuleVersions(q, PUBLICITY_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evacuation_commendation`);
    await q.query(`DROP TABLE publicity_activity`);
  }
}
