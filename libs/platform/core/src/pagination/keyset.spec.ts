import { SortDirection } from './sort-direction';
import { encodeCursor } from './cursor';
import { keysetCondition, pageKey, pageWindow, reversedKeys, windowSql, type SortKey } from './keyset';

type Row = { name: string; id: string };
const keys: SortKey<Row>[] = [
  { column: 'o.name', direction: SortDirection.DESC },
  { column: 'o.id', direction: SortDirection.ASC },
];
const badInput = (field: string, rule: string) => expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field, rule, message: expect.any(String) }] } });

describe('keyset conditions', () => {
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

  it('adds the row at the cursor itself when inclusive (every key equal, NULL as IS NULL)', () => {
    expect(keysetCondition(keys, ['龙山村', 'b'], 'x', true)).toEqual({
      sql: '((o.name < :x0) OR (o.name = :x0 AND (o.id > :x1 OR o.id IS NULL)) OR (o.name = :x0 AND o.id = :x1))',
      params: { x0: '龙山村', x1: 'b' },
    });
    expect(keysetCondition([{ column: 'd', direction: SortDirection.ASC }], [null], 'x', true)).toEqual({ sql: '((d IS NULL))', params: {} });
  });

  it('reverses an order by flipping each direction (which flips the NULL placement with it)', () => {
    expect(reversedKeys(keys)).toEqual([
      { column: 'o.name', direction: SortDirection.ASC },
      { column: 'o.id', direction: SortDirection.DESC },
    ]);
    expect(reversedKeys(reversedKeys(keys))).toEqual(keys);
    // "Before the cursor" is "after it" in the reversed order: ascending name NULLS LAST, so after a NULL name nothing but its earlier ids.
    expect(keysetCondition(reversedKeys(keys), [null, 'b']).sql).toBe('((o.name IS NULL AND o.id < :cur1))');
  });
});

describe('page windows', () => {
  it('reads the first 20 when no size is given, the first n forward, the last n backward', () => {
    expect(pageWindow({}, 2)).toEqual({ size: 20, backward: false, after: null, before: null });
    expect(pageWindow({ first: 3 }, 2)).toEqual({ size: 3, backward: false, after: null, before: null });
    expect(pageWindow({ last: 4 }, 2)).toEqual({ size: 4, backward: true, after: null, before: null });
    // GraphQL's explicit null is no value.
    expect(pageWindow({ first: null, last: 4, after: null, before: null }, 2)).toEqual({ size: 4, backward: true, after: null, before: null });
    expect(pageWindow({ first: 2, before: encodeCursor(['a', 'b']), after: encodeCursor(['c', 'd']) }, 2)).toEqual({ size: 2, backward: false, after: ['c', 'd'], before: ['a', 'b'] });
  });

  it('refuses first with last, and a cursor of another shape naming its argument', () => {
    expect(() => pageWindow({ first: 1, last: 1 }, 2)).toThrow(badInput('last', 'exclusive'));
    expect(() => pageWindow({ last: 1, before: encodeCursor(['a']) }, 2)).toThrow(badInput('before', 'cursor'));
    expect(() => pageWindow({ last: 1, after: '%%%' }, 2)).toThrow(badInput('after', 'cursor'));
  });

  it('is SQL for a forward page: after the cursor, in order, one row more than the page', () => {
    const w = windowSql(pageWindow({ first: 5, after: encodeCursor(['龙山村', 'b']) }, 2), keys);
    expect(w).toEqual({
      where: '((o.name < :cur0) OR (o.name = :cur0 AND (o.id > :cur1 OR o.id IS NULL)))',
      params: { cur0: '龙山村', cur1: 'b' },
      orderKeys: keys,
      order: 'o.name DESC, o.id ASC',
      limit: 6,
      beyond: null,
    });
    expect(windowSql(pageWindow({}, 2), keys)).toEqual(expect.objectContaining({ where: null, params: {}, order: 'o.name DESC, o.id ASC', limit: 21, beyond: null }));
  });

  it('is SQL for a backward page: before the cursor, in the reversed order, and a look at or after it', () => {
    const w = windowSql(pageWindow({ last: 2, before: encodeCursor(['龙山村', 'b']) }, 2), keys, 'p');
    expect(w).toEqual({
      where: '(((o.name > :pb0 OR o.name IS NULL)) OR (o.name = :pb0 AND o.id < :pb1))',
      params: { pb0: '龙山村', pb1: 'b' },
      orderKeys: reversedKeys(keys),
      order: 'o.name ASC, o.id DESC',
      limit: 3,
      beyond: '((o.name < :pb0) OR (o.name = :pb0 AND (o.id > :pb1 OR o.id IS NULL)) OR (o.name = :pb0 AND o.id = :pb1))',
    });
    // The last rows of the whole list: no condition, the reversed order.
    expect(windowSql(pageWindow({ last: 2 }, 2), keys)).toEqual(expect.objectContaining({ where: null, order: 'o.name ASC, o.id DESC', limit: 3, beyond: null }));
  });

  it('is SQL for the window between two cursors, each with parameters of its own', () => {
    const w = windowSql(pageWindow({ last: 1, after: encodeCursor(['a', '1']), before: encodeCursor(['b', '2']) }, 2), keys);
    expect(w.where).toBe('((o.name < :cur0) OR (o.name = :cur0 AND (o.id > :cur1 OR o.id IS NULL))) AND (((o.name > :curb0 OR o.name IS NULL)) OR (o.name = :curb0 AND o.id < :curb1))');
    expect(w.params).toEqual({ cur0: 'a', cur1: '1', curb0: 'b', curb1: '2' });
    expect(w.order).toBe('o.name ASC, o.id DESC');
  });
});

describe('page loader keys', () => {
  it('tell every page argument apart', () => {
    const variants = [{}, { first: 2 }, { last: 2 }, { after: 'x' }, { before: 'x' }, { first: 2, before: 'x' }, { last: 2, after: 'x' }, { withCount: true }, { withCursors: false }];
    expect(new Set(variants.map((v) => pageKey(v))).size).toBe(variants.length);
    expect(pageKey({ last: 2 }, ['at'])).not.toBe(pageKey({ last: 2 }));
  });
});
