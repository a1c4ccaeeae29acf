import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule, type GraphQLSchema } from 'graphql';
import bytes from 'bytes';
import proxyaddr from 'proxy-addr';
import type { Logger } from 'pino';
import {
  FileAttachmentStore,
  InProcessEventBus,
  PeriodicJobs,
  RequestContext,
  flushSensitiveReads,
  formatError,
  isClientError,
  pendingMigrations,
  statementTally,
  UnavailableError,
  isUnavailable,
  type Authenticator,
  type Principal,
  type DomainModule,
  type EventBus,
  SYSTEM_CLOCK,
  type Clock,
  type ModuleHttpRoute,
  type StartedModule,
} from '@platform/core';
import type { GatewayConfig } from './config';
import { openDatabase, runSeeds, type Database } from './database';
import { GatewayMetrics } from './metrics';
import { metricsEndpoint } from './metrics-http';
import { RequestGuard } from './request-guard';
import { buildGatewaySchema } from './schema';
import { mountExplorer } from './explorer';
import { createLogger } from './logger';
import { RateLimiters, RequestLimit, rateLimitMiddleware } from './rate-limit';
import { OperationCache } from './operations';
import { graphqlFastPath } from './graphql-http';
import { moduleRoutes } from './module-routes';
import { applyPermissions } from './permissions';
import { JitExecutor } from './jit-executor';
import { startSubscriptions } from './subscriptions';
import { attachmentRoutes } from './attachments-http';
import { startAttachmentSweep } from './attachment-sweep';
import { selectModules } from './modules';
import { RedisEventBus } from './redis-event-bus';
import { CredentialCheck, sendRefusal } from './credentials';
import { RequestDrain } from './drain';

export interface Gateway {
  readonly url: string;
  readonly config: GatewayConfig;
  readonly modules: readonly DomainModule[];
  readonly schema: GraphQLSchema;
  readonly database: Database;
  readonly log: Logger;
  readonly metrics: GatewayMetrics;
  readonly events: EventBus;
  /** Services the started modules provide, by name. */
  readonly services: ReadonlyMap<string, unknown>;
  /** The periodic jobs (sweeps) modules and the gateway scheduled, by name: tests run one now with `jobs.get(name)!.runNow()`, or stop them all (`jobs.stop()`) before counting the gateway's statements. */
  readonly jobs: Pick<PeriodicJobs, 'get' | 'stop'>;
  /** Stops accepting, drains in-flight requests, closes the pool and the embedded database. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** What the gateway attaches to a request before Apollo or the fast path sees it. */
type GatewayRequest = Request & { requestId: string; principal: Principal; rateLimitChecked?: boolean; clientIp?: string | null };

const STARTED = Symbol('request timer');
/** A request's context with its duration timer (metrics). */
type TimedContext = RequestContext & { [STARTED]?: (labels: { operation: string }) => number };

/**
 * Builds and starts the gateway: database (embedded or server), migrations and seed when
 * configured, one schema from the enabled modules, Apollo Server on express with limits, health,
 * readiness, metrics and the explorer.
 */
export async function startGateway(config: GatewayConfig, available: readonly DomainModule[], log = createLogger(config.logLevel), options: { clock?: Clock } = {}): Promise<Gateway> {
  const opened = new OpenedResources(log);
  try {
    return await openGateway(opened, config, available, log, options);
  } catch (error) {
    // A start that fails half way (a module's start, a port in use) leaves no pool, listener, Redis
    // connection or timer behind: the process can exit, and a test database can be dropped.
    await opened.closeAll();
    throw error;
  }
}

/**
 * What a start has opened so far, closed in reverse order when the start fails (once started, the
 * gateway's `close` takes over, draining requests first).
 */
class OpenedResources {
  private readonly closers: Array<{ readonly name: string; readonly close: () => unknown }> = [];
  constructor(private readonly log: Logger) {}

  add(name: string, close: () => unknown): void {
    this.closers.push({ name, close });
  }

  async closeAll(): Promise<void> {
    for (const { name, close } of this.closers.splice(0).reverse()) {
      try {
        await close();
      } catch (err) {
        this.log.error({ err, resource: name }, 'could not close after a failed start');
      }
    }
  }
}

async function openGateway(opened: OpenedResources, config: GatewayConfig, available: readonly DomainModule[], log: Logger, options: { clock?: Clock }): Promise<Gateway> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const modules = selectModules(available, config.modules);
  const schema = await buildGatewaySchema(modules);
  const metrics = new GatewayMetrics(config.metrics.maxOperations);
  const database = await openDatabase(config, modules, log, { onStatement: () => metrics.statements.inc(), onPoolError: () => metrics.poolErrors.inc() });
  opened.add('database', () => database.close());
  const { dataSource } = database;
  metrics.watchPool(dataSource);
  if (config.seedOnStart) await runSeeds(dataSource, modules, log, { demoAccounts: config.demoAccounts });
  // With REDIS_URL domain events reach every gateway process (Redis pub/sub), else they stay in this one.
  const redisEvents = config.redisUrl ? new RedisEventBus(config.redisUrl, log, { channel: config.eventsChannel }) : null;
  if (redisEvents) opened.add('redis events', () => redisEvents.close());
  if (redisEvents && !(await redisEvents.ready())) log.warn({ channel: config.eventsChannel }, 'events: Redis not reachable yet; events stay in this process until it is');
  const events: EventBus = redisEvents ?? new InProcessEventBus();
  const limiters = new RateLimiters(config.redisUrl, log);
  opened.add('rate limiters', () => limiters.close());
  const jobs = new PeriodicJobs({ dataSource, events, log, clock });
  opened.add('periodic jobs', () => jobs.stop());
  const started = await startModules(modules, {
    dataSource,
    log,
    settings: config.settings,
    dataDir: config.dataDir,
    embedded: !config.databaseUrl,
    modules,
    events,
    limiter: (limiterOptions) => limiters.create(limiterOptions),
    clock,
    every: jobs.every,
  });
  opened.add('modules', () => started.stop());

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const requestLimit = new RequestLimit(limiters, config.rateLimit, () => metrics.rateLimited.inc());
  const rateLimit = rateLimitMiddleware(requestLimit);
  const trust = app.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  /** The caller's address as express computes `req.ip` (TRUST_PROXY), worked out once per request. */
  const clientIp = (req: IncomingMessage): string | null => {
    const r = req as GatewayRequest;
    if (r.clientIp === undefined) r.clientIp = req.socket.remoteAddress ? proxyaddr(req, trust) : null;
    return r.clientIp;
  };
  let fastPath: (req: IncomingMessage, res: ServerResponse) => void = app;
  const drain = new RequestDrain();
  const httpServer = http.createServer((req, res) => {
    // Shutting down: refuse new requests (also on kept-alive connections) rather than start work the closing pool cannot finish.
    if (drain.admit(res)) fastPath(req, res);
    else sendRefusal(res, new UnavailableError('The gateway is shutting down: retry on another replica.', 1));
  });
  const credentials = new CredentialCheck(
    started.authenticator,
    config.authFailures.points > 0 ? limiters.create({ name: 'auth-failures', points: config.authFailures.points, windowSeconds: config.authFailures.windowSeconds }) : null,
  );

  /** Request id from a well-formed `x-request-id` or a new one, echoed back; once per request. */
  const identify = (req: IncomingMessage, res: ServerResponse): void => {
    const r = req as GatewayRequest;
    if (r.requestId) return;
    const header = req.headers['x-request-id'];
    r.requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', r.requestId);
  };
  /** The caller's principal on the request; false when the refusal (401, 429, 503) has been sent. Once per request. */
  const authenticate = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const r = req as GatewayRequest;
    if (r.principal) return true;
    try {
      r.principal = await credentials.principal({ headers: req.headers, ip: clientIp(req) });
      return true;
    } catch (error) {
      if (!sendRefusal(res, error)) throw error;
      return false;
    }
  };
  const startTimer = () => metrics.duration.startTimer();
  // The per-request SQL tally (async-local storage, which costs on every promise) only when something
  // reads it: the x-sql-statements header or the info-level request log line.
  const countStatements = config.sqlCountHeader || log.isLevelEnabled('info');
  const contextFor = (req: GatewayRequest): RequestContext => {
    const ctx = new RequestContext({ requestId: req.requestId, principal: req.principal, ip: clientIp(req), dataSource, events, services: started.services, log: log.child({ requestId: req.requestId }), clock });
    (ctx as TimedContext)[STARTED] = startTimer();
    return ctx;
  };
  /** After every GraphQL request on either path: audit sensitive reads, metrics, SQL count header, the log line. */
  const finish = async (ctx: RequestContext | undefined, operationName: string | null | undefined, failed: boolean, end: ((labels: { operation: string }) => number) | undefined, setHeader: (name: string, value: string) => void): Promise<void> => {
    if (ctx?.sensitiveReads.length) await flushSensitiveReads(ctx).catch((err: unknown) => ctx.log.error({ err }, 'could not audit sensitive reads'));
    const operation = operationName ?? 'anonymous';
    const label = metrics.operationLabel(operationName);
    const seconds = end?.({ operation: label }) ?? 0;
    metrics.requests.inc({ operation: label, outcome: failed ? 'error' : 'ok' });
    const tally = statementTally.getStore();
    if (config.sqlCountHeader && tally) setHeader('x-sql-statements', String(tally.count));
    (ctx?.log ?? log).info({ operation, ms: Math.round(seconds * 1000), sql: tally?.count, failed }, 'graphql request');
  };
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: config.limits.maxAliases },
    // Tokens: graphql-js's own limit (Apollo's parseOptions, 400); armor's throws in a plugin hook (500).
    maxTokens: { enabled: false },
    maxDirectives: { n: config.limits.maxDirectives },
    // Cost (with variables) and suggestion masking (every kind): RequestGuard, on both routes.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();

  applyPermissions(schema);
  const operations = new OperationCache(schema, [...armor.validationRules, ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule])], config.limits.maxTokens);
  const guard = new RequestGuard(schema, { maxCost: config.limits.maxCost, hideSuggestions: !config.introspection });
  const subscriptions = startSubscriptions({ httpServer, schema, authenticator: started.authenticator, credentials, dataSource, events, services: started.services, log, limit: requestLimit, operations, guard, clock });
  opened.add('subscriptions', () => subscriptions.close());
  const apollo = new ApolloServer<RequestContext>({
    gateway: new JitExecutor(schema, operations),
    introspection: config.introspection,
    csrfPrevention: true,
    // main.ts owns signal handling: drain, close the pool, then stop the embedded database.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError,
    plugins: [
      ...armor.plugins,
      guard.apolloPlugin(),
      // Drain: stop accepting, let in-flight requests finish, cut the rest after the grace period.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart({ contextValue }) {
          // The timer contextFor started with the request (or a new one when Apollo answers before making a context).
          const end = (contextValue as TimedContext | undefined)?.[STARTED] ?? startTimer();
          return {
            async didEncounterErrors({ errors }) {
              // Internal errors reach the client masked; their detail goes to the log with the request id.
              for (const err of errors) if (!isClientError(err)) (contextValue?.log ?? log).error({ err: err.originalError ?? err, path: err.path }, 'internal error');
            },
            async willSendResponse({ response, errors, operationName }) {
              const failed = Boolean(errors?.length || (response.body.kind === 'single' && response.body.singleResult.errors?.length));
              await finish(contextValue, operationName, failed, end, (name, value) => response.http.headers.set(name, value));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  opened.add('apollo', () => apollo.stop());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  /** Set when shutdown begins: the load balancer is told first (503 on /readyz), requests are still served. */
  let leaving = false;
  app.get('/readyz', async (_req, res) => {
    if (leaving) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    try {
      await dataSource.query('SELECT 1');
      const pending = await pendingMigrations(dataSource);
      if (pending.length) res.status(503).json({ status: 'migrations pending', pending });
      else res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  app.get('/metrics', metricsEndpoint(metrics, config.metrics));
  mountExplorer(app, '/graphql');

  const routePaths = started.httpRoutes.map((r) => r.path);
  app.use(['/graphql', '/attachments', ...routePaths], (req: Request, res: Response, next: NextFunction) => {
    identify(req, res);
    // Credentials are checked before anything else: bad ones get 401, never anonymous access.
    authenticate(req, res).then((ok) => {
      // The tally counts the operation's statements; loading the principal (cached, one statement on a miss) is not among them.
      if (ok) return countStatements ? statementTally.run({ count: 0 }, next) : next();
    }, next);
  });
  app.use(
    '/graphql',
    rateLimit,
    express.json({ limit: config.limits.bodyLimit }),
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req as GatewayRequest) }),
  );
  const attachmentStore = new FileAttachmentStore(path.resolve(config.attachments.dir));
  app.use(
    '/attachments',
    rateLimit,
    attachmentRoutes({ store: attachmentStore, maxBytes: config.attachments.maxBytes, quotaBytes: config.attachments.quotaBytes, dataSource, log }),
  );
  if (started.httpRoutes.length) app.use(rateLimit, moduleRoutes(started.httpRoutes, (req) => contextFor(req as GatewayRequest)));
  // Body-parser failures (too large, malformed JSON) as GraphQL-shaped errors, never a stack page.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (isUnavailable(err) && sendRefusal(res, err)) return;
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'unhandled HTTP error');
    const message = status === 413 ? `Request body is larger than ${config.limits.bodyLimit}.` : status === 500 ? 'Internal server error.' : 'Malformed request body.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  fastPath = graphqlFastPath({
    operations,
    guard,
    countStatements,
    bodyLimit: { bytes: bytes.parse(config.limits.bodyLimit)!, text: config.limits.bodyLimit },
    log,
    hooks: {
      admit: async (req, res) => {
        const r = req as GatewayRequest;
        identify(r, res);
        if (!(await authenticate(r, res))) return null;
        r.rateLimitChecked = true;
        if (!(await requestLimit.admit(r.principal, clientIp(r), res))) return null;
        return contextFor(r);
      },
      finish: (ctx, operationName, failed, res) => finish(ctx, operationName, failed, (ctx as TimedContext)[STARTED], (name, value) => res.setHeader(name, value)),
      fallback: app,
    },
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  opened.add('http server', () => new Promise((resolve) => httpServer.close(resolve)));
  const { port } = httpServer.address() as AddressInfo;
  startAttachmentSweep(jobs.every, { store: attachmentStore, unclaimedHours: config.attachments.unclaimedHours });
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // Behind a load balancer: readiness fails first and requests are still answered for
      // READINESS_DRAIN_MS, so the balancer stops sending before the listener stops taking them.
      leaving = true;
      if (config.readinessDrainMs > 0) {
        log.info({ ms: config.readinessDrainMs }, 'shutting down: not ready, still serving');
        await new Promise((resolve) => setTimeout(resolve, config.readinessDrainMs));
      }
      // New requests get 503 from here on; the database closes only after those under way have finished.
      await drain.close(httpServer, config.shutdownTimeoutMs);
      await subscriptions.close();
      await apollo.stop();
      // Sweeps: a run under way ends before the pool closes; no new one starts.
      await jobs.stop();
      await limiters.close();
      await started.stop();
      await redisEvents?.close();
      await database.close();
      log.info('gateway stopped');
    })());

  log.info({ url, modules: modules.map((m) => m.name), embedded: !config.databaseUrl }, 'gateway ready');
  return { url, config, modules, schema, database, log, metrics, events, services: started.services, jobs, close };
}

/** Starts the modules that have a `start` hook; at most one may provide the authenticator. */
export async function startModules(modules: readonly DomainModule[], runtime: Parameters<NonNullable<DomainModule['start']>>[0]) {
  const services = new Map<string, unknown>();
  const httpRoutes: ModuleHttpRoute[] = [];
  const stops: StartedModule[] = [];
  let authenticator: Authenticator | undefined;
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s.stop?.();
  };
  try {
    for (const m of modules) {
      if (!m.start) continue;
      const s = await m.start(runtime);
      stops.push(s);
      for (const [name, service] of Object.entries(s.services ?? {})) services.set(name, service);
      httpRoutes.push(...(s.httpRoutes ?? []));
      if (s.authenticator) {
        if (authenticator) throw new Error(`Two modules provide an authenticator; "${m.name}" is the second.`);
        authenticator = s.authenticator;
      }
    }
  } catch (error) {
    // The modules started before the one that failed stop again (their listeners, sweeps, connections).
    await stop().catch((err: unknown) => runtime.log.error({ err }, 'could not stop the modules started before a failed one'));
    throw error;
  }
  return { authenticator, services, httpRoutes, stop };
}
