import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each industry sector last changed, for the change feed of `industrySectors`
 * (`filter.updatedSince`). The code list changes only by migrations: one that adds a sector gets the
 * default, one that changes a sector sets `updated_at = now()` with it.
 */
export class AddIndustrySectorUpdatedAt1764403540000 implements MigrationInterface {
  name = 'AddIndustrySectorUpdatedAt1764403540000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE industry_sector ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE industry_sector DROP COLUMN updated_at`);
  }
}
