import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;
const STATUS = `status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MAINTENANCE', 'RETIRED'))`;

/**
 * Sensors (issue 22, point 二十三), shaped after the OGC SensorThings API 1.1: things with their location
 * (STA Thing + Location), datastreams with their unit of measurement, observed property and sensor
 * (STA Datastream, ObservedProperty, Sensor), and observations keyed by (datastream, phenomenon time),
 * the ingestion's idempotency key. A machine client's batches are kept by (client, batch key) with the
 * report they answered, so a replayed batch answers the same report.
 */
export class CreateSensors1764404200000 implements MigrationInterface {
  name = 'CreateSensors1764404200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sensor_thing (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        enterprise_id uuid REFERENCES organization (id),
        risk_point_id uuid REFERENCES risk_point (id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('RAIN_GAUGE', 'WATER_LEVEL', 'GNSS_DISPLACEMENT', 'GAS_DETECTOR', 'SMOKE_DETECTOR', 'WEATHER_STATION')),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        ${STATUS},
        owner_client_id uuid REFERENCES api_client (id),
        properties jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(properties) = 'object'),
        ${AUDIT_COLUMNS},
        CHECK ((longitude IS NULL) = (latitude IS NULL)),
        CHECK (enterprise_id IS NULL OR organization_id = enterprise_id)
      )`);
    await q.query(`CREATE INDEX sensor_thing_name_idx ON sensor_thing (name, id)`);
    await q.query(`CREATE INDEX sensor_thing_organization_idx ON sensor_thing (organization_id, name, id)`);
    await q.query(`CREATE INDEX sensor_thing_enterprise_idx ON sensor_thing (enterprise_id) WHERE enterprise_id IS NOT NULL`);
    await q.query(`CREATE INDEX sensor_thing_risk_point_idx ON sensor_thing (risk_point_id) WHERE risk_point_id IS NOT NULL`);
    await q.query(`CREATE INDEX sensor_thing_owner_idx ON sensor_thing (owner_client_id) WHERE owner_client_id IS NOT NULL`);
    await q.query(`CREATE INDEX sensor_thing_created_idx ON sensor_thing (created_at, id)`);
    await q.query(`CREATE INDEX sensor_thing_updated_idx ON sensor_thing (updated_at, id)`);
    await q.query(`CREATE INDEX sensor_thing_location_idx ON sensor_thing USING gist (point(longitude, latitude))`);
    await q.query(`COMMENT ON TABLE sensor_thing IS 'STA Thing with its Location: a monitoring device (rain gauge, water level, GNSS, gas, smoke, weather) at a risk point, a village or an enterprise'`);

    await q.query(`
      CREATE TABLE sensor_datastream (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thing_id uuid NOT NULL REFERENCES sensor_thing (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        observed_property text NOT NULL CHECK (observed_property IN ('precipitation', 'water_level', 'displacement', 'gas_lel', 'smoke', 'temperature')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        unit_name text NOT NULL CHECK (length(btrim(unit_name)) BETWEEN 1 AND 60),
        unit_symbol text NOT NULL CHECK (length(btrim(unit_symbol)) BETWEEN 1 AND 20),
        unit_definition text NOT NULL CHECK (unit_definition ~ '^https?://'),
        observation_type text NOT NULL DEFAULT 'OM_Measurement' CHECK (observation_type IN ('OM_Measurement', 'OM_CountObservation', 'OM_TruthObservation')),
        sampling_interval_seconds int NOT NULL CHECK (sampling_interval_seconds BETWEEN 1 AND 86400),
        sensor_name text,
        sensor_metadata text,
        ${STATUS},
        owner_client_id uuid REFERENCES api_client (id),
        last_phenomenon_time timestamptz,
        last_result double precision,
        ${AUDIT_COLUMNS},
        CHECK ((last_phenomenon_time IS NULL) = (last_result IS NULL))
      )`);
    await q.query(`CREATE INDEX sensor_datastream_thing_idx ON sensor_datastream (thing_id, name, id)`);
    await q.query(`CREATE INDEX sensor_datastream_name_idx ON sensor_datastream (name, id)`);
    await q.query(`CREATE INDEX sensor_datastream_organization_idx ON sensor_datastream (organization_id, name, id)`);
    await q.query(`CREATE INDEX sensor_datastream_property_idx ON sensor_datastream (observed_property, id)`);
    await q.query(`CREATE INDEX sensor_datastream_owner_idx ON sensor_datastream (owner_client_id) WHERE owner_client_id IS NOT NULL`);
    await q.query(`CREATE INDEX sensor_datastream_last_idx ON sensor_datastream (last_phenomenon_time, id) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX sensor_datastream_created_idx ON sensor_datastream (created_at, id)`);
    await q.query(`CREATE INDEX sensor_datastream_updated_idx ON sensor_datastream (updated_at, id)`);
    await q.query(`COMMENT ON TABLE sensor_datastream IS 'STA Datastream: one observed property of a thing with its unit of measurement (UCUM), sensor and sampling interval; organization copied from the thing'`);

    await q.query(`
      CREATE TABLE sensor_observation (
        datastream_id uuid NOT NULL REFERENCES sensor_datastream (id),
        phenomenon_time timestamptz NOT NULL,
        phenomenon_time_end timestamptz,
        result double precision NOT NULL CHECK (result = result AND result NOT IN ('Infinity'::float8, '-Infinity'::float8)),
        result_time timestamptz NOT NULL,
        result_quality text CHECK (result_quality IS NULL OR length(result_quality) BETWEEN 1 AND 60),
        batch_key text CHECK (batch_key IS NULL OR length(batch_key) BETWEEN 1 AND 100),
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (datastream_id, phenomenon_time),
        CHECK (phenomenon_time_end IS NULL OR phenomenon_time_end >= phenomenon_time)
      )`);
    // The key serves a datastream's observations by time (both directions); this one the lists across datastreams.
    await q.query(`CREATE INDEX sensor_observation_time_idx ON sensor_observation (phenomenon_time, datastream_id)`);
    // The change feed (observations(filter: { updatedSince })) reads by receipt, which grows with insertion: a BRIN index costs the ingestion almost nothing.
    await q.query(`CREATE INDEX sensor_observation_received_idx ON sensor_observation USING brin (received_at)`);
    await q.query(`COMMENT ON TABLE sensor_observation IS 'STA Observation: one result of a datastream at a phenomenon time; (datastream_id, phenomenon_time) is the idempotency key of the ingestion'`);

    await q.query(`
      CREATE TABLE sensor_ingest_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_key text NOT NULL CHECK (length(client_key) BETWEEN 1 AND 100),
        batch_key text NOT NULL CHECK (length(batch_key) BETWEEN 1 AND 100),
        rows_accepted int NOT NULL CHECK (rows_accepted >= 0),
        rows_duplicate int NOT NULL CHECK (rows_duplicate >= 0),
        rows_rejected int NOT NULL CHECK (rows_rejected >= 0),
        report jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (client_key, batch_key)
      )`);
    await q.query(`CREATE INDEX sensor_ingest_batch_received_idx ON sensor_ingest_batch (received_at, id)`);
    await q.query(`COMMENT ON TABLE sensor_ingest_batch IS 'An ingestion batch of a client (API client or user) by its batch key, with the per-row report it answered: a replay answers the same report'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sensor_ingest_batch`);
    await q.query(`DROP TABLE sensor_observation`);
    await q.query(`DROP TABLE sensor_datastream`);
    await q.query(`DROP TABLE sensor_thing`);
  }
}
