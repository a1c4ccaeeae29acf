import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { DomainModule } from './domain-module';
import type { DatabaseConfig } from '../db/database-config';
import { SnakeNamingStrategy } from '../db/snake-naming.strategy';
import { PlatformTypeormLogger } from '../db/statement-counter';

export interface DataSourceHooks {
  /** Called for every SQL statement (metrics). */
  readonly onStatement?: () => void;
  /** Called when an idle pooled connection fails (server restart, network drop); the pool replaces it. */
  readonly onPoolError?: (error: Error) => void;
}

/**
 * One DataSource for the enabled modules: their entities and migrations only, snake_case names,
 * never `synchronize`. Pool size and the three timeouts come from config; a broken idle connection
 * is logged and dropped instead of crashing the process.
 */
export function createDataSource(config: DatabaseConfig, modules: readonly DomainModule[], log: Logger, hooks: DataSourceHooks = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    entities: modules.flatMap((m) => m.entities as unknown[]) as never,
    migrations: modules.flatMap((m) => m.migrations) as never,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new PlatformTypeormLogger(log, hooks.onStatement),
    applicationName: config.applicationName ?? 'town-safety-gateway',
    poolSize: config.poolSize,
    connectTimeoutMS: config.connectionTimeoutMs,
    poolErrorHandler: (error: Error) => {
      log.warn({ err: error }, 'database pool connection error; the connection is dropped and replaced');
      hooks.onPoolError?.(error);
    },
    extra: {
      max: config.poolSize,
      connectionTimeoutMillis: config.connectionTimeoutMs,
      statement_timeout: config.statementTimeoutMs,
      idle_in_transaction_session_timeout: config.idleInTransactionTimeoutMs,
      // Enforced by the driver, so it holds when the server cannot answer at all (statement_timeout is the server's).
      ...(config.queryTimeoutMs ? { query_timeout: config.queryTimeoutMs } : {}),
      idleTimeoutMillis: 30000,
    },
  });
}

/** Names of migrations of the enabled modules that the database has not applied yet. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = new Set<string>();
  const hasTable = await dataSource.query(`SELECT to_regclass('migrations') IS NOT NULL AS ok`);
  if (hasTable[0]?.ok) {
    for (const row of (await dataSource.query(`SELECT name FROM migrations`)) as Array<{ name: string }>) applied.add(row.name);
  }
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}
