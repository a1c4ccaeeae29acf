import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../context/request-context';
import { ConflictError, NotFoundError } from '../errors/errors';
import { audit, diff } from '../audit/audit';
import { hydrate } from '../db/hydrate';

/**
 * A change to a record: new values of its columns, or SQL expressions as functions returning the
 * SQL (`{ archivedAt: () => 'now()' }`). Typed against the record, so no casts are needed.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | (() => string) };

/** The CONFLICT a stale `version` gets: the record's current version, so the client can reload. */
export function staleVersion(entityName: string, id: string, currentVersion: number, sentVersion: number): ConflictError {
  return new ConflictError(`${entityName} ${id} was changed by someone else (version ${currentVersion}, you sent ${sentVersion}). Reload and retry.`, {
    entity: entityName,
    id,
    currentVersion,
  });
}

/** Refuses a stale `version` of a record the caller read and locked, with the same CONFLICT as `updateWithVersion`. */
export function assertVersion(entityName: string, current: { readonly id: string; readonly version: number }, sentVersion: number): void {
  if (current.version !== sentVersion) throw staleVersion(entityName, current.id, current.version, sentVersion);
}

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
  patch: Patch<T>,
): Promise<T> {
  const result = await ctx.manager
    .createQueryBuilder()
    .update(entity)
    .set(patch as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
    .returning('*')
    .execute();
  if (!result.affected) {
    const current = await ctx.manager.createQueryBuilder(entity, 'e').select('e.version', 'version').where('e.id = :id', { id }).getRawOne<{ version: number }>();
    if (!current) throw new NotFoundError(entityName, id);
    throw staleVersion(entityName, id, current.version, expectedVersion);
  }
  return hydrate(ctx.manager, entity, result.raw as Record<string, unknown>[])[0]!;
}

export interface RecordChange<T> {
  /** The audit action, e.g. `rescue.team.update`. */
  readonly action: string;
  /** The event emitted after the audit entry, e.g. `rescue.team.updated`; none when absent. */
  readonly event?: string;
  /** The event's payload, or how to make it from the updated record; `{ id }` when absent. */
  readonly payload?: Record<string, unknown> | ((updated: T) => Record<string, unknown>);
  /** The audit entry's changes, or how to make them from the updated record; the fields that differ between the record read and the updated one (`diff`) when absent. */
  readonly changes?: Record<string, unknown> | ((updated: T) => Record<string, unknown>);
}

/**
 * A change of a record the caller loaded and checked (in scope, locked as needed): the versioned
 * update, its audit entry, then its event. Call it inside `transaction()`; it returns the updated record.
 */
export async function updateRecord<T extends ObjectLiteral>(
  tx: RequestContext,
  entity: EntityTarget<T>,
  entityName: string,
  current: T & { readonly id: string },
  expectedVersion: number,
  patch: Patch<T>,
  change: RecordChange<T>,
): Promise<T> {
  const updated = await updateWithVersion(tx, entity, entityName, current.id, expectedVersion, patch);
  await audit(tx, { action: change.action, entityType: entityName, entityId: current.id, changes: typeof change.changes === 'function' ? change.changes(updated) : (change.changes ?? diff(current, updated)) });
  if (change.event) await tx.emit(change.event, typeof change.payload === 'function' ? change.payload(updated) : (change.payload ?? { id: current.id }));
  return updated;
}

export interface ArchiveOptions<T> extends Omit<RecordChange<T>, 'changes'> {
  /** What archiving sets; `archivedAt` = the clock's now when absent (records archived by a status give it here). */
  readonly patch?: Patch<T>;
  /** The audit entry's changes; none when absent. */
  readonly changes?: Record<string, unknown>;
}

/** Archives a record the caller loaded and checked (`records(…).lock(id)`): `updateRecord` with `archivedAt` = the clock's now unless told otherwise. */
export function archiveRecord<T extends ObjectLiteral>(
  tx: RequestContext,
  entity: EntityTarget<T>,
  entityName: string,
  current: T & { readonly id: string },
  expectedVersion: number,
  options: ArchiveOptions<T>,
): Promise<T> {
  return updateRecord(tx, entity, entityName, current, expectedVersion, options.patch ?? ({ archivedAt: tx.clock.now() } as unknown as Patch<T>), { ...options, changes: options.changes ?? {} });
}
