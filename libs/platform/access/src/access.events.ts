import { defineEvents, payload } from '@platform/core';

/** What changed, for logs and other processes (no ids or secrets: the event travels through Redis). */
export type AccessChange = 'account' | 'api-client' | 'session' | 'role' | 'grant' | 'assignment' | 'trusted-document';

/** Payload of `access.changed`. */
export type AccessChangedPayload = { readonly change: AccessChange };

/**
 * Every event the access module emits, with its payload: producers emit through these entries
 * (`accessChanged`) and consumers subscribe by them (`onEvent`).
 */
export const accessEvents = defineEvents({
  /**
   * Announced after an access service's transaction commits a change to who a principal is or what
   * it may do (status or name of an account or client, its key, a session's end, roles, grants,
   * assignments, a client's trusted documents): the principal cache of this process is emptied when it is published.
   */
  'access.changed': payload<AccessChangedPayload>(),
});

export type AccessEvents = typeof accessEvents;
