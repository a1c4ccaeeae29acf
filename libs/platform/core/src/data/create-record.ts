import { randomUUID } from 'node:crypto';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../context/request-context';
import { afterCommit, transaction, writeRefusal } from '../context/transaction';
import { audit, auditEntryValues } from '../audit/audit';
import { AuditEntry } from '../audit/audit-entry.entity';
import type { DomainEvent } from '../events/event-bus';
import { outboxInsertSql } from '../events/outbox';
import { hydrate } from '../db/hydrate';
import { runSql } from '../db/row-reader';
import { insertSql } from './insert-sql';
import type { ReferenceCheck } from './records';
import { join, list, raw, sql, type Sql } from '../sql/sql';
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
  /**
   * The records the new one refers to, checked in the caller's scope first (`records(…).check(…)`):
   * the first one missing, out of scope or archived answers as `reference` does, and nothing is written.
   */
  readonly references?: readonly ReferenceCheck[];
}

/**
 * A new record, the write side's one way to create: its references checked, `INSERT … RETURNING *`,
 * its audit entry and its event. Values are typed against the record; SQL expressions go as
 * functions (`{ at: () => 'now()' }`).
 *
 * - Inside `transaction()`: each step is a statement of the caller's transaction, and `payload` and
 *   `changes` see the record as written (with what the database filled in).
 * - Outside a transaction: the whole create is one statement (one round trip, its own transaction):
 *   the reference checks, the row, its audit entry and its outbox event, written together or not at
 *   all; the event is published after it. The id is made here, and `payload` and `changes` see the
 *   values given and the id only: reading anything the database fills in throws, which says to call
 *   it inside `transaction()`. A request with an Idempotency-Key runs it in a transaction.
 */
export async function createRecord<T extends ObjectLiteral & { readonly id: string }>(
  ctx: RequestContext,
  entity: EntityTarget<T>,
  entityName: string,
  values: Patch<T>,
  creation: RecordCreation<T>,
): Promise<T> {
  if (!ctx.inTransaction) {
    if (ctx.idempotency.mark) return transaction(ctx, (tx) => createRecord(tx, entity, entityName, values, creation));
    return createInOneStatement(ctx, { entity, entityName, values, creation });
  }
  for (const reference of creation.references ?? []) await reference.run();
  const result = await ctx.manager.createQueryBuilder().insert().into(entity).values(values as QueryDeepPartialEntity<T>).returning('*').execute();
  const created = hydrate(ctx.manager, entity, result.raw as Record<string, unknown>[])[0]!;
  const changes = typeof creation.changes === 'function' ? creation.changes(created) : (creation.changes ?? { ...values });
  await audit(ctx, { action: creation.action, entityType: creation.auditUnder?.entityType ?? entityName, entityId: creation.auditUnder?.entityId ?? created.id, changes });
  if (creation.event) await ctx.emit(creation.event, typeof creation.payload === 'function' ? creation.payload(created) : (creation.payload ?? { id: created.id }));
  return created;
}

/** What `createRecord` was given besides the context. */
interface Create<T> {
  readonly entity: EntityTarget<T>;
  readonly entityName: string;
  readonly values: Patch<T>;
  readonly creation: RecordCreation<T>;
}

async function createInOneStatement<T extends ObjectLiteral & { readonly id: string }>(ctx: RequestContext, { entity, entityName, values, creation }: Create<T>): Promise<T> {
  const meta = ctx.manager.connection.getMetadata(entity);
  const [key, ...more] = meta.primaryColumns;
  if (!key || more.length || key.propertyName !== 'id' || key.generationStrategy !== 'uuid') {
    throw new Error(`createRecord(${entityName}) outside a transaction needs a generated uuid id: call it inside transaction().`);
  }
  const row = { ...(values as Record<string, unknown>), id: (values as { id?: string }).id ?? randomUUID() } as Record<string, unknown> & { id: string };
  const known = given<T>(row, entityName);
  const changes = typeof creation.changes === 'function' ? creation.changes(known) : (creation.changes ?? { ...values });
  const events: DomainEvent[] = creation.event
    ? [{ type: creation.event, payload: typeof creation.payload === 'function' ? creation.payload(known) : (creation.payload ?? { id: row.id }), occurredAt: new Date(), requestId: ctx.requestId }]
    : [];
  const references = creation.references ?? [];
  const wrote = raw('EXISTS (SELECT 1 FROM __created)');
  const steps: Sql[] = references.map((r, i) => sql`${raw(`__reference${i}`)} AS (${r.select})`);
  const accepted = references.length ? join(references.map((_, i) => raw(`EXISTS (SELECT 1 FROM __reference${i} WHERE NOT archived)`)), ' AND ') : undefined;
  steps.push(sql`__created AS (${insertSql(ctx.manager, entity, row as Partial<Record<keyof T, unknown>>, accepted)} RETURNING *)`);
  const auditEntry = auditEntryValues(ctx, { action: creation.action, entityType: creation.auditUnder?.entityType ?? entityName, entityId: creation.auditUnder?.entityId ?? row.id, changes });
  steps.push(sql`__audited AS (${insertSql(ctx.manager, AuditEntry, auditEntry as Partial<Record<keyof AuditEntry, unknown>>, wrote)})`);
  if (events.length) steps.push(sql`__announced AS (${outboxInsertSql(events, ctx.principal, wrote)})`);
  const outcomes = references.map((_, i) => raw(`(SELECT count(*) FROM __reference${i})::int AS __found${i}, coalesce((SELECT bool_or(archived) FROM __reference${i}), false) AS __archived${i}`));
  const statement = sql`WITH ${list(steps)} SELECT ${list([...outcomes, raw('__created.*')])} FROM (SELECT) AS __one LEFT JOIN __created ON true`;

  let result: Record<string, unknown>;
  try {
    [result] = (await runSql(ctx.manager, statement)) as [Record<string, unknown>];
  } catch (error) {
    throw writeRefusal(error);
  }
  references.forEach((r, i) => {
    const refusal = r.refusal((result[`__found${i}`] as number) > 0, result[`__archived${i}`] as boolean);
    if (refusal) throw refusal;
  });
  if (result[key.databaseName] == null) throw new Error(`createRecord(${entityName}): the statement wrote no row.`);
  await afterCommit(ctx, events);
  return hydrate(ctx.manager, entity, [result])[0]!;
}

/**
 * The record as far as it is known before it is written (the values given and the id), for
 * `payload` and `changes`: reading a property the database fills in (a timestamp, a version, a
 * number from a sequence) throws instead of answering `undefined`.
 */
function given<T>(row: Record<string, unknown>, entityName: string): T {
  return new Proxy(row, {
    get(target, property, receiver) {
      if (typeof property === 'string' && !(property in target) && property !== 'toJSON' && property !== 'then') {
        throw new Error(`createRecord(${entityName}) outside a transaction: its payload or changes read \`${property}\`, which the database fills in. Call it inside transaction().`);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as T;
}
