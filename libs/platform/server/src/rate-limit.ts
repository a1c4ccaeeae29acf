import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import type { Limiter, LimiterOptions, Principal } from '@platform/core';

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
    return {
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
 * GraphQL-shaped error. `points` 0 turns it off.
 */
export function rateLimitMiddleware(limiters: RateLimiters, settings: { points: number; windowSeconds: number }, onReject: () => void): RequestHandler {
  if (settings.points <= 0) return (_req, _res, next) => next();
  const limiter = limiters.create({ name: 'gateway-rl', points: settings.points, windowSeconds: settings.windowSeconds });
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = (req as Request & { principal?: Principal }).principal;
    const key = principal && principal.kind !== 'anonymous' ? `${principal.kind}:${principal.id}` : `ip:${req.ip ?? 'unknown'}`;
    limiter.consume(key).then((retryAfterSeconds) => {
      if (!retryAfterSeconds) return next();
      onReject();
      res.setHeader('Retry-After', String(retryAfterSeconds));
      res.status(429).json({
        errors: [{ message: `Too many requests: at most ${settings.points} per ${settings.windowSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
      });
    }, next);
  };
}
