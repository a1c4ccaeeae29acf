import { randomUUID } from 'node:crypto';
import { RateLimitedError, UnauthenticatedError, audit, modifyReturning, transaction, type Limiter, type RequestContext } from '@platform/core';
import { User, AccountStatus } from '../users/user.entity';
import { RefreshToken } from './refresh-token.entity';
import { verifyPassword } from './passwords';
import { REFRESH_TOKEN_DAYS, newRefreshToken, sha256, type TokenSigner } from './tokens';
import type { AuthPayload, LoginInput } from './auth.types';
import { endSessions } from '../users/user.service';
import { accessChanged } from './access-changed';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const INVALID = 'Invalid username or password, or the account is locked or disabled.';

/** Sign-in, refresh and sign-out. Reached by resolvers as `ctx.service<AuthService>('access.auth')`. */
export class AuthService {
  constructor(
    private readonly signer: TokenSigner,
    /** Failed sign-ins per address (20 per 5 minutes, shared through Redis); successful ones are not counted. */
    private readonly failedLogins: Limiter,
  ) {}

  /** Signs in; an address with too many failed sign-ins is refused with RATE_LIMITED (429, Retry-After) before the password is checked. */
  async login(ctx: RequestContext, input: LoginInput): Promise<AuthPayload> {
    const address = ctx.ip ?? 'unknown';
    const wait = await this.failedLogins.check(address);
    if (wait) throw new RateLimitedError(`Too many failed sign-ins from this address: wait ${wait} s.`, wait);
    const user = await ctx.manager.createQueryBuilder(User, 'u').where('lower(u.username) = lower(:username)', { username: input.username }).getOne();
    const locked = user?.lockedUntil && user.lockedUntil > new Date();
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || locked || user.status !== AccountStatus.ACTIVE || !passwordOk) {
      await this.failedLogins.consume(address);
      if (user && !locked && passwordOk === false) await this.recordFailure(ctx, user);
      throw new UnauthenticatedError(INVALID);
    }
    return transaction(ctx, async (tx) => {
      // Bookkeeping, not a change of the account: the version stays, so an administrator's open edit does not go stale.
      const [signedIn] = await modifyReturning<{ last_login_at: Date }>(tx.manager, `UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1 RETURNING last_login_at`, [user.id]);
      Object.assign(user, { failedLogins: 0, lockedUntil: null, lastLoginAt: signedIn!.last_login_at });
      const payload = await this.issue(tx, user, randomUUID());
      await audit(tx, { action: 'access.session.login', entityType: 'User', entityId: user.id });
      return payload;
    });
  }

  /** Exchanges a refresh token for new tokens; a token used twice ends its whole session. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const outcome = await transaction(ctx, async (tx) => {
      const row = await tx.manager
        .createQueryBuilder(RefreshToken, 't')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: sha256(refreshToken) })
        .getOne();
      if (!row || row.revokedAt || row.expiresAt <= new Date()) return null;
      if (row.usedAt) {
        await tx.manager.query(`UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [row.familyId]);
        await audit(tx, { action: 'access.session.reuse-detected', entityType: 'User', entityId: row.userId, changes: { session: row.familyId } });
        await accessChanged(tx, 'session');
        return 'reused' as const;
      }
      const user = await tx.manager.findOneBy(User, { id: row.userId });
      if (!user || user.status !== AccountStatus.ACTIVE) return null;
      await tx.manager.update(RefreshToken, { id: row.id }, { usedAt: () => 'now()' } as never);
      const payload = await this.issue(tx, user, row.familyId);
      await audit(tx, { action: 'access.session.refresh', entityType: 'User', entityId: user.id });
      return payload;
    });
    if (!outcome || outcome === 'reused') throw new UnauthenticatedError('The refresh token is invalid, expired or already used: sign in again.');
    return outcome;
  }

  /** Ends the session of a refresh token: its access tokens stop working on the next request. */
  async logout(ctx: RequestContext, refreshToken: string): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const rows = await modifyReturning<{ user_id: string; family_id: string }>(
        tx.manager,
        `UPDATE refresh_token SET revoked_at = now() WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL
         RETURNING user_id, family_id`,
        [sha256(refreshToken)],
      );
      if (!rows.length) return false;
      await audit(tx, { action: 'access.session.logout', entityType: 'User', entityId: rows[0]!.user_id, changes: { session: rows[0]!.family_id } });
      await accessChanged(tx, 'session');
      return true;
    });
  }

  private async issue(tx: RequestContext, user: User, familyId: string): Promise<AuthPayload> {
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000);
    await tx.manager.insert(RefreshToken, { userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt, usedAt: null, revokedAt: null });
    const access = await this.signer.sign({ userId: user.id, sessionId: familyId });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
  }

  /**
   * Counts a wrong password in its own committed transaction; the fifth in a row locks the account
   * and ends its sessions (someone may be guessing the password of an account that is in use).
   */
  private async recordFailure(ctx: RequestContext, user: User): Promise<void> {
    await transaction(ctx, async (tx) => {
      const [row] = await modifyReturning<{ locked: boolean }>(
        tx.manager,
        `UPDATE app_user SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 RETURNING locked_until > now() AS locked`,
        [user.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
      );
      const ended = row?.locked ? await endSessions(tx, user.id) : 0;
      await audit(tx, { action: row?.locked ? 'access.session.locked' : 'access.session.login-failed', entityType: 'User', entityId: user.id, ...(row?.locked ? { changes: { sessionsEnded: ended } } : {}) });
    });
  }
}
