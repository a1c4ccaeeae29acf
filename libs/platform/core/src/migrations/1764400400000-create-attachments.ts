import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttachments1764400400000 implements MigrationInterface {
  name = 'CreateAttachments1764400400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_name text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by_kind text NOT NULL,
        uploaded_by_id uuid,
        entity_type text,
        entity_id uuid,
        read_permission text,
        organization_id uuid,
        organization_path text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((entity_type IS NULL) = (entity_id IS NULL))
      )`);
    await q.query(`CREATE INDEX attachment_entity_idx ON attachment (entity_type, entity_id)`);
    await q.query(`COMMENT ON TABLE attachment IS '附件: uploaded files; bytes live in the attachment store (DATA_DIR/attachments by default)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment`);
  }
}
