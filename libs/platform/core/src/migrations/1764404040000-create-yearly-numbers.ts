import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 年度编号: one gap-free counter per named series and year (inspection codes, referral codes, …),
 * taken under the row lock of the transaction that uses the number (`yearlyNumbers`), so a rolled
 * back number is taken again and no two commits share one.
 */
export class CreateYearlyNumbers1764404040000 implements MigrationInterface {
  name = 'CreateYearlyNumbers1764404040000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE yearly_number (
        series text NOT NULL CHECK (series ~ '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$'),
        year int NOT NULL CHECK (year BETWEEN 1900 AND 9999),
        last_number int NOT NULL CHECK (last_number >= 1),
        PRIMARY KEY (series, year)
      )`);
    await q.query(`COMMENT ON TABLE yearly_number IS '年度编号: the last number taken in each series (module.record) and year; gap-free, taken under the row lock of the transaction using it'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE yearly_number`);
  }
}
