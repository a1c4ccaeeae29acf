import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo insurance (`seedInsurance`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO NOTHING`),
 * which the write helpers (one audited record at a time, refusing an existing id) do not express.
 */

/** A demo liability policy as stored. */
export interface SeedPolicyRow {
  readonly id: string;
  readonly enterpriseId: string;
  readonly insurer: string;
  readonly policyNumber: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly perPersonLimitYuan: string;
  readonly headcountCovered: number;
  readonly premiumYuan: string | null;
  readonly ruleVersionId: string;
  readonly cancelledOn: string | null;
  readonly cancellationReason: string | null;
}

/** Inserts the policies that do not exist yet (recorded ten days before their first day); the number inserted. */
export async function insertSeedPolicies(ctx: RequestContext, rows: readonly SeedPolicyRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO liability_insurance_policy (id, enterprise_id, insurer, policy_number, starts_on, ends_on, per_person_limit_yuan, headcount_covered, premium_yuan, rule_version_id, cancelled_on, cancellation_reason, created_at, updated_at)
     SELECT r."id", r."enterpriseId", r."insurer", r."policyNumber", r."startsOn", r."endsOn", r."perPersonLimitYuan", r."headcountCovered", r."premiumYuan", r."ruleVersionId", r."cancelledOn", r."cancellationReason",
            (r."startsOn" - 10 + time '10:00') AT TIME ZONE 'Asia/Shanghai', (coalesce(r."cancelledOn", r."startsOn" - 10) + time '10:00') AT TIME ZONE 'Asia/Shanghai'
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "enterpriseId" uuid, "insurer" text, "policyNumber" text, "startsOn" date, "endsOn" date, "perPersonLimitYuan" numeric, "headcountCovered" int,
                                               "premiumYuan" numeric, "ruleVersionId" uuid, "cancelledOn" date, "cancellationReason" text)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Inserts the district's catastrophe policy of a year unless it exists; 1 when inserted. */
export async function insertSeedCatastrophePolicy(ctx: RequestContext, id: string, organizationId: string, year: number, ruleVersionId: string): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO catastrophe_policy (id, organization_id, policyholder, insurer, policy_number, starts_on, ends_on, per_person_limit_yuan, medical_per_person_limit_yuan, per_event_limit_yuan, annual_limit_yuan, perils, rule_version_id)
     VALUES ($1, $2, '重庆市南川区人民政府', '中国人民财产保险股份有限公司重庆市分公司（巨灾保险共保体主承保人）', 'PQDC202650010000000119', $3, $4, '150000', '20000', '30000000', '60000000',
             ARRAY['暴雨洪涝', '山洪', '地质灾害', '森林火灾', '雷电', '抢险救援伤亡', '见义勇为伤亡'], $5)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [id, organizationId, `${year}-01-01`, `${year}-12-31`, ruleVersionId],
  );
  return inserted.length;
}

/** A demo medical claim for two injured: PAID on `paidOn` when `paid`, else still FILED. */
export interface SeedClaimRow {
  readonly id: string;
  readonly policyId: string;
  readonly incidentId: string;
  readonly organizationId: string;
  readonly filedOn: string;
  readonly paid: boolean;
  readonly paidOn: string;
}

/** Inserts the claim unless it exists; 1 when inserted. */
export async function insertSeedClaim(ctx: RequestContext, c: SeedClaimRow): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO catastrophe_claim (id, policy_id, incident_id, organization_id, kind, persons, amount_claimed_yuan, filed_on, note, status, amount_paid_yuan, decided_at)
     VALUES ($1, $2, $3, $4, 'MEDICAL', 2, '18600.00', $5, '文凤村三组村民2人在山洪中受伤，住院治疗。', $6, $7, CASE WHEN $6 = 'PAID' THEN ($8::date + time '15:00') AT TIME ZONE 'Asia/Shanghai' END)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [c.id, c.policyId, c.incidentId, c.organizationId, c.filedOn, c.paid ? 'PAID' : 'FILED', c.paid ? '16450.00' : null, c.paidOn],
  );
  return inserted.length;
}
