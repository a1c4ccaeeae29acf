import { audit, emitEvent, records, transaction, type RequestContext } from '@platform/core';
import { Datastreams } from './sensors.entities';
import { sensorEvents } from './sensors.events';
import { SensorPermission } from './sensors.permissions';
import { sensorsRules, type SensorsRule } from './sensors.rules';
import { sensorConfig } from './sensors.settings';
import { IngestRowOutcome, ObservationType, SensorStatus } from './sensor.enums';
import { OBSERVED_PROPERTIES } from './observed-properties';
import { INGEST_COMPONENTS, type IngestComponent, type IngestObservationsInput } from './ingest.inputs';
import { IngestRowResult, type IngestReport, type StoredStream } from './ingest.types';
import { insertObservations, saveBatch, storedBatch, type ObservationColumns } from './ingest.sql';
import type { Datastream } from './datastream.entity';

/** An ISO 8601 date-time with a time zone (STA's instants). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const NOT_FOUND = 'NOT_FOUND';
const BAD_INPUT = 'BAD_USER_INPUT';
type NotAccepted = StoredStream['notAccepted'][number];

/** The datastream properties ingestion reads. */
const DATASTREAM_PROPERTIES = ['id', 'status', 'ownerClientId', 'observationType', 'observedProperty'];

/** Who sends the batch, as batch keys are kept: each client has keys of its own. */
const clientKeyOf = (ctx: RequestContext): string => `${ctx.principal.kind}:${ctx.principal.id ?? '-'}`;

/** An instant in ms, or null when the value is not one. */
function instant(value: unknown): number | null {
  if (typeof value !== 'string' || !INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Refuses the call as a whole: the components are the batch's structure, not a row's value. */
function checkComponents(components: readonly string[], field: string): Record<IngestComponent, number> {
  const at = {} as Record<IngestComponent, number>;
  components.forEach((c, i) => {
    if (!(INGEST_COMPONENTS as readonly string[]).includes(c) || (at as Record<string, number>)[c] !== undefined) {
      throw sensorsRules.field(`${field}.${i}`, 'components', `${JSON.stringify(c)} is unknown or repeated: use each of ${INGEST_COMPONENTS.join(', ')} at most once.`);
    }
    at[c as IngestComponent] = i;
  });
  if (at.phenomenonTime === undefined || at.result === undefined) throw sensorsRules.field(field, 'components', 'components must name phenomenonTime and result.');
  return at;
}

/** A row's result as stored, or the rule it breaks. */
function resultOf(value: unknown, type: ObservationType): number | null {
  if (type === ObservationType.OM_TruthObservation) return typeof value === 'boolean' ? Number(value) : value === 0 || value === 1 ? value : null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (type === ObservationType.OM_CountObservation && !Number.isInteger(value)) return null;
  return value;
}

/**
 * 批量接入观测值 (STA dataArray): one transaction, one statement for the rows, one audit entry per batch.
 * Idempotent twice over: a batch key the client sent before answers its first report and writes
 * nothing; a (datastream, phenomenon time) stored already is a DUPLICATE row. Late and out-of-order
 * rows are accepted. A row is REJECTED with its field and rule (a datastream out of reach answers
 * NOT_FOUND: for a machine client every datastream it does not feed); the others are kept.
 */
export async function ingestObservations(ctx: RequestContext, input: IngestObservationsInput): Promise<IngestReport> {
  const config = sensorConfig(ctx);
  const total = input.datastreams.reduce((n, s) => n + (Array.isArray(s.dataArray) ? s.dataArray.length : 0), 0);
  if (total > config.maxRows) throw sensorsRules.field('input.datastreams', 'batchSize', `${total} rows in one call: at most ${config.maxRows} (SENSOR_INGEST_MAX_ROWS); split the batch.`);
  const layouts = input.datastreams.map((s, i) => checkComponents(s.components, `input.datastreams.${i}.components`));
  const clientKey = clientKeyOf(ctx);

  return transaction(ctx, async (tx) => {
    const replay = await storedBatch(tx, clientKey, input.batchKey);
    if (replay) return replay;

    const ids = [...new Set(input.datastreams.map((s) => s.datastreamId))];
    const found = await records(tx, Datastreams, SensorPermission.Ingest).many(ids, DATASTREAM_PROPERTIES);
    const machine = tx.principal.kind === 'api-client';
    const reachable = new Map<string, Datastream>();
    for (const d of found) if (d && (!machine || d.ownerClientId === tx.principal.id)) reachable.set(d.id, d);

    const now = tx.clock.now();
    const latestAllowed = now.getTime() + config.clockSkewSeconds * 1000;
    const columns: ObservationColumns = { datastreamIds: [], phenomenonTimes: [], phenomenonTimeEnds: [], results: [], resultTimes: [], resultQualities: [] };
    /** Per stream: each row's pending key (null when rejected before the insert). */
    const pendingKeys: Array<Array<string | null>> = [];
    const notAccepted: NotAccepted[][] = [];
    const seen = new Set<string>();

    input.datastreams.forEach((stream, s) => {
      const rows = stream.dataArray;
      const at = layouts[s]!;
      const d = reachable.get(stream.datastreamId);
      const keys: Array<string | null> = [];
      const refused: NotAccepted[] = [];
      const reject = (i: number, code: string, field: string, rule: SensorsRule, message: string) => {
        refused.push([i, IngestRowOutcome.REJECTED, code, field, rule, message]);
        keys.push(null);
      };
      const base = `datastreams.${s}`;
      rows.forEach((row, i) => {
        if (!d) return reject(i, NOT_FOUND, `${base}.datastreamId`, 'exists', `Datastream ${stream.datastreamId} was not found${machine ? ' among the datastreams your client feeds' : ''}.`);
        if (d.status === SensorStatus.RETIRED) return reject(i, BAD_INPUT, `${base}.datastreamId`, 'state', 'the datastream is retired: it accepts no more data.');
        const field = `${base}.dataArray.${i}`;
        if (!Array.isArray(row) || row.length !== stream.components.length) return reject(i, BAD_INPUT, field, 'dataArray', `a row has one value per component (${stream.components.length}).`);
        const timeValue = row[at.phenomenonTime];
        const [startText, endText, ...more] = typeof timeValue === 'string' ? timeValue.split('/') : [];
        const start = instant(startText);
        const end = endText === undefined ? null : instant(endText);
        if (start === null || more.length || (endText !== undefined && (end === null || end < start))) {
          return reject(i, BAD_INPUT, `${field}.${at.phenomenonTime}`, timeValue == null ? 'required' : 'dateTime', 'phenomenonTime is an ISO 8601 instant with a time zone, or an interval start/end.');
        }
        if (start > latestAllowed) return reject(i, BAD_INPUT, `${field}.${at.phenomenonTime}`, 'notFuture', `phenomenonTime lies in the future (more than ${config.clockSkewSeconds} s ahead of the server).`);
        const result = resultOf(row[at.result], d.observationType);
        if (result === null) return reject(i, BAD_INPUT, `${field}.${at.result}`, row[at.result] == null ? 'required' : 'result', `result must be ${d.observationType === ObservationType.OM_TruthObservation ? 'true or false' : d.observationType === ObservationType.OM_CountObservation ? 'a whole number' : 'a finite number'}.`);
        const range = OBSERVED_PROPERTIES[d.observedProperty];
        if (result < range.min || result > range.max) return reject(i, BAD_INPUT, `${field}.${at.result}`, 'range', `a ${d.observedProperty} result lies between ${range.min} and ${range.max}.`);
        let resultTime = start;
        if (at.resultTime !== undefined && row[at.resultTime] != null) {
          const rt = instant(row[at.resultTime]);
          if (rt === null) return reject(i, BAD_INPUT, `${field}.${at.resultTime}`, 'dateTime', 'resultTime is an ISO 8601 instant with a time zone.');
          resultTime = rt;
        }
        let quality: string | null = null;
        if (at.resultQuality !== undefined && row[at.resultQuality] != null) {
          const q = row[at.resultQuality];
          if (typeof q !== 'string' || q.length < 1 || q.length > 60) return reject(i, BAD_INPUT, `${field}.${at.resultQuality}`, 'range', 'resultQuality is a text of 1–60 characters.');
          quality = q;
        }
        const key = `${d.id}|${start}`;
        if (seen.has(key)) {
          refused.push([i, IngestRowOutcome.DUPLICATE, null, null, null, null]);
          keys.push(null);
          return;
        }
        seen.add(key);
        keys.push(key);
        columns.datastreamIds.push(d.id);
        columns.phenomenonTimes.push(new Date(start).toISOString());
        columns.phenomenonTimeEnds.push(end === null ? null : new Date(end).toISOString());
        columns.results.push(result);
        columns.resultTimes.push(new Date(resultTime).toISOString());
        columns.resultQualities.push(quality);
      });
      pendingKeys.push(keys);
      notAccepted.push(refused);
    });

    const inserted = await insertObservations(tx, columns, input.batchKey, now);
    let earliest: number | null = null;
    let latest: number | null = null;
    const touched = new Set<string>();
    const streams: StoredStream[] = input.datastreams.map((stream, s) => {
      const refused = notAccepted[s]!;
      pendingKeys[s]!.forEach((key, i) => {
        if (key === null) return;
        if (inserted.keys && !inserted.keys.has(key)) {
          refused.push([i, IngestRowOutcome.DUPLICATE, null, null, null, null]);
          return;
        }
        const [id, ms] = key.split('|') as [string, string];
        const t = Number(ms);
        touched.add(id);
        if (earliest === null || t < earliest) earliest = t;
        if (latest === null || t > latest) latest = t;
      });
      refused.sort((a, b) => a[0] - b[0]);
      return { datastreamId: stream.datastreamId, rows: stream.dataArray.length, notAccepted: refused };
    });
    const count = (outcome: IngestRowOutcome) => streams.reduce((n, st) => n + st.notAccepted.filter((r) => r[1] === outcome).length, 0);
    const report: IngestReport = {
      batchKey: input.batchKey,
      replayed: false,
      receivedAt: now,
      accepted: inserted.count,
      duplicates: count(IngestRowOutcome.DUPLICATE),
      rejected: count(IngestRowOutcome.REJECTED),
      earliest: earliest === null ? null : new Date(earliest),
      latest: latest === null ? null : new Date(latest),
      streams,
    };
    const batchId = await saveBatch(tx, clientKey, report);
    await audit(tx, {
      action: 'scenarios.observation.ingest',
      entityType: 'ObservationBatch',
      entityId: batchId,
      changes: { batchKey: report.batchKey, accepted: report.accepted, duplicates: report.duplicates, rejected: report.rejected, datastreamIds: [...touched], earliest: report.earliest, latest: report.latest },
    });
    if (report.accepted > 0) {
      await emitEvent(tx, sensorEvents, 'scenarios.observation.ingest', { datastreamIds: [...touched], earliest: report.earliest!.toISOString(), latest: report.latest!.toISOString() });
    }
    return report;
  });
}

/** Each row's result, in the order sent (optionally only some outcomes). */
export function rowResults(report: IngestReport, outcomes: readonly IngestRowOutcome[] | null): IngestRowResult[] {
  const wanted = outcomes?.length ? new Set(outcomes) : null;
  const out: IngestRowResult[] = [];
  report.streams.forEach((stream, s) => {
    const byIndex = new Map(stream.notAccepted.map((r) => [r[0], r]));
    for (let i = 0; i < stream.rows; i++) {
      const r = byIndex.get(i);
      const outcome = r ? r[1] : IngestRowOutcome.ACCEPTED;
      if (wanted && !wanted.has(outcome)) continue;
      out.push(Object.assign(new IngestRowResult(), { datastreamIndex: s, datastreamId: stream.datastreamId, index: i, outcome, code: r?.[2] ?? null, field: r?.[3] ?? null, rule: r?.[4] ?? null, message: r?.[5] ?? null }));
    }
  });
  return out;
}
