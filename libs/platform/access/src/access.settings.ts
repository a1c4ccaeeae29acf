import { z } from 'zod';
import { defineSettings, integerSetting } from '@platform/core';

/** The access module's settings (environment variables), checked with the gateway's at start. */
export const accessSettings = defineSettings({
  /** Signs access tokens: 32 characters or more; required in server mode (every replica the same). */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of an access token, in seconds. */
  ACCESS_TOKEN_TTL_S: integerSetting(1, 86_400).default(900),
  /** Signed-in principals kept in memory (ms), emptied on every access change; 0 = off. */
  PRINCIPAL_CACHE_TTL_MS: integerSetting(0, 3_600_000).default(30_000),
  /** strict: a kept principal only after every access change committed before the request reached this process; notice: as soon as the notice arrives. */
  ACCESS_FRESHNESS: z.enum(['strict', 'notice']).default('strict'),
});
