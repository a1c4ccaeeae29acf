import { randomUUID } from 'node:crypto';
import { RateLimitedError, SortDirection, UnauthenticatedError, audit, sql, transaction, unscoped, type Limiter, type RequestContext } from '@platform/core';
import { AccountStatus, type User } from '../users/user.entity';
import { Users } from '../access.entities';
import { insertRefreshToken, lockRefreshToken, markRefreshTokenUsed, revokeSession, revokeSessionOfToken } from '../users/refresh-tokens.sql';
import { countFailedSignIn, markSignedIn } from './sign-in.sql';
import { verifyPassword } from '../users/passwords';
import { REFRESH_TOKEN_DAYS, newRefreshToken, sha256, type TokenSigner } from './tokens';
import type { AuthPayload, LoginInput } from './auth.types';
import { endSessions } from '../users/user.service';
import { accessChanged } from '../access-changed';

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
    const [user] = await unscoped(ctx, Users, 'sign-in finds the account by its name, before anyone acts')
      .where(sql`lower(t.username) = lower(${input.username})`)
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
    const locked = user?.lockedUntil && user.lockedUntil > new Date();
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || locked || user.status !== AccountStatus.ACTIVE || !passwordOk) {
      await this.failedLogins.consume(address);
      if (user && !locked && passwordOk === false) await this.recordFailure(ctx, user);
      throw new UnauthenticatedError(INVALID);
    }
    return transaction(ctx, async (tx) => {
      // Bookkeeping, not a change of the account: the version stays, so an administrator's open edit does not go stale.
      Object.assign(user, { failedLogins: 0, lockedUntil: null, lastLoginAt: await markSignedIn(tx, user.id) });
      const payload = await this.issue(tx, user, randomUUID());
      await audit(tx, { action: 'access.session.login', entityType: 'User', entityId: user.id });
      return payload;
    });
  }

  /** Exchanges a refresh token for new tokens; a token used twice ends its whole session. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<AuthPayload> {
    const outcome = await transaction(ctx, async (tx) => {
      const row = await lockRefreshToken(tx, sha256(refreshToken));
      if (!row || row.revokedAt || row.expiresAt <= new Date()) return null;
      if (row.usedAt) {
        await revokeSession(tx, row.familyId);
        await audit(tx, { action: 'access.session.reuse-detected', entityType: 'User', entityId: row.userId, changes: { session: row.familyId } });
        await accessChanged(tx, 'session');
        return 'reused' as const;
      }
      const user = await unscoped(tx, Users, 'refreshing a session is the account\'s own act, not on a caller\'s behalf').one(row.userId);
      if (!user || user.status !== AccountStatus.ACTIVE) return null;
      await markRefreshTokenUsed(tx, row.id);
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
      const ended = await revokeSessionOfToken(tx, sha256(refreshToken));
      if (!ended) return false;
      await audit(tx, { action: 'access.session.logout', entityType: 'User', entityId: ended.user_id, changes: { session: ended.family_id } });
      await accessChanged(tx, 'session');
      return true;
    });
  }

  private async issue(tx: RequestContext, user: User, familyId: string): Promise<AuthPayload> {
    const refreshToken = newRefreshToken();
    const refreshTokenExpiresAt = new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000);
    await insertRefreshToken(tx, { userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt });
    const access = await this.signer.sign({ userId: user.id, sessionId: familyId });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt, user };
  }

  /**
   * Counts a wrong password in its own committed transaction; the fifth in a row locks the account
   * and ends its sessions (someone may be guessing the password of an account that is in use).
   */
  private async recordFailure(ctx: RequestContext, user: User): Promise<void> {
    await transaction(ctx, async (tx) => {
      const locked = await countFailedSignIn(tx, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
      const ended = locked ? await endSessions(tx, user.id) : 0;
      await audit(tx, { action: locked ? 'access.session.locked' : 'access.session.login-failed', entityType: 'User', entityId: user.id, ...(locked ? { changes: { sessionsEnded: ended } } : {}) });
    });
  }
}
