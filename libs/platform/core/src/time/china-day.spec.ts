import { localDaySql, todayInChina } from './china-day';
import { ManualClock, SYSTEM_CLOCK } from './clock';

const HOUR = 3_600_000;
const at = (iso: string): Date => new Date(iso);

describe('todayInChina', () => {
  it('keeps the UTC day until 16:00 UTC and turns to the next day at 16:00 UTC (midnight UTC+8)', () => {
    expect(todayInChina(at('2025-06-30T00:00:00.000Z'))).toBe('2025-06-30');
    expect(todayInChina(at('2025-06-30T15:59:59.999Z'))).toBe('2025-06-30');
    expect(todayInChina(at('2025-06-30T16:00:00.000Z'))).toBe('2025-07-01');
    expect(todayInChina(at('2025-06-30T23:59:59.999Z'))).toBe('2025-07-01');
  });

  it('answers the China day of an instant whatever offset it was written with', () => {
    // 23:30 on 30 June in Beijing is still 30 June, even though it is 15:30 UTC or 08:30 in Los Angeles.
    expect(todayInChina(at('2025-06-30T23:30:00+08:00'))).toBe('2025-06-30');
    expect(todayInChina(at('2025-06-30T08:30:00-07:00'))).toBe('2025-06-30');
    // 00:00 on 1 July in Beijing is the previous evening in Los Angeles.
    expect(todayInChina(at('2025-07-01T00:00:00+08:00'))).toBe('2025-07-01');
    expect(todayInChina(at('2025-06-30T09:00:00-07:00'))).toBe('2025-07-01');
  });

  it('crosses month, year and leap-day boundaries at 16:00 UTC', () => {
    expect(todayInChina(at('2024-02-28T15:59:59.999Z'))).toBe('2024-02-28');
    expect(todayInChina(at('2024-02-28T16:00:00.000Z'))).toBe('2024-02-29');
    expect(todayInChina(at('2024-02-29T16:00:00.000Z'))).toBe('2024-03-01');
    // 2025 and 2100 have no 29 February; 2000 has one.
    expect(todayInChina(at('2025-02-28T16:00:00.000Z'))).toBe('2025-03-01');
    expect(todayInChina(at('2100-02-28T16:00:00.000Z'))).toBe('2100-03-01');
    expect(todayInChina(at('2000-02-28T16:00:00.000Z'))).toBe('2000-02-29');
    expect(todayInChina(at('2024-12-31T15:59:59.999Z'))).toBe('2024-12-31');
    expect(todayInChina(at('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01');
    expect(todayInChina(at('1999-12-31T16:00:00.000Z'))).toBe('2000-01-01');
    expect(todayInChina(at('2025-04-30T16:00:00.000Z'))).toBe('2025-05-01');
  });

  it('has no daylight saving time: the boundary stays at 16:00 UTC all year round', () => {
    // The days on which Europe and North America change their clocks, and a winter and a summer day.
    for (const day of ['2025-01-15', '2025-03-09', '2025-03-30', '2025-07-15', '2025-10-26', '2025-11-02']) {
      const boundary = Date.parse(`${day}T16:00:00.000Z`);
      expect(todayInChina(new Date(boundary - 1))).toBe(day);
      const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * HOUR).toISOString().slice(0, 10);
      expect(todayInChina(new Date(boundary))).toBe(next);
    }
  });

  it('answers a YYYY-MM-DD day', () => {
    expect(todayInChina(at('2025-01-05T03:04:05Z'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(todayInChina(at('2025-01-05T03:04:05Z'))).toBe('2025-01-05');
  });

  it('reads the system clock without an argument', () => {
    const before = todayInChina(new Date());
    const today = todayInChina();
    const after = todayInChina(new Date());
    expect([before, after]).toContain(today);
  });
});

describe('localDaySql', () => {
  it('casts the column to its day in Asia/Shanghai', () => {
    expect(localDaySql('h.found_at')).toBe(`(h.found_at AT TIME ZONE 'Asia/Shanghai')::date`);
  });
});

describe('ManualClock', () => {
  it('stands still at its start until moved', () => {
    const clock = new ManualClock(at('2025-06-30T15:00:00Z'));
    expect(clock.now().toISOString()).toBe('2025-06-30T15:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-06-30T15:00:00.000Z');
    expect(clock.today()).toBe('2025-06-30');
  });

  it('moves today across the China day boundary when advanced', () => {
    const clock = new ManualClock(at('2025-06-30T15:59:59.000Z'));
    expect(clock.today()).toBe('2025-06-30');
    clock.advance(999);
    expect(clock.now().toISOString()).toBe('2025-06-30T15:59:59.999Z');
    expect(clock.today()).toBe('2025-06-30');
    clock.advance(1);
    expect(clock.now().toISOString()).toBe('2025-06-30T16:00:00.000Z');
    expect(clock.today()).toBe('2025-07-01');
    clock.advance(24 * HOUR);
    expect(clock.today()).toBe('2025-07-02');
  });

  it('crosses the leap day and the new year when advanced a day at a time', () => {
    const clock = new ManualClock(at('2024-02-28T12:00:00Z'));
    const days: string[] = [];
    for (let i = 0; i < 3; i++) {
      days.push(clock.today());
      clock.advance(24 * HOUR);
    }
    expect(days).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    clock.set(at('2024-12-31T15:30:00Z'));
    expect(clock.today()).toBe('2024-12-31');
    clock.advance(HOUR);
    expect(clock.today()).toBe('2025-01-01');
  });

  it('jumps to the instant it is set to, backwards too', () => {
    const clock = new ManualClock(at('2025-07-01T02:00:00Z'));
    clock.set(at('2025-06-30T15:59:59.999Z'));
    expect(clock.now().toISOString()).toBe('2025-06-30T15:59:59.999Z');
    expect(clock.today()).toBe('2025-06-30');
    clock.advance(1);
    expect(clock.today()).toBe('2025-07-01');
  });

  it('is not moved by changes to the dates given to it or taken from it', () => {
    const start = at('2025-06-30T10:00:00Z');
    const clock = new ManualClock(start);
    start.setTime(0);
    clock.now().setTime(0);
    expect(clock.now().toISOString()).toBe('2025-06-30T10:00:00.000Z');
    const target = at('2025-08-01T10:00:00Z');
    clock.set(target);
    target.setTime(0);
    expect(clock.now().toISOString()).toBe('2025-08-01T10:00:00.000Z');
  });

  it('starts at the system time without a start', () => {
    const before = Date.now();
    const clock = new ManualClock();
    const after = Date.now();
    const started = clock.now().getTime();
    expect(started).toBeGreaterThanOrEqual(before);
    expect(started).toBeLessThanOrEqual(after);
  });
});

describe('SYSTEM_CLOCK', () => {
  it('answers the China day of the system time', () => {
    const before = new Date();
    const today = SYSTEM_CLOCK.today();
    const after = new Date();
    // The day may turn between the two readings: either side is right then.
    expect([todayInChina(before), todayInChina(after)]).toContain(today);
  });

  it('answers the system time', () => {
    const before = Date.now();
    const now = SYSTEM_CLOCK.now().getTime();
    const after = Date.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(after);
  });

  it('cannot be replaced by a test', () => {
    expect(Object.isFrozen(SYSTEM_CLOCK)).toBe(true);
  });
});
