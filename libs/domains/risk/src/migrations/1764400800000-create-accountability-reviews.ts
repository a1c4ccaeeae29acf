import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountabilityReviews1764400800000 implements MigrationInterface {
  name = 'CreateAccountabilityReviews1764400800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accountability_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        hazard_id uuid NOT NULL REFERENCES hazard (id),
        reason text NOT NULL CHECK (reason IN ('OVERDUE','RECURRED')),
        findings text NOT NULL,
        responsible_parties text NOT NULL,
        outcome text NOT NULL,
        decided_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX accountability_review_hazard_idx ON accountability_review (hazard_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE accountability_review`);
  }
}
