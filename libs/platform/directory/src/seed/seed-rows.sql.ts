import type { RequestContext } from '@platform/core';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Inserts the rows whose primary key is not taken yet, in one statement, and says how many were
 * new: the seed's idempotent bulk insert (`ON CONFLICT DO NOTHING`). Hand-written because seeds
 * insert many rows under one audit entry, which `createRecord` (one record, one entry) does not do.
 */
export async function insertMissing<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>, rows: ReadonlyArray<QueryDeepPartialEntity<T>>, keyColumn: string): Promise<number> {
  if (!rows.length) return 0;
  const result = await ctx.manager.createQueryBuilder().insert().into(entity).values([...rows]).orIgnore().returning(keyColumn).execute();
  return Array.isArray(result.raw) ? result.raw.length : 0;
}
