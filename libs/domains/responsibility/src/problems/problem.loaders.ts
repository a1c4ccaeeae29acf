import { defineChildPages, defineReference, records, sql, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Problem, ProblemReview } from './problem.entity';
import { ProblemOrder, ProblemReviewOrder, ProblemUpdateOrder } from './problem.orders';
import { ProblemReviews, ProblemUpdates, Problems } from './problems.entities';
import { repeatOfSql } from './problem-repeats.sql';

/** Problems by id, within the caller's read scope (others load as null): one statement per request level. */
export const ProblemReference = defineReference(Problems, 'responsibility.problem.byId');
export const problemById = (ctx: RequestContext): DataLoader<string, Problem | null> => ProblemReference.byId(ctx);

/** Reviews by id, within the caller's read scope. */
export const ProblemReviewReference = defineReference(ProblemReviews, 'responsibility.problemReview.byId');
export const problemReviewById = (ctx: RequestContext): DataLoader<string, ProblemReview | null> => ProblemReviewReference.byId(ctx);

/** A problem's timeline, in the order written. */
export const ProblemUpdatePages = defineChildPages(ProblemUpdates, { name: 'responsibility.problem.updates', parentColumn: 'problem_id', keys: ProblemUpdateOrder.keys(null) });

/** The reviews that raised a problem (through `problem_review_problem`), the most recent first. */
export const ProblemReviewPages = defineChildPages(ProblemReviews, {
  name: 'responsibility.problem.reviews',
  link: { table: 'problem_review_problem', parentColumn: 'problem_id', column: 'review_id' },
  keys: ProblemReviewOrder.keys(null),
});

/** The problems a review raised (through `problem_review_problem`), the most recently found first. */
export const ReviewProblemPages = defineChildPages(Problems, {
  name: 'responsibility.problemReview.problems',
  link: { table: 'problem_review_problem', parentColumn: 'review_id', column: 'problem_id' },
  keys: ProblemOrder.keys(null),
});

/** The id of the earlier problem each problem repeats (null for none), batched per request: one statement for a page of problems. */
export function repeatOfId(ctx: RequestContext, problemId: string): Promise<string | null> {
  return ctx.loaders
    .get<string, string | null>('responsibility.problem.repeatOf', undefined, async (ids) => {
      const rows = await records(ctx, Problems)
        .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
        .aggregate<{ id: string; repeatOfId: string | null }>(sql`t.id, ${repeatOfSql('t')} AS "repeatOfId"`);
      const byId = new Map(rows.map((r) => [r.id, r.repeatOfId]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(problemId);
}
