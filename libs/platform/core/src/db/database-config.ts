/** Connection settings shared by server mode and embedded mode. */
export interface DatabaseConfig {
  /** postgres://user:pass@host:port/db */
  readonly url: string;
  readonly poolSize: number;
  readonly connectionTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly idleInTransactionTimeoutMs: number;
  /** Client-side limit on one statement (0: none): a frozen or unreachable server fails the request instead of holding it. */
  readonly queryTimeoutMs?: number;
  readonly applicationName?: string;
}

export const DEFAULT_DATABASE_SETTINGS = {
  poolSize: 10,
  connectionTimeoutMs: 5000,
  statementTimeoutMs: 15000,
  idleInTransactionTimeoutMs: 30000,
} as const;
