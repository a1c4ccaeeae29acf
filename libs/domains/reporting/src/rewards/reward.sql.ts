import { raw, sql, type RequestContext, type Sql } from '@platform/core';

/**
 * Whether a reward is unclaimed (over alias `r`, on China day `today`): APPROVED and its claim
 * deadline (the last day to claim) before today. The same rule as `isUnclaimed`.
 */
export const unclaimedSql = (r: string, today: string): Sql => sql`(${raw(`${r}.status`)} = 'APPROVED' AND ${raw(`${r}.claim_due_on`)} < CAST(${today} AS date))`;

/** Whether a reward is unclaimed on `today` (China day): the same rule as `unclaimedSql`. */
export const isUnclaimed = (r: { readonly status: string; readonly claimDueOn: string | null }, today: string): boolean => r.status === 'APPROVED' && r.claimDueOn !== null && r.claimDueOn < today;

/** The ids of a group of merged tips: the tip `rootId` and every tip merged into it (directly or through another). */
export const tipGroupSql = (rootId: string): Sql =>
  sql`(WITH RECURSIVE g(id, depth) AS (SELECT CAST(${rootId} AS uuid), 0 UNION SELECT m.id, g.depth + 1 FROM tip m JOIN g ON m.duplicate_of_id = g.id WHERE g.depth < 20) SELECT id FROM g)`;

/** Enterprises (over alias `o`, organizations) without an internal reward mechanism in place: no record, or one recorded as not in place. */
export const withoutInternalRewardMechanismSql = (o: string): Sql =>
  sql`(${raw(`${o}.kind`)} = 'ENTERPRISE' AND NOT EXISTS (SELECT 1 FROM internal_reward_mechanism irm WHERE irm.enterprise_id = ${raw(`${o}.id`)} AND irm.in_place))`;

/** Serializes reward computations for one group of merged tips within the caller's transaction: two requests must not both reward it. */
export async function lockTipGroup(tx: RequestContext, rootId: string): Promise<void> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('tip_reward:' || $1::text, 0))`, [rootId]);
}
