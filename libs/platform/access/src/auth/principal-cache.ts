import { Client, type ClientConfig } from 'pg';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { poolConnectionSettings, type Principal } from '@platform/core';
import { ACCESS_CHANGED_CHANNEL, listenForAccessChanges, pingListener } from './access-listener.sql';

export { ACCESS_CHANGED_CHANNEL };

export interface PrincipalCacheOptions {
  /** Connection settings for the listening connection (the pool's own). */
  readonly connection: ClientConfig;
  /** Longest time an entry is trusted even without a notice; 0 turns the cache off. */
  readonly ttlMs: number;
  readonly log: Logger;
  /** Most principals kept (least recently used go first). */
  readonly max?: number;
  /** Most trusted-document lookups kept, and their total size in characters of text (least recently used go first). */
  readonly documents?: { readonly max: number; readonly maxChars: number };
  /**
   * Strict: before a kept principal is used, every access change committed before the request
   * arrived has reached this process (see `sync`). Otherwise a change applies once its notice
   * arrives, normally within milliseconds.
   */
  readonly strict?: boolean;
  /** How long `sync` waits for the listening connection before giving up on it (the cache is then bypassed). */
  readonly syncTimeoutMs?: number;
}

/** A trusted document's text as looked up (null: none registered, or revoked). */
interface KeptDocument {
  readonly text: string | null;
}

/**
 * Loaded principals kept in memory, so a request with a known session or API key costs no SQL; and,
 * under the same rules, the trusted documents looked up for API clients (`document`).
 * Safe because it is dropped as a whole whenever the database says access changed: the access
 * tables' triggers `NOTIFY access_changed` on commit and this cache LISTENs on its own connection
 * (every gateway process does). The access services of this process also empty it as their
 * transaction commits (`accessChanged`), so their changes apply to its next request without waiting
 * for the notice. While the listening connection is down the cache is bypassed and emptied, and no
 * entry outlives `ttlMs`, nor its session's or API key's own expiry.
 */
export class PrincipalCache {
  private readonly entries: LRUCache<string, Principal>;
  private readonly documents: LRUCache<string, KeptDocument>;
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  /** Notices received (tests wait on it). */
  notices = 0;
  /** Bumped by every clear: a principal loaded before a clear is not kept (it may predate the change). */
  private generation = 0;
  /** The round trip on the listening connection now on the wire, and the one queued to start after it. */
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly options: PrincipalCacheOptions) {
    this.entries = new LRUCache<string, Principal>({ max: options.max ?? 10_000, ttl: Math.max(options.ttlMs, 1) });
    const documents = options.documents ?? { max: 10_000, maxChars: 8_000_000 };
    this.documents = new LRUCache<string, KeptDocument>({
      max: documents.max,
      maxSize: documents.maxChars,
      sizeCalculation: (kept) => Math.max(1, kept.text?.length ?? 0),
      ttl: Math.max(options.ttlMs, 1),
    });
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0;
  }

  /** Starts listening; resolves once the first LISTEN is in place (or failed, then retries in the background). */
  async start(): Promise<void> {
    if (this.enabled) await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  /**
   * The principal under `key`: from memory, or loaded by `load` and kept until its `notAfter` (epoch
   * ms) at the latest, unless access changed while it was loading (it may predate the change).
   */
  async through(key: string, load: () => Promise<{ principal: Principal; notAfter?: number }>): Promise<Principal> {
    return this.keep(this.entries, key, async () => {
      const { principal, notAfter } = await load();
      return { value: principal, notAfter };
    });
  }

  /**
   * The text of a trusted document under `key` (an API client and a document id): from memory, or
   * looked up by `load` and kept like a principal (dropped on every access change, which registering
   * and revoking documents are; in strict mode used only after the round trip that brings every
   * change committed before). Unknown ids are kept too (null), within the same bounds.
   */
  async document(key: string, load: () => Promise<string | null>): Promise<string | null> {
    return (await this.keep(this.documents, key, async () => ({ value: { text: await load() } }))).text;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.documents.clear();
  }

  /** A value under `key` in `entries`: from memory, or loaded and kept until its `notAfter` (epoch ms) at the latest, unless access changed while it was loading. */
  private async keep<V extends object>(entries: LRUCache<string, V>, key: string, load: () => Promise<{ value: V; notAfter?: number }>): Promise<V> {
    if (this.options.strict && this.listening) await this.sync();
    const cached = this.listening ? entries.get(key) : undefined;
    if (cached) return cached;
    const since = this.generation;
    const { value, notAfter = Number.POSITIVE_INFINITY } = await load();
    const ttl = Math.min(this.options.ttlMs, notAfter - Date.now());
    if (this.listening && since === this.generation && ttl > 0) entries.set(key, value, { ttl });
    return value;
  }

  /**
   * Resolves once every access change committed before the call has reached this process. PostgreSQL
   * signals the listening sessions when a notifying transaction commits, and a session sends its
   * pending notices before the answer to its next query; so an answered `SELECT 1` on the listening
   * connection, sent after the call, comes after the notices of every earlier commit (each empties the
   * cache as it arrives). Callers share round trips: one on the wire, and one queued behind it for
   * those who came while it was already sent. A connection that does not answer in time is dropped
   * (cache bypassed until it is back).
   */
  sync(): Promise<void> {
    if (!this.listening || !this.client) return Promise.resolve();
    if (!this.current) return this.roundTrip(this.client);
    return (this.next ??= this.current.then(() => {
      this.next = null;
      return this.client ? this.roundTrip(this.client) : undefined;
    }));
  }

  private roundTrip(client: Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer from the access change listener')), this.options.syncTimeoutMs ?? 2000);
    });
    const trip: Promise<void> = Promise.race([pingListener(client), timeout])
      .then(
        () => undefined,
        (err: unknown) => {
          this.options.log.warn({ err }, 'access change listener did not answer; principal cache bypassed until it reconnects');
          this.lost(client);
          void client.end().catch(() => undefined);
        },
      )
      .finally(() => {
        clearTimeout(timer);
        if (this.current === trip) this.current = null;
      });
    this.current = trip;
    return trip;
  }

  private async connect(): Promise<void> {
    const client = new Client({ ...this.options.connection, application_name: 'town-safety-gateway:access-listener' });
    client.on('notification', () => {
      this.notices++;
      this.clear();
    });
    client.on('error', (err) => {
      this.options.log.warn({ err }, 'access change listener lost its connection; principal cache bypassed until it is back');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await listenForAccessChanges(client);
    } catch (err) {
      this.options.log.warn({ err }, 'access change listener could not connect; principal cache bypassed, retrying');
      this.lost(client);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.clear();
    this.listening = true;
  }

  private lost(client: Client): void {
    if (this.client && this.client !== client) return;
    this.drop();
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, 1000);
    this.retry.unref();
  }

  private drop(): void {
    this.listening = false;
    this.client = null;
    this.clear();
  }
}

/** The settings the data source's pool connects with, for a connection of its own. */
export function listenerConnection(dataSource: DataSource): ClientConfig {
  return poolConnectionSettings(dataSource);
}
