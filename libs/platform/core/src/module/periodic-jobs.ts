import { AsyncResource } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { RequestContext } from '../context/request-context';
import { SYSTEM } from '../context/principal';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../time/clock';

/** Advisory-lock class of periodic jobs (two-key form, so no single-key lock can collide); the second key hashes the job's name. */
export const JOB_LOCK_CLASS = 0x4a_4f_42_53; // "JOBS"

/** setInterval refuses longer delays (it fires after 1 ms instead). */
const MAX_TIMER_MS = 2_147_483_647;

/** The work of a periodic job: runs as the system principal; `signal` aborts when the job stops (shutdown), for work done in batches. */
export type JobWork<T> = (ctx: RequestContext, signal: AbortSignal) => Promise<T>;

export interface EveryOptions {
  /** Delay of the first run after start, in ms; 0 (right away) by default. */
  readonly firstRunMs?: number;
  /**
   * True (the default): one replica at a time, under the job's advisory lock, taking turns with this
   * process's other runs. False: every replica runs it when due, without the lock (and without waiting
   * for the others' turns), for work that is safe in parallel by itself (`FOR UPDATE SKIP LOCKED`).
   */
  readonly exclusive?: boolean;
}

/** A job scheduled by `every`. */
export interface PeriodicJob<T = void> {
  readonly name: string;
  /**
   * Runs the work now and resolves with its result (tests, admin commands): after the run under way
   * in this process, holding the job's lock (waiting while another replica runs the job). Rejects
   * with the work's error, or when the job is stopped.
   */
  runNow(): Promise<T>;
  /**
   * Asks for a run soon, e.g. right after a commit that left work for the job: at once when idle, else
   * once more right after the run under way (never more than one queued). It runs outside the caller's
   * request (its statements and spans are not the request's), like a tick: skipped while another
   * replica holds an exclusive job's lock; errors are logged.
   */
  nudge(): void;
  /** Cancels the timers, aborts the work's signal and waits for the run under way. */
  stop(): Promise<void>;
}

/**
 * Schedules `work` every `intervalMs` (first run after `options.firstRunMs`, right away by default).
 * Runs are single-flight (a tick while the previous run is under way is skipped) and replica-safe (a
 * PostgreSQL advisory lock per name: the replica that holds it runs, the others skip the tick).
 * Errors are logged and the next tick runs again. Names are unique; `"<module>.<what>"` by convention.
 */
export type Every = <T>(name: string, intervalMs: number, work: JobWork<T>, options?: EveryOptions) => PeriodicJob<T>;

export interface PeriodicJobsInit {
  readonly dataSource: DataSource;
  readonly events: EventBus;
  readonly log: Logger;
  /** The runs' `ctx.clock`. */
  readonly clock: Clock;
  /** False: no timers, jobs run only through `runNow` (one-off commands that start the modules). */
  readonly timers?: boolean;
}

/** The periodic jobs of one process (the gateway's, or a command's): `every` for the modules, `stop` on shutdown. */
export class PeriodicJobs {
  private readonly jobs = new Map<string, ScheduledJob<unknown>>();
  /** The end of the last run queued in this process (see `inTurn`). */
  private turn: Promise<void> = Promise.resolve();

  constructor(private readonly init: PeriodicJobsInit) {}

  readonly every: Every = <T>(name: string, intervalMs: number, work: JobWork<T>, options: EveryOptions = {}): PeriodicJob<T> => {
    if (this.jobs.has(name)) throw new Error(`A periodic job named "${name}" is already scheduled.`);
    const firstRunMs = options.firstRunMs ?? 0;
    // Written so that NaN fails too.
    if (!(intervalMs > 0 && intervalMs <= MAX_TIMER_MS && firstRunMs >= 0 && firstRunMs <= MAX_TIMER_MS)) {
      throw new RangeError(`Periodic job "${name}": interval ${intervalMs} ms or first run ${firstRunMs} ms is out of range.`);
    }
    const exclusive = options.exclusive ?? true;
    // Without the lock a run holds no connection of its own: it need not wait for the others' turns.
    const job = new ScheduledJob<T>(name, work, this.init, exclusive ? (run) => this.inTurn(run) : (run) => run(), exclusive);
    this.jobs.set(name, job as ScheduledJob<unknown>);
    if (this.init.timers !== false) job.schedule(intervalMs, firstRunMs);
    return job;
  };

  /** The job scheduled under `name`, e.g. to run it now in a test. */
  get(name: string): PeriodicJob<unknown> | undefined {
    return this.jobs.get(name);
  }

  /**
   * Resolves once every job whose first run is due has had it and none is running or queued (a nudge
   * during a run queues one more): a test that moves its manual clock waits for it, so no run reads a
   * moment meant for another. First runs scheduled for later (the prunes, a minute after start) are
   * not waited for.
   */
  async settled(): Promise<void> {
    for (;;) {
      const busy = [...this.jobs.values()].filter((job) => !job.isSettled());
      if (!busy.length) return;
      await Promise.all(busy.map((job) => job.whenSettled()));
    }
  }

  /** Stops every job: no new runs; resolves when the runs under way have ended. */
  async stop(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.stop()));
  }

  /**
   * Runs of this process take turns: each holds a pooled connection for its lock besides the ones
   * its work uses, so with runs in turn the jobs cost the pool one connection however many modules
   * schedule, and can never hold every connection while their work waits for one. (A `runNow` waiting
   * for another replica's lock keeps the turn meanwhile: the sweeps are short.)
   */
  private async inTurn<T>(run: () => Promise<T>): Promise<T> {
    const previous = this.turn;
    let done!: () => void;
    this.turn = new Promise<void>((resolve) => (done = resolve));
    await previous;
    try {
      return await run();
    } finally {
      done();
    }
  }
}

type Outcome<T> = { ran: true; value: T } | { ran: false };

class ScheduledJob<T> implements PeriodicJob<T> {
  private readonly log: Logger;
  private readonly abort = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  /** The run under way or waiting for its turn; single flight hangs on it. */
  private running: Promise<Outcome<T>> | null = null;
  private stopped = false;
  /** A nudge came during a run: run once more after it. */
  private again = false;
  /** `tick` bound to the async context the job was scheduled in (start-up), so a nudge from a request runs outside that request. */
  private readonly detachedTick = AsyncResource.bind(() => this.tick());
  /** Whether the first scheduled tick is still to come (or to end), and when it is due; resolved by `firstTickDone`. */
  private firstTickPending = false;
  private firstTickDue = 0;
  private firstTickDone: () => void = () => undefined;
  private firstTick: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly work: JobWork<T>,
    private readonly init: PeriodicJobsInit,
    private readonly inTurn: (run: () => Promise<Outcome<T>>) => Promise<Outcome<T>>,
    private readonly exclusive: boolean,
  ) {
    this.log = init.log.child({ job: name });
  }

  schedule(intervalMs: number, firstRunMs: number): void {
    this.firstTickPending = true;
    this.firstTickDue = Date.now() + firstRunMs;
    this.firstTick = new Promise<void>((resolve) => (this.firstTickDone = resolve));
    const first = () => {
      this.tick();
      // The first tick's run, or the run under way that it skipped.
      const ended = () => {
        this.firstTickPending = false;
        this.firstTickDone();
      };
      if (this.running) this.running.then(ended, ended);
      else ended();
    };
    // unref: a pending run never keeps the process alive.
    this.timers.push(setTimeout(first, firstRunMs).unref(), setInterval(() => this.tick(), intervalMs).unref());
  }

  /** A first tick that is due (its timer has fired or is about to), and has not ended. */
  private firstTickOwed(): boolean {
    return this.firstTickPending && Date.now() >= this.firstTickDue;
  }

  /** No first tick due, no run under way or queued (a first run scheduled for later is not waited for). */
  isSettled(): boolean {
    return this.stopped || (!this.firstTickOwed() && !this.running && !this.again);
  }

  /** Resolves when this job is settled, or once it has moved on (its first tick, or the run under way, ended). */
  async whenSettled(): Promise<void> {
    if (this.firstTickOwed()) await this.firstTick;
    while (this.running && !this.stopped) await this.running.catch(() => undefined);
  }

  async runNow(): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.stopped) throw new Error(`Periodic job "${this.name}" is stopped.`);
    const outcome = await this.start(true);
    if (!outcome.ran) throw new Error(`Periodic job "${this.name}" was stopped before it ran.`);
    return outcome.value;
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.detachedTick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.firstTickPending = false;
    this.firstTickDone();
    for (const timer of this.timers) clearTimeout(timer);
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  private tick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.log.debug('periodic job: the previous run is still under way; tick skipped');
      return;
    }
    this.start(false).catch((err: unknown) => this.log.error({ err }, 'periodic job failed; it runs again at the next tick'));
  }

  private start(waitForLock: boolean): Promise<Outcome<T>> {
    const run = this.inTurn(() => (this.stopped ? Promise.resolve<Outcome<T>>({ ran: false }) : this.locked(waitForLock)));
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
      if (this.again && !this.running) {
        this.again = false;
        this.tick();
      }
    };
    run.then(clear, clear);
    return run;
  }

  /**
   * The work under the job's session-level advisory lock, taken on a connection of its own and
   * released before the connection goes back to the pool. Ticks try the lock and skip when another
   * replica holds it; `runNow` waits for it (up to the statement timeout). A connection lost mid-run
   * releases the lock early: the sweeps' statements stay safe to run twice (SKIP LOCKED, marks).
   */
  private async locked(waitForLock: boolean): Promise<Outcome<T>> {
    if (!this.exclusive) return { ran: true, value: await this.work(this.context(), this.abort.signal) };
    const key = [JOB_LOCK_CLASS, this.name];
    const runner = this.init.dataSource.createQueryRunner();
    try {
      await runner.connect();
      if (waitForLock) await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', key);
      else {
        const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', key)) as Array<{ locked: boolean }>;
        if (!locked) {
          this.log.debug('periodic job: another replica is running it; tick skipped');
          return { ran: false };
        }
      }
      try {
        return { ran: true, value: await this.work(this.context(), this.abort.signal) };
      } finally {
        // Failing here means the connection broke (the pool drops it, and the lock ends with its session).
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', key).catch((err: unknown) => this.log.warn({ err }, 'periodic job: could not release its lock'));
      }
    } finally {
      await runner.release();
    }
  }

  private context(): RequestContext {
    const requestId = `job:${this.name}:${randomUUID()}`;
    const { dataSource, events, clock } = this.init;
    return new RequestContext({ requestId, principal: SYSTEM, dataSource, events, clock, log: this.log.child({ requestId }) });
  }
}
