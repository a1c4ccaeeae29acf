import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { DataSource, EntitySchema } from 'typeorm';
import type { ConnectionResult } from './connection.type';
import { pagesByParent } from './pages-by-parent';
import type { PageRequest, SortKey } from './keyset';
import { paginate, paginateRows, paginateSql } from './paginate';
import { SortDirection } from './sort-direction';

/**
 * Property: following `pageInfo.endCursor` until `hasNextPage` is false returns every row exactly
 * once, in the order of the same ORDER BY run in one statement, and ends, whatever the order and the
 * page size, on keys with ties written by one `now()` (microseconds), sub-millisecond differences,
 * and NULLs (integration review §5.2). Backward too (issue 16): following `startCursor` with
 * `last`/`before` from the end returns the same rows page by page in reverse, with exact page info;
 * a walk can turn around; `first`/`last` of the window between two cursors is that slice.
 */

/**
 * An empty database of this file's own, named like `createTestDatabase`'s so the jest teardown drops
 * it too. `@platform/testing` itself depends on the kernel: importing it here would make the
 * projects depend on each other (`@nx/enforce-module-boundaries`), and the table below needs no
 * module's migrations.
 */
async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `t_${process.env['TEST_RUN_ID'] ?? 'local'}_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

interface Item {
  id: string;
  parentId: string | null;
  at: Date;
  due: string | null;
  rank: number | null;
  name: string | null;
}

const ItemEntity = new EntitySchema<Item>({
  name: 'Item',
  tableName: 'item',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    parentId: { name: 'parent_id', type: 'uuid', nullable: true },
    at: { type: 'timestamptz' },
    due: { type: 'date', nullable: true },
    rank: { type: 'int', nullable: true },
    name: { type: 'text', nullable: true },
  },
});

const PARENTS = ['6f1c0d4e-0000-4000-8000-000000000001', '6f1c0d4e-0000-4000-8000-000000000002', '6f1c0d4e-0000-4000-8000-000000000003'];
/** A parent without children: its page is empty and says so. */
const CHILDLESS = '6f1c0d4e-0000-4000-8000-0000000000ff';
/** Group times besides `now()`: two within one millisecond, one at its end, one on the next millisecond. */
const TIMES = ['2026-12-06 08:00:00.123456+00', '2026-12-06 08:00:00.123457+00', '2026-12-06 08:00:00.123999+00', '2026-12-06 08:00:00.124+00'];
const DAYS = ['2026-12-01', '2026-12-02', '2026-12-03'];

type Column = 'at' | 'due' | 'rank';
interface Order {
  readonly keys: ReadonlyArray<{ column: Column; direction: SortDirection }>;
  readonly id: SortDirection;
}

const direction = fc.constantFrom(SortDirection.ASC, SortDirection.DESC);
const order: fc.Arbitrary<Order> = fc.record({
  keys: fc.uniqueArray(fc.record({ column: fc.constantFrom<Column>('at', 'due', 'rank'), direction }), { minLength: 1, maxLength: 2, selector: (k) => k.column }),
  id: direction,
});
/** Rows inserted by one statement share its `now()` (unless the group has an explicit time). */
const group = fc.record({
  at: fc.option(fc.constantFrom(...TIMES), { nil: null, freq: 2 }),
  rows: fc.array(
    fc.record({
      parent: fc.integer({ min: 0, max: PARENTS.length - 1 }),
      due: fc.option(fc.constantFrom(...DAYS), { nil: null, freq: 3 }),
      rank: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 6 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});
const world = fc.record({ groups: fc.array(group, { maxLength: 6 }), order, first: fc.integer({ min: 1, max: 7 }) });
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

const rows = (n: number, due: string | null = null, rank: number | null = 0, parent = 0) => Array.from({ length: n }, () => ({ parent, due, rank }));
/** Always tried: the cases of the review (a `now()` tie group DESC and ASC, sub-millisecond steps, NULL days). */
const EXAMPLES: World[] = [
  { groups: [{ at: null, rows: rows(4) }, { at: null, rows: rows(3) }], order: { keys: [{ column: 'at', direction: SortDirection.DESC }], id: SortDirection.DESC }, first: 1 },
  { groups: [{ at: null, rows: rows(5) }], order: { keys: [{ column: 'at', direction: SortDirection.ASC }], id: SortDirection.ASC }, first: 2 },
  { groups: TIMES.map((at) => ({ at, rows: rows(2) })), order: { keys: [{ column: 'at', direction: SortDirection.ASC }], id: SortDirection.DESC }, first: 3 },
  {
    groups: [{ at: null, rows: [...rows(3, null, 1), ...rows(2, DAYS[0]!, null), ...rows(2, DAYS[1]!, 1)] }],
    order: { keys: [{ column: 'due', direction: SortDirection.DESC }, { column: 'rank', direction: SortDirection.ASC }], id: SortDirection.ASC },
    first: 2,
  },
];

/** The order's keys over a table alias, the id last (unique). */
function sortKeys<T>(alias: string, o: Order): SortKey<T>[] {
  return [...o.keys.map((k) => ({ column: `${alias}.${k.column}`, direction: k.direction })), { column: `${alias}.id`, direction: o.id }];
}

const orderBy = (alias: string, o: Order): string =>
  sortKeys(alias, o)
    .map((k) => `${k.column} ${k.direction}`)
    .join(', ');

interface Followed {
  readonly ids: string[];
  readonly totals: number[];
  readonly ended: boolean;
}

/** Follows `endCursor` until `hasNextPage` is false, or gives up after `cap` pages. */
async function follow(cap: number, page: (after: string | undefined) => Promise<ConnectionResult<{ id: string }>>, first?: ConnectionResult<{ id: string }>): Promise<Followed> {
  const ids: string[] = [];
  const totals: number[] = [];
  let c = first ?? (await page(undefined));
  for (let n = 1; ; n++) {
    ids.push(...c.edges.map((e) => e.node.id));
    totals.push(c.totalCount);
    if (!c.pageInfo.hasNextPage) return { ids, totals, ended: true };
    if (n >= cap) return { ids, totals, ended: false };
    c = await page(c.pageInfo.endCursor ?? undefined);
  }
}

/** What went wrong, in the terms of the defect: rows never returned, rows returned twice, no end. */
function verdict(f: Followed, expected: readonly string[]) {
  const seen = new Set(f.ids);
  return { lost: expected.filter((id) => !seen.has(id)).length, repeated: f.ids.length - seen.size, ended: f.ended };
}

function expectComplete(f: Followed, expected: readonly string[]): void {
  expect(verdict(f, expected)).toEqual({ lost: 0, repeated: 0, ended: true });
  expect(f.ids).toEqual(expected);
  expect(f.totals.filter((n) => n !== expected.length)).toEqual([]);
}

describe('keyset pagination on PostgreSQL (ties, sub-millisecond times, NULLs)', () => {
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createDatabase();
    ds = new DataSource({ type: 'postgres', url: db.url, entities: [ItemEntity], poolSize: 2 });
    await ds.initialize();
    await ds.query(`CREATE TABLE item (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), parent_id uuid, at timestamptz NOT NULL DEFAULT now(), due date, rank int, name text)`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Replaces the table's rows: one INSERT per group, so a group without a time shares one `now()`. */
  async function load(w: World): Promise<void> {
    await ds.query(`TRUNCATE item`);
    for (const g of w.groups) {
      const values: unknown[] = [];
      const tuples = g.rows.map((r, i) => {
        values.push(PARENTS[r.parent], g.at, r.due, r.rank, `item ${i}`);
        const p = values.length - 4;
        return `($${p}::uuid, COALESCE($${p + 1}::timestamptz, now()), $${p + 2}::date, $${p + 3}::int, $${p + 4})`;
      });
      await ds.query(`INSERT INTO item (parent_id, at, due, rank, name) VALUES ${tuples.join(', ')}`, values);
    }
  }

  /** The ids in the order one statement gives (PostgreSQL's default NULL placement: last in ASC, first in DESC). */
  async function expectedIds(o: Order, parentId?: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await ds.query(`SELECT t.id FROM item t WHERE $1::uuid IS NULL OR t.parent_id = $1 ORDER BY ${orderBy('t', o)}`, [parentId ?? null]);
    return rows.map((r) => r.id);
  }

  const pageCap = (rows: number, first: number) => Math.ceil(rows / first) + 2;
  const ids = <T extends { id: string }>(c: ConnectionResult<T>): ConnectionResult<{ id: string }> => c;

  type Page = ConnectionResult<{ id: string }>;
  type Pager = (page: PageRequest) => Promise<Page>;

  /** Each way of paging a whole table, as a function of the order and the page asked for. */
  const paginators: Array<[string, (o: Order, page: PageRequest) => Promise<Page>]> = [
    [
      'paginateSql',
      (o, page) => paginateSql({ manager: ds.manager, from: 'item i', where: [], params: {}, select: 'i.id', keys: sortKeys('i', o), page, withCount: true, read: (rows) => rows.map((r) => ({ id: r['id'] as string })) }),
    ],
    [
      'paginateSql with countInline',
      (o, page) =>
        paginateSql({ manager: ds.manager, from: 'item i', where: [], params: {}, select: 'i.id', keys: sortKeys('i', o), page, withCount: true, countInline: true, read: (rows) => rows.map((r) => ({ id: r['id'] as string })) }),
    ],
    ['paginateRows', async (o, page) => ids(await paginateRows<Item>({ manager: ds.manager, entity: ItemEntity, alias: 'i', table: 'item', where: [], params: {}, keys: sortKeys('i', o), page, withCount: true }))],
    ['paginate (query builder)', async (o, page) => ids(await paginate(ds.createQueryBuilder(ItemEntity, 'i'), page, sortKeys('i', o), true))],
  ];

  /** One parent's pages through `pagesByParent`, asked for all parents in one statement as a DataLoader does. */
  const parentPager =
    (o: Order, parentId: string): Pager =>
    async (page) => {
      const pages = await pagesByParent<Item>({ manager: ds.manager, entity: ItemEntity, table: 'item', parentColumn: 'parent_id', parentIds: [...PARENTS, CHILDLESS], keys: sortKeys('t', o), page });
      return ids(pages.get(parentId)!);
    };

  it.each(paginators)('%s returns every row once, in order, and ends', async (_name, page) => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await load(w);
        const expected = await expectedIds(w.order);
        expectComplete(await follow(pageCap(expected.length, w.first), (after) => page(w.order, { first: w.first, after })), expected);
      }),
      { numRuns: 100, examples: EXAMPLES.map((w) => [w]) },
    );
  }, 60_000);

  const nodeIds = (c: Page) => c.edges.map((e) => e.node.id);
  const pageFlags = (c: Page) => [c.pageInfo.hasPreviousPage, c.pageInfo.hasNextPage];

  /**
   * Pages backward: `last` from the end of the list, then `before: startCursor` until
   * `hasPreviousPage` is false. Expects the rows of the forward order, each once, pages full but the
   * first, every page's flags exact (no previous page only at the start, no next page only at the end),
   * and the count on every page.
   */
  async function expectBackwardComplete(page: Pager, size: number, expected: readonly string[]): Promise<void> {
    const pages: string[][] = [];
    const flags: boolean[][] = [];
    let c = await page({ last: size });
    for (let n = 1; ; n++) {
      pages.unshift(nodeIds(c));
      flags.unshift(pageFlags(c));
      expect(c.totalCount).toBe(expected.length);
      if (!c.pageInfo.hasPreviousPage || n >= pageCap(expected.length, size)) break;
      c = await page({ last: size, before: c.pageInfo.startCursor! });
    }
    const got = pages.flat();
    expect({ lost: expected.filter((id) => !got.includes(id)).length, repeated: got.length - new Set(got).size }).toEqual({ lost: 0, repeated: 0 });
    expect(got).toEqual(expected);
    expect(flags).toEqual(pages.map((_, i) => [i > 0, i < pages.length - 1]));
    expect(pages.slice(1).filter((p) => p.length !== size)).toEqual([]);
  }

  /** Forward up to three pages, then back two with `last`/`before`: the pages come back as they were, with their flags. */
  async function expectTurnaround(page: Pager, size: number): Promise<void> {
    const forward = [await page({ first: size })];
    while (forward.length < 3 && forward[forward.length - 1]!.pageInfo.hasNextPage) forward.push(await page({ first: size, after: forward[forward.length - 1]!.pageInfo.endCursor! }));
    let back = forward[forward.length - 1]!;
    for (let i = forward.length - 2; i >= Math.max(0, forward.length - 3); i--) {
      back = await page({ last: size, before: back.pageInfo.startCursor! });
      expect(nodeIds(back)).toEqual(nodeIds(forward[i]!));
      expect(back.edges.map((e) => e.cursor)).toEqual(forward[i]!.edges.map((e) => e.cursor));
      expect(pageFlags(back)).toEqual([i > 0, true]);
    }
  }

  /** The first or the last `k` of the window between the rows at `a` and `b` (-1 and the length: no cursor), with Relay's flags. */
  async function expectWindow(page: Pager, expected: readonly string[], pick: { a: number; b: number; k: number; backward: boolean }): Promise<void> {
    const all = await page({ first: expected.length + 1 });
    const cursors = all.edges.map((e) => e.cursor);
    const a = (pick.a % (expected.length + 1)) - 1;
    const b = pick.b % (expected.length + 1);
    const request = { ...(a >= 0 ? { after: cursors[a] } : {}), ...(b < expected.length ? { before: cursors[b] } : {}) };
    const window = expected.slice(a + 1, Math.max(a + 1, b));
    const c = await page(pick.backward ? { ...request, last: pick.k } : { ...request, first: pick.k });
    expect(nodeIds(c)).toEqual(pick.backward ? window.slice(Math.max(0, window.length - pick.k)) : window.slice(0, pick.k));
    // Beyond the window's ends: a row is at `before` whenever it is given, and `after` always reports a previous page.
    expect(pageFlags(c)).toEqual(pick.backward ? [window.length > pick.k || a >= 0, b < expected.length] : [a >= 0, window.length > pick.k || b < expected.length]);
    expect(c.totalCount).toBe(expected.length);
  }

  const pick = fc.record({ a: fc.nat(40), b: fc.nat(40), k: fc.integer({ min: 1, max: 7 }), backward: fc.boolean() });

  it.each(paginators)('%s pages backward from the end: the forward rows in reverse, exact flags, and turns around', async (_name, page) => {
    await fc.assert(
      fc.asyncProperty(world, pick, async (w, p) => {
        await load(w);
        const expected = await expectedIds(w.order);
        await expectBackwardComplete((r) => page(w.order, r), w.first, expected);
        await expectTurnaround((r) => page(w.order, r), w.first);
        await expectWindow((r) => page(w.order, r), expected, p);
      }),
      { numRuns: 60, examples: EXAMPLES.map((w) => [w, { a: 2, b: 5, k: 1, backward: true }]) },
    );
  }, 120_000);

  it('pagesByParent pages each parent backward, turns around and takes windows, in one statement for all parents', async () => {
    await fc.assert(
      fc.asyncProperty(world, pick, async (w, p) => {
        await load(w);
        for (const parentId of [...PARENTS, CHILDLESS]) {
          const expected = await expectedIds(w.order, parentId);
          await expectBackwardComplete(parentPager(w.order, parentId), w.first, expected);
          await expectTurnaround(parentPager(w.order, parentId), w.first);
          await expectWindow(parentPager(w.order, parentId), expected, p);
        }
      }),
      { numRuns: 40, examples: EXAMPLES.map((w) => [w, { a: 1, b: 4, k: 2, backward: true }]) },
    );
  }, 120_000);

  it.each([...paginators.map(([name, page]): [string, (o: Order) => Pager] => [name, (o) => (r) => page(o, r)]), ['pagesByParent', (o: Order) => parentPager(o, PARENTS[0]!)] as [string, (o: Order) => Pager]])(
    '%s: hasNextPage before a cursor whose row is gone says whether rows lie at or after it',
    async (_name, pager) => {
      const w = EXAMPLES[3]!;
      await load({ ...w, groups: w.groups.map((g) => ({ ...g, rows: g.rows.map((r) => ({ ...r, parent: 0 })) })) });
      const page = pager(w.order);
      const all = await page({ first: 100 });
      expect(all.edges.length).toBe(7);
      const [third, last] = [all.edges[2]!, all.edges[6]!];
      await ds.query(`DELETE FROM item WHERE id = ANY($1)`, [[third.node.id, last.node.id]]);
      // The last row is gone and nothing follows it: the page before it ends the list.
      const end = await page({ last: 2, before: last.cursor });
      expect(nodeIds(end)).toEqual(nodeIds(all).slice(4, 6));
      expect(pageFlags(end)).toEqual([true, false]);
      // The third row is gone but rows follow it.
      const start = await page({ last: 2, before: third.cursor });
      expect(nodeIds(start)).toEqual(nodeIds(all).slice(0, 2));
      expect(pageFlags(start)).toEqual([false, true]);
    },
  );

  it('pagesByParent returns every child of each parent once, in order, and ends', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        await load(w);
        const pages = (parentIds: readonly string[], after: string | undefined) =>
          pagesByParent<Item>({ manager: ds.manager, entity: ItemEntity, table: 'item', parentColumn: 'parent_id', parentIds, keys: sortKeys('t', w.order), page: { first: w.first, after } });
        // The first pages of all parents in one statement, as a DataLoader asks; then each parent on its own.
        const firstPages = await pages([...PARENTS, CHILDLESS], undefined);
        for (const parentId of [...PARENTS, CHILDLESS]) {
          const expected = await expectedIds(w.order, parentId);
          const followed = await follow(pageCap(expected.length, w.first), async (after) => ids((await pages([parentId], after)).get(parentId)!), ids(firstPages.get(parentId)!));
          expectComplete(followed, expected);
        }
      }),
      { numRuns: 60, examples: EXAMPLES.map((w) => [w]) },
    );
  }, 60_000);
});
