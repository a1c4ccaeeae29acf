import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each audit entry records the home organization (所属组织) of the user or API client that wrote it, so
 * the log can be filtered by organization. No foreign key: the log outlives the organizations it names,
 * and the kernel does not own them. Existing entries stay NULL (their actor's organization then is not known).
 */
export class AddAuditOrganization1764404300000 implements MigrationInterface {
  name = 'AddAuditOrganization1764404300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN organization_id uuid`);
    await q.query(`CREATE INDEX audit_log_organization_idx ON audit_log (organization_id, occurred_at)`);
    await q.query(`COMMENT ON COLUMN audit_log.organization_id IS '操作者所属组织: home organization of the acting user or API client when the entry was written; NULL for system, anonymous and entries written before this column was added'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_organization_idx`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN organization_id`);
  }
}
