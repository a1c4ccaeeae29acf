import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRiskPoints1764400700000 implements MigrationInterface {
  name = 'CreateRiskPoints1764400700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_point (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL,
        category text NOT NULL CHECK (category IN ('WORK_SAFETY','GEOLOGICAL','FLOOD','FOREST_FIRE','FIRE')),
        level text NOT NULL CHECK (level IN ('RED','ORANGE','YELLOW','BLUE')),
        description text,
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        review_due date,
        threatened_households int CHECK (threatened_households >= 0),
        threatened_people int CHECK (threatened_people >= 0),
        monitor_person_id uuid REFERENCES person (id),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX risk_point_organization_idx ON risk_point (organization_id)`);
    await q.query(`CREATE INDEX risk_point_level_idx ON risk_point (level) WHERE archived_at IS NULL`);
    await q.query(`
      CREATE TABLE risk_control_measure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        risk_point_id uuid NOT NULL REFERENCES risk_point (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('PERSONNEL','PHYSICAL','MANAGEMENT','ENGINEERING')),
        description text NOT NULL,
        owner_person_id uuid REFERENCES person (id)
      )`);
    await q.query(`CREATE INDEX risk_control_measure_point_idx ON risk_control_measure (risk_point_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_control_measure`);
    await q.query(`DROP TABLE risk_point`);
  }
}
