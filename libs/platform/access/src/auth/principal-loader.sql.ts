import type { GrantScope } from '@platform/core';
import type { DataSource } from 'typeorm';

/*
 * The statements that load a principal for authentication. Hand-written: they run before there is a
 * caller (they decide who the caller is), so no row scope applies; and each loads an account or API
 * client with all its grants in ONE statement (a lateral join), on every request the principal cache
 * does not answer, so they stay exactly these statements. `grantRowsOf` serves administrators too
 * (`effectivePermissions`), after the account or client was found within their reach through `records()`.
 */

export interface GrantRow {
  role: string | null;
  permission: string | null;
  scope: GrantScope | null;
  organization_id: string | null;
  path: string | null;
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

/** An account with its home organization, its session's state and its grants (one row per grant, at least one row when the account exists). */
export function userWithGrants(
  dataSource: DataSource,
  userId: string,
  sessionId: string,
): Promise<Array<GrantRow & { display_name: string; person_id: string | null; home_organization_id: string | null; status: string; session_ok: boolean; session_expires_ms: number | null }>> {
  return dataSource.query(
    `SELECT p.display_name, p.person_id, p.organization_id AS home_organization_id, p.status,
            EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = p.id AND t.revoked_at IS NULL AND t.expires_at > now()) AS session_ok,
            (SELECT extract(epoch from max(t.expires_at)) * 1000 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = p.id AND t.revoked_at IS NULL)::float8 AS session_expires_ms,
            g.*
     FROM app_user p ${GRANTS_OF('user')}
     WHERE p.id = $1`,
    [userId, sessionId],
  );
}

/** The API client with this key prefix, whether the key hash matches an active unexpired key, whether it is locked to its trusted documents, and its grants. */
export function apiClientWithGrants(
  dataSource: DataSource,
  prefix: string,
  keyHash: string,
): Promise<Array<GrantRow & { id: string; name: string; home_organization_id: string | null; trusted_documents_only: boolean; key_ok: boolean; expires_ms: number }>> {
  return dataSource.query(
    `SELECT p.id, p.name, p.organization_id AS home_organization_id, p.trusted_documents_only,
            (p.key_hash = $2 AND p.status = 'ACTIVE' AND p.expires_at > now()) AS key_ok,
            (extract(epoch from p.expires_at) * 1000)::float8 AS expires_ms,
            g.*
     FROM api_client p ${GRANTS_OF('api-client')}
     WHERE p.key_prefix = $1`,
    [prefix, keyHash],
  );
}

/** The API client with this id, whether it is active and unexpired, and its grants (work done on its behalf outside its requests: webhooks). */
export function apiClientByIdWithGrants(dataSource: DataSource, id: string): Promise<Array<GrantRow & { name: string; home_organization_id: string | null; active: boolean; expires_ms: number }>> {
  return dataSource.query(
    `SELECT p.name, p.organization_id AS home_organization_id, (p.status = 'ACTIVE' AND p.expires_at > now()) AS active, (extract(epoch from p.expires_at) * 1000)::float8 AS expires_ms, g.*
     FROM api_client p ${GRANTS_OF('api-client')}
     WHERE p.id = $1`,
    [id],
  );
}

/** Keeps the client's last use to the minute: at most one write per client and minute (a change of `lastUsedAt`, so change feeds list it; no new version). */
export async function touchApiClient(dataSource: DataSource, id: string): Promise<void> {
  await dataSource.query(`UPDATE api_client SET last_used_at = now(), updated_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [id]);
}

/** Every grant of a user or API client, by permission and scope. */
export function grantRowsOf(dataSource: DataSource, kind: 'user' | 'api-client', id: string): Promise<GrantRow[]> {
  const table = kind === 'user' ? 'app_user' : 'api_client';
  return dataSource.query(`SELECT g.* FROM ${table} p ${GRANTS_OF(kind)} WHERE p.id = $1 ORDER BY g.permission, g.scope`, [id]);
}

/** The grants of the `public` role (what anonymous callers hold). */
export function publicGrantRows(dataSource: DataSource): Promise<GrantRow[]> {
  return dataSource.query(
    `SELECT r.code AS role, rp.permission, rp.scope, NULL::uuid AS organization_id, NULL::text AS path
     FROM role r JOIN role_permission rp ON rp.role_id = r.id WHERE r.code = 'public'`,
  );
}
