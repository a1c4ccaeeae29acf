import { runSql, sql, type RequestContext, type Sql } from '@platform/core';

/*
 * The hand-written SQL of the QR codes part, over its own tables only: the daily scan counter (one
 * upsert per scan) and its reads for codes already read within the caller's scope.
 */

/** Counts one scan of a code on a China day: one statement; answers the day's count after it. */
export async function countScan(ctx: RequestContext, qrCodeId: string, day: string): Promise<number> {
  const [row] = (await runSql(
    ctx.manager,
    sql`INSERT INTO qr_code_scan_day AS s (qr_code_id, day, scans) VALUES (${qrCodeId}, CAST(${day} AS date), 1)
        ON CONFLICT (qr_code_id, day) DO UPDATE SET scans = s.scans + 1
        RETURNING s.scans`,
  )) as Array<{ scans: number }>;
  return row!.scans;
}

/** One code's scans on one day. */
export interface ScanDayRow {
  readonly qrCodeId: string;
  readonly day: string;
  readonly scans: number;
}

/**
 * The daily scans of codes (ids the caller already read within scope) between two days, both
 * included, newest first per code: one statement for all the codes of a request level.
 */
export async function scanDaysOf(ctx: RequestContext, qrCodeIds: readonly string[], from: string, to: string): Promise<ScanDayRow[]> {
  if (!qrCodeIds.length) return [];
  return (await runSql(
    ctx.manager,
    sql`SELECT s.qr_code_id AS "qrCodeId", to_char(s.day, 'YYYY-MM-DD') AS day, s.scans
        FROM qr_code_scan_day s
        WHERE s.qr_code_id = ANY(CAST(${[...qrCodeIds]} AS uuid[])) AND s.day BETWEEN CAST(${from} AS date) AND CAST(${to} AS date)
        ORDER BY s.qr_code_id, s.day DESC`,
  )) as ScanDayRow[];
}

/** The seed's scan history: adds the given counts (idempotent per code and day: a day seeded keeps its count). */
export async function seedScanDays(ctx: RequestContext, rows: readonly ScanDayRow[]): Promise<void> {
  if (!rows.length) return;
  await runSql(
    ctx.manager,
    sql`INSERT INTO qr_code_scan_day (qr_code_id, day, scans)
        SELECT * FROM unnest(CAST(${rows.map((r) => r.qrCodeId)} AS uuid[]), CAST(${rows.map((r) => r.day)} AS date[]), CAST(${rows.map((r) => r.scans)} AS int[]))
        ON CONFLICT (qr_code_id, day) DO NOTHING`,
  );
}

/** SQL: the scans in a period of the codes kept in the subtree (for the scans indicator), over `qr_code` rows `codes` already scoped. */
export const scansOfCodesSql = (codes: Sql, dayWithin: (column: string) => Sql): Sql =>
  sql`(SELECT coalesce(sum(s.scans), 0) AS numerator FROM qr_code_scan_day s WHERE s.qr_code_id IN ${codes} AND ${dayWithin('s.day')})`;
