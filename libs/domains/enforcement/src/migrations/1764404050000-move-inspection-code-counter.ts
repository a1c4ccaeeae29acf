import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspection codes are numbered by the kernel's gap-free yearly numbers (`yearly_number`, series
 * `enforcement.inspection`, migration 1764404040000) like every other yearly code: the counts kept so
 * far move there and the part's own counter table goes.
 */
export class MoveInspectionCodeCounter1764404050000 implements MigrationInterface {
  name = 'MoveInspectionCodeCounter1764404050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO yearly_number (series, year, last_number) SELECT 'enforcement.inspection', year, last_number FROM inspection_code_counter WHERE last_number >= 1`);
    await q.query(`DROP TABLE inspection_code_counter`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inspection_code_counter (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
        last_number int NOT NULL CHECK (last_number >= 0)
      )`);
    await q.query(`INSERT INTO inspection_code_counter (year, last_number) SELECT year, last_number FROM yearly_number WHERE series = 'enforcement.inspection'`);
    await q.query(`DELETE FROM yearly_number WHERE series = 'enforcement.inspection'`);
  }
}
