/** How far a granted permission reaches in the organization tree. */
export type GrantScope = 'ALL' | 'ORG_SUBTREE' | 'OWN_ORG';

/** One permission held through one role assignment, anchored at an organization. */
export interface Grant {
  readonly scope: GrantScope;
  /** The assignment's anchor organization; null only for ALL. */
  readonly organizationId: string | null;
  /** The anchor's materialized path (ltree), for subtree checks. */
  readonly organizationPath: string | null;
}

/** Who is calling, with what they may do. Loaded fresh for every request. */
export interface Principal {
  readonly kind: 'anonymous' | 'user' | 'api-client' | 'system';
  /** User or API client id; null for anonymous and system. */
  readonly id: string | null;
  readonly displayName: string;
  /** The directory person a user account belongs to (app_user.person_id), e.g. to act on one's own duty shift; absent otherwise. */
  readonly personId?: string | null;
  /** The home organization (所属组织) of the user account or API client (app_user/api_client.organization_id), recorded with each audit entry it writes; absent for anonymous and system. */
  readonly organizationId?: string | null;
  /** An API client locked to its trusted documents: it may run only the documents registered for it (see `TrustedDocumentStore`); absent otherwise. */
  readonly trustedDocumentsOnly?: boolean;
  /** Role codes, for display and logs. */
  readonly roles: readonly string[];
  /** Permission code → the grants that give it. */
  readonly grants: ReadonlyMap<string, readonly Grant[]>;
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', id: null, displayName: 'anonymous', roles: [], grants: new Map() });
/** Used by seeds, migrations and background jobs; holds every permission; recorded as such in the audit log. */
export const SYSTEM: Principal = Object.freeze({ kind: 'system', id: null, displayName: 'system', roles: [], grants: new Map() });
