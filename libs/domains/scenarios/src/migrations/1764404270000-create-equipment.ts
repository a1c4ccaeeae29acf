import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * Equipment renewal (issue 22, point 二十四, 设备更新): enterprises' equipment with its installation year
 * and an eliminated-process/equipment flag (with the catalogue reference the office writes), and
 * renewal plans (replace, retrofit, retire) due by a day, done with an evidence note.
 */
export class CreateEquipment1764404270000 implements MigrationInterface {
  name = 'CreateEquipment1764404270000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprise_equipment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind text NOT NULL CHECK (kind IN ('PRODUCTION', 'SPECIAL_EQUIPMENT', 'SAFETY_FACILITY', 'ELECTRICAL', 'VEHICLE', 'OTHER')),
        model text,
        installed_year int NOT NULL CHECK (installed_year BETWEEN 1950 AND 2100),
        eliminated boolean NOT NULL DEFAULT false,
        catalogue_reference text,
        status text NOT NULL DEFAULT 'IN_SERVICE' CHECK (status IN ('IN_SERVICE', 'RETIRED')),
        retired_on date,
        note text,
        ${AUDIT_COLUMNS},
        CHECK (eliminated = (catalogue_reference IS NOT NULL)),
        CHECK (catalogue_reference IS NULL OR length(btrim(catalogue_reference)) > 0),
        CHECK ((status = 'RETIRED') = (retired_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX enterprise_equipment_enterprise_idx ON enterprise_equipment (enterprise_id, name, id)`);
    await q.query(`CREATE INDEX enterprise_equipment_name_idx ON enterprise_equipment (name, id)`);
    await q.query(`CREATE INDEX enterprise_equipment_installed_idx ON enterprise_equipment (installed_year, id)`);
    await q.query(`CREATE INDEX enterprise_equipment_eliminated_idx ON enterprise_equipment (enterprise_id) WHERE eliminated AND status = 'IN_SERVICE'`);
    await q.query(`CREATE INDEX enterprise_equipment_created_idx ON enterprise_equipment (created_at, id)`);
    await q.query(`CREATE INDEX enterprise_equipment_updated_idx ON enterprise_equipment (updated_at, id)`);
    await q.query(`COMMENT ON TABLE enterprise_equipment IS '企业设备: equipment of enterprises with the installation year and an eliminated-process/equipment flag (淘汰落后工艺设备) with the catalogue reference the office records'`);

    await q.query(`
      CREATE TABLE equipment_renewal_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        equipment_id uuid NOT NULL REFERENCES enterprise_equipment (id),
        enterprise_id uuid NOT NULL REFERENCES organization (id),
        action text NOT NULL CHECK (action IN ('REPLACE', 'RETROFIT', 'RETIRE')),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        due_on date NOT NULL,
        done_on date,
        evidence_note text,
        ${AUDIT_COLUMNS},
        CHECK ((done_on IS NULL) = (evidence_note IS NULL)),
        CHECK (evidence_note IS NULL OR length(btrim(evidence_note)) > 0)
      )`);
    await q.query(`CREATE INDEX equipment_renewal_plan_equipment_idx ON equipment_renewal_plan (equipment_id, due_on, id)`);
    await q.query(`CREATE INDEX equipment_renewal_plan_enterprise_idx ON equipment_renewal_plan (enterprise_id, due_on, id)`);
    await q.query(`CREATE INDEX equipment_renewal_plan_due_idx ON equipment_renewal_plan (due_on, id)`);
    await q.query(`CREATE INDEX equipment_renewal_plan_open_idx ON equipment_renewal_plan (enterprise_id, due_on) WHERE done_on IS NULL`);
    await q.query(`CREATE INDEX equipment_renewal_plan_created_idx ON equipment_renewal_plan (created_at, id)`);
    await q.query(`CREATE INDEX equipment_renewal_plan_updated_idx ON equipment_renewal_plan (updated_at, id)`);
    await q.query(`COMMENT ON TABLE equipment_renewal_plan IS '设备更新计划: replace, retrofit or retire a piece of equipment by a day, done with an evidence note; overdue when not done after its day'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE equipment_renewal_plan`);
    await q.query(`DROP TABLE enterprise_equipment`);
  }
}
