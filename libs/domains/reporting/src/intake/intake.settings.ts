import { z } from 'zod';
import { defineSettings, integerSetting } from '@platform/core';

/**
 * The intake part's settings (environment variables), checked with the gateway's at start when the
 * module declares them (`reporting.module.ts`: `settings`); read with `intakeSettings.read(runtime.settings)`.
 */
export const intakeSettings = defineSettings({
  /**
   * The key that signs proof-of-work challenges (at least 32 characters). Unset: in embedded mode a
   * random one kept in DATA_DIR/reporting-tip.secret; in server mode one derived from JWT_SECRET, which
   * every replica shares.
   */
  REPORTING_TIP_POW_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Leading zero bits of SHA-256(challenge + nonce) an anonymous submission beyond the first per address per hour must show (18 ≈ 0.3 s in a browser; 0 turns the proof off). */
  REPORTING_TIP_POW_BITS: integerSetting(0, 28).default(18),
  /** Days a reporter keeps access (tracking with the secret) after the last use; apart from data retention. */
  REPORTING_TIP_ACCESS_DAYS: integerSetting(1, 3650).default(90),
});

export type IntakeSettings = ReturnType<typeof intakeSettings.read>;
