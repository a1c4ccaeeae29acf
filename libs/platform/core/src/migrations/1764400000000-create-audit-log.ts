import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1764400000000 implements MigrationInterface {
  name = 'CreateAuditLog1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        request_id text NOT NULL,
        actor_kind text NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id uuid,
        changes jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`);
    await q.query(`CREATE INDEX audit_log_occurred_at_idx ON audit_log (occurred_at)`);
    await q.query(`COMMENT ON TABLE audit_log IS '审计日志: who changed what, written in the same transaction as the change'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
  }
}
