import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duty ledger (issue 22, 安全履职一本账): period snapshots of an official's ledger for the duty
 * report (述职). The ledger itself is a view over responsibility, risk, enforcement and preparedness;
 * a snapshot keeps its figures and content as they stood, and the table refuses any change to it.
 * `list_id` and `person_id` name records of other modules (checked through their declarations when
 * taken), hence no foreign key into their tables but the directory's.
 */
export class CreateDutyLedger1764404230000 implements MigrationInterface {
  name = 'CreateDutyLedger1764404230000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_ledger_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        list_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        position_title text NOT NULL CHECK (length(btrim(position_title)) > 0),
        period_from date NOT NULL,
        period_to date NOT NULL,
        taken_at timestamptz NOT NULL,
        duty_count int NOT NULL CHECK (duty_count >= 0),
        duties_acted int NOT NULL CHECK (duties_acted BETWEEN 0 AND duty_count),
        action_count int NOT NULL CHECK (action_count >= 0),
        actions_with_evidence int NOT NULL CHECK (actions_with_evidence BETWEEN 0 AND action_count),
        task_count int NOT NULL CHECK (task_count >= 0),
        tasks_completed int NOT NULL CHECK (tasks_completed BETWEEN 0 AND task_count),
        gap_count int NOT NULL CHECK (gap_count >= 0),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        summary_text text NOT NULL CHECK (length(btrim(summary_text)) > 0),
        note text CHECK (note IS NULL OR length(btrim(note)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (period_from <= period_to),
        CHECK (extract(year FROM period_from) = extract(year FROM period_to)),
        UNIQUE (list_id, period_from, period_to)
      )`);
    await q.query(`CREATE INDEX duty_ledger_snapshot_taken_idx ON duty_ledger_snapshot (taken_at, id)`);
    await q.query(`CREATE INDEX duty_ledger_snapshot_official_idx ON duty_ledger_snapshot (person_id, taken_at, id)`);
    await q.query(`CREATE INDEX duty_ledger_snapshot_organization_idx ON duty_ledger_snapshot (organization_id, taken_at, id)`);
    await q.query(`CREATE INDEX duty_ledger_snapshot_created_idx ON duty_ledger_snapshot (created_at, id)`);
    await q.query(`CREATE INDEX duty_ledger_snapshot_updated_idx ON duty_ledger_snapshot (updated_at, id)`);
    await q.query(`COMMENT ON TABLE duty_ledger_snapshot IS '履职台账快照: an official''s duty ledger over a period as it stood when taken (figures, gaps, summary for the duty report); immutable'`);
    // Snapshots are evidence for the duty report: once taken, never changed or removed.
    await q.query(`
      CREATE FUNCTION duty_ledger_snapshot_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'duty_ledger_snapshot rows are immutable' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER duty_ledger_snapshot_immutable BEFORE UPDATE OR DELETE ON duty_ledger_snapshot FOR EACH ROW EXECUTE FUNCTION duty_ledger_snapshot_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_ledger_snapshot`);
    await q.query(`DROP FUNCTION duty_ledger_snapshot_immutable()`);
  }
}
