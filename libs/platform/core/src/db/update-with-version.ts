import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../context/request-context';
import { ConflictError, NotFoundError } from '../errors/errors';
import { hydrate } from './hydrate';

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = $id AND version = $expected RETURNING *`.
 * TypeORM's `save()` does not check the version (a stale entity silently overwrites), so every
 * update goes through here. No row: NOT_FOUND if the record does not exist, else CONFLICT.
 */
export async function updateWithVersion<T extends ObjectLiteral>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  entityName: string,
  id: string,
  expectedVersion: number,
  patch: QueryDeepPartialEntity<T>,
): Promise<T> {
  const result = await ctx.manager
    .createQueryBuilder()
    .update(entity)
    .set(patch)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .returning('*')
    .execute();
  if (!result.affected) {
    const current = await ctx.manager.createQueryBuilder(entity, 'e').select('e.version', 'version').where('e.id = :id', { id }).getRawOne<{ version: number }>();
    if (!current) throw new NotFoundError(entityName, id);
    throw new ConflictError(`${entityName} ${id} was changed by someone else (version ${current.version}, you sent ${expectedVersion}). Reload and retry.`, {
      entity: entityName,
      id,
      currentVersion: current.version,
    });
  }
  return hydrate(ctx.manager, entity, result.raw as Record<string, unknown>[])[0]!;
}
