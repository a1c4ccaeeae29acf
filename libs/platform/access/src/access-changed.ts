import { emitEvent, type RequestContext } from '@platform/core';
import { accessEvents, type AccessChange } from './access.events';

export type { AccessChange, AccessChangedPayload } from './access.events';

/** The event announced after an access service's transaction commits a change to who a principal is or what it may do. */
export const ACCESS_CHANGED_EVENT = accessEvents['access.changed'];

/**
 * Queues `access.changed` in the open transaction: it is published after commit (dropped on rollback),
 * and the access module empties this process's principal cache when it is, before the mutation
 * answers. Call it wherever a service writes what the NotifyAccessChanges triggers announce (status
 * or name of an account or client, its key, a session's end, roles, grants, assignments); the
 * triggers' notice still tells the other processes, and covers plain SQL.
 */
export function accessChanged(tx: RequestContext, change: AccessChange): Promise<void> {
  return emitEvent(tx, accessEvents, 'access.changed', { change });
}
