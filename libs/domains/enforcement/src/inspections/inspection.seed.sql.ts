import type { RequestContext } from '@platform/core';
import type { Inspection } from './inspection.entity';

/*
 * The statement of the demo inspections (`seedInspections`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: the insert keeps the rows that exist (`ON CONFLICT (id) DO
 * NOTHING`), which the write helpers (one audited record at a time) do not express.
 */

/** A demo inspection as stored, with the times it was created and last changed. */
export type SeedInspectionRow = Omit<Inspection, 'createdAt' | 'updatedAt' | 'version'> & { readonly createdAt: string; readonly updatedAt: string };

const COLUMNS: ReadonlyArray<readonly [string, keyof SeedInspectionRow]> = [
  ['id', 'id'], ['code', 'code'], ['legal_subject_id', 'legalSubjectId'], ['enforcement_item_id', 'enforcementItemId'], ['enterprise_id', 'enterpriseId'], ['kind', 'kind'],
  ['purpose', 'purpose'], ['planned_on', 'plannedOn'], ['inspector_person_ids', 'inspectorPersonIds'], ['status', 'status'], ['submitted_on', 'submittedOn'],
  ['approver_person_id', 'approverPersonId'], ['approved_on', 'approvedOn'], ['rejection_reason', 'rejectionReason'], ['enterprise_class', 'enterpriseClass'],
  ['frequency_cap', 'frequencyCap'], ['repeat_window_days', 'repeatWindowDays'], ['frequency_rule_version_id', 'frequencyRuleVersionId'], ['visited_on', 'visitedOn'],
  ['visit_time', 'visitTime'], ['unit_signatory_name', 'unitSignatoryName'], ['summary', 'summary'], ['rectification_ordered_on', 'rectificationOrderedOn'],
  ['rectification_deadline', 'rectificationDeadline'], ['reinspection_due_on', 'reinspectionDueOn'], ['rule_version_id', 'ruleVersionId'], ['reinspected_on', 'reinspectedOn'],
  ['rectified', 'rectified'], ['reinspection_opinion', 'reinspectionOpinion'], ['for_case', 'forCase'], ['for_case_reason', 'forCaseReason'], ['closed_on', 'closedOn'],
  ['cancelled_on', 'cancelledOn'], ['cancel_reason', 'cancelReason'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt'],
];

/** Inserts the inspection unless it exists; whether it was inserted. */
export async function insertSeedInspection(ctx: RequestContext, row: SeedInspectionRow): Promise<boolean> {
  const params = COLUMNS.map(([, property]) => row[property]);
  const inserted = (await ctx.manager.query(
    `INSERT INTO inspection (${COLUMNS.map(([c]) => c).join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING id`,
    params,
  )) as unknown[];
  return inserted.length > 0;
}
