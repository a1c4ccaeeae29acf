import type { GraphQLClient, GraphQLResponse } from './test-gateway';

/*
 * Walks a list through the API page by page, forward and backward, to check that its pages lose,
 * repeat and reorder nothing (for any `orderBy`). The query takes the page variables `PAGE_VARS`
 * (placed as `PAGE_ARGS`) and selects `edges { cursor node { id } }` and the four `pageInfo` fields;
 * the connection is found in `data` at `path`. A list whose nodes have no `id` names them with
 * `identify` (from the fields it selects instead).
 */

/** What names a node in a walk: its `id` unless told otherwise. */
export type NodeIdentity = (node: any) => string;
const byId: NodeIdentity = (node) => node.id;

/** The page variables every walked query declares: forward (`first`, `after`) and backward (`last`, `before`). */
export const PAGE_VARS = '$first: Int, $after: String, $last: Int, $before: String';
/** The page arguments every walked query passes to its list. */
export const PAGE_ARGS = 'first: $first, after: $after, last: $last, before: $before';
/** The connection selection a walked list needs (the node's key aliased to `id`). */
export const walkedPage = (id = 'id'): string => `totalCount edges { cursor node { id: ${id} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

export interface FollowedPages {
  /** The ids in list order. */
  readonly ids: string[];
  /** Each page's `totalCount`, in the order read. */
  readonly totals: number[];
  /** Whether the walk reached the end (false: it gave up after `cap` pages). */
  readonly ended: boolean;
  /** Each page's ids and `[hasPreviousPage, hasNextPage]`, in list order. */
  readonly pages: string[][];
  readonly flags: boolean[][];
}

/** One page of a list, expecting no errors. */
export async function pageOf(client: GraphQLClient, query: string, variables: Record<string, unknown>, path: readonly string[]): Promise<any> {
  const res: GraphQLResponse = await client(query, variables);
  expect(res.body.errors).toBeUndefined();
  return path.reduce((o: any, k) => o?.[k], res.body.data);
}

/**
 * Follows `endCursor` with `first` until `hasNextPage` is false or, with `backward`, `startCursor`
 * with `last` from the end of the list until `hasPreviousPage` is false; gives up after `cap` pages.
 */
export async function followPages(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
  path: readonly string[],
  size: number,
  cap: number,
  backward = false,
  identify: NodeIdentity = byId,
): Promise<FollowedPages> {
  const pages: string[][] = [];
  const flags: boolean[][] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  for (let n = 1; n <= cap; n++) {
    const c = await pageOf(client, query, { ...variables, ...(backward ? { last: size, before: cursor } : { first: size, after: cursor }) }, path);
    const page: string[] = c.edges.map((e: any) => identify(e.node));
    const pageFlags = [c.pageInfo.hasPreviousPage, c.pageInfo.hasNextPage];
    if (backward) {
      pages.unshift(page);
      flags.unshift(pageFlags);
    } else {
      pages.push(page);
      flags.push(pageFlags);
    }
    totals.push(c.totalCount);
    const ended = !(backward ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage);
    if (ended || n === cap) return { ids: pages.flat(), totals, ended, pages, flags };
    cursor = backward ? c.pageInfo.startCursor : c.pageInfo.endCursor;
  }
  throw new Error('cap must be at least 1');
}

/**
 * The list paged with `size` (and a page cap), forward and backward, returns exactly the list
 * fetched as one large page, each row once, in the same order, and ends; every page's flags are
 * exact (no previous page only at the start, no next page only at the end; pages full but the
 * last forward, the first backward); `totalCount` is the same on every page. Then, with three pages
 * or more, a walk forward for three pages turns around and comes back two, page for page. Gives the
 * ids in list order.
 */
export async function expectPagedCompletely(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
  path: readonly string[],
  size: number,
  count: number,
  identify: NodeIdentity = byId,
): Promise<string[]> {
  const all = await followPages(client, query, variables, path, 100, 1, false, identify);
  expect(all).toEqual(expect.objectContaining({ ids: expect.any(Array), totals: [count], ended: true }));
  expect(all.ids).toHaveLength(count);
  for (const backward of [false, true]) {
    const paged = await followPages(client, query, variables, path, size, Math.ceil(count / size) + 3, backward, identify);
    const seen = new Set(paged.ids);
    // Stated in the terms of the defect first (rows lost, rows repeated, no end), then exactly.
    expect({ backward, lost: all.ids.filter((id) => !seen.has(id)).length, repeated: paged.ids.length - seen.size, ended: paged.ended }).toEqual({ backward, lost: 0, repeated: 0, ended: true });
    expect(paged.ids).toEqual(all.ids);
    expect(paged.flags).toEqual(paged.pages.map((_, i) => [i > 0, i < paged.pages.length - 1]));
    const full = backward ? paged.pages.slice(1) : paged.pages.slice(0, -1);
    expect(full.filter((p) => p.length !== size)).toEqual([]);
    expect(paged.totals.filter((n) => n !== count)).toEqual([]);
  }
  if (count > 2 * size) await expectTurnaround(client, query, variables, path, size);
  return all.ids;
}

/** Forward up to three pages, then back two with `last`/`before`: each page comes back as it was (same rows, same cursors), with its flags. */
export async function expectTurnaround(client: GraphQLClient, query: string, variables: Record<string, unknown>, path: readonly string[], size: number): Promise<void> {
  const forward = [await pageOf(client, query, { ...variables, first: size }, path)];
  while (forward.length < 3 && forward[forward.length - 1].pageInfo.hasNextPage) forward.push(await pageOf(client, query, { ...variables, first: size, after: forward[forward.length - 1].pageInfo.endCursor }, path));
  expect(forward.length).toBe(3);
  let back = forward[2];
  for (const i of [1, 0]) {
    back = await pageOf(client, query, { ...variables, last: size, before: back.pageInfo.startCursor }, path);
    expect(back.edges).toEqual(forward[i].edges);
    expect([back.pageInfo.hasPreviousPage, back.pageInfo.hasNextPage]).toEqual([i > 0, true]);
  }
}
