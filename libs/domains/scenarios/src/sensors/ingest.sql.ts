import { runSql, sql, type RequestContext } from '@platform/core';
import type { IngestReport, StoredStream } from './ingest.types';

/** The columns of observations to insert, one array per column, aligned by row. */
export interface ObservationColumns {
  readonly datastreamIds: string[];
  readonly phenomenonTimes: string[];
  readonly phenomenonTimeEnds: Array<string | null>;
  readonly results: number[];
  readonly resultTimes: string[];
  readonly resultQualities: Array<string | null>;
}

/** What the stored batch row holds besides its counts. */
interface StoredBatch {
  receivedAt: Date;
  accepted: number;
  duplicates: number;
  rejected: number;
  report: { earliest: string | null; latest: string | null; streams: StoredStream[] };
}

/**
 * The report a client's batch key answered before, or null: the batch key is locked for the rest of the
 * transaction first (an advisory lock on client and key), so a replay sent while the first is still
 * being written waits for it and then answers its report.
 */
export async function storedBatch(tx: RequestContext, clientKey: string, batchKey: string): Promise<IngestReport | null> {
  const [row] = await runSql<StoredBatch & { locked: unknown }>(
    tx.manager,
    sql`WITH lock AS (SELECT pg_advisory_xact_lock(hashtextextended(${`${clientKey} ${batchKey}`}, 22)) AS locked)
        SELECT b.received_at AS "receivedAt", b.rows_accepted AS accepted, b.rows_duplicate AS duplicates, b.rows_rejected AS rejected, b.report, lock.locked
          FROM lock LEFT JOIN sensor_ingest_batch b ON b.client_key = ${clientKey} AND b.batch_key = ${batchKey}`,
  );
  if (!row || row.receivedAt == null) return null;
  return {
    batchKey,
    replayed: true,
    receivedAt: new Date(row.receivedAt),
    accepted: row.accepted,
    duplicates: row.duplicates,
    rejected: row.rejected,
    earliest: row.report.earliest ? new Date(row.report.earliest) : null,
    latest: row.report.latest ? new Date(row.report.latest) : null,
    streams: row.report.streams,
  };
}

/**
 * Inserts the observations in one statement (`unnest` of one array per column), skipping those whose
 * (datastream, phenomenon time) is stored already, and moves each datastream's latest observation
 * forward when a newer one arrived (late and out-of-order rows do not move it back). Answers how many
 * were inserted and, only when some were not (duplicates), the keys inserted as `<datastream id>|<epoch
 * ms>`: the common batch of new rows sends one number back, not a row per observation.
 */
export async function insertObservations(tx: RequestContext, c: ObservationColumns, batchKey: string, receivedAt: Date): Promise<{ count: number; keys: Set<string> | null }> {
  if (!c.datastreamIds.length) return { count: 0, keys: null };
  const [row] = await runSql<{ n: number; keys: string[] | null }>(
    tx.manager,
    sql`WITH inserted AS (
          INSERT INTO sensor_observation (datastream_id, phenomenon_time, phenomenon_time_end, result, result_time, result_quality, batch_key, received_at)
          SELECT d, p, pe, r, rt, q, ${batchKey}, ${receivedAt}
            FROM unnest(${c.datastreamIds}::uuid[], ${c.phenomenonTimes}::timestamptz[], ${c.phenomenonTimeEnds}::timestamptz[], ${c.results}::float8[], ${c.resultTimes}::timestamptz[], ${c.resultQualities}::text[]) AS x(d, p, pe, r, rt, q)
          ON CONFLICT (datastream_id, phenomenon_time) DO NOTHING
          RETURNING datastream_id, phenomenon_time, result
        ), newest AS (
          SELECT DISTINCT ON (datastream_id) datastream_id, phenomenon_time, result FROM inserted ORDER BY datastream_id, phenomenon_time DESC
        ), moved AS (
          UPDATE sensor_datastream d SET last_phenomenon_time = n.phenomenon_time, last_result = n.result
            FROM newest n
           WHERE d.id = n.datastream_id AND (d.last_phenomenon_time IS NULL OR d.last_phenomenon_time < n.phenomenon_time)
        )
        SELECT count(*)::int AS n,
               CASE WHEN count(*) < ${c.datastreamIds.length} THEN coalesce(array_agg(datastream_id || '|' || (extract(epoch FROM phenomenon_time) * 1000)::bigint), '{}') END AS keys
          FROM inserted`,
  );
  return { count: row!.n, keys: row!.keys ? new Set(row!.keys) : null };
}

/** Keeps the batch's report under the client's batch key (the unique key refuses a second one). */
export async function saveBatch(tx: RequestContext, clientKey: string, report: IngestReport): Promise<string> {
  const [row] = await runSql<{ id: string }>(
    tx.manager,
    sql`INSERT INTO sensor_ingest_batch (client_key, batch_key, rows_accepted, rows_duplicate, rows_rejected, report, received_at)
        VALUES (${clientKey}, ${report.batchKey}, ${report.accepted}, ${report.duplicates}, ${report.rejected},
                ${JSON.stringify({ earliest: report.earliest?.toISOString() ?? null, latest: report.latest?.toISOString() ?? null, streams: report.streams })}::jsonb, ${report.receivedAt})
        RETURNING id`,
  );
  return row!.id;
}
