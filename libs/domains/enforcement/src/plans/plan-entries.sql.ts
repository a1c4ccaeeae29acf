import type { RequestContext } from '@platform/core';

/*
 * The statements of a plan's enterprise list that write a set of rows at once (derivation, a
 * revision's copy, removal), which the write helpers (one audited record at a time) do not express.
 * The callers have locked the plan within the caller's scope through `records` and write the plan's
 * audit entry (naming the rows) and event in the same transaction.
 */

/** An entry as the derivation writes it. */
export interface PlanEntryRow {
  readonly id?: string;
  readonly enterpriseId: string;
  readonly position: number;
  readonly enterpriseClass: string;
  readonly derivedClass: string;
  readonly derivedReason: string;
  readonly reclassificationReason: string | null;
  readonly plannedInspections: number;
  readonly plannedMonths: readonly number[];
}

/** `{1,4,7}`: months as a PostgreSQL array literal (arrays of arrays do not unnest row by row). */
const monthsText = (months: readonly number[]): string => `{${months.join(',')}}`;

/** The class, derivation and plan of the rows, column by column (the parameters `unnest` reads). */
const planColumns = (rows: readonly PlanEntryRow[]): unknown[] => [
  rows.map((r) => r.enterpriseClass),
  rows.map((r) => r.derivedClass),
  rows.map((r) => r.derivedReason),
  rows.map((r) => r.reclassificationReason),
  rows.map((r) => r.plannedInspections),
  rows.map((r) => monthsText(r.plannedMonths)),
];

/** Inserts new entries of a plan in one statement (new ids unless given); their ids. */
export async function insertPlanEntries(tx: RequestContext, planId: string, rows: readonly PlanEntryRow[], createdAt: string | null = null): Promise<string[]> {
  if (!rows.length) return [];
  const inserted = (await tx.manager.query(
    `INSERT INTO inspection_plan_entry (id, plan_id, enterprise_id, position, enterprise_class, derived_class, derived_reason, reclassification_reason, planned_inspections, planned_months, created_at, updated_at)
     SELECT coalesce(u.id, gen_random_uuid()), $1, u.enterprise_id, u.position, u.enterprise_class, u.derived_class, u.derived_reason, u.reclassification_reason, u.planned_inspections, u.planned_months::int[],
            coalesce($11::timestamptz, now()), coalesce($11::timestamptz, now())
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[])
            AS u(id, enterprise_id, position, enterprise_class, derived_class, derived_reason, reclassification_reason, planned_inspections, planned_months)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [planId, rows.map((r) => r.id ?? null), rows.map((r) => r.enterpriseId), rows.map((r) => r.position), ...planColumns(rows), createdAt],
  )) as Array<{ id: string }>;
  return inserted.map((r) => r.id);
}

/** Rewrites the class, derivation and plan of existing entries in one statement (each one's version goes up). */
export async function updatePlanEntries(tx: RequestContext, rows: ReadonlyArray<PlanEntryRow & { readonly id: string }>): Promise<void> {
  if (!rows.length) return;
  await tx.manager.query(
    `UPDATE inspection_plan_entry e
        SET enterprise_class = u.enterprise_class, derived_class = u.derived_class, derived_reason = u.derived_reason, reclassification_reason = u.reclassification_reason,
            planned_inspections = u.planned_inspections, planned_months = u.planned_months::int[], updated_at = now(), version = e.version + 1
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[])
            AS u(id, enterprise_class, derived_class, derived_reason, reclassification_reason, planned_inspections, planned_months)
      WHERE e.id = u.id`,
    [rows.map((r) => r.id), ...planColumns(rows)],
  );
}

/** Deletes entries of a draft plan (nothing refers to them: inspections read the approved plans' classes by enterprise). */
export async function deletePlanEntries(tx: RequestContext, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await tx.manager.query(`DELETE FROM inspection_plan_entry WHERE id = ANY($1::uuid[])`, [ids]);
}

/** Copies the entries of plan `fromId` into plan `toId` (classes, reasons, places, planned inspections and months) in one statement; how many. */
export async function copyPlanEntries(tx: RequestContext, fromId: string, toId: string): Promise<number> {
  const rows = (await tx.manager.query(
    `INSERT INTO inspection_plan_entry (plan_id, enterprise_id, position, enterprise_class, derived_class, derived_reason, reclassification_reason, planned_inspections, planned_months)
     SELECT $2, e.enterprise_id, e.position, e.enterprise_class, e.derived_class, e.derived_reason, e.reclassification_reason, e.planned_inspections, e.planned_months
       FROM inspection_plan_entry e WHERE e.plan_id = $1 ORDER BY e.enterprise_class, e.position, e.id
     RETURNING id`,
    [fromId, toId],
  )) as unknown[];
  return rows.length;
}
