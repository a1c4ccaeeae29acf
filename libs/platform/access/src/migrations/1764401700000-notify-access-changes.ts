import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables (and the columns of them) whose change can alter who a cached principal is or what it may do. */
const WATCHED: ReadonlyArray<{ table: string; events: string }> = [
  { table: 'app_user', events: 'UPDATE OF status, display_name OR DELETE OR TRUNCATE' },
  { table: 'api_client', events: 'UPDATE OF status, name, key_prefix, key_hash, expires_at OR DELETE OR TRUNCATE' },
  { table: 'refresh_token', events: 'UPDATE OF revoked_at, expires_at, family_id, user_id OR DELETE OR TRUNCATE' },
  { table: 'role', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  { table: 'role_permission', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  { table: 'role_assignment', events: 'INSERT OR UPDATE OR DELETE OR TRUNCATE' },
  // A grant anchored at an organization covers its subtree by path.
  { table: 'organization', events: 'UPDATE OF path OR DELETE OR TRUNCATE' },
];

/**
 * Every committed change to accounts, sessions, roles, grants or assignments (by the API, a CLI
 * tool, another gateway or plain SQL) sends `NOTIFY access_changed`; each gateway listens and drops
 * its cached principals. Statement-level triggers: one notice per statement, merged per transaction,
 * delivered at commit.
 */
export class NotifyAccessChanges1764401700000 implements MigrationInterface {
  name = 'NotifyAccessChanges1764401700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_access_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('access_changed', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const { table, events } of WATCHED) {
      await q.query(`CREATE TRIGGER ${table}_access_changed AFTER ${events} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of WATCHED) await q.query(`DROP TRIGGER ${table}_access_changed ON ${table}`);
    await q.query(`DROP FUNCTION notify_access_changed()`);
  }
}
