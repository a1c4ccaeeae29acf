import { SortDirection } from './sort-direction';
import { keysetCondition, toConnection, type SortKey } from './paginate';
import { decodeCursor, encodeCursor } from './cursor';

type Row = { name: string; id: string };
const keys: SortKey<Row>[] = [
  { column: 'o.name', direction: SortDirection.DESC },
  { column: 'o.id', direction: SortDirection.ASC },
];

describe('keyset pagination', () => {
  it('expands a mixed-direction order into an OR of prefixes, NULLs where PostgreSQL sorts them', () => {
    expect(keysetCondition(keys, ['龙山村', 'b'])).toEqual({
      sql: '((o.name < :cur0) OR (o.name = :cur0 AND (o.id > :cur1 OR o.id IS NULL)))',
      params: { cur0: '龙山村', cur1: 'b' },
    });
    // Descending, NULLs come first: after a NULL name come all names, then the NULL names' later ids.
    expect(keysetCondition(keys, [null, 'b'])).toEqual({ sql: '((o.name IS NOT NULL) OR (o.name IS NULL AND (o.id > :cur1 OR o.id IS NULL)))', params: { cur1: 'b' } });
    // Ascending, NULLs come last: nothing comes after the last NULL.
    expect(keysetCondition([{ column: 'd', direction: SortDirection.ASC }], [null])).toEqual({ sql: 'FALSE', params: {} });
  });

  it('builds edges, cursors and page info from first + 1 rows', () => {
    const rows = [
      { name: 'c', id: '1' },
      { name: 'b', id: '2' },
      { name: 'a', id: '3' },
    ];
    const page = toConnection(rows, rows.map((r) => [r.name, r.id]), 2, false, 7);
    expect(page.edges.map((e) => e.node.id)).toEqual(['1', '2']);
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = page.pageInfo;
    expect({ hasNextPage, hasPreviousPage, startCursor, endCursor }).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: page.edges[0]!.cursor, endCursor: page.edges[1]!.cursor });
    expect(decodeCursor(startCursor!, 2)).toEqual(['c', '1']);
    expect(decodeCursor(page.pageInfo.endCursor!, 2)).toEqual(['b', '2']);
    expect(page.totalCount).toBe(7);
    const empty = toConnection([], [], 2, true, 0).pageInfo;
    expect([empty.hasNextPage, empty.hasPreviousPage, empty.startCursor, empty.endCursor]).toEqual([false, true, null, null]);
  });

  it('refuses cursors of another shape with BAD_USER_INPUT naming the argument', () => {
    expect(() => decodeCursor(encodeCursor(['x']), 2)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    expect(() => decodeCursor('%%%', 1)).toThrow(/after/);
  });
});
