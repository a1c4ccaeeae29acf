import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo accounts' seed. Hand-written: seeding runs as the system, not on a
 * caller's behalf, with fixed ids, and is idempotent (an existing account is left as it is: ON
 * CONFLICT DO NOTHING), which the write helpers do not express. One audit entry covers the seed.
 */

/** Inserts the demo account unless it exists; whether it was inserted. */
export async function insertDemoUser(
  ctx: RequestContext,
  user: { id: string; username: string; passwordHash: string; displayName: string; personId: string | null; organizationId: string },
): Promise<boolean> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO app_user (id, username, password_hash, display_name, person_id, status, organization_id) VALUES ($1, $2, $3, $4, $5, 'ACTIVE', $6)
     ON CONFLICT DO NOTHING RETURNING id`,
    [user.id, user.username, user.passwordHash, user.displayName, user.personId, user.organizationId],
  );
  return inserted.length > 0;
}

/** Gives the demo account its system role at its organization. */
export async function assignDemoRole(ctx: RequestContext, userId: string, roleCode: string, organizationId: string): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO role_assignment (principal_kind, principal_id, role_id, organization_id)
     SELECT 'user', $1, r.id, $3 FROM role r WHERE r.code = $2 ON CONFLICT DO NOTHING`,
    [userId, roleCode, organizationId],
  );
}
