import { compile, ManualClock, type RequestContext } from '@platform/core';
import { inspectionOverdue, inspectionOverdueSql } from './fire-facility.service';

const facility = (lastInspectedOn: string | null, inspectionIntervalDays = 30) => ({ lastInspectedOn, inspectionIntervalDays });

/** Days since 1970-01-01 of a YYYY-MM-DD day (an oracle independent of the rule's own date arithmetic). */
const epochDay = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
};
const dayOf = (epoch: number): string => new Date(epoch * 86_400_000).toISOString().slice(0, 10);

describe('inspectionOverdue', () => {
  it('is overdue when the facility was never inspected, whatever its interval', () => {
    expect(inspectionOverdue(facility(null), '2025-07-01')).toBe(true);
    expect(inspectionOverdue(facility(null, 3650), '2025-07-01')).toBe(true);
    expect(inspectionOverdue(facility(null, 1), '1970-01-01')).toBe(true);
  });

  it('is not overdue on the day of the inspection', () => {
    expect(inspectionOverdue(facility('2025-07-01', 1), '2025-07-01')).toBe(false);
    expect(inspectionOverdue(facility('2025-07-01', 30), '2025-07-01')).toBe(false);
  });

  it('is not overdue on the last day of the interval, and overdue the day after', () => {
    // Inspected 1 June with 30 days: due by 1 July.
    expect(inspectionOverdue(facility('2025-06-01', 30), '2025-06-30')).toBe(false);
    expect(inspectionOverdue(facility('2025-06-01', 30), '2025-07-01')).toBe(false);
    expect(inspectionOverdue(facility('2025-06-01', 30), '2025-07-02')).toBe(true);
    // A one-day interval: inspected yesterday is in time, the day before yesterday is not.
    expect(inspectionOverdue(facility('2025-06-30', 1), '2025-07-01')).toBe(false);
    expect(inspectionOverdue(facility('2025-06-29', 1), '2025-07-01')).toBe(true);
  });

  it('counts days across the end of a month', () => {
    // 31 January + 30 days is 2 March in 2025 (28 days in February).
    expect(inspectionOverdue(facility('2025-01-31', 30), '2025-03-02')).toBe(false);
    expect(inspectionOverdue(facility('2025-01-31', 30), '2025-03-03')).toBe(true);
    // 30 April + 1 day is 1 May.
    expect(inspectionOverdue(facility('2025-04-30', 1), '2025-05-01')).toBe(false);
    expect(inspectionOverdue(facility('2025-04-30', 1), '2025-05-02')).toBe(true);
  });

  it('counts the leap day', () => {
    // 31 January + 30 days is 1 March in 2024 (29 days in February).
    expect(inspectionOverdue(facility('2024-01-31', 30), '2024-03-01')).toBe(false);
    expect(inspectionOverdue(facility('2024-01-31', 30), '2024-03-02')).toBe(true);
    expect(inspectionOverdue(facility('2024-02-28', 1), '2024-02-29')).toBe(false);
    expect(inspectionOverdue(facility('2024-02-28', 1), '2024-03-01')).toBe(true);
    // Inspected on the leap day, yearly: due by 28 February 2025 (365 days later).
    expect(inspectionOverdue(facility('2024-02-29', 365), '2025-02-28')).toBe(false);
    expect(inspectionOverdue(facility('2024-02-29', 365), '2025-03-01')).toBe(true);
    // A yearly interval spanning the leap day ends a day earlier in the calendar.
    expect(inspectionOverdue(facility('2024-01-15', 365), '2025-01-14')).toBe(false);
    expect(inspectionOverdue(facility('2024-01-15', 365), '2025-01-15')).toBe(true);
  });

  it('counts days across the end of a year', () => {
    expect(inspectionOverdue(facility('2024-12-15', 30), '2025-01-14')).toBe(false);
    expect(inspectionOverdue(facility('2024-12-15', 30), '2025-01-15')).toBe(true);
    expect(inspectionOverdue(facility('2024-12-31', 1), '2025-01-01')).toBe(false);
    expect(inspectionOverdue(facility('2024-12-31', 1), '2025-01-02')).toBe(true);
  });

  it('takes the longest interval allowed (3650 days)', () => {
    expect(inspectionOverdue(facility('2015-07-01', 3650), '2025-06-28')).toBe(false);
    expect(inspectionOverdue(facility('2015-07-01', 3650), '2025-06-29')).toBe(true);
  });

  it('is overdue exactly when more than the interval\'s days have passed (SQL `last + interval < today`)', () => {
    const start = epochDay('2023-01-01');
    const mismatches: string[] = [];
    for (let last = start; last < start + 3 * 366; last += 7) {
      for (const interval of [1, 7, 28, 29, 30, 31, 59, 90, 180, 365, 366]) {
        for (const delta of [interval - 1, interval, interval + 1]) {
          const today = dayOf(last + delta);
          const expected = delta > interval;
          if (inspectionOverdue(facility(dayOf(last), interval), today) !== expected) mismatches.push(`${dayOf(last)} +${interval} on ${today}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('takes today from the clock it is given: a facility falls overdue as a ManualClock passes the China midnight', () => {
    const clock = new ManualClock(new Date('2025-07-01T15:59:59.999Z'));
    const f = facility('2025-06-01', 30);
    expect(inspectionOverdue(f, clock.today())).toBe(false);
    clock.advance(1);
    expect(clock.today()).toBe('2025-07-02');
    expect(inspectionOverdue(f, clock.today())).toBe(true);
  });
});

describe('inspectionOverdueSql', () => {
  it('states the same rule in SQL with the clock\'s day as a parameter', () => {
    const ctx = { clock: new ManualClock(new Date('2025-06-30T16:00:00Z')) } as unknown as RequestContext;
    expect(compile(inspectionOverdueSql(ctx))).toEqual({
      text: '(t.last_inspected_on IS NULL OR t.last_inspected_on + t.inspection_interval_days < CAST(:p1 AS date))',
      params: { p1: '2025-07-01' },
    });
  });
});
