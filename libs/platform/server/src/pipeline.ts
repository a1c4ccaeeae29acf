import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context as otelContext, propagation, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import proxyaddr from 'proxy-addr';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  ErrorCode,
  PlatformError,
  RequestContext,
  UnavailableError,
  flushSensitiveReads,
  formatError,
  isClientError,
  isUnavailable,
  type Clock,
  type EventBus,
  type Principal,
} from '@platform/core';
import type { CredentialCheck } from './credentials';
import type { GatewayMetrics } from './metrics';
import { rateLimitHeaders, type RateLimitState, type RequestLimit } from './rate-limit';
import type { RequestGuard } from './request-guard';
import { sendJson } from './http-json';
import { SERVER_SPAN_END, type ServerSpanEnd } from './telemetry';

/**
 * The ways a request comes in: `http` the GraphQL fast path, `apollo` Apollo Server's express route
 * (GET, persisted queries, everything the fast path leaves to it), `ws` a subscribe over graphql-ws,
 * `route` a module's GET or POST route, `attachments` uploads and downloads.
 */
export type Transport = 'http' | 'apollo' | 'ws' | 'route' | 'attachments';

/** What an error looks like after formatting, with the HTTP status and headers it asks for. */
export interface FormattedErrors {
  readonly errors: GraphQLFormattedError[];
  readonly status: number;
  readonly headers: ReadonlyMap<string, string>;
}

/**
 * One request from the moment it arrived: its id and address at once, its principal and budget once
 * admitted, what it ran and how it ended. Every way in makes one (`begin`) and the pipeline ends it
 * exactly once: one log line, one metrics sample.
 */
export interface Call {
  readonly requestId: string;
  readonly ip: string | null;
  transport: Transport;
  readonly startedAt: number;
  principal: Principal | null;
  rateLimit: RateLimitState | null;
  /** GraphQL operation name, or the module route's path. */
  operation: string | null;
  /** `extensions.code` of the errors answered, in order. */
  codes: string[];
  /** SQL statements the request ran (set when they are counted). */
  readonly tally: { count: number } | null;
  /** Its place in a trace: set only when tracing is on. */
  trace: CallTrace | null;
  ended: boolean;
}

/** A traced call: what its spans hang under, and what only the execution learns. */
export interface CallTrace {
  /** The parent of its spans: the HTTP server span's context, or for a WebSocket the upgrade request's `traceparent`. */
  readonly context: Context;
  /** For the request log line (lines and traces joined by `traceId`). */
  traceId: string | undefined;
  /** `query`, `mutation` or `subscription`, once executed. */
  operationType: string | null;
}

/** What a span may carry of an operation's name (a GraphQL name, bounded): anything else is left out. */
const SPAN_OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** Codes that mean the server failed (a span with one is an error span); the others are the client's. */
const SERVER_FAILURES: ReadonlySet<string> = new Set([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.UNAVAILABLE]);

/** HTTP status of an error code answered outside a GraphQL result (refusals, module routes, attachments). */
const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UNAVAILABLE]: 503,
};

const CALL = Symbol('call');
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** A `Host` (or `X-Forwarded-Host`) value: a DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** An error answered with its own HTTP status outside GraphQL (module routes, attachments, malformed bodies): a typed error like any other. */
export class HttpError extends PlatformError {
  constructor(status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, code, extra, status);
  }
}

export interface PipelineOptions {
  readonly dataSource: DataSource;
  readonly events: EventBus;
  readonly services: ReadonlyMap<string, unknown>;
  readonly log: Logger;
  readonly clock: Clock;
  readonly metrics: GatewayMetrics;
  readonly credentials: CredentialCheck;
  readonly limit: RequestLimit;
  readonly guard: RequestGuard;
  /** express `trust proxy` semantics: which forwarding proxies to believe for the client address. */
  readonly trustProxy: boolean | number | string;
  /** Count each request's SQL statements (the `x-sql-statements` header or the info-level log line reads them). */
  readonly countStatements: boolean;
  /** Send `x-sql-statements` to clients. */
  readonly sqlCountHeader: boolean;
  /** Tracing on (`startTelemetry` started it): spans are named, annotated and made for executions. Null: no trace work at all. */
  readonly tracer?: Tracer | null;
}

/** express's `trust proxy` setting as proxy-addr's trust function (the same rules express applies). */
function compileTrust(value: boolean | number | string): (address: string, hop: number) => boolean {
  if (value === true) return () => true;
  if (value === false) return () => false;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return proxyaddr.compile(value.split(',').map((v) => v.trim()));
}

/**
 * The one request pipeline every way in goes through (the shape of grafserv's): digest → admit
 * (request id, client address, credentials, rate limit) → context → prepare and execute (the
 * transport's own: the fast path, Apollo, graphql-ws, a route handler) → format errors → finish
 * (sensitive-read audit, metrics, the request log line). The transports (`graphql-http.ts`, the
 * express routes in `gateway.ts`, `subscriptions.ts`, `module-routes.ts`, `attachments-http.ts`) are
 * thin adaptors: none builds a context, reads an address, formats an error or writes a log line of
 * its own.
 */
export class RequestPipeline {
  private readonly trust: (address: string, hop: number) => boolean;
  private readonly calls = new WeakMap<IncomingMessage, Call>();
  /** The call of the Apollo request under way: Apollo's `formatError` hook gets no context, only this. */
  readonly apolloScope = new AsyncLocalStorage<Call>();
  /**
   * The one switch of every trace step on the request path: off (no exporter configured), the
   * pipeline and its adaptors make no OpenTelemetry call, no context and no closure for tracing.
   */
  readonly tracing: boolean;
  private readonly tracer: Tracer | null;

  constructor(private readonly options: PipelineOptions) {
    this.trust = compileTrust(options.trustProxy);
    this.tracer = options.tracer ?? null;
    this.tracing = this.tracer !== null;
  }

  /** The caller's address, as express computes `req.ip` under TRUST_PROXY; for WebSocket upgrades too. */
  clientAddress(req: IncomingMessage): string | null {
    return req.socket.remoteAddress ? proxyaddr(req, this.trust) : null;
  }

  /**
   * The origin the client addressed (`https://safety.example.gov.cn`), as express reads `req.protocol`
   * and `req.host` under TRUST_PROXY: the first `X-Forwarded-Proto` and `X-Forwarded-Host` only when the
   * peer is a trusted proxy, else the connection's scheme and `Host`. A value that is not an http(s)
   * scheme or a host[:port] is ignored. For absolute links in answers (the CAP feed).
   */
  origin(req: IncomingMessage): string {
    const trusted = req.socket.remoteAddress !== undefined && this.trust(req.socket.remoteAddress, 0);
    const forwarded = (name: string): string => {
      const value = req.headers[name];
      return trusted && typeof value === 'string' ? value.split(',')[0]!.trim() : '';
    };
    const proto = forwarded('x-forwarded-proto').toLowerCase();
    const scheme = proto === 'http' || proto === 'https' ? proto : (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const local = req.socket.localAddress ?? 'localhost';
    const host = [forwarded('x-forwarded-host'), req.headers.host ?? ''].find((h) => HOST.test(h)) ?? `${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort}`;
    return `${scheme}://${host}`;
  }

  /**
   * Digest: the request's id (a well-formed `x-request-id`, else a new one) and address. Over HTTP
   * (`res` given) the id is echoed, and the call ends itself when the response closes.
   */
  begin(req: IncomingMessage, transport: Transport, res?: ServerResponse): Call {
    const header = req.headers['x-request-id'];
    const call: Call = {
      requestId: typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID(),
      ip: this.clientAddress(req),
      transport,
      startedAt: performance.now(),
      principal: null,
      rateLimit: null,
      operation: null,
      codes: [],
      tally: this.options.countStatements ? { count: 0 } : null,
      trace: null,
      ended: false,
    };
    if (this.tracing) this.traceCall(req, call, res);
    if (res) {
      res.setHeader('x-request-id', call.requestId);
      this.calls.set(req, call);
      res.once('close', () => this.end(call, res.statusCode));
    }
    return call;
  }

  /**
   * Tracing: the call's parent context (over HTTP the instrumentation's server span, active while the
   * request is dispatched; a WebSocket upgrade has no span, its `traceparent` header is the parent),
   * and over HTTP the naming of the server span when the response has closed.
   */
  private traceCall(req: IncomingMessage, call: Call, res: ServerResponse | undefined): void {
    const parent = res ? otelContext.active() : propagation.extract(ROOT_CONTEXT, req.headers);
    call.trace = { context: parent, traceId: trace.getSpanContext(parent)?.traceId, operationType: null };
    if (res) (req as IncomingMessage & { [SERVER_SPAN_END]?: ServerSpanEnd })[SERVER_SPAN_END] = (span) => this.annotateServerSpan(span, call, req.method ?? 'GET', res.statusCode);
  }

  /**
   * The HTTP server span, as the response closes: named after the route and the operation
   * (`POST /graphql TownOverview`, `GET /cap/warnings/:id`), with the operation's name and type, the
   * request id, the way in, the kind of principal (never who), the error codes answered; an error span
   * when the server failed (5xx, INTERNAL_SERVER_ERROR, UNAVAILABLE). The status code is the
   * instrumentation's own attribute.
   */
  private annotateServerSpan(span: Span, call: Call, method: string, status: number): void {
    const graphql = call.transport === 'http' || call.transport === 'apollo';
    const route = graphql ? '/graphql' : call.transport === 'attachments' ? '/attachments' : call.operation;
    const operation = graphql && call.operation && SPAN_OPERATION_NAME.test(call.operation) ? call.operation : null;
    if (route) {
      span.updateName(operation ? `${method} ${route} ${operation}` : `${method} ${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttributes(this.callAttributes(call, operation));
    if (call.codes.length) span.setAttribute('app.error.codes', call.codes);
    if (status >= 500 || call.codes.some((code) => SERVER_FAILURES.has(code))) span.setStatus({ code: SpanStatusCode.ERROR, message: call.codes[0] ?? `HTTP ${status}` });
  }

  private callAttributes(call: Call, operation: string | null): Attributes {
    const attributes: Attributes = { 'app.request.id': call.requestId, 'app.transport': call.transport };
    if (call.principal) attributes['app.principal.kind'] = call.principal.kind;
    if (operation) attributes['graphql.operation.name'] = operation;
    if (call.trace?.operationType) attributes['graphql.operation.type'] = call.trace.operationType;
    return attributes;
  }

  /**
   * Runs an operation's execution (`run`) in a span of its own, the active one while it runs (the SQL
   * statements' spans are its children): `graphql.execute` under the HTTP server span, or over
   * WebSocket a server span `graphql.subscribe` (setting up the event stream) or `graphql.execute`
   * under the upgrade request's `traceparent`. Only called when `tracing`: adaptors check it first.
   */
  traceExecution<T>(call: Call | undefined, operation: { readonly name: string | null | undefined; readonly type: string }, run: () => T): T {
    const tracer = this.tracer;
    if (!tracer || !call?.trace) return run();
    const traced = call.trace;
    traced.operationType = operation.type;
    const name = operation.name && SPAN_OPERATION_NAME.test(operation.name) ? operation.name : null;
    const ws = call.transport === 'ws';
    const spanName = ws && operation.type === 'subscription' ? 'graphql.subscribe' : 'graphql.execute';
    return tracer.startActiveSpan(spanName, { kind: ws ? SpanKind.SERVER : SpanKind.INTERNAL, attributes: this.callAttributes(call, name) }, traced.context, (span) => {
      traced.traceId ??= span.spanContext().traceId;
      const failed = (error: unknown) => {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
      try {
        const out = run();
        if (out instanceof Promise) {
          return out.then(
            (result: unknown) => {
              span.end();
              return result;
            },
            (error: unknown) => {
              failed(error);
              throw error;
            },
          ) as T;
        }
        span.end();
        return out;
      } catch (error) {
        failed(error);
        throw error;
      }
    });
  }

  /** The call `begin` made for an HTTP request: the express routes read it. */
  callOf(req: IncomingMessage): Call {
    const call = this.calls.get(req);
    if (!call) throw new Error(`${req.method} ${req.url} reached a route without being admitted`);
    return call;
  }

  /**
   * Admit: the caller's principal from its credentials (`authenticate`), then its budget (`limit`).
   * Throws the refusal; `RateLimit-*` headers go on `res`.
   */
  async admit(call: Call, headers: IncomingMessage['headers'], res?: ServerResponse): Promise<Principal> {
    const principal = await this.authenticate(call, headers);
    await this.limit(call, res);
    return principal;
  }

  /** The caller's principal: 401 for wrong credentials, 429 for an address that sent too many wrong ones. */
  async authenticate(call: Call, headers: IncomingMessage['headers']): Promise<Principal> {
    call.principal = await this.options.credentials.principal({ headers, ip: call.ip });
    return call.principal;
  }

  /** Counts the call against its principal's budget: RATE_LIMITED (429) over it; `RateLimit-*` headers on `res`. */
  async limit(call: Call, res?: ServerResponse): Promise<void> {
    const state = await this.options.limit.consume(call.principal!, call.ip);
    call.rateLimit = state;
    if (state && res) for (const [name, value] of rateLimitHeaders(state)) res.setHeader(name, value);
    if (state?.retryAfterSeconds) throw this.options.limit.refusal(state);
  }

  /** The principal of credentials admitted before, as it is now (a long-lived subscription); UNAUTHENTICATED once they expired or were revoked. */
  reauthenticate(headers: IncomingMessage['headers'], call: Call): Promise<Principal> {
    return this.options.credentials.reload({ headers, ip: call.ip });
  }

  /** The request context of an admitted call: one factory for every way in. */
  context(call: Call, options: { reauthenticate?: () => Promise<Principal> } = {}): RequestContext {
    const ctx = new RequestContext({
      requestId: call.requestId,
      principal: call.principal!,
      ip: call.ip,
      dataSource: this.options.dataSource,
      events: this.options.events,
      services: this.options.services,
      log: this.options.log.child(call.trace?.traceId ? { requestId: call.requestId, transport: call.transport, traceId: call.trace.traceId } : { requestId: call.requestId, transport: call.transport }),
      reauthenticate: options.reauthenticate,
      clock: this.options.clock,
    });
    // A property, not a WeakMap entry: Apollo runs each operation on a shallow copy of the context.
    (ctx as RequestContext & { [CALL]?: Call })[CALL] = call;
    return ctx;
  }

  /** The call a context was made for. */
  callOfContext(ctx: RequestContext): Call | undefined {
    return (ctx as RequestContext & { [CALL]?: Call })[CALL];
  }

  /**
   * One error as a client sees it: the platform's `formatError` (typed codes kept, internal errors
   * masked, logged here with the request id), "Did you mean" hidden when introspection is off, and
   * the request id in `extensions`. Codes are recorded on the call for the log line and metrics.
   */
  formatError(formatted: GraphQLFormattedError, error: unknown, call: Call | undefined): GraphQLFormattedError {
    if (!isClientError(error)) {
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      this.options.log.error({ err: original, requestId: call?.requestId, path: (error as GraphQLError | undefined)?.path }, 'internal error');
    }
    const out = formatError({ ...formatted, message: this.options.guard.message(formatted.message) }, error);
    const code = out.extensions?.['code'];
    call?.codes.push(typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR);
    return call ? { ...out, extensions: { ...out.extensions, requestId: call.requestId } } : out;
  }

  /**
   * The errors of a GraphQL result: every error gets a code (INTERNAL_SERVER_ERROR when none), an
   * `extensions.http` status and headers are taken out for the response (as Apollo does), then each
   * is formatted by `formatError`.
   */
  formatErrors(errors: readonly GraphQLError[], call: Call | undefined): FormattedErrors {
    let status = 200;
    const headers = new Map<string, string>();
    const formatted = errors.map((error) => {
      const { http, ...extensions } = { ...error.extensions, code: error.extensions['code'] ?? ErrorCode.INTERNAL_SERVER_ERROR } as Record<string, unknown> & {
        http?: { status?: number; headers?: ReadonlyMap<string, string> };
      };
      if (http?.status) status = http.status;
      for (const [name, value] of http?.headers ?? []) headers.set(name, value);
      return this.formatError({ ...error.toJSON(), extensions }, error, call);
    });
    return { errors: formatted, status, headers };
  }

  /**
   * Answers an HTTP request that failed outside a GraphQL result (admission refused, a module route
   * or an upload refused, a malformed body, a bug) with the platform's error body and status: 401
   * with WWW-Authenticate, 429/503 with Retry-After, internal errors as a masked 500. Nothing is sent
   * when the client has gone or a response is under way.
   */
  sendError(res: ServerResponse, error: unknown, call: Call | undefined): void {
    const refusal = isUnavailable(error) && !(error instanceof PlatformError) ? new UnavailableError('The database is unavailable right now: retry shortly.') : error;
    const { errors, status, headers } = this.formatErrors([refusal instanceof GraphQLError ? refusal : new GraphQLError('internal', { originalError: refusal as Error })], call);
    const code = String(errors[0]!.extensions?.['code']);
    const httpStatus = status !== 200 ? status : (STATUS_OF_CODE[code] ?? 500);
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    for (const [name, value] of headers) res.setHeader(name, value);
    if (httpStatus === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    // A refused body may be partly unread (uploads) and a 503 should move the client to another replica.
    if (httpStatus === 503 || httpStatus === 413 || httpStatus === 415 || (httpStatus >= 400 && res.req?.complete === false)) res.setHeader('Connection', 'close');
    sendJson(res, httpStatus, { errors });
  }

  /**
   * Before the answer is sent: writes the audit of sensitive fields the request returned unmasked and
   * sets `x-sql-statements` when enabled. (Metrics and the log line follow when the call ends.)
   */
  async complete(ctx: RequestContext | undefined, call: Call, setHeader?: (name: string, value: string) => void): Promise<void> {
    if (ctx?.sensitiveReads.length) await flushSensitiveReads(ctx).catch((err: unknown) => ctx.log.error({ err }, 'could not audit sensitive reads'));
    if (this.options.sqlCountHeader && call.tally && setHeader) setHeader('x-sql-statements', String(call.tally.count));
  }

  /** Finish: once per call, the metrics sample and the request log line. HTTP calls end by themselves when the response closes. */
  end(call: Call, status: number): void {
    if (call.ended) return;
    call.ended = true;
    const { metrics, log } = this.options;
    const seconds = (performance.now() - call.startedAt) / 1000;
    const operation = call.transport === 'route' ? (call.operation ?? 'route') : metrics.operationLabel(call.operation);
    metrics.duration.observe({ transport: call.transport, operation }, seconds);
    const failed = call.codes.length > 0 || status >= 400;
    metrics.requests.inc({ transport: call.transport, operation, outcome: failed ? 'error' : 'ok', status: String(status), code: metrics.codeLabel(call.codes[0]) });
    if (!log.isLevelEnabled('info')) return;
    const principal = call.principal ? `${call.principal.kind}${call.principal.id ? `:${call.principal.id}` : ''}` : null;
    log.info(
      {
        requestId: call.requestId,
        transport: call.transport,
        operation: call.operation ?? undefined,
        status,
        ms: Math.round(seconds * 1000),
        sql: call.tally?.count,
        principal,
        ip: call.ip,
        codes: call.codes.length ? call.codes : undefined,
        traceId: call.trace?.traceId,
      },
      'request',
    );
  }
}
