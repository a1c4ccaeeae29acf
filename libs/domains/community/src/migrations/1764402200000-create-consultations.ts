import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 会商研判 (work plan point 十四): consultation meetings, their departments (1+7+N) and action items. */
export class CreateConsultations1764402200000 implements MigrationInterface {
  name = 'CreateConsultations1764402200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('REGULAR', 'SPECIAL', 'FLOOD_SEASON_MONTHLY', 'ONE_SEVEN_N')),
        held_on date NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        topics text[] NOT NULL DEFAULT '{}',
        conclusions text,
        other_participants text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (kind <> 'FLOOD_SEASON_MONTHLY' OR EXTRACT(MONTH FROM held_on) BETWEEN 5 AND 9)
      )`);
    // Scope column with the list order (latest held first, then id); the gaps query reads (organization, kind, day).
    await q.query(`CREATE INDEX consultation_organization_idx ON consultation (organization_id, held_on DESC, id DESC)`);
    await q.query(`CREATE INDEX consultation_held_on_idx ON consultation (held_on DESC, id DESC) WHERE archived_at IS NULL`);
    await q.query(`CREATE INDEX consultation_monthly_idx ON consultation (organization_id, held_on) WHERE kind = 'FLOOD_SEASON_MONTHLY' AND archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE consultation IS '会商研判: consultation meetings (regular, special, flood-season monthly, 1+7+N); departments in consultation_department, action items in consultation_action_item'`);
    await q.query(`
      CREATE TABLE consultation_department (
        consultation_id uuid NOT NULL REFERENCES consultation (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consultation_id, organization_id)
      )`);
    await q.query(`CREATE INDEX consultation_department_organization_idx ON consultation_department (organization_id)`);
    await q.query(`
      CREATE TABLE consultation_action_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consultation_id uuid NOT NULL REFERENCES consultation (id),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        owner_organization_id uuid REFERENCES organization (id),
        owner_person_id uuid REFERENCES person (id),
        due_on date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
        done_on date,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (owner_organization_id IS NOT NULL OR owner_person_id IS NOT NULL),
        CHECK ((status = 'DONE') = (done_on IS NOT NULL))
      )`);
    // Per meeting in list order; across meetings in list order (open ones apart, for the overdue filter); by owner.
    await q.query(`CREATE INDEX consultation_action_item_consultation_idx ON consultation_action_item (consultation_id, due_on, id)`);
    await q.query(`CREATE INDEX consultation_action_item_due_idx ON consultation_action_item (due_on, id)`);
    await q.query(`CREATE INDEX consultation_action_item_open_idx ON consultation_action_item (due_on, id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX consultation_action_item_owner_organization_idx ON consultation_action_item (owner_organization_id, due_on, id)`);
    await q.query(`CREATE INDEX consultation_action_item_owner_person_idx ON consultation_action_item (owner_person_id)`);
    await q.query(`COMMENT ON TABLE consultation_action_item IS '会商任务: action items agreed at consultations, with owner, due day and outcome'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consultation_action_item`);
    await q.query(`DROP TABLE consultation_department`);
    await q.query(`DROP TABLE consultation`);
  }
}
