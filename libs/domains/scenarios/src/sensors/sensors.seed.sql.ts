import { runSql, sql, type RequestContext, type Sql } from '@platform/core';

/** The demo devices and datastreams were registered on this day (before the demo week). */
const REGISTERED_AT = '2026-11-01T09:00:00+08:00';

export interface SeedThingRow {
  readonly id: string;
  readonly organizationId: string;
  readonly enterpriseId: string | null;
  readonly riskPointId: string | null;
  readonly name: string;
  readonly description: string;
  readonly kind: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly properties: Record<string, unknown>;
}

export interface SeedDatastreamRow {
  readonly id: string;
  readonly thingId: string;
  readonly organizationId: string;
  readonly observedProperty: string;
  readonly name: string;
  readonly unitName: string;
  readonly unitSymbol: string;
  readonly unitDefinition: string;
  readonly samplingIntervalSeconds: number;
  readonly sensorName: string;
}

/** Inserts a demo thing unless it exists; true when inserted. */
export async function insertSeedThing(ctx: RequestContext, t: SeedThingRow): Promise<boolean> {
  const rows = await runSql(
    ctx.manager,
    sql`INSERT INTO sensor_thing (id, organization_id, enterprise_id, risk_point_id, name, description, kind, longitude, latitude, status, properties, created_at, updated_at)
        VALUES (${t.id}, ${t.organizationId}, ${t.enterpriseId}, ${t.riskPointId}, ${t.name}, ${t.description}, ${t.kind}, ${t.longitude}, ${t.latitude}, 'ACTIVE', ${JSON.stringify(t.properties)}::jsonb, ${REGISTERED_AT}, ${REGISTERED_AT})
        ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return rows.length > 0;
}

/** Inserts a demo datastream unless it exists; true when inserted. */
export async function insertSeedDatastream(ctx: RequestContext, d: SeedDatastreamRow): Promise<boolean> {
  const rows = await runSql(
    ctx.manager,
    sql`INSERT INTO sensor_datastream (id, thing_id, organization_id, observed_property, name, unit_name, unit_symbol, unit_definition, sampling_interval_seconds, sensor_name, status, created_at, updated_at)
        VALUES (${d.id}, ${d.thingId}, ${d.organizationId}, ${d.observedProperty}, ${d.name}, ${d.unitName}, ${d.unitSymbol}, ${d.unitDefinition}, ${d.samplingIntervalSeconds}, ${d.sensorName}, 'ACTIVE', ${REGISTERED_AT}, ${REGISTERED_AT})
        ON CONFLICT (id) DO NOTHING RETURNING id`,
  );
  return rows.length > 0;
}

/**
 * A week of one datastream's observations in one statement: `generate_series` from `from` to `to`
 * every `stepSeconds`, the result an SQL expression of `t` (the phenomenon time) and `n` (the step's
 * number from 0); received 30 s after. Existing ones stay (idempotent); answers how many were new.
 * The datastream's latest observation is set from what is stored.
 */
export async function insertSeedSeries(ctx: RequestContext, datastreamId: string, from: string, to: string, stepSeconds: number, result: Sql): Promise<number> {
  const rows = await runSql<{ n: string }>(
    ctx.manager,
    sql`WITH series AS (
          SELECT s.t, round((${result})::numeric, 2)::float8 AS r
            FROM (SELECT g AS t, row_number() OVER (ORDER BY g) - 1 AS n
                    FROM generate_series(${from}::timestamptz, ${to}::timestamptz, make_interval(secs => ${stepSeconds})) AS g) AS s
        ), inserted AS (
          INSERT INTO sensor_observation (datastream_id, phenomenon_time, result, result_time, received_at)
          SELECT ${datastreamId}::uuid, t, r, t, t + interval '30 seconds' FROM series
          ON CONFLICT (datastream_id, phenomenon_time) DO NOTHING
          RETURNING 1
        ), latest AS (
          UPDATE sensor_datastream d SET last_phenomenon_time = o.t, last_result = o.r
            FROM (SELECT t, r FROM series ORDER BY t DESC LIMIT 1) AS o
           WHERE d.id = ${datastreamId}::uuid AND (d.last_phenomenon_time IS NULL OR d.last_phenomenon_time < o.t)
        )
        SELECT count(*) AS n FROM inserted`,
  );
  return Number(rows[0]!.n);
}
