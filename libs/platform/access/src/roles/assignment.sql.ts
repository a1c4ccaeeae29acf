import type { RequestContext } from '@platform/core';

/*
 * The statements of role assignments the write helpers do not express. Hand-written: an assignment
 * ends by being deleted (it has no version or archived state), and the last super admin is counted
 * over every account under a lock of its own, whoever the caller is (a rule of the installation, not
 * a read on the caller's behalf). The callers check the assignment within reach and audit the change.
 */

/** Removes an assignment. */
export async function deleteAssignment(tx: RequestContext, id: string): Promise<void> {
  await tx.manager.query(`DELETE FROM role_assignment WHERE id = $1`, [id]);
}

/** How many active accounts hold super-admin, serialized with every other such count (each then sees every committed removal). */
export async function activeSuperAdmins(tx: RequestContext): Promise<number> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('access.super-admins'))`);
  const [{ n }]: Array<{ n: number }> = await tx.manager.query(
    `SELECT count(*)::int AS n FROM role_assignment ra JOIN role r ON r.id = ra.role_id JOIN app_user u ON u.id = ra.principal_id
     WHERE r.code = 'super-admin' AND ra.principal_kind = 'user' AND u.status = 'ACTIVE'`,
  );
  return n;
}
