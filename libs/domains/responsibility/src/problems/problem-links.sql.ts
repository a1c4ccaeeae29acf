import type { RequestContext } from '@platform/core';

/*
 * The link rows of a review: the problems it raised, written in one statement. Hand-written because
 * it writes a set of rows at once, which the write helpers (one audited record at a time) do not
 * express. The caller has checked every problem through `records(…).referenceAll` and written the
 * review (whose audit entry and event name the problems) in the same transaction.
 */

/** Links the problems to the review (links already there are left alone). */
export async function insertReviewProblems(tx: RequestContext, reviewId: string, problemIds: readonly string[]): Promise<void> {
  if (!problemIds.length) return;
  await tx.manager.query(`INSERT INTO problem_review_problem (review_id, problem_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [reviewId, problemIds]);
}
