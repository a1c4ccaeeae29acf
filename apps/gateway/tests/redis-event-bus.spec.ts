import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { DomainEvent } from '@platform/core';
import { RedisEventBus, decodeEnvelope, encodeEnvelope } from '@platform/server';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const quiet = pino({ level: 'silent' });
const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const event = (type: string, payload: unknown = {}): DomainEvent => ({ type, payload, occurredAt: new Date(), requestId: 'r' });

describe('domain event JSON on the Redis channel', () => {
  it('brings occurredAt and payload dates back as Date, and leaves date-like strings alone', () => {
    const occurredAt = new Date('2025-03-04T05:06:07.089Z');
    const dueAt = new Date('2025-04-01T00:00:00.000Z');
    const sent = { v: 1 as const, origin: 'o', seq: 7, event: { type: 'risk.hazard.reported', payload: { id: 'h', dueAt, note: '2025-03-04T05:06:07.089Z', list: [dueAt] }, occurredAt, requestId: 'req' } };
    const received = decodeEnvelope(encodeEnvelope(sent))!;
    expect(received).toEqual(sent);
    expect(received.event.occurredAt).toBeInstanceOf(Date);
    expect(received.event.occurredAt.getTime()).toBe(occurredAt.getTime());
    const payload = received.event.payload as { dueAt: Date; note: string; list: Date[] };
    expect(payload.dueAt).toBeInstanceOf(Date);
    expect(payload.list[0]).toBeInstanceOf(Date);
    expect(payload.note).toBe('2025-03-04T05:06:07.089Z');
  });

  it('refuses messages that are not domain events', () => {
    expect(decodeEnvelope('not json')).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ hello: 'world' }))).toBeNull();
    expect(decodeEnvelope(JSON.stringify({ v: 1, origin: 'o', seq: 1, event: { type: 't', payload: {}, occurredAt: '2025-01-01T00:00:00Z', requestId: 'r' } }))).toBeNull();
  });
});

describe('RedisEventBus', () => {
  const buses: RedisEventBus[] = [];
  const channel = `town-safety:test:${randomBytes(6).toString('hex')}`;
  const bus = async (log = quiet) => {
    const b = new RedisEventBus(REDIS_URL, log, { channel });
    buses.push(b);
    expect(await b.ready()).toBe(true);
    return b;
  };
  afterAll(async () => {
    for (const b of buses) await b.close();
  });

  it('delivers every event once to every bus on the channel, the publisher included, in publish order', async () => {
    const [a, b] = [await bus(), await bus()];
    const seenA: string[] = [];
    const seenB: string[] = [];
    const wildcard: string[] = [];
    a.subscribe('t.one', (e) => seenA.push(`${e.type}:${(e.payload as { n: number }).n}`));
    b.subscribe('t.one', (e) => seenB.push(`${e.type}:${(e.payload as { n: number }).n}`));
    b.subscribe('*', (e) => wildcard.push(e.type));
    const off = b.subscribe('t.two', (e) => seenB.push(`${e.type}:${(e.payload as { n: number }).n}`));
    for (let n = 1; n <= 20; n++) await a.publish(event(n % 2 ? 't.one' : 't.two', { n }));
    // The publisher's own handlers ran during publish, not after a round trip.
    expect(seenA).toEqual(Array.from({ length: 10 }, (_, i) => `t.one:${2 * i + 1}`));
    await until(() => seenB.length === 20);
    expect(seenB).toEqual(Array.from({ length: 20 }, (_, i) => `${i % 2 ? 't.two' : 't.one'}:${i + 1}`));
    off();
    await a.publish(event('t.two', { n: 21 }));
    await a.publish(event('t.one', { n: 22 }));
    await until(() => seenB.length === 21);
    await new Promise((r) => setTimeout(r, 100));
    expect(seenB.slice(20)).toEqual(['t.one:22']);
    expect(seenA).toHaveLength(11);
    expect(wildcard).toHaveLength(22);
  });

  it('keeps publishing in order, without duplicates, when the publisher connection drops', async () => {
    const [a, b] = [await bus(), await bus()];
    const seenA: number[] = [];
    const seenB: number[] = [];
    a.subscribe('t.kill', (e) => seenA.push((e.payload as { n: number }).n));
    b.subscribe('t.kill', (e) => seenB.push((e.payload as { n: number }).n));
    const admin = new Redis(REDIS_URL);
    try {
      // Only this bus's own publisher connection (named by its origin), nobody else's.
      const clients = String(await admin.call('CLIENT', 'LIST')).split('\n');
      const mine = clients.find((line) => line.includes(`name=events-${a.origin.slice(0, 8)}-pub`));
      expect(mine).toBeDefined();
      await admin.call('CLIENT', 'KILL', 'ID', /id=(\d+)/.exec(mine!)![1]!);
      for (let n = 1; n <= 5; n++) await a.publish(event('t.kill', { n }));
      expect(seenA).toEqual([1, 2, 3, 4, 5]);
      await until(() => seenB.length >= 5);
      await new Promise((r) => setTimeout(r, 200));
      expect(seenB).toEqual([1, 2, 3, 4, 5]);
      expect(seenA).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await admin.quit();
    }
  });

  it('never delivers a message twice to a bus (a retried PUBLISH is skipped by its running number)', async () => {
    const b = await bus();
    const seen: number[] = [];
    b.subscribe('t.dup', (e) => seen.push((e.payload as { n: number }).n));
    const raw = new Redis(REDIS_URL);
    try {
      const message = (seq: number, n: number) => encodeEnvelope({ v: 1, origin: 'elsewhere', seq, event: event('t.dup', { n }) });
      for (const [seq, n] of [[1, 1], [1, 1], [2, 2], [1, 1], [3, 3], [3, 3]] as const) await raw.publish(channel, message(seq, n));
      await raw.publish(channel, 'garbage');
      await until(() => seen.length >= 3);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual([1, 2, 3]);
    } finally {
      await raw.quit();
    }
  });

  it('delivers its own events locally when Redis is unreachable, and logs the outage once', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
    const down = new RedisEventBus('redis://127.0.0.1:1', log, { channel, redis: { retryStrategy: () => 20 } });
    try {
      expect(await down.ready(200)).toBe(false);
      const seen: DomainEvent[] = [];
      down.subscribe('t.local', (e) => seen.push(e));
      for (let n = 0; n < 50; n++) await down.publish(event('t.local', { n }));
      expect(seen).toHaveLength(50);
      await new Promise((r) => setTimeout(r, 300));
      const failures = lines.filter((l) => l.includes('connection failed'));
      expect(failures).toHaveLength(2); // publisher and subscriber, once each despite many retries
    } finally {
      const started = Date.now();
      await down.close();
      expect(Date.now() - started).toBeLessThan(1500);
    }
  });
});
