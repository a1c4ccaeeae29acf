import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hazards may come from a problem found in an emergency drill (rescue module). */
export class AddHazardSourceDrill1764401800000 implements MigrationInterface {
  name = 'AddHazardSourceDrill1764401800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard DROP CONSTRAINT hazard_source_check`);
    await q.query(`ALTER TABLE hazard ADD CONSTRAINT hazard_source_check CHECK (source IN ('SELF_CHECK','INSPECTION','EXPERT_VISIT','PUBLIC_REPORT','GRID_PATROL','SENSOR','DRILL'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard DROP CONSTRAINT hazard_source_check`);
    await q.query(`ALTER TABLE hazard ADD CONSTRAINT hazard_source_check CHECK (source IN ('SELF_CHECK','INSPECTION','EXPERT_VISIT','PUBLIC_REPORT','GRID_PATROL','SENSOR'))`);
  }
}
