import type { EntityManager } from 'typeorm';
import { rowsOf } from './modify-returning';
import { runSql } from './row-reader';
import { sql } from '../sql/sql';

describe('rowsOf', () => {
  it('answers the rows of an UPDATE … RETURNING, which TypeORM gives as [rows, rowCount]', () => {
    expect(rowsOf([[{ id: 'a' }, { id: 'b' }], 2])).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(rowsOf([[], 0])).toEqual([]);
  });

  it('answers a SELECT\'s rows as they are, also two of them', () => {
    expect(rowsOf([{ id: 'a' }, { id: 'b' }])).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(rowsOf([])).toEqual([]);
  });
});

describe('runSql in a transaction', () => {
  it('answers the rows of an UPDATE … RETURNING, not [rows, rowCount]', async () => {
    const calls: unknown[][] = [];
    const manager = {
      queryRunner: {},
      query: async (text: string, values: unknown[]) => {
        calls.push([text, values]);
        return [[{ id: 'a', status: 'CLOSED' }], 1];
      },
    } as unknown as EntityManager;
    await expect(runSql(manager, sql`UPDATE t SET status = ${'CLOSED'} RETURNING id, status`)).resolves.toEqual([{ id: 'a', status: 'CLOSED' }]);
    expect(calls).toEqual([['UPDATE t SET status = $1 RETURNING id, status', ['CLOSED']]]);
  });
});
