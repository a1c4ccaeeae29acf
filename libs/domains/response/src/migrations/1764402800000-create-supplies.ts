import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 救灾物资 (work-plan point 十五): supply depots of the town and villages, the town-wide catalog, stock
 * per depot, item and batch (never negative), minimum stock as data (查漏补缺), and the movements
 * that change stock (入库, 出库发放, 调拨, 报损). Issues may name the incident (after the incidents
 * migration) or the joint-defense household they went to.
 */
export class CreateSupplies1764402800000 implements MigrationInterface {
  name = 'CreateSupplies1764402800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supply_depot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        address text,
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        keeper_person_id uuid REFERENCES person (id),
        contact_phone text,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((longitude IS NULL) = (latitude IS NULL))
      )`);
    await q.query(`CREATE INDEX supply_depot_organization_idx ON supply_depot (organization_id)`);
    await q.query(`CREATE INDEX supply_depot_name_idx ON supply_depot (name, id)`);
    await q.query(`CREATE UNIQUE INDEX supply_depot_name_uq ON supply_depot (organization_id, name) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE supply_depot IS '救灾物资储备点: a relief supply depot of the town (储备库) or a village (储存点)'`);

    await q.query(`
      CREATE TABLE supply_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (length(btrim(code)) > 0),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        category text NOT NULL CHECK (category IN ('SHELTER','BEDDING','CLOTHING','FOOD','WATER','LIGHTING_POWER','RESCUE_EQUIPMENT','MEDICAL','OTHER')),
        unit text NOT NULL CHECK (length(btrim(unit)) > 0),
        shelf_life_days int CHECK (shelf_life_days > 0),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX supply_item_code_uq ON supply_item (code)`);
    await q.query(`CREATE INDEX supply_item_category_idx ON supply_item (category, code, id)`);
    await q.query(`COMMENT ON TABLE supply_item IS '物资品目: the town-wide catalog of relief supply items'`);

    await q.query(`
      CREATE TABLE supply_stock (
        depot_id uuid NOT NULL REFERENCES supply_depot (id),
        item_id uuid NOT NULL REFERENCES supply_item (id),
        batch text NOT NULL DEFAULT '',
        expires_on date,
        quantity int NOT NULL CHECK (quantity >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (depot_id, item_id, batch)
      )`);
    await q.query(`CREATE INDEX supply_stock_expiring_idx ON supply_stock (expires_on, depot_id, item_id, batch) WHERE quantity > 0 AND expires_on IS NOT NULL`);
    await q.query(`COMMENT ON TABLE supply_stock IS '库存批次: quantity on hand per depot, item and batch; changed only by supply_movement in the same transaction'`);

    await q.query(`
      CREATE TABLE supply_minimum (
        depot_id uuid NOT NULL REFERENCES supply_depot (id),
        item_id uuid NOT NULL REFERENCES supply_item (id),
        minimum_quantity int NOT NULL CHECK (minimum_quantity > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (depot_id, item_id)
      )`);
    await q.query(`COMMENT ON TABLE supply_minimum IS '最低库存: the minimum quantity of an item a depot should hold (储备定额), for the stock gaps (查漏补缺)'`);

    await q.query(`
      CREATE TABLE supply_movement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('RECEIPT','ISSUE','TRANSFER','WRITE_OFF')),
        at timestamptz NOT NULL,
        depot_id uuid NOT NULL REFERENCES supply_depot (id),
        to_depot_id uuid REFERENCES supply_depot (id),
        item_id uuid NOT NULL REFERENCES supply_item (id),
        batch text NOT NULL DEFAULT '',
        quantity int NOT NULL CHECK (quantity > 0),
        incident_id uuid REFERENCES incident (id),
        household_id uuid REFERENCES joint_defense_household (id),
        recipient text,
        reason text,
        recorded_by_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((kind = 'TRANSFER') = (to_depot_id IS NOT NULL) AND (to_depot_id IS NULL OR to_depot_id <> depot_id)),
        CHECK (kind = 'ISSUE' OR (incident_id IS NULL AND household_id IS NULL AND recipient IS NULL)),
        CHECK (kind <> 'WRITE_OFF' OR length(btrim(coalesce(reason, ''))) > 0)
      )`);
    await q.query(`CREATE INDEX supply_movement_depot_idx ON supply_movement (depot_id, at DESC, id DESC)`);
    await q.query(`CREATE INDEX supply_movement_to_depot_idx ON supply_movement (to_depot_id) WHERE to_depot_id IS NOT NULL`);
    await q.query(`CREATE INDEX supply_movement_at_idx ON supply_movement (at DESC, id DESC)`);
    await q.query(`CREATE INDEX supply_movement_item_idx ON supply_movement (item_id)`);
    await q.query(`CREATE INDEX supply_movement_incident_idx ON supply_movement (incident_id) WHERE incident_id IS NOT NULL`);
    await q.query(`COMMENT ON TABLE supply_movement IS '出入库记录: receipts, issues, transfers and write-offs of relief supplies; never changed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supply_movement`);
    await q.query(`DROP TABLE supply_minimum`);
    await q.query(`DROP TABLE supply_stock`);
    await q.query(`DROP TABLE supply_item`);
    await q.query(`DROP TABLE supply_depot`);
  }
}
