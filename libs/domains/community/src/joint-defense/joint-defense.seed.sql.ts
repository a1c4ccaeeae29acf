import type { RequestContext } from '@platform/core';
import type { EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts demo rows in batches of 200, keeping the rows that exist (`ON CONFLICT DO NOTHING`), and
 * says how many it inserted. Hand-written because seeding is not on a caller's behalf and must be
 * idempotent: the write helpers insert one audited record at a time and refuse an existing id. The
 * seed's own audit entry records the number inserted.
 */
export async function insertSeedRows(ctx: RequestContext, entity: EntityTarget<ObjectLiteral>, rows: readonly object[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 200) {
    const res = await ctx.manager.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 200) as never).orIgnore().returning('id').execute();
    inserted += Array.isArray(res.raw) ? res.raw.length : 0;
  }
  return inserted;
}
