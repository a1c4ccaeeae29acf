import type { RequestContext } from '@platform/core';

/*
 * The statements of the penalties part's demo data (`seedPenalties`). Hand-written because seeding is
 * not on a caller's behalf and is idempotent: an insert keeps the rows that exist (`ON CONFLICT (id)
 * DO NOTHING`), which the write helpers (one audited record at a time) do not express.
 */

/** Inserts a row of `table` unless its id exists: whether it was inserted. */
async function insertSeedRow(ctx: RequestContext, table: string, row: Readonly<Record<string, unknown>>): Promise<boolean> {
  const columns = Object.keys(row);
  const inserted = (await ctx.manager.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING id`,
    columns.map((c) => row[c]),
  )) as unknown[];
  return inserted.length > 0;
}

export const insertSeedOnTheSpotPenalty = (ctx: RequestContext, row: Readonly<Record<string, unknown>>) => insertSeedRow(ctx, 'enforcement_on_the_spot_penalty', row);
export const insertSeedPenaltyLine = (ctx: RequestContext, row: Readonly<Record<string, unknown>>) => insertSeedRow(ctx, 'enforcement_penalty_line', row);
export const insertSeedPenaltyPayment = (ctx: RequestContext, row: Readonly<Record<string, unknown>>) => insertSeedRow(ctx, 'enforcement_penalty_payment', row);
