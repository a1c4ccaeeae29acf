import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 灾情 (work plan point 十五): incidents, the villages they affect, linked warnings and hazards, and their damage reports (初报/续报/核报). */
export class CreateIncidents1764402600000 implements MigrationInterface {
  name = 'CreateIncidents1764402600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        reporting_organization_id uuid NOT NULL REFERENCES organization (id),
        type text NOT NULL CHECK (type IN ('FLOOD', 'FLASH_FLOOD', 'LANDSLIDE', 'RAINSTORM', 'DROUGHT', 'FOREST_FIRE', 'FIRE', 'EARTHQUAKE', 'HAIL', 'WIND', 'OTHER')),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        occurred_at timestamptz NOT NULL,
        place text NOT NULL CHECK (length(btrim(place)) > 0),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESPONDING', 'RECOVERING', 'CLOSED')),
        description text,
        closed_at timestamptz,
        CHECK ((longitude IS NULL) = (latitude IS NULL)),
        CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
      )`);
    // Scope column with the list order (latest first, then id); the list order alone for town-wide readers.
    await q.query(`CREATE INDEX incident_reporting_organization_idx ON incident (reporting_organization_id, occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX incident_occurred_idx ON incident (occurred_at DESC, id DESC)`);
    await q.query(`COMMENT ON TABLE incident IS '灾情: disasters and accidents with their reporting organization and status; affected villages in incident_organization, reports in incident_damage_report'`);

    await q.query(`
      CREATE TABLE incident_organization (
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, organization_id)
      )`);
    await q.query(`CREATE INDEX incident_organization_organization_idx ON incident_organization (organization_id)`);

    await q.query(`
      CREATE TABLE incident_warning (
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        warning_id uuid NOT NULL REFERENCES warning (id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, warning_id)
      )`);
    await q.query(`CREATE INDEX incident_warning_warning_idx ON incident_warning (warning_id)`);
    await q.query(`CREATE INDEX incident_warning_page_idx ON incident_warning (incident_id, linked_at, warning_id)`);

    await q.query(`
      CREATE TABLE incident_hazard (
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        hazard_id uuid NOT NULL REFERENCES hazard (id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (incident_id, hazard_id)
      )`);
    await q.query(`CREATE INDEX incident_hazard_hazard_idx ON incident_hazard (hazard_id)`);
    await q.query(`CREATE INDEX incident_hazard_page_idx ON incident_hazard (incident_id, linked_at, hazard_id)`);

    await q.query(`
      CREATE TABLE incident_damage_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        incident_id uuid NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('INITIAL', 'CONTINUED', 'VERIFIED')),
        sequence int NOT NULL CHECK (sequence >= 1),
        reported_at timestamptz NOT NULL,
        reported_by_user_id uuid,
        reported_by_person_id uuid REFERENCES person (id),
        affected_people int NOT NULL DEFAULT 0 CHECK (affected_people >= 0),
        relocated_people int NOT NULL DEFAULT 0 CHECK (relocated_people >= 0),
        deaths int NOT NULL DEFAULT 0 CHECK (deaths >= 0),
        missing int NOT NULL DEFAULT 0 CHECK (missing >= 0),
        injured int NOT NULL DEFAULT 0 CHECK (injured >= 0),
        houses_collapsed int NOT NULL DEFAULT 0 CHECK (houses_collapsed >= 0),
        houses_severely_damaged int NOT NULL DEFAULT 0 CHECK (houses_severely_damaged >= 0),
        houses_slightly_damaged int NOT NULL DEFAULT 0 CHECK (houses_slightly_damaged >= 0),
        crop_area_hectares numeric(12, 2) NOT NULL DEFAULT 0 CHECK (crop_area_hectares >= 0),
        crop_failure_hectares numeric(12, 2) NOT NULL DEFAULT 0 CHECK (crop_failure_hectares >= 0),
        direct_economic_loss_yuan numeric(14, 2) NOT NULL DEFAULT 0 CHECK (direct_economic_loss_yuan >= 0),
        note text,
        -- 绝收 is part of 受灾: the failed area cannot exceed the affected area.
        CHECK (crop_failure_hectares <= crop_area_hectares),
        -- The initial report is the first, and only the first.
        CHECK ((kind = 'INITIAL') = (sequence = 1))
      )`);
    // Reports of an incident in sequence (the page order; one INITIAL through sequence 1); at most one VERIFIED.
    await q.query(`CREATE UNIQUE INDEX incident_damage_report_incident_idx ON incident_damage_report (incident_id, sequence)`);
    await q.query(`CREATE UNIQUE INDEX incident_damage_report_one_verified ON incident_damage_report (incident_id) WHERE kind = 'VERIFIED'`);
    await q.query(`CREATE INDEX incident_damage_report_person_idx ON incident_damage_report (reported_by_person_id)`);
    await q.query(`COMMENT ON TABLE incident_damage_report IS '灾情报告: 初报 (sequence 1), 续报, 核报 (at most one, the last) of an incident, with the figures as of each report'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_damage_report`);
    await q.query(`DROP TABLE incident_hazard`);
    await q.query(`DROP TABLE incident_warning`);
    await q.query(`DROP TABLE incident_organization`);
    await q.query(`DROP TABLE incident`);
  }
}
