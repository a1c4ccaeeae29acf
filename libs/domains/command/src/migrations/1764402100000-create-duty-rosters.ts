import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 值班值守 (work plan point 十二, "一中心四板块"联合指挥室值班值守机制): shift templates, assignments
 * through check-in and hand-over, and the coverage rules as data with the defaults a fresh server needs.
 */
export class CreateDutyRosters1764402100000 implements MigrationInterface {
  name = 'CreateDutyRosters1764402100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_shift (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        starts_at text NOT NULL CHECK (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 30 AND 1440),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX duty_shift_organization_idx ON duty_shift (organization_id)`);
    await q.query(`CREATE INDEX duty_shift_order_idx ON duty_shift (starts_at, name, id)`);
    await q.query(`CREATE UNIQUE INDEX duty_shift_name_uq ON duty_shift (organization_id, name) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE duty_shift IS '值班班次: shift templates of an organization''s roster; starts_at is local China time HH:MM, a shift may cross midnight'`);
    await q.query(`
      CREATE TABLE duty_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        shift_id uuid NOT NULL REFERENCES duty_shift (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        day date NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN ('LEADER','STAFF')),
        status text NOT NULL CHECK (status IN ('ASSIGNED','CONFIRMED','CHECKED_IN','HANDED_OVER','CANCELLED')),
        confirmed_at timestamptz,
        checked_in_at timestamptz,
        handed_over_at timestamptz,
        hand_over_note text,
        cancelled_at timestamptz,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (status NOT IN ('CHECKED_IN','HANDED_OVER') OR checked_in_at IS NOT NULL),
        CHECK (status <> 'HANDED_OVER' OR (handed_over_at IS NOT NULL AND hand_over_note IS NOT NULL)),
        CHECK (status <> 'CANCELLED' OR cancelled_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX duty_assignment_organization_idx ON duty_assignment (organization_id, day)`);
    await q.query(`CREATE INDEX duty_assignment_shift_idx ON duty_assignment (shift_id, day)`);
    await q.query(`CREATE INDEX duty_assignment_person_idx ON duty_assignment (person_id, day)`);
    await q.query(`CREATE INDEX duty_assignment_day_idx ON duty_assignment (day, id)`);
    await q.query(`CREATE UNIQUE INDEX duty_assignment_active_uq ON duty_assignment (shift_id, day, person_id) WHERE status <> 'CANCELLED'`);
    await q.query(`COMMENT ON TABLE duty_assignment IS '值班安排: one person on one shift on one day; the shift''s interval is (day + starts_at) in Asia/Shanghai plus its duration, computed, not stored'`);
    await q.query(`
      CREATE TABLE duty_requirement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        organization_kinds text[] NOT NULL CHECK (cardinality(organization_kinds) > 0
          AND organization_kinds <@ ARRAY['TOWN_GOVERNMENT','DEPARTMENT','VILLAGE','COMMUNITY','GRID','ENTERPRISE','PUBLIC_INSTITUTION']::text[]),
        season text NOT NULL CHECK (season IN ('NORMAL','FLOOD')),
        min_leaders int NOT NULL CHECK (min_leaders BETWEEN 0 AND 20),
        min_staff int NOT NULL CHECK (min_staff BETWEEN 0 AND 20),
        priority int NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX duty_requirement_kinds_idx ON duty_requirement USING gin (organization_kinds)`);
    await q.query(`COMMENT ON TABLE duty_requirement IS '值班力量要求: coverage rules as data; per organization kind and season the current rule of the highest priority applies'`);
    await q.query(`
      INSERT INTO duty_requirement (code, name, organization_kinds, season, min_leaders, min_staff, priority) VALUES
        ('COMMAND_ROOM_NORMAL', '联合指挥室及镇属部门平时值班力量', ARRAY['TOWN_GOVERNMENT','DEPARTMENT'], 'NORMAL', 1, 1, 0),
        ('COMMAND_ROOM_FLOOD', '联合指挥室及镇属部门汛期值班力量', ARRAY['TOWN_GOVERNMENT','DEPARTMENT'], 'FLOOD', 1, 2, 0),
        ('VILLAGE_NORMAL', '村（社区）平时值班力量', ARRAY['VILLAGE','COMMUNITY'], 'NORMAL', 0, 1, 0),
        ('VILLAGE_FLOOD', '村（社区）汛期值班力量', ARRAY['VILLAGE','COMMUNITY'], 'FLOOD', 1, 1, 0)
      ON CONFLICT (code) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duty_requirement`);
    await q.query(`DROP TABLE duty_assignment`);
    await q.query(`DROP TABLE duty_shift`);
  }
}
