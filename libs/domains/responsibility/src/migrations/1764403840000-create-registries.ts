import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三管三必须 and the registries (work-plan point 二): the supervision map (department × industry
 * sector × organization subtree) and new business formats, key construction projects with their 三同时
 * record, responsibility along roads, railways and reservoir banks, and the departments' fire-safety
 * "四个一" items.
 */
export class CreateRegistries1764403840000 implements MigrationInterface {
  name = 'CreateRegistries1764403840000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES organization (id),
        sector_code text NOT NULL CHECK (sector_code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        subtree_root_id uuid NOT NULL REFERENCES organization (id),
        basis text NOT NULL CHECK (length(btrim(basis)) > 0),
        started_on date NOT NULL,
        ended_on date,
        end_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (ended_on IS NULL OR ended_on >= started_on),
        CHECK ((ended_on IS NULL) = (end_note IS NULL))
      )`);
    await q.query(`CREATE INDEX supervision_assignment_sector_idx ON supervision_assignment (sector_code, subtree_root_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE UNIQUE INDEX supervision_assignment_active_idx ON supervision_assignment (department_id, sector_code, subtree_root_id) WHERE ended_on IS NULL`);
    await q.query(`CREATE INDEX supervision_assignment_department_idx ON supervision_assignment (department_id)`);
    await q.query(`COMMENT ON TABLE supervision_assignment IS '三管三必须: which department supervises which industry sector in which organization subtree, with its basis, from when until when'`);
    await q.query(`
      CREATE TABLE new_business_format (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        description text,
        organization_id uuid NOT NULL REFERENCES organization (id),
        reported_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ASSIGNED')),
        department_id uuid REFERENCES organization (id),
        decision_document text,
        decided_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'ASSIGNED') = (department_id IS NOT NULL)),
        CHECK ((department_id IS NULL) = (decision_document IS NULL) AND (department_id IS NULL) = (decided_on IS NULL)),
        CHECK (decided_on IS NULL OR decided_on >= reported_on)
      )`);
    await q.query(`CREATE UNIQUE INDEX new_business_format_name_idx ON new_business_format (lower(name))`);
    await q.query(`COMMENT ON TABLE new_business_format IS '新兴业态: new business formats pending the county''s decision on who supervises them (安全生产法 第十条), and the decision once made'`);
    await q.query(`
      CREATE TABLE key_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        owner_organization_id uuid NOT NULL REFERENCES organization (id),
        builder_name text NOT NULL CHECK (length(btrim(builder_name)) > 0),
        stage text NOT NULL CHECK (stage IN ('PLANNING', 'DESIGN', 'CONSTRUCTION', 'TRIAL_OPERATION', 'COMPLETED')),
        supervising_department_id uuid NOT NULL REFERENCES organization (id),
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX key_project_owner_idx ON key_project (owner_organization_id)`);
    await q.query(`CREATE INDEX key_project_name_idx ON key_project (name, id)`);
    await q.query(`COMMENT ON TABLE key_project IS '重点建设项目: key construction projects with owner, builder, stage and supervising department'`);
    await q.query(`
      CREATE TABLE three_simultaneity_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES key_project (id),
        stage text NOT NULL CHECK (stage IN ('DESIGN', 'CONSTRUCTION', 'OPERATION')),
        document_number text NOT NULL CHECK (length(btrim(document_number)) > 0),
        approved_on date NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX three_simultaneity_record_project_idx ON three_simultaneity_record (project_id, stage)`);
    await q.query(`COMMENT ON TABLE three_simultaneity_record IS '三同时: a key project''s safety facilities designed, built and put into use with the main works, one row per stage with its approval or acceptance and evidence in attachment'`);
    await q.query(`
      CREATE TABLE linear_feature_section (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('ROAD', 'RAILWAY', 'RESERVOIR_BANK')),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        geometry jsonb NOT NULL CHECK (geometry->>'type' = 'LineString' AND jsonb_typeof(geometry->'coordinates') = 'array'),
        responsible_organization_id uuid REFERENCES organization (id),
        responsible_department_id uuid REFERENCES organization (id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX linear_feature_section_organization_idx ON linear_feature_section (responsible_organization_id)`);
    await q.query(`COMMENT ON TABLE linear_feature_section IS '公路、铁路及库岸沿线: sections of linear features (GeoJSON LineString, WGS 84) with the organization and department responsible for disaster prevention along them'`);
    await q.query(`
      CREATE TABLE fire_four_ones_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES organization (id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind text NOT NULL CHECK (kind IN ('MEETING', 'TRAINING', 'INSPECTION', 'PUBLICITY')),
        done_on date NOT NULL,
        note text NOT NULL CHECK (length(btrim(note)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (extract(year FROM done_on) = year)
      )`);
    await q.query(`CREATE UNIQUE INDEX fire_four_ones_item_idx ON fire_four_ones_item (department_id, year, kind)`);
    await q.query(`CREATE INDEX fire_four_ones_item_year_idx ON fire_four_ones_item (year, department_id, id)`);
    await q.query(`COMMENT ON TABLE fire_four_ones_item IS '行业消防安全“四个一”: the items each industry department did for the year, with evidence in attachment'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fire_four_ones_item`);
    await q.query(`DROP TABLE linear_feature_section`);
    await q.query(`DROP TABLE three_simultaneity_record`);
    await q.query(`DROP TABLE key_project`);
    await q.query(`DROP TABLE new_business_format`);
    await q.query(`DROP TABLE supervision_assignment`);
  }
}
