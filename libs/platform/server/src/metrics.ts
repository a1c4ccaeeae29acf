import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ErrorCode, poolOf } from '@platform/core';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** Operation names that may become a label value: a GraphQL name of at most 64 characters. */
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Prometheus metrics of one gateway process (its own registry, so tests can run several). */
export class GatewayMetrics {
  readonly registry = new Registry();

  /** Operation names given a label of their own so far (clients choose names: the set must stay bounded). */
  private readonly operationNames = new Set<string>();

  readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'Requests by way in (http: the GraphQL fast path, apollo, ws: a subscribe, route: a module route, attachments), operation name (GraphQL) or route, outcome (ok, error), HTTP status and first error code (none when it had no error).',
    labelNames: ['transport', 'operation', 'outcome', 'status', 'code'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Request latency by way in and operation name (or route).',
    labelNames: ['transport', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly statements = new Counter({ name: 'db_statements_total', help: 'SQL statements sent to PostgreSQL.', registers: [this.registry] });

  readonly rateLimited = new Counter({ name: 'rate_limited_total', help: 'Requests refused with 429 by the per-client rate limit.', registers: [this.registry] });

  readonly poolErrors = new Counter({ name: 'db_pool_errors_total', help: 'Errors raised by idle pooled connections.', registers: [this.registry] });

  readonly openSockets = new Gauge({ name: 'http_open_sockets', help: 'TCP connections open on the HTTP listener (HTTP keep-alive and WebSocket alike).', registers: [this.registry] });

  readonly subscriptions = new Gauge({ name: 'graphql_active_subscriptions', help: 'GraphQL subscriptions currently delivering events over WebSocket.', registers: [this.registry] });

  /** Series of the Redis event bus, read on scrape (only with REDIS_URL, so a gateway without Redis shows none). */
  watchEventBus(stats: () => { connected: boolean; queued: number; published: number; received: number }): void {
    const registers = [this.registry];
    new Gauge({
      name: 'event_bus_connected',
      help: '1 when both Redis connections of the event bus are ready, 0 when not (events then reach only this process until Redis is back).',
      registers,
      collect() {
        this.set(stats().connected ? 1 : 0);
      },
    });
    new Gauge({
      name: 'event_bus_queued_events',
      help: 'Domain events waiting to be published to Redis (the bounded outbox; the oldest are dropped when full).',
      registers,
      collect() {
        this.set(stats().queued);
      },
    });
    new Counter({
      name: 'event_bus_messages_total',
      help: 'Domain events this process published to Redis (out) and heard from other processes (in).',
      labelNames: ['direction'] as const,
      registers,
      collect() {
        const s = stats();
        this.reset();
        this.inc({ direction: 'out' }, s.published);
        this.inc({ direction: 'in' }, s.received);
      },
    });
  }

  /** The `code` label: a code of the documented set (ErrorCode), else `other`, `none` without errors. */
  codeLabel(code: unknown): string {
    if (code === undefined || code === null) return 'none';
    return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
  }

  /** @param maxOperations distinct operation names labelled per process; later ones count as `other`. */
  constructor(private readonly maxOperations = 200) {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * The `operation` label for a request: its name if it is one of the first `maxOperations` well-formed
   * names this process has seen, `anonymous` without a name, else `other`. Every name would otherwise
   * add series that are never freed (memory and scrape size grow with what clients send).
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= this.maxOperations || !LABEL_NAME.test(name)) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Pool gauges read on scrape from the pg pool under the DataSource (zeros once it is closed). */
  watchPool(dataSource: DataSource): void {
    const pool = () => (dataSource.isInitialized ? poolOf(dataSource) : undefined);
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the database pool by state (total, idle, waiting clients).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
      },
    });
  }
}
