import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { SYSTEM } from '../context/principal';
import type { RequestContext } from '../context/request-context';
import { InProcessEventBus } from '../events/event-bus';
import { ManualClock } from '../time/clock';
import { JOB_LOCK_CLASS, PeriodicJobs } from './periodic-jobs';

// The jest global setup points this at the test PostgreSQL; advisory locks need no tables, and each test's job names are unique.
const url = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await pause(10);
  }
}
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
/** Whether a promise has settled by now (after the pending callbacks ran). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await pause(50);
  return done;
}

describe('periodic jobs (runtime.every)', () => {
  let dataSource: DataSource;
  let other: Client;
  let jobs: PeriodicJobs;
  let lines: Array<Record<string, any>>;
  const clock = new ManualClock(new Date('2025-07-01T02:00:00Z'));
  const events = new InProcessEventBus();
  const name = () => `test.${randomUUID()}`;
  /** Takes (`pg_advisory_lock`, `pg_try_advisory_lock`) or frees the job's lock from a second connection, as another replica would. */
  const lockElsewhere = (job: string, fn: 'pg_advisory_lock' | 'pg_try_advisory_lock' | 'pg_advisory_unlock') =>
    other.query(`SELECT ${fn}($1, hashtext($2))::text AS answer`, [JOB_LOCK_CLASS, job]).then((r) => r.rows[0].answer as string);

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url, poolSize: 4 });
    await dataSource.initialize();
    other = new Client({ connectionString: url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await dataSource?.destroy();
  });
  beforeEach(() => {
    lines = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
    jobs = new PeriodicJobs({ dataSource, events, clock, log: pino({ level: 'debug' }, sink) });
  });
  afterEach(() => jobs.stop());

  it('runs the work as the system principal with the clock, the bus and a request id naming the job, then frees the lock', async () => {
    const job = name();
    let seen: RequestContext | undefined;
    const handle = jobs.every(job, 3_600_000, async (ctx) => ((seen = ctx), 42), { firstRunMs: 3_600_000 });
    expect(await handle.runNow()).toBe(42);
    expect(seen!.principal).toBe(SYSTEM);
    expect(seen!.clock).toBe(clock);
    expect(seen!.events).toBe(events);
    expect(seen!.requestId).toMatch(new RegExp(`^job:${job}:[0-9a-f-]{36}$`));
    expect(jobs.get(job)).toBe(handle);
    // Released after the run: another replica can take it.
    expect(await lockElsewhere(job, 'pg_try_advisory_lock')).toBe('true');
    await lockElsewhere(job, 'pg_advisory_unlock');
  });

  it('is single-flight: ticks during a run are skipped, runNow waits for the run to end; its timers do not hold the process', async () => {
    const intervals = jest.spyOn(global, 'setInterval');
    const first = gate();
    let calls = 0;
    let active = 0;
    let most = 0;
    const handle = jobs.every(name(), 20, async () => {
      calls++;
      most = Math.max(most, ++active);
      if (calls === 1) await first.wait;
      active--;
    });
    expect((intervals.mock.results.at(-1)!.value as NodeJS.Timeout).hasRef()).toBe(false);
    intervals.mockRestore();
    await until(() => calls === 1);
    await pause(150); // about seven ticks
    expect(calls).toBe(1);
    const now = handle.runNow();
    expect(await settled(now)).toBe(false);
    first.open();
    await now;
    expect(calls).toBe(2); // the skipped ticks were not queued behind the run
    await until(() => calls >= 4); // ticking again
    expect(most).toBe(1);
  });

  it('settles once every job had its first run and nothing runs or is queued (a nudge during a run is waited for too)', async () => {
    const slow = gate();
    const again = gate();
    const runs: string[] = [];
    const a = name();
    const b = name();
    jobs.every(a, 3_600_000, async () => {
      runs.push('a');
      if (runs.filter((r) => r === 'a').length === 2) await again.wait;
    });
    const handleB = jobs.every(b, 3_600_000, async () => {
      runs.push('b');
      if (runs.length <= 2) await slow.wait;
    });
    // A first run scheduled for later is not waited for.
    jobs.every(name(), 3_600_000, async () => void runs.push('later'), { firstRunMs: 3_600_000 });
    const done = jobs.settled();
    expect(await settled(done)).toBe(false);
    await until(() => runs.includes('b'));
    jobs.get(a)!.nudge(); // a second run of a, which waits for b's turn and then for its gate
    expect(await settled(done)).toBe(false);
    slow.open();
    await until(() => runs.filter((r) => r === 'a').length === 2);
    expect(await settled(done)).toBe(false);
    again.open();
    await done;
    expect(runs).toEqual(['a', 'b', 'a']);
    // Settled now: at once.
    await jobs.settled();
    await handleB.stop();
  });

  it('skips ticks while another replica holds the lock; runNow waits for it; ticks resume once it is free', async () => {
    const job = name();
    await lockElsewhere(job, 'pg_advisory_lock');
    let calls = 0;
    const handle = jobs.every(job, 20, async () => void calls++);
    await pause(200);
    expect(calls).toBe(0);
    expect(lines.some((l) => l['job'] === job && /another replica is running it; tick skipped/.test(l['msg']))).toBe(true);
    const now = handle.runNow();
    expect(await settled(now)).toBe(false);
    await lockElsewhere(job, 'pg_advisory_unlock');
    await now;
    expect(calls).toBe(1);
    await until(() => calls >= 3);
  });

  it('stops: waits for the run under way, aborts its signal, cancels the timers and refuses runNow', async () => {
    const release = gate();
    let calls = 0;
    let signal: AbortSignal | undefined;
    const handle = jobs.every(name(), 20, async (_ctx, s) => {
      calls++;
      signal = s;
      await release.wait;
    });
    await until(() => calls === 1);
    const stopping = jobs.stop();
    expect(await settled(stopping)).toBe(false);
    expect(signal!.aborted).toBe(true);
    release.open();
    await stopping;
    await pause(100);
    expect(calls).toBe(1);
    await expect(handle.runNow()).rejects.toThrow(/is stopped/);
  });

  it('logs a failed run, frees the lock and runs again at the next tick, with no unhandled rejection', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const job = name();
      let calls = 0;
      jobs.every(job, 20, async () => {
        if (++calls === 1) throw new Error('boom');
      });
      await until(() => calls >= 3);
      const failures = lines.filter((l) => l['job'] === job && l['level'] === 50);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ msg: 'periodic job failed; it runs again at the next tick', err: { message: 'boom' } });
      // runNow hands the error to its caller instead.
      const failing = jobs.every(name(), 3_600_000, async () => Promise.reject(new Error('bad day')), { firstRunMs: 3_600_000 });
      await expect(failing.runNow()).rejects.toThrow('bad day');
      expect(await lockElsewhere(failing.name, 'pg_try_advisory_lock')).toBe('true');
      await lockElsewhere(failing.name, 'pg_advisory_unlock');
      await pause(20);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('lets the runs of one process take turns, so the lock connections never crowd out the work', async () => {
    const release = gate();
    let active = 0;
    let most = 0;
    const work = async () => {
      most = Math.max(most, ++active);
      await release.wait;
      active--;
    };
    const [a, b] = [jobs.every(name(), 3_600_000, work), jobs.every(name(), 3_600_000, work)];
    const both = Promise.all([a.runNow(), b.runNow()]);
    await pause(100);
    expect(active).toBe(1);
    release.open();
    await both;
    expect(most).toBe(1);
  });

  it('runs at once when nudged while idle, once more after the run under way when nudged during it, and outside the nudging request', async () => {
    const request = new AsyncLocalStorage<string>();
    const first = gate();
    const stores: Array<string | undefined> = [];
    const handle = jobs.every(name(), 3_600_000, async () => {
      stores.push(request.getStore());
      if (stores.length === 1) await first.wait;
    }, { firstRunMs: 3_600_000 });
    request.run('request-1', () => handle.nudge());
    await until(() => stores.length === 1);
    // Three nudges during the run: one more run after it, not three.
    request.run('request-2', () => [1, 2, 3].forEach(() => handle.nudge()));
    await pause(50);
    expect(stores).toHaveLength(1);
    first.open();
    await until(() => stores.length === 2);
    await pause(100);
    expect(stores).toEqual([undefined, undefined]);
  });

  it('runs a job that is not exclusive without the lock: while another replica holds it, and beside an exclusive run under way', async () => {
    const job = name();
    await lockElsewhere(job, 'pg_advisory_lock');
    const release = gate();
    const busy = jobs.every(name(), 3_600_000, () => release.wait, { firstRunMs: 3_600_000 });
    const running = busy.runNow();
    await pause(50);
    let calls = 0;
    const free = jobs.every(job, 3_600_000, async () => ++calls, { firstRunMs: 3_600_000, exclusive: false });
    expect(await free.runNow()).toBe(1);
    free.nudge();
    await until(() => calls === 2);
    release.open();
    await running;
    await lockElsewhere(job, 'pg_advisory_unlock');
  });

  it('refuses a name already scheduled and intervals out of range', () => {
    const job = name();
    jobs.every(job, 1000, async () => undefined);
    expect(() => jobs.every(job, 1000, async () => undefined)).toThrow(/already scheduled/);
    expect(() => jobs.every(name(), 0, async () => undefined)).toThrow(RangeError);
    expect(() => jobs.every(name(), Number.NaN, async () => undefined)).toThrow(RangeError);
    expect(() => jobs.every(name(), 3_000_000_000, async () => undefined)).toThrow(RangeError);
  });
});
