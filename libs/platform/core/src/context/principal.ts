/** Who is calling. Until the access module lands, every request is anonymous. */
export interface Principal {
  readonly kind: 'anonymous' | 'user' | 'api-client' | 'system';
  /** User or API client id; null for anonymous and system. */
  readonly id: string | null;
  readonly displayName: string;
}

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous', id: null, displayName: 'anonymous' });
/** Used by seeds, migrations and background jobs; recorded as such in the audit log. */
export const SYSTEM: Principal = Object.freeze({ kind: 'system', id: null, displayName: 'system' });
