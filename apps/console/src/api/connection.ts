import { useCallback, useEffect, useRef, useState } from 'react';

/*
 * One cursor-paged list read from the API (any generated connection: totalCount, pageInfo, edges), the way
 * every console list pages: the first page when `fetchPage` changes (callers useCallback it with their filter
 * as deps, or pass null while there is nothing to read), "more" appends the next page after the last cursor,
 * an answer to a request that has since been superseded is dropped, and the last error is kept for
 * <ErrorMessage>. Items with an `id` are not shown twice (a page may repeat one added to the list locally).
 */

/** What the hook needs of a generated connection type (structurally; no API object types here). */
export interface Connection {
  readonly totalCount: number;
  readonly pageInfo: { readonly endCursor?: string | null; readonly hasNextPage: boolean };
  readonly edges: readonly { readonly node: unknown }[];
}

/** The node type of a connection answer. */
export type NodeOf<R extends Connection> = R['edges'][number]['node'];

export type PageFetcher<R extends Connection> = (after: string | null) => Promise<R>;

export interface PagedList<R extends Connection> {
  /** Everything read so far, in the API's order. */
  readonly items: readonly NodeOf<R>[];
  /** The connection's totalCount. */
  readonly total: number;
  readonly hasMore: boolean;
  /** A first page (or the next one) is on its way. */
  readonly loading: boolean;
  /** The last request's error, for <ErrorMessage>; null once one succeeds. */
  readonly error: unknown;
  /** The last page's whole answer (e.g. the object the connection belongs to); null after a failed first page. */
  readonly answer: R | null;
  /** When the last page arrived (ms since the epoch). */
  readonly receivedAt: number;
  /** The next page, appended. */
  more(): Promise<void>;
  /** The first page again, replacing the list. */
  reload(): Promise<void>;
  /** A local change to the list (e.g. a row created, replaced); `added` adjusts the total. */
  edit(change: (items: readonly NodeOf<R>[]) => readonly NodeOf<R>[], added?: number): void;
}

interface State<R extends Connection> {
  /** The fetcher (and reload key) whose first page this state answers. */
  readonly source: PageFetcher<R> | null;
  readonly key: unknown;
  readonly items: readonly NodeOf<R>[];
  readonly total: number;
  readonly endCursor: string | null;
  readonly hasMore: boolean;
  readonly answer: R | null;
  readonly error: unknown;
  readonly busy: boolean;
  readonly receivedAt: number;
}

function idOf(node: unknown): unknown {
  return typeof node === 'object' && node !== null && 'id' in node ? (node as { id: unknown }).id : undefined;
}

function append<T>(prev: readonly T[], page: readonly T[]): readonly T[] {
  const seen = new Set(prev.map(idOf).filter((id) => id !== undefined));
  return [...prev, ...page.filter((n) => { const id = idOf(n); return id === undefined || !seen.has(id); })];
}

/**
 * @param fetchPage one page after a cursor (null: the first); a new identity reads the first page again; null reads nothing.
 * @param reloadKey a change of it reads the first page again too (e.g. a counter bumped after a change elsewhere).
 */
export function usePagedList<R extends Connection>(fetchPage: PageFetcher<R> | null, reloadKey?: unknown): PagedList<R> {
  const [state, setState] = useState<State<R>>(() => ({
    source: null,
    key: undefined,
    items: [],
    total: 0,
    endCursor: null,
    hasMore: false,
    answer: null,
    error: null,
    busy: false,
    receivedAt: Date.now(),
  }));
  const request = useRef(0);

  const run = useCallback(async (fetcher: PageFetcher<R>, key: unknown, after: string | null) => {
    const n = ++request.current;
    try {
      const page = await fetcher(after);
      if (n !== request.current) return;
      const nodes = page.edges.map((e) => e.node as NodeOf<R>);
      setState((s) => ({
        source: fetcher,
        key,
        items: after === null ? nodes : append(s.items, nodes),
        total: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasMore: page.pageInfo.hasNextPage,
        answer: page,
        error: null,
        busy: false,
        receivedAt: Date.now(),
      }));
    } catch (e) {
      if (n !== request.current) return;
      setState((s) => ({ ...s, source: fetcher, key, error: e, busy: false, answer: after === null ? null : s.answer }));
    }
  }, []);

  useEffect(() => {
    if (fetchPage) void run(fetchPage, reloadKey, null);
    // Nothing to read: an answer still on its way is dropped.
    else request.current++;
  }, [fetchPage, reloadKey, run]);

  const current = fetchPage !== null && state.source === fetchPage && state.key === reloadKey;

  const more = async () => {
    if (!fetchPage || !current || !state.hasMore) return;
    setState((s) => ({ ...s, busy: true, error: null }));
    await run(fetchPage, reloadKey, state.endCursor);
  };

  const reload = async () => {
    if (!fetchPage) return;
    setState((s) => ({ ...s, busy: true, error: null }));
    await run(fetchPage, reloadKey, null);
  };

  const edit = useCallback((change: (items: readonly NodeOf<R>[]) => readonly NodeOf<R>[], added = 0) => {
    setState((s) => ({ ...s, items: change(s.items), total: s.total + added }));
  }, []);

  return {
    items: state.items,
    total: state.total,
    hasMore: state.hasMore,
    loading: (fetchPage !== null && !current) || state.busy,
    // An error of a list no longer shown (the filter changed since) is not shown either.
    error: current ? state.error : null,
    answer: state.answer,
    receivedAt: state.receivedAt,
    more,
    reload,
    edit,
  };
}
