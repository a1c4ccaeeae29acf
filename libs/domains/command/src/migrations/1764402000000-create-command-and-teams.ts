import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 应急指挥部与救援队伍 (work-plan points 十二, 十三): command bodies and their positions, rescue teams
 * with members and equipment, and the staffing rules (kept as data) with the default standards.
 */
export class CreateCommandAndTeams1764402000000 implements MigrationInterface {
  name = 'CreateCommandAndTeams1764402000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE command_body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('HEADQUARTERS','JOINT_COMMAND_ROOM')),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        address text,
        duty_phone text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX command_body_organization_idx ON command_body (organization_id)`);
    await q.query(`CREATE UNIQUE INDEX command_body_active_uq ON command_body (organization_id, kind) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE command_body IS '指挥机构: the emergency command headquarters and the joint command room (一中心四板块) of the town or a village; one standing body of each kind per organization'`);
    await q.query(`
      CREATE TABLE command_position (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        body_id uuid NOT NULL REFERENCES command_body (id),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        responsibility text,
        holder_person_id uuid NOT NULL REFERENCES person (id),
        deputy_person_id uuid REFERENCES person (id),
        sort_order int NOT NULL DEFAULT 0,
        contact_phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (deputy_person_id IS NULL OR deputy_person_id <> holder_person_id)
      )`);
    await q.query(`CREATE INDEX command_position_body_idx ON command_position (body_id, sort_order, id)`);
    await q.query(`CREATE INDEX command_position_holder_idx ON command_position (holder_person_id)`);

    await q.query(`
      CREATE TABLE rescue_team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        kind text NOT NULL CHECK (kind IN ('MILITIA','MICRO_FIRE_STATION','FULL_TIME_FIRE','ENTERPRISE','VOLUNTEER')),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        base_address text,
        duty_phone text,
        shift_count int NOT NULL DEFAULT 1 CHECK (shift_count BETWEEN 1 AND 7),
        readiness text NOT NULL CHECK (readiness IN ('READY','LIMITED','NOT_READY')),
        last_patrol_on date,
        last_drill_on date,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX rescue_team_organization_idx ON rescue_team (organization_id)`);
    await q.query(`CREATE INDEX rescue_team_name_idx ON rescue_team (name, id)`);
    await q.query(`CREATE UNIQUE INDEX rescue_team_active_name_uq ON rescue_team (organization_id, name) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE rescue_team IS '救援队伍: militia rescue teams, micro fire stations, the full-time fire brigade, enterprise and volunteer teams'`);
    await q.query(`
      CREATE TABLE rescue_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES rescue_team (id),
        person_id uuid NOT NULL REFERENCES person (id),
        role text NOT NULL CHECK (role IN ('LEADER','DEPUTY_LEADER','MEMBER','DRIVER','MEDIC')),
        role_rank smallint GENERATED ALWAYS AS (CASE role WHEN 'LEADER' THEN 1 WHEN 'DEPUTY_LEADER' THEN 2 WHEN 'MEMBER' THEN 3 WHEN 'DRIVER' THEN 4 ELSE 5 END) STORED,
        qualifications text[] NOT NULL DEFAULT '{}',
        shift int CHECK (shift >= 1),
        joined_on date NOT NULL,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    await q.query(`CREATE INDEX rescue_team_member_team_idx ON rescue_team_member (team_id, role_rank, id)`);
    await q.query(`CREATE INDEX rescue_team_member_person_idx ON rescue_team_member (person_id)`);
    await q.query(`CREATE UNIQUE INDEX rescue_team_member_serving_uq ON rescue_team_member (team_id, person_id) WHERE left_on IS NULL`);
    await q.query(`COMMENT ON COLUMN rescue_team_member.role_rank IS 'order of the role in member lists (leaders first), derived from role'`);
    await q.query(`
      CREATE TABLE rescue_team_equipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES rescue_team (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        category text NOT NULL CHECK (category IN ('FIRE_FIGHTING','RESCUE_TOOL','COMMUNICATION','PROTECTIVE','VEHICLE','MEDICAL','OTHER')),
        quantity int NOT NULL CHECK (quantity >= 1),
        condition text NOT NULL CHECK (condition IN ('GOOD','NEEDS_REPAIR','UNUSABLE')),
        checked_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX rescue_team_equipment_team_idx ON rescue_team_equipment (team_id, name, id)`);

    await q.query(`
      CREATE TABLE staffing_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        team_kind text NOT NULL CHECK (team_kind IN ('MILITIA','MICRO_FIRE_STATION','FULL_TIME_FIRE','ENTERPRISE','VOLUNTEER')),
        organization_kinds text[] NOT NULL DEFAULT '{}'
          CHECK (organization_kinds <@ ARRAY['TOWN_GOVERNMENT','DEPARTMENT','VILLAGE','COMMUNITY','GRID','ENTERPRISE','PUBLIC_INSTITUTION']::text[]),
        min_leaders int NOT NULL CHECK (min_leaders >= 0),
        min_members int NOT NULL CHECK (min_members >= 0),
        min_on_duty_per_shift int NOT NULL DEFAULT 0 CHECK (min_on_duty_per_shift >= 0),
        required_qualification text,
        min_qualified int NOT NULL DEFAULT 0 CHECK (min_qualified >= 0),
        priority int NOT NULL DEFAULT 0,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((required_qualification IS NULL) = (min_qualified = 0))
      )`);
    await q.query(`CREATE UNIQUE INDEX staffing_rule_code_uq ON staffing_rule (code)`);
    await q.query(`CREATE INDEX staffing_rule_kind_idx ON staffing_rule (team_kind, priority, id)`);
    await q.query(`COMMENT ON TABLE staffing_rule IS '救援队伍人员配备标准: kept as data; of the active rules matching a team (kind, organization kind), the highest priority applies'`);
    // The standards a fresh server starts with (editable by rescue.rule:manage).
    await q.query(`
      INSERT INTO staffing_rule (code, name, team_kind, organization_kinds, min_leaders, min_members, min_on_duty_per_shift, priority) VALUES
        ('COMMUNITY_MICRO_FIRE_STATION', '社区微型消防站: 站长1名、队员不少于5名、每班执勤不少于3人', 'MICRO_FIRE_STATION', '{COMMUNITY}', 1, 5, 3, 20),
        ('MICRO_FIRE_STATION', '微型消防站(消防安全重点单位): 站长1名、队员不少于3名、每班执勤不少于2人', 'MICRO_FIRE_STATION', '{}', 1, 3, 2, 10),
        ('VILLAGE_MILITIA', '村民兵救援队: 队长1名、队员不少于10名', 'MILITIA', '{VILLAGE}', 1, 10, 0, 10),
        ('FULL_TIME_FIRE', '专职消防队: 队长1名、队员不少于12名、每班执勤不少于4人', 'FULL_TIME_FIRE', '{}', 1, 12, 4, 10)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE staffing_rule`);
    await q.query(`DROP TABLE rescue_team_equipment`);
    await q.query(`DROP TABLE rescue_team_member`);
    await q.query(`DROP TABLE rescue_team`);
    await q.query(`DROP TABLE command_position`);
    await q.query(`DROP TABLE command_body`);
  }
}
