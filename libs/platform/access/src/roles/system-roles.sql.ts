import { modifyReturning, type GrantScope, type RequestContext } from '@platform/core';

/*
 * The statements that keep the system roles as the modules declare them, at start and when seeding.
 * Hand-written: they run as the system, not on a caller's behalf, upsert by role code and replace a
 * role's grants in bulk (one statement each), under a lock that serializes replicas starting
 * together; the write helpers (one versioned record by id) do not express that. A role whose name,
 * description or grants change gets a new version and `updated_at` (change feeds list it); one that
 * stays as declared is left as it is.
 */

/** Serializes the synchronisation of system roles among processes (until the transaction ends). */
export async function lockSystemRoles(ctx: RequestContext): Promise<void> {
  await ctx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('access.system-roles'))`);
}

/** SQL: the declared role (`EXCLUDED`) differs from the stored one (`r`). */
const CHANGED = '(r.name_zh, r.description, r.is_system) IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.description, true)';

/** The system role with this code, created or renamed as declared; its id. */
export async function upsertSystemRole(ctx: RequestContext, code: string, info: { nameZh: string; description: string }): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await ctx.manager.query(
    `INSERT INTO role AS r (code, name_zh, description, is_system) VALUES ($1, $2, $3, true)
     ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, description = EXCLUDED.description, is_system = true,
       version = CASE WHEN ${CHANGED} THEN r.version + 1 ELSE r.version END,
       updated_at = CASE WHEN ${CHANGED} THEN now() ELSE r.updated_at END
     RETURNING id`,
    [code, info.nameZh, info.description],
  );
  return id;
}

/** Makes the role hold exactly these grants; a change of them is a change of the role (new version and `updated_at`). */
export async function replaceGrants(ctx: RequestContext, roleId: string, grants: ReadonlyMap<string, GrantScope>): Promise<void> {
  const permissions = [...grants.keys()];
  const dropped = await modifyReturning(ctx.manager, `DELETE FROM role_permission WHERE role_id = $1 AND NOT (permission = ANY($2)) RETURNING permission`, [roleId, permissions]);
  const set = permissions.length
    ? await modifyReturning(
        ctx.manager,
        `INSERT INTO role_permission AS g (role_id, permission, scope) SELECT $1, p, s FROM unnest($2::text[], $3::text[]) AS x(p, s)
         ON CONFLICT (role_id, permission) DO UPDATE SET scope = EXCLUDED.scope WHERE g.scope IS DISTINCT FROM EXCLUDED.scope
         RETURNING permission`,
        [roleId, permissions, [...grants.values()]],
      )
    : [];
  if (dropped.length || set.length) await ctx.manager.query(`UPDATE role SET version = version + 1, updated_at = now() WHERE id = $1`, [roleId]);
}
