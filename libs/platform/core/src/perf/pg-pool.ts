import type { ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { InternalsChangedError, installedVersion } from './internals-check';

/**
 * What the platform uses of the pg `Pool` that TypeORM's postgres driver opens on `initialize()` and
 * keeps as `driver.master` (typed `any` by TypeORM): named prepared statements for the row readers,
 * the connection settings for the access listener, and the counts for the pool gauges.
 */
export interface PgPool {
  query(config: { name?: string; text: string; values?: readonly unknown[] }): Promise<{ rows: Array<Record<string, unknown>> }>;
  readonly options: ClientConfig;
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

const README = 'libs/platform/core/src/perf/README.md';

/** What `driver` lacks to be used through `PgPool` (empty when the shape holds). Pure, for the start-up check and its tests. */
export function poolShapeProblems(driver: unknown): string[] {
  const master = (driver as { master?: unknown } | null | undefined)?.master;
  if (master === null || typeof master !== 'object') return [`driver.master is ${master === null ? 'null' : typeof master}, not the pg Pool`];
  const pool = master as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof pool['query'] !== 'function') problems.push(`driver.master.query is ${typeof pool['query']}, not a function`);
  if (pool['options'] === null || typeof pool['options'] !== 'object') problems.push(`driver.master.options is ${pool['options'] === null ? 'null' : typeof pool['options']}, not the connection settings`);
  for (const count of ['totalCount', 'idleCount', 'waitingCount']) {
    if (typeof pool[count] !== 'number') problems.push(`driver.master.${count} is ${typeof pool[count]}, not a number`);
  }
  return problems;
}

/** Pools already found to have the shape (checked once each; `readRows` asks on every pooled read). */
const checked = new WeakSet<object>();

/**
 * The pg pool under an initialized postgres DataSource. Throws `InternalsChangedError` naming the
 * TypeORM version when `driver.master` is not a pool of the expected shape, so a TypeORM upgrade that
 * moves it fails at start-up (`assertPoolShape` when the database opens) instead of at the first read.
 */
export function poolOf(dataSource: DataSource): PgPool {
  const master = (dataSource.driver as { master?: unknown }).master;
  if (master !== null && typeof master === 'object' && checked.has(master)) return master as PgPool;
  const problems = poolShapeProblems(dataSource.driver);
  if (problems.length) throw new InternalsChangedError('typeorm', installedVersion('typeorm'), problems, README);
  checked.add(master as object);
  return master as PgPool;
}

/** The start-up self-check for an opened (initialized) DataSource: throws when `driver.master` changed shape. */
export function assertPoolShape(dataSource: DataSource): void {
  poolOf(dataSource);
}

/** The settings the DataSource's pool connects with, for a connection of its own (the access change listener). */
export function poolConnectionSettings(dataSource: DataSource): ClientConfig {
  return { ...poolOf(dataSource).options };
}
