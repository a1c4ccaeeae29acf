import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A principal carries its home organization (所属组织), which each audit entry it writes records: moving
 * an account or API client to another organization now notifies `access_changed` too, so no gateway
 * keeps writing the old one from its principal cache.
 */
export class NotifyHomeOrganizationChanges1764404310000 implements MigrationInterface {
  name = 'NotifyHomeOrganizationChanges1764404310000';

  async up(q: QueryRunner): Promise<void> {
    await this.watch(q, 'app_user', 'status, display_name, organization_id');
    await this.watch(q, 'api_client', 'status, name, key_prefix, key_hash, expires_at, trusted_documents_only, organization_id');
  }

  async down(q: QueryRunner): Promise<void> {
    await this.watch(q, 'app_user', 'status, display_name');
    await this.watch(q, 'api_client', 'status, name, key_prefix, key_hash, expires_at, trusted_documents_only');
  }

  private async watch(q: QueryRunner, table: string, columns: string): Promise<void> {
    await q.query(`DROP TRIGGER ${table}_access_changed ON ${table}`);
    await q.query(`CREATE TRIGGER ${table}_access_changed AFTER UPDATE OF ${columns} OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed()`);
  }
}
