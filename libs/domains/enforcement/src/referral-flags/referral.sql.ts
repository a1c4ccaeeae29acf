import { raw, sql, type RequestContext, type Sql } from '@platform/core';

/**
 * Serializes flags for one source within the caller's transaction: two requests flagging the same
 * case (or investigation) at once must not both open a referral.
 */
export async function lockReferralSource(tx: RequestContext, sourceId: string): Promise<void> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('criminal_referral:' || $1::text, 0))`, [sourceId]);
}

/**
 * Whether a referral missed a clock (over alias `r`, at instant `now`): a step done after its due
 * time, or a running clock past its due time (decision while REPORTED, transfer while DECIDED to
 * transfer, answer while TRANSFERRED).
 */
export const clockMissedSql = (r: string, now: Date): Sql => {
  const c = (name: string) => raw(`${r}.${name}`);
  return sql`coalesce(coalesce(NOT ${c('decision_on_time')}, false) OR coalesce(NOT ${c('transfer_on_time')}, false) OR coalesce(NOT ${c('answer_on_time')}, false)
    OR (${c('status')} = 'REPORTED' AND ${c('decision_due_at')} < CAST(${now.toISOString()} AS timestamptz))
    OR (${c('status')} = 'DECIDED' AND ${c('transfer_due_at')} < CAST(${now.toISOString()} AS timestamptz))
    OR (${c('status')} = 'TRANSFERRED' AND ${c('answer_due_at')} < CAST(${now.toISOString()} AS timestamptz)), false)`;
};
