import type { ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { ANONYMOUS, PlatformError, RateLimitedError, UnauthenticatedError, UnavailableError, isUnavailable, type Authenticator, type CredentialSource, type Limiter, type Principal } from '@platform/core';
import { sendJson } from './http-json';

/**
 * Turns a request's credentials into its principal, counting wrong credentials per client address:
 * past the limit an address is refused with RATE_LIMITED before its credentials are looked up, so a
 * flood of guessed keys or tokens costs the database nothing. Requests without credentials (anonymous)
 * are not counted here; the request limit counts them.
 *
 * Only failures touch the (possibly shared, Redis) counter: after one, the address's state is read
 * back and, once it is over the limit, remembered here until its window ends. Valid credentials thus
 * cost no limiter call at all; with several replicas each learns of a blocked address at its own next
 * failure from it (one lookup per replica and window at most).
 */
export class CredentialCheck {
  private readonly blocked = new LRUCache<string, number>({ max: 10_000 });

  constructor(
    private readonly authenticator: Authenticator | undefined,
    /** Failed authentications per address (null: not limited). */
    private readonly failures: Limiter | null,
  ) {}

  async principal(source: CredentialSource): Promise<Principal> {
    if (!this.authenticator) return ANONYMOUS;
    const presented = source.headers['authorization'] !== undefined || source.headers['x-api-key'] !== undefined;
    const address = source.ip ?? 'unknown';
    const until = presented ? this.blocked.get(address) : undefined;
    if (until !== undefined && until > Date.now()) {
      const wait = Math.max(1, Math.ceil((until - Date.now()) / 1000));
      throw new RateLimitedError(`Too many requests with wrong credentials from this address: wait ${wait} s.`, wait);
    }
    try {
      return await this.authenticator.authenticate(source);
    } catch (error) {
      if (error instanceof UnauthenticatedError && presented && this.failures) {
        await this.failures.consume(address);
        const wait = await this.failures.check(address);
        if (wait) this.blocked.set(address, Date.now() + wait * 1000);
      }
      throw error;
    }
  }
}

/**
 * Answers a request that failed before GraphQL ran (credentials, rate limit, database outage) with
 * the platform's error body and HTTP status: 401 with WWW-Authenticate, 429 or 503 with Retry-After.
 * False when the error is not one of those (the caller treats it as internal).
 */
export function sendRefusal(res: ServerResponse, error: unknown): boolean {
  const refusal = error instanceof PlatformError ? error : isUnavailable(error) ? new UnavailableError('The database is unavailable right now: retry shortly.') : null;
  if (!refusal) return false;
  const { http, ...extensions } = refusal.extensions as Record<string, unknown> & { http?: { status?: number; headers?: ReadonlyMap<string, string> } };
  if (!http?.status) return false;
  for (const [name, value] of http.headers ?? []) res.setHeader(name, value);
  if (refusal instanceof UnauthenticatedError) res.setHeader('WWW-Authenticate', 'Bearer');
  if (http.status === 503) res.setHeader('Connection', 'close');
  sendJson(res, http.status, { errors: [{ message: refusal.message, extensions }] });
  return true;
}
