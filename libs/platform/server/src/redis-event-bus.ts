import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from '@platform/core';

/** The default pub/sub channel of domain events (`EVENTS_CHANNEL`). */
export const DEFAULT_EVENTS_CHANNEL = 'town-safety:events';

/** What travels on the channel: the event, the publishing bus and its running number. */
interface Envelope {
  readonly v: 1;
  /** The publishing bus (one per gateway process), random per start. */
  readonly origin: string;
  /** 1, 2, 3, … per origin, in publish order. */
  readonly seq: number;
  readonly event: DomainEvent;
}

const DATE_TAG = '$date';

/**
 * The envelope as JSON. Dates anywhere in it (`occurredAt`, and any in the payload) are written as
 * `{ "$date": "<ISO 8601>" }` so that `decodeEnvelope` turns exactly them, and no look-alike
 * string, back into Date.
 */
export function encodeEnvelope(envelope: Envelope): string {
  return JSON.stringify(envelope, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: Number.isNaN(raw.getTime()) ? null : raw.toISOString() } : value;
  });
}

/** The envelope from its JSON; null when the message is not one (another writer on the channel). */
export function decodeEnvelope(message: string): Envelope | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message, (_key, value: unknown) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const keys = Object.keys(value);
        if (keys.length === 1 && keys[0] === DATE_TAG) {
          const iso = (value as Record<string, unknown>)[DATE_TAG];
          if (iso === null || typeof iso === 'string') return new Date(iso ?? NaN);
        }
      }
      return value;
    });
  } catch {
    return null;
  }
  const e = parsed as Partial<Envelope> | null;
  const event = e?.event as Partial<DomainEvent> | undefined;
  if (!e || e.v !== 1 || typeof e.origin !== 'string' || !Number.isSafeInteger(e.seq)) return null;
  if (!event || typeof event.type !== 'string' || !(event.occurredAt instanceof Date) || typeof event.requestId !== 'string') return null;
  return e as Envelope;
}

type Handler = (event: DomainEvent) => void;

export interface RedisEventBusOptions {
  /** The pub/sub channel (`EVENTS_CHANNEL`); every gateway that should see each other's events uses the same one. */
  channel?: string;
  /** Events kept for Redis while it is unreachable; beyond it the oldest are dropped (they were delivered locally). */
  maxQueued?: number;
  /** Extra ioredis options (tests). */
  redis?: RedisOptions;
}

/**
 * Domain events across gateway processes over Redis pub/sub.
 *
 * - One channel (`EVENTS_CHANNEL`, default `town-safety:events`) carries every event type, the type
 *   inside the JSON: one SUBSCRIBE per process, no channel bookkeeping as subscriptions come and go,
 *   and one ordered stream, so a publisher's events arrive everywhere in the order it published them.
 * - Two connections per bus (one gateway per process): a publisher, and one subscriber connection
 *   that feeds an in-process dispatcher; the `subscribe` handlers of that process hang off it.
 * - The publishing process delivers its own events locally at once (as the in-process bus does) and
 *   skips their echo from Redis (by its random origin id), so it never loses or doubles them, even
 *   when Redis is down. Every message carries its origin's running number; a receiver drops any
 *   number it has already passed, so a retried PUBLISH never delivers an event twice either.
 * - While Redis is unreachable, events wait in a bounded queue (`maxQueued`, oldest dropped) and go
 *   out in order once the connection is back; ioredis reconnects and re-subscribes by itself.
 *   Pub/sub keeps nothing: a process whose subscriber is disconnected misses what was published
 *   meanwhile (delivery across processes is at most once, never twice).
 * - Connection trouble is logged once per outage and connection (and once when it is back), never per
 *   event. `publish` resolves when local handlers ran and the event is queued for Redis.
 */
export class RedisEventBus implements EventBus {
  /** This bus's id in the messages it publishes. */
  readonly origin = randomUUID();
  readonly channel: string;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly outbox: string[] = [];
  private readonly maxQueued: number;
  /** The last running number seen per origin. */
  private readonly lastSeq = new Map<string, number>();
  private readonly subscribed: Promise<void>;
  private seq = 0;
  private pumping: Promise<void> | null = null;
  private dropped = 0;
  /** Messages dropped from the outbox's head so far (full queue). */
  private shifted = 0;
  private malformed = 0;
  private closed = false;
  private published = 0;
  private received = 0;

  constructor(
    redisUrl: string,
    private readonly log: Logger,
    options: RedisEventBusOptions = {},
  ) {
    this.channel = options.channel ?? DEFAULT_EVENTS_CHANNEL;
    this.maxQueued = options.maxQueued ?? 10_000;
    const name = `events-${this.origin.slice(0, 8)}`;
    // disconnectTimeout: how long a closing socket may linger (ioredis keeps a timer that long even for a dead one).
    const common: RedisOptions = { disconnectTimeout: 200, ...options.redis };
    // Publisher: no ioredis offline queue (the outbox is ours, bounded and ordered), fail fast.
    this.publisher = new Redis(redisUrl, { connectionName: `${name}-pub`, enableOfflineQueue: false, maxRetriesPerRequest: 1, ...common });
    // Subscriber: SUBSCRIBE waits for the connection however long; ioredis re-subscribes after reconnects.
    this.subscriber = new Redis(redisUrl, { connectionName: `${name}-sub`, maxRetriesPerRequest: null, autoResubscribe: true, ...common });
    this.watch(this.publisher, 'publisher');
    this.watch(this.subscriber, 'subscriber');
    this.publisher.on('ready', () => void this.pump());
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    this.subscribed = this.subscriber.subscribe(this.channel).then(
      () => undefined,
      (err: unknown) => {
        if (!this.closed) this.log.error({ err, channel: this.channel }, 'events: could not subscribe to Redis');
      },
    );
  }

  /** True once the subscription is in place; false when it is not within `timeoutMs` (it keeps trying). */
  async ready(timeoutMs = 5000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.subscribed.then(() => this.subscriber.status === 'ready'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For metrics: both connections ready, events waiting for Redis, events sent to and heard from other processes so far. */
  stats(): { connected: boolean; queued: number; published: number; received: number } {
    return { connected: this.publisher.status === 'ready' && this.subscriber.status === 'ready', queued: this.outbox.length, published: this.published, received: this.received };
  }

  async publish(event: DomainEvent): Promise<void> {
    const envelope: Envelope = { v: 1, origin: this.origin, seq: ++this.seq, event };
    this.dispatch(event);
    if (this.closed) return;
    if (this.outbox.length >= this.maxQueued) {
      this.outbox.shift();
      this.shifted++;
      if (this.dropped++ === 0) this.log.error({ maxQueued: this.maxQueued }, 'events: Redis unreachable and the queue is full; dropping the oldest events for other gateways');
    }
    this.outbox.push(encodeEnvelope(envelope));
    void this.pump();
  }

  subscribe(type: string, handler: Handler): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    // One registration per subscribe call, even for the same function twice (as EventEmitter does).
    const entry: Handler = (event) => handler(event);
    set.add(entry);
    return () => {
      set.delete(entry);
      if (!set.size && this.handlers.get(type) === set) this.handlers.delete(type);
    };
  }

  /** Sends what is queued (also on close), then quits both connections. */
  async close(timeoutMs = 1000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.outbox.length && this.publisher.status === 'ready') {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.pump(), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    }
    if (this.outbox.length) this.log.warn({ pending: this.outbox.length }, 'events: closing with events other gateways did not get');
    await Promise.all([quit(this.publisher, timeoutMs), quit(this.subscriber, timeoutMs)]);
  }

  /** Runs the handlers of the event's type, then the `*` ones; one failing handler does not stop the others. */
  private dispatch(event: DomainEvent): void {
    for (const type of [event.type, '*']) {
      const set = this.handlers.get(type);
      if (!set) continue;
      for (const handler of [...set]) {
        try {
          handler(event);
        } catch (err) {
          this.log.error({ err, event: event.type }, 'events: a subscriber failed');
        }
      }
    }
  }

  private receive(message: string): void {
    const envelope = decodeEnvelope(message);
    if (!envelope) {
      if (this.malformed++ === 0) this.log.warn({ channel: this.channel }, 'events: ignoring a message that is not a domain event (logged once)');
      return;
    }
    // Our own events were delivered when published.
    if (envelope.origin === this.origin) return;
    const last = this.lastSeq.get(envelope.origin) ?? 0;
    if (envelope.seq <= last) return;
    // Map order is insertion order: re-insert so the least recently heard origins go first when trimming.
    this.lastSeq.delete(envelope.origin);
    this.lastSeq.set(envelope.origin, envelope.seq);
    if (this.lastSeq.size > 10_000) this.lastSeq.delete(this.lastSeq.keys().next().value!);
    this.received++;
    this.dispatch(envelope.event);
  }

  /** Publishes the outbox in order, in pipelined batches, while the connection is ready. */
  private pump(): Promise<void> {
    if (this.pumping) return this.pumping;
    if (!this.outbox.length || this.publisher.status !== 'ready') return Promise.resolve();
    return (this.pumping = (async () => {
      await Promise.resolve(); // `pumping` is set before the loop runs
      try {
        while (this.outbox.length && this.publisher.status === 'ready') {
          const batch = this.outbox.slice(0, 500);
          const shiftedBefore = this.shifted;
          const pipeline = this.publisher.pipeline();
          for (const message of batch) pipeline.publish(this.channel, message);
          const results = (await pipeline.exec().catch(() => null)) ?? [];
          let sent = 0;
          while (sent < batch.length && results[sent] && !results[sent]![0]) sent++;
          // While a batch is out the outbox grows at its end, or loses its head when full.
          this.outbox.splice(0, Math.max(0, sent - (this.shifted - shiftedBefore)));
          this.published += sent;
          // Unsent ones stay for the next 'ready'; receivers skip any that did get through (running number).
          if (sent < batch.length) break;
        }
        if (!this.outbox.length) this.dropped = 0;
      } finally {
        this.pumping = null;
      }
    })());
  }

  /** Logs a connection's trouble once per outage, and its return. */
  private watch(connection: Redis, role: string): void {
    let down = false;
    connection.on('error', (err: Error) => {
      if (down || this.closed) return;
      down = true;
      this.log.warn({ err, role, channel: this.channel }, `events: Redis ${role} connection failed; reconnecting (events stay in this process meanwhile)`);
    });
    connection.on('ready', () => {
      if (!down) return;
      down = false;
      this.log.info({ role, channel: this.channel }, `events: Redis ${role} connection is back`);
    });
  }
}

async function quit(connection: Redis, timeoutMs: number): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([connection.quit().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  // Still open when QUIT got no answer in time (status changes behind TypeScript's narrowing).
  if ((connection.status as string) !== 'end') connection.disconnect();
}
