import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import {
  InProcessEventBus,
  RequestContext,
  SYSTEM,
  assertPoolShape,
  createDataSource,
  startEmbeddedPostgres,
  transaction,
  type Clock,
  type DataSourceHooks,
  type DomainModule,
  type EmbeddedDatabase,
} from '@platform/core';
import type { GatewayConfig } from './config';

export interface Database {
  readonly dataSource: DataSource;
  readonly embedded: EmbeddedDatabase | null;
  close(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL under `DATA_DIR` when none is
 * set; both go through the same `pg` driver and DataSource. Applies pending migrations when
 * configured to (embedded: always by default).
 */
export async function openDatabase(config: GatewayConfig, modules: readonly DomainModule[], log: Logger, hooks: DataSourceHooks = {}): Promise<Database> {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.databaseUrl ?? embedded!.url;
  const dataSource = createDataSource({ url, ...config.db }, modules, log, hooks);
  try {
    await dataSource.initialize();
    // Fail at start-up, naming the TypeORM version, if its pool moved (row readers, metrics and the access listener use it).
    assertPoolShape(dataSource);
    if (config.migrateOnStart) await migrate(dataSource, log);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    embedded,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** Applies the enabled modules' pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource, log: Logger): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const m of applied) log.info({ migration: m.name }, 'migration applied');
  return applied.map((m) => m.name);
}

/** Runs every enabled module's idempotent seed, each in one transaction, as the system principal, with the clock given (the system clock unless a test seeds the town as of a moment). */
export async function runSeeds(
  dataSource: DataSource,
  modules: readonly DomainModule[],
  log: Logger,
  options: { demoAccounts: boolean; clock?: Clock } = { demoAccounts: false },
): Promise<void> {
  const ctx = new RequestContext({ requestId: `seed-${randomUUID()}`, principal: SYSTEM, dataSource, events: new InProcessEventBus(), log, clock: options.clock });
  for (const m of modules) {
    if (!m.seed) continue;
    await transaction(ctx, (tx) => m.seed!(tx, { modules, demoAccounts: options.demoAccounts }));
    log.info({ module: m.name }, 'seed applied');
  }
}
