import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHazardLocationAndEmergencyMeasures1764401500000 implements MigrationInterface {
  name = 'AddHazardLocationAndEmergencyMeasures1764401500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard ADD COLUMN longitude double precision CHECK (longitude BETWEEN -180 AND 180)`);
    await q.query(`ALTER TABLE hazard ADD COLUMN latitude double precision CHECK (latitude BETWEEN -90 AND 90)`);
    await q.query(`ALTER TABLE hazard ADD COLUMN emergency_measures text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard DROP COLUMN emergency_measures`);
    await q.query(`ALTER TABLE hazard DROP COLUMN latitude`);
    await q.query(`ALTER TABLE hazard DROP COLUMN longitude`);
  }
}
