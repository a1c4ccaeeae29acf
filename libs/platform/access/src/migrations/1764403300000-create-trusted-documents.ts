import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trusted documents (可信文档): the GraphQL documents an admin approved for an API client, by their
 * SHA-256 document id, and the client's switch that locks it to them. Registering, revoking and the
 * switch notify `access_changed` like every other access change, so each gateway drops the lookups
 * it keeps in memory (see the principal cache) and a revocation applies to the next request.
 */
export class CreateTrustedDocuments1764403300000 implements MigrationInterface {
  name = 'CreateTrustedDocuments1764403300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_client ADD COLUMN trusted_documents_only boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE trusted_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        api_client_id uuid NOT NULL REFERENCES api_client (id) ON DELETE CASCADE,
        document_id text NOT NULL CHECK (document_id ~ '^sha256:[0-9a-f]{64}$'),
        document text NOT NULL,
        operations jsonb NOT NULL,
        registered_by_kind text NOT NULL,
        registered_by_id uuid,
        registered_by_name text NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    // The gateway's lookup (client, id) and each client's list, newest first.
    await q.query(`CREATE UNIQUE INDEX trusted_document_client_document_uq ON trusted_document (api_client_id, document_id)`);
    await q.query(`CREATE INDEX trusted_document_client_created_idx ON trusted_document (api_client_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX trusted_document_created_idx ON trusted_document (created_at DESC, id DESC)`);
    // The switch is part of what a cached principal is; documents are what the gateway keeps looked up.
    await q.query(`DROP TRIGGER api_client_access_changed ON api_client`);
    await q.query(
      `CREATE TRIGGER api_client_access_changed AFTER UPDATE OF status, name, key_prefix, key_hash, expires_at, trusted_documents_only OR DELETE OR TRUNCATE ON api_client FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed()`,
    );
    await q.query(
      `CREATE TRIGGER trusted_document_access_changed AFTER INSERT OR UPDATE OF revoked_at, document OR DELETE OR TRUNCATE ON trusted_document FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE trusted_document`);
    await q.query(`DROP TRIGGER api_client_access_changed ON api_client`);
    await q.query(`CREATE TRIGGER api_client_access_changed AFTER UPDATE OF status, name, key_prefix, key_hash, expires_at OR DELETE OR TRUNCATE ON api_client FOR EACH STATEMENT EXECUTE FUNCTION notify_access_changed()`);
    await q.query(`ALTER TABLE api_client DROP COLUMN trusted_documents_only`);
  }
}
