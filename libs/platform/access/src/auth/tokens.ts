import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';

const ISSUER = 'town-safety-platform';
const AUDIENCE = 'town-safety-api';
/** Default lifetime of an access token (ACCESS_TOKEN_TTL_S). */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 14;

/** SHA-256 of a high-entropy secret (refresh tokens, API keys): enough, and constant-time lookups by hash. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export const newRefreshToken = (): string => `rt_${randomBytes(32).toString('base64url')}`;

/** API keys look like `tsk_<12 hex>_<43 chars>`: the middle part is stored in clear for lookup. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `tsk_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

export function apiKeyPrefix(key: string): string | null {
  const m = /^tsk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return m ? m[1]! : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export interface AccessClaims {
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * Short-lived HS256 access tokens; the session (refresh-token family) is checked on every request
 * (through the principal cache). A token once verified is remembered until it expires, so a client
 * sending the same token again costs no HMAC; expiry is checked on every use.
 */
export class TokenSigner {
  private readonly key: KeyObject;
  private readonly verified = new LRUCache<string, AccessClaims & { expiresAtMs: number }>({ max: 10_000 });

  constructor(
    secret: Uint8Array,
    /** How long an access token is valid (ACCESS_TOKEN_TTL_S). */
    private readonly lifetimeSeconds = ACCESS_TOKEN_SECONDS,
  ) {
    this.key = createSecretKey(secret);
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.lifetimeSeconds * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, or null for a bad signature, wrong audience or an expired token. */
  async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return { userId: known.userId, sessionId: known.sessionId };
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      // Ids are UUIDs: anything else (even correctly signed) is not a token this platform issued.
      if (!isUuid(payload.sub) || !isUuid(payload['sid']) || typeof payload.exp !== 'number') return null;
      const claims = { userId: payload.sub, sessionId: payload['sid'] };
      this.verified.set(token, { ...claims, expiresAtMs: payload.exp * 1000 });
      return claims;
    } catch {
      return null;
    }
  }
}
