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
import type { Logger } from 'pino';
import {
  FileAttachmentStore,
  ErrorCode,
  InProcessEventBus,
  PeriodicJobs,
  pendingMigrations,
  statementTally,
  UnavailableError,
  ReadCompiler,
  type Authenticator,
  type RequestContext,
  type DomainModule,
  type EventBus,
  SYSTEM_CLOCK,
  type Clock,
  type ModuleHttpRoute,
  type StartedModule,
  type TrustedDocumentStore,
} from '@platform/core';
import type { GatewayConfig } from './config';
import { openDatabase, runSeeds, type Database } from './database';
import { GatewayMetrics } from './metrics';
import { metricsEndpoint } from './metrics-http';
import { sendJson } from './http-json';
import { RequestGuard } from './request-guard';
import { buildGatewaySchema } from './schema';
import { mountConsole } from './console';
import { mountExplorer, wantsExplorer } from './explorer';
import { createLogger } from './logger';
import { RateLimiters, RequestLimit } from './rate-limit';
import { OperationCache } from './operations';
import { fastPathEligible, graphqlFastPath } from './graphql-http';
import { moduleRoutes } from './module-routes';
import { applyPermissions } from './permissions';
import { JitExecutor } from './jit-executor';
import { startSubscriptions } from './subscriptions';
import { attachmentRoutes } from './attachments-http';
import { startAttachmentSweep } from './attachment-sweep';
import { startOutboxPrune } from './outbox-prune';
import { IdempotencyKeys, idempotencyApolloPlugin, startIdempotencySweep } from './idempotency';
import { selectModules } from './modules';
import { RedisEventBus } from './redis-event-bus';
import { CredentialCheck } from './credentials';
import { HttpError, RequestPipeline, type Call, type Transport } from './pipeline';
import { RequestDrain } from './drain';
import { corsHandler } from './cors';
import { activeTelemetry } from './telemetry';
import { TrustedDocumentGate } from './trusted-documents';

/** How long a request holds its Idempotency-Key before a retry may take over a change that never committed. */
const IDEMPOTENCY_LEASE_SECONDS = 120;

export interface Gateway {
  readonly url: string;
  readonly config: GatewayConfig;
  readonly modules: readonly DomainModule[];
  readonly schema: GraphQLSchema;
  readonly database: Database;
  readonly log: Logger;
  readonly metrics: GatewayMetrics;
  /** Where Prometheus scrapes: the API's `/metrics`, or the one on METRICS_PORT. */
  readonly metricsUrl: string;
  readonly events: EventBus;
  /** Services the started modules provide, by name. */
  readonly services: ReadonlyMap<string, unknown>;
  /** The periodic jobs (sweeps) modules and the gateway scheduled, by name: tests run one now with `jobs.get(name)!.runNow()`, wait for the runs under way (`jobs.settled()`) before moving a manual clock, or stop them all (`jobs.stop()`) before counting the gateway's statements. */
  readonly jobs: Pick<PeriodicJobs, 'get' | 'settled' | 'stop'>;
  /** Stops accepting, drains in-flight requests, closes the pool and the embedded database. */
  close(): Promise<void>;
}

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
  if (redisEvents) metrics.watchEventBus(() => redisEvents.stats());
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
  const requestLimit = new RequestLimit(limiters, config.rateLimit, () => metrics.rateLimited.inc());
  const credentials = new CredentialCheck(
    started.authenticator,
    config.authFailures.points > 0 ? limiters.create({ name: 'auth-failures', points: config.authFailures.points, windowSeconds: config.authFailures.windowSeconds }) : null,
  );
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: config.limits.maxAliases },
    // Tokens: graphql-js's own limit (Apollo's parseOptions, 400); armor's throws in a plugin hook (500).
    maxTokens: { enabled: false },
    maxDirectives: { n: config.limits.maxDirectives },
    // Cost (with variables) and suggestion masking (every kind): RequestGuard, on every way in.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();

  applyPermissions(schema);
  const compilation = config.readCompiler.enabled ? { compiler: new ReadCompiler(schema), switchHeader: config.readCompiler.switchHeader, parity: config.readCompiler.parity, compiledHeader: config.sqlCountHeader } : null;
  const operations = new OperationCache(schema, [...armor.validationRules, ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule])], config.limits.maxTokens);
  const guard = new RequestGuard(schema, { maxCost: config.limits.maxCost, hideSuggestions: !config.introspection });
  // Traces: on only when main.ts started them (an OTLP endpoint is configured); null leaves the request path untouched.
  const telemetry = activeTelemetry();
  const pipeline = new RequestPipeline({
    dataSource,
    events,
    services: started.services,
    log,
    clock,
    metrics,
    credentials,
    limit: requestLimit,
    guard,
    trustProxy: config.trustProxy,
    // The per-request SQL tally (async-local storage, which costs on every promise) only when something
    // reads it: the x-sql-statements header or the info-level request log line.
    countStatements: config.sqlCountHeader || log.isLevelEnabled('info'),
    sqlCountHeader: config.sqlCountHeader,
    tracer: telemetry?.tracer ?? null,
  });

  // A claim outlives any mutation (statements time out long before): past it, a holder that never committed is taken over.
  const idempotency = new IdempotencyKeys(dataSource, { ...config.idempotency, leaseSeconds: IDEMPOTENCY_LEASE_SECONDS });
  const documents = new TrustedDocumentGate(started.trustedDocuments);
  const drain = new RequestDrain();
  const cors = corsHandler(config.cors.origins);
  const routePrefixes = started.httpRoutes.map((r) => r.path.split('/:')[0]!);
  /** The way in of an API request by its path; null for health, readiness, metrics and the explorer. */
  const transportOf = (req: IncomingMessage): Transport | null => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (path === '/graphql' || path === '/graphql/') return wantsExplorer(req) ? null : fastPathEligible(req) ? 'http' : 'apollo';
    if (path === '/attachments' || path.startsWith('/attachments/')) return 'attachments';
    return routePrefixes.some((prefix) => path.startsWith(prefix)) ? 'route' : null;
  };
  /** Express (Apollo, attachments, module routes) for an admitted call; its SQL statements are counted when the call counts them. */
  const toExpress = (req: IncomingMessage, res: ServerResponse, call: Call): void => (call.tally ? statementTally.run(call.tally, () => app(req, res)) : app(req, res));
  const fastPath = graphqlFastPath({
    pipeline,
    operations,
    guard,
    documents,
    idempotency,
    bodyLimit: { bytes: bytes.parse(config.limits.bodyLimit)!, text: config.limits.bodyLimit },
    compilation,
    fallback: (req, res) => toExpress(req, res, pipeline.callOf(req)),
  });
  /**
   * The Node HTTP adaptor, the single entry of every request: digest (request id, address) and admit
   * (credentials before anything else: bad ones get 401, never anonymous access; then the rate
   * limit) every API request once, then hand it to the fast path or to express (Apollo, attachments,
   * module routes), which find the admitted call with `pipeline.callOf(req)`.
   */
  const enter = async (req: IncomingMessage, res: ServerResponse, transport: Transport): Promise<void> => {
    const call = pipeline.begin(req, transport, res);
    try {
      await pipeline.admit(call, req.headers, res);
    } catch (error) {
      // The body is not read: close rather than parse it as the next request.
      res.setHeader('Connection', 'close');
      return pipeline.sendError(res, error, call);
    }
    if (transport === 'http') return fastPath(req, res, call);
    // The tally counts the operation's statements; loading the principal (cached, one statement on a miss) is not among them.
    return toExpress(req, res, call);
  };
  const httpServer = http.createServer((req, res) => {
    // First, for every request: CORS headers for listed browser origins; preflights are answered here.
    if (cors?.(req, res)) return;
    // Shutting down: refuse new requests (also on kept-alive connections) rather than start work the closing pool cannot finish.
    const transport = transportOf(req);
    if (!drain.admit(res)) return pipeline.sendError(res, new UnavailableError('The gateway is shutting down: retry on another replica.', 1), pipeline.begin(req, transport ?? 'http', res));
    if (!transport) return app(req, res);
    enter(req, res, transport).catch((error: unknown) => pipeline.sendError(res, error, pipeline.callOf(req)));
  });
  httpServer.on('connection', (socket) => {
    metrics.openSockets.inc();
    socket.once('close', () => metrics.openSockets.dec());
  });

  const subscriptions = startSubscriptions({ httpServer, schema, pipeline, operations, guard, documents, metrics, log, recheckMs: config.subscriptionRecheckMs });
  opened.add('subscriptions', () => subscriptions.close());
  const apollo = new ApolloServer<RequestContext>({
    // Traced, Apollo's executions get their span here (the SQL statements' spans are its children).
    gateway: new JitExecutor(schema, operations, compilation, pipeline.tracing ? (ctx, operation, run) => pipeline.traceExecution(pipeline.callOfContext(ctx as RequestContext), operation, run) : undefined),
    introspection: config.introspection,
    csrfPrevention: true,
    // main.ts owns signal handling: drain, close the pool, then stop the embedded database.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // The pipeline's formatter; the call (request id) comes from the Apollo route's async scope.
    formatError: (formatted, error) => pipeline.formatError(formatted, error, pipeline.apolloScope.getStore()),
    plugins: [
      ...armor.plugins,
      guard.apolloPlugin(),
      idempotencyApolloPlugin(idempotency, pipeline),
      // Drain: stop accepting, let in-flight requests finish, cut the rest after the grace period.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      {
        async requestDidStart({ contextValue }) {
          return {
            async willSendResponse({ response, operationName }) {
              const call = contextValue ? pipeline.callOfContext(contextValue) : undefined;
              if (!call) return;
              call.operation = operationName ?? null;
              await pipeline.complete(contextValue, call, (name, value) => response.http.headers.set(name, value));
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
  // Prometheus on the API's port, or on a port of its own (METRICS_PORT) that the API's clients never reach.
  const scrape = metricsEndpoint(metrics, config.metrics);
  const metricsServer = config.metrics.port === undefined ? null : http.createServer((req, res) => (req.method === 'GET' && req.url?.split('?')[0] === '/metrics' ? void scrape(req, res) : sendJson(res, 404, { errors: [{ message: 'Only GET /metrics is served on this port.', extensions: { code: ErrorCode.NOT_FOUND } }] })));
  if (metricsServer) {
    await new Promise<void>((resolve, reject) => {
      metricsServer.once('error', reject);
      metricsServer.listen(config.metrics.port, config.host, () => resolve());
    });
    opened.add('metrics server', () => new Promise((resolve) => metricsServer.close(resolve)));
  } else {
    app.get('/metrics', scrape);
  }
  mountExplorer(app, '/graphql');
  if (!mountConsole(app, config.consoleDir)) log.info({ consoleDir: config.consoleDir }, 'admin console not built: /console answers 404 (npm run build builds it)');

  const apolloMiddleware = expressMiddleware(apollo, { context: async ({ req }) => pipeline.context(pipeline.callOf(req)) });
  app.use('/graphql', express.json({ limit: config.limits.bodyLimit }), (req: Request, res: Response, next: NextFunction) => {
    const call = pipeline.callOf(req);
    call.transport = 'apollo';
    // Trusted documents: a documentId becomes its text, a locked client's text is checked (refused: the pipeline's answer).
    documents.settleRoute(req, call.principal!).then(
      () => pipeline.apolloScope.run(call, () => apolloMiddleware(req, res, next)),
      (error: unknown) => pipeline.sendError(res, error, call),
    );
  });
  const attachmentStore = new FileAttachmentStore(path.resolve(config.attachments.dir));
  app.use('/attachments', attachmentRoutes({ store: attachmentStore, maxBytes: config.attachments.maxBytes, quotaBytes: config.attachments.quotaBytes, dataSource, log, pipeline }));
  if (started.httpRoutes.length) app.use(moduleRoutes(started.httpRoutes, pipeline, config.limits.bodyLimit));
  // Nothing here: a typed 404 in JSON, not express's HTML page.
  app.use((req: Request, res: Response) => {
    pipeline.sendError(res, new HttpError(404, ErrorCode.NOT_FOUND, `Nothing is served at ${req.method} ${req.path}.`), transportOf(req) ? pipeline.callOf(req) : undefined);
  });
  // Body-parser failures (too large, malformed JSON) and anything unexpected: the pipeline's error answer, never a stack page.
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const call = transportOf(req) ? pipeline.callOf(req) : undefined;
    if (err.status === 413) return pipeline.sendError(res, new HttpError(413, ErrorCode.BAD_REQUEST, `Request body is larger than ${config.limits.bodyLimit}.`), call);
    if (err.status && err.status >= 400 && err.status < 500) return pipeline.sendError(res, new HttpError(err.status, ErrorCode.BAD_REQUEST, 'Malformed request body.'), call);
    pipeline.sendError(res, err, call);
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  opened.add('http server', () => new Promise((resolve) => httpServer.close(resolve)));
  const { port } = httpServer.address() as AddressInfo;
  startAttachmentSweep(jobs.every, { store: attachmentStore, unclaimedHours: config.attachments.unclaimedHours });
  startOutboxPrune(jobs.every, config.outboxRetentionHours);
  startIdempotencySweep(jobs.every, idempotency);
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
      await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
      await database.close();
      // The spans still buffered (the last requests') go out before the process exits; a collector that does not answer holds it 3 s at most.
      await telemetry?.flush().catch((err: unknown) => log.warn({ err }, 'traces: could not export the last spans'));
      log.info('gateway stopped');
    })());

  log.info({ url, modules: modules.map((m) => m.name), embedded: !config.databaseUrl, traces: telemetry !== null }, 'gateway ready');
  const metricsPort = metricsServer ? (metricsServer.address() as AddressInfo).port : port;
  const metricsUrl = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${metricsPort}/metrics`;
  return { url, config, modules, schema, database, log, metrics, metricsUrl, events, services: started.services, jobs, close };
}

/** Starts the modules that have a `start` hook; at most one may provide the authenticator, and one the trusted documents. */
export async function startModules(modules: readonly DomainModule[], runtime: Parameters<NonNullable<DomainModule['start']>>[0]) {
  const services = new Map<string, unknown>();
  const httpRoutes: ModuleHttpRoute[] = [];
  const stops: StartedModule[] = [];
  let authenticator: Authenticator | undefined;
  let trustedDocuments: TrustedDocumentStore | undefined;
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
      if (s.trustedDocuments) {
        if (trustedDocuments) throw new Error(`Two modules provide trusted documents; "${m.name}" is the second.`);
        trustedDocuments = s.trustedDocuments;
      }
    }
  } catch (error) {
    // The modules started before the one that failed stop again (their listeners, sweeps, connections).
    await stop().catch((err: unknown) => runtime.log.error({ err }, 'could not stop the modules started before a failed one'));
    throw error;
  }
  return { authenticator, trustedDocuments, services, httpRoutes, stop };
}
