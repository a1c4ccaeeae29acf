import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 十户联防 (work-plan point 十四): joint defense groups of about ten households under a village,
 * community or grid, and their households. A household carries its group's organization (kept equal
 * by a composite foreign key that follows the group when it moves), so scope checks need no join.
 */
export class CreateJointDefense1764402300000 implements MigrationInterface {
  name = 'CreateJointDefense1764402300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE joint_defense_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        area text,
        leader_person_id uuid NOT NULL REFERENCES person (id),
        deputy_person_id uuid REFERENCES person (id),
        contacts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contacts) = 'array'),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK (deputy_person_id IS NULL OR deputy_person_id <> leader_person_id),
        UNIQUE (id, organization_id)
      )`);
    await q.query(`CREATE INDEX joint_defense_group_organization_idx ON joint_defense_group (organization_id)`);
    await q.query(`CREATE INDEX joint_defense_group_name_idx ON joint_defense_group (name, id)`);
    await q.query(`CREATE UNIQUE INDEX joint_defense_group_name_uq ON joint_defense_group (organization_id, name) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE joint_defense_group IS '十户联防组: a joint defense group of about ten households, its leader, deputy and call chain'`);
    await q.query(`COMMENT ON COLUMN joint_defense_group.contacts IS 'call chain [{name, phone, role}]; phones are personal data'`);
    await q.query(`
      CREATE TABLE joint_defense_household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization (id),
        head_name text NOT NULL CHECK (length(btrim(head_name)) > 0),
        head_person_id uuid REFERENCES person (id),
        address text NOT NULL CHECK (length(btrim(address)) > 0),
        phone text,
        member_count int NOT NULL CHECK (member_count BETWEEN 1 AND 30),
        elderly_living_alone boolean NOT NULL DEFAULT false,
        disabled_members int NOT NULL DEFAULT 0 CHECK (disabled_members >= 0 AND disabled_members <= member_count),
        children_members int NOT NULL DEFAULT 0 CHECK (children_members >= 0 AND children_members <= member_count),
        vulnerability_note text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        FOREIGN KEY (group_id, organization_id) REFERENCES joint_defense_group (id, organization_id) ON UPDATE CASCADE
      )`);
    await q.query(`CREATE INDEX joint_defense_household_group_idx ON joint_defense_household (group_id, head_name, id)`);
    await q.query(`CREATE INDEX joint_defense_household_organization_idx ON joint_defense_household (organization_id)`);
    // vulnerableHouseholds: the partial index holds only the few households with a vulnerable flag.
    await q.query(`
      CREATE INDEX joint_defense_household_vulnerable_idx ON joint_defense_household (organization_id, group_id, head_name, id)
      WHERE archived_at IS NULL AND (elderly_living_alone OR disabled_members > 0 OR children_members > 0 OR vulnerability_note IS NOT NULL)`);
    await q.query(`COMMENT ON TABLE joint_defense_household IS '十户联防住户: a household of a joint defense group; phone and vulnerable flags are personal data'`);
    await q.query(`COMMENT ON COLUMN joint_defense_household.phone IS 'sensitive personal data'`);
    await q.query(`COMMENT ON COLUMN joint_defense_household.elderly_living_alone IS 'sensitive personal data (独居老人)'`);
    await q.query(`COMMENT ON COLUMN joint_defense_household.disabled_members IS 'sensitive personal data (残疾人)'`);
    await q.query(`COMMENT ON COLUMN joint_defense_household.children_members IS 'sensitive personal data (留守/未成年儿童)'`);
    await q.query(`COMMENT ON COLUMN joint_defense_household.vulnerability_note IS 'sensitive personal data (e.g. 行动不便)'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE joint_defense_household`);
    await q.query(`DROP TABLE joint_defense_group`);
  }
}
