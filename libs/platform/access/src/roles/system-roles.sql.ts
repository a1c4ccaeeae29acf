import type { GrantScope, RequestContext } from '@platform/core';

/*
 * The statements that keep the system roles as the modules declare them, at start and when seeding.
 * Hand-written: they run as the system, not on a caller's behalf, upsert by role code and replace a
 * role's grants in bulk (one statement each), under a lock that serializes replicas starting
 * together; the write helpers (one versioned record by id) do not express that.
 */

/** Serializes the synchronisation of system roles among processes (until the transaction ends). */
export async function lockSystemRoles(ctx: RequestContext): Promise<void> {
  await ctx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('access.system-roles'))`);
}

/** The system role with this code, created or renamed as declared; its id. */
export async function upsertSystemRole(ctx: RequestContext, code: string, info: { nameZh: string; description: string }): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await ctx.manager.query(
    `INSERT INTO role (code, name_zh, description, is_system) VALUES ($1, $2, $3, true)
     ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, description = EXCLUDED.description, is_system = true
     RETURNING id`,
    [code, info.nameZh, info.description],
  );
  return id;
}

/** Makes the role hold exactly these grants. */
export async function replaceGrants(ctx: RequestContext, roleId: string, grants: ReadonlyMap<string, GrantScope>): Promise<void> {
  const permissions = [...grants.keys()];
  await ctx.manager.query(`DELETE FROM role_permission WHERE role_id = $1 AND NOT (permission = ANY($2))`, [roleId, permissions]);
  if (permissions.length) {
    await ctx.manager.query(
      `INSERT INTO role_permission (role_id, permission, scope) SELECT $1, p, s FROM unnest($2::text[], $3::text[]) AS x(p, s)
       ON CONFLICT (role_id, permission) DO UPDATE SET scope = EXCLUDED.scope`,
      [roleId, permissions, [...grants.values()]],
    );
  }
}
