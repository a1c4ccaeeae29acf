import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 防灾台账: emergency shelters with their inspections, and community fire facilities. */
export class CreateRegisters1764401000000 implements MigrationInterface {
  name = 'CreateRegisters1764401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shelter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        type text NOT NULL CHECK (type IN ('INDOOR','OUTDOOR','SCHOOL','SPORTS_VENUE','CIVIL_AIR_DEFENCE','OTHER')),
        capacity int NOT NULL CHECK (capacity >= 0),
        area_m2 numeric(12,2) CHECK (area_m2 >= 0),
        address text,
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        dual_use boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('AVAILABLE','UNDER_REPAIR','CLOSED')),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((longitude IS NULL) = (latitude IS NULL))
      )`);
    await q.query(`CREATE INDEX shelter_organization_idx ON shelter (organization_id)`);
    await q.query(`COMMENT ON TABLE shelter IS '应急避难场所: emergency shelters, one row per shelter; inspections in shelter_inspection'`);
    await q.query(`
      CREATE TABLE shelter_inspection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shelter_id uuid NOT NULL REFERENCES shelter (id),
        inspected_on date NOT NULL,
        inspector_person_id uuid REFERENCES person (id),
        result text NOT NULL CHECK (result IN ('PASSED','ISSUES_FOUND')),
        findings text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (result = 'PASSED' OR findings IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX shelter_inspection_shelter_idx ON shelter_inspection (shelter_id, inspected_on)`);
    await q.query(`
      CREATE TABLE fire_facility (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('HYDRANT','EXTINGUISHER','ALARM','SPRINKLER','FIRE_CABINET','OTHER')),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        quantity int NOT NULL CHECK (quantity >= 1),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        last_inspected_on date,
        inspection_interval_days int NOT NULL DEFAULT 30 CHECK (inspection_interval_days >= 1),
        status text NOT NULL CHECK (status IN ('OK','FAULTY','MISSING')),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((longitude IS NULL) = (latitude IS NULL))
      )`);
    await q.query(`CREATE INDEX fire_facility_organization_idx ON fire_facility (organization_id)`);
    await q.query(`COMMENT ON TABLE fire_facility IS '社区消防设施: community fire facilities, with the day of the last inspection and the interval between inspections'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fire_facility`);
    await q.query(`DROP TABLE shelter_inspection`);
    await q.query(`DROP TABLE shelter`);
  }
}
