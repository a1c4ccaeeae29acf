import type { RequestContext } from '@platform/core';

/*
 * The statement of the demo plans (`seedPlans`). Hand-written because seeding is not on a caller's
 * behalf and is idempotent: the insert keeps a row that exists (`ON CONFLICT DO NOTHING`), which the
 * write helpers (one audited record at a time, refusing an existing id) do not express. Entries go
 * through `insertPlanEntries` with their seed ids.
 */

/** A demo plan as stored: approved by the system (the office's approval, imported). */
export interface SeedPlanRow {
  readonly id: string;
  readonly organizationId: string;
  readonly year: number;
  readonly title: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly certifiedInspectors: number;
  readonly otherEnforcementDays: number;
  readonly nonEnforcementDays: number;
  readonly workloadRuleVersionId: string;
  readonly frequencyRuleVersionId: string;
  readonly legalWorkingDays: number;
  readonly inspectionWorkingDays: number;
  readonly keyInspectionDaysApplied: number;
  readonly ordinaryInspectionDaysApplied: number;
  readonly keyEnterpriseCount: number;
  readonly keyInspectionCount: number;
  readonly keyEnterprisesCoverable: number;
  readonly ordinaryEnterpriseCount: number;
  readonly ordinaryInspectionCount: number;
  readonly note: string;
  readonly approvedByName: string;
  readonly createdAt: string;
  readonly approvedAt: string;
}

/** Inserts an approved plan unless it exists; whether it was inserted. */
export async function insertSeedPlan(ctx: RequestContext, p: SeedPlanRow): Promise<boolean> {
  const created = await ctx.manager.query(
    `INSERT INTO inspection_plan (id, organization_id, year, revision, previous_id, title, status, period_from, period_to, certified_inspectors, other_enforcement_days, non_enforcement_days,
                                  workload_rule_version_id, frequency_rule_version_id, legal_working_days, inspection_working_days, key_inspection_days_applied, ordinary_inspection_days_applied,
                                  key_enterprise_count, key_inspection_count, key_enterprises_coverable, ordinary_enterprise_count, ordinary_inspection_count, note,
                                  approved_at, approved_by_kind, approved_by_name, created_at, updated_at)
     VALUES ($1, $2, $3, 1, NULL, $4, 'APPROVED', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 'system', $23, $24, $22)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      p.id,
      p.organizationId,
      p.year,
      p.title,
      p.periodFrom,
      p.periodTo,
      p.certifiedInspectors,
      p.otherEnforcementDays,
      p.nonEnforcementDays,
      p.workloadRuleVersionId,
      p.frequencyRuleVersionId,
      p.legalWorkingDays,
      p.inspectionWorkingDays,
      p.keyInspectionDaysApplied,
      p.ordinaryInspectionDaysApplied,
      p.keyEnterpriseCount,
      p.keyInspectionCount,
      p.keyEnterprisesCoverable,
      p.ordinaryEnterpriseCount,
      p.ordinaryInspectionCount,
      p.note,
      p.approvedAt,
      p.approvedByName,
      p.createdAt,
    ],
  );
  return (created as unknown[]).length > 0;
}
