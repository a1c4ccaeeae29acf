import { modifyReturning, type RequestContext } from '@platform/core';

/*
 * The statements of sessions (refresh tokens). Hand-written: a session belongs to the account that
 * signed in and is kept on its own behalf, not on a caller's within a scope, so there is no row scope
 * to apply; and ending sessions changes many tokens at once, which the write helpers (one versioned
 * record at a time) do not express. The audit entries are written by the callers (AuthService,
 * `endSessions`).
 */

/** The refresh token with this hash, locked for its exchange, or null. */
export async function lockRefreshToken(
  tx: RequestContext,
  tokenHash: string,
): Promise<{ id: string; userId: string; familyId: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null> {
  const [row] = await tx.manager.query(
    `SELECT id, user_id AS "userId", family_id AS "familyId", expires_at AS "expiresAt", used_at AS "usedAt", revoked_at AS "revokedAt"
     FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
    [tokenHash],
  );
  return row ?? null;
}

/** A new refresh token of a session (`familyId`). */
export async function insertRefreshToken(tx: RequestContext, token: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await tx.manager.query(`INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [token.userId, token.familyId, token.tokenHash, token.expiresAt]);
}

/** The token was exchanged: presenting it again ends its session. */
export async function markRefreshTokenUsed(tx: RequestContext, id: string): Promise<void> {
  await tx.manager.query(`UPDATE refresh_token SET used_at = now() WHERE id = $1`, [id]);
}

/** Ends a session: every token of the family stops. */
export async function revokeSession(tx: RequestContext, familyId: string): Promise<void> {
  await tx.manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
}

/** Ends the session of the token with this hash; its account and session, or none when it had ended already. */
export async function revokeSessionOfToken(tx: RequestContext, tokenHash: string): Promise<{ user_id: string; family_id: string } | null> {
  const rows = await modifyReturning<{ user_id: string; family_id: string }>(
    tx.manager,
    `UPDATE refresh_token SET revoked_at = now() WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL
     RETURNING user_id, family_id`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Ends every session of an account; how many tokens stopped. */
export async function revokeSessionsOf(tx: RequestContext, userId: string): Promise<number> {
  return (await modifyReturning(tx.manager, `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId])).length;
}
