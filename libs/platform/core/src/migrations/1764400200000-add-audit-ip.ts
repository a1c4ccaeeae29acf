import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAuditIp1764400200000 implements MigrationInterface {
  name = 'AddAuditIp1764400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN ip text`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_actor_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN ip`);
  }
}
