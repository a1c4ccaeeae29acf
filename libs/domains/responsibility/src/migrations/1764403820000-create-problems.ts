import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { PROBLEM_RULE_SEEDS } from '../business-rules/problems';

/**
 * 安全生产和自然灾害问题清单 (work-plan point 三): problems with their source, owner, deadline, closure and
 * effectiveness check, their timeline, the post-event reviews (复盘) with the problems they raised,
 * and the first versions of the effectiveness-check and repeat-window rules.
 */
export class CreateProblems1764403820000 implements MigrationInterface {
  name = 'CreateProblems1764403820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE problem (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        category text NOT NULL CHECK (category IN ('RESPONSIBILITY', 'HAZARD_CONTROL', 'EMERGENCY_PREPAREDNESS', 'FIRE_SAFETY', 'NATURAL_DISASTER', 'ENFORCEMENT', 'PUBLIC_SUPERVISION', 'OTHER')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text,
        found_on date NOT NULL,
        source_kind text NOT NULL CHECK (source_kind IN ('DRILL_PROBLEM', 'CONSULTATION_ACTION_ITEM', 'HAZARD', 'UPSTREAM_INSPECTION', 'UPSTREAM_ASSESSMENT', 'SUPERVISION_ACTION', 'KEY_TASK', 'OTHER')),
        source_node_id text,
        source_reference text,
        owner_organization_id uuid NOT NULL REFERENCES organization (id),
        owner_person_id uuid REFERENCES person (id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RECTIFYING', 'CLOSED', 'EFFECTIVE')),
        closed_on date,
        closed_by_id uuid,
        closed_by_kind text CHECK (closed_by_kind IN ('user', 'api-client', 'system')),
        closed_by_name text,
        effectiveness_criteria text,
        check_due_on date,
        effectiveness_rule_version_id uuid REFERENCES business_rule_version (id),
        effectiveness_result text CHECK (effectiveness_result IN ('EFFECTIVE', 'INEFFECTIVE')),
        checked_on date,
        checked_by_id uuid,
        checked_by_kind text CHECK (checked_by_kind IN ('user', 'api-client', 'system')),
        checked_by_name text,
        check_note text,
        repeat_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (source_node_id IS NOT NULL OR source_reference IS NOT NULL),
        CHECK (due_on >= found_on),
        CHECK ((status IN ('CLOSED', 'EFFECTIVE')) = (closed_on IS NOT NULL)),
        CHECK ((closed_on IS NULL) = (effectiveness_criteria IS NULL) AND (closed_on IS NULL) = (check_due_on IS NULL)),
        CHECK (closed_on IS NULL OR (closed_on >= found_on AND check_due_on >= closed_on)),
        CHECK (status <> 'EFFECTIVE' OR effectiveness_result = 'EFFECTIVE')
      )`);
    // Repeat detection looks back per organization and category by day.
    await q.query(`CREATE INDEX problem_repeat_idx ON problem (organization_id, category, found_on)`);
    await q.query(`CREATE INDEX problem_due_idx ON problem (due_on, id)`);
    await q.query(`CREATE INDEX problem_found_idx ON problem (found_on, id)`);
    await q.query(`COMMENT ON TABLE problem IS '安全生产和自然灾害问题清单: problems by organization and category, with source, owner, deadline, closure and a separate effectiveness check'`);
    await q.query(`
      CREATE TABLE problem_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        problem_id uuid NOT NULL REFERENCES problem (id),
        recorded_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'RECTIFYING', 'CLOSED', 'EFFECTIVE')),
        effectiveness_result text CHECK (effectiveness_result IN ('EFFECTIVE', 'INEFFECTIVE')),
        note text NOT NULL CHECK (length(btrim(note)) > 0),
        actor_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX problem_update_problem_idx ON problem_update (problem_id, created_at, id)`);
    await q.query(`COMMENT ON TABLE problem_update IS '问题整改记录: the timeline of a problem (rectification, closure, effectiveness checks)'`);
    await q.query(`
      CREATE TABLE problem_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        held_on date NOT NULL,
        subject_node_id text,
        findings text NOT NULL CHECK (length(btrim(findings)) > 0),
        lessons text NOT NULL CHECK (length(btrim(lessons)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX problem_review_org_idx ON problem_review (organization_id, held_on, id)`);
    await q.query(`COMMENT ON TABLE problem_review IS '复盘: post-event reviews with findings and lessons'`);
    await q.query(`
      CREATE TABLE problem_review_problem (
        review_id uuid NOT NULL REFERENCES problem_review (id),
        problem_id uuid NOT NULL REFERENCES problem (id),
        PRIMARY KEY (review_id, problem_id)
      )`);
    await q.query(`CREATE INDEX problem_review_problem_problem_idx ON problem_review_problem (problem_id, review_id)`);
    await q.query(`COMMENT ON TABLE problem_review_problem IS '复盘提出的问题: which problems a review raised'`);
    await insertBusinessRuleVersions(q, PROBLEM_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE problem_review_problem`);
    await q.query(`DROP TABLE problem_review`);
    await q.query(`DROP TABLE problem_update`);
    await q.query(`DROP TABLE problem`);
    // The rules' versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
