import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo equipment and renewal plans (`seedEquipment`). Hand-written because
 * seeding is not on a caller's behalf and is idempotent (`ON CONFLICT DO NOTHING`).
 */

export interface SeedEquipmentRow {
  readonly id: string;
  readonly enterpriseId: string;
  readonly name: string;
  readonly kind: string;
  readonly model: string | null;
  readonly installedYear: number;
  readonly catalogueReference: string | null;
  readonly retiredOn: string | null;
}

export interface SeedPlanRow {
  readonly id: string;
  readonly equipmentId: string;
  readonly action: string;
  readonly description: string;
  readonly dueOn: string;
  readonly doneOn: string | null;
  readonly evidenceNote: string | null;
}

/** Inserts the equipment that does not exist yet (registered on 2026-06-15, retired on its day); the number inserted. */
export async function insertSeedEquipment(ctx: RequestContext, rows: readonly SeedEquipmentRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO enterprise_equipment (id, enterprise_id, name, kind, model, installed_year, eliminated, catalogue_reference, status, retired_on, created_at, updated_at)
     SELECT r."id", r."enterpriseId", r."name", r."kind", r."model", r."installedYear", r."catalogueReference" IS NOT NULL, r."catalogueReference",
            CASE WHEN r."retiredOn" IS NULL THEN 'IN_SERVICE' ELSE 'RETIRED' END, r."retiredOn",
            timestamptz '2026-06-15T10:00:00+08:00', coalesce((r."retiredOn" + time '16:00') AT TIME ZONE 'Asia/Shanghai', timestamptz '2026-06-15T10:00:00+08:00')
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "enterpriseId" uuid, "name" text, "kind" text, "model" text, "installedYear" int, "catalogueReference" text, "retiredOn" date)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Inserts the plans that do not exist yet (the equipment's enterprise copied; planned on 2026-07-01); the number inserted. */
export async function insertSeedPlans(ctx: RequestContext, rows: readonly SeedPlanRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO equipment_renewal_plan (id, equipment_id, enterprise_id, action, description, due_on, done_on, evidence_note, created_at, updated_at)
     SELECT r."id", r."equipmentId", e.enterprise_id, r."action", r."description", r."dueOn", r."doneOn", r."evidenceNote",
            timestamptz '2026-07-01T10:00:00+08:00', coalesce((r."doneOn" + time '16:00') AT TIME ZONE 'Asia/Shanghai', timestamptz '2026-07-01T10:00:00+08:00')
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "equipmentId" uuid, "action" text, "description" text, "dueOn" date, "doneOn" date, "evidenceNote" text)
       JOIN enterprise_equipment e ON e.id = r."equipmentId"
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}
