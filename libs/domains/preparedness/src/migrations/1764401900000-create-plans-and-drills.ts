import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 应急预案与演练 (work-plan point 十一): emergency plans as version chains, drills with the problems
 * they found, and the drill requirements as data (drill_rule) with the four defaults of the work plan.
 */
export class CreatePlansAndDrills1764401900000 implements MigrationInterface {
  name = 'CreatePlansAndDrills1764401900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE emergency_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        type text NOT NULL CHECK (type IN ('TOWN_OVERALL','SPECIAL','VILLAGE','ENTERPRISE_ON_SITE')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        topic text,
        revision int NOT NULL CHECK (revision >= 1),
        supersedes_id uuid REFERENCES emergency_plan (id),
        chain_id uuid NOT NULL REFERENCES emergency_plan (id),
        status text NOT NULL CHECK (status IN ('DRAFT','EFFECTIVE','SUPERSEDED','ARCHIVED')),
        approved_on date,
        filed_on date,
        filed_with text,
        next_review_on date,
        last_reviewed_on date,
        review_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((revision = 1) = (supersedes_id IS NULL)),
        CHECK (revision > 1 OR chain_id = id),
        CHECK (status IN ('DRAFT','ARCHIVED') OR (approved_on IS NOT NULL AND next_review_on IS NOT NULL)),
        CHECK (filed_on IS NULL OR approved_on IS NOT NULL),
        UNIQUE (chain_id, revision)
      )`);
    await q.query(`CREATE INDEX emergency_plan_organization_idx ON emergency_plan (organization_id)`);
    await q.query(`CREATE INDEX emergency_plan_sort_idx ON emergency_plan (title, revision DESC, id)`);
    await q.query(`CREATE INDEX emergency_plan_chain_idx ON emergency_plan (chain_id, revision DESC, id)`);
    await q.query(`CREATE INDEX emergency_plan_review_idx ON emergency_plan (next_review_on) WHERE status = 'EFFECTIVE'`);
    // One open draft and one effective revision per plan at a time.
    await q.query(`CREATE UNIQUE INDEX emergency_plan_one_draft_idx ON emergency_plan (chain_id) WHERE status = 'DRAFT'`);
    await q.query(`CREATE UNIQUE INDEX emergency_plan_one_effective_idx ON emergency_plan (chain_id) WHERE status = 'EFFECTIVE'`);
    await q.query(`COMMENT ON TABLE emergency_plan IS '应急预案: one row per revision; chain_id is the first revision, supersedes_id the previous one'`);

    await q.query(`
      CREATE TABLE drill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        plan_id uuid REFERENCES emergency_plan (id),
        held_on date NOT NULL,
        form text NOT NULL CHECK (form IN ('TABLETOP','FUNCTIONAL','FULL_SCALE','EVACUATION')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        scenario text,
        participant_count int NOT NULL CHECK (participant_count >= 1),
        participants text,
        evaluation text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX drill_organization_held_idx ON drill (organization_id, held_on)`);
    await q.query(`CREATE INDEX drill_sort_idx ON drill (held_on DESC, id DESC)`);
    await q.query(`CREATE INDEX drill_plan_idx ON drill (plan_id) WHERE plan_id IS NOT NULL`);
    await q.query(`COMMENT ON TABLE drill IS '应急演练: drills held by organizations; counted against drill_rule for compliance'`);

    await q.query(`
      CREATE TABLE drill_problem (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        drill_id uuid NOT NULL REFERENCES drill (id),
        position int NOT NULL CHECK (position >= 1),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        follow_up text NOT NULL CHECK (follow_up IN ('NONE','TASK','HAZARD')),
        owner_person_id uuid REFERENCES person (id),
        due_on date,
        status text CHECK (status IN ('OPEN','DONE')),
        done_on date,
        hazard_id uuid REFERENCES hazard (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        UNIQUE (drill_id, position),
        CHECK ((follow_up = 'TASK') = (status IS NOT NULL)),
        CHECK (follow_up <> 'TASK' OR (owner_person_id IS NOT NULL AND due_on IS NOT NULL)),
        CHECK ((status = 'DONE') = (done_on IS NOT NULL)),
        CHECK ((follow_up = 'HAZARD') = (hazard_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX drill_problem_owner_idx ON drill_problem (owner_person_id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX drill_problem_hazard_idx ON drill_problem (hazard_id) WHERE hazard_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE drill_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        organization_kinds text[] NOT NULL CHECK (cardinality(organization_kinds) >= 1
          AND organization_kinds <@ ARRAY['TOWN_GOVERNMENT','DEPARTMENT','VILLAGE','COMMUNITY','GRID','ENTERPRISE','PUBLIC_INSTITUTION']),
        high_risk boolean,
        period text NOT NULL CHECK (period IN ('YEAR','HALF_YEAR')),
        min_drills int NOT NULL CHECK (min_drills >= 1),
        qualifying_forms text[] NOT NULL DEFAULT '{}' CHECK (qualifying_forms <@ ARRAY['TABLETOP','FUNCTIONAL','FULL_SCALE','EVACUATION']),
        priority int NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (high_risk IS NULL OR organization_kinds = ARRAY['ENTERPRISE'])
      )`);
    await q.query(`CREATE INDEX drill_rule_active_idx ON drill_rule (priority DESC, code) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE drill_rule IS '演练考核规则: drill requirements as data; of the active rules matching an organization the highest priority applies'`);
    // The work plan's requirements (point 十一), so a fresh server has them; admins may change them.
    await q.query(`
      INSERT INTO drill_rule (code, name, organization_kinds, high_risk, period, min_drills, qualifying_forms, priority) VALUES
        ('VILLAGE_YEARLY', '村(居)每年至少组织1次应急演练', ARRAY['VILLAGE','COMMUNITY'], NULL, 'YEAR', 1, '{}', 10),
        ('ENTERPRISE_EVACUATION_YEARLY', '企业每年至少组织1次疏散逃生演练', ARRAY['ENTERPRISE'], NULL, 'YEAR', 1, ARRAY['EVACUATION'], 10),
        ('ENTERPRISE_HIGH_RISK_HALF_YEARLY', '高危行业领域企业每半年至少组织1次疏散逃生演练', ARRAY['ENTERPRISE'], true, 'HALF_YEAR', 1, ARRAY['EVACUATION'], 20),
        ('TOWN_HALF_YEARLY', '镇级每半年至少组织1次应急演练', ARRAY['TOWN_GOVERNMENT'], NULL, 'HALF_YEAR', 1, ARRAY['TABLETOP','FUNCTIONAL','FULL_SCALE'], 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE drill_rule`);
    await q.query(`DROP TABLE drill_problem`);
    await q.query(`DROP TABLE drill`);
    await q.query(`DROP TABLE emergency_plan`);
  }
}
