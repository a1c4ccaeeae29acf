import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../context/request-context';
import { audit } from '../audit/audit';
import { hydrate } from '../db/hydrate';
import type { Patch } from './update-with-version';

export interface RecordCreation<T> {
  /** The audit action, e.g. `directory.person.create`. */
  readonly action: string;
  /** The event emitted after the audit entry (delivered after commit), e.g. `directory.person.created`; none when absent. */
  readonly event?: string;
  /** The event's payload, or how to make it from the new record; `{ id }` when absent. */
  readonly payload?: Record<string, unknown> | ((created: T) => Record<string, unknown>);
  /** The audit entry's changes, or how to make them from the new record; the values given when absent. */
  readonly changes?: Record<string, unknown> | ((created: T) => Record<string, unknown>);
  /**
   * File the audit entry under another record: a record kept as part of its parent (a training of
   * a person, an inspection of a shelter) is audited as a change of the parent, which is where a
   * reviewer looks. Under the new record when absent.
   */
  readonly auditUnder?: { readonly entityType: string; readonly entityId: string };
}

/**
 * A new record, the write side's one way to create: `INSERT … RETURNING *`, its audit entry, then its
 * event, all in the caller's transaction (call it inside `transaction()`; `audit` refuses otherwise).
 * Values are typed against the record; SQL expressions go as functions (`{ at: () => 'now()' }`).
 */
export async function createRecord<T extends ObjectLiteral & { readonly id: string }>(
  tx: RequestContext,
  entity: EntityTarget<T>,
  entityName: string,
  values: Patch<T>,
  creation: RecordCreation<T>,
): Promise<T> {
  const result = await tx.manager.createQueryBuilder().insert().into(entity).values(values as QueryDeepPartialEntity<T>).returning('*').execute();
  const created = hydrate(tx.manager, entity, result.raw as Record<string, unknown>[])[0]!;
  const changes = typeof creation.changes === 'function' ? creation.changes(created) : (creation.changes ?? { ...values });
  await audit(tx, { action: creation.action, entityType: creation.auditUnder?.entityType ?? entityName, entityId: creation.auditUnder?.entityId ?? created.id, changes });
  if (creation.event) await tx.emit(creation.event, typeof creation.payload === 'function' ? creation.payload(created) : (creation.payload ?? { id: created.id }));
  return created;
}
