import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 灾害信息员: information officers of villages and communities, primary (A岗) and backup (B岗). */
export class CreateDisasterOfficers1764401300000 implements MigrationInterface {
  name = 'CreateDisasterOfficers1764401300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE disaster_information_officer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN ('A','B')),
        appointed_on date NOT NULL,
        ended_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (ended_on IS NULL OR ended_on >= appointed_on)
      )`);
    await q.query(`CREATE INDEX disaster_information_officer_organization_idx ON disaster_information_officer (organization_id)`);
    await q.query(`CREATE INDEX disaster_information_officer_person_idx ON disaster_information_officer (person_id)`);
    await q.query(`CREATE UNIQUE INDEX disaster_information_officer_active_uq ON disaster_information_officer (organization_id, role, person_id) WHERE ended_on IS NULL`);
    await q.query(`COMMENT ON TABLE disaster_information_officer IS '灾害信息员: one row per appointment; ended appointments are kept with ended_on'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE disaster_information_officer`);
  }
}
