import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '@platform/core';

/*
 * The inserts of the demo data (`seedCommand`, `seedDuty`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: each row comes with a stable id and a row that exists is kept
 * (`ON CONFLICT DO NOTHING`), the answer saying how many were inserted. The command seed's new team
 * members are directory persons with a position at the team's organization, inserted through the
 * directory's exported entities (`Person`, `Position`) the same way.
 */

/** Inserts the rows (each with its id) unless they exist; how many it inserted. */
export async function insertSeedRows<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>, rows: ReadonlyArray<QueryDeepPartialEntity<T>>): Promise<number> {
  if (!rows.length) return 0;
  const result = await ctx.manager.createQueryBuilder().insert().into(entity).values([...rows]).orIgnore().returning('id').execute();
  return Array.isArray(result.raw) ? result.raw.length : 0;
}
