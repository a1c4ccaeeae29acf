import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { RateLimitedError, type Limiter, type LimiterOptions, type Principal } from '@platform/core';

/**
 * Makes rate limiters (rate-limiter-flexible). With REDIS_URL every gateway replica counts against
 * the same budget; if Redis is unreachable an in-memory limiter takes over instead of failing
 * requests. Shared by the HTTP endpoint and by modules (e.g. sign-in attempts).
 */
export class RateLimiters {
  private readonly redis?: Redis;

  constructor(redisUrl: string | undefined, log: Logger) {
    if (!redisUrl) return;
    this.redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', (err) => log.warn({ err }, 'rate limit: Redis error; counting in memory meanwhile'));
  }

  raw(options: LimiterOptions): RateLimiterAbstract {
    const o = { points: options.points, duration: options.windowSeconds, keyPrefix: options.name };
    return this.redis ? new RateLimiterRedis({ ...o, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(o) }) : new RateLimiterMemory(o);
  }

  /** The kernel's Limiter view: `consume` resolves with the seconds to wait, 0 when allowed. */
  create(options: LimiterOptions): Limiter {
    const limiter = this.raw(options);
    const waitOf = (res: RateLimiterRes | null): number => (res && res.consumedPoints >= options.points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0);
    return {
      // A store that cannot be read (Redis down) refuses nobody: the consume that follows counts in memory.
      check: (key) => limiter.get(key).then(waitOf, () => 0),
      consume: (key) =>
        limiter.consume(key).then(
          () => 0,
          (rejection: unknown) => {
            if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
            throw rejection;
          },
        ),
    };
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => this.redis!.disconnect());
  }
}

/** What a request's budget looks like after it was counted: the `RateLimit-*` response headers. */
export interface RateLimitState {
  /** Requests allowed per window for this caller. */
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly resetSeconds: number;
  readonly windowSeconds: number;
  /** Seconds to wait before the next request is allowed; 0 when this one was. */
  readonly retryAfterSeconds: number;
}

/**
 * Request budgets per window by who calls (`RATE_LIMIT_BUDGETS`): one API client (`api-client:<id>`),
 * a role (`role:<code>`; the largest of a caller's roles wins), a principal kind (`anonymous`,
 * `user`, `api-client`); `default` for everyone else.
 */
export interface RateLimitBudgets {
  readonly default: number;
  readonly windowSeconds: number;
  readonly byClient?: ReadonlyMap<string, number>;
  readonly byRole?: ReadonlyMap<string, number>;
  readonly byKind?: ReadonlyMap<string, number>;
}

/**
 * Per-client request limit on every way in: signed-in users and API clients are counted per
 * principal, anonymous callers per address, each against its budget (`RateLimitBudgets`). A budget of
 * 0 means no limit. Over the limit: RATE_LIMITED (429 with Retry-After over HTTP).
 */
export class RequestLimit {
  /** One counter per distinct budget (bounded by the configuration), so budgets never share counts. */
  private readonly limiters = new Map<number, RateLimiterAbstract>();

  constructor(
    private readonly factory: RateLimiters,
    private readonly budgets: RateLimitBudgets,
    private readonly onReject: () => void,
  ) {}

  /** The budget of a caller per window (0: not limited). */
  budgetOf(principal: Principal): number {
    const { byClient, byRole, byKind } = this.budgets;
    const own = principal.kind === 'api-client' && principal.id ? byClient?.get(principal.id) : undefined;
    if (own !== undefined) return own;
    let best: number | undefined;
    for (const role of principal.roles) {
      const b = byRole?.get(role);
      if (b !== undefined && (best === undefined || b === 0 || (best !== 0 && b > best))) best = b;
    }
    return best ?? byKind?.get(principal.kind) ?? this.budgets.default;
  }

  /** Counts one request of the caller; null when the caller is not limited. */
  async consume(principal: Principal, ip: string | null): Promise<RateLimitState | null> {
    const limit = this.budgetOf(principal);
    if (limit <= 0) return null;
    let limiter = this.limiters.get(limit);
    if (!limiter) {
      limiter = this.factory.raw({ name: `gateway-rl:${limit}`, points: limit, windowSeconds: this.budgets.windowSeconds });
      this.limiters.set(limit, limiter);
    }
    const key = principal.kind !== 'anonymous' ? `${principal.kind}:${principal.id}` : `ip:${ip ?? 'unknown'}`;
    const state = (res: RateLimiterRes, refused: boolean): RateLimitState => {
      const resetSeconds = Math.max(0, Math.ceil(res.msBeforeNext / 1000));
      return { limit, remaining: Math.max(0, res.remainingPoints), resetSeconds, windowSeconds: this.budgets.windowSeconds, retryAfterSeconds: refused ? Math.max(1, resetSeconds) : 0 };
    };
    try {
      return state(await limiter.consume(key), false);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.onReject();
      return state(rejection, true);
    }
  }

  /** The error a refused request gets, over HTTP (429 with Retry-After) or WebSocket. */
  refusal(state: RateLimitState): RateLimitedError {
    return new RateLimitedError(`Too many requests: at most ${state.limit} per ${state.windowSeconds} s.`, state.retryAfterSeconds);
  }
}

/** The `RateLimit-*` headers (IETF draft "RateLimit header fields for HTTP") of a counted request. */
export function rateLimitHeaders(state: RateLimitState): Array<[string, string]> {
  return [
    ['RateLimit-Limit', String(state.limit)],
    ['RateLimit-Remaining', String(state.remaining)],
    ['RateLimit-Reset', String(state.resetSeconds)],
    ['RateLimit-Policy', `${state.limit};w=${state.windowSeconds}`],
  ];
}
