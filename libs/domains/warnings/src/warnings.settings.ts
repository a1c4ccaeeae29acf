import { z } from 'zod';
import { defineSettings, integerSetting } from '@platform/core';
import { ISSUER_CODE } from './warnings/warning-identifier';
import { DEFAULT_ESCALATION_INTERVAL_MS, MIN_ESCALATION_INTERVAL_MS } from './escalation/escalation.sweep';

const issuerCode = z
  .string()
  .trim()
  .refine((v) => v === '' || ISSUER_CODE.test(v), 'must be the 14-character 发布单位代码 of GB/T 35965.1-2018 A.1.2 (ZZZZZZDDDUUUXX, e.g. 50011941600000)')
  .optional();

/** The warnings module's settings (environment variables), checked with the gateway's at start. */
export const warningsSettings = defineSettings({
  /** The town's 发布单位代码 that warning identifiers and CAP senders carry. */
  WARNING_ISSUER_CODE: issuerCode,
  /** Deprecated alias of WARNING_ISSUER_CODE. */
  CAP_SENDER_CODE: issuerCode,
  /** How often unacknowledged deliveries past their deadline are escalated (ms). */
  WARNING_ESCALATION_INTERVAL_MS: integerSetting(MIN_ESCALATION_INTERVAL_MS, 86_400_000).default(DEFAULT_ESCALATION_INTERVAL_MS),
});
