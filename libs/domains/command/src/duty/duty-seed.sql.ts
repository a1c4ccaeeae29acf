import type { RequestContext } from '@platform/core';

/*
 * The inserts of the demo rosters (`seedDuty`). Hand-written because seeding is not on a caller's
 * behalf and is idempotent: rows keep their stable ids (`ON CONFLICT DO NOTHING`), and a slot (shift ×
 * day) that has assignments already is left alone; the assignments' times are derived in bulk from
 * their shifts (China time) and the seeding clock.
 */

/** A demo shift template. */
export interface SeedShift {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly startsAt: string;
  readonly minutes: number;
}

/** A demo assignment; its organization and times come from its shift. */
export interface SeedAssignment {
  readonly id: string;
  readonly shiftId: string;
  readonly day: string;
  readonly personId: string;
  readonly role: 'LEADER' | 'STAFF';
  readonly status: string;
  readonly note: string | null;
}

/** Inserts the shift unless its id exists; how many it inserted (0 or 1). */
export async function insertSeedShift(ctx: RequestContext, s: SeedShift): Promise<number> {
  const rows: unknown[] = await ctx.manager.query(
    `INSERT INTO duty_shift (id, organization_id, name, starts_at, duration_minutes) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
    [s.id, s.organizationId, s.name, s.startsAt, s.minutes],
  );
  return rows.length;
}

/**
 * Inserts the assignments of slots that have none yet, on current shifts: confirmed a day before the
 * shift (or an hour before `now`, whichever is earlier), checked in 3 minutes after its start and
 * handed over at its end, as their status says. How many it inserted.
 */
export async function insertSeedAssignments(ctx: RequestContext, rows: readonly SeedAssignment[], now: Date): Promise<number> {
  if (!rows.length) return 0;
  const result: unknown[] = await ctx.manager.query(
    `INSERT INTO duty_assignment (id, shift_id, organization_id, day, person_id, role, status, confirmed_at, checked_in_at, handed_over_at, hand_over_note)
     SELECT v.id, s.id, s.organization_id, v.day, v.person_id, v.role, v.status,
            CASE WHEN v.status <> 'ASSIGNED' THEN LEAST(CAST($8 AS timestamptz) - interval '1 hour', t.start - interval '1 day') END,
            CASE WHEN v.status IN ('CHECKED_IN','HANDED_OVER') THEN t.start + interval '3 minutes' END,
            CASE WHEN v.status = 'HANDED_OVER' THEN t.start + make_interval(mins => s.duration_minutes) END,
            v.note
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::uuid[], $5::text[], $6::text[], $7::text[]) AS v(id, shift_id, day, person_id, role, status, note)
       JOIN duty_shift s ON s.id = v.shift_id AND s.archived_at IS NULL
       CROSS JOIN LATERAL (SELECT (v.day + CAST(s.starts_at AS time)) AT TIME ZONE 'Asia/Shanghai' AS start) t
      WHERE NOT EXISTS (SELECT 1 FROM duty_assignment x WHERE x.shift_id = v.shift_id AND x.day = v.day)
     ON CONFLICT DO NOTHING RETURNING id`,
    [rows.map((r) => r.id), rows.map((r) => r.shiftId), rows.map((r) => r.day), rows.map((r) => r.personId), rows.map((r) => r.role), rows.map((r) => r.status), rows.map((r) => r.note), now],
  );
  return result.length;
}
