import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';
import type { Logger as PinoLogger } from 'pino';

/** Per-request tally of SQL statements, kept in async-local storage by the gateway. */
export interface StatementTally {
  count: number;
}

export const statementTally = new AsyncLocalStorage<StatementTally>();

/** Runs `work` with a fresh tally and returns both. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const tally: StatementTally = { count: 0 };
  const result = await statementTally.run(tally, work);
  return { result, statements: tally.count };
}

/**
 * TypeORM logger: counts every statement into the current request's tally (N+1 tests and the
 * benchmark read it), sends TypeORM's warnings and errors to pino, and the SQL itself only at
 * `trace` level. Transaction control statements (BEGIN/COMMIT/ROLLBACK) are not counted.
 */
export class PlatformTypeormLogger extends AbstractLogger {
  private readonly writeWatches: Array<{ pattern: RegExp; onWrite: () => void }> = [];

  constructor(private readonly pino: PinoLogger, private readonly onStatement?: () => void) {
    super('all');
  }

  /**
   * Calls `onWrite` when this process sends an INSERT, UPDATE, DELETE or TRUNCATE on one of `tables`
   * (before it runs): caches of data from those tables drop what they hold without waiting for a
   * database notice. Statements of another shape (a CTE that writes) are not seen.
   */
  watchWrites(tables: readonly string[], onWrite: () => void): void {
    const names = tables.map((t) => t.replace(/[^a-z0-9_]/gi, '')).join('|');
    this.writeWatches.push({ pattern: new RegExp(`^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?)\\s+"?(?:${names})"?(?:\\s|$|\\()`, 'i'), onWrite });
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query)) {
      const tally = statementTally.getStore();
      if (tally) tally.count++;
      this.onStatement?.();
      for (const w of this.writeWatches) if (w.pattern.test(query)) w.onWrite();
    }
    if (this.pino.isLevelEnabled('trace')) super.logQuery(query, parameters, queryRunner);
  }

  protected override writeLog(level: LogLevel, logMessage: LogMessage | LogMessage[]): void {
    for (const m of Array.isArray(logMessage) ? logMessage : [logMessage]) {
      const msg = typeof m.message === 'string' ? m.message : JSON.stringify(m.message);
      if (level === 'error' || m.type === 'query-error') this.pino.error({ typeorm: m.type }, msg);
      else if (level === 'warn' || m.type === 'query-slow') this.pino.warn({ typeorm: m.type }, msg);
      else this.pino.trace({ typeorm: m.type }, msg);
    }
  }
}
