import type { EntityManager } from 'typeorm';

/**
 * The rows of a raw `UPDATE … RETURNING` or `DELETE … RETURNING`. TypeORM answers those statements
 * with `[rows, rowCount]` (and plain rows for SELECT and INSERT), an easy thing to get wrong.
 */
export async function modifyReturning<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await manager.query(sql, params));
}

/** The rows of what `manager.query` answered, whatever the statement (a SELECT's rows are objects, never `[array, number]`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
