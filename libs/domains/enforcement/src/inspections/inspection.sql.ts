import { raw, records, sql, unscoped, type RequestContext, type Sql } from '@platform/core';
import { InspectionStatus } from './inspection.enums';
import { Inspections } from './inspections.entities';

/*
 * The statements of inspections that the records API does not express on its own: the per-enterprise
 * transaction lock of the frequency check, the gap-free yearly code counter, the rows of a visit
 * written as sets, and the warnings (repeat, cap reached) of a set of inspections in one statement.
 */

/** SQL: the day an inspection counts on for the cap, repeats and figures: its visit, else its planned day. */
export const inspectionDaySql = (alias: string): Sql => raw(`coalesce(${alias}.visited_on, ${alias}.planned_on)`);

/** SQL: the inspection under `alias` counts in calendar year `year`. */
export const inspectionYearIs = (alias: string, year: number): Sql => sql`${inspectionDaySql(alias)} >= make_date(${year}, 1, 1) AND ${inspectionDaySql(alias)} < make_date(${year + 1}, 1, 1)`;

/** SQL over `alias`: ordered to rectify, not re-inspected, and the re-inspection was due before `today`. */
export const reinspectionOverdueSql = (alias: string, today: string): Sql =>
  sql`(${raw(`${alias}.status`)} = ${InspectionStatus.RECTIFICATION_ORDERED} AND ${raw(`${alias}.reinspection_due_on`)} < CAST(${today} AS date))`;

/** Holds the enterprise's inspections for this transaction: frequency checks of one enterprise run one after the other. */
export async function lockEnterpriseInspections(tx: RequestContext, enterpriseId: string): Promise<void> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('enforcement.inspection:' || $1))`, [enterpriseId]);
}

/** A checklist row as written. */
export interface ChecklistRow {
  readonly id: string;
  readonly position: number;
  readonly duty: string;
  readonly dutyText: string;
  readonly result: string;
  readonly note: string | null;
  readonly lawArticleId: string;
}

/** A certificate check as written. */
export interface CertificateCheckRow {
  readonly id: string;
  readonly position: number;
  readonly specialOperationCertificateId: string;
  readonly status: string;
  readonly valid: boolean;
  readonly note: string | null;
}

/** A permit check as written. */
export interface PermitCheckRow {
  readonly id: string;
  readonly position: number;
  readonly kind: string;
  readonly permitNumber: string | null;
  readonly result: string;
  readonly note: string | null;
}

/** A finding as written. */
export interface FindingRow {
  readonly id: string;
  readonly position: number;
  readonly origin: string;
  readonly description: string;
  readonly checklistDuty: string | null;
  readonly certificateCheckId: string | null;
  readonly lawArticleIds: readonly string[];
  readonly severity: string;
  readonly rectificationRequired: boolean;
  readonly hazardCategory: string | null;
  readonly hazardId: string | null;
  readonly forCase: boolean;
  readonly caseReason: string | null;
}

/** The rows of one visit. */
export interface VisitRows {
  readonly checklist: readonly ChecklistRow[];
  readonly certificateChecks: readonly CertificateCheckRow[];
  readonly permitChecks: readonly PermitCheckRow[];
  readonly findings: readonly FindingRow[];
}

/**
 * Writes a visit's rows (a statement per kind of row that has any; existing ids are kept, so the
 * seed may write them twice). The caller holds the inspection, locked in this transaction; its
 * audit entry for the visit lists what was recorded. `at` sets their creation time (the seed's days).
 */
export async function insertVisitRows(tx: RequestContext, inspectionId: string, rows: VisitRows, at: Date | null = null): Promise<void> {
  const when = at;
  const stamp = 'coalesce($3::timestamptz, now())';
  const arrays = <T>(list: readonly T[], ...columns: Array<(r: T) => unknown>) => columns.map((c) => list.map(c));
  if (rows.checklist.length) {
    const r = rows.checklist;
    await tx.manager.query(
      `INSERT INTO inspection_checklist_item (id, inspection_id, position, duty, duty_text, result, note, law_article_id, created_at, updated_at)
       SELECT c.id, $1, c.position, c.duty, c.duty_text, c.result, c.note, c.law_article_id, ${stamp}, ${stamp}
         FROM unnest($2::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[]) AS c(id, position, duty, duty_text, result, note, law_article_id)
       ON CONFLICT (id) DO NOTHING`,
      [inspectionId, r.map((x) => x.id), when, ...arrays(r, (x) => x.position, (x) => x.duty, (x) => x.dutyText, (x) => x.result, (x) => x.note, (x) => x.lawArticleId)],
    );
  }
  if (rows.certificateChecks.length) {
    const r = rows.certificateChecks;
    await tx.manager.query(
      `INSERT INTO inspection_certificate_check (id, inspection_id, position, special_operation_certificate_id, status, valid, note, created_at, updated_at)
       SELECT c.id, $1, c.position, c.certificate_id, c.status, c.valid, c.note, ${stamp}, ${stamp}
         FROM unnest($2::uuid[], $4::int[], $5::uuid[], $6::text[], $7::boolean[], $8::text[]) AS c(id, position, certificate_id, status, valid, note)
       ON CONFLICT (id) DO NOTHING`,
      [inspectionId, r.map((x) => x.id), when, ...arrays(r, (x) => x.position, (x) => x.specialOperationCertificateId, (x) => x.status, (x) => x.valid, (x) => x.note)],
    );
  }
  if (rows.permitChecks.length) {
    const r = rows.permitChecks;
    await tx.manager.query(
      `INSERT INTO inspection_permit_check (id, inspection_id, position, kind, permit_number, result, note, created_at, updated_at)
       SELECT c.id, $1, c.position, c.kind, c.permit_number, c.result, c.note, ${stamp}, ${stamp}
         FROM unnest($2::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[]) AS c(id, position, kind, permit_number, result, note)
       ON CONFLICT (id) DO NOTHING`,
      [inspectionId, r.map((x) => x.id), when, ...arrays(r, (x) => x.position, (x) => x.kind, (x) => x.permitNumber, (x) => x.result, (x) => x.note)],
    );
  }
  if (rows.findings.length) {
    const r = rows.findings;
    // uuid[] per finding travels as text ('{…}'), since unnest cannot take an array of arrays of unequal length.
    await tx.manager.query(
      `INSERT INTO inspection_finding (id, inspection_id, position, origin, description, checklist_duty, certificate_check_id, law_article_ids, severity, rectification_required, hazard_category, hazard_id, for_case, case_reason, created_at, updated_at)
       SELECT f.id, $1, f.position, f.origin, f.description, f.checklist_duty, f.certificate_check_id, f.law_article_ids::uuid[], f.severity, f.rectification_required, f.hazard_category, f.hazard_id, f.for_case, f.case_reason, ${stamp}, ${stamp}
         FROM unnest($2::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::boolean[], $12::text[], $13::uuid[], $14::boolean[], $15::text[])
           AS f(id, position, origin, description, checklist_duty, certificate_check_id, law_article_ids, severity, rectification_required, hazard_category, hazard_id, for_case, case_reason)
       ON CONFLICT (id) DO NOTHING`,
      [
        inspectionId,
        r.map((x) => x.id),
        when,
        ...arrays(
          r,
          (x) => x.position,
          (x) => x.origin,
          (x) => x.description,
          (x) => x.checklistDuty,
          (x) => x.certificateCheckId,
          (x) => `{${x.lawArticleIds.join(',')}}`,
          (x) => x.severity,
          (x) => x.rectificationRequired,
          (x) => x.hazardCategory,
          (x) => x.hazardId,
          (x) => x.forCase,
          (x) => x.caseReason,
        ),
      ],
    );
  }
}

/** What the warnings statement answers for one inspection. */
export interface WarningRow {
  readonly id: string;
  /** `id|code|day` of the nearest other inspection of the enterprise within the repeat window; null when none. */
  readonly repeat: string | null;
  /** Its place among the enterprise's non-cancelled inspections of its year (by day, then creation). */
  readonly ordinal: number;
  readonly frequencyCap: number | null;
  readonly repeatWindowDays: number | null;
  readonly year: number;
  readonly status: InspectionStatus;
}

/** Why the warnings read beyond the caller's scope: other legal subjects' inspections of the same enterprise count. */
const EVERY_SUBJECT = 'warnings count the inspections of the enterprise by every legal subject';

/**
 * The warnings' facts for a set of inspections the caller may read, in ONE statement: the nearest
 * other non-cancelled inspection of the same enterprise (any legal subject) within the repeat window
 * the inspection keeps, and its place in the enterprise's year (for NEAR_CAP).
 */
export function inspectionWarningRows(ctx: RequestContext, ids: readonly string[]): Promise<WarningRow[]> {
  const others = () => unscoped(ctx, Inspections, EVERY_SUBJECT).as('o');
  const distance = sql`abs(${inspectionDaySql('o')} - ${inspectionDaySql('t')})`;
  const repeat = others()
    .where(sql`o.enterprise_id = t.enterprise_id AND o.id <> t.id AND o.status <> ${InspectionStatus.CANCELLED} AND ${distance} <= t.repeat_window_days`)
    .subquery(sql`(array_agg(o.id::text || '|' || o.code || '|' || ${inspectionDaySql('o')}::text ORDER BY ${distance}, o.id))[1]`);
  const ordinal = others()
    .where(
      sql`o.enterprise_id = t.enterprise_id AND o.status <> ${InspectionStatus.CANCELLED}
          AND date_part('year', ${inspectionDaySql('o')}) = date_part('year', ${inspectionDaySql('t')})
          AND (${inspectionDaySql('o')}, o.created_at, o.id) <= (${inspectionDaySql('t')}, t.created_at, t.id)`,
    )
    .subquery(sql`count(*)::int`);
  return records(ctx, Inspections)
    .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
    .aggregate<WarningRow>(
      sql`t.id, t.status, t.frequency_cap AS "frequencyCap", t.repeat_window_days AS "repeatWindowDays", date_part('year', ${inspectionDaySql('t')})::int AS "year",
          CASE WHEN t.repeat_window_days IS NULL OR t.status = ${InspectionStatus.CANCELLED} THEN NULL ELSE ${repeat} END AS "repeat", ${ordinal} AS "ordinal"`,
    );
}
