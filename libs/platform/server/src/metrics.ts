import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/** Prometheus metrics of one gateway process (its own registry, so tests can run several). */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly statements = new Counter({ name: 'db_statements_total', help: 'SQL statements sent to PostgreSQL.', registers: [this.registry] });

  readonly rateLimited = new Counter({ name: 'rate_limited_total', help: 'Requests refused with 429 by the per-client rate limit.', registers: [this.registry] });

  readonly poolErrors = new Counter({ name: 'db_pool_errors_total', help: 'Errors raised by idle pooled connections.', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Pool gauges read on scrape from the pg pool under the DataSource. */
  watchPool(dataSource: DataSource): void {
    const pool = () => (dataSource.driver as unknown as { master?: { totalCount: number; idleCount: number; waitingCount: number } }).master;
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
