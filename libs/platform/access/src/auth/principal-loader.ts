import { ANONYMOUS, UnauthenticatedError, type Grant, type GrantScope, type Principal } from '@platform/core';
import type { DataSource } from 'typeorm';
import type { PrincipalCache } from './principal-cache';

interface GrantRow {
  role: string | null;
  permission: string | null;
  scope: GrantScope | null;
  organization_id: string | null;
  path: string | null;
}

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

const GRANTS_OF = (kind: string) => `
  LEFT JOIN LATERAL (
    SELECT r.code AS role, rp.permission, rp.scope, ra.organization_id, o.path::text AS path
    FROM role_assignment ra
    JOIN role r ON r.id = ra.role_id
    JOIN role_permission rp ON rp.role_id = r.id
    JOIN organization o ON o.id = ra.organization_id
    WHERE ra.principal_kind = '${kind}' AND ra.principal_id = p.id
  ) g ON TRUE`;

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
      const rows: Array<GrantRow & { display_name: string; person_id: string | null; status: string; session_ok: boolean; session_expires_ms: number | null }> = await this.dataSource.query(
        `SELECT p.display_name, p.person_id, p.status,
                EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = p.id AND t.revoked_at IS NULL AND t.expires_at > now()) AS session_ok,
                (SELECT extract(epoch from max(t.expires_at)) * 1000 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = p.id AND t.revoked_at IS NULL)::float8 AS session_expires_ms,
                g.*
         FROM app_user p ${GRANTS_OF('user')}
         WHERE p.id = $1`,
        [userId, sessionId],
      );
      const first = rows[0];
      if (!first || first.status !== 'ACTIVE' || !first.session_ok) throw new UnauthenticatedError('The session has ended or the account is disabled: sign in again.');
      return { principal: { kind: 'user', id: userId, displayName: first.display_name, personId: first.person_id, ...toGrants(rows) }, notAfter: first.session_expires_ms ?? 0 };
    });
  }

  /** The API client whose key hashes to `keyHash`, if active and not expired. */
  apiClient(prefix: string, keyHash: string): Promise<Principal> {
    // Cached only for the exact key (its hash is in the cache key); last use is then written at most once per cache lifetime.
    return this.through(`api-client:${prefix}:${keyHash}`, async () => {
      const rows: Array<GrantRow & { id: string; name: string; key_ok: boolean; expires_ms: number }> = await this.dataSource.query(
        `SELECT p.id, p.name,
                (p.key_hash = $2 AND p.status = 'ACTIVE' AND p.expires_at > now()) AS key_ok,
                (extract(epoch from p.expires_at) * 1000)::float8 AS expires_ms,
                g.*
         FROM api_client p ${GRANTS_OF('api-client')}
         WHERE p.key_prefix = $1`,
        [prefix, keyHash],
      );
      const first = rows[0];
      if (!first || !first.key_ok) throw new UnauthenticatedError('The API key is unknown, revoked or expired.');
      // Last use is kept to the minute: at most one write per client and minute.
      void this.dataSource
        .query(`UPDATE api_client SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [first.id])
        .catch(() => undefined);
      return { principal: { kind: 'api-client', id: first.id, displayName: first.name, ...toGrants(rows) }, notAfter: first.expires_ms };
    });
  }

  /** Every grant a user or API client holds (for admins: "what can X do"), without session checks. */
  async grantsOf(kind: 'user' | 'api-client', id: string): Promise<Array<{ permission: string; scope: GrantScope; organizationId: string | null }>> {
    const table = kind === 'user' ? 'app_user' : 'api_client';
    const rows: GrantRow[] = await this.dataSource.query(`SELECT g.* FROM ${table} p ${GRANTS_OF(kind)} WHERE p.id = $1 ORDER BY g.permission, g.scope`, [id]);
    return rows.filter((r) => r.permission && r.scope).map((r) => ({ permission: r.permission!, scope: r.scope!, organizationId: r.organization_id }));
  }

  /** Anonymous callers hold what the `public` role holds, everywhere. */
  anonymous(): Promise<Principal> {
    return this.through('anonymous', async () => {
      const rows: GrantRow[] = await this.dataSource.query(
        `SELECT r.code AS role, rp.permission, rp.scope, NULL::uuid AS organization_id, NULL::text AS path
         FROM role r JOIN role_permission rp ON rp.role_id = r.id WHERE r.code = 'public'`,
      );
      return { principal: rows.length ? { ...ANONYMOUS, ...toGrants(rows.map((r) => ({ ...r, scope: 'ALL' as const }))) } : ANONYMOUS };
    });
  }

  /** Through the principal cache when there is one. */
  private async through(key: string, load: () => Promise<{ principal: Principal; notAfter?: number }>): Promise<Principal> {
    return this.cache ? this.cache.through(key, load) : (await load()).principal;
  }
}
