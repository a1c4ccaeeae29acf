import type { RequestContext } from '@platform/core';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts demo rows (`seed*`), keeping the rows that exist (`ON CONFLICT DO NOTHING`), 200 at a time;
 * how many it inserted. Hand-written because seeding is not on a caller's behalf, inserts many rows
 * with fixed ids at once and is idempotent, which the write helpers (one audited record at a time,
 * its event) do not express; each seed writes one audit entry of its own.
 */
export async function insertSeedRows(ctx: RequestContext, entity: EntityTarget<ObjectLiteral>, rows: readonly object[], key = 'id'): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const res = await ctx.manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 200) as never).orIgnore().returning(key).execute();
    inserted += Array.isArray(res.raw) ? res.raw.length : 0;
  }
  return inserted;
}
