import { z } from 'zod';
import { integerSetting } from '@platform/core';

/**
 * The QR codes part's settings (environment variables), merged into the module's: how often a code
 * may be resolved per address and per code within a window, and the link its image carries.
 */
export const qrCodeSettingsShape = {
  /** Resolutions (scans and image renderings) one address may make per window (RATE_LIMITED beyond). */
  SCENARIOS_QR_RESOLVES_PER_ADDRESS: integerSetting(1, 100000).default(30),
  /** Resolutions one code may have per window, from all addresses together (a code posted online and hammered). */
  SCENARIOS_QR_RESOLVES_PER_CODE: integerSetting(1, 100000).default(120),
  /** The window of both limits, in seconds. */
  SCENARIOS_QR_RATE_WINDOW_SECONDS: integerSetting(1, 86400).default(60),
  /** The link a code's image carries, the code appended (e.g. https://aq.nanping.gov.cn/m/qr/); unset: `<origin>/qr/` of the request rendering it. */
  SCENARIOS_QR_LINK_BASE: z.url().optional(),
} satisfies z.ZodRawShape;
