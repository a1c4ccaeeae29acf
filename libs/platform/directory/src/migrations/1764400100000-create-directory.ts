import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INDUSTRY_SECTORS } from '../sectors/industry-sectors.data';

export class CreateDirectory1764400100000 implements MigrationInterface {
  name = 'CreateDirectory1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE industry_sector (
        code text PRIMARY KEY,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        high_risk boolean NOT NULL,
        sort_order int NOT NULL
      )`);
    for (const [i, s] of INDUSTRY_SECTORS.entries()) {
      await q.query(`INSERT INTO industry_sector (code, name_zh, name_en, high_risk, sort_order) VALUES ($1, $2, $3, $4, $5)`, [
        s.code,
        s.nameZh,
        s.nameEn,
        s.highRisk,
        i + 1,
      ]);
    }

    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('TOWN_GOVERNMENT','DEPARTMENT','VILLAGE','COMMUNITY','GRID','ENTERPRISE','PUBLIC_INSTITUTION')),
        name text NOT NULL,
        short_name text,
        code text,
        parent_id uuid REFERENCES organization (id),
        path ltree NOT NULL,
        depth int NOT NULL,
        address text,
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        contacts jsonb NOT NULL DEFAULT '[]',
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((parent_id IS NULL) = (kind = 'TOWN_GOVERNMENT'))
      )`);
    await q.query(`CREATE INDEX organization_parent_idx ON organization (parent_id)`);
    await q.query(`CREATE INDEX organization_path_gist ON organization USING gist (path)`);
    await q.query(`CREATE UNIQUE INDEX organization_path_uq ON organization (path)`);
    await q.query(`CREATE INDEX organization_kind_idx ON organization (kind)`);
    await q.query(`CREATE INDEX organization_name_trgm ON organization USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE UNIQUE INDEX organization_code_uq ON organization (code) WHERE code IS NOT NULL AND archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE organization IS '组织机构: the directory tree (town, departments, villages, communities, grids, enterprises, institutions)'`);

    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        gender text CHECK (gender IN ('MALE','FEMALE')),
        phone text,
        id_number text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX person_name_idx ON person (name)`);
    await q.query(`CREATE INDEX person_name_trgm ON person USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE UNIQUE INDEX person_id_number_uq ON person (id_number) WHERE id_number IS NOT NULL AND archived_at IS NULL`);
    await q.query(`COMMENT ON COLUMN person.phone IS 'sensitive personal data'`);
    await q.query(`COMMENT ON COLUMN person.id_number IS 'sensitive personal data (居民身份证号码)'`);

    await q.query(`
      CREATE TABLE enterprise_profile (
        organization_id uuid PRIMARY KEY REFERENCES organization (id),
        sector_code text NOT NULL REFERENCES industry_sector (code),
        high_risk boolean NOT NULL,
        employee_count int CHECK (employee_count >= 0),
        legal_representative text,
        safety_manager_id uuid REFERENCES person (id),
        business_scope text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX enterprise_profile_sector_idx ON enterprise_profile (sector_code)`);

    await q.query(`
      CREATE TABLE person_position (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL,
        is_lead boolean NOT NULL DEFAULT false,
        started_on date,
        ended_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on)
      )`);
    await q.query(`CREATE INDEX person_position_person_idx ON person_position (person_id)`);
    await q.query(`CREATE INDEX person_position_organization_idx ON person_position (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person_position`);
    await q.query(`DROP TABLE enterprise_profile`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE organization`);
    await q.query(`DROP TABLE industry_sector`);
  }
}
