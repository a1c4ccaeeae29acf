import type { DataSource } from 'typeorm';
import { poolOf } from './pg-pool';

/**
 * Statement names given out so far, by SQL text. Process-wide on purpose: a name always stands for
 * the same text in every pool of the process, so a connection that prepared `read_7` earlier prepared
 * this very text (pg refuses a name reused with another text). Bounded: texts beyond it run unnamed.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 500;

/**
 * Runs a read on the DataSource's pool as a named prepared statement (one per distinct SQL text, up
 * to 500): each connection parses and plans it once, PostgreSQL then reuses the plan. TypeORM's
 * `query` cannot name statements, hence the pool itself. Logged like any TypeORM statement (request
 * tally, metrics, trace). Outside a transaction only: the pool hands out any idle connection.
 */
export async function readThroughPool(dataSource: DataSource, text: string, values: readonly unknown[]): Promise<Array<Record<string, unknown>>> {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS) statementNames.set(text, (name = `read_${statementNames.size + 1}`));
  dataSource.logger.logQuery(text, values as unknown[]);
  return (await poolOf(dataSource).query(name ? { name, text, values } : { text, values })).rows;
}
