import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { RESPONSIBILITY_RULE_SEEDS } from '../business-rules/key-tasks';

/**
 * 年度重点任务清单 (work-plan point 一): the year's key tasks as a tree with owners, periods, weights,
 * statuses and reported progress, their timeline of progress reports, and the first version of the
 * behind-schedule tolerance rule.
 */
export class CreateKeyTasks1764403800000 implements MigrationInterface {
  name = 'CreateKeyTasks1764403800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE key_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        parent_id uuid REFERENCES key_task (id),
        depth int NOT NULL DEFAULT 1 CHECK (depth BETWEEN 1 AND 5),
        code text NOT NULL CHECK (length(btrim(code)) > 0),
        position int NOT NULL CHECK (position BETWEEN 0 AND 1000000),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        description text,
        owner_organization_id uuid NOT NULL REFERENCES organization (id),
        owner_person_id uuid REFERENCES person (id),
        weight int NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100),
        starts_on date NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        reported_progress int NOT NULL DEFAULT 0 CHECK (reported_progress BETWEEN 0 AND 100),
        completed_on date,
        indicator_code text,
        indicator_target double precision,
        schedule_rule_version_id uuid NOT NULL REFERENCES business_rule_version (id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (starts_on <= due_on),
        CHECK ((parent_id IS NULL) = (depth = 1)),
        CHECK ((status = 'COMPLETED') = (completed_on IS NOT NULL)),
        CHECK ((indicator_code IS NULL) = (indicator_target IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX key_task_year_idx ON key_task (year, code)`);
    await q.query(`CREATE INDEX key_task_parent_idx ON key_task (parent_id, position, id)`);
    await q.query(`CREATE INDEX key_task_position_idx ON key_task (year, position, id)`);
    await q.query(`CREATE INDEX key_task_owner_idx ON key_task (owner_organization_id, due_on, id)`);
    await q.query(`CREATE INDEX key_task_due_idx ON key_task (due_on, id) WHERE status IN ('PLANNED', 'IN_PROGRESS')`);
    await q.query(`COMMENT ON TABLE key_task IS '年度重点任务: the year''s key tasks as a tree (sections, work points, tasks) with owner, period, weight, status and reported progress'`);
    await q.query(`
      CREATE TABLE key_task_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES key_task (id),
        recorded_on date NOT NULL,
        progress int CHECK (progress BETWEEN 0 AND 100),
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        note text NOT NULL CHECK (length(btrim(note)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX key_task_update_task_idx ON key_task_update (task_id, created_at, id)`);
    await q.query(`COMMENT ON TABLE key_task_update IS '任务进展记录: the timeline of a key task (progress reports, completion, cancellation, reopening) with evidence in attachment'`);
    await insertBusinessRuleVersions(q, RESPONSIBILITY_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE key_task_update`);
    await q.query(`DROP TABLE key_task`);
    // The rule's versions stay: versions are never deleted (the table refuses it), and records elsewhere may name them.
  }
}
