import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHazardOverdueAnnounced1764401400000 implements MigrationInterface {
  name = 'AddHazardOverdueAnnounced1764401400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hazard ADD COLUMN overdue_announced_at timestamptz`);
    await q.query(`CREATE INDEX hazard_open_deadline_idx ON hazard (deadline) WHERE status NOT IN ('CLOSED', 'REJECTED') AND overdue_announced_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX hazard_open_deadline_idx`);
    await q.query(`ALTER TABLE hazard DROP COLUMN overdue_announced_at`);
  }
}
