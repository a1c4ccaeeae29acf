import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 培训记录: trainings persons took part in, reused by the modules that need them (information officers, drills, rescue teams). */
export class CreateTrainingRecords1764401200000 implements MigrationInterface {
  name = 'CreateTrainingRecords1764401200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id),
        topic text NOT NULL CHECK (length(btrim(topic)) > 0),
        kind text NOT NULL CHECK (kind IN ('DISASTER_INFORMATION','EMERGENCY_RESCUE','FIRE_SAFETY','WORK_SAFETY','OTHER')),
        trained_on date NOT NULL,
        hours numeric(5,1) NOT NULL CHECK (hours > 0),
        provider text NOT NULL CHECK (length(btrim(provider)) > 0),
        certificate_no text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX training_record_person_idx ON training_record (person_id, trained_on)`);
    await q.query(`COMMENT ON TABLE training_record IS '培训记录: one row per training a person took part in; written once, never updated'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE training_record`);
  }
}
