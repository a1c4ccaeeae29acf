import { LRUCache } from 'lru-cache';
import { ANONYMOUS, RateLimitedError, UnauthenticatedError, type Authenticator, type CredentialSource, type Limiter, type Principal } from '@platform/core';

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

  /** The principal of credentials seen before (a subscription's, per event): not counted as failures, not blocked. */
  reload(source: CredentialSource): Promise<Principal> {
    return this.authenticator ? this.authenticator.authenticate(source) : Promise.resolve(ANONYMOUS);
  }

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
