import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One notice's days: [first, last] ranges off (HOLIDAY) and single make-up working days (WORKDAY). */
interface HolidaySet {
  readonly name: string;
  readonly off: readonly [string, string];
  readonly workdays?: readonly string[];
}

const NOTICE_2025 = '国办发明电〔2024〕12号';
const NOTICE_2026 = '国办发明电〔2025〕7号';
const STATUTORY = '全国年节及纪念日放假办法（国务院令第795号）法定假日；当年安排通知未录入';

/** The State Council's holiday notices for 2025 and 2026, day by day. */
const NOTICES: ReadonlyArray<{ readonly source: string; readonly sets: readonly HolidaySet[] }> = [
  {
    source: NOTICE_2025,
    sets: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'] },
      { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    source: NOTICE_2026,
    sets: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

/** 2027's statutory holidays (lunar ones on their 2027 dates), entered provisionally until the year's notice is. */
const STATUTORY_2027: readonly HolidaySet[] = [
  { name: '元旦', off: ['2027-01-01', '2027-01-01'] },
  { name: '春节', off: ['2027-02-05', '2027-02-08'] },
  { name: '清明节', off: ['2027-04-05', '2027-04-05'] },
  { name: '劳动节', off: ['2027-05-01', '2027-05-02'] },
  { name: '端午节', off: ['2027-06-09', '2027-06-09'] },
  { name: '中秋节', off: ['2027-09-15', '2027-09-15'] },
  { name: '国庆节', off: ['2027-10-01', '2027-10-03'] },
];

/** Rows of one set: every day of its range off, and its make-up working days. */
function rows(set: HolidaySet, source: string, provisional: boolean): Array<[string, string, string, string, boolean]> {
  const out: Array<[string, string, string, string, boolean]> = [];
  for (let t = Date.parse(`${set.off[0]}T00:00:00Z`); t <= Date.parse(`${set.off[1]}T00:00:00Z`); t += 86_400_000) {
    out.push([new Date(t).toISOString().slice(0, 10), 'HOLIDAY', set.name, source, provisional]);
  }
  for (const day of set.workdays ?? []) out.push([day, 'WORKDAY', set.name, source, provisional]);
  return out;
}

/**
 * The working-day calendar (工作日历): `calendar_day` holds the days that depart from the Monday–Friday
 * week, seeded from the State Council's notices (2025, 2026) and 2027's statutory holidays
 * (provisional); the SQL functions every module's deadlines use read it.
 */
export class CreateCalendar1764403600000 implements MigrationInterface {
  name = 'CreateCalendar1764403600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_day (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        day date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
        name text NOT NULL,
        source text NOT NULL,
        provisional boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        archived_at timestamptz
      )`);
    // One entry in force per day; withdrawn ones stay for the change feed and the audit trail.
    await q.query(`CREATE UNIQUE INDEX calendar_day_day_idx ON calendar_day (day) WHERE archived_at IS NULL`);
    await q.query(`COMMENT ON TABLE calendar_day IS '工作日历例外: days off and make-up working days (调休) that depart from the Monday–Friday week, by the State Council notice of each year'`);
    // A day is a working day by its entry in force, else Monday to Friday.
    await q.query(`
      CREATE FUNCTION is_working_day(d date) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce((SELECT c.kind = 'WORKDAY' FROM calendar_day c WHERE c.day = d AND c.archived_at IS NULL), extract(isodow FROM d) < 6)
      $$`);
    // The n-th working day after d (before it when n < 0); d itself when n = 0. The day counted from is not
    // counted (行政处罚法 第八十五条: a period starts the day after). The window is wide enough for any run
    // of holidays: n working days always fall within 3n + 60 calendar days.
    await q.query(`
      CREATE FUNCTION add_working_days(d date, n integer) RETURNS date LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN n = 0 THEN d
          WHEN n > 0 THEN (
            SELECT s.day FROM (SELECT (d + i) AS day FROM generate_series(1, 3 * n + 60) i) s
              LEFT JOIN calendar_day c ON c.day = s.day AND c.archived_at IS NULL
             WHERE coalesce(c.kind = 'WORKDAY', extract(isodow FROM s.day) < 6)
             ORDER BY s.day OFFSET n - 1 LIMIT 1)
          ELSE (
            SELECT s.day FROM (SELECT (d - i) AS day FROM generate_series(1, -3 * n + 60) i) s
              LEFT JOIN calendar_day c ON c.day = s.day AND c.archived_at IS NULL
             WHERE coalesce(c.kind = 'WORKDAY', extract(isodow FROM s.day) < 6)
             ORDER BY s.day DESC OFFSET -n - 1 LIMIT 1)
        END
      $$`);
    // How many working days lie after a up to and including b (negative when b is before a).
    await q.query(`
      CREATE FUNCTION working_days_between(a date, b date) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT sign(b - a)::int * (
          SELECT count(*)::int FROM generate_series(least(a, b) + 1, greatest(a, b), interval '1 day') g(t)
            LEFT JOIN calendar_day c ON c.day = g.t::date AND c.archived_at IS NULL
           WHERE coalesce(c.kind = 'WORKDAY', extract(isodow FROM g.t) < 6))
      $$`);
    const all = [...NOTICES.flatMap((n) => n.sets.flatMap((s) => rows(s, n.source, false))), ...STATUTORY_2027.flatMap((s) => rows(s, STATUTORY, true))];
    await q.query(
      `INSERT INTO calendar_day (day, kind, name, source, provisional)
       SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::boolean[])`,
      [all.map((r) => r[0]), all.map((r) => r[1]), all.map((r) => r[2]), all.map((r) => r[3]), all.map((r) => r[4])],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION working_days_between(date, date)`);
    await q.query(`DROP FUNCTION add_working_days(date, integer)`);
    await q.query(`DROP FUNCTION is_working_day(date)`);
    await q.query(`DROP TABLE calendar_day`);
  }
}
