import { modifyReturning, type RequestContext } from '@platform/core';

/*
 * The sign-in bookkeeping of an account (failed attempts, lock, last sign-in). Hand-written: it is
 * done on the account's own behalf before anyone acts (no caller, no row scope), in place (the
 * counters change with the row's current values) and without moving the account's version, so an
 * administrator's open edit does not go stale. A change of what the account shows (`lastLoginAt`,
 * `lockedUntil`) moves `updated_at`, so change feeds (`users(filter: { updatedSince })`) list it; the
 * hidden counter alone does not. The audit entries are written by AuthService.
 */

/** A successful sign-in: counters reset, the time kept; returns it. */
export async function markSignedIn(tx: RequestContext, userId: string): Promise<Date> {
  const [row] = await modifyReturning<{ last_login_at: Date }>(tx.manager, `UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now(), updated_at = now() WHERE id = $1 RETURNING last_login_at`, [userId]);
  return row!.last_login_at;
}

/** Counts a wrong password; the `maxFailures`-th in a row locks the account for `lockMinutes`. Whether it is locked now. */
export async function countFailedSignIn(tx: RequestContext, userId: string, maxFailures: number, lockMinutes: number): Promise<boolean> {
  const [row] = await modifyReturning<{ locked: boolean }>(
    tx.manager,
    `UPDATE app_user SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
            locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
            updated_at = CASE WHEN failed_logins + 1 >= $2 THEN now() ELSE updated_at END
     WHERE id = $1 RETURNING locked_until > now() AS locked`,
    [userId, maxFailures, lockMinutes],
  );
  return Boolean(row?.locked);
}
