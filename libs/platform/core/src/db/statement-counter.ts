import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';
import type { Logger as PinoLogger } from 'pino';

/** Per-request tally of SQL statements, kept in async-local storage by the gateway. */
export interface StatementTally {
  count: number;
}

export const statementTally = new AsyncLocalStorage<StatementTally>();

/** Set while statements run that are not the request's own (the read compiler's parity check in tests): neither tallied nor in the metrics. */
const uncounted = new AsyncLocalStorage<true>();

/** Runs `work` with its statements left out of the request's tally and the statement metrics. */
export function runUncounted<T>(work: () => T): T {
  return uncounted.run(true, work);
}

/** Runs `work` with a fresh tally and returns both. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const tally: StatementTally = { count: 0 };
  const result = await statementTally.run(tally, work);
  return { result, statements: tally.count };
}

/**
 * TypeORM logger: counts every statement into the current request's tally (N+1 tests and the
 * benchmark read it), sends TypeORM's warnings and errors to pino, and the SQL itself only at
 * `trace` level. Transaction control statements (BEGIN/COMMIT/ROLLBACK) are not counted, nor what
 * runs inside `runUncounted`.
 */
export class PlatformTypeormLogger extends AbstractLogger {
  constructor(private readonly pino: PinoLogger, private readonly onStatement?: () => void) {
    super('all');
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    if (!/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query) && !uncounted.getStore()) {
      const tally = statementTally.getStore();
      if (tally) tally.count++;
      this.onStatement?.();
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
