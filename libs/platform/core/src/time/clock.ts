import { todayInChina } from './china-day';

/**
 * Where "now" comes from for time-driven rules (deadlines, overdue, expiry, sweeps). The gateway uses
 * the system clock; tests pass a ManualClock to move time forward instead of waiting.
 */
export interface Clock {
  now(): Date;
  /** Today's day in China (YYYY-MM-DD) at `now()`: the "today" of deadlines and due days. */
  today(): string;
}

export const SYSTEM_CLOCK: Clock = Object.freeze({ now: () => new Date(), today: () => todayInChina(new Date()) });

/** A clock that stands still until moved (tests). */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date = new Date()) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  today(): string {
    return todayInChina(this.now());
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date): void {
    this.current = to.getTime();
  }
}
