import { runSql, sql, type RequestContext } from '@platform/core';

/*
 * The statements of the demo alarm rules (`seedAlarms`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO NOTHING`).
 */

/** A demo rule as stored. */
export interface SeedRuleRow {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly observedProperty: string;
  readonly datastreamIds: readonly string[];
  readonly kind: string;
  readonly windowHours: number | null;
  readonly comparison: string;
  readonly triggerValue: number;
  readonly clearValue: number;
  readonly minimumDurationMinutes: number;
  readonly minDatastreams: number | null;
  readonly level: string;
  readonly conversionTarget: string;
  readonly hazardCategory: string;
  readonly warningHazardType: string | null;
  readonly basis: string;
}

/** Inserts the rules that do not exist yet (recorded on the week's first day); the number inserted. */
export async function insertSeedRules(ctx: RequestContext, rows: readonly SeedRuleRow[], recordedAt: Date): Promise<number> {
  const inserted = await runSql(
    ctx.manager,
    sql`INSERT INTO alarm_rule (id, code, name, observed_property, datastream_ids, kind, window_hours, comparison, trigger_value, clear_value, minimum_duration_minutes, min_datastreams, level, conversion_target, hazard_category, warning_hazard_type, basis, created_at, updated_at)
        SELECT r."id", r."code", r."name", r."observedProperty", ARRAY(SELECT jsonb_array_elements_text(r."datastreamIds"))::uuid[], r."kind", r."windowHours", r."comparison", r."triggerValue", r."clearValue", r."minimumDurationMinutes", r."minDatastreams",
               r."level", r."conversionTarget", r."hazardCategory", r."warningHazardType", r."basis", ${recordedAt}, ${recordedAt}
          FROM jsonb_to_recordset(CAST(${JSON.stringify(rows)} AS jsonb)) AS r("id" uuid, "code" text, "name" text, "observedProperty" text, "datastreamIds" jsonb, "kind" text, "windowHours" int, "comparison" text, "triggerValue" double precision,
                                                  "clearValue" double precision, "minimumDurationMinutes" int, "minDatastreams" int, "level" text, "conversionTarget" text, "hazardCategory" text, "warningHazardType" text, "basis" text)
        ON CONFLICT DO NOTHING RETURNING id`,
  );
  return inserted.length;
}

/** The gas datastreams of the enterprise with the most of them (at least two), for the combined rule; empty when none has two. */
export async function gasDatastreamsOfOneEnterprise(ctx: RequestContext): Promise<string[]> {
  const rows = await runSql<{ ids: string[] }>(
    ctx.manager,
    sql`SELECT array_agg(d.id ORDER BY d.name, d.id) AS ids FROM sensor_datastream d
         WHERE d.observed_property = 'gas_lel' AND d.status = 'ACTIVE'
         GROUP BY d.organization_id HAVING count(*) >= 2 ORDER BY count(*) DESC, d.organization_id LIMIT 1`,
  );
  return rows[0]?.ids ?? [];
}
