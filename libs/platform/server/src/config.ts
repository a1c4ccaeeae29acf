import { z } from 'zod';
import { originProblem, splitOrigins } from './cors';
import { presentSettings, type DomainModule } from '@platform/core';
import type { RateLimitBudgets } from './rate-limit';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** `RATE_LIMIT_BUDGETS`: `anonymous=300,role:district-system=6000,api-client:<uuid>=10000`. */
const BUDGET = String.raw`\s*(default|anonymous|user|api-client|api-client:[0-9a-fA-F-]{36}|role:[\w.-]{1,100})\s*=\s*\d{1,7}\s*`;
const BUDGETS = new RegExp(`^(${BUDGET}(,${BUDGET})*)?$`);

/** Parses `RATE_LIMIT_BUDGETS` (already checked against BUDGETS). */
function budgets(text: string, fallback: number, windowSeconds: number): RateLimitBudgets {
  const byClient = new Map<string, number>();
  const byRole = new Map<string, number>();
  const byKind = new Map<string, number>();
  let defaultBudget = fallback;
  for (const entry of text.split(',').filter((e) => e.trim())) {
    const [who, n] = entry.split('=').map((p) => p.trim()) as [string, string];
    const points = Number(n);
    if (who === 'default') defaultBudget = points;
    else if (who.startsWith('api-client:')) byClient.set(who.slice('api-client:'.length).toLowerCase(), points);
    else if (who.startsWith('role:')) byRole.set(who.slice('role:'.length), points);
    else byKind.set(who, points);
  }
  return { default: defaultBudget, windowSeconds, byClient, byRole, byKind };
}

/** Every setting the gateway reads from the environment, with defaults. Listed in `.env.example`. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: int(0, 65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  MODULES: z.string().default('all'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: int(1, 200).default(10),
  DB_CONNECTION_TIMEOUT_MS: int(100, 120_000).default(5000),
  DB_STATEMENT_TIMEOUT_MS: int(0, 3_600_000).default(15_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: int(0, 3_600_000).default(30_000),
  MIGRATE_ON_START: bool.optional(),
  SEED_ON_START: bool.optional(),
  DEMO_ACCOUNTS: bool.optional(),
  INTROSPECTION: bool.default(true),
  MAX_DEPTH: int(2, 100).default(10),
  MAX_ALIASES: int(0, 1000).default(15),
  MAX_TOKENS: int(100, 100_000).default(2000),
  MAX_DIRECTIVES: int(0, 1000).default(20),
  MAX_COST: int(100, 1_000_000_000).default(3_000_000),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
    .default('100kb'),
  SQL_COUNT_HEADER: bool.optional(),
  READ_COMPILER: bool.default(true),
  READ_COMPILER_HEADER: bool.default(false),
  READ_COMPILER_PARITY: bool.default(false),
  SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),
  READINESS_DRAIN_MS: int(0, 600_000).default(0),
  SUBSCRIPTION_RECHECK_S: int(1, 86_400).default(60),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\w.:/, -]+)$/, 'must be true, false, a hop count or a list of proxy addresses')
    .default('false'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  EVENTS_CHANNEL: z
    .string()
    .regex(/^[\w.:-]{1,200}$/, 'must be 1 to 200 letters, digits, _ . : -')
    .default('town-safety:events'),
  MAX_UPLOAD_BYTES: int(1024, 1_073_741_824).default(10 * 1024 * 1024),
  ATTACHMENT_DIR: z.string().min(1).optional(),
  CONSOLE_DIR: z.string().min(1).default('./dist/console'),
  ATTACHMENT_UNCLAIMED_HOURS: int(1, 24 * 30).default(24),
  ATTACHMENT_QUOTA_BYTES: int(1024, 1_099_511_627_776).default(200 * 1024 * 1024),
  HEAP_GROWING_PERCENT: int(0, 1000).default(150),
  EVENT_OUTBOX_RETENTION_HOURS: int(1, 24 * 366).default(168),
  IDEMPOTENCY_KEY_TTL_S: int(60, 30 * 86_400).default(86_400),
  IDEMPOTENCY_WAIT_S: int(0, 60).default(10),
  RATE_LIMIT_POINTS: int(0, 1_000_000).default(1200),
  RATE_LIMIT_WINDOW_S: int(1, 86_400).default(60),
  RATE_LIMIT_BUDGETS: z
    .string()
    .regex(BUDGETS, 'must be a comma-separated list of WHO=N, WHO being anonymous, user, api-client, api-client:<id>, role:<code> or default')
    .default(''),
  AUTH_FAILURE_POINTS: int(0, 1_000_000).default(30),
  AUTH_FAILURE_WINDOW_S: int(1, 86_400).default(300),
  DB_QUERY_TIMEOUT_MS: int(0, 3_600_000).default(20_000),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  METRICS_PUBLIC: bool.default(false),
  METRICS_MAX_OPERATIONS: int(0, 10_000).default(200),
  METRICS_PORT: int(0, 65535).optional(),
  // Traces (OpenTelemetry): read by telemetry.ts before the gateway loads (telemetry-first.ts), checked here with the rest.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_TRACES_SAMPLER: z.enum(['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio']).optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  CORS_ORIGINS: z.string().default('').transform((v, ctx) => {
    const origins = splitOrigins(v);
    for (const problem of origins.map(originProblem)) if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return origins;
  }),
});

export type GatewayEnv = z.infer<typeof schema>;

/** Every variable the gateway and the given modules read (`.env.example` lists each one). */
export function configVariables(modules: readonly DomainModule[] = []): string[] {
  return Object.keys(fullSchema(modules).shape);
}

/** The gateway's schema with every module's settings (`DomainModule.settings`); a variable two parties claim is a programming error. */
function fullSchema(modules: readonly DomainModule[]) {
  const shape: Record<string, z.ZodType> = { ...schema.shape };
  const owner = new Map<string, string>(Object.keys(shape).map((k) => [k, 'the gateway']));
  for (const m of modules) {
    for (const [name, type] of Object.entries(m.settings?.shape ?? {})) {
      if (owner.has(name) && owner.get(name) !== m.name) throw new Error(`Setting ${name} is declared by both ${owner.get(name)} and module ${m.name}.`);
      owner.set(name, m.name);
      shape[name] = type as z.ZodType;
    }
  }
  return z.object(shape);
}

export interface GatewayConfig {
  readonly env: GatewayEnv['NODE_ENV'];
  readonly host: string;
  readonly port: number;
  readonly publicUrl?: string;
  /** Undefined means embedded PostgreSQL under `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  /** Module names, or 'all'. */
  readonly modules: readonly string[] | 'all';
  readonly logLevel: GatewayEnv['LOG_LEVEL'];
  readonly db: { poolSize: number; connectionTimeoutMs: number; statementTimeoutMs: number; idleInTransactionTimeoutMs: number; queryTimeoutMs: number };
  readonly migrateOnStart: boolean;
  readonly seedOnStart: boolean;
  /** Seed the demo accounts (documented password): embedded mode only unless set. */
  readonly demoAccounts: boolean;
  readonly introspection: boolean;
  readonly limits: { maxDepth: number; maxAliases: number; maxTokens: number; maxDirectives: number; maxCost: number; bodyLimit: string };
  /** Adds `x-sql-statements` to responses (tests, benchmarks), and `x-read-compiled` to queries. */
  readonly sqlCountHeader: boolean;
  /**
   * The read compiler: a query of columns and declared relations becomes one SQL statement writing the
   * response's JSON (`core/src/read-compiler/`). `switchHeader`: a request may turn it off with
   * `x-read-compiler: off` (parity tests compare both paths). `parity`: every compiled query is run
   * through its resolvers too, in the same snapshot, and must give the same bytes (tests only).
   */
  readonly readCompiler: { enabled: boolean; switchHeader: boolean; parity: boolean };
  readonly shutdownTimeoutMs: number;
  /** On shutdown, how long /readyz answers 503 while requests are still served, so a load balancer stops sending before the listener closes. */
  readonly readinessDrainMs: number;
  /** How often a WebSocket connection's credentials are checked between events; expired or revoked ones close it (4403). */
  readonly subscriptionRecheckMs: number;
  /** V8's old-generation growth factor, as percent over 1 (0: V8's own heuristics). */
  readonly heapGrowingPercent: number;
  /** express `trust proxy`: which forwarding proxies to believe for the client address. */
  readonly trustProxy: boolean | number | string;
  readonly redisUrl?: string;
  /** Redis pub/sub channel of domain events between gateway processes (used with `redisUrl`). */
  readonly eventsChannel: string;
  /** Requests per window: `RATE_LIMIT_POINTS` for everyone, unless `RATE_LIMIT_BUDGETS` gives the caller's client, role or kind its own. */
  readonly rateLimit: RateLimitBudgets;
  /** Uploads: where, how large, how long unclaimed ones are kept, and how many bytes of unclaimed uploads one principal may hold. */
  readonly attachments: { dir: string; maxBytes: number; unclaimedHours: number; quotaBytes: number };
  /** The built admin console (管理控制台) served at /console: `npm run build` writes it to ./dist/console. */
  readonly consoleDir: string;
  /** Requests with wrong credentials per client address and window before 429 (0: no limit). */
  readonly authFailures: { points: number; windowSeconds: number };
  /**
   * `/metrics`: a bearer token scrapers must send, or open to everyone, else loopback callers only; at
   * most `maxOperations` operation names as labels. With `port`, served on that port only (every caller
   * there, unless a token is set), not on the API's.
   */
  readonly metrics: { token?: string; public: boolean; maxOperations: number; port?: number };
  /** Browser origins (exact scheme://host[:port]) allowed to read responses cross-origin; none: no CORS headers at all. */
  readonly cors: { origins: readonly string[] };
  /** `Idempotency-Key` of mutations: how long keys and first answers are kept, how long a retry waits for a request still running. */
  readonly idempotency: { ttlSeconds: number; waitMs: number };
  /** How long domain events stay in the outbox (`event_outbox`), in hours. */
  readonly outboxRetentionHours: number;
  /** The environment the config was read from; modules read their own settings (e.g. JWT_SECRET) from it. */
  readonly settings: Readonly<Record<string, string | undefined>>;
}

/**
 * Parses and checks the environment, the gateway's variables and the settings of the given modules
 * (`DomainModule.settings`) in one schema; throws one error listing every bad variable and its rule.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, withSettingsOf: readonly DomainModule[] = []): GatewayConfig {
  const parsed = fullSchema(withSettingsOf).safeParse(presentSettings(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data as GatewayEnv;
  const embedded = !e.DATABASE_URL;
  const modules = e.MODULES.trim() === 'all' ? 'all' : e.MODULES.split(',').map((m) => m.trim()).filter(Boolean);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    modules,
    logLevel: e.LOG_LEVEL,
    db: {
      poolSize: e.DB_POOL_SIZE,
      connectionTimeoutMs: e.DB_CONNECTION_TIMEOUT_MS,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      queryTimeoutMs: e.DB_QUERY_TIMEOUT_MS,
    },
    migrateOnStart: e.MIGRATE_ON_START ?? embedded,
    seedOnStart: e.SEED_ON_START ?? embedded,
    demoAccounts: e.DEMO_ACCOUNTS ?? embedded,
    introspection: e.INTROSPECTION,
    limits: { maxDepth: e.MAX_DEPTH, maxAliases: e.MAX_ALIASES, maxTokens: e.MAX_TOKENS, maxDirectives: e.MAX_DIRECTIVES, maxCost: e.MAX_COST, bodyLimit: e.BODY_LIMIT },
    sqlCountHeader: e.SQL_COUNT_HEADER ?? e.NODE_ENV !== 'production',
    readCompiler: { enabled: e.READ_COMPILER, switchHeader: e.READ_COMPILER_HEADER, parity: e.READ_COMPILER_PARITY },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    readinessDrainMs: e.READINESS_DRAIN_MS,
    subscriptionRecheckMs: e.SUBSCRIPTION_RECHECK_S * 1000,
    heapGrowingPercent: e.HEAP_GROWING_PERCENT,
    trustProxy: e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    eventsChannel: e.EVENTS_CHANNEL,
    rateLimit: budgets(e.RATE_LIMIT_BUDGETS, e.RATE_LIMIT_POINTS, e.RATE_LIMIT_WINDOW_S),
    consoleDir: e.CONSOLE_DIR,
    attachments: { dir: e.ATTACHMENT_DIR ?? `${e.DATA_DIR}/attachments`, maxBytes: e.MAX_UPLOAD_BYTES, unclaimedHours: e.ATTACHMENT_UNCLAIMED_HOURS, quotaBytes: e.ATTACHMENT_QUOTA_BYTES },
    authFailures: { points: e.AUTH_FAILURE_POINTS, windowSeconds: e.AUTH_FAILURE_WINDOW_S },
    metrics: { token: e.METRICS_TOKEN, public: e.METRICS_PUBLIC || e.METRICS_PORT !== undefined, maxOperations: e.METRICS_MAX_OPERATIONS, port: e.METRICS_PORT },
    cors: { origins: e.CORS_ORIGINS },
    idempotency: { ttlSeconds: e.IDEMPOTENCY_KEY_TTL_S, waitMs: e.IDEMPOTENCY_WAIT_S * 1000 },
    outboxRetentionHours: e.EVENT_OUTBOX_RETENTION_HOURS,
    settings: { ...env },
  };
}
