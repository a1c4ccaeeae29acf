import type { MigrationInterface, QueryRunner } from 'typeorm';
import { insertBusinessRuleVersions } from '@platform/core';
import { HEALTH_RULE_SEEDS } from '../business-rules/health';

const AUDIT_COLUMNS = `created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1`;

/**
 * Data health (issue 22, point 二十三): gaps in datastreams' data (no reading for k × the sampling
 * interval) and the enforcement leads of operating enterprises' monitoring gaps and tamper signals
 * (刑法 第一百三十四条之一); the rule `scenarios.data-health`. STALE alarms are alarms (1764404210000).
 */
export class CreateDataHealth1764404215000 implements MigrationInterface {
  name = 'CreateDataHealth1764404215000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sensor_data_gap (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        datastream_id uuid NOT NULL REFERENCES sensor_datastream (id),
        thing_id uuid NOT NULL REFERENCES sensor_thing (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        enterprise_id uuid REFERENCES organization (id),
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        sampling_interval_seconds int NOT NULL CHECK (sampling_interval_seconds > 0),
        missed_readings int NOT NULL CHECK (missed_readings >= 1),
        detected_at timestamptz NOT NULL,
        ${AUDIT_COLUMNS},
        CHECK (ended_at IS NULL OR ended_at > started_at),
        UNIQUE (datastream_id, started_at)
      )`);
    await q.query(`CREATE INDEX sensor_data_gap_started_idx ON sensor_data_gap (started_at, id)`);
    await q.query(`CREATE INDEX sensor_data_gap_datastream_idx ON sensor_data_gap (datastream_id, started_at, id)`);
    await q.query(`CREATE INDEX sensor_data_gap_organization_idx ON sensor_data_gap (organization_id, started_at, id)`);
    await q.query(`CREATE INDEX sensor_data_gap_ongoing_idx ON sensor_data_gap (datastream_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX sensor_data_gap_updated_idx ON sensor_data_gap (updated_at, id)`);
    await q.query(`COMMENT ON TABLE sensor_data_gap IS '数据缺口: no reading of a datastream for more than k x its sampling interval (scenarios.data-health), from the last reading before to the first after'`);

    await q.query(`
      CREATE TABLE monitoring_enforcement_lead (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        datastream_id uuid NOT NULL REFERENCES sensor_datastream (id),
        thing_id uuid NOT NULL REFERENCES sensor_thing (id),
        kind text NOT NULL CHECK (kind IN ('GAP', 'TAMPER')),
        gap_id uuid REFERENCES sensor_data_gap (id),
        started_at timestamptz NOT NULL,
        ended_at timestamptz,
        evidence text NOT NULL CHECK (length(evidence) BETWEEN 2 AND 2000),
        basis text NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REVIEWED')),
        reviewed_at timestamptz,
        review_note text,
        ${AUDIT_COLUMNS},
        CHECK ((kind = 'GAP') = (gap_id IS NOT NULL)),
        CHECK ((status = 'REVIEWED') = (reviewed_at IS NOT NULL AND review_note IS NOT NULL)),
        CHECK (ended_at IS NULL OR ended_at >= started_at),
        UNIQUE (datastream_id, kind, started_at)
      )`);
    await q.query(`CREATE INDEX monitoring_enforcement_lead_started_idx ON monitoring_enforcement_lead (started_at, id)`);
    await q.query(`CREATE INDEX monitoring_enforcement_lead_organization_idx ON monitoring_enforcement_lead (organization_id, started_at, id)`);
    await q.query(`CREATE INDEX monitoring_enforcement_lead_gap_idx ON monitoring_enforcement_lead (gap_id) WHERE gap_id IS NOT NULL`);
    await q.query(`CREATE INDEX monitoring_enforcement_lead_open_idx ON monitoring_enforcement_lead (started_at, id) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX monitoring_enforcement_lead_updated_idx ON monitoring_enforcement_lead (updated_at, id)`);
    await q.query(`COMMENT ON TABLE monitoring_enforcement_lead IS '监测执法线索: gaps and tamper signals of operating enterprises'' monitoring (刑法 第一百三十四条之一), for inspectors'`);
    await insertBusinessRuleVersions(q, HEALTH_RULE_SEEDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE monitoring_enforcement_lead`);
    await q.query(`DROP TABLE sensor_data_gap`);
  }
}
