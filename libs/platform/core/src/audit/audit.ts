import type { RequestContext } from '../context/request-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes?: Record<string, unknown>;
}

/** Writes an audit entry in the caller's transaction; refuses to run outside one. */
export async function audit(ctx: RequestContext, record: AuditRecord): Promise<void> {
  if (!ctx.inTransaction) throw new Error(`audit(${record.action}) must run inside transaction().`);
  await ctx.manager.insert(AuditEntry, {
    requestId: ctx.requestId,
    actorKind: ctx.principal.kind,
    actorId: ctx.principal.id,
    ip: ctx.ip,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    changes: (record.changes ?? {}) as never,
  });
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
