import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** Resolves after `ms` milliseconds. */
export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 20 ms until it holds; rejects after `ms` milliseconds. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for an event');
    await pause(20);
  }
}

/**
 * What these helpers need of a test gateway (`startTestGateway`): where it listens. Typed by shape, so
 * the gateway, whose `close()` calls `disconnectAll`, is not imported back here.
 */
export type SocketTarget = { readonly origin: string };

/** The graphql-ws clients open against each test gateway; its `close()` disposes them first. */
const openClients = new WeakMap<SocketTarget, Set<Client>>();

/**
 * A graphql-ws client on the gateway's `/graphql` socket, authenticated with the access token
 * `token` (`Bearer …`), anonymous for null, or with the connection parameters given. Disposed when
 * the gateway closes, if not before.
 */
export function connect(t: SocketTarget, token: string | null | Record<string, string>): Client {
  const connectionParams = typeof token === 'string' ? { authorization: `Bearer ${token}` } : (token ?? {});
  const client = createClient({ url: `${t.origin.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
  openClients.set(t, (openClients.get(t) ?? new Set<Client>()).add(client));
  return client;
}

/** Disposes every client `connect` opened against `t` (disposing twice does no harm). */
export async function disconnectAll(t: SocketTarget): Promise<void> {
  const open = openClients.get(t);
  openClients.delete(t);
  for (const client of open ?? []) await client.dispose();
}

export interface Subscription<T> {
  /** The value of the subscription's root field in each result with data, in the order received. */
  readonly items: T[];
  /** GraphQL errors of results, and what ended the subscription abnormally (a refused subscribe, a closed socket). */
  readonly errors: unknown[];
  /** Waits until `check` holds (a number: until that many items or errors have arrived); rejects after `ms`. */
  until(check: number | (() => boolean), ms?: number): Promise<void>;
  /** Ends the subscription and disposes its connection. */
  stop(): Promise<void>;
}

/**
 * Subscribes over a connection of its own (see `connect`) and collects everything the subscription
 * delivers in the background. Give the server a moment (`pause`) before causing the first event.
 */
export function subscribe<T = Record<string, any>>(t: SocketTarget, token: string | null | Record<string, string>, query: string, variables?: Record<string, unknown>): Subscription<T> {
  const client = connect(t, token);
  const items: T[] = [];
  const errors: unknown[] = [];
  const events = client.iterate<Record<string, T>>({ query, variables });
  void (async () => {
    try {
      for await (const result of events) {
        if (result.errors) errors.push(...result.errors);
        else items.push(Object.values(result.data ?? {})[0] as T);
      }
    } catch (error) {
      errors.push(...(Array.isArray(error) ? error : [error]));
    }
  })();
  return {
    items,
    errors,
    until: (check, ms) => until(typeof check === 'number' ? () => items.length + errors.length >= check : check, ms),
    async stop() {
      await events.return?.();
      openClients.get(t)?.delete(client);
      await client.dispose();
    },
  };
}
