import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import type { ServerResponse } from 'node:http';
import { ANONYMOUS, type Limiter, type LimiterOptions, type Principal } from '@platform/core';
import { sendJson } from './http-json';

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

/**
 * Per-client request limit on the GraphQL endpoint: signed-in users and API clients are counted per
 * principal, anonymous callers per address. Over the limit: 429 with Retry-After and a
 * GraphQL-shaped error. `points` 0 turns it off. Used by the HTTP fast path and, through
 * `rateLimitMiddleware`, by the express routes.
 */
export class RequestLimit {
  private readonly limiter: Limiter | null;

  constructor(
    limiters: RateLimiters,
    private readonly settings: { points: number; windowSeconds: number },
    private readonly onReject: () => void,
  ) {
    this.limiter = settings.points > 0 ? limiters.create({ name: 'gateway-rl', points: settings.points, windowSeconds: settings.windowSeconds }) : null;
  }

  /** Counts one request of the caller: 0 when it may go on, else the seconds to wait (and the rejection is counted). */
  async consume(principal: Principal, ip: string | null): Promise<number> {
    if (!this.limiter) return 0;
    const key = principal.kind !== 'anonymous' ? `${principal.kind}:${principal.id}` : `ip:${ip ?? 'unknown'}`;
    const retryAfterSeconds = await this.limiter.consume(key);
    if (retryAfterSeconds) this.onReject();
    return retryAfterSeconds;
  }

  /** The error a refused request gets, over HTTP (429) or WebSocket. */
  refusal(retryAfterSeconds: number): { message: string; extensions: { code: 'RATE_LIMITED'; retryAfterSeconds: number } } {
    return { message: `Too many requests: at most ${this.settings.points} per ${this.settings.windowSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } };
  }

  /** True when the request may go on; false when the 429 has been sent. */
  async admit(principal: Principal, ip: string | null, res: ServerResponse): Promise<boolean> {
    const retryAfterSeconds = await this.consume(principal, ip);
    if (!retryAfterSeconds) return true;
    res.setHeader('Retry-After', String(retryAfterSeconds));
    sendJson(res, 429, { errors: [this.refusal(retryAfterSeconds)] });
    return false;
  }
}

/** The limit as express middleware; a request the fast path already admitted is not counted twice. */
export function rateLimitMiddleware(limit: RequestLimit): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const r = req as Request & { principal?: Principal; rateLimitChecked?: boolean };
    if (r.rateLimitChecked) return next();
    r.rateLimitChecked = true;
    limit.admit(r.principal ?? ANONYMOUS, req.ip ?? null, res).then((ok) => ok && next(), next);
  };
}
