import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Call-and-response of warnings (叫应): escalation policies per level (data, not code), one delivery per
 * warning record and target organization with who must answer and when it escalates, and the
 * cancellation reason on a warning record.
 */
export class CreateWarningDeliveries1764402500000 implements MigrationInterface {
  name = 'CreateWarningDeliveries1764402500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE warning ADD COLUMN note text`);
    await q.query(`CREATE INDEX warning_issuer_idx ON warning (issuer_organization_id)`);
    // Live warnings (wall screen): ACTIVE records by their validity window.
    await q.query(`CREATE INDEX warning_live_idx ON warning (effective_at, expires_at) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE warning_escalation_policy (
        level text PRIMARY KEY CHECK (level IN ('BLUE','YELLOW','ORANGE','RED')),
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        max_steps int NOT NULL DEFAULT 2 CHECK (max_steps BETWEEN 0 AND 5),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO warning_escalation_policy (level, minutes, max_steps) VALUES ('RED',5,2),('ORANGE',10,2),('YELLOW',20,2),('BLUE',30,1)`);
    await q.query(`
      CREATE TABLE warning_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        warning_id uuid NOT NULL REFERENCES warning(id),
        organization_id uuid NOT NULL REFERENCES organization(id),
        responsible_person_id uuid REFERENCES person(id),
        status text NOT NULL CHECK (status IN ('PENDING','ACKNOWLEDGED','CANCELLED')),
        delivered_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by_user_id uuid,
        acknowledged_by_person_id uuid REFERENCES person(id),
        ack_channel text CHECK (ack_channel IN ('PHONE','SMS','APP','RADIO','IN_PERSON')),
        ack_note text,
        escalation_step int NOT NULL DEFAULT 0,
        next_escalation_at timestamptz,
        UNIQUE (warning_id, organization_id)
      )`);
    await q.query(`CREATE INDEX warning_delivery_due_idx ON warning_delivery (next_escalation_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX warning_delivery_org_idx ON warning_delivery (organization_id, delivered_at)`);
    await q.query(`CREATE INDEX warning_delivery_delivered_idx ON warning_delivery (delivered_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE warning_delivery`);
    await q.query(`DROP TABLE warning_escalation_policy`);
    await q.query(`DROP INDEX warning_live_idx`);
    await q.query(`DROP INDEX warning_issuer_idx`);
    await q.query(`ALTER TABLE warning DROP COLUMN note`);
  }
}
