import type { RequestContext } from '@platform/core';

/** Announced after an access service's transaction commits a change to who a principal is or what it may do. */
export const ACCESS_CHANGED_EVENT = 'access.changed';

/** What changed, for logs and other processes (no ids or secrets: the event travels through Redis). */
export type AccessChange = 'account' | 'api-client' | 'session' | 'role' | 'grant' | 'assignment';

/** Payload of `access.changed`. */
export interface AccessChangedPayload {
  readonly change: AccessChange;
}

/**
 * Queues `access.changed` in the open transaction: it is published after commit (dropped on rollback),
 * and the access module empties this process's principal cache when it is, before the mutation
 * answers. Call it wherever a service writes what the NotifyAccessChanges triggers announce (status
 * or name of an account or client, its key, a session's end, roles, grants, assignments); the
 * triggers' notice still tells the other processes, and covers plain SQL.
 */
export function accessChanged(tx: RequestContext, change: AccessChange): Promise<void> {
  return tx.emit<AccessChangedPayload>(ACCESS_CHANGED_EVENT, { change });
}
