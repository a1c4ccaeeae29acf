import pino from 'pino';
import { startTestGateway, type TestGateway } from '@platform/testing';
import { OUTBOX_PRUNE } from '@platform/server';
import { InProcessEventBus, RequestContext, SYSTEM, countStatements, transaction, type DomainEvent } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { probeModule } from './probe.module';

type OutboxRow = { id: string; type: string; payload: unknown; request_id: string; actor_kind: string; actor_id: string | null; dispatched_at: Date | null };

/**
 * The transactional outbox (kernel): a transaction's events are written in it with the change, in
 * one statement, and not at all when it rolls back; an event emitted outside a transaction is written
 * on its own; rows past EVENT_OUTBOX_RETENTION_HOURS are pruned by a periodic job.
 */
describe('event outbox', () => {
  let t: TestGateway;
  const rows = (where: string, params: unknown[] = []): Promise<OutboxRow[]> =>
    t.gateway.database.dataSource.query(`SELECT id::text, type, payload, request_id, actor_kind, actor_id, dispatched_at FROM event_outbox WHERE ${where} ORDER BY id`, params);
  /** A system context on the gateway's database whose published events land in `published`. */
  const systemContext = (requestId: string, published: DomainEvent[] = []) => {
    const events = new InProcessEventBus();
    events.subscribe('*', (e) => published.push(e));
    return new RequestContext({ requestId, principal: SYSTEM, dataSource: t.gateway.database.dataSource, events, log: pino({ level: 'silent' }) });
  };

  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, probeModule], { seed: true });
  });
  afterAll(() => t?.close());

  it('writes a mutation\'s event with its change, naming the request and the actor, and nothing when it rolls back', async () => {
    const admin = await t.as('admin');
    const failed = await admin(`mutation { writeProbe(name: "回滚", fail: true) { id } }`);
    expect(failed.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await rows(`request_id = $1`, [failed.headers.get('x-request-id')])).toEqual([]);

    const ok = await admin(`mutation { writeProbe(name: "提交") { id } }`);
    const id = ok.body.data!['writeProbe'].id;
    const [adminId] = await t.gateway.database.dataSource.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    expect(await rows(`request_id = $1`, [ok.headers.get('x-request-id')])).toEqual([
      { id: expect.stringMatching(/^\d+$/), type: 'probe.created', payload: { id }, request_id: ok.headers.get('x-request-id'), actor_kind: 'user', actor_id: adminId.id, dispatched_at: null },
    ]);
  });

  it('writes every event of a transaction with one statement, in order, and none for a transaction without events', async () => {
    const ctx = systemContext('outbox-batch');
    const three = await countStatements(() =>
      transaction(ctx, async (tx) => {
        await tx.emit('probe.created', { id: 'a' });
        await tx.emit('probe.created', { id: 'b' });
        await tx.emit('probe.renamed', { id: 'a', name: '甲' });
      }),
    );
    expect(three.statements).toBe(1);
    const written = await rows(`request_id = 'outbox-batch'`);
    expect(written.map((r) => [r.type, r.payload, r.actor_kind, r.actor_id])).toEqual([
      ['probe.created', { id: 'a' }, 'system', null],
      ['probe.created', { id: 'b' }, 'system', null],
      ['probe.renamed', { id: 'a', name: '甲' }, 'system', null],
    ]);
    expect(Number(written[1]!.id)).toBeGreaterThan(Number(written[0]!.id));

    const none = await countStatements(() => transaction(systemContext('outbox-none'), async () => 42));
    expect(none).toEqual({ result: 42, statements: 0 });
    expect(await rows(`request_id = 'outbox-none'`)).toEqual([]);
  });

  it('drops a rolled-back transaction\'s events, and writes an event emitted outside a transaction on its own before publishing it', async () => {
    const published: DomainEvent[] = [];
    const ctx = systemContext('outbox-outside', published);
    await expect(
      transaction(ctx, async (tx) => {
        await tx.emit('probe.created', { id: 'never' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(published).toEqual([]);
    const alone = await countStatements(() => ctx.emit('probe.swept', { count: 3 }));
    expect(alone.statements).toBe(1);
    expect(published.map((e) => e.type)).toEqual(['probe.swept']);
    expect((await rows(`request_id = 'outbox-outside'`)).map((r) => [r.type, r.payload])).toEqual([['probe.swept', { count: 3 }]]);
  });

  it('prunes the rows recorded longer ago than EVENT_OUTBOX_RETENTION_HOURS (168 by default) and keeps the rest', async () => {
    const ds = t.gateway.database.dataSource;
    await transaction(systemContext('outbox-old'), async (tx) => {
      await tx.emit('probe.created', { id: 'old-1' });
      await tx.emit('probe.created', { id: 'old-2' });
    });
    await transaction(systemContext('outbox-recent'), (tx) => tx.emit('probe.created', { id: 'recent' }));
    await ds.query(`UPDATE event_outbox SET recorded_at = now() - interval '169 hours' WHERE request_id = 'outbox-old'`);
    await ds.query(`UPDATE event_outbox SET recorded_at = now() - interval '167 hours' WHERE request_id = 'outbox-recent'`);
    const before = Number((await ds.query(`SELECT count(*) AS n FROM event_outbox`))[0].n);
    expect(await t.gateway.jobs.get(OUTBOX_PRUNE)!.runNow()).toBe(2);
    expect(await rows(`request_id IN ('outbox-old', 'outbox-recent')`)).toEqual([expect.objectContaining({ payload: { id: 'recent' } })]);
    expect(Number((await ds.query(`SELECT count(*) AS n FROM event_outbox`))[0].n)).toBe(before - 2);
  });
});
