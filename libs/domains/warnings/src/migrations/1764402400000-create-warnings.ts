import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Warning records (CAP chain: alert, update, cancel) and their target villages and communities. */
export class CreateWarnings1764402400000 implements MigrationInterface {
  name = 'CreateWarnings1764402400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE warning (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        identifier text NOT NULL UNIQUE,
        chain_id uuid NOT NULL,
        supersedes_id uuid REFERENCES warning(id),
        message_type text NOT NULL CHECK (message_type IN ('ALERT','UPDATE','CANCEL')),
        status text NOT NULL CHECK (status IN ('ACTIVE','SUPERSEDED','CANCELLED','EXPIRED')),
        issuer_organization_id uuid NOT NULL REFERENCES organization(id),
        sender_name text NOT NULL,
        source text NOT NULL,
        hazard_type text NOT NULL CHECK (hazard_type IN ('FOREST_FIRE','FLOOD','DROUGHT','RAINSTORM','METEOROLOGICAL','GEOLOGICAL')),
        event_name text NOT NULL,
        level text NOT NULL CHECK (level IN ('BLUE','YELLOW','ORANGE','RED')),
        headline text NOT NULL,
        description text NOT NULL,
        instruction text NOT NULL,
        sent_at timestamptz NOT NULL,
        effective_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > effective_at),
        area_polygon jsonb,
        sent_by_user_id uuid,
        CHECK ((message_type = 'ALERT') = (supersedes_id IS NULL))
      )`);
    await q.query(`CREATE INDEX warning_chain_idx ON warning (chain_id, sent_at)`);
    await q.query(`CREATE INDEX warning_sent_idx ON warning (sent_at, id)`);
    // At most one record of a chain is in force.
    await q.query(`CREATE UNIQUE INDEX warning_one_active_per_chain ON warning (chain_id) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE warning_target (
        warning_id uuid NOT NULL REFERENCES warning(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (warning_id, organization_id)
      )`);
    await q.query(`CREATE INDEX warning_target_organization_idx ON warning_target (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE warning_target`);
    await q.query(`DROP TABLE warning`);
  }
}
