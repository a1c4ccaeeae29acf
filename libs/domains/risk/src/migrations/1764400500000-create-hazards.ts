import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHazards1764400500000 implements MigrationInterface {
  name = 'CreateHazards1764400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hazard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL,
        description text,
        category text NOT NULL CHECK (category IN ('WORK_SAFETY','FIRE','GEOLOGICAL','FLOOD','FOREST_FIRE','ROAD_TRAFFIC','OTHER')),
        source text NOT NULL CHECK (source IN ('SELF_CHECK','INSPECTION','EXPERT_VISIT','PUBLIC_REPORT','GRID_PATROL','SENSOR')),
        found_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('REPORTED','CONFIRMED','REJECTED','PLANNED','RECTIFYING','SUBMITTED','VERIFIED','CLOSED')),
        grade text CHECK (grade IN ('GENERAL','MAJOR')),
        criteria_reference text,
        measures text,
        responsible_person_id uuid REFERENCES person (id),
        funds numeric(14,2) CHECK (funds >= 0),
        deadline date,
        listed_supervision boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX hazard_organization_idx ON hazard (organization_id)`);
    await q.query(`CREATE INDEX hazard_status_deadline_idx ON hazard (status, deadline)`);
    await q.query(`COMMENT ON TABLE hazard IS '隐患: hazards and their rectification, one row per hazard; steps in hazard_event'`);
    await q.query(`
      CREATE TABLE hazard_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hazard_id uuid NOT NULL REFERENCES hazard (id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX hazard_event_hazard_idx ON hazard_event (hazard_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE hazard_event`);
    await q.query(`DROP TABLE hazard`);
  }
}
