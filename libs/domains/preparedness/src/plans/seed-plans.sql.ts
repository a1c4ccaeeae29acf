import type { RequestContext } from '@platform/core';

/*
 * The demo seed's inserts (see `seedPlans`). Hand-written because a seed writes fixed ids with
 * ON CONFLICT DO NOTHING (seeding twice inserts nothing) and on no caller's behalf: one audit entry
 * for the whole seed, no event per row, which `createRecord` would write.
 */

/** A plan revision: id, organization, type, title, topic, revision, supersedes, chain, status, approved on (filed 14 days later), filed with, next review on. Returns the row inserted, if any. */
export function insertSeedPlan(ctx: RequestContext, values: readonly unknown[]): Promise<unknown[]> {
  return ctx.manager.query(
    `INSERT INTO emergency_plan (id, organization_id, type, title, topic, revision, supersedes_id, chain_id, status, approved_on, filed_on, filed_with, next_review_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CAST($10 AS date) + 14, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [...values],
  );
}

/** A drill: id, organization, plan, held on, form, title, scenario, participant count, participants, evaluation. Returns the row inserted, if any. */
export function insertSeedDrill(ctx: RequestContext, values: readonly unknown[]): Promise<unknown[]> {
  return ctx.manager.query(
    `INSERT INTO drill (id, organization_id, plan_id, held_on, form, title, scenario, participant_count, participants, evaluation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [...values],
  );
}

/** A drill problem: id, drill, position, description, follow-up, owner, due on, status, done on. */
export async function insertSeedProblem(ctx: RequestContext, values: readonly unknown[]): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO drill_problem (id, drill_id, position, description, follow_up, owner_person_id, due_on, status, done_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
    [...values],
  );
}
