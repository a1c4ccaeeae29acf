import type { RequestContext } from '@platform/core';

/**
 * pg-boss's `db` option over the caller's transaction: the statements pg-boss writes (its job insert)
 * run on the transaction's connection, so the jobs commit or roll back with the caller's rows.
 */
export function transactionConnection(tx: RequestContext): { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
  return { executeSql: async (text, values) => ({ rows: await tx.manager.query(text, values) }) };
}
