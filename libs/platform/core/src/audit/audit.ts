import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../context/request-context';
import { AuditEntry } from './audit-entry.entity';
import { transaction } from '../context/transaction';

export interface AuditRecord {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes?: Record<string, unknown>;
}

/** Writes an audit entry in the caller's transaction; refuses to run outside one. */
export async function audit(ctx: RequestContext, record: AuditRecord): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`audit(${record.action}) must run inside transaction().`);
  await ctx.manager.insert(AuditEntry, auditEntryValues(ctx, record));
}

/** The audit entry's columns for a record of the request: who (principal and its home organization, IP, request), what and on which record. */
export function auditEntryValues(ctx: RequestContext, record: AuditRecord): QueryDeepPartialEntity<AuditEntry> {
  return {
    requestId: ctx.requestId,
    actorKind: ctx.principal.kind,
    actorId: ctx.principal.id,
    organizationId: ctx.principal.organizationId ?? null,
    ip: ctx.ip,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    changes: (record.changes ?? {}) as never,
  };
}

/** `{ field: [before, after] }` for the fields of `after` that differ from `before`. */
export function diff(before: object, after: object): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const b = before as Record<string, unknown>;
  for (const [key, value] of Object.entries(after)) {
    if (key === 'version' || key === 'updatedAt') continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(value)) out[key] = [b[key] ?? null, value ?? null];
  }
  return out;
}

/**
 * Writes one audit entry listing the personal data a request returned unmasked (which records and
 * fields), in its own transaction after the response was built. Nothing is written when there was none.
 */
export async function flushSensitiveReads(ctx: RequestContext): Promise<void> {
  if (!ctx.sensitiveReads.length) return;
  const byType = new Map<string, Record<string, string[]>>();
  for (const r of ctx.sensitiveReads.splice(0)) {
    const records = byType.get(r.entityType) ?? {};
    const fields = (records[r.entityId] ??= []);
    if (!fields.includes(r.field)) fields.push(r.field);
    byType.set(r.entityType, records);
  }
  await transaction(ctx, async (tx) => {
    for (const [entityType, records] of byType) {
      const ids = Object.keys(records);
      await audit(tx, { action: 'kernel.sensitive.read', entityType, entityId: ids.length === 1 ? ids[0]! : null, changes: { records } });
    }
  });
}
