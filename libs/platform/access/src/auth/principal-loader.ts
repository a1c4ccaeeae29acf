import { ANONYMOUS, UnauthenticatedError, type Grant, type GrantScope, type Principal } from '@platform/core';
import type { DataSource } from 'typeorm';
import type { PrincipalCache } from './principal-cache';
import { apiClientByIdWithGrants, apiClientWithGrants, grantRowsOf, publicGrantRows, touchApiClient, userWithGrants, type GrantRow } from './principal-loader.sql';
import { trustedDocumentText } from './trusted-documents.sql';

function toGrants(rows: readonly GrantRow[]): { roles: string[]; grants: Map<string, Grant[]> } {
  const grants = new Map<string, Grant[]>();
  const roles = new Set<string>();
  for (const r of rows) {
    if (!r.permission || !r.scope) continue;
    if (r.role) roles.add(r.role);
    const list = grants.get(r.permission) ?? [];
    list.push({ scope: r.scope, organizationId: r.organization_id, organizationPath: r.path });
    grants.set(r.permission, list);
  }
  return { roles: [...roles], grants };
}

/**
 * Loads a principal and all its grants in ONE statement, or none when the principal cache holds it:
 * the cache is emptied by every committed change to roles, grants, assignments, status or sessions
 * (database NOTIFY), so such a change applies to every gateway process within the notice's delivery.
 */
export class PrincipalLoader {
  constructor(
    private readonly dataSource: DataSource,
    /** Loaded principals, dropped on every access change (see PrincipalCache); none: one statement per request. */
    private readonly cache?: PrincipalCache,
  ) {}

  user(userId: string, sessionId: string): Promise<Principal> {
    return this.through(`user:${userId}:${sessionId}`, async () => {
      const rows = await userWithGrants(this.dataSource, userId, sessionId);
      const first = rows[0];
      if (!first || first.status !== 'ACTIVE' || !first.session_ok) throw new UnauthenticatedError('The session has ended or the account is disabled: sign in again.');
      return { principal: { kind: 'user', id: userId, displayName: first.display_name, personId: first.person_id, organizationId: first.home_organization_id, ...toGrants(rows) }, notAfter: first.session_expires_ms ?? 0 };
    });
  }

  /** The API client whose key hashes to `keyHash`, if active and not expired. */
  apiClient(prefix: string, keyHash: string): Promise<Principal> {
    // Cached only for the exact key (its hash is in the cache key); last use is then written at most once per cache lifetime.
    return this.through(`api-client:${prefix}:${keyHash}`, async () => {
      const rows = await apiClientWithGrants(this.dataSource, prefix, keyHash);
      const first = rows[0];
      if (!first || !first.key_ok) throw new UnauthenticatedError('The API key is unknown, revoked or expired.');
      // Last use is kept to the minute: at most one write per client and minute.
      void touchApiClient(this.dataSource, first.id).catch(() => undefined);
      const principal: Principal = { kind: 'api-client', id: first.id, displayName: first.name, organizationId: first.home_organization_id, ...(first.trusted_documents_only ? { trustedDocumentsOnly: true } : {}), ...toGrants(rows) };
      return { principal, notAfter: first.expires_ms };
    });
  }

  /**
   * The API client with this id as the principal it acts as now (its current grants), through the
   * principal cache when there is one; null when it is disabled, expired or unknown. For work done on
   * a client's behalf outside its requests (webhooks check each event against it).
   */
  async apiClientById(id: string): Promise<Principal | null> {
    try {
      return await this.through(`api-client-id:${id}`, async () => {
        const rows = await apiClientByIdWithGrants(this.dataSource, id);
        const first = rows[0];
        if (!first?.active) throw new UnauthenticatedError('The API client is disabled, expired or unknown.');
        return { principal: { kind: 'api-client', id, displayName: first.name, organizationId: first.home_organization_id, ...toGrants(rows) }, notAfter: first.expires_ms };
      });
    } catch (error) {
      if (error instanceof UnauthenticatedError) return null;
      throw error;
    }
  }

  /** Every grant a user or API client holds (for admins: "what can X do"), without session checks. */
  async grantsOf(kind: 'user' | 'api-client', id: string): Promise<Array<{ permission: string; scope: GrantScope; organizationId: string | null }>> {
    const rows = await grantRowsOf(this.dataSource, kind, id);
    return rows.filter((r) => r.permission && r.scope).map((r) => ({ permission: r.permission!, scope: r.scope!, organizationId: r.organization_id }));
  }

  /**
   * The text of the trusted document registered for an API client under `documentId` (not revoked),
   * through the principal cache (dropped on every access change: registering and revoking documents
   * notify like grants do); without it, one indexed statement. Users and anonymous callers have none.
   */
  trustedDocument(principal: Principal, documentId: string): Promise<string | null> {
    const clientId = principal.kind === 'api-client' ? principal.id : null;
    if (!clientId) return Promise.resolve(null);
    const load = () => trustedDocumentText(this.dataSource, clientId, documentId);
    return this.cache ? this.cache.document(`${clientId}:${documentId}`, load) : load();
  }

  /** Anonymous callers hold what the `public` role holds, everywhere. */
  anonymous(): Promise<Principal> {
    return this.through('anonymous', async () => {
      const rows = await publicGrantRows(this.dataSource);
      return { principal: rows.length ? { ...ANONYMOUS, ...toGrants(rows.map((r) => ({ ...r, scope: 'ALL' as const }))) } : ANONYMOUS };
    });
  }

  /** Through the principal cache when there is one. */
  private async through(key: string, load: () => Promise<{ principal: Principal; notAfter?: number }>): Promise<Principal> {
    return this.cache ? this.cache.through(key, load) : (await load()).principal;
  }
}
