import { z } from 'zod';
import { defineSettings, integerSetting } from '@platform/core';

/** `WEBHOOK_INTERNAL_HOSTS`: host names or IP addresses, comma-separated. */
const HOST_LIST = /^\s*([A-Za-z0-9.:[\]-]+\s*(,\s*[A-Za-z0-9.:[\]-]+\s*)*)?$/;

/** The webhooks module's settings (environment variables), checked with the gateway's at start. */
export const webhooksSettings = defineSettings({
  /** How long one attempt may take, connecting and reading the answer (ms). */
  WEBHOOK_TIMEOUT_MS: integerSetting(100, 60_000).default(10_000),
  /** Attempts of a delivery before it is DEAD (a redelivery gets as many again). */
  WEBHOOK_MAX_ATTEMPTS: integerSetting(1, 25).default(10),
  /** The backoff's base (s): the n-th retry waits between base × 2^(n-1) and base × 2^n (pg-boss's exponential backoff with jitter). */
  WEBHOOK_RETRY_DELAY_S: integerSetting(1, 3600).default(15),
  /** Deliveries one gateway makes at the same time. */
  WEBHOOK_CONCURRENCY: integerSetting(1, 50).default(4),
  /** How often a gateway looks for events and deliveries that other replicas queued (ms); its own go out at once. */
  WEBHOOK_POLL_INTERVAL_MS: integerSetting(500, 60_000).default(2000),
  /** How often pg-boss's maintenance runs (s): it puts back the deliveries of a gateway that died during an attempt, once they expire. */
  WEBHOOK_MAINTENANCE_INTERVAL_S: integerSetting(1, 3600).default(60),
  /** Days deliveries and their attempts are kept (delivered and dead ones). */
  WEBHOOK_LOG_RETENTION_DAYS: integerSetting(1, 3650).default(30),
  /** Hosts a subscription may reach over plain http:// and on private, loopback or link-local addresses (e.g. an internal receiver); none by default. */
  WEBHOOK_INTERNAL_HOSTS: z.string().regex(HOST_LIST, 'must be a comma-separated list of host names or IP addresses').default(''),
});

export type WebhooksSettings = ReturnType<typeof webhooksSettings.read>;

/** The hosts of WEBHOOK_INTERNAL_HOSTS, lower-case, IPv6 without brackets. */
export function internalHosts(settings: WebhooksSettings): ReadonlySet<string> {
  return new Set(
    settings.WEBHOOK_INTERNAL_HOSTS.split(',')
      .map((h) => h.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1'))
      .filter(Boolean),
  );
}
