import fc from 'fast-check';
import type { ConnectionResult } from './connection.type';
import { decodeCursor, encodeCursor } from './cursor';
import { pageWindow, type PageRequest } from './keyset';
import { paginateList, toConnection } from './paginate';

const flags = (c: ConnectionResult<unknown>) => ({ hasPreviousPage: c.pageInfo.hasPreviousPage, hasNextPage: c.pageInfo.hasNextPage });

describe('connections', () => {
  it('builds edges, cursors and page info from first + 1 rows', () => {
    const rows = [
      { name: 'c', id: '1' },
      { name: 'b', id: '2' },
      { name: 'a', id: '3' },
    ];
    const page = toConnection(rows, rows.map((r) => [r.name, r.id]), pageWindow({ first: 2 }, 2), 7);
    expect(page.edges.map((e) => e.node.id)).toEqual(['1', '2']);
    const { hasNextPage, hasPreviousPage, startCursor, endCursor } = page.pageInfo;
    expect({ hasNextPage, hasPreviousPage, startCursor, endCursor }).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: page.edges[0]!.cursor, endCursor: page.edges[1]!.cursor });
    expect(decodeCursor(startCursor!, 2)).toEqual(['c', '1']);
    expect(decodeCursor(page.pageInfo.endCursor!, 2)).toEqual(['b', '2']);
    expect(page.totalCount).toBe(7);
    const empty = toConnection([], [], pageWindow({ first: 2, after: encodeCursor(['a', '3']) }, 2), 0).pageInfo;
    expect([empty.hasNextPage, empty.hasPreviousPage, empty.startCursor, empty.endCursor]).toEqual([false, true, null, null]);
  });

  it('turns last + 1 rows read backward into the page in list order, the extra row telling hasPreviousPage', () => {
    // The list is 1..5; `last: 2, before: 5` reads 4, 3, 2 (the reversed order).
    const rows = ['4', '3', '2'].map((id) => ({ id }));
    const before = pageWindow({ last: 2, before: encodeCursor(['5']) }, 1);
    const page = toConnection(rows, rows.map((r) => [r.id]), before, 5, true);
    expect(page.edges.map((e) => [e.node.id, e.cursor])).toEqual([
      ['3', encodeCursor(['3'])],
      ['4', encodeCursor(['4'])],
    ]);
    expect([page.pageInfo.startCursor, page.pageInfo.endCursor]).toEqual([encodeCursor(['3']), encodeCursor(['4'])]);
    expect(flags(page)).toEqual({ hasPreviousPage: true, hasNextPage: true });
    // The first two of the list, read backward: nothing before them; nothing at or after `before` found.
    expect(flags(toConnection(rows.slice(0, 2), null, before, 5, false))).toEqual({ hasPreviousPage: false, hasNextPage: false });
    // `last` without `before`: the end of the list, so no next page.
    expect(flags(toConnection(rows, null, pageWindow({ last: 2 }, 1), 5))).toEqual({ hasPreviousPage: true, hasNextPage: false });
    // `first` with `before`: a next page when the window goes on, or when rows lie at or after `before`.
    expect(flags(toConnection([{ id: '1' }], null, pageWindow({ first: 2, before: encodeCursor(['2']) }, 1), 5, true))).toEqual({ hasPreviousPage: false, hasNextPage: true });
    expect(flags(toConnection([{ id: '1' }], null, pageWindow({ first: 2, before: encodeCursor(['2']) }, 1), 5, false))).toEqual({ hasPreviousPage: false, hasNextPage: false });
  });
});

describe('in-memory lists (paginateList)', () => {
  const list = (n: number) => Array.from({ length: n }, (_, i) => `k${String(i).padStart(3, '0')}`);
  const page = (items: readonly string[], p: PageRequest) => paginateList(items, p, (s) => s);
  const ids = (c: ConnectionResult<string>) => c.edges.map((e) => e.node);

  it('pages backward from the end to the start: every item once, in reverse page order, flags right at both ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 7 }), (n, size) => {
        const items = list(n);
        const seen: string[][] = [];
        let c = page(items, { last: size });
        expect(c.pageInfo.hasNextPage).toBe(false);
        for (let guard = 0; guard <= n; guard++) {
          seen.unshift(ids(c));
          expect(c.totalCount).toBe(n);
          if (!c.pageInfo.hasPreviousPage) break;
          const before = c.pageInfo.startCursor!;
          c = page(items, { last: size, before });
          expect(c.pageInfo.hasNextPage).toBe(true);
        }
        expect(seen.flat()).toEqual(items);
        expect(seen.every((p) => p.length <= size)).toBe(true);
        // Pages fill up from the end: only the first page may be short.
        expect(seen.slice(1).every((p) => p.length === size)).toBe(true);
      }),
    );
  });

  it('takes the first or the last items of the window between two cursors', () => {
    const items = list(10);
    const cursor = (i: number) => encodeCursor([items[i]!]);
    expect(ids(page(items, { first: 2, after: cursor(2), before: cursor(8) }))).toEqual(['k003', 'k004']);
    expect(ids(page(items, { last: 2, after: cursor(2), before: cursor(8) }))).toEqual(['k006', 'k007']);
    expect(flags(page(items, { last: 2, after: cursor(2), before: cursor(8) }))).toEqual({ hasPreviousPage: true, hasNextPage: true });
    expect(ids(page(items, { last: 9, after: cursor(2), before: cursor(8) }))).toEqual(['k003', 'k004', 'k005', 'k006', 'k007']);
    // A window whose `before` comes first is empty.
    expect(ids(page(items, { first: 3, after: cursor(6), before: cursor(4) }))).toEqual([]);
    expect(() => page(items, { first: 1, last: 1 })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ fields: [expect.objectContaining({ field: 'last', rule: 'exclusive' })] }) }));
    expect(() => page(items, { last: 1, before: encodeCursor([3]) })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ fields: [expect.objectContaining({ field: 'before', rule: 'cursor' })] }) }));
  });
});
