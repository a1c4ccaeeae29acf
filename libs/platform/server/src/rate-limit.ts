import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import type { Principal } from '@platform/core';

export interface RateLimitSettings {
  /** Requests allowed per window and client; 0 turns limiting off. */
  readonly points: number;
  readonly windowSeconds: number;
  /** Shared counters across gateway processes; in-process counters without it. */
  readonly redisUrl?: string;
}

export interface RateLimit {
  readonly middleware: RequestHandler;
  close(): Promise<void>;
}

/**
 * Per-client request limit on the GraphQL endpoint (rate-limiter-flexible). With REDIS_URL every
 * gateway replica counts against the same budget; if Redis is unreachable the in-memory limiter
 * takes over instead of failing requests. Signed-in users and API clients are counted per principal,
 * anonymous callers per address. Over the limit: 429 with Retry-After and a GraphQL-shaped error.
 */
export function createRateLimit(settings: RateLimitSettings, log: Logger, onReject: () => void): RateLimit {
  if (settings.points <= 0) return { middleware: (_req, _res, next) => next(), close: async () => undefined };
  const options = { points: settings.points, duration: settings.windowSeconds, keyPrefix: 'gateway-rl' };
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (settings.redisUrl) {
    redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on('error', (err) => log.warn({ err }, 'rate limit: Redis error; counting in memory meanwhile'));
    limiter = new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
  } else {
    limiter = new RateLimiterMemory(options);
  }

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const principal = (req as Request & { principal?: Principal }).principal;
    const key = principal && principal.kind !== 'anonymous' ? `${principal.kind}:${principal.id}` : `ip:${req.ip ?? 'unknown'}`;
    limiter.consume(key).then(
      (r) => {
        res.setHeader('RateLimit-Remaining', String(r.remainingPoints));
        next();
      },
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) return next(rejection);
        onReject();
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(retryAfterSeconds));
        res.status(429).json({
          errors: [{ message: `Too many requests: at most ${settings.points} per ${settings.windowSeconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }],
        });
      },
    );
  };
  return {
    middleware,
    close: async () => {
      if (redis) await redis.quit().catch(() => redis!.disconnect());
    },
  };
}
