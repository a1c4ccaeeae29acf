import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 生产安全事故 (issue 20): a damage report counts the seriously injured (重伤，含急性工业中毒, the
 * figure 国务院令第493号 第三条 grades accidents by) as part of the injured. The incident types
 * WORK_SAFETY_ACCIDENT (生产安全事故) and ROAD_TRAFFIC (道路交通事故) join the type column's check.
 */
const TYPES = ['FLOOD', 'FLASH_FLOOD', 'LANDSLIDE', 'RAINSTORM', 'DROUGHT', 'FOREST_FIRE', 'FIRE', 'EARTHQUAKE', 'HAIL', 'WIND', 'OTHER'];
const NEW_TYPES = ['WORK_SAFETY_ACCIDENT', 'ROAD_TRAFFIC'];
const check = (types: readonly string[]) => `CHECK (type IN (${types.map((t) => `'${t}'`).join(', ')}))`;
export class AddWorkSafetyAccidents1764403990000 implements MigrationInterface {
  name = 'AddWorkSafetyAccidents1764403990000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incident DROP CONSTRAINT incident_type_check, ADD CONSTRAINT incident_type_check ${check([...TYPES, ...NEW_TYPES])}`);
    await q.query(`
      ALTER TABLE incident_damage_report
        ADD COLUMN seriously_injured int NOT NULL DEFAULT 0 CHECK (seriously_injured >= 0),
        ADD CONSTRAINT incident_damage_report_seriously_injured_within CHECK (seriously_injured <= injured)`);
    await q.query(`COMMENT ON COLUMN incident_damage_report.seriously_injured IS '重伤人数（含急性工业中毒）: part of injured; grades a work-safety accident (国务院令第493号 第三条)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incident DROP CONSTRAINT incident_type_check, ADD CONSTRAINT incident_type_check ${check(TYPES)}`);
    await q.query(`ALTER TABLE incident_damage_report DROP CONSTRAINT incident_damage_report_seriously_injured_within, DROP COLUMN seriously_injured`);
  }
}
